import ArgumentParser
import Foundation
import Hummingbird
import VanBan
import VanBanServer

struct ServeCommand: AsyncParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban serve                         # http://127.0.0.1:8080/
          vanban serve --index /srv/index --port 8090
          curl 'http://127.0.0.1:8080/api/search?q=nghi+quyet+cong+doan&facets=true'
        """

    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Help.text("Serve the search page and the JSON API over the index.",
                            vi: "Cung cấp trang tìm kiếm và API JSON cho chỉ mục."),
        discussion: Help.text("""
        The page (Vietnamese; ?lang=en for English) searches with the same query language as `vanban search`, \
        with facets, sorting and paging; shows each document with what it cites, what cites it and where it is \
        mentioned; looks numbers up; lists mentions; downloads citation lists (Word, Markdown, CSV, JSON) and \
        draws citation graphs (Graphviz). The JSON API under /api/ answers in the shapes of the commands' \
        --json, described at /openapi.json. Documents indexed while the server runs appear without a restart.

        Safe by default: it listens on 127.0.0.1 only (any other --host prints a warning), reads the index and \
        never writes it, serves documents by their id only, and limits queries to 500 characters, pages to 100 \
        results and each request to 10 seconds.

        Examples:
        \(examples)

        Exit codes: 0 stopped (SIGINT or SIGTERM), 2 error (no index, the port taken).
        """, vi: """
        Trang tìm kiếm (tiếng Việt; ?lang=en cho tiếng Anh) dùng cùng ngôn ngữ truy vấn với `vanban search`, \
        có thống kê theo nhóm, sắp xếp và phân trang; hiển thị mỗi văn bản cùng những gì nó trích dẫn, những văn bản trích dẫn nó và những chỗ \
        nhắc đến nó; tra cứu số hiệu; liệt kê các lần nhắc đến; tải danh sách trích dẫn (Word, Markdown, CSV, JSON) và \
        vẽ đồ thị trích dẫn (Graphviz). API JSON dưới /api/ trả lời theo đúng cấu trúc --json của các lệnh, \
        được mô tả tại /openapi.json. Văn bản được lập chỉ mục trong lúc máy chủ đang chạy sẽ hiện ra mà không cần khởi động lại.

        An toàn theo mặc định: máy chủ chỉ lắng nghe trên 127.0.0.1 (mọi --host khác đều in ra cảnh báo), chỉ đọc chỉ mục và \
        không bao giờ ghi vào, chỉ trả văn bản theo id, và giới hạn truy vấn ở 500 ký tự, mỗi trang ở 100 \
        kết quả và mỗi yêu cầu ở 10 giây.

        Ví dụ:
        \(examples)

        Mã thoát: 0 đã dừng (SIGINT hoặc SIGTERM), 2 lỗi (không có chỉ mục, cổng đã bị chiếm).
        """)
    )

    @OptionGroup var index: IndexSelection
    @Option(help: Help.argument("Address to listen on. Anything but loopback exposes the index to the network.",
                                vi: "Địa chỉ lắng nghe. Mọi địa chỉ khác loopback đều để lộ chỉ mục ra mạng.")) var host = "127.0.0.1"
    @Option(help: Help.argument("Port to listen on.", vi: "Cổng lắng nghe.")) var port = 8080
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError(Help.text("--port must be between 1 and 65535", vi: "--port phải từ 1 đến 65535")) }
    }

    func run() async throws {
        let out = Printer(language: language.resolved, styled: false)
        let pool = try out.reportingErrors(index: index.resolved) { try IndexPool(locations: index.resolved) }
        if !VanBanServer.isLoopback(host) {
            out.warning(out.say.exposed(host, port))
        }
        out.note("vanban: " + out.say.serving(index.resolved.joined(separator: ", "), "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"))
        do {
            try await VanBanServer.application(pool: pool, host: host, port: port).runService()
        } catch {
            out.error { _ in "\(error)" }
            throw Exit.error
        }
    }
}

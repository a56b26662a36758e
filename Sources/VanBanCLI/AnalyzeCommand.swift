import ArgumentParser
import Foundation
import VietText

/// `vanban analyze`: shows how a text is decoded and split into index terms.
struct AnalyzeCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban analyze "Công văn số 565 - CV/ĐĐTLĐ ngày 13/8/2021"
          vanban analyze "Hòa bình, thủy lợi, qúa trình" --json
          vanban analyze --file old-tcvn3.txt
          vanban analyze --file notes.txt --encoding vni-windows
          echo "Nghá»‹ quyáº¿t" | vanban analyze
        """

    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: Help.text("Show how text is decoded and turned into index terms.",
                            vi: "Cho thấy cách chữ được giải mã và tách thành các mục từ của chỉ mục."),
        discussion: Help.text("""
            Decodes the input (detecting UTF-8, UTF-16, TCVN3, VNI-Windows, VISCII, CP1258 and \
            mojibake such as "Nghá»‹ quyáº¿t" or "C«ng ®oµn"), then lists every token with its exact \
            term (normalised, lower case, modern tone placement: hòa → hoà), its folded term (no marks, \
            đ → d), its kind (word, number, date, docnumber), its UTF-8 byte range in the decoded text \
            and its word position. Dates and document numbers are one token followed by their parts, \
            which share the positions starting at the whole token's position.

            Examples:
            \(examples)

            JSON: {"encoding", "confidence", "tokens": [{"text", "exact", "folded", "kind", "start", "end", "position"}]}.
            Encodings for --encoding: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")).
            """, vi: """
            Giải mã đầu vào (tự nhận biết UTF-8, UTF-16, TCVN3, VNI-Windows, VISCII, CP1258 và \
            chữ lỗi mã hóa như "Nghá»‹ quyáº¿t" hay "C«ng ®oµn"), rồi liệt kê từng từ tố với mục từ \
            dạng đúng (chuẩn hóa, chữ thường, đặt dấu thanh kiểu mới: hòa → hoà), mục từ dạng bỏ dấu (không dấu, \
            đ → d), loại từ tố (word, number, date, docnumber), khoảng byte UTF-8 trong chữ đã giải mã \
            và vị trí từ. Ngày tháng và số hiệu là một từ tố, theo sau là các thành phần của chúng; \
            các thành phần này dùng chung các vị trí tính từ vị trí của cả từ tố.

            Ví dụ:
            \(examples)

            JSON: {"encoding", "confidence", "tokens": [{"text", "exact", "folded", "kind", "start", "end", "position"}]}.
            Các mã hóa dùng được cho --encoding: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")).
            """)
    )

    @Argument(help: Help.argument("Text to analyse. Without it, --file or standard input is read.",
                                  vi: "Đoạn chữ cần phân tích. Nếu không có, chữ được đọc từ --file hoặc đầu vào chuẩn."))
    var text: String?

    @Option(name: .shortAndLong, help: Help.argument("Read the text from this file.", vi: "Đọc chữ từ tệp này.", valueName: "path"))
    var file: String?

    @Option(name: .shortAndLong, help: Help.argument("Decode the bytes as this encoding instead of detecting it.",
                                                     vi: "Giải mã các byte theo mã hóa này thay vì tự nhận biết.",
                                                     valueName: "encoding"))
    var encoding: String?

    @OptionGroup var output: OutputOptions<PlainFormat>

    func run() throws {
        let out = output.printer()
        if text != nil && file != nil {
            try out.fail(\.textOrFile)
        }
        var requested: TextEncoding?
        if let encoding {
            guard let known = TextEncoding(rawValue: encoding.lowercased()) else {
                try out.fail { $0.unknownEncoding(encoding, TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")) }
            }
            requested = known
        }
        let decoded: DecodedText
        if let text {
            // Text on the command line is already characters: repair or reinterpret them.
            decoded = requested.map { TextDecoder.reinterpret(text, as: $0) } ?? TextDecoder.repair(text)
        } else {
            let data: Data
            if let file {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    try out.fail { $0.noSuchFile(file) }
                }
                guard let contents = FileManager.default.contents(atPath: file) else {
                    try out.fail { $0.cannotRead(file) }
                }
                data = contents
            } else {
                data = FileHandle.standardInput.readDataToEndOfFile()
            }
            decoded = TextDecoder.decode(Array(data), as: requested)
        }
        let tokens = Analyzer().tokens(in: decoded.text)
        if output.format == .json {
            try out.json(Analysis(encoding: decoded.encoding.rawValue, confidence: decoded.confidence, tokens: tokens))
        } else {
            printTable(decoded, tokens, in: out.say)
        }
    }

    /// What `--json` prints.
    private struct Analysis: Encodable {
        let encoding: String
        let confidence: Double
        let tokens: [Token]
    }

    private func printTable(_ decoded: DecodedText, _ tokens: [Token], in say: Messages) {
        print(say.analysisHeader(decoded.encoding.rawValue, String(format: "%.2f", decoded.confidence), decoded.invalidBytes))
        let rows = tokens.map { ["\($0.position)", $0.kind.rawValue, $0.text, $0.exact, $0.folded, "\($0.start)..<\($0.end)"] }
        let titles = say.columns
        var widths = titles.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
        print(line(titles))
        for row in rows { print(line(row)) }
        print(say.tokens(tokens.count))
    }
}

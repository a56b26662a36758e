import ArgumentParser
import DocRefs
import Foundation
import VanBan

extension MentionSort: ExpressibleByArgument {}

struct MentionsCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban mentions 02-NQ/TW
          vanban mentions "Luật Công đoàn" --sort relevance --json
        """

    static let configuration = CommandConfiguration(
        commandName: "mentions",
        abstract: Help.text("Find every mention of a document across the index, with the passages.",
                            vi: "Tìm mọi lần nhắc đến một văn bản trong toàn bộ chỉ mục, kèm các đoạn văn."),
        discussion: Help.text("""
        REF is a number in any spelling (02-NQ/TW, "Nghị quyết số 02-NQ/TW"), a short form (NQ 02, \
        "Nghị quyết 02") or a name ("Nghị quyết Đại hội XIII", "Luật Công đoàn"). Short forms that a document \
        resolves to the reference through an earlier full mention count, marked as resolved.

        Examples:
        \(examples)

        JSON: {reference, key, label, total_documents, total_mentions, documents}.
        Exit codes: 0 mentions found, 1 none, 2 error.
        """, vi: """
        Văn bản được nhắc đến ghi bằng số hiệu viết theo bất kỳ cách nào (02-NQ/TW, "Nghị quyết số 02-NQ/TW"), dạng viết tắt (NQ 02, \
        "Nghị quyết 02") hoặc tên gọi ("Nghị quyết Đại hội XIII", "Luật Công đoàn"). Dạng viết tắt mà một văn bản \
        gắn với văn bản ấy qua một lần nhắc đến đầy đủ trước đó cũng được tính, kèm ghi chú "suy ra từ cách viết tắt".

        Ví dụ:
        \(examples)

        JSON: {reference, key, label, total_documents, total_mentions, documents}.
        Mã thoát: 0 có lần nhắc đến, 1 không có, 2 lỗi.
        """)
    )

    @Argument(help: Help.argument("The referenced document.", vi: "Văn bản được nhắc đến.")) var reference: String
    @OptionGroup var index: IndexSelection
    @Option(help: Help.argument("Words of context on each side of a mention, within its sentence.",
                                vi: "Số từ ngữ cảnh ở mỗi bên lần nhắc đến, trong phạm vi câu chứa nó.")) var context = 20
    @Option(help: Help.argument("Order, as in search: -date (newest first), date (oldest first) or relevance (most mentions first).",
                                vi: "Thứ tự, như ở lệnh search: -date (mới nhất trước), date (cũ nhất trước) hoặc relevance (nhiều lần nhắc đến nhất trước)."))
    var sort: MentionSort = .newest
    @Option(help: Help.argument("Documents to show (text output).", vi: "Số văn bản hiện ra (khi in dạng text).")) var limit: Int?
    @OptionGroup var output: OutputOptions<PlainFormat>

    func validate() throws {
        guard context >= 0 else { throw ValidationError(Help.text("--context must not be negative", vi: "--context không được âm")) }
    }

    func run() throws {
        let out = output.printer()
        let r = try out.reportingErrors(index: index.resolved) { try index.open().mentions(of: reference, context: context, sort: sort) }
        if output.format == .json {
            try out.json(r)
        } else {
            print(out.say.mentionsSummary(r.totalMentions, r.label, r.totalDocuments))
            for doc in r.documents.prefix(limit ?? .max) {
                print("\n" + out.bold(doc.title ?? doc.number ?? doc.path))
                let head = Printer.describe(number: doc.number, type: doc.type, issuer: doc.issuer, date: doc.date)
                if !head.isEmpty { print("  " + head) }
                print("  " + doc.path)
                for m in doc.mentions {
                    let snippet = Snippet(text: m.passage, highlights: [m.passageHighlight], offset: 0)
                    var tags: [String] = []
                    if let rel = m.relation { tags.append(Relation.label(ofCode: rel)) }
                    if m.resolved { tags.append(out.say.resolved) }
                    print("  - " + out.highlighted(snippet) + (tags.isEmpty ? "" : "  (" + tags.joined(separator: ", ") + ")"))
                }
            }
            if let limit, r.documents.count > limit { print("\n" + out.say.moreDocuments(r.documents.count - limit)) }
        }
        if r.documents.isEmpty { throw Exit.noResults }
    }
}

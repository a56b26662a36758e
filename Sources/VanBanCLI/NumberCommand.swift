import ArgumentParser
import DocRefs
import Foundation
import VanBan

extension DocumentSummary {
    func printText(indent: String = "", to out: Printer) {
        print(indent + out.bold(title ?? number ?? path))
        let head = Printer.describe(number: number, type: type, issuer: issuer, date: date)
        if !head.isEmpty { print(indent + "  " + head) }
        print(indent + "  " + path)
    }
}

struct NumberCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban number 380/NQ-CP
          vanban number "565 cv ddtld"
          vanban number "Nghị quyết 380" --json
        """

    static let configuration = CommandConfiguration(
        commandName: "number",
        abstract: Help.text("Look a document up by its number, in any spelling, with the documents citing it.",
                            vi: "Tra một văn bản theo số hiệu, viết theo bất kỳ cách nào, kèm các văn bản trích dẫn nó."),
        discussion: Help.text("""
        565-CV/ĐĐTLĐ, 565/CV-DDTLD, "565 cv ddtld" and "số 565-CV/ĐĐTLĐ" are the same number. A number \
        without its issuer ("Nghị quyết 380", "NQ 380") names the one document of the index bearing it.
        JSON: {query, key, number, documents, cited_by}; every document bearing the number is listed (copies too).
        Exit codes: 0 found (the document or a citation of it), 1 neither, 2 error.

        Examples:
        \(examples)
        """, vi: """
        565-CV/ĐĐTLĐ, 565/CV-DDTLD, "565 cv ddtld" và "số 565-CV/ĐĐTLĐ" là cùng một số hiệu. Số hiệu \
        không kèm cơ quan ban hành ("Nghị quyết 380", "NQ 380") chỉ văn bản duy nhất trong chỉ mục mang số hiệu đó.
        JSON: {query, key, number, documents, cited_by}; mọi văn bản mang số hiệu này đều được liệt kê (kể cả các bản sao).
        Mã thoát: 0 tìm thấy (văn bản hoặc một trích dẫn đến nó), 1 không thấy gì, 2 lỗi.

        Ví dụ:
        \(examples)
        """)
    )

    @Argument(help: Help.argument("The document number.", vi: "Số hiệu của văn bản.")) var symbol: String
    @OptionGroup var index: IndexSelection
    @OptionGroup var output: OutputOptions<PlainFormat>

    func run() throws {
        let out = output.printer()
        let found = try out.reportingErrors(index: index.resolved) { try index.open().lookUp(number: symbol) }
        guard let response = found else {
            throw out.nothingFound { $0.noDocumentNumbered(symbol) }
        }
        if output.format == .json {
            try out.json(response)
        } else {
            print(out.bold(response.number))
            for d in response.documents { d.printText(indent: "  ", to: out) }
            if response.documents.isEmpty { print("  " + out.say.notInIndex) }
            print("\n" + out.say.citedBy(response.citedBy.count))
            for d in response.citedBy {
                d.printText(indent: "  ", to: out)
                print("    " + [Relation.label(ofCode: d.relation), d.mentions.map(out.say.mentions)].compactMap { $0 }.joined(separator: ", "))
            }
        }
        if response.documents.isEmpty && response.citedBy.isEmpty { throw Exit.noResults }
    }
}

struct CitedByCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban cited-by 02-NQ/TW
          vanban cited-by "Luật Công đoàn" --json
        """

    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: Help.text("List the documents that cite a document, with the relation and date.",
                            vi: "Liệt kê các văn bản trích dẫn một văn bản, kèm quan hệ và ngày."),
        discussion: Help.text("""
        REF is a number in any spelling, a short form (NQ 02) or a name (Luật Công đoàn).
        JSON: [{docid, path, number, type, issuer, date, title, relation, mentions}], newest first.
        Exit codes: 0 found, 1 none, 2 error.

        Examples:
        \(examples)
        """, vi: """
        Văn bản được trích dẫn ghi bằng số hiệu viết theo bất kỳ cách nào, dạng viết tắt (NQ 02) hoặc tên gọi (Luật Công đoàn).
        JSON: [{docid, path, number, type, issuer, date, title, relation, mentions}], mới nhất trước.
        Mã thoát: 0 tìm thấy, 1 không có, 2 lỗi.

        Ví dụ:
        \(examples)
        """)
    )

    @Argument(help: Help.argument("The cited document.", vi: "Văn bản được trích dẫn.")) var reference: String
    @OptionGroup var index: IndexSelection
    @OptionGroup var output: OutputOptions<PlainFormat>

    func run() throws {
        let out = output.printer()
        let list = try out.reportingErrors(index: index.resolved) { try index.open().citing(reference) }
        if output.format == .json {
            try out.json(list)
        } else {
            for (i, d) in list.enumerated() {
                print("\(i + 1). " + [d.date ?? "----------", d.number ?? out.say.noNumber, Relation.label(ofCode: d.relation)].joined(separator: "  ")
                      + "  " + (d.title ?? d.path))
            }
            if list.isEmpty { print(out.say.nothingCites(reference)) }
        }
        if list.isEmpty { throw Exit.noResults }
    }
}

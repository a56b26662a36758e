import Foundation
import FuzzSupport
import VanBan

/// The query language: a query that parses compiles (``SearchPlan`` does not throw), and runs and shows its
/// page against a small index without error. The match mode, sort and facets vary with the input's length.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = inputText(start, count)
    guard (try? QueryLanguage.parse(text)) != nil else { return 0 }
    var options = SearchOptions()
    options.mode = MatchMode.allCases[count % MatchMode.allCases.count]
    options.sort = SearchSort.allCases[count / 3 % SearchSort.allCases.count]
    options.facets = count % 2 == 0
    do {
        let plan = try SearchPlan(text, options: options)
        _ = try index.present(plan, try index.execute(plan))
    } catch {
        require(false, "query \(text.debugDescription) parses but fails: \(error)")
    }
    return 0
}

/// A temporary folder for this process's index, removed at exit.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-fuzz-query-\(getpid())")

/// The index the queries run against, built once: a few short documents with numbers, dates, citations and titles.
nonisolated(unsafe) let index: SearchIndex = {
    let docs = folder.appendingPathComponent("docs")
    let texts = [
        "UBND TỈNH BẮC NINH\nSố: 125/2025/QĐ-UBND\nBắc Ninh, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVề việc phê duyệt quy hoạch thủy điện\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ;",
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\nSố: 565-CV/ĐĐTLĐ\nHà Nội, ngày 13/8/2021\nV/v tổ chức đại hội công đoàn cơ sở\nThực hiện Nghị quyết 02-NQ/TW, Luật Công đoàn 2012 và Điều 5 Luật Công đoàn.",
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 36-HD/VPTW\nHƯỚNG DẪN\nthể thức văn bản của Đảng\nBãi bỏ Hướng dẫn 11-HD/VPTW. Chuyển đổi số, kinh tế - xã hội, ngân sách nhà nước năm 2024.",
        "BỘ TÀI CHÍNH\nSố: 1234/TCT-DNNCN\nV/v thuế thu nhập cá nhân\nKính gửi: Cục Thuế các tỉnh\nTheo Thông tư 80/2021/TT-BTC, hoà, thuỷ, khoẻ, quý, giữa; 1.000.000 đồng.",
    ]
    do {
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for (i, text) in texts.enumerated() { try Data(text.utf8).write(to: docs.appendingPathComponent("vb-\(i).txt")) }
        let path = folder.appendingPathComponent("index").path
        _ = try Indexer(options: IndexOptions(roots: [docs], indexPath: path, jobs: 1)).run(stop: StopRequest())
        atexit { try? FileManager.default.removeItem(at: folder) }
        return try SearchIndex(locations: [path])
    } catch {
        fatalError("cannot build the fuzzing index in \(folder.path): \(error)")
    }
}()

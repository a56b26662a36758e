import ArgumentParser
import Foundation

extension Language {
    /// The language of this run, read from the command line and the environment before the arguments are parsed:
    /// ArgumentParser prints help and usage errors itself, and reads each command's help once, after `main` starts.
    static let ofRun = resolve(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

    /// The last `--lang vi|en` (or `--lang=…`) among `arguments` before a `--`, else the environment's (``resolve(_:environment:)``).
    static func resolve(arguments: [String], environment: [String: String]) -> Language {
        var option: Language?
        for (k, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", k + 1 < arguments.count, let named = Language(rawValue: arguments[k + 1]) { option = named }
            if argument.hasPrefix("--lang="), let named = Language(rawValue: String(argument.dropFirst(7))) { option = named }
        }
        return resolve(option, environment: environment)
    }
}

/// A command's help in the run's language (``Language/ofRun``): each text is written in both.
enum Help {
    /// `en` in an English run, `vi` in a Vietnamese one.
    static func text(_ en: String, vi: String) -> String { Language.ofRun == .vi ? vi : en }

    /// A message of the library (in English) in the run's language, through ``QueryErrorWords``.
    static func library(_ message: String) -> String { Language.ofRun == .vi ? QueryErrorWords.vietnamese(message) : message }

    /// An option's or argument's help in the run's language.
    static func argument(_ en: String, vi: String, discussion: (en: String, vi: String)? = nil, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(text(en, vi: vi), discussion: discussion.map { text($0.en, vi: $0.vi) } ?? "", valueName: valueName)
    }
}

/// What ArgumentParser itself writes around a command's help and in a usage error, in Vietnamese: its headings
/// and labels, and its error sentences by template (``LibraryWords``). The commands' own help is already in the
/// run's language (``Help``).
enum ParserWords {
    /// Headings and labels of help and usage errors, each replaced where it stands.
    static let labels: [(en: String, vi: String)] = [
        ("OVERVIEW:", "TỔNG QUAN:"), ("USAGE:", "CÁCH DÙNG:"), ("ARGUMENTS:", "ĐỐI SỐ:"), ("OPTIONS:", "TÙY CHỌN:"),
        ("SUBCOMMANDS:", "LỆNH CON:"), ("Show help information.", "Hiện phần trợ giúp này."), ("Show the version.", "Hiện phiên bản."),
        ("(default:", "(mặc định:"), (" default:", " mặc định:"), ("(values:", "(giá trị:"), (" values:", " giá trị:"),
        ("See 'vanban help <subcommand>' for detailed help.", "Xem 'vanban help <lệnh-con>' để có trợ giúp chi tiết."),
    ]

    /// ArgumentParser's error sentences (the first line of a usage error, after "Error: ").
    static let errors: [(en: String, vi: String)] = [
        ("Missing expected argument '{}'", "Thiếu đối số bắt buộc '{1}'"),
        ("Missing one of: '{}'", "Thiếu một trong: '{1}'"),
        ("Unknown option '{}'. Did you mean '{}'?", "Không có tùy chọn '{1}'. Có phải ý bạn là '{2}'?"),
        ("Unknown option '{}'", "Không có tùy chọn '{1}'"),
        ("Missing value for '{}'", "Thiếu giá trị cho '{1}'"),
        ("The option '{}' does not take any value, but '{}' was specified.", "Tùy chọn '{1}' không nhận giá trị, nhưng đã được cho '{2}'."),
        ("Unexpected argument '{}'", "Đối số không cần đến: '{1}'"),
        ("{} unexpected arguments: '{}'", "{1} đối số không cần đến: '{2}'"),
        ("Value to be set with {} had already been set with {}", "Giá trị đặt bằng {1} đã được đặt trước đó bằng {2}"),
        ("The value '{}' is invalid for '{}'. Please provide one of {}.", "Giá trị '{1}' không hợp lệ cho '{2}'. Hãy cho một trong {3}."),
        ("The value '{}' is invalid for '{}': {}", "Giá trị '{1}' không hợp lệ cho '{2}': {3}"),
        ("The value '{}' is invalid for '{}'", "Giá trị '{1}' không hợp lệ cho '{2}'"),
    ]

    /// ArgumentParser's help or usage error `text` in Vietnamese; its lines it does not know stay as they are.
    static func vietnamese(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = String(line)
            if line.hasPrefix("Error: ") {
                let sentence = String(line.dropFirst(7))
                return "Lỗi: " + (LibraryWords.vietnamese(sentence, table: errors, value: listWords) ?? sentence)
            }
            if line.hasPrefix("Help: ") { return "Trợ giúp: " + line.dropFirst(6) }
            if line.hasPrefix("Usage: ") { return "Cách dùng: " + line.dropFirst(7) }
            if let command = LibraryWords.values(of: line, in: "  See '{}' for more information.")?.first {
                return "  Xem '\(command)' để biết thêm."
            }
            for (en, vi) in labels { line = line.replacingOccurrences(of: en, with: vi) }
            return line
        }.joined(separator: "\n")
    }

    /// A list of values as ArgumentParser ends it ("'a', 'b' or 'c'", "'vi' and 'en'"), in Vietnamese.
    private static func listWords(_ value: String) -> String {
        value.replacingOccurrences(of: "' or '", with: "' hoặc '").replacingOccurrences(of: "' and '", with: "' hoặc '")
    }
}

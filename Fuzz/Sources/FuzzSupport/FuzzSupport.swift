/// A broken property: stops with `message`, so that libFuzzer saves the input as a crash.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !condition() else { return }
    fatalError("fuzz property broken: \(message())")
}

/// The fuzzer's input as bytes.
public func inputBytes(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: start, count: count))
}

/// The fuzzer's input as text: its bytes read as UTF-8, each invalid sequence replaced by U+FFFD.
public func inputText(_ start: UnsafeRawPointer, _ count: Int) -> String {
    String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
}

/// Checks that `[start, end)` lies within `utf8` and that both ends fall on scalar boundaries.
public func requireSpan(_ start: Int, _ end: Int, in utf8: [UInt8], _ what: String) {
    require(0 <= start && start <= end && end <= utf8.count, "\(what): span \(start)..<\(end) outside 0..<\(utf8.count)")
    for offset in [start, end] where offset < utf8.count {
        require(utf8[offset] & 0xC0 != 0x80, "\(what): offset \(offset) inside a UTF-8 sequence")
    }
}

/// Checks that `text` is well-formed Unicode: its UTF-8 validates (no surrogates, nothing past U+10FFFF).
public func requireValidUnicode(_ text: String, _ what: String) {
    require(String(validating: Array(text.utf8), as: UTF8.self) != nil, "\(what): invalid UTF-8")
}

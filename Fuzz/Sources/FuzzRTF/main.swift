import FuzzSupport
import ReaderCheck
import VanBan

/// The RTF reader (VanBan's own parser, fonts and legacy bytes judged by LegacyRuns) on any bytes: no crash,
/// no hang, valid text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = inputBytes(start, count)
    requireReads(RTFReader(), bytes.starts(with: Array("{\\rtf".utf8)) ? bytes : Array("{\\rtf1".utf8) + bytes, name: "input.rtf")
    return 0
}

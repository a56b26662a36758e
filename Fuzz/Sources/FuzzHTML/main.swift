import FuzzSupport
import ReaderCheck
import VanBan

/// The HTML reader on any bytes: no crash, valid text and title.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    requireReads(HTMLReader(), inputBytes(start, count), name: "input.html")
    return 0
}

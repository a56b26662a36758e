import FuzzSupport
import ReaderCheck
import VanBan

/// The Markdown reader (YAML front matter included) on any bytes: no crash, valid text and metadata.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    requireReads(MarkdownReader(), inputBytes(start, count), name: "input.md")
    return 0
}

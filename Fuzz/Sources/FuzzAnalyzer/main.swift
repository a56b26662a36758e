import Foundation
import FuzzSupport
import VietText

/// The analyzer on any text: tokens within the text and on scalar boundaries, the token's text the slice it
/// spans, the folded term the fold of the exact one, positions in order; the byte API gives the same terms;
/// and the NFC and NFD forms of the text give the same terms (what `PropertyTests` promises on its alphabet).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = inputText(start, count)
    let utf8 = Array(text.utf8)
    let analyzer = Analyzer()
    let tokens = analyzer.tokens(in: text)
    var previous = 0
    for token in tokens {
        requireSpan(token.start, token.end, in: utf8, "token \(token.text)")
        require(token.start < token.end, "empty token at \(token.start)")
        require(utf8[token.start..<token.end].elementsEqual(token.text.utf8), "token text \(token.text) is not its slice")
        require(Folding.fold(token.exact) == token.folded, "folded \(token.folded) of \(token.exact)")
        require(token.position >= previous, "position \(token.position) after \(previous)")
        previous = token.position
    }
    var k = 0
    utf8.withUnsafeBufferPointer { bytes in
        analyzer.forEachToken(in: bytes) { view in
            require(k < tokens.count, "byte API gives more tokens")
            let token = tokens[k]
            require(view.start == token.start && view.end == token.end && view.kind == token.kind
                    && view.exact.withUnsafeBufferPointer { $0.elementsEqual(token.exact.utf8) }
                    && view.folded.withUnsafeBufferPointer { $0.elementsEqual(token.folded.utf8) },
                    "byte API token \(k) differs from \(token.exact)")
            k += 1
        }
    }
    require(k == tokens.count, "byte API gives \(k) tokens, not \(tokens.count)")
    let nfc = analyzer.tokens(in: text.precomposedStringWithCanonicalMapping)
    let nfd = analyzer.tokens(in: text.decomposedStringWithCanonicalMapping)
    require(nfc.map(\.exact) == nfd.map(\.exact) && nfc.map(\.folded) == nfd.map(\.folded) && nfc.map(\.kind) == nfd.map(\.kind),
            "NFC and NFD differ: \(nfc.map(\.exact)) vs \(nfd.map(\.exact))")
    return 0
}

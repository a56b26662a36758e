import Testing
@testable import VietText

@Test func scratch() {
    let a = Analyzer()
    for s in ["Công văn số 565 - CV/ÐÐTLÐ ngày 13/8/2021 của Đảng đoàn", "ngày 13 tháng 8 năm 2021", "02/2021/NĐ-CP và 1406 / QĐ – TLĐ, 1/2, 50/100, 24/7, COVID-19, 0912-345-678, 1.000.000 đồng", "hòa hoà thủy qúa họat gìn giữa gìa Quý"] {
        for t in a.tokens(in: s) { print(t.position, t.kind, t.text, t.exact, t.folded, t.start, t.end) }
    }
    print(TypedInput.suggestion(for: "nghij quyeets") as Any, TypedInput.suggestion(for: "coong ddoanf") as Any, TypedInput.suggestion(for: "nghi5 quye61t") as Any)
    for w in ["class", "for", "windows", "nguowif", "dduwowngf"] { print(w, TypedInput.convertTelex(w) as Any) }
    let tc = TextEncoder.encode("Nghị quyết Công đoàn Việt Nam, Tổng Liên đoàn Lao động", as: .tcvn3)
    print(TextDecoder.decode(tc))
    for e in [TextEncoding.vni, .viscii, .cp1258] { print(TextDecoder.decode(TextEncoder.encode("Nghị quyết Công đoàn Việt Nam, Tổng Liên đoàn Lao động", as: e))) }
    for m in ["Nghá»‹ quyáº¿t CÃ´ng Ä‘oÃ n", "NghÞ quyÕt C«ng ®oµn ViÖt Nam", "Nghò quyeát Coâng ñoaøn Vieät Nam"] { print(TextDecoder.repair(m)) }
    print(TextDecoder.decode([0x41, 0xFF, 0x42, 0xC3]))
}

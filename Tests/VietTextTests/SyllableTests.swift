import Testing
import VietText

@Suite struct SyllableTests {
    @Test(arguments: ["a", "ba", "quyết", "QUYẾT", "quyet", "nghiêng", "người", "hoà", "hòa", "thuỷ", "thủy",
                      "khuỷu", "giữa", "gìn", "gì", "quý", "ngoài", "thuở", "Đảng", "đoàn", "tien", "nguoi", "ke", "băm", "yêu", "uể", "oải",
                      "xoong", "kỹ", "nghị", "cấp", "cập", "mạt", "hoạch", "huế", "tuần", "khuya", "ạ"])
    func valid(_ s: String) {
        #expect(Syllable.isValid(s))
    }

    @Test(arguments: ["", "class", "for", "windows", "ngê", "ka", "ghu", "cáp2", "cà\u{301}", "càp", "cảt", "hoaf",
                      "ă", "qua̋", "Hà Nội", "xyz", "trr", "aaaa", "ngoaix", "bă", "zô", "fa", "wa", "gé", "ci"])
    func invalid(_ s: String) {
        #expect(!Syllable.isValid(s))
    }
}

import Testing
import VietText

@Suite struct TypedInputTests {
    @Test(arguments: [
        ("nghij", "nghị"), ("quyeets", "quyết"), ("coong", "công"), ("ddoanf", "đoàn"), ("nguowif", "người"),
        ("dduwowngf", "đường"), ("hoaf", "hoà"), ("thuyr", "thuỷ"), ("Vieetj", "Việt"), ("DDangr", "Đảng"),
        ("tuaanf", "tuần"), ("awn", "ăn"), ("khoer", "khoẻ"), ("giuwxa", "giữa"), ("quys", "quý"), ("luaatj", "luật"),
    ])
    func telex(input: String, expected: String) {
        #expect(TypedInput.convertTelex(input) == expected)
    }

    @Test(arguments: ["class", "for", "windows", "nghi", "cong", "hello", "ddd", "", "abc1", "xyzw", "asss"])
    func telexRejects(input: String) {
        #expect(TypedInput.convertTelex(input) == nil)
    }

    @Test(arguments: [
        ("nghi5", "nghị"), ("quye61t", "quyết"), ("co6ng", "công"), ("d9oa2n", "đoàn"), ("ngu7o72i", "người"),
        ("Vie65t", "Việt"), ("a8n", "ăn"), ("hoa2", "hoà"), ("D9a3ng", "Đảng"),
    ])
    func vni(input: String, expected: String) {
        #expect(TypedInput.convertVNI(input) == expected)
    }

    @Test(arguments: ["2021", "QH14", "565", "02a", "cong", "c1ass", "nghi55", "x9"])
    func vniRejects(input: String) {
        #expect(TypedInput.convertVNI(input) == nil)
    }

    @Test(arguments: [
        ("nghij quyeets", "nghị quyết"), ("coong ddoanf", "công đoàn"), ("nghi5 quye61t", "nghị quyết"),
        ("co6ng d9oa2n vie65t nam", "công đoàn việt nam"), ("nghij quyeets 02-NQ/TW", "nghị quyết 02-NQ/TW"),
        ("luaatj lao ddoongj 2019", "luật lao động 2019"),
    ])
    func suggestions(query: String, expected: String) {
        #expect(TypedInput.suggestion(for: query) == expected)
    }

    @Test(arguments: ["cong doan", "nghị quyết", "02-NQ/TW", "2021", "windows class", "for nghij", "", "565 cv ddtld"])
    func noSuggestion(query: String) {
        #expect(TypedInput.suggestion(for: query) == nil)
    }
}

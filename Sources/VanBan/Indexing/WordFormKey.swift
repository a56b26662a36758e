/// A word form used as a dictionary key, compared and hashed over its UTF-8 bytes. The analyzer's forms
/// are already normalised (NFC), so `String`'s Unicode-aware hashing, which normalises every non-ASCII
/// key again, is not needed; counting the words of every document is cheaper this way.
public struct WordFormKey: Hashable, Sendable {
    public let form: String

    public init(form: String) { self.form = form }

    public static func == (a: WordFormKey, b: WordFormKey) -> Bool { a.form.utf8.elementsEqual(b.form.utf8) }

    public func hash(into hasher: inout Hasher) {
        var form = form
        form.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

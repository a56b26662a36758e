/// An optional that a synthesized `Codable` writes as `null` when absent, rather than leaving its key out,
/// so that scripts reading VanBan's JSON see one shape; a missing key or `null` decodes as nil.
///
/// ```swift
/// struct Hit: Codable { var path: String; @NullEncoded var number: String? }
/// // Hit(path: "a.txt", number: nil) → {"path":"a.txt","number":null}
/// ```
@propertyWrapper
public struct NullEncoded<Value: Codable & Sendable>: Codable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? nil : try c.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}

extension NullEncoded: Equatable where Value: Equatable {}
extension NullEncoded: Hashable where Value: Hashable {}

extension KeyedDecodingContainer {
    /// A missing key is nil too: the synthesized `init(from:)` picks this over the generic `decode`.
    public func decode<Value>(_ type: NullEncoded<Value>.Type, forKey key: Key) throws -> NullEncoded<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullEncoded(wrappedValue: nil)
    }
}

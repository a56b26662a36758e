import XapianBridge

/// The version of the Xapian library VanBan is linked against.
public let xapianVersion = String(cString: xb_version())

/// Xapian's order-preserving encoding of a double (`Xapian::sortable_serialise`), for values
/// that sort or range-match numerically. The bytes are not UTF-8: store them with
/// `Document.setValue(_:bytes:)` and query with `Query.valueRange(slot:from:to:)` over bytes.
public func sortableSerialise(_ value: Double) -> [UInt8] {
    (try? fetchBytes { xb_sortable_serialise(value, $0, $1) }) ?? []
}

/// The inverse of `sortableSerialise`.
public func sortableUnserialise(_ bytes: [UInt8]) -> Double {
    withBytes(bytes) { p, n in (try? call { xb_sortable_unserialise(p, n, $0) }) ?? 0 }
}

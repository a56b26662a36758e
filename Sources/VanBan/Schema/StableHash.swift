/// FNV-1a, 64 bits: a stable hash for id terms and content change detection
/// (not for security; Swift's `Hasher` is seeded per process and cannot be stored).
public enum StableHash {
    public static func fnv1a64<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Hex digest of `bytes`, 16 characters.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let s = String(fnv1a64(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

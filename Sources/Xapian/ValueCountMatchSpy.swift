import XapianBridge

/// Counts the values in one slot over the documents a search looks at (facet counts).
///
/// Add it to an `Enquire` before calling `mset`; counts accumulate over every `mset` call.
/// Only documents the matcher examines are counted: pass `checkAtLeast` ≥ the database size
/// to count every match. Not `Sendable`: the enquire it is added to uses it.
public final class ValueCountMatchSpy {
    let handle: OpaquePointer

    /// A spy counting the values in `slot`.
    public init(slot: UInt32) {
        handle = mustCall { xb_valuecountspy_new(slot, $0) }!
    }

    deinit { xb_valuecountspy_free(handle) }

    /// Each value seen with its count, most frequent first (ties in byte order).
    /// Documents with an empty value in the slot are not counted.
    public var counts: [(value: String, count: Int)] {
        let collector = Collector<(value: String, count: Int)>()
        return mustCall { error in
            collector.collect { context in
                xb_valuecountspy_values(handle, { context, value, length, count in
                    Collector<(value: String, count: Int)>.from(context).items.append((decode(value, length), Int(count)))
                }, context, error)
            }
        }
    }
}

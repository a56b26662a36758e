#include "Support.h"
#include <algorithm>
#include <utility>
#include <vector>

using xb::guard;
using xb::guard_void;

extern "C" {

xb_enquire *xb_enquire_new(const xb_database *db, xb_error **err) {
    return guard(err, static_cast<xb_enquire *>(nullptr), [&] { return new xb_enquire{Xapian::Enquire(*db->db)}; });
}

void xb_enquire_free(xb_enquire *enquire) { delete enquire; }

void xb_enquire_set_query(xb_enquire *enquire, const xb_query *query, xb_error **err) {
    guard_void(err, [&] { enquire->enquire.set_query(query->query); });
}

void xb_enquire_set_bm25(xb_enquire *enquire, double k1, double k2, double k3, double b, double min_normlen,
                         xb_error **err) {
    guard_void(err, [&] { enquire->enquire.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen)); });
}

void xb_enquire_set_sort(xb_enquire *enquire, int kind, uint32_t slot, int reverse, xb_error **err) {
    guard_void(err, [&] {
        auto &e = enquire->enquire;
        switch (kind) {
        case XB_SORT_RELEVANCE: e.set_sort_by_relevance(); return;
        case XB_SORT_VALUE_THEN_RELEVANCE: e.set_sort_by_value_then_relevance(slot, reverse != 0); return;
        }
        throw Xapian::InvalidArgumentError("unknown sort kind " + std::to_string(kind));
    });
}

void xb_enquire_add_matchspy(xb_enquire *enquire, xb_valuecountspy *spy, xb_error **err) {
    guard_void(err, [&] { enquire->enquire.add_matchspy(&spy->spy); });
}

void xb_enquire_mset(xb_enquire *enquire, uint32_t first, uint32_t max_items, uint32_t check_at_least,
                     xb_match_callback callback, void *context, uint32_t *estimated, uint32_t *lower_bound,
                     uint32_t *upper_bound, xb_error **err) {
    guard_void(err, [&] {
        Xapian::MSet mset = enquire->enquire.get_mset(first, max_items, check_at_least);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto *doc = new xb_document{it.get_document()};
            callback(context, *it, it.get_rank(), it.get_percent(), it.get_weight(), doc);
        }
        if (estimated) *estimated = mset.get_matches_estimated();
        if (lower_bound) *lower_bound = mset.get_matches_lower_bound();
        if (upper_bound) *upper_bound = mset.get_matches_upper_bound();
        enquire->last = mset;
    });
}

void xb_enquire_snippet(const xb_enquire *enquire, const char *text, size_t text_length, size_t length,
                        xb_string_callback callback, void *context, xb_error **err) {
    guard_void(err, [&] {
        const std::string snippet = enquire->last.snippet(text ? std::string(text, text_length) : std::string(), length);
        callback(context, snippet.data(), snippet.size());
    });
}

xb_valuecountspy *xb_valuecountspy_new(uint32_t slot, xb_error **err) {
    return guard(err, static_cast<xb_valuecountspy *>(nullptr),
                 [&] { return new xb_valuecountspy{Xapian::ValueCountMatchSpy(slot)}; });
}

void xb_valuecountspy_free(xb_valuecountspy *spy) { delete spy; }

void xb_valuecountspy_values(const xb_valuecountspy *spy, xb_count_callback callback, void *context,
                             xb_error **err) {
    guard_void(err, [&] {
        std::vector<std::pair<std::string, uint32_t>> counts;
        for (auto it = spy->spy.values_begin(); it != spy->spy.values_end(); ++it)
            counts.emplace_back(*it, it.get_termfreq());
        std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        for (const auto &c : counts) callback(context, c.first.data(), c.first.size(), c.second);
    });
}

} // extern "C"

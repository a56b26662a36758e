#include "Support.h"
#include <vector>

using xb::bytes;
using xb::guard;

static Xapian::Query::op xapian_op(int op) {
    switch (op) {
    case XB_OP_AND: return Xapian::Query::OP_AND;
    case XB_OP_OR: return Xapian::Query::OP_OR;
    case XB_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
    case XB_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
    case XB_OP_FILTER: return Xapian::Query::OP_FILTER;
    case XB_OP_PHRASE: return Xapian::Query::OP_PHRASE;
    }
    throw Xapian::InvalidArgumentError("unknown query operator " + std::to_string(op));
}

static xb_query *wrap(Xapian::Query q) { return new xb_query{std::move(q)}; }

extern "C" {

xb_query *xb_query_term(const char *term, size_t length, uint32_t wqf, uint32_t position, xb_error **err) {
    return guard(err, static_cast<xb_query *>(nullptr),
                 [&] { return wrap(Xapian::Query(bytes(term, length), wqf, position)); });
}

xb_query *xb_query_combine(int op, const xb_query *const *subqueries, size_t count, uint32_t window,
                           xb_error **err) {
    return guard(err, static_cast<xb_query *>(nullptr), [&] {
        std::vector<Xapian::Query> subs;
        subs.reserve(count);
        for (size_t i = 0; i < count; ++i) subs.push_back(subqueries[i]->query);
        return wrap(Xapian::Query(xapian_op(op), subs.begin(), subs.end(), window));
    });
}

xb_query *xb_query_scale_weight(const xb_query *query, double factor, xb_error **err) {
    return guard(err, static_cast<xb_query *>(nullptr),
                 [&] { return wrap(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query->query, factor)); });
}

xb_query *xb_query_value_range(uint32_t slot, const char *from, size_t from_length, const char *to,
                               size_t to_length, xb_error **err) {
    return guard(err, static_cast<xb_query *>(nullptr), [&] {
        return wrap(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, bytes(from, from_length), bytes(to, to_length)));
    });
}

xb_query *xb_query_wildcard(const char *prefix, size_t length, uint32_t max_expansion, xb_error **err) {
    return guard(err, static_cast<xb_query *>(nullptr), [&] {
        return wrap(Xapian::Query(Xapian::Query::OP_WILDCARD, bytes(prefix, length), max_expansion,
                                  Xapian::Query::WILDCARD_LIMIT_ERROR));
    });
}

xb_query *xb_query_match_all(xb_error **err) {
    return guard(err, static_cast<xb_query *>(nullptr), [&] { return wrap(Xapian::Query::MatchAll); });
}

xb_query *xb_query_match_nothing(xb_error **err) {
    return guard(err, static_cast<xb_query *>(nullptr), [&] { return wrap(Xapian::Query::MatchNothing); });
}

void xb_query_free(xb_query *query) { delete query; }

char *xb_query_description(const xb_query *query, size_t *length, xb_error **err) {
    return guard(err, static_cast<char *>(nullptr),
                 [&] { return xb::copy_out(query->query.get_description(), length); });
}

} // extern "C"

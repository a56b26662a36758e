#include "Support.h"
#include <algorithm>
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

namespace {

/// The documents of a sorted list of docids, with no weight. It cannot be cloned, so Xapian refuses
/// it over several shards (InvalidOperationError), and it has no serialisation, so a remote server
/// cannot run it (UnimplementedError): docids are only meaningful in one local database.
class DocidListSource final : public Xapian::PostingSource {
    std::vector<Xapian::docid> ids;
    size_t at = 0;
    bool started = false;
    Xapian::Database db;

    /// Moves past listed ids the database does not hold (deleted since, or never there).
    void settle() {
        for (; at < ids.size(); ++at) {
            try {
                (void)db.get_doclength(ids[at]);
                return;
            } catch (const Xapian::DocNotFoundError &) {
            }
        }
    }

  public:
    explicit DocidListSource(std::vector<Xapian::docid> sorted) : ids(std::move(sorted)) {}

    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return Xapian::doccount(ids.size()); }
    Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(ids.size()); }

    void init(const Xapian::Database &database) override {
        db = database;
        at = 0;
        started = false;
    }
    void next(double) override {
        if (started) ++at;
        started = true;
        settle();
    }
    void skip_to(Xapian::docid did, double) override {
        started = true;
        at = std::min(at, ids.size());
        at = size_t(std::lower_bound(ids.begin() + std::ptrdiff_t(at), ids.end(), did) - ids.begin());
        settle();
    }
    bool at_end() const override { return at >= ids.size(); }
    Xapian::docid get_docid() const override { return ids[at]; }
    std::string name() const override { return "VanBan::DocidListSource"; }
};

} // namespace

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

xb_query *xb_query_docids(const uint32_t *docids, size_t count, xb_error **err) {
    return guard(err, static_cast<xb_query *>(nullptr), [&] {
        std::vector<Xapian::docid> ids(docids, docids + count);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        if (!ids.empty() && ids.front() == 0) ids.erase(ids.begin());  // 0 is no document
        if (ids.empty()) return wrap(Xapian::Query::MatchNothing);
        return wrap(Xapian::Query((new DocidListSource(std::move(ids)))->release()));
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

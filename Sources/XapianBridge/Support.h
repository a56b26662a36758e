// Shared by the bridge's .cpp files: handle layouts, error capture and string helpers.
#ifndef XAPIAN_BRIDGE_SUPPORT_H
#define XAPIAN_BRIDGE_SUPPORT_H
#include "XapianBridge.h"
#include <xapian.h>
#include <exception>
#include <memory>
#include <string>

/// `closed` is set by xb_database_close: Xapian 1.4 still answers the statistics it keeps in
/// memory after close(), which the bridge reports as DatabaseClosedError instead.
struct xb_database {
    std::unique_ptr<Xapian::Database> db;
    bool writable;
    bool closed = false;
};
struct xb_document { Xapian::Document doc; };
struct xb_query { Xapian::Query query; };
/// `last` is the page the last xb_enquire_mset returned, for xb_enquire_snippet.
struct xb_enquire { Xapian::Enquire enquire; Xapian::MSet last; };
struct xb_valuecountspy { Xapian::ValueCountMatchSpy spy; };
struct xb_termgenerator { Xapian::TermGenerator generator; };
struct xb_queryparser { Xapian::QueryParser parser; };

namespace xb {

/// Stores an error record in `*err` (if `err` is not NULL).
void set_error(xb_error **err, const char *kind, const std::string &message) noexcept;

/// A std::string from a (pointer, length) pair; NULL means empty.
inline std::string bytes(const char *p, size_t n) { return p ? std::string(p, n) : std::string(); }

/// A malloc'ed, NUL-terminated copy of `s`; its length goes to `*length`.
char *copy_out(const std::string &s, size_t *length);

/// The writable database behind `db`, or an InvalidOperationError.
Xapian::WritableDatabase &writable(xb_database *db);

/// The database behind `db`, or a DatabaseClosedError once xb_database_close closed it.
const Xapian::Database &open(const xb_database *db);

/// Runs `body`, turning any exception into an error record and `fallback`.
template <class R, class F>
R guard(xb_error **err, R fallback, F &&body) noexcept {
    if (err) *err = nullptr;
    try {
        return body();
    } catch (const Xapian::Error &e) {
        set_error(err, e.get_type(), e.get_msg());
    } catch (const std::exception &e) {
        set_error(err, "std::exception", e.what());
    } catch (...) {
        set_error(err, "UnknownError", "unknown C++ exception");
    }
    return fallback;
}

/// `guard` for bodies that return nothing.
template <class F>
void guard_void(xb_error **err, F &&body) noexcept {
    guard(err, 0, [&] { body(); return 0; });
}

/// Calls `callback` for each term from `begin` to `end`: with term frequencies for an
/// all-terms list (`all_terms`), otherwise with wdf and positions.
void each_term(Xapian::TermIterator begin, const Xapian::TermIterator &end, bool all_terms,
               xb_term_callback callback, void *context);

} // namespace xb
#endif

#include "Support.h"
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

namespace xb {

static char *duplicate(const char *p, size_t n) {
    char *out = static_cast<char *>(std::malloc(n + 1));
    if (!out) return nullptr;
    if (n) std::memcpy(out, p, n);
    out[n] = '\0';
    return out;
}

void set_error(xb_error **err, const char *kind, const std::string &message) noexcept {
    if (!err) return;
    auto *e = static_cast<xb_error *>(std::malloc(sizeof(xb_error)));
    if (!e) return;
    e->kind = duplicate(kind, std::strlen(kind));
    e->message = duplicate(message.data(), message.size());
    e->message_length = e->message ? message.size() : 0;
    *err = e;
}

char *copy_out(const std::string &s, size_t *length) {
    char *out = duplicate(s.data(), s.size());
    if (!out) throw std::bad_alloc();
    if (length) *length = s.size();
    return out;
}

Xapian::WritableDatabase &writable(xb_database *db) {
    if (!db->writable) throw Xapian::InvalidOperationError("database was not opened for writing");
    return static_cast<Xapian::WritableDatabase &>(*db->db);
}

const Xapian::Database &open(const xb_database *db) {
    if (db->closed) throw Xapian::DatabaseClosedError("Database has been closed");
    return *db->db;
}

void each_term(Xapian::TermIterator it, const Xapian::TermIterator &end, bool all_terms,
               xb_term_callback callback, void *context) {
    std::vector<uint32_t> positions;
    for (; it != end; ++it) {
        const std::string term = *it;
        if (all_terms) {
            callback(context, term.data(), term.size(), 0, it.get_termfreq(), nullptr, 0);
            continue;
        }
        positions.clear();
        for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) positions.push_back(*p);
        callback(context, term.data(), term.size(), it.get_wdf(), 0, positions.data(), positions.size());
    }
}

} // namespace xb

extern "C" {

void xb_error_free(xb_error *error) {
    if (!error) return;
    std::free(error->kind);
    std::free(error->message);
    std::free(error);
}

void xb_free(void *buffer) { std::free(buffer); }

const char *xb_version(void) { return Xapian::version_string(); }

} // extern "C"

#include "Support.h"
#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <vector>

using xb::bytes;
using xb::guard;
using xb::guard_void;

static int xapian_mode(int mode) {
    switch (mode) {
    case XB_DB_CREATE: return Xapian::DB_CREATE;
    case XB_DB_CREATE_OR_OPEN: return Xapian::DB_CREATE_OR_OPEN;
    case XB_DB_CREATE_OR_OVERWRITE: return Xapian::DB_CREATE_OR_OVERWRITE;
    case XB_DB_OPEN: return Xapian::DB_OPEN;
    }
    throw Xapian::InvalidArgumentError("unknown database mode " + std::to_string(mode));
}

extern "C" {

xb_database *xb_database_open(const char *path, size_t path_length, xb_error **err) {
    return guard(err, static_cast<xb_database *>(nullptr), [&] {
        return new xb_database{std::make_unique<Xapian::Database>(bytes(path, path_length)), false};
    });
}

xb_database *xb_database_open_remote(const char *host, size_t host_length, unsigned port, unsigned timeout_ms,
                                     xb_error **err) {
    return guard(err, static_cast<xb_database *>(nullptr), [&] {
        auto db = Xapian::Remote::open(bytes(host, host_length), port, timeout_ms, timeout_ms);
        return new xb_database{std::make_unique<Xapian::Database>(db), false};
    });
}

xb_database *xb_database_open_writable(const char *path, size_t path_length, int mode, xb_error **err) {
    return guard(err, static_cast<xb_database *>(nullptr), [&] {
        auto db = std::make_unique<Xapian::WritableDatabase>(bytes(path, path_length), xapian_mode(mode));
        return new xb_database{std::move(db), true};
    });
}

void xb_database_free(xb_database *db) { delete db; }

void xb_database_add(xb_database *db, const xb_database *other, xb_error **err) {
    guard_void(err, [&] { db->db->add_database(*other->db); });
}

uint32_t xb_database_doccount(const xb_database *db, xb_error **err) {
    return guard(err, 0u, [&] { return xb::open(db).get_doccount(); });
}

uint64_t xb_database_revision(const xb_database *db, xb_error **err) {
    return guard(err, uint64_t(0), [&] { return uint64_t(xb::open(db).get_revision()); });
}

uint32_t xb_database_lastdocid(const xb_database *db, xb_error **err) {
    return guard(err, 0u, [&] { return xb::open(db).get_lastdocid(); });
}

double xb_database_avlength(const xb_database *db, xb_error **err) {
    return guard(err, 0.0, [&] { return xb::open(db).get_avlength(); });
}

xb_document *xb_database_document(const xb_database *db, uint32_t docid, xb_error **err) {
    return guard(err, static_cast<xb_document *>(nullptr),
                 [&] { return new xb_document{db->db->get_document(docid)}; });
}

uint32_t xb_database_termfreq(const xb_database *db, const char *term, size_t length, xb_error **err) {
    return guard(err, 0u, [&] { return db->db->get_termfreq(bytes(term, length)); });
}

uint64_t xb_database_collection_freq(const xb_database *db, const char *term, size_t length, xb_error **err) {
    return guard(err, uint64_t(0), [&] { return uint64_t(db->db->get_collection_freq(bytes(term, length))); });
}

void xb_database_postings(const xb_database *db, const char *term, size_t length, xb_docid_callback callback,
                          void *context, xb_error **err) {
    guard_void(err, [&] {
        const std::string t = bytes(term, length);
        for (auto it = db->db->postlist_begin(t); it != db->db->postlist_end(t); ++it) callback(context, *it);
    });
}

uint32_t *xb_database_positions(const xb_database *db, uint32_t docid, const char *term, size_t length,
                                size_t *count, xb_error **err) {
    *count = 0;
    return guard(err, static_cast<uint32_t *>(nullptr), [&]() -> uint32_t * {
        const std::string t = bytes(term, length);
        std::vector<uint32_t> positions(db->db->positionlist_begin(docid, t), db->db->positionlist_end(docid, t));
        if (positions.empty()) return nullptr;
        auto *out = static_cast<uint32_t *>(std::malloc(positions.size() * sizeof(uint32_t)));
        if (!out) throw std::bad_alloc();
        std::copy(positions.begin(), positions.end(), out);
        *count = positions.size();
        return out;
    });
}

void xb_database_allterms(const xb_database *db, const char *prefix, size_t length, xb_term_callback callback,
                          void *context, xb_error **err) {
    guard_void(err, [&] {
        const std::string p = bytes(prefix, length);
        xb::each_term(db->db->allterms_begin(p), db->db->allterms_end(p), true, callback, context);
    });
}

void xb_database_termlist(const xb_database *db, uint32_t docid, xb_term_callback callback, void *context,
                          xb_error **err) {
    guard_void(err, [&] {
        xb::each_term(db->db->termlist_begin(docid), db->db->termlist_end(docid), false, callback, context);
    });
}

char *xb_database_metadata(const xb_database *db, const char *key, size_t key_length, size_t *length,
                           xb_error **err) {
    return guard(err, static_cast<char *>(nullptr),
                 [&] { return xb::copy_out(db->db->get_metadata(bytes(key, key_length)), length); });
}

char *xb_database_spelling(const xb_database *db, const char *word, size_t word_length,
                           unsigned max_edit_distance, size_t *length, xb_error **err) {
    return guard(err, static_cast<char *>(nullptr), [&] {
        return xb::copy_out(db->db->get_spelling_suggestion(bytes(word, word_length), max_edit_distance), length);
    });
}

void xb_database_synonyms(const xb_database *db, const char *term, size_t length, xb_string_callback callback,
                          void *context, xb_error **err) {
    guard_void(err, [&] {
        const std::string t = bytes(term, length);
        for (auto it = db->db->synonyms_begin(t); it != db->db->synonyms_end(t); ++it) {
            const std::string s = *it;
            callback(context, s.data(), s.size());
        }
    });
}

int xb_database_reopen(xb_database *db, xb_error **err) {
    return guard(err, 0, [&] { return db->db->reopen() ? 1 : 0; });
}

void xb_database_close(xb_database *db, xb_error **err) {
    guard_void(err, [&] {
        db->db->close();
        db->closed = true;
    });
}

size_t xb_database_check(const char *path, size_t path_length, xb_string_callback report, void *context,
                         xb_error **err) {
    return guard(err, size_t(0), [&] {
        std::ostringstream out;
        auto deliver = [&] {
            const std::string text = out.str();
            report(context, text.data(), text.size());
        };
        try {
            const size_t errors = Xapian::Database::check(bytes(path, path_length), 0, &out);
            deliver();
            return errors;
        } catch (...) {
            deliver();
            throw;
        }
    });
}

uint32_t xb_database_add_document(xb_database *db, const xb_document *doc, xb_error **err) {
    return guard(err, 0u, [&] { return xb::writable(db).add_document(doc->doc); });
}

uint32_t xb_database_replace_by_term(xb_database *db, const char *term, size_t length, const xb_document *doc,
                                     xb_error **err) {
    return guard(err, 0u, [&] { return xb::writable(db).replace_document(bytes(term, length), doc->doc); });
}

void xb_database_replace_document(xb_database *db, uint32_t docid, const xb_document *doc, xb_error **err) {
    guard_void(err, [&] { xb::writable(db).replace_document(docid, doc->doc); });
}

void xb_database_delete_by_term(xb_database *db, const char *term, size_t length, xb_error **err) {
    guard_void(err, [&] { xb::writable(db).delete_document(bytes(term, length)); });
}

void xb_database_commit(xb_database *db, xb_error **err) {
    guard_void(err, [&] { xb::writable(db).commit(); });
}

void xb_database_set_metadata(xb_database *db, const char *key, size_t key_length, const char *value,
                              size_t value_length, xb_error **err) {
    guard_void(err, [&] { xb::writable(db).set_metadata(bytes(key, key_length), bytes(value, value_length)); });
}

void xb_database_add_spelling(xb_database *db, const char *word, size_t length, uint32_t increment,
                              xb_error **err) {
    guard_void(err, [&] { xb::writable(db).add_spelling(bytes(word, length), increment); });
}

void xb_database_add_synonym(xb_database *db, const char *term, size_t term_length, const char *synonym,
                             size_t synonym_length, xb_error **err) {
    guard_void(err, [&] {
        xb::writable(db).add_synonym(bytes(term, term_length), bytes(synonym, synonym_length));
    });
}

} // extern "C"

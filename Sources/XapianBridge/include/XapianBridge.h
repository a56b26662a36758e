#ifndef XAPIAN_BRIDGE_H
#define XAPIAN_BRIDGE_H
/*
 * A small C API over the parts of Xapian 1.4 that VanBan uses.
 *
 * Conventions:
 * - Every fallible function takes `xb_error **err` last. On failure it stores a
 *   malloc'ed error record there (free it with xb_error_free) and returns 0, 0.0
 *   or NULL; on success it stores NULL. Passing err == NULL ignores errors.
 *   No C++ exception ever leaves this API.
 * - Strings going in are (pointer, length) byte strings and may contain NUL.
 * - Strings coming out are malloc'ed, NUL-terminated buffers whose length is
 *   returned through `size_t *length`; free them with xb_free.
 * - Lists are delivered through callbacks (positions as an array); pointers passed
 *   to a callback are valid only during that call.
 * - Every handle has a matching *_free function. Handles are not thread-safe.
 */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A Xapian error: `kind` is the Xapian class name (e.g. "DatabaseLockError"),
/// or "std::exception" / "UnknownError" for non-Xapian exceptions (NULL if no memory was left for it).
typedef struct xb_error {
    char *kind;
    char *message;
    size_t message_length;
} xb_error;

void xb_error_free(xb_error *error);
/// Frees a buffer returned by this API.
void xb_free(void *buffer);

/// Xapian's version string, e.g. "1.4.22" (static: do not free it).
const char *xb_version(void);

typedef struct xb_database xb_database;
typedef struct xb_document xb_document;
typedef struct xb_query xb_query;
typedef struct xb_enquire xb_enquire;
typedef struct xb_valuecountspy xb_valuecountspy;
typedef struct xb_termgenerator xb_termgenerator;
typedef struct xb_queryparser xb_queryparser;

/// One term of a term list: its bytes, then for xb_database_allterms its term frequency (wdf 0,
/// no positions), for xb_database_termlist its wdf and ascending positions (frequency 0).
typedef void (*xb_term_callback)(void *context, const char *term, size_t length, uint32_t wdf,
                                 uint32_t frequency, const uint32_t *positions, size_t position_count);
typedef void (*xb_string_callback)(void *context, const char *string, size_t length);
typedef void (*xb_docid_callback)(void *context, uint32_t docid);
/// A value and how many times it occurred.
typedef void (*xb_count_callback)(void *context, const char *value, size_t length, uint32_t count);
/// One match, `rank` 0-based over the whole result list: ownership of `document` passes to the callback.
typedef void (*xb_match_callback)(void *context, uint32_t docid, uint32_t rank, int32_t percent,
                                  double weight, xb_document *document);

/* ---------------------------------------------------------------- Database */

/* Modes of xb_database_open_writable: Xapian's DB_CREATE, DB_CREATE_OR_OPEN, ... */
enum {
    XB_DB_CREATE = 0,
    XB_DB_CREATE_OR_OPEN = 1,
    XB_DB_CREATE_OR_OVERWRITE = 2,
    XB_DB_OPEN = 3
};

/// Opens the local database at `path` read-only.
xb_database *xb_database_open(const char *path, size_t path_length, xb_error **err);
/// Connects to a database served by xapian-tcpsrv; `timeout_ms` bounds connecting and each operation.
xb_database *xb_database_open_remote(const char *host, size_t host_length, unsigned port,
                                     unsigned timeout_ms, xb_error **err);
/// Opens the local database at `path` for writing; `mode` is one of XB_DB_*.
xb_database *xb_database_open_writable(const char *path, size_t path_length, int mode, xb_error **err);
void xb_database_free(xb_database *db);

/// Adds the shards of `other` to `db`, which then searches both.
void xb_database_add(xb_database *db, const xb_database *other, xb_error **err);
uint32_t xb_database_doccount(const xb_database *db, xb_error **err);
/// The revision of the database's last commit: 0 for one nothing was ever committed to.
uint64_t xb_database_revision(const xb_database *db, xb_error **err);
uint32_t xb_database_lastdocid(const xb_database *db, xb_error **err);
double xb_database_avlength(const xb_database *db, xb_error **err);
/// Document `docid` (DocNotFoundError if there is none); it reads its contents lazily from `db`.
xb_document *xb_database_document(const xb_database *db, uint32_t docid, xb_error **err);
/// How many documents index `term`.
uint32_t xb_database_termfreq(const xb_database *db, const char *term, size_t length, xb_error **err);
/// How many times `term` occurs in all documents (the sum of its wdf).
uint64_t xb_database_collection_freq(const xb_database *db, const char *term, size_t length, xb_error **err);
/// The documents indexing `term`, ascending.
void xb_database_postings(const xb_database *db, const char *term, size_t length,
                          xb_docid_callback callback, void *context, xb_error **err);
/// The positions of `term` in document `docid`, ascending, as a malloc'ed array of `*count` entries
/// (NULL and 0 when the document lacks the term); free it with xb_free.
uint32_t *xb_database_positions(const xb_database *db, uint32_t docid, const char *term, size_t length,
                                size_t *count, xb_error **err);
/// The terms starting with `prefix`, in byte order, with their term frequency.
void xb_database_allterms(const xb_database *db, const char *prefix, size_t length,
                          xb_term_callback callback, void *context, xb_error **err);
/// The terms of document `docid`, in byte order, with wdf and positions.
void xb_database_termlist(const xb_database *db, uint32_t docid,
                          xb_term_callback callback, void *context, xb_error **err);
/// The user metadata stored under `key` (empty when there is none).
char *xb_database_metadata(const xb_database *db, const char *key, size_t key_length,
                           size_t *length, xb_error **err);
/// The suggestion, or an empty string when there is none.
char *xb_database_spelling(const xb_database *db, const char *word, size_t word_length,
                           unsigned max_edit_distance, size_t *length, xb_error **err);
/// The synonyms of `term`, in byte order.
void xb_database_synonyms(const xb_database *db, const char *term, size_t length,
                          xb_string_callback callback, void *context, xb_error **err);
/// Moves to the latest committed revision; returns 0 if it certainly stayed where it was, else 1.
int xb_database_reopen(xb_database *db, xb_error **err);
/// Releases the database's files and locks (committing a writable one); later calls fail with
/// DatabaseClosedError. Closing twice does nothing.
void xb_database_close(xb_database *db, xb_error **err);

/// Runs Xapian's consistency check (Xapian::Database::check) on the database folder at `path` (a stub
/// is not followed) and returns the number of errors it counted. Its report, as far as it got, goes to
/// `report` once, also when damage stops the check, which then sets `*err` as well.
size_t xb_database_check(const char *path, size_t path_length, xb_string_callback report, void *context,
                         xb_error **err);

/* The following need a handle from xb_database_open_writable (else InvalidOperationError). */
/// Adds `doc`; returns its new docid.
uint32_t xb_database_add_document(xb_database *db, const xb_document *doc, xb_error **err);
/// Replaces every document indexing `term` by `doc` (adding it if there is none); returns its docid.
uint32_t xb_database_replace_by_term(xb_database *db, const char *term, size_t length,
                                     const xb_document *doc, xb_error **err);
/// Replaces (or creates) document `docid`.
void xb_database_replace_document(xb_database *db, uint32_t docid, const xb_document *doc, xb_error **err);
/// Deletes every document indexing `term` (none is not an error).
void xb_database_delete_by_term(xb_database *db, const char *term, size_t length, xb_error **err);
void xb_database_commit(xb_database *db, xb_error **err);
/// Stores `value` under `key`; an empty value deletes the entry.
void xb_database_set_metadata(xb_database *db, const char *key, size_t key_length,
                              const char *value, size_t value_length, xb_error **err);
/// Adds `increment` to the frequency of `word` in the spelling table.
void xb_database_add_spelling(xb_database *db, const char *word, size_t length, uint32_t increment,
                              xb_error **err);
/// Records `synonym` as a synonym of `term`.
void xb_database_add_synonym(xb_database *db, const char *term, size_t term_length,
                             const char *synonym, size_t synonym_length, xb_error **err);

/* ---------------------------------------------------------------- Document */

xb_document *xb_document_new(xb_error **err);
void xb_document_free(xb_document *doc);
char *xb_document_data(const xb_document *doc, size_t *length, xb_error **err);
void xb_document_set_data(xb_document *doc, const char *data, size_t length, xb_error **err);
/// Adds `wdf_inc` to the wdf of `term` (an empty term is InvalidArgumentError, here and in the next two).
void xb_document_add_term(xb_document *doc, const char *term, size_t length, uint32_t wdf_inc, xb_error **err);
/// Adds an occurrence of `term` at `position`, adding `wdf_inc` to its wdf.
void xb_document_add_posting(xb_document *doc, const char *term, size_t length, uint32_t position,
                             uint32_t wdf_inc, xb_error **err);
/// Adds `term` with wdf 0 and no positions.
void xb_document_add_boolean_term(xb_document *doc, const char *term, size_t length, xb_error **err);
/// Sets the value in `slot`; an empty value removes it.
void xb_document_set_value(xb_document *doc, uint32_t slot, const char *value, size_t length, xb_error **err);
/// The value in `slot` (empty when unset).
char *xb_document_value(const xb_document *doc, uint32_t slot, size_t *length, xb_error **err);

/* ------------------------------------------------------------------- Query */

enum {
    XB_OP_AND = 0,
    XB_OP_OR = 1,
    XB_OP_AND_NOT = 2,
    XB_OP_AND_MAYBE = 3,
    XB_OP_FILTER = 4,
    XB_OP_PHRASE = 5
};

/// The term `term`; `position` is its place in a phrase (0 = none).
xb_query *xb_query_term(const char *term, size_t length, uint32_t wqf, uint32_t position, xb_error **err);
/// Combines `count` subqueries with `op` (one of XB_OP_*); `window` is used by PHRASE (0 = the number
/// of subqueries).
xb_query *xb_query_combine(int op, const xb_query *const *subqueries, size_t count, uint32_t window,
                           xb_error **err);
/// `query` with its weights multiplied by `factor` (negative: InvalidArgumentError).
xb_query *xb_query_scale_weight(const xb_query *query, double factor, xb_error **err);
/// Documents whose value in `slot` lies in from...to, in byte order.
xb_query *xb_query_value_range(uint32_t slot, const char *from, size_t from_length,
                               const char *to, size_t to_length, xb_error **err);
/// Terms starting with `prefix`; more than `max_expansion` terms (0 = no limit) is a WildcardError at match time.
xb_query *xb_query_wildcard(const char *prefix, size_t length, uint32_t max_expansion, xb_error **err);
xb_query *xb_query_match_all(xb_error **err);
xb_query *xb_query_match_nothing(xb_error **err);
void xb_query_free(xb_query *query);
/// Xapian's description of the query, e.g. "Query((a AND b))".
char *xb_query_description(const xb_query *query, size_t *length, xb_error **err);

/* ----------------------------------------------------------------- Enquire */

enum {
    XB_SORT_RELEVANCE = 0,
    XB_SORT_VALUE_THEN_RELEVANCE = 1
};

/// An enquire over the shards `db` has now.
xb_enquire *xb_enquire_new(const xb_database *db, xb_error **err);
void xb_enquire_free(xb_enquire *enquire);
void xb_enquire_set_query(xb_enquire *enquire, const xb_query *query, xb_error **err);
void xb_enquire_set_bm25(xb_enquire *enquire, double k1, double k2, double k3, double b,
                         double min_normlen, xb_error **err);
/// Sorts as `kind` (one of XB_SORT_*) says; XB_SORT_VALUE_THEN_RELEVANCE sorts by the value in
/// `slot`, descending if `reverse` (XB_SORT_RELEVANCE ignores both).
void xb_enquire_set_sort(xb_enquire *enquire, int kind, uint32_t slot, int reverse, xb_error **err);
/// The spy is not owned by the enquire: keep it alive while the enquire exists.
void xb_enquire_add_matchspy(xb_enquire *enquire, xb_valuecountspy *spy, xb_error **err);
/// Runs the query: up to `max_items` matches from rank `first`, each passed to `callback`, examining at
/// least `check_at_least` documents; then stores the match count estimate and bounds.
void xb_enquire_mset(xb_enquire *enquire, uint32_t first, uint32_t max_items, uint32_t check_at_least,
                     xb_match_callback callback, void *context, uint32_t *estimated, uint32_t *lower_bound,
                     uint32_t *upper_bound, xb_error **err);
/// Xapian's own snippet (MSet::snippet, no stemmer, default flags) of `text` for the page the last
/// xb_enquire_mset returned: about `length` bytes, the query's terms between <b> and </b>.
void xb_enquire_snippet(const xb_enquire *enquire, const char *text, size_t text_length, size_t length,
                        xb_string_callback callback, void *context, xb_error **err);

/// A spy counting the values in `slot` of the documents the matcher examines.
xb_valuecountspy *xb_valuecountspy_new(uint32_t slot, xb_error **err);
void xb_valuecountspy_free(xb_valuecountspy *spy);
/// The counted values, most frequent first, ties in byte order.
void xb_valuecountspy_values(const xb_valuecountspy *spy, xb_count_callback callback, void *context,
                             xb_error **err);

/* ---------------------------------------------------- TermGenerator / QueryParser */

xb_termgenerator *xb_termgenerator_new(xb_error **err);
void xb_termgenerator_free(xb_termgenerator *generator);
/// The generator adds terms to `doc` (which it shares, not copies), from position 0 on;
/// `doc` == NULL gives it a scratch document.
void xb_termgenerator_set_document(xb_termgenerator *generator, const xb_document *doc, xb_error **err);
/// Adds the lower-cased words of `text` as `prefix` + word, with positions, each adding `wdf_inc` to its wdf.
void xb_termgenerator_index_text(xb_termgenerator *generator, const char *text, size_t length,
                                 uint32_t wdf_inc, const char *prefix, size_t prefix_length, xb_error **err);

/* These mirror Xapian::QueryParser::feature_flag. */
enum {
    XB_QP_BOOLEAN = 1,
    XB_QP_PHRASE = 2,
    XB_QP_LOVEHATE = 4,
    XB_QP_BOOLEAN_ANY_CASE = 8,
    XB_QP_WILDCARD = 16,
    XB_QP_PURE_NOT = 32,
    XB_QP_PARTIAL = 64,
    XB_QP_SPELLING_CORRECTION = 128,
    XB_QP_SYNONYM = 256,
    XB_QP_AUTO_SYNONYMS = 512,
    XB_QP_AUTO_MULTIWORD_SYNONYMS = 1024,
    XB_QP_NO_POSITIONS = 0x20000
};

xb_queryparser *xb_queryparser_new(xb_error **err);
void xb_queryparser_free(xb_queryparser *parser);
/// `db` == NULL detaches the parser from any database.
void xb_queryparser_set_database(xb_queryparser *parser, const xb_database *db, xb_error **err);
/// Plain terms combine with AND if `use_and`, else with OR (the default).
void xb_queryparser_set_default_and(xb_queryparser *parser, int use_and, xb_error **err);
/// Parses `text` with `flags` (XB_QP_*); QueryParserError for input it cannot parse.
xb_query *xb_queryparser_parse(xb_queryparser *parser, const char *text, size_t length, unsigned flags,
                               xb_error **err);

#ifdef __cplusplus
}
#endif
#endif

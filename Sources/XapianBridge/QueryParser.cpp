#include "Support.h"

using xb::bytes;
using xb::guard;
using xb::guard_void;

// The bridge's flag values are Xapian's own, so they pass straight through.
static_assert(XB_QP_BOOLEAN == Xapian::QueryParser::FLAG_BOOLEAN, "flag mismatch");
static_assert(XB_QP_PHRASE == Xapian::QueryParser::FLAG_PHRASE, "flag mismatch");
static_assert(XB_QP_LOVEHATE == Xapian::QueryParser::FLAG_LOVEHATE, "flag mismatch");
static_assert(XB_QP_BOOLEAN_ANY_CASE == Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE, "flag mismatch");
static_assert(XB_QP_WILDCARD == Xapian::QueryParser::FLAG_WILDCARD, "flag mismatch");
static_assert(XB_QP_PURE_NOT == Xapian::QueryParser::FLAG_PURE_NOT, "flag mismatch");
static_assert(XB_QP_PARTIAL == Xapian::QueryParser::FLAG_PARTIAL, "flag mismatch");
static_assert(XB_QP_SPELLING_CORRECTION == Xapian::QueryParser::FLAG_SPELLING_CORRECTION, "flag mismatch");
static_assert(XB_QP_SYNONYM == Xapian::QueryParser::FLAG_SYNONYM, "flag mismatch");
static_assert(XB_QP_AUTO_SYNONYMS == Xapian::QueryParser::FLAG_AUTO_SYNONYMS, "flag mismatch");
static_assert(XB_QP_AUTO_MULTIWORD_SYNONYMS == Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS, "flag mismatch");
static_assert(XB_QP_NO_POSITIONS == Xapian::QueryParser::FLAG_NO_POSITIONS, "flag mismatch");

extern "C" {

xb_queryparser *xb_queryparser_new(xb_error **err) {
    return guard(err, static_cast<xb_queryparser *>(nullptr), [&] { return new xb_queryparser{}; });
}

void xb_queryparser_free(xb_queryparser *parser) { delete parser; }

void xb_queryparser_set_database(xb_queryparser *parser, const xb_database *db, xb_error **err) {
    guard_void(err, [&] { parser->parser.set_database(db ? *db->db : Xapian::Database()); });
}

void xb_queryparser_set_default_and(xb_queryparser *parser, int use_and, xb_error **err) {
    guard_void(err, [&] { parser->parser.set_default_op(use_and ? Xapian::Query::OP_AND : Xapian::Query::OP_OR); });
}

xb_query *xb_queryparser_parse(xb_queryparser *parser, const char *text, size_t length, unsigned flags,
                               xb_error **err) {
    return guard(err, static_cast<xb_query *>(nullptr),
                 [&] { return new xb_query{parser->parser.parse_query(bytes(text, length), flags)}; });
}

} // extern "C"

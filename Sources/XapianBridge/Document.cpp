#include "Support.h"

using xb::bytes;
using xb::guard;
using xb::guard_void;

extern "C" {

xb_document *xb_document_new(xb_error **err) {
    return guard(err, static_cast<xb_document *>(nullptr), [&] { return new xb_document{}; });
}

void xb_document_free(xb_document *doc) { delete doc; }

char *xb_document_data(const xb_document *doc, size_t *length, xb_error **err) {
    return guard(err, static_cast<char *>(nullptr), [&] { return xb::copy_out(doc->doc.get_data(), length); });
}

void xb_document_set_data(xb_document *doc, const char *data, size_t length, xb_error **err) {
    guard_void(err, [&] { doc->doc.set_data(bytes(data, length)); });
}

void xb_document_add_term(xb_document *doc, const char *term, size_t length, uint32_t wdf_inc, xb_error **err) {
    guard_void(err, [&] { doc->doc.add_term(bytes(term, length), wdf_inc); });
}

void xb_document_add_posting(xb_document *doc, const char *term, size_t length, uint32_t position,
                             uint32_t wdf_inc, xb_error **err) {
    guard_void(err, [&] { doc->doc.add_posting(bytes(term, length), position, wdf_inc); });
}

void xb_document_add_boolean_term(xb_document *doc, const char *term, size_t length, xb_error **err) {
    guard_void(err, [&] { doc->doc.add_boolean_term(bytes(term, length)); });
}

void xb_document_set_value(xb_document *doc, uint32_t slot, const char *value, size_t length, xb_error **err) {
    guard_void(err, [&] { doc->doc.add_value(slot, bytes(value, length)); });
}

char *xb_document_value(const xb_document *doc, uint32_t slot, size_t *length, xb_error **err) {
    return guard(err, static_cast<char *>(nullptr),
                 [&] { return xb::copy_out(doc->doc.get_value(slot), length); });
}

} // extern "C"

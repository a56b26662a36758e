#include "Support.h"

using xb::bytes;
using xb::guard;
using xb::guard_void;

extern "C" {

xb_termgenerator *xb_termgenerator_new(xb_error **err) {
    return guard(err, static_cast<xb_termgenerator *>(nullptr), [&] { return new xb_termgenerator{}; });
}

void xb_termgenerator_free(xb_termgenerator *generator) { delete generator; }

void xb_termgenerator_set_document(xb_termgenerator *generator, const xb_document *doc, xb_error **err) {
    guard_void(err, [&] { generator->generator.set_document(doc ? doc->doc : Xapian::Document()); });
}

void xb_termgenerator_index_text(xb_termgenerator *generator, const char *text, size_t length, uint32_t wdf_inc,
                                 const char *prefix, size_t prefix_length, xb_error **err) {
    guard_void(err, [&] {
        generator->generator.index_text(bytes(text, length), wdf_inc, bytes(prefix, prefix_length));
    });
}

} // extern "C"

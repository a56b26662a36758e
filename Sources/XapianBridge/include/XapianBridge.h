#ifndef XAPIAN_BRIDGE_H
#define XAPIAN_BRIDGE_H
#ifdef __cplusplus
extern "C" {
#endif
/// Xapian's version string, e.g. "1.4.22".
const char *xb_version(void);
#ifdef __cplusplus
}
#endif
#endif

// Xapian is a C++ library; Swift reaches it only through XapianBridge.
// This module exists so that SwiftPM finds xapian-core through pkg-config
// (compile and link flags) and names the Debian package that provides it.
#ifdef __cplusplus
#include <xapian.h>
#endif

#include "XapianBridge.h"
#include <xapian.h>
extern "C" const char *xb_version(void) { return Xapian::version_string(); }

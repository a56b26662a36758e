// zlib, which libxapian already links: VanBan deflates the stored text with it (TextPieces).
#include <zlib.h>

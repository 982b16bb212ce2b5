#include "heap.h"

#include <QtGlobal>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void Heap::growInLargeSteps()
{
#if defined(__GLIBC__)
    // 64 MB more than asked each time a heap grows: address space only,
    // the pages are not touched until used.
    mallopt(M_TOP_PAD, 64 * 1024 * 1024);
#endif
}

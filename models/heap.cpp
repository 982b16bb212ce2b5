#include "heap.h"

#include <QtGlobal>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void Heap::growInLargeSteps()
{
#if defined(__GLIBC__)
    constexpr int kMB = 1024 * 1024;
    // 64 MB more than asked each time a heap grows: address space only,
    // the pages are not touched until used.
    mallopt(M_TOP_PAD, 64 * kMB);
    // Blocks under 64 MB come from the heap, where a freed one is used
    // again, not from pages mapped for them alone; and up to 256 MB freed
    // at the top of the heap stay for the next use instead of going back.
    mallopt(M_MMAP_THRESHOLD, 64 * kMB);
    mallopt(M_TRIM_THRESHOLD, 256 * kMB);
#endif
}

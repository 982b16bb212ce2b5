#include "heap.h"

#include <QtGlobal>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace {

// The whole pages in [start, start + bytes), mapped in writable.
void mapIn(uintptr_t start, size_t bytes)
{
#if defined(MADV_POPULATE_WRITE)
    static const uintptr_t page = uintptr_t(sysconf(_SC_PAGESIZE));
    const uintptr_t from = (start + page - 1) & ~(page - 1);
    const uintptr_t to = (start + bytes) & ~(page - 1);
    if (to > from) // a kernel before 5.14 says EINVAL, and nothing changes
        madvise(reinterpret_cast<void *>(from), to - from, MADV_POPULATE_WRITE);
#else
    Q_UNUSED(start)
    Q_UNUSED(bytes)
#endif
}

} // namespace

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

void Heap::prepare(size_t bytes)
{
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
    // A block this size is cut from the top of the thread's heap and, freed
    // at once, joins the top again: the small blocks that follow are cut
    // from the same addresses, now mapped.
    void *block = std::malloc(bytes);
    if (!block)
        return;
    mapIn(uintptr_t(block), bytes);
    std::free(block);
#else
    Q_UNUSED(bytes)
#endif
}

void Heap::populate(const void *start, size_t bytes) { mapIn(uintptr_t(start), bytes); }

#include "heap.h"

#include <QtGlobal>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

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

// Asks for 2 MB pages in the whole 2 MB stretches inside [start, start +
// bytes): one fault (or one step of a populate) then maps 512 pages in, for
// about the cost of a few. A kernel set to "madvise" (a common default)
// gives them only to memory that asks, one set to "always" to any, and one
// set to "never" to none: there nothing changes.
void adviseLargePages(uintptr_t start, size_t bytes)
{
#if defined(MADV_HUGEPAGE)
    constexpr uintptr_t large = 2 * 1024 * 1024;
    const uintptr_t from = (start + large - 1) & ~(large - 1);
    const uintptr_t to = (start + bytes) & ~(large - 1);
    if (to > from)
        madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE);
#else
    Q_UNUSED(start)
    Q_UNUSED(bytes)
#endif
}

// Where the main heap (the one the window's thread cuts its blocks from)
// starts, once growInLargeSteps() has looked: its top is mapped in ahead
// only above it.
std::atomic<uintptr_t> g_heapStart { 0 };
constexpr size_t kTopAhead = 64 * 1024 * 1024; // M_TOP_PAD below

// The thread behind populateSoon() and prepareSoon(): the main heap's top
// when asked for, else a slice of the first range, which then goes to the
// back.
class Populator
{
public:
    static Populator &instance()
    {
        // never destroyed: its thread may wait on it while the process ends
        static Populator *const populator = new Populator;
        return *populator;
    }

    void add(uintptr_t from, size_t bytes)
    {
        {
            const std::lock_guard<std::mutex> lock(m_lock);
            m_ranges.push_back({ from, bytes, true });
        }
        m_wake.notify_one();
    }

    void wantTop()
    {
        {
            const std::lock_guard<std::mutex> lock(m_lock);
            if (m_topWanted)
                return;
            m_topWanted = true;
        }
        m_wake.notify_one();
    }

private:
    static constexpr size_t kSlice = 256 * 1024;

    Populator()
    {
        std::thread([this] { run(); }).detach();
    }

    void run()
    {
        pthread_setname_np(pthread_self(), "runbench-heap");
#if defined(SCHED_IDLE)
        // only on a CPU no other thread wants: it never takes one from the
        // window or the history (nor from the painter's helpers the window
        // waits for)
        sched_param idle {};
        pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
#endif
        for (;;) {
            Range range {};
            {
                std::unique_lock<std::mutex> lock(m_lock);
                m_wake.wait(lock, [this] { return m_topWanted || !m_ranges.empty(); });
                if (std::exchange(m_topWanted, false)) {
                    lock.unlock();
                    mapInTop();
                    continue;
                }
                range = m_ranges.front();
                m_ranges.pop_front();
                if (range.bytes > kSlice)
                    m_ranges.push_back({ range.from + kSlice, range.bytes - kSlice, false });
            }
            // the whole range at once: the slices are smaller than a large page
            if (range.fresh)
                adviseLargePages(range.from, range.bytes);
            mapIn(range.from, std::min(range.bytes, kSlice));
        }
    }

    // The main heap's last kTopAhead bytes, below the program break: the
    // top of the heap, where glibc cuts the next blocks from (freed blocks
    // that join the top were mapped in when they were used). Pages already
    // mapped in cost a look each.
    void mapInTop()
    {
#if defined(SYS_brk)
        const uintptr_t start = g_heapStart.load(std::memory_order_relaxed);
        const auto end = uintptr_t(syscall(SYS_brk, 0)); // the break, asked of the kernel
        if (start == 0 || end <= start)
            return;
        // the part the heap grew by since the last look (all of it again
        // after it shrank; a shrink and a regrowth between two looks is
        // missed, and is only a hint missed): each call takes the process's
        // memory map for writing, which the other threads' faults wait for
        constexpr uintptr_t large = 2 * 1024 * 1024;
        if (m_advisedTo > end)
            m_advisedTo = 0;
        const uintptr_t advise = std::max(start, m_advisedTo & ~(large - 1));
        adviseLargePages(advise, end - advise);
        m_advisedTo = end;
        for (uintptr_t from = std::max(start, end > kTopAhead ? end - kTopAhead : 0); from < end; from += kSlice)
            mapIn(from, std::min<size_t>(kSlice, end - from));
#endif
    }

    std::mutex m_lock;
    std::condition_variable m_wake;
    struct Range
    {
        uintptr_t from;
        size_t bytes;
        bool fresh; // as given, not yet asked for large pages
    };
    std::deque<Range> m_ranges;
    bool m_topWanted = false;
    uintptr_t m_advisedTo = 0; // the main heap asked for large pages up to here (its thread's alone)
};

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
#if defined(SYS_brk)
    g_heapStart = uintptr_t(syscall(SYS_brk, 0));
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
    adviseLargePages(uintptr_t(block), bytes);
    mapIn(uintptr_t(block), bytes);
    std::free(block);
#else
    Q_UNUSED(bytes)
#endif
}

void Heap::populate(const void *start, size_t bytes)
{
    adviseLargePages(uintptr_t(start), bytes);
    mapIn(uintptr_t(start), bytes);
}

void Heap::prepareSoon()
{
#if defined(MADV_POPULATE_WRITE)
    Populator::instance().wantTop();
#endif
}

void Heap::populateSoon(const void *start, size_t bytes)
{
#if defined(MADV_POPULATE_WRITE)
    if (bytes > 0)
        Populator::instance().add(uintptr_t(start), bytes);
#else
    Q_UNUSED(start)
    Q_UNUSED(bytes)
#endif
}

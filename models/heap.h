#pragma once

#include <cstddef>

// How the process's heap grows and shrinks. Reading a history of a million
// runs allocates a gigabyte in small pieces on the history's thread; glibc
// grows a thread's heap a few pages at a time, a system call each, which
// took a third of that thread's time. Sorting a million runs allocates and
// frees arrays of 8 to 16 MB, which glibc maps afresh each time: their first
// touch, page by page, cost more than the sort. Called once at the start of
// main(), before any thread.
//
// Memory mapped in by the functions below asks the kernel for 2 MB pages
// where a range holds whole ones (transparent huge pages): a fault then
// maps 512 pages at once. With them, the window's thread met a tenth of the
// pages while a million runs loaded, and took a quarter less time.
namespace Heap {
void growInLargeSteps();

// Maps in, in one system call, the memory the calling thread is about to
// allocate in small pieces: the next bytes at the top of its heap, where
// glibc cuts new blocks from. Pages met for the first time one at a time
// each cost a fault, which made up a third of reading a million runs. Only
// a hint: memory it maps that is not used stays for later blocks.
void prepare(size_t bytes);

// The same for memory already allocated and about to be written for the
// first time, at once: an array a sort or a chart is about to fill. Whole
// pages inside [from, from + bytes) only. Like every call that maps memory,
// it takes the process's memory map, and waits while another thread holds
// it: for one-off work, not for each page of runs a load brings.
void populate(const void *from, size_t bytes);

// The reserved room of an array (a std::vector or a QVector) past element
// from, the same way.
template<typename Array>
void populateRoom(const Array &array, size_t from)
{
    if (size_t(array.capacity()) > from)
        populate(array.data() + from, (size_t(array.capacity()) - from) * sizeof(*array.data()));
}

// Room for n elements in an array (a std::vector, a QVector, a QString),
// reserved and mapped in at once, when it has less: a fresh block of
// millions of elements is met page by page otherwise.
template<typename Array>
void reserveMappedIn(Array *array, size_t n)
{
    if (size_t(array->capacity()) >= n)
        return;
    array->reserve(decltype(array->capacity())(n));
    populateRoom(*array, size_t(array->size()));
}

// The same, on a thread of its own, for memory written over the next
// seconds: the rest of an array reserved for the runs a load expects. A
// page costs the same wherever it is mapped in (on this machine's kind, a
// virtual one, 10 µs); there it costs the window nothing. Slices of every
// range given go in turn, from each range's start, as the arrays fill.
// Mapping in changes no byte, so memory freed or used again meanwhile is
// safe; populate() on the same pages then finds them mapped. The caller only
// hands the range over: that thread asks for the large pages too. When the
// window's thread asked for them itself and mapped each page of runs in,
// it waited up to 21 ms at a time for the process's memory map, which the
// history's thread or that one held; a page the window's thread reaches
// first it now maps in by fault, which takes only the part of the map the
// page is in.
void populateSoon(const void *from, size_t bytes);
// The reserved room of an array past element from, the same way.
template<typename Array>
void populateRoomSoon(const Array &array, size_t from)
{
    if (size_t(array.capacity()) > from)
        populateSoon(array.data() + from, (size_t(array.capacity()) - from) * sizeof(*array.data()));
}

// And the top of the main heap, where the window's thread cuts its blocks
// from: Qt's own arrays of a grid (a header's sections, a proxy's rows)
// grow there, and each time they move, the new block's pages would be met
// one by one. The next 64 MB, mapped in on that thread too; a request
// while one waits is the same request. After growInLargeSteps() only.
void prepareSoon();
}

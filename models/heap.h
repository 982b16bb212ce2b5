#pragma once

// How the process's heap grows and shrinks. Reading a history of a million
// runs allocates a gigabyte in small pieces on the history's thread; glibc
// grows a thread's heap a few pages at a time, a system call each, which
// took a third of that thread's time. Sorting a million runs allocates and
// frees arrays of 8 to 16 MB, which glibc maps afresh each time: their first
// touch, page by page, cost more than the sort. Called once at the start of
// main(), before any thread.
namespace Heap {
void growInLargeSteps();
}

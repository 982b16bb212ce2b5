#pragma once

// How the process's heap grows. Reading a history of a million runs
// allocates a gigabyte in small pieces on the history's thread; glibc grows
// a thread's heap a few pages at a time, a system call each, which took a
// third of that thread's time. Called once at the start of main(), before
// any thread.
namespace Heap {
void growInLargeSteps();
}

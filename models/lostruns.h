#pragma once

#include "project.h"

class RunStore;

// A run's owner (the window or `runbench run` that started it) may be killed
// before the run ends. When a project is opened again, every unfinished run
// of this host whose owner is gone gets the rest of its metrics file
// ingested and is marked Lost, instead of staying Running forever.
namespace LostRuns {
// Returns how many runs were marked Lost.
int markLost(RunStore *store, const Project &project);
} // namespace LostRuns

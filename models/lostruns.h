#pragma once

#include "project.h"
#include "runstore.h"

#include <QVector>

#include <optional>

// A run's owner (the window or `runbench run` that started it) may be killed
// before the run ends. When a project is opened again, every unfinished run
// of this host whose owner is gone is examined: if its process (recorded by
// pid and start time) still runs, it is left for the caller to re-adopt;
// otherwise the rest of its metrics file is ingested, its outputs are kept,
// and its end is recorded: the status runbench-launch left, or Lost when the
// launcher was killed too. A run on a cluster whose owner is gone (on this
// host, or silent on any host) is left for the caller too: only the
// scheduler can tell how it is doing.
namespace LostRuns {
struct Result
{
    int ended = 0; // runs whose end was recorded (Lost or as they ended)
    QVector<RunStore::Owner> alive; // runs still going, for re-adoption
    QVector<RunStore::Owner> cluster; // cluster jobs nobody watches, to adopt by job id
};
Result examine(RunStore *store, const Project &project);
// Makes this process the owner of a run examine() handed back, and returns
// it as stored, ready for RunJob::adopt(); nothing when another process
// claimed it first.
std::optional<RunRecord> claim(RunStore *store, const RunStore::Owner &owner);
} // namespace LostRuns

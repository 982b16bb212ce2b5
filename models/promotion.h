#pragma once

#include "project.h"
#include "runrecord.h"

#include <QString>

class RunStore;

// Promoting an artifact: one of a run's outputs copied into the project's
// assets/ folder under a plain name, checked against the checksum recorded
// for the run, with its origin (run, artifact, sha256, time) recorded. Never
// writes outside assets/ or through a link. The command line's `history
// promote` and any view use this one.
namespace Promotion {

enum class Outcome {
    Done,
    BadName, // the name is not a plain file name
    NoSuchArtifact,
    Exists, // an asset of that name exists and replace was not asked
    Failed, // copying or recording failed
};

struct Result
{
    Outcome outcome = Outcome::Failed;
    QString error; // a sentence, for all but Done
    PromotionRecord record; // for Done
};

Result promote(RunStore *store, const Project &project, const RunRecord &run, const QString &artifact,
               const QString &name, bool replace);

} // namespace Promotion

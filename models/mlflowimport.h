#pragma once

#include "mlflowstore.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>

class Project;
class RunStore;

// Brings MLflow's runs into Runbench, from a file store (mlruns/):
// - importStore(): every run becomes a run of the project (one transaction
//   each, with its artifacts copied in), its MLflow run id kept as the
//   property MlflowRunId; a run imported before is left as it is, so a
//   second import of the same folder adds nothing.
// - appendToMetricsFile(): what a script using the real MLflow wrote into
//   its run's own store becomes lines of the run's metrics file (ingested
//   like everything it logs); its first run is the run itself, the others
//   its nested runs.
// Both read and copy files: call them off the GUI thread.
namespace MlflowImport {

struct Result
{
    int imported = 0;
    int alreadyImported = 0;
    int deletedRuns = 0;
    qint64 values = 0; // parameters, tags and metric points imported
    QVector<MlflowStore::Problem> problems; // damaged runs, skipped
    QStringList notes;
    QString error; // nothing could be imported
};

// progress(done, total) after each run read and after each run imported.
// When *canceled turns true it stops before the next run, every run imported
// so far kept whole (importing again adds the rest).
Result importStore(RunStore *store, const Project &project, const QString &mlrunsDir,
                   const std::function<void(int done, int total)> &progress = {},
                   const std::atomic<bool> *canceled = nullptr);

// False with a sentence when the store cannot be read; damaged runs are
// left out and named in *problems.
bool appendToMetricsFile(const QString &mlrunsDir, const QString &metricsFile, const QString &outputsDir,
                         QString *error, QStringList *problems = nullptr);

} // namespace MlflowImport

#pragma once

#include "runrecord.h"

#include <QString>
#include <QVector>

#include <functional>

// Reads an MLflow file store (an "mlruns/" folder) as MLflow lays it out:
//   mlruns/<experiment id>/meta.yaml                 name, lifecycle_stage, …
//   mlruns/<experiment id>/<run id>/meta.yaml        run_id, run_name, status (1 RUNNING, 2 SCHEDULED,
//                                                    3 FINISHED, 4 FAILED, 5 KILLED), start_time and
//                                                    end_time (ms), user_id, lifecycle_stage
//   mlruns/<experiment id>/<run id>/metrics/<key>    one "timestamp value step" line per value (ms)
//   mlruns/<experiment id>/<run id>/params/<key>     the value
//   mlruns/<experiment id>/<run id>/tags/<key>       the value (mlflow.runName, mlflow.parentRunId, …)
//   mlruns/<experiment id>/<run id>/artifacts/       the run's files
// Keys may hold "/" (folders below metrics/, params/, tags/). Deleted
// experiments and runs (lifecycle_stage: deleted, .trash/) are left out.
namespace MlflowStore {

struct Run
{
    QString runId; // MLflow's
    QString experimentId;
    QString experimentName;
    QString name;
    QString user;
    QString source; // mlflow.source.name: the script
    QString description; // mlflow.note.content
    QString parentRunId; // mlflow.parentRunId: MLflow's id of the run it is nested in
    RunStatus status = RunStatus::Completed;
    bool deleted = false; // lifecycle_stage: deleted
    qint64 startUs = 0;
    qint64 endUs = 0;
    // Parameters (step 0, kind param), tags (kind tag) and every metric
    // point with its step and time, as the logging contract holds them.
    QVector<MetricRecord> values;
    QString artifactsDir; // "" when the run has no files
    QString folder; // the run's folder in the store
    QStringList notes; // what was adjusted on the way, in sentences
};

struct Problem
{
    QString path; // the run or experiment folder
    QString reason;
};

struct Contents
{
    QVector<Run> runs; // parents before the runs nested in them
    QVector<Problem> problems; // damaged runs: reported, never half read
    int experiments = 0;
    int deletedRuns = 0;
    QString error; // the folder is no MLflow store at all
};

enum class Depth {
    Everything,
    MetaAndTags, // no parameters or metrics (values holds the tags only): listing a store is quick
};

// Every run of every experiment under mlrunsDir. progress(done, total)
// after each run folder. Reads files only: call it off the GUI thread.
Contents read(const QString &mlrunsDir, const std::function<void(int done, int total)> &progress = {},
              Depth depth = Depth::Everything);

// One run folder (experimentName is the name of the experiment it is in).
// False with a sentence in *error when it is damaged.
bool readRun(const QString &runDir, const QString &experimentName, Run *out, QString *error,
             Depth depth = Depth::Everything);

} // namespace MlflowStore

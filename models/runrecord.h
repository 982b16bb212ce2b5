#pragma once

#include "metricline.h"

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

// Plain data passed between the store, the runner and the views.

enum class RunStatus { Queued, Preparing, Running, Completed, Failed, Canceled, Lost };

QString runStatusName(RunStatus status); // "Completed", as stored and printed
QString runStatusText(RunStatus status); // the same, translated for people
RunStatus runStatusFromName(const QString &name); // unknown names give Lost
bool isFinished(RunStatus status);

// Why malformed metric lines were skipped, with counts, as stored: one
// "count<TAB>reason" line per reason.
QString encodeSkipReasons(const QMap<QString, int> &reasons);
QMap<QString, int> decodeSkipReasons(const QString &text);

struct RunRecord
{
    qint64 id = 0; // row id in the store
    QString runId; // "IrisDemo_1504832281116"
    int number = 0; // 1, 2, 3 … per project
    QString experimentId;
    QString script; // relative to the project root
    QStringList arguments;
    RunStatus status = RunStatus::Queued;
    qint64 createdUs = 0; // microseconds since the epoch, UTC
    qint64 startUs = 0;
    qint64 endUs = 0;
    int exitCode = -1;
    QString error; // why a run failed, in a sentence
    QString name;
    QString description;
    QStringList tags;
    bool hidden = false;
    QString user;
    QString host;
    qint64 pid = 0;
    QString target = QStringLiteral("local"); // or "slurm"
    QString jobId; // the cluster's job id ("" for local runs)
    QString partition; // the cluster partition it was submitted to ("" for the default)
    QString node; // where it ran on the cluster
    QString schedulerState; // what the scheduler last said: why it waits, or that it does not answer
    QString commitId; // the run's snapshot (.runbench/snapshots.git)
    QString gitCommit; // HEAD of the project's own git repository, if any
    int gitDirty = -1; // its work tree had changes: 1, had none: 0, no repository: -1
    QStringList leftOut; // files left out of the snapshot for their size
    qint64 metricsOffset = 0; // bytes of metrics.jsonl already ingested
    int skippedLines = 0; // malformed metric lines skipped
    QString lastSkipReason;
    QMap<QString, int> skipReasons; // every reason, with how many lines it skipped
    // When the run's owner last said it is alive (every few seconds while the
    // run goes on). An unfinished run silent for longer than the project's
    // limit reads as Lost with stale set; its real status is kept in the
    // store, so it reads as it is again once its host re-adopts it.
    qint64 heartbeatUs = 0;
    bool stale = false;
    // The run this one belongs to (its run id): the run whose script started
    // it as a nested run (nestedKey is the name the script gave it), or a
    // sweep. "" for a run of its own.
    QString parentRunId;
    QString nestedKey;

    qint64 durationUs() const { return startUs > 0 && endUs >= startUs ? endUs - startUs : -1; }
};

// What one run logged under one name, kept up to date at ingest so listing
// many runs never reads the metric history.
struct MetricSummary
{
    QString key;
    MetricKind kind = MetricKind::Number;
    ValueRole role = ValueRole::Metric; // parameters and tags are never ranked
    qint64 count = 0; // values logged (a value logged again at the same step counts again)
    qint64 maxStep = -1; // the highest step so far: "last" is the value there
    double last = 0; // last number (NaN when the last value was not finite)
    QString lastText; // last value for Text
    double min = 0; // over finite numbers only
    double max = 0;
    double sum = 0;
    qint64 finiteCount = 0;

    // The value a grid cell or the JSON shows: a number, a bool, a string.
    QVariant lastValue() const;
    double mean() const { return finiteCount > 0 ? sum / double(finiteCount) : 0; }
};

struct MetricPoint
{
    qint64 step = 0;
    double value = 0; // NaN/±inf kept as such
    QString text; // for Text values
    double time = 0;
};

struct ArtifactRecord
{
    QString path; // "outputs/model.pkl", relative to the run folder
    qint64 size = 0;
    QString sha256;
    // A symbolic link the script left in ./outputs: its target, recorded as
    // text. The link is never followed or copied (size 0, no sha256).
    QString linkTarget;
    bool isLink() const { return !linkTarget.isEmpty(); }
};

struct PromotionRecord
{
    QString assetPath; // "assets/iris-model", relative to the project root
    QString artifactPath;
    QString sha256;
    qint64 timeUs = 0;
};

Q_DECLARE_METATYPE(RunRecord)
Q_DECLARE_METATYPE(RunStatus)

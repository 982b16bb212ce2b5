#pragma once

#include <QString>
#include <QVector>

class QByteArray;

// What the logging client writes, one JSON object per line to
// $RUNBENCH_METRICS_FILE:
//   {"name": "Accuracy", "value": 0.97, "time": 1504832287.1}
//   {"name": "all values", "value": [5, 6, 7], "time": 1504832287.2}
// "value" is a number, true/false, a string or a list of numbers. NaN,
// Infinity and -Infinity (as Python's json module writes them) are numbers.
// "time" (seconds since the epoch) is optional. So are:
//   "step": an integer; the value lands at that step (steps need not be
//           dense or ordered; a later value at the same step replaces it).
//           Without it a value lands after the highest step so far; a list's
//           numbers take consecutive steps.
//   "kind": "metric" (the default), "param" (a parameter of the run: never
//           ranked best), "tag" (a label of the run) or "property" (a
//           fact about the run, not a value: "MlflowExperiment").
//   "run":  a nested run of this run, named by the script ("n1"): the value
//           belongs to that child run, created on first sight with the
//           parent's script, arguments and snapshot.
// A line with "run" and "status" and no "value" is a nested run's event:
//   {"run": "n1", "status": "Running", "name": "fold 1"}   starts it (named)
//   {"run": "n1", "status": "Completed"}                   ends it
// (Completed, Failed or Canceled; MLflow's FINISHED/FAILED/KILLED too).
enum class MetricKind { Number, Bool, Text, List };
enum class ValueRole { Metric, Param, Tag };

struct MetricRecord
{
    QString name;
    MetricKind kind = MetricKind::Number;
    QVector<double> numbers; // one for Number/Bool, any count for List
    QString text; // for Text
    double time = 0; // 0 when the line had none
    ValueRole role = ValueRole::Metric;
    bool hasStep = false;
    qint64 step = 0;
    QString run = QString(); // a nested run's name in the script ("" for the run itself)
    bool isProperty = false; // "kind": "property": stored as the run's property, as text
    QString runStatus
        = QString(); // a nested run's event: "Running", "Completed", "Failed", "Canceled" ("" for a value)
    qint64 storeRun = 0; // the nested run's row in the store, once the ingester knows it

    bool isRunEvent() const { return !runStatus.isEmpty(); }
};

namespace MetricLine {
// Longest metric name and text value accepted, in characters.
constexpr int MaxNameLength = 1000;
constexpr int MaxTextLength = 65536;
constexpr int MaxRunLabelLength = 256;
// Steps beyond ±2^53 are refused: a double (JSON's numbers) holds no more.
constexpr qint64 MaxStep = qint64(1) << 53;
// Deepest nesting of arrays/objects the parser follows before refusing.
constexpr int MaxDepth = 64;

// Parses one line (without its newline). Returns false and a sentence in
// *error for anything that is not a metric record as described above.
bool parse(const char *data, qsizetype size, MetricRecord *out, QString *error);
bool parse(const QByteArray &line, MetricRecord *out, QString *error);
} // namespace MetricLine

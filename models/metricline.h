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
// "time" (seconds since the epoch) is optional.
enum class MetricKind { Number, Bool, Text, List };

struct MetricRecord
{
    QString name;
    MetricKind kind = MetricKind::Number;
    QVector<double> numbers; // one for Number/Bool, any count for List
    QString text; // for Text
    double time = 0; // 0 when the line had none
};

namespace MetricLine {
// Longest metric name and text value accepted, in characters.
constexpr int MaxNameLength = 1000;
constexpr int MaxTextLength = 65536;
// Deepest nesting of arrays/objects the parser follows before refusing.
constexpr int MaxDepth = 64;

// Parses one line (without its newline). Returns false and a sentence in
// *error for anything that is not a metric record as described above.
bool parse(const char *data, qsizetype size, MetricRecord *out, QString *error);
bool parse(const QByteArray &line, MetricRecord *out, QString *error);
} // namespace MetricLine

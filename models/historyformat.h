#pragma once

#include "rundetails.h"
#include "runrecord.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

// The shapes the command line prints, as on the product page: a run as one
// JSON object (logged values at top level, then the run's fields) and the
// run table of `history list -o table`. No I/O here.
namespace HistoryFormat {

// "0:00:04.892389"
QString duration(qint64 microseconds);
// "2.5 s", "3 min 05 s", "1 h 02 min": for people, in status lines
QString humanDuration(qint64 microseconds);
// "2017-09-08T00:58:03.059014+00:00"
QString utcTime(qint64 microsecondsSinceEpoch);
// The same moment in local time, written the way the user's language does
// ("8 September 2017 02:58:03 CEST", "2017년 9월 8일 금요일 오전 2시 58분 3초 …").
QString localTime(qint64 microsecondsSinceEpoch);
// Shortest text that reads back as the same double; "NaN", "Infinity".
QString number(double value);

// Series longer than this print as {"count", "last", "min", "max", "mean"}.
constexpr int MaxSeriesInJson = 10000;

// A run as the seed's JSON object: its logged values, then its fields.
QJsonObject runObject(const RunDetails &details);

enum class Align { Left, Right, Decimal };
struct Table
{
    QStringList headers;
    QVector<Align> aligns;
    QVector<QStringList> rows;
};

// The columns of `history list`: one per logged key (sorted), then Duration,
// Run_id, Script_name, Start_time_utc, Status. Numbers have 6 significant
// digits, or every digit with fullPrecision (for CSV).
Table runTable(const QVector<RunRecord> &runs, const QHash<qint64, QVector<MetricSummary>> &summaries,
               bool fullPrecision = false);

// Text with control and bidirectional characters written as visible
// escapes ("\n", "\u202e"), so that a value cannot break or reorder a line.
QString visible(const QString &text);

// Plain text with two spaces between columns, a dashed rule under the
// headers, numbers aligned on their decimal point. Table and CSV cells pass
// through visible().
QString toText(const Table &table);
// RFC 4180 CSV with a header row.
QString toCsv(const Table &table);

} // namespace HistoryFormat

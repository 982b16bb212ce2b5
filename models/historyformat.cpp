#include "historyformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <utility>

namespace HistoryFormat {

QString duration(qint64 us)
{
    if (us < 0)
        return QString();
    const qint64 secs = us / 1000000;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(secs / 3600)
        .arg((secs / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(secs % 60, 2, 10, QLatin1Char('0'))
        .arg(us % 1000000, 6, 10, QLatin1Char('0'));
}

QString humanDuration(qint64 us)
{
    if (us < 0)
        return QString();
    const qint64 secs = us / 1000000;
    if (secs < 60)
        return QCoreApplication::translate("HistoryFormat", "%1 s").arg(QLocale().toString(double(us) / 1e6, 'f', 1));
    if (secs < 3600)
        return QCoreApplication::translate("HistoryFormat", "%1 min %2 s")
            .arg(secs / 60)
            .arg(secs % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("HistoryFormat", "%1 h %2 min")
        .arg(secs / 3600)
        .arg((secs / 60) % 60, 2, 10, QLatin1Char('0'));
}

QString utcTime(qint64 us)
{
    if (us <= 0)
        return QString();
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss."))
        + QStringLiteral("%1+00:00").arg(us % 1000000, 6, 10, QLatin1Char('0'));
}

QString localTime(qint64 us)
{
    if (us <= 0)
        return QString();
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(us / 1000).toLocalTime(), QLocale::LongFormat);
}

QString number(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

namespace {

// JSON has no infinities or NaN; they are written as the strings
// "Infinity", "-Infinity" and "NaN", never as null ("no value").
QJsonValue jsonNumber(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(number(v)); }

// The run's own fields in its JSON object: a logged value of one of these
// names goes under "metrics" instead, so that it never hides the field.
bool isRunField(const QString &name)
{
    static const QSet<QString> fields {
        QStringLiteral("attachments"),
        QStringLiteral("created_utc"),
        QStringLiteral("description"),
        QStringLiteral("duration"),
        QStringLiteral("end_time_utc"),
        QStringLiteral("experiment_id"),
        QStringLiteral("heartbeat_enabled"),
        QStringLiteral("hidden"),
        QStringLiteral("name"),
        QStringLiteral("parent_run_id"),
        QStringLiteral("properties"),
        QStringLiteral("run_id"),
        QStringLiteral("run_number"),
        QStringLiteral("script_name"),
        QStringLiteral("start_time_utc"),
        QStringLiteral("status"),
        QStringLiteral("target"),
        QStringLiteral("user_id"),
        QStringLiteral("metrics"),
        QStringLiteral("tags"),
    };
    return fields.contains(name);
}

QJsonValue summaryValue(const MetricSummary &s, const QVector<MetricPoint> &points)
{
    if (s.count == 1 && s.kind != MetricKind::List) {
        if (s.kind == MetricKind::Text)
            return s.lastText;
        if (s.kind == MetricKind::Bool)
            return s.last != 0;
        return jsonNumber(s.last);
    }
    if (!points.isEmpty() && points.size() <= MaxSeriesInJson) {
        QJsonArray values;
        for (const MetricPoint &p : points) {
            if (s.kind == MetricKind::Text)
                values.append(p.text.isNull() ? QJsonValue(jsonNumber(p.value)) : QJsonValue(p.text));
            else if (s.kind == MetricKind::Bool)
                values.append(p.value != 0);
            else
                values.append(jsonNumber(p.value));
        }
        return values;
    }
    QJsonObject summary;
    summary.insert(QStringLiteral("count"), double(s.count));
    summary.insert(QStringLiteral("last"), s.kind == MetricKind::Text ? QJsonValue(s.lastText) : jsonNumber(s.last));
    if (s.finiteCount > 0) {
        summary.insert(QStringLiteral("min"), s.min);
        summary.insert(QStringLiteral("max"), s.max);
        summary.insert(QStringLiteral("mean"), s.mean());
    }
    return summary;
}

QJsonValue textOrNull(const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }

QString cellText(const MetricSummary &s, bool fullPrecision)
{
    if (s.kind == MetricKind::Text)
        return s.lastText;
    if (s.kind == MetricKind::Bool)
        return s.last != 0 ? QStringLiteral("true") : QStringLiteral("false");
    if (std::isfinite(s.last) && !fullPrecision)
        return QString::number(s.last, 'g', 6);
    return number(s.last);
}

} // namespace

QJsonObject runObject(const RunDetails &d)
{
    QJsonObject o;
    QJsonObject colliding;
    QJsonObject tags; // logged as tags: name → text, as MLflow's run tags
    QStringList parameters;
    for (const MetricSummary &s : d.metrics) {
        if (s.role == ValueRole::Tag) {
            MetricSummary last = s; // a tag set again is replaced
            last.count = 1;
            if (last.kind == MetricKind::List)
                last.kind = MetricKind::Number;
            tags.insert(s.key, summaryValue(last, {}));
            continue;
        }
        if (s.role == ValueRole::Param)
            parameters.append(s.key);
        (isRunField(s.key) ? colliding : o).insert(s.key, summaryValue(s, d.series.value(s.key)));
    }
    if (!colliding.isEmpty())
        o.insert(QStringLiteral("metrics"), colliding);
    if (!tags.isEmpty())
        o.insert(QStringLiteral("tags"), tags);
    const RunRecord &r = d.run;
    o.insert(QStringLiteral("attachments"), d.attachments.join(QStringLiteral(", ")));
    o.insert(QStringLiteral("created_utc"), utcTime(r.createdUs));
    o.insert(QStringLiteral("description"), textOrNull(r.description));
    o.insert(QStringLiteral("duration"), textOrNull(duration(r.durationUs())));
    o.insert(QStringLiteral("end_time_utc"), textOrNull(utcTime(r.endUs)));
    o.insert(QStringLiteral("experiment_id"), r.experimentId);
    o.insert(QStringLiteral("heartbeat_enabled"), true); // owners write heartbeats (RunRecord::heartbeatUs)
    o.insert(QStringLiteral("hidden"), r.hidden);
    o.insert(QStringLiteral("name"), textOrNull(r.name));
    o.insert(QStringLiteral("parent_run_id"), textOrNull(r.parentRunId));
    QJsonObject properties;
    for (auto it = d.properties.cbegin(); it != d.properties.cend(); ++it)
        properties.insert(it.key(), it.value());
    if (!parameters.isEmpty())
        properties.insert(QStringLiteral("Parameters"), QJsonArray::fromStringList(parameters));
    if (!r.nestedKey.isEmpty())
        properties.insert(QStringLiteral("NestedRun"), r.nestedKey);
    if (!d.children.isEmpty()) {
        QJsonArray children;
        for (const RunRecord &c : d.children)
            children.append(c.runId);
        properties.insert(QStringLiteral("ChildRuns"), children);
    }
    properties.insert(QStringLiteral("CommitId"), textOrNull(r.commitId));
    if (!r.gitCommit.isEmpty()) {
        properties.insert(QStringLiteral("GitCommit"), r.gitCommit);
        properties.insert(QStringLiteral("GitDirty"), r.gitDirty == 1);
    }
    if (!r.leftOut.isEmpty())
        properties.insert(QStringLiteral("LeftOutFiles"), QJsonArray::fromStringList(r.leftOut));
    if (!r.tags.isEmpty())
        properties.insert(QStringLiteral("Tags"), QJsonArray::fromStringList(r.tags));
    properties.insert(QStringLiteral("Arguments"), QJsonArray::fromStringList(r.arguments));
    properties.insert(QStringLiteral("ExitCode"), r.exitCode);
    properties.insert(QStringLiteral("Host"), r.host);
    if (!r.error.isEmpty())
        properties.insert(QStringLiteral("Error"), r.error);
    properties.insert(QStringLiteral("SkippedMetricLines"), r.skippedLines);
    if (!r.lastSkipReason.isEmpty())
        properties.insert(QStringLiteral("LastSkipReason"), r.lastSkipReason);
    if (!r.skipReasons.isEmpty()) {
        QJsonObject reasons;
        for (auto it = r.skipReasons.cbegin(); it != r.skipReasons.cend(); ++it)
            reasons.insert(it.key(), it.value());
        properties.insert(QStringLiteral("SkipReasons"), reasons);
    }
    if (!d.promotions.isEmpty()) {
        QJsonArray promotions;
        for (const PromotionRecord &p : d.promotions) {
            QJsonObject po;
            po.insert(QStringLiteral("asset"), p.assetPath);
            po.insert(QStringLiteral("artifact"), p.artifactPath);
            po.insert(QStringLiteral("sha256"), p.sha256);
            po.insert(QStringLiteral("time_utc"), utcTime(p.timeUs));
            promotions.append(po);
        }
        properties.insert(QStringLiteral("Promotions"), promotions);
    }
    if (r.target == QLatin1String("slurm")) {
        properties.insert(QStringLiteral("SlurmJobId"), textOrNull(r.jobId));
        properties.insert(QStringLiteral("SlurmPartition"), textOrNull(r.partition));
        properties.insert(QStringLiteral("Node"), textOrNull(r.node));
        if (!r.schedulerState.isEmpty() && !isFinished(r.status))
            properties.insert(QStringLiteral("SchedulerState"), r.schedulerState);
    }
    o.insert(QStringLiteral("properties"), properties);
    o.insert(QStringLiteral("run_id"), r.runId);
    o.insert(QStringLiteral("run_number"), r.number);
    o.insert(QStringLiteral("script_name"), r.script);
    o.insert(QStringLiteral("start_time_utc"), textOrNull(utcTime(r.startUs)));
    o.insert(QStringLiteral("status"), runStatusName(r.status));
    o.insert(QStringLiteral("target"), r.target);
    o.insert(QStringLiteral("user_id"), r.user);
    return o;
}

Table runTable(const QVector<RunRecord> &runs, const QHash<qint64, QVector<MetricSummary>> &summaries,
               bool fullPrecision)
{
    QStringList keys;
    for (const RunRecord &r : runs)
        for (const MetricSummary &s : summaries.value(r.id))
            if (!keys.contains(s.key) && !(s.role == ValueRole::Tag && s.key.startsWith(QLatin1String("mlflow."))))
                keys.append(s.key); // MLflow's own tags (mlflow.source.name, …) are in the JSON only
    std::sort(keys.begin(), keys.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    Table t;
    // A logged value named like a run column is shown as "metrics.NAME".
    static const QStringList runColumns { QStringLiteral("Duration"), QStringLiteral("Run_id"),
                                          QStringLiteral("Script_name"), QStringLiteral("Start_time_utc"),
                                          QStringLiteral("Status") };
    for (const QString &key : std::as_const(keys))
        t.headers.append(runColumns.contains(key, Qt::CaseInsensitive) || key.startsWith(QLatin1String("metrics."))
                             ? QStringLiteral("metrics.") + key
                             : key);
    t.aligns = QVector<Align>(keys.size(), Align::Decimal);
    t.headers << QStringLiteral("Duration") << QStringLiteral("Run_id") << QStringLiteral("Script_name")
              << QStringLiteral("Start_time_utc") << QStringLiteral("Status");
    t.aligns << Align::Left << Align::Left << Align::Left << Align::Left << Align::Left;
    for (const RunRecord &r : runs) {
        QStringList row;
        const QVector<MetricSummary> sums = summaries.value(r.id);
        for (const QString &key : std::as_const(keys)) {
            const auto it
                = std::find_if(sums.cbegin(), sums.cend(), [&key](const MetricSummary &s) { return s.key == key; });
            row.append(it == sums.cend() ? QString() : cellText(*it, fullPrecision));
        }
        row << duration(r.durationUs()) << r.runId << r.script << utcTime(r.startUs) << runStatusName(r.status);
        t.rows.append(row);
    }
    return t;
}

namespace {

// Control characters (a newline splits a table line) and bidirectional
// controls (U+202E turns the rest of a terminal line around) as visible
// escapes: "\n", "\t", "\u202e".
bool needsEscape(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x061c || u == 0x200e || u == 0x200f
        || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
}

bool looksNumeric(const QString &s)
{
    bool ok = false;
    s.toDouble(&ok);
    return ok;
}

} // namespace

QString visible(const QString &text)
{
    if (std::none_of(text.cbegin(), text.cend(), needsEscape))
        return text;
    QString out;
    for (const QChar c : text) {
        if (!needsEscape(c))
            out += c;
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else
            out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
    }
    return out;
}

namespace {

Table visibleTable(const Table &table)
{
    Table t = table;
    for (QString &h : t.headers)
        h = visible(h);
    for (QStringList &row : t.rows)
        for (QString &cell : row)
            cell = visible(cell);
    return t;
}

} // namespace

QString toText(const Table &source)
{
    const Table table = visibleTable(source);
    const int columns = table.headers.size();
    QVector<QStringList> cells = table.rows;
    QVector<int> widths(columns);
    for (int c = 0; c < columns; ++c) {
        if (table.aligns.value(c) == Align::Decimal) {
            // Pad numbers so that their decimal points line up.
            int intWidth = 0;
            int fracWidth = 0;
            for (const QStringList &row : std::as_const(cells)) {
                const QString &v = row.at(c);
                if (!looksNumeric(v))
                    continue;
                const int dot = v.contains(QLatin1Char('.')) ? int(v.indexOf(QLatin1Char('.'))) : int(v.size());
                intWidth = std::max(intWidth, dot);
                fracWidth = std::max(fracWidth, int(v.size()) - dot);
            }
            for (QStringList &row : cells) {
                QString &v = row[c];
                if (!looksNumeric(v))
                    continue;
                const int dot = v.contains(QLatin1Char('.')) ? int(v.indexOf(QLatin1Char('.'))) : int(v.size());
                v = QString(intWidth - dot, QLatin1Char(' ')) + v
                    + QString(fracWidth - (int(v.size()) - dot), QLatin1Char(' '));
            }
        }
        widths[c] = int(table.headers.at(c).size());
        for (const QStringList &row : std::as_const(cells))
            widths[c] = std::max(widths[c], int(row.at(c).size()));
    }
    auto line = [&](const QStringList &values) {
        QStringList parts;
        for (int c = 0; c < columns; ++c) {
            const bool right = table.aligns.value(c) != Align::Left;
            parts.append(right ? values.at(c).rightJustified(widths[c]) : values.at(c).leftJustified(widths[c]));
        }
        QString text = parts.join(QStringLiteral("  "));
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text + QLatin1Char('\n');
    };
    QString out = line(table.headers);
    QStringList rule;
    for (int c = 0; c < columns; ++c)
        rule.append(QString(widths[c], QLatin1Char('-')));
    out += rule.join(QStringLiteral("  ")) + QLatin1Char('\n');
    for (const QStringList &row : std::as_const(cells))
        out += line(row);
    return out;
}

QString toCsv(const Table &source)
{
    const Table table = visibleTable(source);
    auto quote = [](const QString &v) {
        if (!v.contains(QLatin1Char(',')) && !v.contains(QLatin1Char('"')) && !v.contains(QLatin1Char('\n'))
            && !v.contains(QLatin1Char('\r')))
            return v;
        QString q = v;
        q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    };
    QString out;
    auto line = [&](const QStringList &values) {
        QStringList quoted;
        for (const QString &v : values)
            quoted.append(quote(v));
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    line(table.headers);
    for (const QStringList &row : table.rows)
        line(row);
    return out;
}

} // namespace HistoryFormat

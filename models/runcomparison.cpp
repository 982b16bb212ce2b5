#include "runcomparison.h"

#include "argumentline.h"
#include "historyformat.h"

#include <QRegularExpression>
#include <QSettings>

#include <algorithm>
#include <cmath>
#include <utility>

namespace {

QString metricText(const MetricSummary &s)
{
    switch (s.kind) {
    case MetricKind::Text: return s.lastText;
    case MetricKind::Bool: return s.last != 0 ? QStringLiteral("true") : QStringLiteral("false");
    default: return HistoryFormat::number(s.last);
    }
}

QVariant metricValue(const MetricSummary &s)
{
    switch (s.kind) {
    case MetricKind::Text: return s.lastText;
    case MetricKind::Bool: return s.last != 0;
    default: return std::isfinite(s.last) ? QVariant(s.last) : QVariant(HistoryFormat::number(s.last));
    }
}

// A run field as text and as a typed value.
std::pair<QString, QVariant> fieldOf(const RunRecord &r, const QString &field)
{
    auto text
        = [](const QString &s) { return std::pair<QString, QVariant>(s, s.isEmpty() ? QVariant() : QVariant(s)); };
    if (field == QLatin1String("run_id"))
        return text(r.runId);
    if (field == QLatin1String("run_number"))
        return { QString::number(r.number), r.number };
    if (field == QLatin1String("script_name"))
        return text(r.script);
    if (field == QLatin1String("arguments"))
        return text(ArgumentLine::join(r.arguments));
    if (field == QLatin1String("status"))
        return text(runStatusName(r.status));
    if (field == QLatin1String("exit_code"))
        return isFinished(r.status) ? std::pair<QString, QVariant>(QString::number(r.exitCode), r.exitCode)
                                    : text(QString());
    if (field == QLatin1String("duration"))
        return text(HistoryFormat::duration(r.durationUs()));
    if (field == QLatin1String("start_time_utc"))
        return text(HistoryFormat::utcTime(r.startUs));
    if (field == QLatin1String("commit_id"))
        return text(r.commitId);
    if (field == QLatin1String("name"))
        return text(r.name);
    if (field == QLatin1String("description"))
        return text(r.description);
    if (field == QLatin1String("hidden"))
        return { r.hidden ? QStringLiteral("true") : QStringLiteral("false"), r.hidden };
    if (field == QLatin1String("user_id"))
        return text(r.user);
    return text(QString());
}

// The user's "lower is better" choices of a project, read once.
struct Choices
{
    QStringList lower;
    QStringList higher;

    explicit Choices(const Project &project)
    {
        const QSettings ui(project.workbenchSettingsPath(), QSettings::IniFormat);
        lower = ui.value(QStringLiteral("compare/lower_is_better")).toStringList();
        higher = ui.value(QStringLiteral("compare/higher_is_better")).toStringList();
    }

    bool lowerIsBetter(const QString &metric) const
    {
        if (lower.contains(metric))
            return true;
        if (higher.contains(metric))
            return false;
        return RunComparison::lowerIsBetterByName(metric);
    }
};

} // namespace

const QStringList &RunComparison::runFields()
{
    static const QStringList fields {
        QStringLiteral("run_id"),    QStringLiteral("run_number"),     QStringLiteral("script_name"),
        QStringLiteral("arguments"), QStringLiteral("status"),         QStringLiteral("exit_code"),
        QStringLiteral("duration"),  QStringLiteral("start_time_utc"), QStringLiteral("commit_id"),
        QStringLiteral("name"),      QStringLiteral("description"),    QStringLiteral("hidden"),
        QStringLiteral("user_id"),
    };
    return fields;
}

QVector<RunComparison::Row> RunComparison::compare(const QVector<RunDetails> &runs, const Project &project)
{
    QVector<Row> rows;
    for (const QString &field : runFields()) {
        Row row;
        row.field = field;
        for (const RunDetails &d : runs) {
            const auto [text, value] = fieldOf(d.run, field);
            row.texts.append(text);
            row.values.append(value);
        }
        rows.append(row);
    }
    QStringList keys;
    for (const RunDetails &d : runs)
        for (const MetricSummary &s : d.metrics)
            if (!keys.contains(s.key))
                keys.append(s.key);
    keys.sort(Qt::CaseInsensitive);
    const Choices choices(project);
    for (const QString &key : std::as_const(keys)) {
        Row row;
        row.field = key;
        row.metric = true;
        row.lowerIsBetter = choices.lowerIsBetter(key);
        QVector<double> numbers;
        for (const RunDetails &d : runs) {
            const auto it = std::find_if(d.metrics.cbegin(), d.metrics.cend(),
                                         [&key](const MetricSummary &s) { return s.key == key; });
            if (it == d.metrics.cend()) { // not logged: empty, never zero
                row.texts.append(QString());
                row.values.append(QVariant());
                numbers.append(qQNaN());
            } else {
                row.texts.append(metricText(*it));
                if (it->role != ValueRole::Metric)
                    row.role = it->role;
                row.values.append(metricValue(*it));
                // parameters and tags are what a run was given: never ranked
                const bool numeric
                    = (it->kind == MetricKind::Number || it->kind == MetricKind::List) && it->role == ValueRole::Metric;
                numbers.append(numeric ? it->last : qQNaN());
            }
        }
        rows.append(row);
        Row &added = rows.last();
        added.best = QVector<bool>(runs.size(), false);
        for (const QString &t : std::as_const(added.texts))
            added.differs = added.differs || t != added.texts.first();
        if (!added.differs)
            continue;
        int best = -1;
        for (int c = 0; c < numbers.size(); ++c) {
            const double v = numbers.at(c);
            if (std::isfinite(v) && (best < 0 || (added.lowerIsBetter ? v < numbers.at(best) : v > numbers.at(best))))
                best = c;
        }
        for (int c = 0; best >= 0 && c < numbers.size(); ++c)
            added.best[c] = numbers.at(c) == numbers.at(best); // ties are all best
    }
    for (Row &row : rows) {
        if (row.metric)
            continue;
        row.best = QVector<bool>(runs.size(), false);
        QStringList compared = row.texts;
        // Each run's snapshot is a commit of its own: the code differs when
        // the trees do.
        if (row.field == QLatin1String("commit_id")
            && std::all_of(runs.cbegin(), runs.cend(), [](const RunDetails &d) { return !d.codeTree.isEmpty(); })) {
            compared.clear();
            for (const RunDetails &d : runs)
                compared.append(d.codeTree);
        }
        for (const QString &t : std::as_const(compared))
            row.differs = row.differs || t != compared.first();
    }
    return rows;
}

bool RunComparison::lowerIsBetterByName(const QString &metric)
{
    static const QRegularExpression lower(
        QStringLiteral("loss|error|err\\b|rmse|mse|mae|perplexity|time|duration|latency"),
        QRegularExpression::CaseInsensitiveOption);
    return lower.match(metric).hasMatch();
}

bool RunComparison::lowerIsBetter(const Project &project, const QString &metric)
{
    return Choices(project).lowerIsBetter(metric);
}

void RunComparison::setLowerIsBetter(const Project &project, const QString &metric, bool lower)
{
    const Choices choices(project);
    QStringList lowerList = choices.lower;
    QStringList higherList = choices.higher;
    lowerList.removeAll(metric);
    higherList.removeAll(metric);
    (lower ? lowerList : higherList).append(metric);
    QSettings ui(project.workbenchSettingsPath(), QSettings::IniFormat);
    ui.setValue(QStringLiteral("compare/lower_is_better"), lowerList);
    ui.setValue(QStringLiteral("compare/higher_is_better"), higherList);
    ui.sync();
}

#include "storevalues.h"

#include <QStringList>

namespace StoreValues {

QString placeholders(int n)
{
    QStringList marks;
    for (int i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

QString kindName(MetricKind kind)
{
    switch (kind) {
    case MetricKind::Number: return QStringLiteral("number");
    case MetricKind::Bool: return QStringLiteral("bool");
    case MetricKind::Text: return QStringLiteral("text");
    case MetricKind::List: return QStringLiteral("list");
    }
    return QStringLiteral("number");
}

MetricKind kindFromName(const QString &name)
{
    if (name == QLatin1String("bool"))
        return MetricKind::Bool;
    if (name == QLatin1String("text"))
        return MetricKind::Text;
    if (name == QLatin1String("list"))
        return MetricKind::List;
    return MetricKind::Number;
}

QString roleName(ValueRole role)
{
    switch (role) {
    case ValueRole::Metric: return QStringLiteral("metric");
    case ValueRole::Param: return QStringLiteral("param");
    case ValueRole::Tag: return QStringLiteral("tag");
    }
    return QStringLiteral("metric");
}

ValueRole roleFromName(const QString &name)
{
    if (name == QLatin1String("param"))
        return ValueRole::Param;
    if (name == QLatin1String("tag"))
        return ValueRole::Tag;
    return ValueRole::Metric;
}

// Reads "name, kind, count, last_num, last_txt, min_num, max_num, sum_num,
// finite_count, role, max_step" starting at column first.
MetricSummary readSummary(const QSqlQuery &q, int first)
{
    MetricSummary s;
    s.key = q.value(first).toString();
    s.kind = kindFromName(q.value(first + 1).toString());
    s.count = q.value(first + 2).toLongLong();
    s.last = readNumber(q.value(first + 3));
    s.lastText = q.value(first + 4).toString();
    s.min = q.value(first + 5).toDouble();
    s.max = q.value(first + 6).toDouble();
    s.sum = q.value(first + 7).toDouble();
    s.finiteCount = q.value(first + 8).toLongLong();
    s.role = roleFromName(q.value(first + 9).toString());
    s.maxStep = q.value(first + 10).toLongLong();
    return s;
}

void addToSummary(MetricSummary *s, double v)
{
    s->last = v;
    if (std::isfinite(v)) {
        if (s->finiteCount == 0 || v < s->min)
            s->min = v;
        if (s->finiteCount == 0 || v > s->max)
            s->max = v;
        s->sum += v;
        ++s->finiteCount;
    }
}

} // namespace StoreValues

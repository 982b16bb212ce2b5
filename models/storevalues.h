#pragma once

#include "runrecord.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <limits>

// How the store's columns hold values, shared by the store's files.
namespace StoreValues {

inline qint64 nowUs() { return QDateTime::currentMSecsSinceEpoch() * 1000; }

// SQLite stores NaN as NULL: write NULL and read NULL back as NaN.
inline QVariant numberValue(double v) { return std::isnan(v) ? QVariant() : QVariant(v); }

// Text columns are NOT NULL: a null QString binds as ''.
inline QVariant textValue(const QString &s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); }

inline double readNumber(const QVariant &v)
{
    return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble();
}

// A QSqlQuery's rows as SqliteReader::Query reads them, for the code that
// reads through either (a whole SQLite history goes through the latter).
class QueryColumns
{
public:
    explicit QueryColumns(QSqlQuery &query)
        : m_query(query)
    { }
    bool next() { return m_query.next(); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    double real(int column) const { return m_query.value(column).toDouble(); } // NULL reads as 0
    double number(int column) const { return readNumber(m_query.value(column)); } // NULL reads as NaN
    QString text(int column) const { return m_query.value(column).toString(); }
    QString repeatedText(int column) const { return text(column); }

private:
    QSqlQuery &m_query;
};

// "?, ?, ?": n placeholders for a statement's values or an IN (…) list.
QString placeholders(int n);

QString kindName(MetricKind kind);
MetricKind kindFromName(const QString &name);
QString roleName(ValueRole role); // "metric", "param", "tag"
ValueRole roleFromName(const QString &name);

// Reads "name, kind, count, last_num, last_txt, min_num, max_num, sum_num,
// finite_count" starting at column first.
MetricSummary readSummary(const QSqlQuery &q, int first);

// Adds a logged number to a summary (last, and min/max/sum over finite ones).
void addToSummary(MetricSummary *s, double v);

} // namespace StoreValues

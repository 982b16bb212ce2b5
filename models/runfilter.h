#pragma once

#include "runrecord.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

// The dashboard's filter box. All terms must hold:
//   Accuracy > 0.65          a logged value or a field compared with a number
//   "Regularization Rate"<=1 (operators: > >= < <= = != ; names with spaces in quotes)
//   status:Completed         status is (also: status:failed, case does not matter)
//   script:iris              script name contains
//   name:baseline            run name contains
//   tag:tuned                the run has this tag
//   run>=3  duration<10  exit=0   run number, duration in seconds, exit code
//   lbfgs  "two words"       text anywhere in run id, script, arguments, name, description
class RunFilter
{
public:
    // A run's logged value under a name, as the grid shows it (nullopt: not logged).
    using MetricLookup = std::function<std::optional<QVariant>(const QString &key)>;

    // Parses text; names are checked against the known metric keys. On an
    // error, isValid() is false and errorString() says what and where.
    static RunFilter parse(const QString &text, const QStringList &metricKeys);

    bool isValid() const { return m_error.isEmpty(); }
    bool isEmpty() const { return m_terms.isEmpty(); }
    QString errorString() const { return m_error; }

    bool matches(const RunRecord &run, const MetricLookup &metric) const;

private:
    enum class Kind { Compare, Status, Script, Name, Tag, Text };
    enum class Op { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };
    struct Term
    {
        Kind kind = Kind::Text;
        QString name; // metric key or field ("run", "duration", "exit")
        bool isField = false;
        Op op = Op::Equal;
        double number = 0;
        bool numeric = true;
        QString text;
    };
    QVector<Term> m_terms;
    QString m_error;
};

#include "sweepspec.h"

#include "runrecord.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <limits>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("SweepSpec", text); }

// A generated value as people write it: no float noise (0.15625, not
// 0.15625000000000003).
QString number(double v) { return QString::number(v, 'g', 12); }

struct Piece
{
    bool set = false;
    QString text; // literal text, or the set without its braces
};

// An argument cut into literal text and brace sets. A brace group with no
// comma and no ".." is literal, as in a shell ({} and {x} stay).
bool cut(const QString &argument, QVector<Piece> *pieces, QString *error)
{
    QString literal;
    for (qsizetype i = 0; i < argument.size(); ++i) {
        const QChar c = argument.at(i);
        if (c == QLatin1Char('\\') && i + 1 < argument.size()
            && (argument.at(i + 1) == QLatin1Char('{') || argument.at(i + 1) == QLatin1Char('}'))) {
            literal += argument.at(++i);
            continue;
        }
        if (c != QLatin1Char('{')) {
            literal += c;
            continue;
        }
        const qsizetype close = argument.indexOf(QLatin1Char('}'), i + 1);
        if (close < 0) {
            *error = QCoreApplication::translate("SweepSpec",
                                                 "“%1”: a “{” is not closed (write \\{ for a brace of the "
                                                 "argument itself).")
                         .arg(argument);
            return false;
        }
        const QString inside = argument.mid(i + 1, close - i - 1);
        if (!inside.contains(QLatin1Char(',')) && !inside.contains(QLatin1String(".."))) {
            literal += argument.mid(i, close - i + 1);
            i = close;
            continue;
        }
        if (!literal.isEmpty())
            pieces->append({ false, literal });
        literal.clear();
        pieces->append({ true, inside });
        i = close;
    }
    if (!literal.isEmpty() || pieces->isEmpty())
        pieces->append({ false, literal });
    return true;
}

} // namespace

std::optional<QStringList> SweepSpec::values(const QString &set, QString *error)
{
    // a number (5, -2, 0.001, .5, 1e-3), "..", a number, then ":count" and ":log"
    static const QString numberPattern = QStringLiteral("([-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)");
    static const QRegularExpression range(QStringLiteral("^\\s*") + numberPattern + QStringLiteral("\\s*\\.\\.\\s*")
                                          + numberPattern
                                          + QStringLiteral("\\s*(?::\\s*([0-9]+)\\s*(?::\\s*(log|lin)\\s*)?)?$"));
    const QRegularExpressionMatch m = range.match(set);
    if (m.hasMatch()) {
        bool okA = false, okB = false;
        const double a = m.captured(1).toDouble(&okA);
        const double b = m.captured(2).toDouble(&okB);
        if (!okA || !okB || !std::isfinite(a) || !std::isfinite(b)) {
            *error = tr("{%1}: the ends of a range must be numbers.").arg(set);
            return std::nullopt;
        }
        QStringList out;
        if (m.captured(3).isEmpty()) {
            bool intA = false, intB = false;
            const qint64 first = m.captured(1).toLongLong(&intA);
            const qint64 last = m.captured(2).toLongLong(&intB);
            if (!intA || !intB) {
                *error = tr("{%1}: a range without a count is of integers ({1..5}); for other numbers give how "
                            "many values ({0.001..1:7}).")
                             .arg(set);
                return std::nullopt;
            }
            if (std::llabs(last - first) >= SweepSpec::MaxChildren) {
                *error = tr("{%1}: more than %2 values.").arg(set).arg(SweepSpec::MaxChildren);
                return std::nullopt;
            }
            const qint64 step = last >= first ? 1 : -1;
            for (qint64 v = first;; v += step) {
                out.append(QString::number(v));
                if (v == last)
                    break;
            }
            return out;
        }
        const int count = m.captured(3).toInt();
        if (count < 2 || count > SweepSpec::MaxChildren) {
            *error = tr("{%1}: the count of values must be between 2 and %2.").arg(set).arg(SweepSpec::MaxChildren);
            return std::nullopt;
        }
        const bool log = m.captured(4) == QLatin1String("log");
        if (log && (a <= 0 || b <= 0)) {
            *error = tr("{%1}: a log range needs two positive ends.").arg(set);
            return std::nullopt;
        }
        for (int i = 0; i < count; ++i) {
            const double t = double(i) / double(count - 1);
            const double v = i == count - 1 ? b
                : log                       ? std::exp(std::log(a) + t * (std::log(b) - std::log(a)))
                                            : a + t * (b - a);
            out.append(number(v));
        }
        return out;
    }
    if (set.contains(QLatin1String(".."))) {
        *error = tr("{%1} is not a range: write {1..5}, {0.001..1:7} or {0.001..1:7:log}.").arg(set);
        return std::nullopt;
    }
    QStringList out;
    for (const QString &item : set.split(QLatin1Char(',')))
        out.append(item.trimmed());
    return out;
}

SweepSpec::Plan SweepSpec::expand(const QStringList &arguments, const Options &options)
{
    Plan plan;
    // Each argument as pieces; each set piece an axis.
    QVector<QVector<Piece>> cutArguments;
    for (int a = 0; a < arguments.size(); ++a) {
        QVector<Piece> pieces;
        if (!cut(arguments.at(a), &pieces, &plan.error))
            return plan;
        for (const Piece &p : std::as_const(pieces)) {
            if (!p.set)
                continue;
            const auto list = values(p.text, &plan.error);
            if (!list)
                return plan;
            plan.axes.append({ a, QLatin1Char('{') + p.text + QLatin1Char('}'), *list });
        }
        cutArguments.append(pieces);
    }
    if (options.repeat < 1 || options.random < 0) {
        plan.error = tr("Repeat and random take a positive number.");
        return plan;
    }
    plan.combinations = 1;
    for (const Axis &axis : std::as_const(plan.axes)) {
        plan.combinations *= axis.values.size();
        if (plan.combinations > MaxChildren * 1000LL) {
            plan.combinations = MaxChildren * 1000LL; // "more than" is all that is said of it
            break;
        }
    }
    // Which combinations, by their index in the grid (the last axis fastest).
    QVector<qint64> picked;
    if (options.random > 0) {
        if (options.random > plan.combinations) {
            plan.error = tr("Random %1 of %2 combinations: there are not that many.")
                             .arg(options.random)
                             .arg(plan.combinations);
            return plan;
        }
        QRandomGenerator random(options.seed);
        QSet<qint64> seen;
        while (picked.size() < options.random) {
            // uniform in [0, combinations): draws beyond the last whole multiple are drawn again
            const quint64 n = quint64(plan.combinations);
            const quint64 limit = std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % n;
            quint64 draw = random.generate64();
            while (draw >= limit)
                draw = random.generate64();
            const qint64 index = qint64(draw % n);
            if (!seen.contains(index)) {
                seen.insert(index);
                picked.append(index);
            }
        }
    } else {
        if (plan.combinations > MaxChildren) {
            plan.error = tr("The grid has more than %1 combinations: choose fewer values, or draw some at random.")
                             .arg(MaxChildren);
            return plan;
        }
        for (qint64 i = 0; i < plan.combinations; ++i)
            picked.append(i);
    }
    if (qint64(picked.size()) * options.repeat > MaxChildren) {
        plan.error = tr("%1 combinations × %2 repeats is more than %3 runs.")
                         .arg(picked.size())
                         .arg(options.repeat)
                         .arg(MaxChildren);
        return plan;
    }
    for (const qint64 index : std::as_const(picked)) {
        QVector<int> choice(plan.axes.size());
        qint64 rest = index;
        for (qsizetype x = plan.axes.size() - 1; x >= 0; --x) {
            const qsizetype n = plan.axes.at(x).values.size();
            choice[x] = int(rest % n);
            rest /= n;
        }
        QStringList args;
        int axis = 0;
        for (const QVector<Piece> &pieces : std::as_const(cutArguments)) {
            QString text;
            for (const Piece &p : pieces) {
                if (p.set) {
                    text += plan.axes.at(axis).values.at(choice.at(axis));
                    ++axis;
                } else {
                    text += p.text;
                }
            }
            args.append(text);
        }
        for (int r = 0; r < options.repeat; ++r)
            plan.children.append({ int(plan.children.size()), r, args, choice });
    }
    return plan;
}

QVector<QPair<QString, QString>> NamedParameters::fromArguments(const QStringList &arguments)
{
    static const QRegularExpression assignment(QStringLiteral("^([A-Za-z_][A-Za-z0-9_.\\-]*)=(.*)$"));
    const auto isOption = [](const QString &a) {
        if (a.size() < 2 || !a.startsWith(QLatin1Char('-')) || a == QLatin1String("--"))
            return false;
        bool number = false;
        a.toDouble(&number);
        return !number; // -1 and -1e-3 are values
    };
    QVector<QPair<QString, QString>> out;
    int positional = 0;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (isOption(a)) {
            QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
            const qsizetype eq = name.indexOf(QLatin1Char('='));
            if (eq > 0) {
                out.append({ name.left(eq), name.mid(eq + 1) });
            } else if (i + 1 < arguments.size() && !isOption(arguments.at(i + 1))) {
                out.append({ name, arguments.at(++i) });
            } else {
                out.append({ name, QStringLiteral("true") });
            }
            continue;
        }
        const QRegularExpressionMatch m = assignment.match(a);
        if (m.hasMatch())
            out.append({ m.captured(1), m.captured(2) });
        else
            out.append({ QStringLiteral("arg%1").arg(++positional), a });
    }
    return out;
}

bool NamedParameters::appendToMetricsFile(const QString &metricsFile, const QStringList &arguments, QString *error)
{
    QByteArray lines;
    for (const auto &[name, value] : NamedParameters::fromArguments(arguments)) {
        bool number = false;
        const double v = value.toDouble(&number);
        QJsonObject record;
        record.insert(QStringLiteral("name"), name);
        record.insert(QStringLiteral("value"), number && std::isfinite(v) ? QJsonValue(v) : QJsonValue(value));
        record.insert(QStringLiteral("kind"), QStringLiteral("param"));
        record.insert(QStringLiteral("step"), 0);
        lines += QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    }
    QFile file(metricsFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(lines) != lines.size()) {
        *error = file.errorString();
        return false;
    }
    return true;
}


void SweepSpec::Outcome::count(int status)
{
    ++ended;
    if (RunStatus(status) == RunStatus::Completed)
        ++completed;
    else if (RunStatus(status) == RunStatus::Canceled)
        ++canceled;
    else
        ++failed;
}

int SweepSpec::Outcome::status() const
{
    if (canceling && (canceled > 0 || notStarted() > 0))
        return int(RunStatus::Canceled);
    return int(failed > 0 ? RunStatus::Failed : RunStatus::Completed);
}

int SweepSpec::Outcome::exitCode() const
{
    const RunStatus s = RunStatus(status());
    return s == RunStatus::Completed ? 0 : s == RunStatus::Canceled ? 130 : 1;
}

QString SweepSpec::Outcome::summary() const
{
    QString text = QCoreApplication::translate("SweepSpec", "%1 of %2 runs completed").arg(completed).arg(total);
    if (failed > 0)
        text += QCoreApplication::translate("SweepSpec", ", %1 failed").arg(failed);
    if (canceled > 0)
        text += QCoreApplication::translate("SweepSpec", ", %1 canceled").arg(canceled);
    if (notStarted() > 0)
        text += QCoreApplication::translate("SweepSpec", ", %1 not started").arg(notStarted());
    return text + QLatin1Char('.');
}

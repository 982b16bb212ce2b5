#include "runfilter.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("RunFilter", text); }

const QStringList kFields { QStringLiteral("run"), QStringLiteral("duration"), QStringLiteral("exit") };

bool isOperatorChar(QChar c)
{
    return c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('=') || c == QLatin1Char('!');
}

struct Token
{
    enum Type { Word, Quoted, Operator, Colon } type;
    QString text;
    int position;
};

bool tokenize(const QString &s, QVector<Token> *tokens, QString *error)
{
    int i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const int end = s.indexOf(c, i + 1);
            if (end < 0) {
                *error = QCoreApplication::translate("RunFilter", "A quote opened at character %1 is not closed.")
                             .arg(i + 1);
                return false;
            }
            tokens->append({ Token::Quoted, s.mid(i + 1, end - i - 1), i });
            i = end + 1;
        } else if (isOperatorChar(c)) {
            int j = i;
            while (j < s.size() && isOperatorChar(s.at(j)))
                ++j;
            tokens->append({ Token::Operator, s.mid(i, j - i), i });
            i = j;
        } else if (c == QLatin1Char(':')) {
            tokens->append({ Token::Colon, QStringLiteral(":"), i });
            ++i;
        } else {
            int j = i;
            while (j < s.size() && !s.at(j).isSpace() && !isOperatorChar(s.at(j)) && s.at(j) != QLatin1Char(':')
                   && s.at(j) != QLatin1Char('"') && s.at(j) != QLatin1Char('\''))
                ++j;
            tokens->append({ Token::Word, s.mid(i, j - i), i });
            i = j;
        }
    }
    return true;
}

bool compare(double a, double b, int op)
{
    switch (op) {
    case 0: return a < b;
    case 1: return a <= b;
    case 2: return a > b;
    case 3: return a >= b;
    case 4: return a == b;
    default: return a != b;
    }
}

} // namespace

RunFilter RunFilter::parse(const QString &text, const QStringList &metricKeys)
{
    RunFilter f;
    QVector<Token> tokens;
    if (!tokenize(text, &tokens, &f.m_error))
        return f;
    for (int i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens.at(i);
        const bool hasNext = i + 1 < tokens.size();
        if (t.type == Token::Operator || t.type == Token::Colon) {
            f.m_error = tr("“%1” at character %2 needs a name before it.").arg(t.text).arg(t.position + 1);
            return f;
        }
        if (hasNext && tokens.at(i + 1).type == Token::Colon) {
            const QString key = t.text.toLower();
            if (i + 2 >= tokens.size() || tokens.at(i + 2).type == Token::Operator
                || tokens.at(i + 2).type == Token::Colon) {
                f.m_error = tr("“%1:” at character %2 needs a value after it.").arg(t.text).arg(t.position + 1);
                return f;
            }
            Term term;
            term.text = tokens.at(i + 2).text;
            if (key == QLatin1String("status")) {
                term.kind = Kind::Status;
                bool known = false;
                for (RunStatus s : { RunStatus::Queued, RunStatus::Preparing, RunStatus::Running, RunStatus::Completed,
                                     RunStatus::Failed, RunStatus::Canceled, RunStatus::Lost })
                    known = known || runStatusName(s).compare(term.text, Qt::CaseInsensitive) == 0;
                if (!known) {
                    f.m_error = tr("“%1” is not a status; use Completed, Failed, Canceled, Running, Queued or Lost.")
                                    .arg(term.text);
                    return f;
                }
            } else if (key == QLatin1String("script")) {
                term.kind = Kind::Script;
            } else if (key == QLatin1String("name")) {
                term.kind = Kind::Name;
            } else if (key == QLatin1String("tag")) {
                term.kind = Kind::Tag;
            } else {
                f.m_error = tr("“%1:” is not a filter; use status:, script:, name: or tag:.").arg(t.text);
                return f;
            }
            f.m_terms.append(term);
            i += 2;
            continue;
        }
        if (hasNext && tokens.at(i + 1).type == Token::Operator) {
            const Token &opToken = tokens.at(i + 1);
            static const QStringList ops { QStringLiteral("<"),  QStringLiteral("<="), QStringLiteral(">"),
                                           QStringLiteral(">="), QStringLiteral("="),  QStringLiteral("!=") };
            QString opText = opToken.text == QLatin1String("==") ? QStringLiteral("=") : opToken.text;
            const int op = int(ops.indexOf(opText));
            if (op < 0) {
                f.m_error = tr("“%1” at character %2 is not a comparison; use <, <=, >, >=, = or !=.")
                                .arg(opToken.text)
                                .arg(opToken.position + 1);
                return f;
            }
            if (i + 2 >= tokens.size() || tokens.at(i + 2).type == Token::Operator
                || tokens.at(i + 2).type == Token::Colon) {
                f.m_error
                    = tr("“%1” at character %2 needs a value after it.").arg(opToken.text).arg(opToken.position + 1);
                return f;
            }
            Term term;
            term.kind = Kind::Compare;
            term.op = Op(op);
            const QString name = t.text;
            const QString lower = name.toLower();
            if (kFields.contains(lower) && !metricKeys.contains(name)) {
                term.isField = true;
                term.name = lower;
            } else {
                for (const QString &key : metricKeys)
                    if (key.compare(name, Qt::CaseInsensitive) == 0)
                        term.name = key;
                if (term.name.isEmpty()) {
                    f.m_error
                        = tr("No run logged “%1”; the logged values are: %2.")
                              .arg(name, metricKeys.isEmpty() ? tr("none yet") : metricKeys.join(QStringLiteral(", ")));
                    return f;
                }
            }
            const QString value = tokens.at(i + 2).text;
            // Data's form first ("0.97"), then the form the grid shows in the
            // user's locale ("0,97" on a German desktop).
            term.number = value.toDouble(&term.numeric);
            if (!term.numeric)
                term.number = QLocale().toDouble(value, &term.numeric);
            term.text = value;
            if (!term.numeric && op != 4 && op != 5) {
                f.m_error = tr("“%1” is not a number to compare %2 with.").arg(value, name);
                return f;
            }
            if (term.isField && !term.numeric) {
                f.m_error = tr("“%1” is not a number to compare %2 with.").arg(value, name);
                return f;
            }
            f.m_terms.append(term);
            i += 2;
            continue;
        }
        Term term;
        term.kind = Kind::Text;
        term.text = t.text;
        f.m_terms.append(term);
    }
    return f;
}

bool RunFilter::matches(const RunRecord &run, const MetricLookup &metric) const
{
    for (const Term &t : m_terms) {
        switch (t.kind) {
        case Kind::Status:
            if (runStatusName(run.status).compare(t.text, Qt::CaseInsensitive) != 0)
                return false;
            break;
        case Kind::Script:
            if (!run.script.contains(t.text, Qt::CaseInsensitive))
                return false;
            break;
        case Kind::Name:
            if (!run.name.contains(t.text, Qt::CaseInsensitive))
                return false;
            break;
        case Kind::Tag:
            if (!run.tags.contains(t.text, Qt::CaseInsensitive))
                return false;
            break;
        case Kind::Text: {
            const bool found = run.runId.contains(t.text, Qt::CaseInsensitive)
                || run.script.contains(t.text, Qt::CaseInsensitive)
                || run.arguments.join(QLatin1Char(' ')).contains(t.text, Qt::CaseInsensitive)
                || run.name.contains(t.text, Qt::CaseInsensitive)
                || run.description.contains(t.text, Qt::CaseInsensitive);
            if (!found)
                return false;
            break;
        }
        case Kind::Compare: {
            QVariant value;
            if (t.isField) {
                if (t.name == QLatin1String("run"))
                    value = run.number;
                else if (t.name == QLatin1String("duration"))
                    value = run.durationUs() >= 0 ? QVariant(double(run.durationUs()) / 1e6) : QVariant();
                else
                    value = isFinished(run.status) ? QVariant(run.exitCode) : QVariant();
            } else if (const auto v = metric(t.name)) {
                value = *v;
            }
            if (!value.isValid())
                return false; // a run without the value never matches a comparison
            bool isNumber = false;
            const double d = value.toDouble(&isNumber);
            if (t.numeric && isNumber && !std::isnan(d)) {
                if (!compare(d, t.number, int(t.op)))
                    return false;
            } else {
                const bool equal = value.toString().compare(t.text, Qt::CaseInsensitive) == 0;
                if ((t.op == Op::Equal && !equal) || (t.op == Op::NotEqual && equal)
                    || (t.op != Op::Equal && t.op != Op::NotEqual))
                    return false;
            }
            break;
        }
        }
    }
    return true;
}

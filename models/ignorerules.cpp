#include "ignorerules.h"

#include <QFile>

namespace {

QString globToRegex(const QString &glob)
{
    QString rx;
    for (int i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < glob.size() && glob.at(i + 1) == QLatin1Char('*')) {
                const bool slashAfter = i + 2 < glob.size() && glob.at(i + 2) == QLatin1Char('/');
                if (slashAfter) {
                    rx += QStringLiteral("(?:.*/)?");
                    i += 2;
                } else {
                    rx += QStringLiteral(".*");
                    i += 1;
                }
            } else {
                rx += QStringLiteral("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            rx += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[')) {
            const int close = glob.indexOf(QLatin1Char(']'), i + 1);
            if (close < 0) {
                rx += QStringLiteral("\\[");
            } else {
                QString set = glob.mid(i + 1, close - i - 1);
                if (set.startsWith(QLatin1Char('!')))
                    set[0] = QLatin1Char('^');
                rx += QLatin1Char('[') + set.replace(QLatin1Char('\\'), QStringLiteral("\\\\")) + QLatin1Char(']');
                i = close;
            }
        } else if (c == QLatin1Char('\\') && i + 1 < glob.size()) {
            rx += QRegularExpression::escape(glob.at(++i));
        } else {
            rx += QRegularExpression::escape(c);
        }
    }
    return rx;
}

} // namespace

void IgnoreRules::addPatterns(const QStringList &lines, const QString &baseDir)
{
    const QString prefix = baseDir.isEmpty() ? QString() : QRegularExpression::escape(baseDir) + QLatin1Char('/');
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        // trailing spaces are ignored unless escaped
        while (line.endsWith(QLatin1Char(' ')) && !line.endsWith(QLatin1String("\\ ")))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        Rule rule;
        if (line.startsWith(QLatin1Char('!'))) {
            rule.negate = true;
            line.remove(0, 1);
        } else if (line.startsWith(QLatin1String("\\!")) || line.startsWith(QLatin1String("\\#"))) {
            line.remove(0, 1);
        }
        if (line.endsWith(QLatin1Char('/'))) {
            rule.dirOnly = true;
            line.chop(1);
        }
        if (line.isEmpty())
            continue;
        const bool anchored = line.contains(QLatin1Char('/'));
        if (line.startsWith(QLatin1Char('/')))
            line.remove(0, 1);
        const QString body = globToRegex(line);
        rule.regex.setPattern(QLatin1Char('^') + prefix + (anchored ? QString() : QStringLiteral("(?:.*/)?")) + body
                              + QLatin1Char('$'));
        if (rule.regex.isValid())
            m_rules.append(rule);
    }
}

bool IgnoreRules::addFile(const QString &filePath, const QString &baseDir)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    addPatterns(QString::fromUtf8(file.readAll()).split(QLatin1Char('\n')), baseDir);
    return true;
}

bool IgnoreRules::isIgnored(const QString &relativePath, bool isDir) const
{
    bool ignored = false;
    for (const Rule &rule : m_rules) {
        if (rule.dirOnly && !isDir)
            continue;
        if (rule.negate == ignored && rule.regex.match(relativePath).hasMatch())
            ignored = !rule.negate;
    }
    return ignored;
}

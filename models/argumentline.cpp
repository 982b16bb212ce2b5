#include "argumentline.h"

QStringList ArgumentLine::split(const QString &line, bool *ok)
{
    QStringList result;
    QString current;
    bool inWord = false;
    enum { None, Single, Double } quote = None;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quote == Single) {
            if (c == QLatin1Char('\''))
                quote = None;
            else
                current += c;
        } else if (quote == Double) {
            if (c == QLatin1Char('"')) {
                quote = None;
            } else if (c == QLatin1Char('\\') && i + 1 < line.size()
                       && QStringLiteral("\"\\$`").contains(line.at(i + 1))) {
                current += line.at(++i);
            } else {
                current += c;
            }
        } else if (c.isSpace()) {
            if (inWord) {
                result.append(current);
                current.clear();
                inWord = false;
            }
        } else {
            inWord = true;
            if (c == QLatin1Char('\''))
                quote = Single;
            else if (c == QLatin1Char('"'))
                quote = Double;
            else if (c == QLatin1Char('\\') && i + 1 < line.size())
                current += line.at(++i);
            else
                current += c;
        }
    }
    if (inWord)
        result.append(current);
    if (ok)
        *ok = quote == None;
    return result;
}

QString ArgumentLine::join(const QStringList &arguments)
{
    QStringList quoted;
    for (const QString &a : arguments) {
        bool plain = !a.isEmpty();
        for (const QChar c : a)
            plain = plain && (c.isLetterOrNumber() || QStringLiteral("-_.,:/=+@%").contains(c));
        if (plain) {
            quoted.append(a);
        } else {
            QString q = a;
            q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
            quoted.append(QLatin1Char('\'') + q + QLatin1Char('\''));
        }
    }
    return quoted.join(QLatin1Char(' '));
}

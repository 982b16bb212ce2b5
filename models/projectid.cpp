// Project: its id, the one thing that says which project a folder is,
// wherever it lives (DESIGN.md, "Team scale"). Kept as "[project] id=" in
// .runbench/project.ini, the file a team commits with its code; written
// there on first use, without touching the rest of the file.
#include "project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Project", text); }

struct IdLine
{
    int line = 0; // 1-based; 0 when there is none
    QString value;
    int sectionLine = 0; // the "[project]" header's line, 0 when there is none
};

IdLine findIdLine(const QByteArray &text)
{
    IdLine found;
    const QList<QByteArray> lines = text.split('\n');
    QString section;
    static const QRegularExpression header(QStringLiteral("^\\s*\\[([^\\]]*)\\]\\s*$"));
    static const QRegularExpression key(QStringLiteral("^\\s*id\\s*=(.*)$"));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i));
        const auto h = header.match(line);
        if (h.hasMatch()) {
            section = h.captured(1).trimmed();
            if (section.compare(QLatin1String("project"), Qt::CaseInsensitive) == 0 && found.sectionLine == 0)
                found.sectionLine = i + 1;
            continue;
        }
        const auto k = key.match(line);
        if (k.hasMatch() && section.compare(QLatin1String("project"), Qt::CaseInsensitive) == 0) {
            found.line = i + 1;
            found.value = k.captured(1).trimmed();
            if (found.value.size() >= 2 && found.value.startsWith(QLatin1Char('"'))
                && found.value.endsWith(QLatin1Char('"')))
                found.value = found.value.mid(1, found.value.size() - 2);
        }
    }
    return found;
}

// "1b4e28ba-2fa1-11d2-883f-0016d3cca427", with or without braces.
QString normalisedId(const QString &value)
{
    static const QRegularExpression uuid(
        QStringLiteral("^\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?$"));
    if (!uuid.match(value).hasMatch() || value.startsWith(QLatin1Char('{')) != value.endsWith(QLatin1Char('}')))
        return {};
    const QUuid id = QUuid::fromString(value);
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

} // namespace

QString Project::id(QString *error) const
{
    QFile file(iniPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const IdLine found = findIdLine(file.readAll());
    if (found.line == 0)
        return {};
    const QString id = normalisedId(found.value);
    if (id.isEmpty() && error)
        *error = tr("%1, line %2: the project id “%3” is not a UUID (like "
                    "1b4e28ba-2fa1-11d2-883f-0016d3cca427). Correct it, or delete the line to give the project a "
                    "new id and a history of its own; nothing was written meanwhile.")
                     .arg(QDir::toNativeSeparators(iniPath()))
                     .arg(found.line)
                     .arg(found.value);
    return id;
}

// Not project.ini.lock: QSettings takes that one itself while it writes
// the file, which ensureDataDir() does under this lock.
QString Project::idLockPath() const { return dataDir() + QStringLiteral("/project-id.lock"); }

QString Project::ensureId(QString *error) const
{
    QString why;
    QString current = id(&why);
    if (!current.isEmpty() || !why.isEmpty()) {
        if (error)
            *error = why;
        return current;
    }
    if (!QDir().mkpath(dataDir())) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dataDir()));
        return {};
    }
    // Two programs opening a new project at once agree on one id.
    QLockFile lock(idLockPath());
    if (!lock.tryLock(10000)) {
        if (error)
            *error = tr("%1 is locked by another program.").arg(QDir::toNativeSeparators(iniPath()));
        return {};
    }
    current = id(&why);
    if (!current.isEmpty() || !why.isEmpty()) {
        if (error)
            *error = why;
        return current;
    }
    QFile file(iniPath());
    QByteArray text;
    if (file.open(QIODevice::ReadOnly))
        text = file.readAll();
    file.close();
    const QString fresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray line = "id=" + fresh.toLatin1() + '\n';
    const IdLine found = findIdLine(text);
    if (found.sectionLine > 0) {
        // right under "[project]", the rest of the file as it was
        int at = 0;
        for (int i = 0; i < found.sectionLine; ++i)
            at = int(text.indexOf('\n', at)) + 1;
        if (at <= 0) { // the header is the file's last line, without a newline
            text += '\n';
            at = int(text.size());
        }
        text.insert(at, line);
    } else {
        text.prepend("[project]\n" + line + (text.isEmpty() ? QByteArray() : QByteArray("\n")));
    }
    QSaveFile out(iniPath());
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit()) {
        if (error)
            *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(iniPath()));
        return {};
    }
    return fresh;
}

int Project::lostAfterSeconds() const
{
    bool ok = false;
    const int seconds = value(QStringLiteral("runs/lost_after_seconds"), QString()).toInt(&ok);
    return ok && seconds > 0 ? seconds : 120;
}

#include "projectcopy.h"

#include "fileentries.h"
#include "workingfolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <utility>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("ProjectCopy", text); }

struct Entry
{
    QString rel;
    mode_t mode;
    qint64 size;
};

// Everything of the project but .runbench/, folders before what they hold.
void list(const QString &root, const QString &relDir, QVector<Entry> *entries)
{
    const QString absDir = relDir.isEmpty() ? root : root + QLatin1Char('/') + relDir;
    QStringList names;
    if (!FileEntries::list(absDir, &names))
        return;
    if (relDir.isEmpty())
        names.removeAll(QStringLiteral(".runbench"));
    for (const QString &name : std::as_const(names)) {
        const QString rel = relDir.isEmpty() ? name : relDir + QLatin1Char('/') + name;
        struct stat st;
        if (::lstat(QFile::encodeName(root + QLatin1Char('/') + rel).constData(), &st) != 0)
            continue;
        entries->append({ rel, st.st_mode, qint64(st.st_size) });
        if (S_ISDIR(st.st_mode))
            list(root, rel, entries);
    }
}

// The project's settings for the copy: no id (a new one is given), the
// copy's folder name as its name; everything else as it was.
QByteArray copiedSettings(const QByteArray &ini, const QString &name)
{
    QStringList out;
    QString section;
    bool named = false;
    static const QRegularExpression header(QStringLiteral("^\\s*\\[([^\\]]*)\\]\\s*$"));
    static const QRegularExpression key(QStringLiteral("^\\s*(id|name)\\s*="));
    const QStringList lines = QString::fromUtf8(ini).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const auto h = header.match(line);
        if (h.hasMatch())
            section = h.captured(1).trimmed().toLower();
        const auto k = key.match(line);
        if (section == QLatin1String("project") && k.hasMatch()) {
            if (k.captured(1) == QLatin1String("name")) {
                out.append(QStringLiteral("name=") + name);
                named = true;
            }
            continue;
        }
        out.append(line);
    }
    QString text = out.join(QLatin1Char('\n'));
    if (!named)
        text.prepend(QStringLiteral("[project]\nname=%1\n\n").arg(name));
    return text.toUtf8();
}

} // namespace

bool ProjectCopy::copy(const Project &source, const QString &destination, QString *error,
                       const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *canceled)
{
    const QString root = QDir(source.root()).canonicalPath();
    const QString target = QDir::cleanPath(QFileInfo(destination).absoluteFilePath());
    if (root.isEmpty()) {
        *error = tr("The project folder %1 does not exist.").arg(QDir::toNativeSeparators(source.root()));
        return false;
    }
    if ((target + QLatin1Char('/')).startsWith(root + QLatin1Char('/'))) {
        *error = tr("%1 is inside the project; choose a folder outside it.").arg(QDir::toNativeSeparators(target));
        return false;
    }
    if (QFileInfo(target).isSymLink() || (QFileInfo::exists(target) && !QDir(target).isEmpty())) {
        *error = tr("%1 already exists and is not an empty folder; nothing was copied.")
                     .arg(QDir::toNativeSeparators(target));
        return false;
    }
    QString why;
    if (source.id(&why).isEmpty() && !why.isEmpty()) {
        *error = why;
        return false;
    }
    QVector<Entry> entries;
    list(root, QString(), &entries);
    qint64 total = 0;
    for (const Entry &e : std::as_const(entries))
        if (S_ISREG(e.mode))
            total += e.size;
    qint64 done = 0;
    if (!QDir().mkpath(target)) {
        *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(target));
        return false;
    }
    for (const Entry &e : std::as_const(entries)) {
        if (canceled && canceled->load(std::memory_order_relaxed)) {
            // the folder was new or empty: nothing of the user's is in it
            QDir(target).removeRecursively();
            *error = tr("The copy was stopped; nothing was kept of it.");
            return false;
        }
        const QString from = root + QLatin1Char('/') + e.rel;
        const QString to = target + QLatin1Char('/') + e.rel;
        bool ok = true;
        if (S_ISDIR(e.mode)) {
            ok = QDir().mkpath(to);
        } else if (S_ISLNK(e.mode)) {
            const QString linkTarget = FileEntries::readLink(from);
            ok = !linkTarget.isEmpty()
                && ::symlink(QFile::encodeName(WorkingFolder::linkTargetFor(root, e.rel, linkTarget)).constData(),
                             QFile::encodeName(to).constData())
                    == 0;
        } else if (S_ISREG(e.mode)) {
            ok = QFile::copy(from, to);
            done += e.size;
            if (progress)
                progress(done, total);
        } // FIFOs, sockets, devices are not copied
        if (!ok) {
            *error = tr("Cannot copy %1 to %2: %3")
                         .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to),
                              QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
    }
    const Project copy(target);
    QFile ini(source.iniPath());
    const QByteArray settings
        = copiedSettings(ini.open(QIODevice::ReadOnly) ? ini.readAll() : QByteArray(), QFileInfo(target).fileName());
    QSaveFile out(copy.iniPath());
    if (!QDir().mkpath(copy.dataDir()) || !out.open(QIODevice::WriteOnly) || out.write(settings) != settings.size()
        || !out.commit()) {
        *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(copy.iniPath()));
        return false;
    }
    return !copy.ensureId(error).isEmpty() && copy.ensureDataDir(error);
}

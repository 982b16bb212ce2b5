#include "artifactfiles.h"

#include "fileentries.h"
#include "regularfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

#include <utility>

QString ArtifactFiles::sha256(const QString &filePath)
{
    QFile file;
    if (!RegularFile::open(file, filePath, RegularFile::Mode::Read))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

bool ArtifactFiles::copyTree(const QString &from, const QString &to, QString *error)
{
    bool ok = true;
    QDirIterator it(from, QDir::Files | QDir::AllDirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + src.mid(from.size());
        const QFileInfo info = it.fileInfo();
        if (!info.isSymLink() && info.isDir()) {
            QDir().mkpath(dst);
            continue;
        }
        if (!info.isSymLink() && !info.isFile())
            continue; // a FIFO or device is never opened
        QDir().mkpath(QFileInfo(dst).absolutePath());
        QFile::remove(dst);
        const bool copied = info.isSymLink() // the link itself, never what it points to
            ? ::symlink(QFile::encodeName(FileEntries::readLink(src)).constData(), QFile::encodeName(dst).constData())
                == 0
            : QFile::copy(src, dst);
        if (!copied && ok) {
            ok = false;
            *error = QCoreApplication::translate("ArtifactFiles", "Cannot copy %1 to %2.")
                         .arg(QDir::toNativeSeparators(src), QDir::toNativeSeparators(dst));
        }
    }
    return ok;
}

QVector<ArtifactRecord> ArtifactFiles::collectOutputs(const QString &workDir, const QString &runDir)
{
    const QString from = workDir + QStringLiteral("/outputs");
    const QString to = runDir + QStringLiteral("/outputs");
    if (QFileInfo(from).isDir() && !QFileInfo(from).isSymLink()) {
        if (QFileInfo::exists(to))
            QDir(to).removeRecursively();
        if (!QDir().rename(from, to)) {
            // another file system: copy file by file
            QString ignored; // what could not be copied is not among the outputs
            copyTree(from, to, &ignored);
        }
    }
    QVector<ArtifactRecord> result;
    QDirIterator it(to, QDir::Files | QDir::Hidden | QDir::System | QDir::AllDirs | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    QStringList links;
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString rel = QStringLiteral("outputs") + path.mid(to.size());
        if (info.isSymLink()) {
            // Recorded as a link, its target as text; the link itself is
            // removed so that nothing reading the run folder follows it.
            const QString target = FileEntries::readLink(path);
            links.append(path);
            result.append({ rel, 0, QString(), target.isEmpty() ? QStringLiteral("?") : target });
            continue;
        }
        if (!info.isFile())
            continue;
        result.append({ rel, info.size(), sha256(path), QString() });
    }
    for (const QString &link : std::as_const(links))
        QFile::remove(link);
    std::sort(result.begin(), result.end(),
              [](const ArtifactRecord &a, const ArtifactRecord &b) { return a.path < b.path; });
    return result;
}

QStringList ArtifactFiles::attachments(const QString &runDir, const QVector<ArtifactRecord> &artifacts)
{
    QStringList names;
    for (const char *fixed : { "driver_log.txt", "metrics.jsonl" })
        if (QFileInfo::exists(runDir + QLatin1Char('/') + QLatin1String(fixed)))
            names.append(QLatin1String(fixed));
    for (const ArtifactRecord &a : artifacts)
        names.append(a.isLink() ? a.path + QStringLiteral(" -> ") + a.linkTarget : a.path);
    return names;
}

bool ArtifactFiles::isSafeRelativePath(const QString &relativePath)
{
    if (relativePath.isEmpty() || relativePath.startsWith(QLatin1Char('/')) || relativePath.contains(QLatin1Char('\\'))
        || relativePath.contains(QChar(0)))
        return false;
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    for (const QString &part : parts)
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    return true;
}

namespace {
QString tr(const char *text) { return QCoreApplication::translate("ArtifactFiles", text); }
QString tr(const char *text, const char *comment, int n)
{
    return QCoreApplication::translate("ArtifactFiles", text, comment, n);
}
} // namespace

bool ArtifactFiles::copyVerified(const QString &src, const QString &dst, const QString &sha256, QString *error)
{
    const QString tmp = dst + QStringLiteral(".runbench-part");
    QFile::remove(tmp);
    if (!QFile::copy(src, tmp)) {
        *error = tr("Cannot copy %1 to %2.").arg(QDir::toNativeSeparators(src), QDir::toNativeSeparators(dst));
        return false;
    }
    if (!sha256.isEmpty() && ArtifactFiles::sha256(tmp) != sha256) {
        QFile::remove(tmp);
        *error = tr("%1 does not match the checksum recorded for the run (changed or damaged since).")
                     .arg(QDir::toNativeSeparators(src));
        return false;
    }
    QFile::remove(dst);
    if (!QFile::rename(tmp, dst)) {
        QFile::remove(tmp);
        *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(dst));
        return false;
    }
    return true;
}

QStringList ArtifactFiles::download(const QString &runDir, const QVector<ArtifactRecord> &artifacts,
                                    const QString &destination, bool overwrite, QString *error,
                                    const std::function<void(int, qint64)> &progress, const std::atomic<bool> *canceled)
{
    const QString prefix = QStringLiteral("outputs/");
    for (const ArtifactRecord &a : artifacts) {
        if (!isSafeRelativePath(a.path) || !a.path.startsWith(prefix)) {
            *error = tr("The artifact path “%1” leaves its folder; nothing was copied.").arg(a.path);
            return {};
        }
        const QString target = destination + QLatin1Char('/') + a.path.mid(prefix.size());
        if (QFileInfo(target).isSymLink()) {
            *error = tr("%1 is a link; Runbench never writes through one, even when overwriting. Remove the link "
                        "first; nothing was copied.")
                         .arg(QDir::toNativeSeparators(target));
            return {};
        }
        if (QFileInfo::exists(target) && !overwrite) {
            *error = tr("%1 exists; nothing was copied.").arg(QDir::toNativeSeparators(target));
            return {};
        }
    }
    QStringList written;
    qint64 bytes = 0;
    for (const ArtifactRecord &a : artifacts) {
        if (canceled && canceled->load(std::memory_order_relaxed)) {
            *error = tr("The download was stopped after %n file(s).", nullptr, int(written.size()));
            return written;
        }
        const QString target = destination + QLatin1Char('/') + a.path.mid(prefix.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        // the folder the file lands in must still be inside the destination
        const QString landing = QDir(QFileInfo(target).absolutePath()).canonicalPath();
        if (!(landing + QLatin1Char('/')).startsWith(QDir(destination).canonicalPath() + QLatin1Char('/'))) {
            *error = tr("%1 would be written outside %2; stopped.").arg(a.path, QDir::toNativeSeparators(destination));
            return written;
        }
        if (a.isLink()) {
            // recreated as the link the run left, never followed
            if (overwrite)
                QFile::remove(target);
            if (::symlink(QFile::encodeName(a.linkTarget).constData(), QFile::encodeName(target).constData()) != 0) {
                *error = tr("Cannot create the link %1.").arg(QDir::toNativeSeparators(target));
                return written;
            }
        } else if (!copyVerified(runDir + QLatin1Char('/') + a.path, target, a.sha256, error)) {
            return written;
        }
        written.append(target);
        bytes += a.size;
        if (progress)
            progress(int(written.size()), bytes);
    }
    return written;
}

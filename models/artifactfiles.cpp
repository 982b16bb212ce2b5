#include "artifactfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

QString ArtifactFiles::sha256(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

QVector<ArtifactRecord> ArtifactFiles::collectOutputs(const QString &workDir, const QString &runDir,
                                                      QStringList *refused)
{
    const QString from = workDir + QStringLiteral("/outputs");
    const QString to = runDir + QStringLiteral("/outputs");
    if (QFileInfo(from).isDir() && !QFileInfo(from).isSymLink()) {
        if (QFileInfo::exists(to))
            QDir(to).removeRecursively();
        if (!QDir().rename(from, to)) {
            // another file system: copy file by file
            QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString src = it.next();
                const QString dst = to + src.mid(from.size());
                QDir().mkpath(QFileInfo(dst).absolutePath());
                QFile::copy(src, dst);
            }
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
            links.append(path);
            if (refused)
                refused->append(rel);
            continue;
        }
        if (!info.isFile())
            continue;
        result.append({ rel, info.size(), sha256(path) });
    }
    for (const QString &link : qAsConst(links))
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
        names.append(a.path);
    return names;
}

bool ArtifactFiles::isSafeRelativePath(const QString &relativePath)
{
    if (relativePath.isEmpty() || relativePath.startsWith(QLatin1Char('/'))
        || relativePath.contains(QLatin1Char('\\')) || relativePath.contains(QChar(0)))
        return false;
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    for (const QString &part : parts)
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    return true;
}

#include "projectscope.h"

#include "ignorerules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace {

void walk(const QString &root, const QString &relDir, IgnoreRules rules, qint64 sizeLimit,
          ProjectScope *scope)
{
    const QString absDir = relDir.isEmpty() ? root : root + QLatin1Char('/') + relDir;
    if (QFileInfo::exists(absDir + QStringLiteral("/.gitignore")))
        rules.addFile(absDir + QStringLiteral("/.gitignore"), relDir);
    const QFileInfoList entries = QDir(absDir).entryInfoList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        const QString rel = relDir.isEmpty() ? entry.fileName() : relDir + QLatin1Char('/') + entry.fileName();
        const bool isDir = entry.isDir() && !entry.isSymLink();
        if (relDir.isEmpty() && isDir
            && (entry.fileName() == QLatin1String(".runbench")
                || entry.fileName() == QLatin1String("outputs")))
            continue;
        if (isDir && entry.fileName() == QLatin1String(".git"))
            continue;
        if (rules.isIgnored(rel, isDir))
            continue;
        if (isDir) {
            walk(root, rel, rules, sizeLimit, scope);
        } else if (entry.isSymLink()) {
            scope->files.append(rel);
        } else if (entry.isFile()) {
            if (entry.size() > sizeLimit) {
                scope->oversized.append(rel);
                continue;
            }
            scope->files.append(rel);
            scope->totalBytes += entry.size();
        }
    }
}

} // namespace

ProjectScope ProjectScope::collect(const Project &project)
{
    ProjectScope scope;
    IgnoreRules rules;
    rules.addFile(project.root() + QStringLiteral("/.runbenchignore"));
    rules.addPatterns(project.ignorePatterns());
    walk(project.root(), QString(), rules, project.snapshotFileSizeLimit(), &scope);
    scope.files.sort();
    return scope;
}

bool ProjectScope::copyTo(const QString &sourceRoot, const QString &targetRoot, QString *error) const
{
    auto failed = [error](const QString &path) {
        if (error)
            *error = QCoreApplication::translate("ProjectScope", "Cannot copy %1 into the run's working folder.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    };
    QDir target(targetRoot);
    if (!target.mkpath(QStringLiteral(".")))
        return failed(targetRoot);
    for (const QString &rel : files) {
        const QString src = sourceRoot + QLatin1Char('/') + rel;
        const QString dst = targetRoot + QLatin1Char('/') + rel;
        if (!target.mkpath(QFileInfo(rel).path()))
            return failed(rel);
        const QFileInfo info(src);
        if (info.isSymLink()) {
            // Recreate the link with its own (possibly relative) target.
            char buf[4096];
            const QByteArray srcPath = QFile::encodeName(src);
            const ssize_t n = ::readlink(srcPath.constData(), buf, sizeof buf);
            if (n <= 0 || size_t(n) >= sizeof buf
                || ::symlink(QByteArray(buf, int(n)).constData(), QFile::encodeName(dst).constData()) != 0)
                return failed(rel);
        } else if (!QFile::copy(src, dst)) {
            return failed(rel);
        }
    }
    return true;
}

#include "projectscope.h"

#include "ignorerules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

void walk(const QString &root, const QString &relDir, IgnoreRules rules, qint64 sizeLimit, ProjectScope *scope)
{
    const QString absDir = relDir.isEmpty() ? root : root + QLatin1Char('/') + relDir;
    if (QFileInfo::exists(absDir + QStringLiteral("/.gitignore")))
        rules.addFile(absDir + QStringLiteral("/.gitignore"), relDir);
    const QFileInfoList entries
        = QDir(absDir).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        const QString rel = relDir.isEmpty() ? entry.fileName() : relDir + QLatin1Char('/') + entry.fileName();
        const bool isDir = entry.isDir() && !entry.isSymLink();
        if (relDir.isEmpty() && isDir
            && (entry.fileName() == QLatin1String(".runbench") || entry.fileName() == QLatin1String("outputs")))
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

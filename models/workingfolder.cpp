#include "workingfolder.h"

#include "fileentries.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <utility>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// More than this many entries are summed up in one line. The entries are
// data (stored with the run, printed in its JSON), never translated.
constexpr int kMaxListed = 1000;

QByteArray native(const QString &path) { return QFile::encodeName(path); }

bool lstatPath(const QString &path, struct stat *st) { return ::lstat(native(path).constData(), st) == 0; }

QString systemError(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

class Linker
{
public:
    Linker(const QString &projectRoot, const QString &workDir)
        : m_root(projectRoot)
        , m_work(workDir)
    { }

    bool walk(const QString &relDir);
    WorkingFolder::Result result()
    {
        if (m_unlisted > 0)
            m_result.leftOut.append(QStringLiteral("… and %1 more").arg(m_unlisted));
        return m_result;
    }

private:
    void leaveOut(const QString &entry)
    {
        if (m_result.leftOut.size() < kMaxListed)
            m_result.leftOut.append(entry);
        else
            ++m_unlisted;
    }
    bool symlinkTo(const QString &target, const QString &rel)
    {
        if (::symlink(native(target).constData(), native(m_work + QLatin1Char('/') + rel).constData()) == 0)
            return true;
        m_result.error
            = QCoreApplication::translate("WorkingFolder", "Cannot link %1 into the run's working folder: %2")
                  .arg(rel, systemError(errno));
        return false;
    }
    bool entry(const QString &rel, const struct stat &st);

    QString m_root;
    QString m_work;
    WorkingFolder::Result m_result;
    int m_unlisted = 0;
};

bool Linker::walk(const QString &relDir)
{
    const QString absDir = relDir.isEmpty() ? m_root : m_root + QLatin1Char('/') + relDir;
    QStringList names;
    if (!FileEntries::list(absDir, &names)) {
        leaveOut(QStringLiteral("%1/ (unreadable: %2)").arg(relDir, systemError(errno)));
        return true;
    }
    // .git stays the project's own; .runbench/ and outputs/ are the run's.
    names.removeAll(QStringLiteral(".git"));
    if (relDir.isEmpty()) {
        names.removeAll(QStringLiteral(".runbench"));
        names.removeAll(QStringLiteral("outputs"));
    }
    for (const QString &name : std::as_const(names)) {
        const QString rel = relDir.isEmpty() ? name : relDir + QLatin1Char('/') + name;
        struct stat st;
        if (!lstatPath(m_root + QLatin1Char('/') + rel, &st))
            continue; // gone since the listing
        if (!entry(rel, st))
            return false;
    }
    return true;
}

bool Linker::entry(const QString &rel, const struct stat &st)
{
    const QString source = m_root + QLatin1Char('/') + rel;
    const QString target = m_work + QLatin1Char('/') + rel;
    struct stat there;
    const bool inCheckout = lstatPath(target, &there);

    if (S_ISLNK(st.st_mode)) {
        const QString linkTarget = FileEntries::readLink(source);
        const bool out = WorkingFolder::leavesProject(m_root, rel, linkTarget);
        if (!inCheckout && !symlinkTo(WorkingFolder::linkTargetFor(m_root, rel, linkTarget), rel))
            return false;
        if (out)
            leaveOut(QStringLiteral("%1 -> %2").arg(rel, linkTarget));
        else if (!inCheckout)
            leaveOut(rel);
        return true;
    }
    if (S_ISDIR(st.st_mode)) {
        if (inCheckout)
            return !S_ISDIR(there.st_mode) || walk(rel);
        // A folder the user cannot read: linked as it is (the script meets
        // the same permission), listed with the reason.
        if (::access(native(source).constData(), R_OK | X_OK) != 0) {
            leaveOut(QStringLiteral("%1/ (unreadable: %2)").arg(rel, systemError(errno)));
            return symlinkTo(source, rel);
        }
        // Nothing of this folder was recorded: an empty folder is made,
        // anything else is linked whole (an ignored data/ is one link).
        if (QDir(source).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
            if (QDir().mkpath(target))
                return true;
        }
        if (!symlinkTo(source, rel))
            return false;
        leaveOut(rel + QLatin1Char('/'));
        return true;
    }
    if (inCheckout)
        return true;
    if (S_ISREG(st.st_mode)) {
        if (::access(native(source).constData(), R_OK) != 0) {
            leaveOut(QStringLiteral("%1 (unreadable: %2)").arg(rel, systemError(errno)));
        } else {
            leaveOut(rel);
        }
        // The same file, never a copy: a hard link where the file system
        // allows it, else a symbolic link.
        if (::link(native(source).constData(), native(target).constData()) == 0)
            return true;
        return symlinkTo(source, rel);
    }
    // FIFOs, sockets, devices: shown, never opened.
    leaveOut(QStringLiteral("%1 (special file)").arg(rel));
    return symlinkTo(source, rel);
}

} // namespace

namespace WorkingFolder {

bool leavesProject(const QString &projectRoot, const QString &relativePath, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return true;
    const int slash = int(relativePath.lastIndexOf(QLatin1Char('/')));
    const QString dir = slash < 0 ? QString() : relativePath.left(slash);
    const QString resolved = QDir::cleanPath(projectRoot + QLatin1Char('/') + dir + QLatin1Char('/') + target);
    return !(resolved + QLatin1Char('/')).startsWith(QDir::cleanPath(projectRoot) + QLatin1Char('/'));
}

QString linkTargetFor(const QString &projectRoot, const QString &relativePath, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')) || !leavesProject(projectRoot, relativePath, target))
        return target;
    const int slash = int(relativePath.lastIndexOf(QLatin1Char('/')));
    const QString dir = slash < 0 ? QString() : relativePath.left(slash);
    return QDir::cleanPath(projectRoot + QLatin1Char('/') + dir + QLatin1Char('/') + target);
}

Result linkLeftOut(const QString &projectRoot, const QString &workDir)
{
    Linker linker(QDir::cleanPath(projectRoot), QDir::cleanPath(workDir));
    linker.walk(QString());
    return linker.result();
}

} // namespace WorkingFolder

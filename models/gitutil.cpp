#include "gitutil.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

#include <map>
#include <memory>
#include <mutex>

namespace {
void initialiseAtStart() { Git::ensureInitialised(); }
} // namespace

void Git::ensureInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

// on the main thread, in the application's constructor, before its threads
Q_COREAPP_STARTUP_FUNCTION(initialiseAtStart)

Git::Library::Library() { ensureInitialised(); }

Git::Tree Git::treeOfCommit(git_repository *repo, const QString &commitId)
{
    git_oid oid;
    git_commit *commit = nullptr;
    const QByteArray hex = commitId.toLatin1();
    if (hex.isEmpty() || git_oid_fromstrn(&oid, hex.constData(), size_t(hex.size())) != 0
        || git_commit_lookup_prefix(&commit, repo, &oid, size_t(hex.size())) != 0)
        return nullptr;
    Commit owner(commit);
    git_tree *tree = nullptr;
    return git_commit_tree(&tree, commit) == 0 ? Tree(tree) : nullptr;
}

QMutex *Git::projectMutex(const QString &projectRoot)
{
    static QMutex guard;
    static std::map<QString, std::unique_ptr<QMutex>> mutexes; // one per project, for the process's life
    QMutexLocker locker(&guard);
    std::unique_ptr<QMutex> &m = mutexes[projectRoot];
    if (!m)
        m = std::make_unique<QMutex>();
    return m.get();
}

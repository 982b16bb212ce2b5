#pragma once

// Small RAII helpers around libgit2 handles, for models/ only.
#include <git2.h>

#include <QString>

class QMutex;

#include <memory>

namespace Git {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};

using Repository = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using Index = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using Tree = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using Commit = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using Blob = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using Reference = std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>>;
using Signature = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;
using Diff = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;
using StatusList = std::unique_ptr<git_status_list, Deleter<git_status_list, git_status_list_free>>;
using Odb = std::unique_ptr<git_odb, Deleter<git_odb, git_odb_free>>;

// libgit2's last error as a sentence fragment.
inline QString lastError()
{
    const git_error *e = git_error_last();
    return e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown libgit2 error");
}

inline QString oidString(const git_oid *oid)
{
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, oid);
    return QString::fromLatin1(buf);
}

// Initialises libgit2 (and through it libssh2 and OpenSSL) once per
// process. Any program with a QCoreApplication has it done on its main
// thread as the application starts; Runbench's main() does it before that,
// through Library.
void ensureInitialised();

// libgit2 for the life of main(): set up before any other thread exists, so
// that OpenSSL's state belongs to the main thread (set up on a pool thread,
// its teardown at exit met that thread's own). It is left for the process's
// exit to take down: Qt's QThread::wait() returns before a thread has run
// its thread-local destructors, and git_libgit2_shutdown() deletes the key
// libgit2's destructor needs, leaking what a pool thread still held.
class Library
{
public:
    Library();
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;
};

// The tree of a commit given by its (possibly abbreviated) id; null if absent.
Tree treeOfCommit(git_repository *repo, const QString &commitId);

// Serialises work on one project's snapshots within the process.
QMutex *projectMutex(const QString &projectRoot);

} // namespace Git

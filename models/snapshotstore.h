#pragma once

#include "project.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

struct git_repository;
struct git_tree;
struct git_index;
extern "C" void git_tree_free(git_tree *tree);

// The code snapshots of a project: a bare git repository at
// .runbench/snapshots.git (libgit2) whose work tree is the project folder.
// Each run's snapshot is a commit on refs/runs/<run_id>, parent = the
// previous snapshot. The repository's index stays on disk between runs, so
// unchanged files are recognised by their stat data instead of being hashed
// again. The user's own .git is only ever read.
//
// Every call does file I/O: use it off the GUI thread. One SnapshotStore
// per thread; calls on the same project are serialised within the process,
// and lock files are retried across processes.
class SnapshotStore
{
public:
    struct Snapshot
    {
        QString commitId;
        QStringList leftOut; // files over the size limit, not in the snapshot
        QString gitCommit; // the project's own HEAD, when it is a git repository
        int gitDirty = -1; // 1: its work tree had changes; -1: not a git repository
        int files = 0;
    };

    struct RestorePlan
    {
        QStringList overwrite; // exist, and will get the snapshot's content
        QStringList create; // missing, will be written
        QStringList remove; // not in the snapshot, will be deleted
        QStringList keep; // not in the snapshot, but never recorded: left alone
        QStringList changedSinceSnapshot; // of the above, changed since the last snapshot
        bool isEmpty() const { return overwrite.isEmpty() && create.isEmpty() && remove.isEmpty(); }
    };

    struct FileDiff
    {
        QString path;
        QChar status; // 'A', 'D', 'M', 'R', 'T'
        int additions = 0;
        int deletions = 0;
        bool binary = false;
    };

    explicit SnapshotStore(const Project &project);
    ~SnapshotStore();
    SnapshotStore(const SnapshotStore &) = delete;
    SnapshotStore &operator=(const SnapshotStore &) = delete;

    // Opens the repository, creating it when create is set.
    bool open(bool create = true);
    QString errorString() const { return m_error; }

    std::optional<Snapshot> snapshot(const QString &runId, const QString &message);
    // Writes the commit's files into an empty folder (the run's working
    // folder), keeping executable bits and links.
    bool checkout(const QString &commitId, const QString &targetDir);

    // What restoring the project to a commit would change (nothing is written).
    std::optional<RestorePlan> planRestore(const QString &commitId);
    // Saves the current state as a restore point, then makes the project's
    // files those of the commit. Refuses, writing nothing, when files changed
    // since the last snapshot would be overwritten and force is not set, and
    // always when the snapshot would write outside the project.
    bool restore(const QString &commitId, bool force, RestorePlan *done = nullptr);
    // Puts the project back as it was before the latest restore.
    bool undoRestore(RestorePlan *done = nullptr);
    QStringList restorePoints() const;
    // The id of a snapshot's tree: equal for two runs of the same code.
    QString treeId(const QString &commitId);

    // A unified diff of two snapshots (optionally only some paths), and
    // what changed per file.
    QString diff(const QString &fromCommit, const QString &toCommit, const QStringList &paths = {},
                 QVector<FileDiff> *files = nullptr);

    static QString libgit2Version();

private:
    bool fail(const QString &message);
    bool writeExcludes(bool *changed);
    bool updateIndex(QStringList *leftOut, QString *treeId, QString *modesTrailer);
    // Git keeps only "executable or not"; the exact permission bits of files
    // whose mode is not the default (a private key's 0600) are a blob named
    // in a trailer of the commit's message, read back on checkout and restore.
    QString modesTrailer(git_index *index);
    QHash<QString, unsigned> modesOf(const QString &commitId);
    struct TreeDeleter
    {
        void operator()(git_tree *tree) const { git_tree_free(tree); }
    };
    std::unique_ptr<git_tree, TreeDeleter> currentTree(QString *modes = nullptr);
    std::optional<RestorePlan> plan(git_tree *current, git_tree *target);
    enum class Links { InsideOnly, AsRecorded };
    bool apply(git_tree *target, const RestorePlan &plan, const QString &root, bool checkOnly,
               const QHash<QString, unsigned> &modes = {}, Links links = Links::InsideOnly);
    QString latestSnapshot() const;

    Project m_project;
    git_repository *m_repo = nullptr;
    QString m_error;
};

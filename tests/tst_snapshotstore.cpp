#include "gitutil.h"
#include "project.h"
#include "snapshotstore.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QtTest>

class TestSnapshotStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void snapshotAndCheckoutRoundTrip();
    void ignoreRulesAndSizeLimit();
    void unchangedProjectGivesTheSameTree();
    void restoreDryRunListsExactlyTheChanges();
    void restoreThenUndoReturnsThePreviousState();
    void maliciousTreesAreRefused_data();
    void maliciousTreesAreRefused();
    void linkedFolderIsNotWrittenThrough();
    void diffShowsTheChangedLines();
    void ownGitRepositoryIsOnlyRead();
    void missingRepositoryIsAClearError();

private:
    QString file(const QString &rel) const { return m_root + QLatin1Char('/') + rel; }
    QMap<QString, QByteArray> tree(const QString &root) const; // every file's bytes, links as "-> target"
    QString commitRawTree(const QByteArray &rawTree);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

void TestSnapshotStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_root = m_dir->path() + QStringLiteral("/project");
    QDir().mkpath(m_root + QStringLiteral("/.runbench"));
}

QMap<QString, QByteArray> TestSnapshotStore::tree(const QString &root) const
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = path.mid(root.size() + 1);
        if (rel.startsWith(QLatin1String(".runbench/")))
            continue;
        const QFileInfo info(path);
        if (info.isSymLink())
            files.insert(rel, "-> " + QFile::encodeName(QFile::symLinkTarget(path)));
        else
            files.insert(rel, readFile(path) + (info.isExecutable() ? "[x]" : ""));
    }
    return files;
}

void TestSnapshotStore::snapshotAndCheckoutRoundTrip()
{
    QVERIFY(writeFile(file(QStringLiteral("train.py")), "print('hi')\n"));
    QVERIFY(writeFile(file(QStringLiteral("run.sh")), "#!/bin/sh\necho run\n", true));
    QVERIFY(writeFile(file(QStringLiteral("data/blob.bin")), QByteArray("\x00\x01\x02\xff", 4)));
    QVERIFY(writeFile(file(QStringLiteral("src/pkg/mod.py")), "x = 1\n"));
    QVERIFY(QFile::link(QStringLiteral("src/pkg/mod.py"), file(QStringLiteral("link.py"))));
    SnapshotStore store { Project(m_root) };
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    const auto snap = store.snapshot(QStringLiteral("R_1"), QStringLiteral("first"));
    QVERIFY2(snap, qPrintable(store.errorString()));
    QCOMPARE(snap->commitId.size(), 40);
    QCOMPARE(snap->files, 5);
    QCOMPARE(snap->gitDirty, -1);
    const QString work = m_dir->path() + QStringLiteral("/work");
    QVERIFY2(store.checkout(snap->commitId, work), qPrintable(store.errorString()));
    const auto original = tree(m_root);
    const auto copy = tree(work);
    QCOMPARE(copy.keys(), original.keys());
    QCOMPARE(copy.value(QStringLiteral("run.sh")), QByteArray("#!/bin/sh\necho run\n[x]"));
    QCOMPARE(copy.value(QStringLiteral("data/blob.bin")), QByteArray("\x00\x01\x02\xff", 4));
    QCOMPARE(QFile::symLinkTarget(work + QStringLiteral("/link.py")), work + QStringLiteral("/src/pkg/mod.py"));
    // the snapshot is a commit on refs/runs/<run id>, child of the previous one
    QVERIFY(writeFile(file(QStringLiteral("train.py")), "print('changed')\n"));
    const auto second = store.snapshot(QStringLiteral("R_2"), QStringLiteral("second"));
    QVERIFY(second && second->commitId != snap->commitId);
    git_repository *repo = nullptr;
    QCOMPARE(git_repository_open_bare(
                 &repo, QFile::encodeName(m_root + QStringLiteral("/.runbench/snapshots.git")).constData()),
             0);
    Git::Repository owner(repo);
    git_oid oid;
    QCOMPARE(git_reference_name_to_id(&oid, repo, "refs/runs/R_2"), 0);
    QCOMPARE(Git::oidString(&oid), second->commitId);
    git_commit *commit = nullptr;
    QCOMPARE(git_commit_lookup(&commit, repo, &oid), 0);
    QCOMPARE(Git::oidString(git_commit_parent_id(commit, 0)), snap->commitId);
    git_commit_free(commit);
}

void TestSnapshotStore::ignoreRulesAndSizeLimit()
{
    QVERIFY(writeFile(file(QStringLiteral(".runbench/project.ini")),
                      "[snapshot]\nmax_file_size_mb=0.001\nignore=notes.md\n"));
    QVERIFY(writeFile(file(QStringLiteral("train.py")), "print(1)\n"));
    QVERIFY(writeFile(file(QStringLiteral(".gitignore")), "*.log\ncache/\n"));
    QVERIFY(writeFile(file(QStringLiteral("run.log")), "log"));
    QVERIFY(writeFile(file(QStringLiteral("cache/x.txt")), "x"));
    QVERIFY(writeFile(file(QStringLiteral(".runbenchignore")), "secret.txt\n"));
    QVERIFY(writeFile(file(QStringLiteral("secret.txt")), "s"));
    QVERIFY(writeFile(file(QStringLiteral("notes.md")), "n"));
    QVERIFY(writeFile(file(QStringLiteral("outputs/old.png")), "png"));
    QVERIFY(writeFile(file(QStringLiteral("sub/outputs/kept.txt")), "only the top outputs/ is left out"));
    QVERIFY(writeFile(file(QStringLiteral("huge.bin")), QByteArray(5000, 'x')));
    SnapshotStore store { Project(m_root) };
    QVERIFY(store.open());
    const auto snap = store.snapshot(QStringLiteral("R_1"), QString());
    QVERIFY2(snap, qPrintable(store.errorString()));
    QCOMPARE(snap->leftOut, QStringList { QStringLiteral("huge.bin") });
    const QString work = m_dir->path() + QStringLiteral("/work");
    QVERIFY(store.checkout(snap->commitId, work));
    QCOMPARE(tree(work).keys(),
             (QStringList { QStringLiteral(".gitignore"), QStringLiteral(".runbenchignore"),
                            QStringLiteral("sub/outputs/kept.txt"), QStringLiteral("train.py") }));
    // a file that grows over the limit leaves the next snapshot, listed
    QVERIFY(writeFile(file(QStringLiteral("train.py")), QByteArray(5000, '#')));
    const auto next = store.snapshot(QStringLiteral("R_2"), QString());
    QCOMPARE(next->leftOut, (QStringList { QStringLiteral("huge.bin"), QStringLiteral("train.py") }));
}

void TestSnapshotStore::unchangedProjectGivesTheSameTree()
{
    QVERIFY(writeFile(file(QStringLiteral("a.py")), "a\n"));
    SnapshotStore store { Project(m_root) };
    QVERIFY(store.open());
    const auto one = store.snapshot(QStringLiteral("R_1"), QString());
    const auto two = store.snapshot(QStringLiteral("R_2"), QString());
    QVERIFY(one && two);
    QVERIFY(store.diff(one->commitId, two->commitId).isEmpty());
    QVERIFY(store.errorString().isEmpty());
}

void TestSnapshotStore::restoreDryRunListsExactlyTheChanges()
{
    QVERIFY(writeFile(file(QStringLiteral("a.py")), "a1\n"));
    QVERIFY(writeFile(file(QStringLiteral("b.py")), "b1\n"));
    QVERIFY(writeFile(file(QStringLiteral("same.py")), "same\n"));
    SnapshotStore store { Project(m_root) };
    QVERIFY(store.open());
    const auto first = store.snapshot(QStringLiteral("R_1"), QString());
    QVERIFY(writeFile(file(QStringLiteral("a.py")), "a2\n"));
    QVERIFY(QFile::remove(file(QStringLiteral("b.py"))));
    QVERIFY(writeFile(file(QStringLiteral("c.py")), "c2\n"));
    QVERIFY(store.snapshot(QStringLiteral("R_2"), QString()));
    const auto plan = store.planRestore(first->commitId);
    QVERIFY2(plan, qPrintable(store.errorString()));
    QCOMPARE(plan->overwrite, QStringList { QStringLiteral("a.py") });
    QCOMPARE(plan->create, QStringList { QStringLiteral("b.py") });
    QCOMPARE(plan->remove, QStringList { QStringLiteral("c.py") });
    QVERIFY(plan->changedSinceSnapshot.isEmpty());
    QCOMPARE(readFile(file(QStringLiteral("a.py"))), QByteArray("a2\n")); // a dry run writes nothing
    // a local edit after the last snapshot is flagged, and restore refuses without force
    QVERIFY(writeFile(file(QStringLiteral("a.py")), "a3 local edit\n"));
    const auto flagged = store.planRestore(first->commitId);
    QCOMPARE(flagged->changedSinceSnapshot, QStringList { QStringLiteral("a.py") });
    QVERIFY(!store.restore(first->commitId, false));
    QVERIFY(store.errorString().contains(QStringLiteral("a.py")));
    QCOMPARE(readFile(file(QStringLiteral("a.py"))), QByteArray("a3 local edit\n"));
    QVERIFY(store.restorePoints().isEmpty());
}

void TestSnapshotStore::restoreThenUndoReturnsThePreviousState()
{
    QVERIFY(writeFile(file(QStringLiteral("a.py")), "a1\n"));
    QVERIFY(writeFile(file(QStringLiteral("tool.sh")), "echo 1\n", true));
    QVERIFY(writeFile(file(QStringLiteral("dir/b.py")), "b1\n"));
    SnapshotStore store { Project(m_root) };
    QVERIFY(store.open());
    const auto first = store.snapshot(QStringLiteral("R_1"), QString());
    const auto before = tree(m_root);
    QVERIFY(writeFile(file(QStringLiteral("a.py")), "a2\n"));
    QVERIFY(QFile::remove(file(QStringLiteral("dir/b.py"))));
    QVERIFY(writeFile(file(QStringLiteral("new/c.py")), "c\n"));
    QVERIFY(writeFile(file(QStringLiteral("tool.sh")), "echo 2\n", false));
    QVERIFY(writeFile(file(QStringLiteral(".gitignore")), "*.tmp\n"));
    QVERIFY(writeFile(file(QStringLiteral("scratch.tmp")), "ignored"));
    QVERIFY(store.snapshot(QStringLiteral("R_2"), QString()));
    QVERIFY(writeFile(file(QStringLiteral("outputs/result.txt")), "not in any snapshot"));
    QVERIFY(writeFile(file(QStringLiteral("notes.txt")), "new since the last snapshot"));
    const auto changed = tree(m_root);

    SnapshotStore::RestorePlan done;
    QVERIFY2(store.restore(first->commitId, true, &done), qPrintable(store.errorString()));
    QCOMPARE(store.restorePoints().size(), 1);
    auto restored = tree(m_root);
    // outputs/, ignored files and files never recorded are not touched
    QCOMPARE(restored.take(QStringLiteral("outputs/result.txt")), QByteArray("not in any snapshot"));
    QCOMPARE(restored.take(QStringLiteral("scratch.tmp")), QByteArray("ignored"));
    QCOMPARE(restored.take(QStringLiteral("notes.txt")), QByteArray("new since the last snapshot"));
    QCOMPARE(done.keep, QStringList { QStringLiteral("notes.txt") });
    QCOMPARE(done.remove, (QStringList { QStringLiteral(".gitignore"), QStringLiteral("new/c.py") }));
    QCOMPARE(restored, before); // bytes and executable bits
    QVERIFY(!QFileInfo::exists(file(QStringLiteral("new"))));

    QVERIFY2(store.undoRestore(), qPrintable(store.errorString()));
    QCOMPARE(tree(m_root), changed);
    QVERIFY(store.restorePoints().isEmpty());
    QVERIFY(!store.undoRestore());
    QVERIFY(store.errorString().contains(QStringLiteral("no restore")));
}

namespace {
QByteArray treeEntry(const char *mode, const QByteArray &name, const git_oid &oid)
{
    return QByteArray(mode) + ' ' + name + '\0' + QByteArray(reinterpret_cast<const char *>(oid.id), GIT_OID_RAWSZ);
}
} // namespace

// Writes a tree object byte by byte (libgit2 itself refuses such names) and
// commits it, returning the commit id.
QString TestSnapshotStore::commitRawTree(const QByteArray &rawTree)
{
    git_repository *repo = nullptr;
    if (git_repository_open_bare(&repo,
                                 QFile::encodeName(m_root + QStringLiteral("/.runbench/snapshots.git")).constData())
        != 0)
        return {};
    Git::Repository owner(repo);
    git_odb *odb = nullptr;
    git_repository_odb(&odb, repo);
    Git::Odb odbOwner(odb);
    git_oid treeId;
    if (git_odb_write(&treeId, odb, rawTree.constData(), size_t(rawTree.size()), GIT_OBJECT_TREE) != 0)
        return {};
    const QByteArray commit = "tree " + QByteArray(git_oid_tostr_s(&treeId))
        + "\nauthor x <x@x> 0 +0000\ncommitter x <x@x> 0 +0000\n\nhostile\n";
    git_oid commitId;
    if (git_odb_write(&commitId, odb, commit.constData(), size_t(commit.size()), GIT_OBJECT_COMMIT) != 0)
        return {};
    return Git::oidString(&commitId);
}

void TestSnapshotStore::maliciousTreesAreRefused_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("link");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("dot dot") << QByteArray("..") << false << QByteArray("owned");
    QTest::newRow("absolute") << QByteArray("/tmp/runbench-owned") << false << QByteArray("owned");
    QTest::newRow("slash inside") << QByteArray("../escape.txt") << false << QByteArray("owned");
    QTest::newRow(".git") << QByteArray(".git") << false << QByteArray("owned");
    QTest::newRow("link out") << QByteArray("evil-link") << true << QByteArray("../../outside");
    QTest::newRow("absolute link") << QByteArray("evil-link") << true << QByteArray("/etc/passwd");
}

void TestSnapshotStore::maliciousTreesAreRefused()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, link);
    QFETCH(QByteArray, content);
    QVERIFY(writeFile(file(QStringLiteral("a.py")), "a\n"));
    SnapshotStore store { Project(m_root) };
    QVERIFY(store.open());
    QVERIFY(store.snapshot(QStringLiteral("R_1"), QString()));
    git_oid blob;
    {
        git_repository *repo = nullptr;
        QCOMPARE(git_repository_open_bare(
                     &repo, QFile::encodeName(m_root + QStringLiteral("/.runbench/snapshots.git")).constData()),
                 0);
        Git::Repository owner(repo);
        QCOMPARE(git_blob_create_from_buffer(&blob, repo, content.constData(), size_t(content.size())), 0);
    }
    const QString commit = commitRawTree(treeEntry(link ? "120000" : "100644", name, blob));
    QVERIFY(!commit.isEmpty());
    const auto before = tree(m_dir->path());
    QVERIFY(!store.planRestore(commit));
    QVERIFY2(store.errorString().contains(QStringLiteral("nothing was written")), qPrintable(store.errorString()));
    QVERIFY(!store.restore(commit, true));
    QTemporaryDir work;
    if (link) {
        // A run's working folder shows a link as the project has it (nothing
        // is written through it); only a restore into the project refuses it.
        QVERIFY2(store.checkout(commit, work.path() + QStringLiteral("/w")), qPrintable(store.errorString()));
        QVERIFY(QFileInfo(work.path() + QStringLiteral("/w/") + QString::fromUtf8(name)).isSymLink());
    } else {
        QVERIFY(!store.checkout(commit, work.path() + QStringLiteral("/w")));
    }
    QCOMPARE(tree(m_dir->path()), before); // nothing written, inside or outside
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/runbench-owned")));
    QVERIFY(store.restorePoints().isEmpty());
}

void TestSnapshotStore::linkedFolderIsNotWrittenThrough()
{
    const QString outside = m_dir->path() + QStringLiteral("/outside");
    QVERIFY(writeFile(outside + QStringLiteral("/keep.txt"), "outside"));
    QVERIFY(writeFile(file(QStringLiteral("sub/file.py")), "inside\n"));
    SnapshotStore store { Project(m_root) };
    QVERIFY(store.open());
    const auto first = store.snapshot(QStringLiteral("R_1"), QString());
    // the user replaces the folder with a link out of the project
    QVERIFY(QDir(file(QStringLiteral("sub"))).removeRecursively());
    QVERIFY(QFile::link(outside, file(QStringLiteral("sub"))));
    QVERIFY2(store.restore(first->commitId, true), qPrintable(store.errorString()));
    QCOMPARE(readFile(file(QStringLiteral("sub/file.py"))), QByteArray("inside\n"));
    QVERIFY(!QFileInfo(file(QStringLiteral("sub"))).isSymLink()); // the link was replaced, not followed
    QCOMPARE(tree(outside).keys(), QStringList { QStringLiteral("keep.txt") });
}

void TestSnapshotStore::diffShowsTheChangedLines()
{
    QVERIFY(writeFile(file(QStringLiteral("train.py")), "reg = 0.01\nprint(reg)\n"));
    QVERIFY(writeFile(file(QStringLiteral("other.py")), "x\n"));
    SnapshotStore store { Project(m_root) };
    QVERIFY(store.open());
    const auto a = store.snapshot(QStringLiteral("R_1"), QString());
    QVERIFY(writeFile(file(QStringLiteral("train.py")), "reg = 0.5\nprint(reg)\n"));
    QVERIFY(writeFile(file(QStringLiteral("other.py")), "y\n"));
    const auto b = store.snapshot(QStringLiteral("R_2"), QString());
    QVector<SnapshotStore::FileDiff> files;
    const QString patch = store.diff(a->commitId, b->commitId, {}, &files);
    QVERIFY(patch.contains(QStringLiteral("-reg = 0.01\n+reg = 0.5\n")));
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(1).path, QStringLiteral("train.py"));
    QCOMPARE(files.at(1).status, QLatin1Char('M'));
    QCOMPARE(files.at(1).additions, 1);
    const QString only = store.diff(a->commitId, b->commitId, { QStringLiteral("other.py") });
    QVERIFY(only.contains(QStringLiteral("+y")));
    QVERIFY(!only.contains(QStringLiteral("reg")));
}

void TestSnapshotStore::ownGitRepositoryIsOnlyRead()
{
    QVERIFY(writeFile(file(QStringLiteral("train.py")), "print(1)\n"));
    Git::ensureInitialised();
    git_repository *own = nullptr;
    QCOMPARE(git_repository_init(&own, QFile::encodeName(m_root).constData(), 0), 0);
    Git::Repository owner(own);
    git_index *index = nullptr;
    QCOMPARE(git_repository_index(&index, own), 0);
    QCOMPARE(git_index_add_bypath(index, "train.py"), 0);
    git_oid treeId, commitId;
    QCOMPARE(git_index_write_tree(&treeId, index), 0);
    QCOMPARE(git_index_write(index), 0);
    git_index_free(index);
    git_tree *gitTree = nullptr;
    QCOMPARE(git_tree_lookup(&gitTree, own, &treeId), 0);
    git_signature *sig = nullptr;
    git_signature_now(&sig, "t", "t@t");
    QCOMPARE(git_commit_create(&commitId, own, "HEAD", sig, sig, nullptr, "init", gitTree, 0, nullptr), 0);
    git_signature_free(sig);
    git_tree_free(gitTree);

    auto gitDirState = [this] {
        QMap<QString, QByteArray> state = tree(m_root + QStringLiteral("/.git"));
        QDirIterator it(m_root + QStringLiteral("/.git"), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            state.insert(it.filePath() + QStringLiteral("@mtime"),
                         QByteArray::number(it.fileInfo().lastModified().toMSecsSinceEpoch()));
        }
        return state;
    };
    const auto gitBefore = gitDirState();
    SnapshotStore store { Project(m_root) };
    QVERIFY(store.open());
    const auto clean = store.snapshot(QStringLiteral("R_1"), QString());
    QCOMPARE(clean->gitCommit, Git::oidString(&commitId));
    QCOMPARE(clean->gitDirty, 0);
    QVERIFY(writeFile(file(QStringLiteral("train.py")), "print(2)\n"));
    const auto dirty = store.snapshot(QStringLiteral("R_2"), QString());
    QCOMPARE(dirty->gitDirty, 1);
    QVERIFY(store.restore(clean->commitId, true));
    QCOMPARE(gitDirState(), gitBefore); // the user's .git: same files, same bytes, same times
    // and .git is not part of the snapshot
    const QString work = m_dir->path() + QStringLiteral("/work");
    QVERIFY(store.checkout(clean->commitId, work));
    QVERIFY(!QFileInfo::exists(work + QStringLiteral("/.git")));
}

void TestSnapshotStore::missingRepositoryIsAClearError()
{
    QVERIFY(writeFile(file(QStringLiteral("a.py")), "a\n"));
    {
        SnapshotStore store { Project(m_root) };
        QVERIFY(store.open());
        QVERIFY(store.snapshot(QStringLiteral("R_1"), QString()));
    }
    QVERIFY(QDir(m_root + QStringLiteral("/.runbench/snapshots.git")).removeRecursively());
    SnapshotStore store { Project(m_root) };
    QVERIFY(!store.open(false));
    QVERIFY2(store.errorString().contains(QStringLiteral("snapshots repository")), qPrintable(store.errorString()));
}

QTEST_GUILESS_MAIN(TestSnapshotStore)
#include "tst_snapshotstore.moc"

// SnapshotStore: writing snapshots into folders — the run's working folder
// (checkout) and the project itself (restore, undo) — with every path checked
// to stay inside the folder before anything is written.
#include "snapshotstore.h"

#include "fileentries.h"
#include "gitutil.h"
#include "workingfolder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSaveFile>
#include <QSet>

#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("SnapshotStore", text); }

const char *const kLatestRef = "refs/runbench/latest";
const char *const kBaselineRef = "refs/runbench/baseline";

bool isSafeName(const QString &name)
{
    return !name.isEmpty() && name != QLatin1String(".") && name != QLatin1String("..")
        && !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\')) && !name.contains(QChar(0))
        && name.compare(QLatin1String(".git"), Qt::CaseInsensitive) != 0;
}

struct Entry
{
    QString path;
    git_oid id;
    git_filemode_t mode;
};

struct WalkState
{
    QVector<Entry> files;
    QString badPath;
};

int collectEntry(const char *root, const git_tree_entry *entry, void *payload)
{
    auto *state = static_cast<WalkState *>(payload);
    const QString name = QString::fromUtf8(git_tree_entry_name(entry));
    const QString path = QString::fromUtf8(root) + name;
    if (!isSafeName(name) || (path == QLatin1String(".runbench"))) {
        state->badPath = path;
        return -1;
    }
    const git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE || mode == GIT_FILEMODE_LINK)
        state->files.append({ path, *git_tree_entry_id(entry), mode });
    return 0;
}

QString timestamp() { return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")); }

} // namespace

std::optional<SnapshotStore::RestorePlan> SnapshotStore::plan(git_tree *current, git_tree *target)
{
    git_diff *raw = nullptr;
    if (git_diff_tree_to_tree(&raw, m_repo, current, target, nullptr) != 0) {
        fail(Git::lastError());
        return std::nullopt;
    }
    Git::Diff d(raw);
    RestorePlan plan;
    // Only files the last recorded state knew are deleted: a file that was
    // never in a snapshot (new since, or ignored until now) is left alone.
    git_oid baselineId;
    const bool haveBaseline = git_reference_name_to_id(&baselineId, m_repo, kBaselineRef) == 0;
    Git::Tree baseline = haveBaseline ? Git::treeOfCommit(m_repo, Git::oidString(&baselineId)) : nullptr;
    auto known = [&](const QString &path) {
        git_tree_entry *entry = nullptr;
        if (!baseline || git_tree_entry_bypath(&entry, baseline.get(), path.toUtf8().constData()) != 0)
            return false;
        git_tree_entry_free(entry);
        return true;
    };
    const size_t n = git_diff_num_deltas(raw);
    for (size_t i = 0; i < n; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(raw, i);
        const QString path
            = QString::fromUtf8(delta->status == GIT_DELTA_DELETED ? delta->old_file.path : delta->new_file.path);
        const bool onDisk = QFileInfo(m_project.root() + QLatin1Char('/') + path).exists()
            || QFileInfo(m_project.root() + QLatin1Char('/') + path).isSymLink();
        switch (delta->status) {
        case GIT_DELTA_ADDED: {
            // a file that exists but is ignored now is the user's: never touched
            int ignored = 0;
            if (onDisk && git_ignore_path_is_ignored(&ignored, m_repo, path.toUtf8().constData()) == 0 && ignored)
                break;
            (onDisk ? plan.overwrite : plan.create).append(path);
            break;
        }
        case GIT_DELTA_DELETED: (known(path) ? plan.remove : plan.keep).append(path); break;
        default: plan.overwrite.append(path); break;
        }
    }
    // What the user changed since the state Runbench last recorded.
    if (baseline) {
        git_diff *changedRaw = nullptr;
        if (baseline && git_diff_tree_to_tree(&changedRaw, m_repo, baseline.get(), current, nullptr) == 0) {
            Git::Diff changed(changedRaw);
            QSet<QString> touched;
            for (size_t i = 0; i < git_diff_num_deltas(changedRaw); ++i) {
                const git_diff_delta *delta = git_diff_get_delta(changedRaw, i);
                touched.insert(QString::fromUtf8(delta->new_file.path));
                touched.insert(QString::fromUtf8(delta->old_file.path));
            }
            for (const QStringList *list : { &plan.overwrite, &plan.remove })
                for (const QString &path : *list)
                    if (touched.contains(path))
                        plan.changedSinceSnapshot.append(path);
        }
    }
    return plan;
}

// Checks (checkOnly) or writes the plan's files from target under root.
bool SnapshotStore::apply(git_tree *target, const RestorePlan &plan, const QString &root, bool checkOnly,
                          const QHash<QString, unsigned> &modes, Links links)
{
    WalkState state;
    if (git_tree_walk(target, GIT_TREEWALK_PRE, collectEntry, &state) != 0 || !state.badPath.isEmpty())
        return fail(tr("The snapshot holds the path “%1”, which would be written outside the folder or into "
                       "a protected one; nothing was written.")
                        .arg(state.badPath.isEmpty() ? Git::lastError() : state.badPath));
    QHash<QString, Entry> entries;
    for (const Entry &e : std::as_const(state.files))
        entries.insert(e.path, e);
    const QString rootPath = QDir(root).canonicalPath().isEmpty() ? QDir::cleanPath(root) : QDir(root).canonicalPath();
    const QSet<QString> removing(plan.remove.cbegin(), plan.remove.cend());

    // Every folder on the way must be a real folder inside root, not a link.
    auto checkParents = [&](const QString &path) -> bool {
        const QStringList parts = path.split(QLatin1Char('/'));
        QString current = rootPath;
        for (int i = 0; i + 1 < parts.size(); ++i) {
            current += QLatin1Char('/') + parts.at(i);
            const QFileInfo info(current);
            const QString prefix = parts.mid(0, i + 1).join(QLatin1Char('/'));
            if (info.isSymLink() && removing.contains(prefix))
                break; // the link itself is deleted first, then the folder is made
            if (info.isSymLink())
                return fail(tr("%1 is a symbolic link: restoring %2 through it could write outside the project; "
                               "nothing was written.")
                                .arg(QDir::toNativeSeparators(current), path));
            if (info.exists() && !info.isDir() && !removing.contains(prefix))
                return fail(tr("%1 is a file where the snapshot has a folder; nothing was written.")
                                .arg(QDir::toNativeSeparators(current)));
        }
        return true;
    };
    // A folder the snapshot has as a file or link (a link that a restore
    // replaced by a folder, undone) is fine when the plan deletes everything
    // in it: it is gone, empty, before anything is written.
    auto emptiedByRemoval = [&](const QString &path) {
        QDirIterator it(rootPath + QLatin1Char('/') + path,
                        QDir::Files | QDir::AllDirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = it.next().mid(rootPath.size() + 1);
            const QFileInfo info = it.fileInfo();
            if ((!info.isDir() || info.isSymLink()) && !removing.contains(rel))
                return false;
        }
        return true;
    };
    const QStringList writes = plan.overwrite + plan.create;
    for (const QString &path : writes) {
        const auto it = entries.constFind(path);
        if (it == entries.constEnd())
            return fail(tr("The snapshot has no file %1.").arg(path));
        if (!checkParents(path))
            return false;
        if (QFileInfo(rootPath + QLatin1Char('/') + path).isDir()
            && !QFileInfo(rootPath + QLatin1Char('/') + path).isSymLink() && !emptiedByRemoval(path))
            return fail(tr("%1 is a folder where the snapshot has a file; nothing was written.").arg(path));
        if (it->mode == GIT_FILEMODE_LINK && links == Links::InsideOnly) {
            git_blob *blob = nullptr;
            if (git_blob_lookup(&blob, m_repo, &it->id) != 0)
                return fail(tr("The snapshot's object for %1 is missing: %2").arg(path, Git::lastError()));
            const QString linkTarget
                = QString::fromUtf8(static_cast<const char *>(git_blob_rawcontent(blob)), int(git_blob_rawsize(blob)));
            git_blob_free(blob);
            const QString resolved
                = QDir::cleanPath(rootPath + QLatin1Char('/') + QFileInfo(path).path() + QLatin1Char('/') + linkTarget);
            if (linkTarget.startsWith(QLatin1Char('/'))
                || !(resolved + QLatin1Char('/')).startsWith(rootPath + QLatin1Char('/')))
                return fail(tr("The snapshot's link %1 points to %2, outside the folder; nothing was written.")
                                .arg(path, linkTarget));
        }
    }
    for (const QString &path : plan.remove) {
        const QStringList parts = path.split(QLatin1Char('/'));
        for (const QString &part : parts)
            if (!isSafeName(part))
                return fail(tr("The path “%1” leaves the folder; nothing was written.").arg(path));
        if (!checkParents(path))
            return false;
    }
    if (checkOnly)
        return true;

    for (const QString &path : plan.remove) {
        const QString file = rootPath + QLatin1Char('/') + path;
        if (!QFile::remove(file) && (QFileInfo::exists(file) || QFileInfo(file).isSymLink()))
            return fail(tr("Cannot delete %1.").arg(QDir::toNativeSeparators(file)));
        QDir dir(QFileInfo(file).path());
        while (dir.absolutePath() != rootPath && dir.isEmpty() && dir.rmdir(dir.absolutePath()))
            dir.cdUp();
    }
    for (const QString &path : writes) {
        const Entry &e = entries[path];
        const QString file = rootPath + QLatin1Char('/') + path;
        if (!QDir().mkpath(QFileInfo(file).path()))
            return fail(tr("Cannot create the folder for %1.").arg(QDir::toNativeSeparators(file)));
        git_blob *blob = nullptr;
        if (git_blob_lookup(&blob, m_repo, &e.id) != 0)
            return fail(tr("The snapshot's object for %1 is missing: %2").arg(path, Git::lastError()));
        Git::Blob blobOwner(blob);
        const QByteArray content(static_cast<const char *>(git_blob_rawcontent(blob)), int(git_blob_rawsize(blob)));
        if (e.mode == GIT_FILEMODE_LINK) {
            const QString tmp = file + QStringLiteral(".runbench-link");
            QFile::remove(tmp);
            if (::symlink(content.constData(), QFile::encodeName(tmp).constData()) != 0
                || ::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(file).constData()) != 0)
                return fail(tr("Cannot create the link %1.").arg(QDir::toNativeSeparators(file)));
            continue;
        }
        if (QFileInfo(file).isSymLink())
            QFile::remove(file); // replace the link itself, never its target
        else if (QFileInfo(file).isDir())
            QDir(file).removeRecursively(); // emptied by the plan (checked above)
        // The file's own mode (a private key stays 0600), set before any
        // content is written; the default for files recorded with none.
        const unsigned mode
            = modes.value(path, FileEntries::defaultMode(e.mode == GIT_FILEMODE_BLOB_EXECUTABLE));
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || ::fchmod(out.handle(), mode_t(mode)) != 0
            || out.write(content) != content.size() || !out.commit())
            return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
    }
    return true;
}

// The project's files as they are now, as a tree (in the snapshots'
// repository, with no commit).
std::unique_ptr<git_tree, SnapshotStore::TreeDeleter> SnapshotStore::currentTree(QString *modes)
{
    QStringList leftOut;
    QString treeId;
    if (!updateIndex(&leftOut, &treeId, modes))
        return nullptr;
    git_oid oid;
    git_tree *tree = nullptr;
    if (git_oid_fromstr(&oid, treeId.toLatin1().constData()) != 0 || git_tree_lookup(&tree, m_repo, &oid) != 0) {
        fail(Git::lastError());
        return nullptr;
    }
    return std::unique_ptr<git_tree, TreeDeleter>(tree);
}

bool SnapshotStore::checkout(const QString &commitId, const QString &targetDir)
{
    Git::Tree tree = Git::treeOfCommit(m_repo, commitId);
    if (!tree)
        return fail(tr("The snapshot %1 is not in the snapshots repository.").arg(commitId));
    if (!QDir().mkpath(targetDir))
        return fail(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(targetDir)));
    WalkState state;
    git_tree_walk(tree.get(), GIT_TREEWALK_PRE, collectEntry, &state);
    if (!state.badPath.isEmpty())
        return fail(tr("The snapshot holds the path “%1”, which would be written outside the folder or into "
                       "a protected one; nothing was written.")
                        .arg(state.badPath));
    // Files first, through the same checks as a restore; then the links,
    // recreated as the project has them (a run sees its data wherever a
    // link points), so that no file is ever written through one.
    RestorePlan files;
    QVector<Entry> links;
    for (const Entry &e : std::as_const(state.files)) {
        if (e.mode == GIT_FILEMODE_LINK)
            links.append(e);
        else
            files.create.append(e.path);
    }
    const QHash<QString, unsigned> modes = modesOf(commitId);
    if (!apply(tree.get(), files, targetDir, true) || !apply(tree.get(), files, targetDir, false, modes))
        return false;
    for (const Entry &e : std::as_const(links)) {
        git_blob *blob = nullptr;
        if (git_blob_lookup(&blob, m_repo, &e.id) != 0)
            return fail(tr("The snapshot's object for %1 is missing: %2").arg(e.path, Git::lastError()));
        const QString target = WorkingFolder::linkTargetFor(
            m_project.root(), e.path,
            QFile::decodeName(
                QByteArray(static_cast<const char *>(git_blob_rawcontent(blob)), int(git_blob_rawsize(blob)))));
        git_blob_free(blob);
        // Every folder on the way is made here and is a real folder.
        const QStringList parts = e.path.split(QLatin1Char('/'));
        QString folder = targetDir;
        for (int i = 0; i + 1 < parts.size(); ++i) {
            folder += QLatin1Char('/') + parts.at(i);
            if (QFileInfo(folder).isSymLink() || (!QFileInfo(folder).isDir() && !QDir().mkdir(folder)))
                return fail(tr("%1 is a symbolic link: restoring %2 through it could write outside the project; "
                               "nothing was written.")
                                .arg(QDir::toNativeSeparators(folder), e.path));
        }
        const QString file = targetDir + QLatin1Char('/') + e.path;
        if (::symlink(QFile::encodeName(target).constData(), QFile::encodeName(file).constData()) != 0)
            return fail(tr("Cannot create the link %1.").arg(QDir::toNativeSeparators(file)));
    }
    return true;
}

std::optional<SnapshotStore::RestorePlan> SnapshotStore::planRestore(const QString &commitId)
{
    QMutexLocker locker(Git::projectMutex(m_project.root()));
    Git::Tree target = Git::treeOfCommit(m_repo, commitId);
    if (!target) {
        fail(tr("The snapshot %1 is not in the snapshots repository.").arg(commitId));
        return std::nullopt;
    }
    auto current = currentTree();
    if (!current)
        return std::nullopt;
    auto result = plan(current.get(), target.get());
    if (result && !apply(target.get(), *result, m_project.root(), true))
        return std::nullopt;
    return result;
}

bool SnapshotStore::restore(const QString &commitId, bool force, RestorePlan *done)
{
    QMutexLocker locker(Git::projectMutex(m_project.root()));
    Git::Tree target = Git::treeOfCommit(m_repo, commitId);
    if (!target)
        return fail(tr("The snapshot %1 is not in the snapshots repository.").arg(commitId));
    QString currentModes;
    auto currentOwner = currentTree(&currentModes);
    if (!currentOwner)
        return false;
    git_tree *current = currentOwner.get();
    const auto p = plan(current, target.get());
    if (!p)
        return false;
    if (!p->changedSinceSnapshot.isEmpty() && !force)
        return fail(tr("These files changed since the last snapshot and would be overwritten or deleted: %1. "
                       "Restore with force to do it anyway (the current state is kept as a restore point).")
                        .arg(p->changedSinceSnapshot.join(QStringLiteral(", "))));
    if (!apply(target.get(), *p, m_project.root(), true))
        return false;
    // The current state first, so that the restore can be undone.
    git_signature *sig = nullptr;
    git_signature_now(&sig, "Runbench", "runbench@localhost");
    Git::Signature sigOwner(sig);
    git_oid latest;
    git_commit *parent = nullptr;
    Git::Commit parentOwner;
    if (git_reference_name_to_id(&latest, m_repo, kLatestRef) == 0 && git_commit_lookup(&parent, m_repo, &latest) == 0)
        parentOwner.reset(parent);
    const git_commit *parents[] = { parent };
    git_oid point;
    QString message = QStringLiteral("Restore point before restoring %1").arg(commitId);
    if (!currentModes.isEmpty())
        message += QStringLiteral("\n\n") + currentModes;
    if (git_commit_create(&point, m_repo, nullptr, sig, sig, nullptr, message.toUtf8().constData(), current,
                          parent ? 1 : 0, parents)
        != 0)
        return fail(tr("Cannot save a restore point: %1").arg(Git::lastError()));
    git_reference *ref = nullptr;
    const QString refName = QStringLiteral("refs/restore-points/") + timestamp();
    if (git_reference_create(&ref, m_repo, refName.toUtf8().constData(), &point, 0, "runbench restore point") != 0)
        return fail(tr("Cannot save a restore point: %1").arg(Git::lastError()));
    git_reference_free(ref);
    if (!apply(target.get(), *p, m_project.root(), false, modesOf(commitId)))
        return false;
    git_oid targetCommit;
    git_oid_fromstrn(&targetCommit, commitId.toLatin1().constData(), size_t(commitId.size()));
    git_commit *tc = nullptr;
    if (git_commit_lookup_prefix(&tc, m_repo, &targetCommit, size_t(commitId.size())) == 0) {
        git_reference *baseline = nullptr;
        if (git_reference_create(&baseline, m_repo, kBaselineRef, git_commit_id(tc), 1, "runbench restore") == 0)
            git_reference_free(baseline);
        git_commit_free(tc);
    }
    if (done)
        *done = *p;
    return true;
}

bool SnapshotStore::undoRestore(RestorePlan *done)
{
    const QStringList points = restorePoints();
    if (points.isEmpty())
        return fail(tr("There is no restore to undo."));
    git_oid oid;
    if (git_reference_name_to_id(&oid, m_repo, points.last().toUtf8().constData()) != 0)
        return fail(Git::lastError());
    const QString commitId = Git::oidString(&oid);
    {
        QMutexLocker locker(Git::projectMutex(m_project.root()));
        Git::Tree target = Git::treeOfCommit(m_repo, commitId);
        if (!target)
            return fail(tr("The restore point %1 is damaged.").arg(points.last()));
        auto current = currentTree();
        if (!current)
            return false;
        // The project as it was, links included wherever they pointed: undo
        // writes links, never through them.
        auto p = plan(current.get(), target.get());
        const QHash<QString, unsigned> modes = modesOf(commitId);
        if (!p || !apply(target.get(), *p, m_project.root(), true, modes, Links::AsRecorded)
            || !apply(target.get(), *p, m_project.root(), false, modes, Links::AsRecorded))
            return false;
        git_reference *ref = nullptr;
        if (git_reference_lookup(&ref, m_repo, points.last().toUtf8().constData()) == 0) {
            git_reference_delete(ref);
            git_reference_free(ref);
        }
        git_reference *baseline = nullptr;
        if (git_reference_create(&baseline, m_repo, kBaselineRef, &oid, 1, "runbench undo") == 0)
            git_reference_free(baseline);
        if (done)
            *done = *p;
    }
    return true;
}

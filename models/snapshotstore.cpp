#include "snapshotstore.h"

#include "fileentries.h"
#include "gitutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSaveFile>
#include <QSet>
#include <QThread>

#include <cerrno>
#include <sys/stat.h>
#include <cstring>
#include <utility>
#include <unistd.h>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("SnapshotStore", text); }

const char *const kLatestRef = "refs/runbench/latest"; // parent of the next snapshot
const char *const kBaselineRef = "refs/runbench/baseline"; // the state the project was last known in
const auto kRestorePrefix = QStringLiteral("refs/restore-points/");

// Another process may hold index.lock or a ref lock for a moment: retry.
template<typename F>
int retryLocked(F f)
{
    int rc = 0;
    for (int attempt = 0; attempt < 600; ++attempt) {
        rc = f();
        if (rc != GIT_ELOCKED)
            return rc;
        QThread::msleep(50);
    }
    return rc;
}

} // namespace

SnapshotStore::SnapshotStore(const Project &project)
    : m_project(project)
{
    Git::ensureInitialised();
}

SnapshotStore::~SnapshotStore()
{
    if (m_repo)
        git_repository_free(m_repo);
}

QString SnapshotStore::libgit2Version()
{
    int major = 0, minor = 0, rev = 0;
    git_libgit2_version(&major, &minor, &rev);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(rev);
}

bool SnapshotStore::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool SnapshotStore::open(bool create)
{
    if (m_repo)
        return true; // already open
    const QString path = m_project.dataDir() + QStringLiteral("/snapshots.git");
    const QByteArray native = QFile::encodeName(path);
    QMutexLocker locker(Git::projectMutex(m_project.root()));
    // Another process may be creating the repository this very moment.
    int rc = -1;
    for (int attempt = 0; attempt < 100 && rc != 0; ++attempt) {
        rc = git_repository_open_bare(&m_repo, native.constData());
        if (rc == 0 || !create)
            break;
        if (!QFileInfo::exists(path + QStringLiteral("/config")))
            rc = m_project.makePrivateFolder(path) ? git_repository_init(&m_repo, native.constData(), 1) : -1;
        if (rc != 0)
            QThread::msleep(50);
    }
    if (rc != 0)
        return fail(tr("The snapshots repository %1 cannot be opened: %2")
                        .arg(QDir::toNativeSeparators(path), Git::lastError()));
    if (git_repository_set_workdir(m_repo, QFile::encodeName(m_project.root()).constData(), 0) != 0)
        return fail(tr("The project folder cannot be used as a work tree: %1").arg(Git::lastError()));
    return true;
}

// .runbench/, outputs/ and the project's own ignore lists, for libgit2.
bool SnapshotStore::writeExcludes(bool *changed)
{
    *changed = false;
    QByteArray text = "# written by Runbench before each snapshot\n/.runbench/\n/outputs/\n";
    QFile runbenchIgnore(m_project.root() + QStringLiteral("/.runbenchignore"));
    if (runbenchIgnore.open(QIODevice::ReadOnly))
        text += runbenchIgnore.readAll() + '\n';
    for (const QString &pattern : m_project.ignorePatterns())
        text += pattern.toUtf8() + '\n';
    const QString path = QString::fromUtf8(git_repository_path(m_repo)) + QStringLiteral("info/exclude");
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == text)
        return true;
    existing.close();
    *changed = true;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(text) == text.size() && out.commit();
}

namespace {
const char kModesTrailer[] = "Runbench-Modes: ";
} // namespace

QString SnapshotStore::modesTrailer(git_index *index)
{
    QByteArray records; // "mode path\0" per file whose mode is not the default
    const size_t count = git_index_entrycount(index);
    const QByteArray root = QFile::encodeName(m_project.root()) + '/';
    for (size_t i = 0; i < count; ++i) {
        const git_index_entry *entry = git_index_get_byindex(index, i);
        if (entry->mode != GIT_FILEMODE_BLOB && entry->mode != GIT_FILEMODE_BLOB_EXECUTABLE)
            continue;
        struct stat st;
        if (::lstat((root + entry->path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        const unsigned mode = unsigned(st.st_mode) & 07777u;
        if (mode != FileEntries::defaultMode(entry->mode == GIT_FILEMODE_BLOB_EXECUTABLE))
            records += QByteArray::number(mode, 8) + ' ' + entry->path + '\0';
    }
    if (records.isEmpty())
        return {};
    git_oid blob;
    if (git_blob_create_from_buffer(&blob, m_repo, records.constData(), size_t(records.size())) != 0)
        return {};
    return QLatin1String(kModesTrailer) + Git::oidString(&blob);
}

QHash<QString, unsigned> SnapshotStore::modesOf(const QString &commitId)
{
    QHash<QString, unsigned> modes;
    git_oid oid;
    git_commit *commit = nullptr;
    if (git_oid_fromstrn(&oid, commitId.toLatin1().constData(), size_t(commitId.size())) != 0
        || git_commit_lookup_prefix(&commit, m_repo, &oid, size_t(commitId.size())) != 0)
        return modes;
    Git::Commit commitOwner(commit);
    const QByteArray message = git_commit_message(commit);
    const int at = int(message.lastIndexOf(QByteArray("\n") + kModesTrailer));
    if (at < 0)
        return modes;
    const QByteArray id = message.mid(at + 1 + int(sizeof kModesTrailer) - 1, GIT_OID_HEXSZ);
    git_oid blobId;
    git_blob *blob = nullptr;
    if (git_oid_fromstrn(&blobId, id.constData(), size_t(id.size())) != 0
        || git_blob_lookup(&blob, m_repo, &blobId) != 0)
        return modes;
    Git::Blob blobOwner(blob);
    const QByteArray records(static_cast<const char *>(git_blob_rawcontent(blob)), int(git_blob_rawsize(blob)));
    for (const QByteArray &record : records.split('\0')) {
        const int space = int(record.indexOf(' '));
        bool ok = false;
        const unsigned mode = record.left(space).toUInt(&ok, 8);
        if (space > 0 && ok)
            modes.insert(QString::fromUtf8(record.mid(space + 1)), mode & 07777u);
    }
    return modes;
}

bool SnapshotStore::updateIndex(QStringList *leftOut, QString *treeId, QString *modes)
{
    bool excludesChanged = false;
    if (!writeExcludes(&excludesChanged))
        return fail(tr("Cannot write the snapshot ignore list."));
    git_index *raw = nullptr;
    if (git_repository_index(&raw, m_repo) != 0)
        return fail(tr("Cannot read the snapshot index: %1").arg(Git::lastError()));
    Git::Index index(raw);
    git_index_read(raw, 0); // another process may have written it

    // One walk over the project: the index's stat data tells which files
    // changed, and only those are read and hashed.
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_INCLUDE_TYPECHANGE
        | GIT_DIFF_UPDATE_INDEX;
    git_diff *diffRaw = nullptr;
    if (git_diff_index_to_workdir(&diffRaw, m_repo, raw, &opts) != 0)
        return fail(tr("Cannot read the project's files: %1").arg(Git::lastError()));
    Git::Diff diff(diffRaw);
    const qint64 limit = m_project.snapshotFileSizeLimit();
    bool ignoreFilesChanged = excludesChanged;
    const size_t n = git_diff_num_deltas(diffRaw);
    for (size_t i = 0; i < n; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diffRaw, i);
        const char *path = delta->new_file.path;
        const QString rel = QString::fromUtf8(path);
        if (rel.endsWith(QLatin1String(".gitignore")))
            ignoreFilesChanged = true;
        int rc = 0;
        if (delta->status == GIT_DELTA_DELETED) {
            rc = git_index_remove_bypath(raw, path);
        } else {
            const QFileInfo info(m_project.root() + QLatin1Char('/') + rel);
            if (info.isFile() && !info.isSymLink() && info.size() > limit) {
                leftOut->append(rel);
                rc = git_index_remove_bypath(raw, path);
            } else {
                rc = git_index_add_bypath(raw, path);
                if (rc != 0 && rc != GIT_ENOTFOUND
                    && ::access(QFile::encodeName(info.filePath()).constData(), R_OK) != 0) {
                    // Unreadable: listed with the reason, the snapshot goes on.
                    leftOut->append(
                        QStringLiteral("%1 (unreadable: %2)").arg(rel, QString::fromLocal8Bit(std::strerror(errno))));
                    git_index_remove_bypath(raw, path);
                    rc = 0;
                }
            }
        }
        if (rc != 0 && rc != GIT_ENOTFOUND)
            return fail(tr("Cannot read %1: %2").arg(rel, Git::lastError()));
    }
    // Unchanged files over the limit (the limit was lowered) leave too.
    const size_t count = git_index_entrycount(raw);
    QStringList drop;
    for (size_t i = 0; i < count; ++i) {
        const git_index_entry *entry = git_index_get_byindex(raw, i);
        if (qint64(entry->file_size) > limit) {
            drop.append(QString::fromUtf8(entry->path));
            continue;
        }
        // entries that became ignored since, when an ignore list changed
        int ignored = 0;
        if (ignoreFilesChanged && git_ignore_path_is_ignored(&ignored, m_repo, entry->path) == 0 && ignored)
            drop.append(QString::fromUtf8(entry->path));
    }
    for (const QString &path : std::as_const(drop)) {
        git_index_remove_bypath(raw, path.toUtf8().constData());
        if (QFileInfo(m_project.root() + QLatin1Char('/') + path).size() > limit && !leftOut->contains(path))
            leftOut->append(path);
    }
    leftOut->sort();
    git_oid tree;
    if (git_index_write_tree(&tree, raw) != 0)
        return fail(tr("Cannot write the snapshot tree: %1").arg(Git::lastError()));
    if (retryLocked([&] { return git_index_write(raw); }) != 0)
        return fail(tr("Cannot save the snapshot index: %1").arg(Git::lastError()));
    *treeId = Git::oidString(&tree);
    if (modes)
        *modes = modesTrailer(raw);
    return true;
}

QString SnapshotStore::latestSnapshot() const
{
    git_oid oid;
    return git_reference_name_to_id(&oid, m_repo, kLatestRef) == 0 ? Git::oidString(&oid) : QString();
}

namespace {

// Commits a tree with the previous snapshot as parent and points ref at it.
QString commitTree(git_repository *repo, const QString &treeId, const QString &parentId, const QString &message,
                   const QStringList &refs, QString *error)
{
    git_oid treeOid;
    git_oid_fromstr(&treeOid, treeId.toLatin1().constData());
    git_tree *tree = nullptr;
    if (git_tree_lookup(&tree, repo, &treeOid) != 0) {
        *error = Git::lastError();
        return {};
    }
    Git::Tree treeOwner(tree);
    git_commit *parent = nullptr;
    Git::Commit parentOwner;
    if (!parentId.isEmpty()) {
        git_oid parentOid;
        git_oid_fromstr(&parentOid, parentId.toLatin1().constData());
        if (git_commit_lookup(&parent, repo, &parentOid) == 0)
            parentOwner.reset(parent);
        else
            parent = nullptr;
    }
    git_signature *sig = nullptr;
    git_signature_now(&sig, "Runbench", "runbench@localhost");
    Git::Signature sigOwner(sig);
    const git_commit *parents[] = { parent };
    git_oid commit;
    if (git_commit_create(&commit, repo, nullptr, sig, sig, nullptr, message.toUtf8().constData(), tree, parent ? 1 : 0,
                          parents)
        != 0) {
        *error = Git::lastError();
        return {};
    }
    for (const QString &ref : refs) {
        git_reference *out = nullptr;
        const int rc = retryLocked(
            [&] { return git_reference_create(&out, repo, ref.toUtf8().constData(), &commit, 1, "runbench"); });
        if (rc != 0) {
            *error = Git::lastError();
            return {};
        }
        git_reference_free(out);
    }
    return Git::oidString(&commit);
}

} // namespace

std::optional<SnapshotStore::Snapshot> SnapshotStore::snapshot(const QString &runId, const QString &message)
{
    QMutexLocker locker(Git::projectMutex(m_project.root()));
    Snapshot result;
    QString treeId;
    QString modes;
    if (!updateIndex(&result.leftOut, &treeId, &modes))
        return std::nullopt;
    QString error;
    result.commitId = commitTree(
        m_repo, treeId, latestSnapshot(), modes.isEmpty() ? message : message + QStringLiteral("\n\n") + modes,
        { QStringLiteral("refs/runs/") + runId, QLatin1String(kLatestRef), QLatin1String(kBaselineRef) }, &error);
    if (result.commitId.isEmpty()) {
        fail(tr("Cannot record the snapshot of run %1: %2").arg(runId, error));
        return std::nullopt;
    }
    git_index *raw = nullptr;
    if (git_repository_index(&raw, m_repo) == 0) {
        result.files = int(git_index_entrycount(raw));
        git_index_free(raw);
    }

    // The project's own git repository: read only, never written.
    if (QFileInfo::exists(m_project.root() + QStringLiteral("/.git"))) {
        git_repository *own = nullptr;
        if (git_repository_open_ext(&own, QFile::encodeName(m_project.root()).constData(),
                                    GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr)
            == 0) {
            Git::Repository ownOwner(own);
            git_oid head;
            if (git_reference_name_to_id(&head, own, "HEAD") == 0)
                result.gitCommit = Git::oidString(&head);
            git_status_options opts;
            git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
            opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
            git_status_list *status = nullptr;
            if (git_status_list_new(&status, own, &opts) == 0) {
                // Runbench's own folder is not a change of the user's
                result.gitDirty = 0;
                const size_t n = git_status_list_entrycount(status);
                for (size_t i = 0; i < n && result.gitDirty == 0; ++i) {
                    const git_status_entry *e = git_status_byindex(status, i);
                    const git_diff_delta *d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
                    const QString path = d ? QString::fromUtf8(d->new_file.path) : QString();
                    if (!path.startsWith(QLatin1String(".runbench/")))
                        result.gitDirty = 1;
                }
                git_status_list_free(status);
            }
        }
    }
    return result;
}

QString SnapshotStore::treeId(const QString &commitId)
{
    const Git::Tree tree = Git::treeOfCommit(m_repo, commitId);
    return tree ? Git::oidString(git_tree_id(tree.get())) : QString();
}

QStringList SnapshotStore::restorePoints() const
{
    QStringList names;
    git_reference_iterator *it = nullptr;
    if (!m_repo || git_reference_iterator_glob_new(&it, m_repo, "refs/restore-points/*") != 0)
        return names;
    const char *name = nullptr;
    while (git_reference_next_name(&name, it) == 0)
        names.append(QString::fromUtf8(name));
    git_reference_iterator_free(it);
    names.sort();
    return names;
}

QString SnapshotStore::diff(const QString &fromCommit, const QString &toCommit, const QStringList &paths,
                            QVector<FileDiff> *files)
{
    Git::Tree from = Git::treeOfCommit(m_repo, fromCommit);
    Git::Tree to = Git::treeOfCommit(m_repo, toCommit);
    if (!from || !to) {
        fail(tr("The snapshot %1 is not in the snapshots repository.").arg(from ? toCommit : fromCommit));
        return {};
    }
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    QVector<QByteArray> pathBytes;
    QVector<char *> pathPointers;
    for (const QString &p : paths)
        pathBytes.append(p.toUtf8());
    for (QByteArray &b : pathBytes)
        pathPointers.append(b.data());
    opts.pathspec.strings = pathPointers.data();
    opts.pathspec.count = size_t(pathPointers.size());
    git_diff *raw = nullptr;
    if (git_diff_tree_to_tree(&raw, m_repo, from.get(), to.get(), &opts) != 0) {
        fail(Git::lastError());
        return {};
    }
    Git::Diff d(raw);
    git_diff_find_options find;
    git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
    git_diff_find_similar(raw, &find);
    if (files) {
        files->clear();
        const size_t n = git_diff_num_deltas(raw);
        for (size_t i = 0; i < n; ++i) {
            git_patch *patch = nullptr;
            if (git_patch_from_diff(&patch, raw, i) != 0)
                continue;
            const git_diff_delta *delta = git_patch_get_delta(patch);
            FileDiff f;
            f.path = QString::fromUtf8(delta->new_file.path);
            f.status = QLatin1Char(git_diff_status_char(delta->status));
            f.binary = (delta->flags & GIT_DIFF_FLAG_BINARY) != 0;
            size_t context = 0, adds = 0, dels = 0;
            git_patch_line_stats(&context, &adds, &dels, patch);
            f.additions = int(adds);
            f.deletions = int(dels);
            files->append(f);
            git_patch_free(patch);
        }
    }
    git_buf buf = GIT_BUF_INIT;
    QString text;
    if (git_diff_to_buf(&buf, raw, GIT_DIFF_FORMAT_PATCH) == 0)
        text = QString::fromUtf8(buf.ptr, int(buf.size));
    git_buf_dispose(&buf);
    return text;
}

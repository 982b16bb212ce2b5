#include "runstore.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <cmath>
#include <cstdio>
#include <limits>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("RunStore", text); }

qint64 nowUs() { return QDateTime::currentMSecsSinceEpoch() * 1000; }

// Each entry takes the schema from version N to N + 1. Never edit a shipped
// step: add a new one.
const char *const kMigrations[] = {
    // 1: projects, runs, arguments, metrics and their per-run summaries, artifacts
    R"(
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    root TEXT NOT NULL UNIQUE,
    experiment_id TEXT NOT NULL,
    created_us INTEGER NOT NULL);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    run_id TEXT NOT NULL UNIQUE,
    run_number INTEGER NOT NULL,
    script TEXT NOT NULL,
    status TEXT NOT NULL,
    created_us INTEGER NOT NULL,
    start_us INTEGER NOT NULL DEFAULT 0,
    end_us INTEGER NOT NULL DEFAULT 0,
    exit_code INTEGER NOT NULL DEFAULT -1,
    error TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    hidden INTEGER NOT NULL DEFAULT 0,
    user_name TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT '',
    pid INTEGER NOT NULL DEFAULT 0,
    target TEXT NOT NULL DEFAULT 'local',
    commit_id TEXT NOT NULL DEFAULT '',
    metrics_offset INTEGER NOT NULL DEFAULT 0,
    skipped_lines INTEGER NOT NULL DEFAULT 0,
    last_skip_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (project_id, run_number));
CREATE TABLE run_arguments (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run, position));
CREATE TABLE metric_keys (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE);
CREATE TABLE metrics (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    key INTEGER NOT NULL REFERENCES metric_keys(id),
    step INTEGER NOT NULL,
    num REAL,
    txt TEXT,
    time REAL NOT NULL,
    PRIMARY KEY (run, key, step));
CREATE TABLE run_metrics (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    key INTEGER NOT NULL REFERENCES metric_keys(id),
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    last_num REAL,
    last_txt TEXT,
    min_num REAL,
    max_num REAL,
    sum_num REAL NOT NULL DEFAULT 0,
    finite_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run, key));
CREATE TABLE artifacts (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (run, path));
)",
    // 2: promoted artifacts (provenance of the project's assets/)
    R"(
CREATE TABLE promotions (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    asset_path TEXT NOT NULL,
    artifact_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    time_us INTEGER NOT NULL);
CREATE INDEX promotions_asset ON promotions(asset_path);
CREATE INDEX runs_status ON runs(status);
)",
    // 3: what the snapshot recorded about the project's own git repository,
    // and the files left out of it for their size
    R"(
ALTER TABLE runs ADD COLUMN git_commit TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN git_dirty INTEGER NOT NULL DEFAULT -1;
ALTER TABLE runs ADD COLUMN left_out TEXT NOT NULL DEFAULT '';
)",
    // 4: tags a user gives runs
    R"(
CREATE TABLE run_tags (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (run, tag));
CREATE INDEX run_tags_tag ON run_tags(tag);
)",
    // 5: the process that owns a run (the window or `runbench run`), so that a
    // run whose owner died can be told from one still going
    R"(
ALTER TABLE runs ADD COLUMN owner_pid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN owner_started TEXT NOT NULL DEFAULT '';
)",
    // 6: when the run's process (runbench-launch) started, so that a run still
    // going after its owner died can be re-adopted by its pid
    R"(
ALTER TABLE runs ADD COLUMN pid_started TEXT NOT NULL DEFAULT '';
)",
    // 7: links a script left in ./outputs are recorded with their target,
    // never followed
    R"(
ALTER TABLE artifacts ADD COLUMN link_target TEXT NOT NULL DEFAULT '';
)",
};

QString kindName(MetricKind kind)
{
    switch (kind) {
    case MetricKind::Number: return QStringLiteral("number");
    case MetricKind::Bool: return QStringLiteral("bool");
    case MetricKind::Text: return QStringLiteral("text");
    case MetricKind::List: return QStringLiteral("list");
    }
    return QStringLiteral("number");
}

MetricKind kindFromName(const QString &name)
{
    if (name == QLatin1String("bool"))
        return MetricKind::Bool;
    if (name == QLatin1String("text"))
        return MetricKind::Text;
    if (name == QLatin1String("list"))
        return MetricKind::List;
    return MetricKind::Number;
}

// SQLite stores NaN as NULL: write NULL and read NULL back as NaN.
QVariant numberValue(double v) { return std::isnan(v) ? QVariant() : QVariant(v); }

// Text columns are NOT NULL: a null QString binds as ''.
QVariant textValue(const QString &s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); }

double readNumber(const QVariant &v) { return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble(); }

// Reads "name, kind, count, last_num, last_txt, min_num, max_num, sum_num,
// finite_count" starting at column first.
MetricSummary readSummary(const QSqlQuery &q, int first)
{
    MetricSummary s;
    s.key = q.value(first).toString();
    s.kind = kindFromName(q.value(first + 1).toString());
    s.count = q.value(first + 2).toLongLong();
    s.last = readNumber(q.value(first + 3));
    s.lastText = q.value(first + 4).toString();
    s.min = q.value(first + 5).toDouble();
    s.max = q.value(first + 6).toDouble();
    s.sum = q.value(first + 7).toDouble();
    s.finiteCount = q.value(first + 8).toLongLong();
    return s;
}

void addToSummary(MetricSummary *s, double v)
{
    s->last = v;
    if (std::isfinite(v)) {
        if (s->finiteCount == 0 || v < s->min)
            s->min = v;
        if (s->finiteCount == 0 || v > s->max)
            s->max = v;
        s->sum += v;
        ++s->finiteCount;
    }
}

} // namespace

RunStore::RunStore()
{
    static QAtomicInteger<int> counter;
    m_connectionName = QStringLiteral("runbench-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

RunStore::~RunStore() { close(); }

int RunStore::latestSchemaVersion() { return int(sizeof(kMigrations) / sizeof(kMigrations[0])); }

QString RunStore::processStartTime(qint64 pid)
{
    // field 22 of /proc/<pid>/stat: when the process started, in clock ticks
    // since boot; with the pid it names one process, even after pid reuse
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    const int close = int(text.lastIndexOf(')'));
    if (close < 0)
        return {};
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // A zombie (state Z) has ended; only its reaping is pending.
    if (fields.size() <= 19 || fields.at(0) == "Z")
        return {};
    return QString::fromLatin1(fields.at(19));
}

QVector<RunStore::Owner> RunStore::activeRunOwners()
{
    QVector<Owner> owners;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, host, owner_pid, owner_started, status, pid, pid_started FROM runs "
                             "WHERE project_id = ? AND status IN ('Queued', 'Preparing', 'Running')"));
    q.addBindValue(m_projectId);
    if (exec(q))
        while (q.next())
            owners.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                            q.value(3).toString(), runStatusFromName(q.value(4).toString()), q.value(5).toLongLong(),
                            q.value(6).toString() });
    return owners;
}

bool RunStore::claimRun(const Owner &owner)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET owner_pid = ?, owner_started = ? WHERE id = ? AND owner_pid = ? AND "
                             "owner_started = ? AND status = 'Running'"));
    q.addBindValue(qint64(QCoreApplication::applicationPid()));
    q.addBindValue(textValue(processStartTime(QCoreApplication::applicationPid())));
    q.addBindValue(owner.run);
    q.addBindValue(owner.pid);
    q.addBindValue(textValue(owner.started));
    return exec(q) && q.numRowsAffected() == 1;
}

QString RunStore::sqliteVersion()
{
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("runbench-version"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
                version = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("runbench-version"));
    return version;
}

bool RunStore::fail(const QString &message)
{
    m_lastErrorKind = ErrorKind::Other;
    m_lastError = message;
    return false;
}

bool RunStore::open(const QString &path, int targetVersion)
{
    close();
    m_path = path;
    if (isServerLocation(path))
        return openServer(path, targetVersion);
    m_dialect = Dialect::SQLite;
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    if (!m_db.open())
        return fail(
            tr("Cannot open the run history %1: %2").arg(QDir::toNativeSeparators(path), m_db.lastError().text()));
    // The first statement reads the file: a file that is not a database fails here.
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))) {
            const QSqlError why = q.lastError();
            q.finish();
            close();
            failQuery(why);
            const ErrorKind kind = m_lastErrorKind;
            fail(tr("The run history %1 cannot be read (%2). It may be damaged.")
                     .arg(QDir::toNativeSeparators(path), why.text()));
            m_lastErrorKind = kind;
            return false;
        }
    }
    execSql(QStringLiteral("PRAGMA synchronous=NORMAL"));
    execSql(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (!migrate(targetVersion < 0 ? latestSchemaVersion() : targetVersion)) {
        const QString why = m_lastError;
        const ErrorKind kind = m_lastErrorKind;
        close();
        fail(why);
        m_lastErrorKind = kind;
        return false;
    }
    return true;
}

void RunStore::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_keyIds.clear();
    m_projectId = 0;
}

bool RunStore::isOpen() const { return m_db.isValid() && m_db.isOpen(); }

bool RunStore::isServerLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString RunStore::displayLocation(const QString &location)
{
    if (!isServerLocation(location))
        return QDir::toNativeSeparators(location);
    QUrl url(location);
    url.setPassword(QString()); // never shown
    return url.toString();
}

// postgresql://user@host:port/database, or for a Unix socket
// postgresql://user@/database?host=/socket/folder&port=5432. A password comes
// from the environment (PGPASSWORD) or ~/.pgpass, as libpq reads them.
bool RunStore::openServer(const QString &location, int targetVersion)
{
    m_dialect = Dialect::PostgreSQL;
    const QUrl url(location);
    const QUrlQuery query(url);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(tr("Runbench cannot reach PostgreSQL: the Qt PostgreSQL driver (QPSQL) is not installed."));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    const QString host = url.host().isEmpty() ? query.queryItemValue(QStringLiteral("host")) : url.host();
    const int port = url.port(query.queryItemValue(QStringLiteral("port")).toInt());
    if (!host.isEmpty())
        m_db.setHostName(host);
    if (port > 0)
        m_db.setPort(port);
    if (!url.userName().isEmpty())
        m_db.setUserName(url.userName());
    if (!url.password().isEmpty())
        m_db.setPassword(url.password());
    m_db.setDatabaseName(url.path().mid(1));
    m_db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return fail(tr("Cannot open the run history %1: %2").arg(displayLocation(location), why));
    }
    execSql(QStringLiteral("SET client_min_messages TO warning")); // no notices on stderr
    if (!migrate(targetVersion < 0 ? latestSchemaVersion() : targetVersion)) {
        const QString why = m_lastError;
        close();
        return fail(why);
    }
    return true;
}

QString RunStore::portable(const QString &sql) const
{
    if (m_dialect == Dialect::SQLite)
        return sql;
    // The same schema in PostgreSQL's types: 64-bit integers, row ids from a
    // sequence, double precision floats.
    QString out = sql;
    out.replace(QStringLiteral("INTEGER PRIMARY KEY"), QStringLiteral("BIGSERIAL PRIMARY KEY"));
    out.replace(QRegularExpression(QStringLiteral("\\bINTEGER\\b")), QStringLiteral("BIGINT"));
    out.replace(QRegularExpression(QStringLiteral("\\bREAL\\b")), QStringLiteral("DOUBLE PRECISION"));
    return out;
}

QString RunStore::backupPath(const QString &path) { return path + QStringLiteral(".backup"); }

QVector<RunStore::Backup> RunStore::backups(const QString &path)
{
    const QFileInfo db(path);
    QVector<Backup> found;
    const QFileInfoList files = db.dir().entryInfoList(
        { db.fileName() + QStringLiteral(".backup"), db.fileName() + QStringLiteral(".bak-v*") }, QDir::Files);
    for (const QFileInfo &file : files)
        found.append({ file.absoluteFilePath(), file.lastModified() });
    std::sort(found.begin(), found.end(), [](const Backup &a, const Backup &b) { return a.time > b.time; });
    return found;
}

bool RunStore::writeBackup()
{
    if (m_dialect == Dialect::PostgreSQL)
        return true; // a server's backups are its administrator's
    // A whole, consistent copy (other writers wait or go on in the WAL),
    // renamed over the previous backup only once it is complete.
    const QString backup = backupPath(m_path);
    const QString temp = backup + QStringLiteral(".tmp");
    QFile::remove(temp);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(temp);
    if (!q.exec()) {
        QFile::remove(temp);
        return failQuery(q.lastError());
    }
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(backup).constData()) != 0) {
        QFile::remove(temp);
        return fail(tr("Could not write the backup %1.").arg(QDir::toNativeSeparators(backup)));
    }
    return true;
}

bool RunStore::restoreBackup(const QString &path, const QString &backup, QString *keptAs, QString *error)
{
    // The damaged file (and its WAL) is kept next to it, never deleted.
    const QString damaged
        = path + QStringLiteral(".damaged-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, damaged + suffix)) {
            *error = tr("Could not move the damaged run history %1 aside.").arg(QDir::toNativeSeparators(path));
            return false;
        }
    }
    if (!QFile::copy(backup, path)) {
        *error = tr("Could not copy the backup %1 to %2.")
                     .arg(QDir::toNativeSeparators(backup), QDir::toNativeSeparators(path));
        return false;
    }
    QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                               | QFileDevice::ReadOther);
    *keptAs = damaged;
    return true;
}

bool RunStore::failQuery(const QSqlError &error)
{
    // SQLite's primary result codes: 10 I/O error (a write refused with EFBIG
    // or ENOSPC arrives as one), 13 database or disk is full, 11 corrupt,
    // 26 not a database.
    // On PostgreSQL, SQLSTATE class 53 is a lack of resources (53100: disk
    // full) and XX001/XX002 are damaged data or index.
    const QString state = error.nativeErrorCode();
    const int code = m_dialect == Dialect::SQLite ? state.toInt() & 0xff : 0;
    const ErrorKind kind
        = code == 10 || code == 13 || (m_dialect == Dialect::PostgreSQL && state.startsWith(QLatin1String("53")))
        ? ErrorKind::Storage
        : code == 11 || code == 26 || state == QLatin1String("XX001") || state == QLatin1String("XX002")
        ? ErrorKind::Corrupt
        : ErrorKind::Other;
    if (kind == ErrorKind::Storage)
        fail(tr("The run history %1 could not be written: the disk may be full or a file size limit was "
                "reached (%2).")
                 .arg(displayLocation(m_path), error.text()));
    else if (kind == ErrorKind::Corrupt)
        fail(tr("The run history %1 is damaged (%2).").arg(displayLocation(m_path), error.text()));
    else
        fail(tr("The run history could not be updated: %1").arg(error.text()));
    m_lastErrorKind = kind;
    return false;
}

bool RunStore::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    return failQuery(query.lastError());
}

bool RunStore::execSql(const QString &sql)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    return failQuery(q.lastError());
}

// BEGIN IMMEDIATE takes the write lock up front, so two writers wait for each
// other (busy timeout) instead of failing when a read turns into a write.
//
// On PostgreSQL one transaction-scoped advisory lock plays that part: run
// numbers are allocated under it, so they stay unique and dense across
// machines.
bool RunStore::begin()
{
    if (m_dialect == Dialect::SQLite)
        return execSql(QStringLiteral("BEGIN IMMEDIATE"));
    if (!execSql(QStringLiteral("BEGIN")))
        return false;
    if (!execSql(QStringLiteral("SELECT pg_advisory_xact_lock(7262431)"))) {
        rollback();
        return false;
    }
    return true;
}
bool RunStore::commit() { return execSql(QStringLiteral("COMMIT")); }
void RunStore::rollback()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

int RunStore::schemaVersion()
{
    QSqlQuery q(m_db);
    if (m_dialect == Dialect::PostgreSQL) {
        // PostgreSQL has no user_version: a one-row table keeps it.
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")))
            return -1;
        if (q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next())
            return q.value(0).toInt();
        return q.isActive() ? 0 : -1;
    }
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool RunStore::setSchemaVersion(int version)
{
    if (m_dialect == Dialect::SQLite)
        return execSql(QStringLiteral("PRAGMA user_version=%1").arg(version));
    return execSql(QStringLiteral("DELETE FROM schema_version"))
        && execSql(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(version));
}

bool RunStore::migrate(int targetVersion)
{
    const int current = schemaVersion();
    if (current < 0)
        return fail(tr("The run history %1 cannot be read: %2").arg(displayLocation(m_path), m_lastError));
    if (current > latestSchemaVersion())
        return fail(tr("The run history %1 was written by a newer Runbench (schema %2; this "
                       "version reads up to %3). Update Runbench to open it.")
                        .arg(displayLocation(m_path))
                        .arg(current)
                        .arg(latestSchemaVersion()));
    if (current >= targetVersion)
        return true;
    if (current > 0 && m_dialect == Dialect::SQLite) {
        // Keep a copy of the history as it was before changing its schema
        // (a server's backups are its administrator's).
        const QString backup = m_path + QStringLiteral(".bak-v%1").arg(current);
        QFile::remove(backup);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(backup);
        if (!q.exec())
            return fail(tr("Could not copy the run history to %1 before upgrading it: %2")
                            .arg(QDir::toNativeSeparators(backup), q.lastError().text()));
    }
    if (!begin())
        return false;
    // Another process may have migrated while we waited for the lock.
    for (int v = schemaVersion(); v < targetVersion; ++v) {
        const QStringList statements = QString::fromUtf8(kMigrations[v]).split(QLatin1Char(';'));
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!execSql(portable(statement))) {
                const QString why = m_lastError;
                rollback();
                return fail(tr("Upgrading the run history to schema %1 failed: %2").arg(v + 1).arg(why));
            }
        }
        if (!setSchemaVersion(v + 1)) {
            rollback();
            return false;
        }
    }
    return commit();
}

bool RunStore::useProject(const QString &name, const QString &root)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, experiment_id FROM projects WHERE root = ?"));
    q.addBindValue(root);
    if (!exec(q))
        return false;
    if (!q.next()) {
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO projects (name, root, experiment_id, created_us) "
                                      "VALUES (?, ?, ?, ?) ON CONFLICT (root) DO NOTHING"));
        insert.addBindValue(textValue(name));
        insert.addBindValue(root);
        insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        insert.addBindValue(nowUs());
        if (!exec(insert))
            return false;
        q.prepare(QStringLiteral("SELECT id, experiment_id FROM projects WHERE root = ?"));
        q.addBindValue(root);
        if (!exec(q) || !q.next())
            return fail(tr("The project could not be recorded in the run history."));
    }
    m_projectId = q.value(0).toLongLong();
    m_experimentId = q.value(1).toString();
    return true;
}

std::optional<RunRecord> RunStore::createRun(const QString &runIdPrefix, const QString &script,
                                             const QStringList &arguments, const QString &user, const QString &host)
{
    if (m_projectId == 0) {
        fail(tr("No project is selected in the run history."));
        return std::nullopt;
    }
    if (!begin())
        return std::nullopt;
    const qint64 created = nowUs();
    // Run ids are "<project>_<milliseconds>"; bump the time on a collision.
    qint64 ms = created / 1000;
    QString runId;
    for (;;) {
        runId = runIdPrefix + QLatin1Char('_') + QString::number(ms);
        QSqlQuery exists(m_db);
        exists.prepare(QStringLiteral("SELECT 1 FROM runs WHERE run_id = ?"));
        exists.addBindValue(textValue(runId));
        if (!exec(exists)) {
            rollback();
            return std::nullopt;
        }
        if (!exists.next())
            break;
        ++ms;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO runs (project_id, run_id, run_number, script, status, created_us, user_name, host, "
        "owner_pid, owner_started) "
        "SELECT ?, ?, COALESCE(MAX(run_number), 0) + 1, ?, ?, ?, ?, ?, ?, ? FROM runs WHERE project_id = ? "
        "RETURNING id"));
    q.addBindValue(m_projectId);
    q.addBindValue(textValue(runId));
    q.addBindValue(textValue(script));
    q.addBindValue(runStatusName(RunStatus::Queued));
    q.addBindValue(created);
    q.addBindValue(textValue(user));
    q.addBindValue(textValue(host));
    q.addBindValue(qint64(QCoreApplication::applicationPid()));
    q.addBindValue(textValue(processStartTime(QCoreApplication::applicationPid())));
    q.addBindValue(m_projectId);
    if (!exec(q)) {
        rollback();
        return std::nullopt;
    }
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    QSqlQuery arg(m_db);
    arg.prepare(QStringLiteral("INSERT INTO run_arguments (run, position, value) VALUES (?, ?, ?)"));
    for (int i = 0; i < arguments.size(); ++i) {
        arg.bindValue(0, id);
        arg.bindValue(1, i);
        arg.bindValue(2, textValue(arguments.at(i)));
        if (!exec(arg)) {
            rollback();
            return std::nullopt;
        }
    }
    if (!commit()) {
        rollback();
        return std::nullopt;
    }
    return run(id);
}

bool RunStore::setRunStatus(qint64 run, RunStatus status)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET status = ? WHERE id = ?"));
    q.addBindValue(runStatusName(status));
    q.addBindValue(run);
    return exec(q);
}

bool RunStore::setRunStarted(qint64 run, qint64 pid, qint64 startUs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, pid = ?, pid_started = ?, start_us = ? WHERE id = ?"));
    q.addBindValue(runStatusName(RunStatus::Running));
    q.addBindValue(pid);
    q.addBindValue(textValue(processStartTime(pid)));
    q.addBindValue(startUs);
    q.addBindValue(run);
    return exec(q);
}

bool RunStore::setRunSnapshot(qint64 run, const QString &commitId, const QString &gitCommit, int gitDirty,
                              const QStringList &leftOut)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE runs SET commit_id = ?, git_commit = ?, git_dirty = ?, left_out = ? WHERE id = ?"));
    q.addBindValue(textValue(commitId));
    q.addBindValue(textValue(gitCommit));
    q.addBindValue(gitDirty);
    q.addBindValue(textValue(leftOut.join(QLatin1Char('\n'))));
    q.addBindValue(run);
    return exec(q);
}

bool RunStore::setRunFinished(qint64 run, RunStatus status, int exitCode, qint64 endUs, const QString &error,
                              qint64 startUs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, exit_code = ?, end_us = ?, error = ?, "
                             "start_us = CASE WHEN start_us = 0 THEN ? ELSE start_us END WHERE id = ?"));
    q.addBindValue(runStatusName(status));
    q.addBindValue(exitCode);
    q.addBindValue(endUs);
    q.addBindValue(textValue(error));
    q.addBindValue(startUs);
    q.addBindValue(run);
    return exec(q);
}

bool RunStore::setRunInfo(qint64 run, const QString &name, const QString &description, bool hidden)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET name = ?, description = ?, hidden = ? WHERE id = ?"));
    q.addBindValue(textValue(name));
    q.addBindValue(textValue(description));
    q.addBindValue(hidden ? 1 : 0);
    q.addBindValue(run);
    return exec(q);
}

namespace {
const auto kRunColumns = QStringLiteral(
    "r.id, r.run_id, r.run_number, p.experiment_id, r.script, r.status, r.created_us, r.start_us, "
    "r.end_us, r.exit_code, r.error, r.name, r.description, r.hidden, r.user_name, r.host, r.pid, "
    "r.target, r.commit_id, r.metrics_offset, r.skipped_lines, r.last_skip_reason, r.git_commit, r.git_dirty, "
    "r.left_out "
    "FROM runs r JOIN projects p ON p.id = r.project_id ");
}

RunRecord RunStore::readRun(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toLongLong();
    r.runId = q.value(1).toString();
    r.number = q.value(2).toInt();
    r.experimentId = q.value(3).toString();
    r.script = q.value(4).toString();
    r.status = runStatusFromName(q.value(5).toString());
    r.createdUs = q.value(6).toLongLong();
    r.startUs = q.value(7).toLongLong();
    r.endUs = q.value(8).toLongLong();
    r.exitCode = q.value(9).toInt();
    r.error = q.value(10).toString();
    r.name = q.value(11).toString();
    r.description = q.value(12).toString();
    r.hidden = q.value(13).toInt() != 0;
    r.user = q.value(14).toString();
    r.host = q.value(15).toString();
    r.pid = q.value(16).toLongLong();
    r.target = q.value(17).toString();
    r.commitId = q.value(18).toString();
    r.metricsOffset = q.value(19).toLongLong();
    r.skippedLines = q.value(20).toInt();
    r.lastSkipReason = q.value(21).toString();
    r.gitCommit = q.value(22).toString();
    r.gitDirty = q.value(23).toInt();
    r.leftOut = q.value(24).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return r;
}

QStringList RunStore::readArguments(qint64 run)
{
    QStringList args;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT value FROM run_arguments WHERE run = ? ORDER BY position"));
    q.addBindValue(run);
    if (exec(q))
        while (q.next())
            args.append(q.value(0).toString());
    return args;
}

QStringList RunStore::readTags(qint64 run)
{
    QStringList tags;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT tag FROM run_tags WHERE run = ? ORDER BY tag"));
    q.addBindValue(run);
    if (exec(q))
        while (q.next())
            tags.append(q.value(0).toString());
    return tags;
}

bool RunStore::replaceRunRows(qint64 run, const QString &table, const QString &insert, int count,
                              const std::function<void(QSqlQuery &, int)> &bind)
{
    if (!begin())
        return false;
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE run = ?"));
    del.addBindValue(run);
    bool ok = exec(del);
    QSqlQuery q(m_db);
    q.prepare(insert);
    for (int i = 0; ok && i < count; ++i) {
        q.bindValue(0, run);
        bind(q, i);
        ok = exec(q);
    }
    if (!ok || !commit()) {
        rollback();
        return false;
    }
    return true;
}

bool RunStore::setTags(qint64 run, const QStringList &tags)
{
    QStringList clean;
    for (const QString &tag : tags)
        if (!tag.trimmed().isEmpty() && !clean.contains(tag.trimmed()))
            clean.append(tag.trimmed());
    return replaceRunRows(run, QStringLiteral("run_tags"),
                          QStringLiteral("INSERT INTO run_tags (run, tag) VALUES (?, ?)"), int(clean.size()),
                          [&clean](QSqlQuery &q, int i) { q.bindValue(1, clean.at(i)); });
}

void RunStore::readListsBetween(QVector<RunRecord> *runs, qint64 firstId, qint64 lastId)
{
    QHash<qint64, int> index;
    for (int i = 0; i < runs->size(); ++i)
        index.insert(runs->at(i).id, i);
    struct List
    {
        const char *sql;
        QStringList RunRecord::*member;
    };
    const List lists[] = {
        { "SELECT run, value FROM run_arguments WHERE run BETWEEN ? AND ? ORDER BY run, position",
          &RunRecord::arguments },
        { "SELECT run, tag FROM run_tags WHERE run BETWEEN ? AND ? ORDER BY run, tag", &RunRecord::tags },
    };
    for (const List &list : lists) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QLatin1String(list.sql));
        q.addBindValue(firstId);
        q.addBindValue(lastId);
        if (!exec(q))
            continue;
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toLongLong());
            if (it != index.constEnd())
                ((*runs)[it.value()].*list.member).append(q.value(1).toString());
        }
    }
}

std::optional<RunRecord> RunStore::run(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral("WHERE r.id = ?"));
    q.addBindValue(id);
    if (!exec(q) || !q.next())
        return std::nullopt;
    RunRecord r = readRun(q);
    r.arguments = readArguments(r.id);
    r.tags = readTags(r.id);
    return r;
}

std::optional<RunRecord> RunStore::findRun(const QString &idOrNumber)
{
    QSqlQuery q(m_db);
    bool isNumber = false;
    const int number = idOrNumber.toInt(&isNumber);
    if (idOrNumber == QLatin1String("last")) {
        q.prepare(QStringLiteral("SELECT ") + kRunColumns
                  + QStringLiteral("WHERE r.project_id = ? ORDER BY r.run_number DESC LIMIT 1"));
        q.addBindValue(m_projectId);
    } else if (isNumber) {
        q.prepare(QStringLiteral("SELECT ") + kRunColumns
                  + QStringLiteral("WHERE r.project_id = ? AND r.run_number = ?"));
        q.addBindValue(m_projectId);
        q.addBindValue(number);
    } else {
        q.prepare(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral("WHERE r.run_id = ?"));
        q.addBindValue(idOrNumber);
    }
    if (!exec(q) || !q.next())
        return std::nullopt;
    RunRecord r = readRun(q);
    r.arguments = readArguments(r.id);
    r.tags = readTags(r.id);
    return r;
}

QVector<RunRecord> RunStore::runs()
{
    QVector<RunRecord> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kRunColumns
              + QStringLiteral("WHERE r.project_id = ? ORDER BY r.run_number DESC"));
    q.addBindValue(m_projectId);
    if (!exec(q))
        return result;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    while (q.next()) {
        result.append(readRun(q));
        first = qMin(first, result.last().id);
        last = qMax(last, result.last().id);
    }
    if (!result.isEmpty())
        readListsBetween(&result, first, last);
    return result;
}

QVector<RunRecord> RunStore::runsAfter(qint64 afterId, const QVector<qint64> &ids)
{
    QVector<RunRecord> result;
    QStringList placeholders;
    for (int i = 0; i < ids.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral("WHERE r.project_id = ? AND (r.id > ?")
              + (ids.isEmpty()
                     ? QString()
                     : QStringLiteral(" OR r.id IN (") + placeholders.join(QLatin1Char(',')) + QLatin1Char(')'))
              + QStringLiteral(") ORDER BY r.id"));
    q.addBindValue(m_projectId);
    q.addBindValue(afterId);
    for (qint64 id : ids)
        q.addBindValue(id);
    if (!exec(q))
        return result;
    while (q.next())
        result.append(readRun(q));
    for (RunRecord &r : result) {
        r.arguments = readArguments(r.id);
        r.tags = readTags(r.id);
    }
    return result;
}

QVector<RunRecord> RunStore::runsPage(qint64 afterId, int limit)
{
    QVector<RunRecord> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kRunColumns
              + QStringLiteral("WHERE r.project_id = ? AND r.id > ? ORDER BY r.id LIMIT ?"));
    q.addBindValue(m_projectId);
    q.addBindValue(afterId);
    q.addBindValue(limit);
    if (!exec(q))
        return result;
    while (q.next())
        result.append(readRun(q));
    if (result.isEmpty())
        return result;
    readListsBetween(&result, result.first().id, result.last().id);
    return result;
}

QHash<qint64, QVector<MetricSummary>> RunStore::summariesBetween(qint64 firstId, qint64 lastId)
{
    QHash<qint64, QVector<MetricSummary>> result;
    // key names through a small map: one string per name, not one per row
    QHash<qint64, QString> names;
    {
        QSqlQuery k(m_db);
        if (k.exec(QStringLiteral("SELECT id, name FROM metric_keys")))
            while (k.next())
                names.insert(k.value(0).toLongLong(), k.value(1).toString());
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT run, key, kind, count, last_num, last_txt, min_num, max_num, sum_num, finite_count "
                       "FROM run_metrics WHERE run BETWEEN ? AND ?"));
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    if (!exec(q))
        return result;
    while (q.next()) {
        MetricSummary s;
        s.key = names.value(q.value(1).toLongLong());
        s.kind = kindFromName(q.value(2).toString());
        s.count = q.value(3).toLongLong();
        s.last = readNumber(q.value(4));
        s.lastText = q.value(5).toString();
        s.min = q.value(6).toDouble();
        s.max = q.value(7).toDouble();
        s.sum = q.value(8).toDouble();
        s.finiteCount = q.value(9).toLongLong();
        result[q.value(0).toLongLong()].append(s);
    }
    return result;
}

qint64 RunStore::dataVersion()
{
    QSqlQuery q(m_db);
    if (m_dialect == Dialect::PostgreSQL)
        // Rows written by anyone, as the server's statistics count them (they
        // follow commits within about a second).
        return q.exec(QStringLiteral("SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM "
                                     "pg_stat_all_tables WHERE schemaname = current_schema()"))
                && q.next()
            ? q.value(0).toLongLong()
            : -1;
    return q.exec(QStringLiteral("PRAGMA data_version")) && q.next() ? q.value(0).toLongLong() : -1;
}

QHash<qint64, QVector<MetricSummary>> RunStore::summariesOf(const QVector<qint64> &runs)
{
    QHash<qint64, QVector<MetricSummary>> result;
    for (qint64 run : runs) {
        const auto s = summaries(run);
        QVector<MetricSummary> list;
        for (const MetricSummary &m : s)
            list.append(m);
        result.insert(run, list);
    }
    return result;
}

QVector<qint64> RunStore::runsWithStatus(RunStatus status)
{
    QVector<qint64> ids;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM runs WHERE project_id = ? AND status = ?"));
    q.addBindValue(m_projectId);
    q.addBindValue(runStatusName(status));
    if (exec(q))
        while (q.next())
            ids.append(q.value(0).toLongLong());
    return ids;
}

qint64 RunStore::keyId(const QString &name)
{
    const auto it = m_keyIds.constFind(name);
    if (it != m_keyIds.constEnd())
        return it.value();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO metric_keys (name) VALUES (?) ON CONFLICT (name) DO NOTHING"));
    insert.addBindValue(textValue(name));
    if (!exec(insert))
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM metric_keys WHERE name = ?"));
    q.addBindValue(textValue(name));
    if (!exec(q) || !q.next())
        return 0;
    const qint64 id = q.value(0).toLongLong();
    m_keyIds.insert(name, id);
    return id;
}

bool RunStore::appendMetrics(qint64 run, const QVector<MetricRecord> &records, QHash<QString, MetricSummary> *summaries,
                             qint64 newOffset, int skippedLines, const QString &lastSkipReason)
{
    if (!begin())
        return false;
    QHash<QString, MetricSummary> updated = *summaries;
    QSet<QString> touched;
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO metrics (run, key, step, num, txt, time) VALUES (?, ?, ?, ?, ?, ?)"));
    const double now = double(nowUs()) / 1e6;
    const QVariant nullText; // binds NULL
    bool ok = true;
    for (const MetricRecord &record : records) {
        const qint64 key = keyId(record.name);
        if (key == 0) {
            ok = false;
            break;
        }
        MetricSummary &s = updated[record.name];
        if (s.count == 0) {
            s.key = record.name;
            s.kind = record.kind;
        } else if (s.kind != record.kind && s.kind != MetricKind::Text) {
            // A name logged with mixed kinds: a list stays a list, a scalar
            // logged again is a series; a text anywhere makes it text.
            if (record.kind == MetricKind::Text)
                s.kind = MetricKind::Text;
            else if (record.kind == MetricKind::List)
                s.kind = MetricKind::List;
        }
        touched.insert(record.name);
        const double time = record.time > 0 ? record.time : now;
        auto addPoint = [&](double num, const QString &text) {
            insert.bindValue(0, run);
            insert.bindValue(1, key);
            insert.bindValue(2, s.count);
            insert.bindValue(3, numberValue(num));
            insert.bindValue(4, text.isNull() ? nullText : QVariant(text));
            insert.bindValue(5, time);
            ++s.count;
            return exec(insert);
        };
        if (record.kind == MetricKind::Text) {
            s.lastText = record.text;
            s.last = std::numeric_limits<double>::quiet_NaN();
            ok = addPoint(std::numeric_limits<double>::quiet_NaN(), record.text);
        } else {
            for (double v : record.numbers) {
                addToSummary(&s, v);
                ok = addPoint(v, std::isnan(v) ? QStringLiteral("NaN") : QString());
                if (!ok)
                    break;
            }
        }
        if (!ok)
            break;
    }
    if (ok) {
        QSqlQuery upsert(m_db);
        upsert.prepare(
            QStringLiteral("INSERT INTO run_metrics (run, key, kind, count, last_num, last_txt, min_num, max_num, "
                           "sum_num, finite_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (run, key) DO UPDATE SET kind = excluded.kind, count = excluded.count, "
                           "last_num = excluded.last_num, last_txt = excluded.last_txt, min_num = excluded.min_num, "
                           "max_num = excluded.max_num, sum_num = excluded.sum_num, "
                           "finite_count = excluded.finite_count"));
        for (const QString &name : qAsConst(touched)) {
            const MetricSummary &s = updated[name];
            upsert.bindValue(0, run);
            upsert.bindValue(1, keyId(name));
            upsert.bindValue(2, kindName(s.kind));
            upsert.bindValue(3, s.count);
            upsert.bindValue(4, numberValue(s.last));
            upsert.bindValue(5, s.kind == MetricKind::Text ? QVariant(s.lastText) : nullText);
            upsert.bindValue(6, s.finiteCount ? QVariant(s.min) : QVariant());
            upsert.bindValue(7, s.finiteCount ? QVariant(s.max) : QVariant());
            upsert.bindValue(8, s.sum);
            upsert.bindValue(9, s.finiteCount);
            if (!(ok = exec(upsert)))
                break;
        }
    }
    if (ok) {
        QSqlQuery offset(m_db);
        offset.prepare(
            QStringLiteral("UPDATE runs SET metrics_offset = ?, skipped_lines = skipped_lines + ?, "
                           "last_skip_reason = CASE WHEN ? = '' THEN last_skip_reason ELSE ? END WHERE id = ?"));
        offset.addBindValue(newOffset);
        offset.addBindValue(skippedLines);
        offset.addBindValue(textValue(lastSkipReason));
        offset.addBindValue(textValue(lastSkipReason));
        offset.addBindValue(run);
        ok = exec(offset);
    }
    if (!ok || !commit()) {
        const QString why = m_lastError;
        rollback();
        m_keyIds.clear(); // ids inserted in the rolled back transaction are gone
        return fail(why);
    }
    *summaries = updated;
    return true;
}

QHash<QString, MetricSummary> RunStore::summaries(qint64 run)
{
    QHash<QString, MetricSummary> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT k.name, m.kind, m.count, m.last_num, m.last_txt, m.min_num, m.max_num, m.sum_num, "
                             "m.finite_count FROM run_metrics m JOIN metric_keys k ON k.id = m.key WHERE m.run = ?"));
    q.addBindValue(run);
    if (!exec(q))
        return result;
    while (q.next()) {
        const MetricSummary s = readSummary(q, 0);
        result.insert(s.key, s);
    }
    return result;
}

QHash<qint64, QVector<MetricSummary>> RunStore::allSummaries()
{
    QHash<qint64, QVector<MetricSummary>> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.run, k.name, m.kind, m.count, m.last_num, m.last_txt, m.min_num, m.max_num, "
                             "m.sum_num, m.finite_count FROM run_metrics m JOIN metric_keys k ON k.id = m.key "
                             "JOIN runs r ON r.id = m.run WHERE r.project_id = ?"));
    q.addBindValue(m_projectId);
    if (!exec(q))
        return result;
    while (q.next())
        result[q.value(0).toLongLong()].append(readSummary(q, 1));
    return result;
}

QVector<MetricPoint> RunStore::series(qint64 run, const QString &key)
{
    QVector<MetricPoint> points;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.step, m.num, m.txt, m.time FROM metrics m "
                             "JOIN metric_keys k ON k.id = m.key WHERE m.run = ? AND k.name = ? "
                             "ORDER BY m.step"));
    q.addBindValue(run);
    q.addBindValue(key);
    if (!exec(q))
        return points;
    while (q.next()) {
        MetricPoint p;
        p.step = q.value(0).toLongLong();
        p.value = readNumber(q.value(1));
        p.text = q.value(2).toString();
        p.time = q.value(3).toDouble();
        points.append(p);
    }
    return points;
}

QStringList RunStore::metricKeys()
{
    QStringList keys;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT k.name FROM metric_keys k JOIN run_metrics m ON m.key = k.id "
                             "JOIN runs r ON r.id = m.run WHERE r.project_id = ? ORDER BY k.name"));
    q.addBindValue(m_projectId);
    if (exec(q))
        while (q.next())
            keys.append(q.value(0).toString());
    return keys;
}

bool RunStore::setArtifacts(qint64 run, const QVector<ArtifactRecord> &artifacts)
{
    return replaceRunRows(run, QStringLiteral("artifacts"),
                          QStringLiteral("INSERT INTO artifacts (run, path, size, sha256, link_target) "
                                         "VALUES (?, ?, ?, ?, ?)"),
                          int(artifacts.size()), [&artifacts](QSqlQuery &q, int i) {
                              q.bindValue(1, artifacts.at(i).path);
                              q.bindValue(2, artifacts.at(i).size);
                              q.bindValue(3, textValue(artifacts.at(i).sha256));
                              q.bindValue(4, textValue(artifacts.at(i).linkTarget));
                          });
}

QVector<ArtifactRecord> RunStore::artifacts(qint64 run)
{
    QVector<ArtifactRecord> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT path, size, sha256, link_target FROM artifacts WHERE run = ? ORDER BY path"));
    q.addBindValue(run);
    if (exec(q))
        while (q.next())
            result.append({ q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                            q.value(3).toString() });
    return result;
}

bool RunStore::addPromotion(qint64 run, const PromotionRecord &p)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO promotions (run, asset_path, artifact_path, sha256, time_us) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(run);
    q.addBindValue(p.assetPath);
    q.addBindValue(p.artifactPath);
    q.addBindValue(p.sha256);
    q.addBindValue(p.timeUs);
    return exec(q);
}

QVector<PromotionRecord> RunStore::promotions(qint64 run)
{
    QVector<PromotionRecord> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT asset_path, artifact_path, sha256, time_us FROM promotions "
                             "WHERE run = ? ORDER BY time_us"));
    q.addBindValue(run);
    if (exec(q))
        while (q.next())
            result.append(
                { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong() });
    return result;
}

namespace {

// What a history export copies, table by table: the columns of each run's
// rows (the run column and metric keys are mapped to the destination's ids).
struct CopiedTable
{
    const char *table;
    const char *columns; // without the run column
    bool keyed; // has a metric "key" column, copied by name
};

const CopiedTable kExportedRunColumns {
    "runs",
    "run_id, run_number, script, status, created_us, start_us, end_us, exit_code, "
    "error, name, description, hidden, user_name, host, pid, target, commit_id, "
    "metrics_offset, skipped_lines, last_skip_reason, git_commit, git_dirty, left_out, "
    "owner_pid, owner_started, pid_started",
    false
};
const CopiedTable kRunRows[] = {
    { "run_arguments", "position, value", false },
    { "metrics", "step, num, txt, time", true },
    { "run_metrics", "kind, count, last_num, last_txt, min_num, max_num, sum_num, finite_count", true },
    { "artifacts", "path, size, sha256, link_target", false },
    { "promotions", "asset_path, artifact_path, sha256, time_us", false },
    { "run_tags", "tag", false },
};

QString placeholders(int n)
{
    QStringList marks;
    for (int i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

} // namespace

QHash<QString, qint64> RunStore::projectRowCounts()
{
    QHash<QString, qint64> counts;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM runs WHERE project_id = ?"));
    q.addBindValue(m_projectId);
    if (exec(q) && q.next())
        counts.insert(QStringLiteral("runs"), q.value(0).toLongLong());
    for (const CopiedTable &t : kRunRows) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE run IN (SELECT id FROM runs WHERE project_id = ?)")
                      .arg(QLatin1String(t.table)));
        q.addBindValue(m_projectId);
        if (exec(q) && q.next())
            counts.insert(QLatin1String(t.table), q.value(0).toLongLong());
    }
    return counts;
}

bool RunStore::exportProject(RunStore *dest, const std::function<void(int, int)> &progress)
{
    const QHash<QString, qint64> before = dest->projectRowCounts();
    if (before.value(QStringLiteral("runs")) > 0)
        return fail(tr("%1 already has runs of this project; a history is exported only into one without them.")
                        .arg(displayLocation(dest->path())));
    QVector<qint64> ids;
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT id FROM runs WHERE project_id = ? ORDER BY id"));
        q.addBindValue(m_projectId);
        if (!exec(q))
            return false;
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    const QString runColumns = QLatin1String(kExportedRunColumns.columns);
    const int runColumnCount = int(runColumns.count(QLatin1Char(',')) + 1);
    for (int i = 0; i < ids.size(); ++i) {
        const qint64 id = ids.at(i);
        QSqlQuery src(m_db);
        src.prepare(QStringLiteral("SELECT %1 FROM runs WHERE id = ?").arg(runColumns));
        src.addBindValue(id);
        if (!exec(src) || !src.next())
            return false;
        if (!dest->begin())
            return fail(dest->lastError());
        QSqlQuery insert(dest->m_db);
        insert.prepare(QStringLiteral("INSERT INTO runs (project_id, %1) VALUES (?, %2) RETURNING id")
                           .arg(runColumns, placeholders(runColumnCount)));
        insert.addBindValue(dest->m_projectId);
        for (int c = 0; c < runColumnCount; ++c)
            insert.addBindValue(src.value(c));
        if (!dest->exec(insert) || !insert.next()) {
            dest->rollback();
            return fail(dest->lastError());
        }
        const qint64 newId = insert.value(0).toLongLong();
        insert.finish();
        for (const CopiedTable &t : kRunRows) {
            const QString columns = QLatin1String(t.columns);
            const int count = int(columns.count(QLatin1Char(',')) + 1);
            QSqlQuery rows(m_db);
            rows.setForwardOnly(true);
            rows.prepare(t.keyed
                             ? QStringLiteral("SELECT k.name, %1 FROM %2 JOIN metric_keys k ON k.id = %2.key "
                                              "WHERE %2.run = ?")
                                   .arg(columns, QLatin1String(t.table))
                             : QStringLiteral("SELECT %1 FROM %2 WHERE run = ?").arg(columns, QLatin1String(t.table)));
            rows.addBindValue(id);
            if (!exec(rows)) {
                dest->rollback();
                return false;
            }
            QSqlQuery put(dest->m_db);
            put.prepare(QStringLiteral("INSERT INTO %1 (run, %2%3) VALUES (?, %4)")
                            .arg(QLatin1String(t.table), t.keyed ? QStringLiteral("key, ") : QString(), columns,
                                 placeholders(count + (t.keyed ? 1 : 0))));
            while (rows.next()) {
                put.addBindValue(newId);
                int first = 0;
                if (t.keyed) {
                    const qint64 key = dest->keyId(rows.value(0).toString());
                    if (key == 0) {
                        dest->rollback();
                        return fail(dest->lastError());
                    }
                    put.addBindValue(key);
                    first = 1;
                }
                for (int c = 0; c < count; ++c)
                    put.addBindValue(rows.value(first + c));
                if (!dest->exec(put)) {
                    dest->rollback();
                    return fail(dest->lastError());
                }
            }
        }
        if (!dest->commit()) {
            dest->rollback();
            return fail(dest->lastError());
        }
        if (progress)
            progress(i + 1, int(ids.size()));
    }
    // Verified: every table holds as many of the project's rows on both sides.
    const QHash<QString, qint64> here = projectRowCounts();
    const QHash<QString, qint64> there = dest->projectRowCounts();
    for (auto it = here.cbegin(); it != here.cend(); ++it)
        if (there.value(it.key(), -1) != it.value())
            return fail(tr("The export is incomplete: %1 has %2 rows of %3 here and %4 there.")
                            .arg(displayLocation(dest->path()), QString::number(it.value()), it.key(),
                                 QString::number(there.value(it.key(), -1))));
    return true;
}

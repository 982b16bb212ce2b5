// The run history's schema: the migrations that build it, step by step, on
// SQLite and (translated to its types) on PostgreSQL.
#include "storeconnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("StoreConnection", text); }

// One step: its SQL (in SQLite's words, translated for PostgreSQL by
// portable()), or a PostgreSQL version of its own where the two differ.
struct Migration
{
    const char *sql;
    const char *postgresql = nullptr;
};

// SQLite checks foreign keys while a step rebuilds a table others refer to,
// unless they are off; the pragma only takes effect outside a transaction.
class ForeignKeysOff
{
public:
    ForeignKeysOff(const QSqlDatabase &db, bool sqlite)
        : m_db(db)
        , m_sqlite(sqlite)
    {
        if (m_sqlite)
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
    }
    ~ForeignKeysOff()
    {
        if (m_sqlite)
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    QSqlDatabase m_db;
    bool m_sqlite;
};

// Each entry takes the schema from version N to N + 1. Never edit a shipped
// step: add a new one.
const Migration kMigrations[] = {
    // 1: projects, runs, arguments, metrics and their per-run summaries, artifacts
    { R"(
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
)" },
    // 2: promoted artifacts (provenance of the project's assets/)
    { R"(
CREATE TABLE promotions (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    asset_path TEXT NOT NULL,
    artifact_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    time_us INTEGER NOT NULL);
CREATE INDEX promotions_asset ON promotions(asset_path);
CREATE INDEX runs_status ON runs(status);
)" },
    // 3: what the snapshot recorded about the project's own git repository,
    // and the files left out of it for their size
    { R"(
ALTER TABLE runs ADD COLUMN git_commit TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN git_dirty INTEGER NOT NULL DEFAULT -1;
ALTER TABLE runs ADD COLUMN left_out TEXT NOT NULL DEFAULT '';
)" },
    // 4: tags a user gives runs
    { R"(
CREATE TABLE run_tags (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (run, tag));
CREATE INDEX run_tags_tag ON run_tags(tag);
)" },
    // 5: the process that owns a run (the window or `runbench run`), so that a
    // run whose owner died can be told from one still going
    { R"(
ALTER TABLE runs ADD COLUMN owner_pid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN owner_started TEXT NOT NULL DEFAULT '';
)" },
    // 6: when the run's process (runbench-launch) started, so that a run still
    // going after its owner died can be re-adopted by its pid
    { R"(
ALTER TABLE runs ADD COLUMN pid_started TEXT NOT NULL DEFAULT '';
)" },
    // 7: links a script left in ./outputs are recorded with their target,
    // never followed
    { R"(
ALTER TABLE artifacts ADD COLUMN link_target TEXT NOT NULL DEFAULT '';
)" },
    // 8: a project is who it says it is (the id in its project.ini), not
    // where it is: projects keyed by that id, their path and host only
    // remembered, with the place before (histories keyed by path get
    // "path:<root>", adopted on first use); owners write a heartbeat while their runs go on. SQLite cannot
    // drop the old UNIQUE (root): the table is rebuilt (foreign keys off).
    { R"(
CREATE TABLE projects_by_id (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    root TEXT NOT NULL,
    host TEXT NOT NULL DEFAULT '',
    prev_root TEXT NOT NULL DEFAULT '',
    prev_host TEXT NOT NULL DEFAULT '',
    experiment_id TEXT NOT NULL,
    created_us INTEGER NOT NULL);
INSERT INTO projects_by_id (id, uuid, name, root, experiment_id, created_us)
    SELECT id, 'path:' || root, name, root, experiment_id, created_us FROM projects;
DROP TABLE projects;
ALTER TABLE projects_by_id RENAME TO projects;
ALTER TABLE runs ADD COLUMN heartbeat_us INTEGER NOT NULL DEFAULT 0;
)",
      R"(
ALTER TABLE projects DROP CONSTRAINT IF EXISTS projects_root_key;
ALTER TABLE projects ADD COLUMN uuid TEXT;
UPDATE projects SET uuid = 'path:' || root;
ALTER TABLE projects ALTER COLUMN uuid SET NOT NULL;
ALTER TABLE projects ADD CONSTRAINT projects_uuid_key UNIQUE (uuid);
ALTER TABLE projects ADD COLUMN host TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN prev_root TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN prev_host TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN heartbeat_us BIGINT NOT NULL DEFAULT 0;
)" },
    // 9: on PostgreSQL, metric points lose their foreign keys: checked row by
    // row by triggers, they cost two thirds of the ingest time. Runs and
    // metric names are never deleted, and the store writes a run's points in
    // the transaction that updates that run (see appendMetrics()). SQLite's
    // checks are cheap and stay.
    { "", R"(
ALTER TABLE metrics DROP CONSTRAINT IF EXISTS metrics_run_fkey;
ALTER TABLE metrics DROP CONSTRAINT IF EXISTS metrics_key_fkey;
)" },
    // 10: every reason a malformed metric line was skipped, with its count
    // ("count<TAB>reason" lines), not only the last one
    { R"(
ALTER TABLE runs ADD COLUMN skip_reasons TEXT NOT NULL DEFAULT '';
UPDATE runs SET skip_reasons = skipped_lines || char(9) || last_skip_reason
    WHERE skipped_lines > 0 AND last_skip_reason <> '';
)",
      R"(
ALTER TABLE runs ADD COLUMN skip_reasons TEXT NOT NULL DEFAULT '';
UPDATE runs SET skip_reasons = skipped_lines || chr(9) || last_skip_reason
    WHERE skipped_lines > 0 AND last_skip_reason <> '';
)" },
    // 11: a real change counter. Every write to a run's row (or its tags)
    // stamps the row with "changed", inside the writing transaction, so a
    // reader asks for the runs changed since it last looked (see
    // RunStore::runsChangedSince()). SQLite's writers take turns: a counter
    // row bumped by triggers. PostgreSQL's commit in any order: the row gets
    // the writing transaction's id, and readers use the oldest transaction
    // still running as their mark.
    { R"(
CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT INTO change_counter (id, value) SELECT 1, COALESCE(MAX(id), 0) + 1 FROM runs;
ALTER TABLE runs ADD COLUMN changed INTEGER NOT NULL DEFAULT 0;
UPDATE runs SET changed = id;
CREATE INDEX runs_changed ON runs(project_id, changed);
CREATE TRIGGER runs_changed_insert AFTER INSERT ON runs BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE runs SET changed = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.id;
END;
CREATE TRIGGER runs_changed_update AFTER UPDATE ON runs WHEN NEW.changed = OLD.changed BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE runs SET changed = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.id;
END;
CREATE TRIGGER run_tags_changed_insert AFTER INSERT ON run_tags BEGIN
    UPDATE runs SET changed = changed WHERE id = NEW.run;
END;
CREATE TRIGGER run_tags_changed_delete AFTER DELETE ON run_tags BEGIN
    UPDATE runs SET changed = changed WHERE id = OLD.run;
END;
)",
      R"(
ALTER TABLE runs ADD COLUMN changed BIGINT NOT NULL DEFAULT 0;
CREATE INDEX runs_changed ON runs(project_id, changed);
CREATE FUNCTION runbench_run_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed := txid_current();
    RETURN NEW;
END $$;
CREATE TRIGGER runs_changed BEFORE INSERT OR UPDATE ON runs
    FOR EACH ROW EXECUTE PROCEDURE runbench_run_changed();
CREATE FUNCTION runbench_tags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE runs SET changed = 0 WHERE id = OLD.run;
    ELSE
        UPDATE runs SET changed = 0 WHERE id = NEW.run;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER run_tags_changed AFTER INSERT OR DELETE ON run_tags
    FOR EACH ROW EXECUTE PROCEDURE runbench_tags_changed();
)" },
    // 12: runs on a cluster: the scheduler's job id, partition and node, and
    // what the scheduler last said about the job (why it waits)
    { R"(
ALTER TABLE runs ADD COLUMN job_id TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN job_partition TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN node TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN job_state TEXT NOT NULL DEFAULT '';
)" },
    // 13: what a value is (a metric, a parameter or a tag) and the highest
    // step it reached (values may come with explicit steps); runs nested in a
    // run or started by a sweep name their parent, nested ones with the name
    // the script gave them; and free properties of a run (where an imported
    // run came from)
    { R"(
ALTER TABLE run_metrics ADD COLUMN role TEXT NOT NULL DEFAULT 'metric';
ALTER TABLE run_metrics ADD COLUMN max_step INTEGER NOT NULL DEFAULT -1;
UPDATE run_metrics SET max_step = count - 1;
ALTER TABLE runs ADD COLUMN parent_run_id TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN nested_key TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_parent ON runs(parent_run_id);
CREATE TABLE run_properties (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run, name));
CREATE INDEX run_properties_value ON run_properties(name, value);
)" },
};

// A migration's statements: split at a ';' ending a line, except inside a
// trigger's BEGIN … END or a function body between $$.
QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    int depth = 0;
    bool dollar = false;
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (line.count(QStringLiteral("$$")) % 2 == 1)
            dollar = !dollar;
        if (trimmed.endsWith(QLatin1String(" BEGIN")) || trimmed == QLatin1String("BEGIN"))
            ++depth;
        else if (!dollar && depth > 0 && trimmed.startsWith(QLatin1String("END")))
            --depth;
        current += line + QLatin1Char('\n');
        if (!dollar && depth == 0 && trimmed.endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            statements.append(current);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current);
    return statements;
}

} // namespace

int StoreConnection::latestSchemaVersion() { return int(sizeof(kMigrations) / sizeof(kMigrations[0])); }

int StoreConnection::schemaVersion()
{
    QSqlQuery q(m_db);
    if (m_dialect == Dialect::PostgreSQL) {
        // PostgreSQL has no user_version: a one-row table keeps it. It is
        // created under the store's lock: two programs opening a new database
        // at once would otherwise collide creating it.
        if (!q.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) || !q.next()) {
            failQuery(q.lastError());
            return -1;
        }
        if (!q.value(0).toBool()) {
            q.finish();
            if (!begin()
                || !execSql(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)"))
                || !commit()) {
                rollback();
                return -1;
            }
        }
        if (q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next())
            return q.value(0).toInt();
        if (!q.isActive())
            failQuery(q.lastError());
        return q.isActive() ? 0 : -1;
    }
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool StoreConnection::setSchemaVersion(int version)
{
    if (m_dialect == Dialect::SQLite)
        return execSql(QStringLiteral("PRAGMA user_version=%1").arg(version));
    return execSql(QStringLiteral("DELETE FROM schema_version"))
        && execSql(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(version));
}

bool StoreConnection::migrate(int targetVersion)
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
    const ForeignKeysOff keysOff(m_db, m_dialect == Dialect::SQLite);
    if (!begin())
        return false;
    // Another process may have migrated while we waited for the lock.
    for (int v = schemaVersion(); v < targetVersion; ++v) {
        const Migration &step = kMigrations[v];
        const bool own = m_dialect == Dialect::PostgreSQL && step.postgresql;
        const QStringList statements = splitStatements(QString::fromUtf8(own ? step.postgresql : step.sql));
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!execSql(own ? statement : portable(statement))) {
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

QString StoreConnection::portable(const QString &sql) const
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

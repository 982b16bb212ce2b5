#pragma once

#include "runrecord.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

class QSqlError;
class QSqlQuery;

// The run history: every SQL statement of Runbench lives in this class.
// SQLite (WAL mode, busy timeout) is the embedded default. One RunStore is one
// database connection and belongs to the thread that opened it; a worker
// thread opens its own RunStore on the same file.
class RunStore
{
public:
    RunStore();
    ~RunStore();
    RunStore(const RunStore &) = delete;
    RunStore &operator=(const RunStore &) = delete;

    static int latestSchemaVersion();
    // When a process started ("" if it is not running, or has ended and
    // waits to be reaped): with its pid, it names the process even after the
    // pid is reused.
    static QString processStartTime(qint64 pid);
    struct Owner
    {
        qint64 run;
        QString host;
        qint64 pid; // the owner: the window or `runbench run`
        QString started;
        RunStatus status;
        qint64 runPid; // the run's own process (runbench-launch), once Running
        QString runStarted;
    };
    // The owners of the project's runs that have not ended.
    QVector<Owner> activeRunOwners();
    // Makes this process the owner of a Running run whose owner is still the
    // one given; false if another process claimed it first.
    bool claimRun(const Owner &owner);

    // The SQLite library's version, as the Qt driver reports it.
    static QString sqliteVersion();

    // Opens (creating if needed) the database at path and migrates its schema
    // to the latest version, copying the file to "<path>.bak-v<N>" first.
    // path may also be a PostgreSQL server's URL
    // (postgresql://user@host:5432/database, see openServer()): same schema,
    // same queries. targetVersion is for tests that need an older schema.
    bool open(const QString &path, int targetVersion = -1);
    static bool isServerLocation(const QString &location);
    // The location as it may be shown: a folder, or a URL without password.
    static QString displayLocation(const QString &location);
    enum class Dialect { SQLite, PostgreSQL };
    Dialect dialect() const { return m_dialect; }
    void close();
    bool isOpen() const;

    // Backups of the history at path, newest first: the one writeBackup()
    // keeps ("<path>.backup") and the copies made before schema upgrades.
    struct Backup
    {
        QString path;
        QDateTime time;
    };
    static QVector<Backup> backups(const QString &path);
    static QString backupPath(const QString &path);
    // Copies the open history to backupPath(), replacing the previous backup
    // only once the copy is complete.
    bool writeBackup();
    // Puts a backup in place of a damaged history, which is renamed to
    // "<path>.damaged-<time>" (*keptAs), not deleted.
    static bool restoreBackup(const QString &path, const QString &backup, QString *keptAs, QString *error);
    QString lastError() const { return m_lastError; }
    // What kind of failure the last error was: the disk refusing writes
    // (full, or a file size limit), a damaged database file, or other.
    enum class ErrorKind { Other, Storage, Corrupt };
    ErrorKind lastErrorKind() const { return m_lastErrorKind; }
    QString path() const { return m_path; }
    int schemaVersion();

    // The project row for a project root (created on first use): its id and
    // experiment id. Every run belongs to one project.
    bool useProject(const QString &name, const QString &root);
    qint64 projectId() const { return m_projectId; }
    QString experimentId() const { return m_experimentId; }

    // Creates a Queued run with the next run number of the project; numbers
    // stay unique and dense when several processes create runs at once.
    std::optional<RunRecord> createRun(const QString &runIdPrefix, const QString &script, const QStringList &arguments,
                                       const QString &user, const QString &host);
    bool setRunStatus(qint64 run, RunStatus status);
    // The run's process started: its pid and start time are kept with it.
    bool setRunStarted(qint64 run, qint64 pid, qint64 startUs);
    bool setRunSnapshot(qint64 run, const QString &commitId, const QString &gitCommit, int gitDirty,
                        const QStringList &leftOut);
    // startUs is recorded only when the run has no start yet (it ended
    // before its process started); 0 leaves it as it is.
    bool setRunFinished(qint64 run, RunStatus status, int exitCode, qint64 endUs, const QString &error,
                        qint64 startUs = 0);
    bool setRunInfo(qint64 run, const QString &name, const QString &description, bool hidden);
    bool setTags(qint64 run, const QStringList &tags);

    std::optional<RunRecord> run(qint64 id);
    // A run by its run id, its number ("7") or "last".
    std::optional<RunRecord> findRun(const QString &idOrNumber);
    QVector<RunRecord> runs(); // newest first
    // Runs with a row id above afterId, or one of ids: what changed since a
    // reader last looked (new runs, and those it saw still active).
    QVector<RunRecord> runsAfter(qint64 afterId, const QVector<qint64> &ids);
    // Up to limit runs with a row id above afterId, oldest first, with their
    // arguments; and the summaries of the runs with ids in [firstId, lastId].
    QVector<RunRecord> runsPage(qint64 afterId, int limit);
    QHash<qint64, QVector<MetricSummary>> summariesBetween(qint64 firstId, qint64 lastId);
    // Changes whenever another connection commits to the database.
    qint64 dataVersion();
    QVector<qint64> runsWithStatus(RunStatus status);

    // Stores the records parsed from a run's metrics file and the file offset
    // after them in one transaction. summaries holds the run's current
    // summaries (loaded with summaries()) and is updated only on success.
    bool appendMetrics(qint64 run, const QVector<MetricRecord> &records, QHash<QString, MetricSummary> *summaries,
                       qint64 newOffset, int skippedLines, const QString &lastSkipReason);
    QHash<QString, MetricSummary> summaries(qint64 run);
    QHash<qint64, QVector<MetricSummary>> allSummaries();
    QHash<qint64, QVector<MetricSummary>> summariesOf(const QVector<qint64> &runs);
    QVector<MetricPoint> series(qint64 run, const QString &key);
    QStringList metricKeys();

    bool setArtifacts(qint64 run, const QVector<ArtifactRecord> &artifacts);
    QVector<ArtifactRecord> artifacts(qint64 run);
    bool addPromotion(qint64 run, const PromotionRecord &promotion);
    QVector<PromotionRecord> promotions(qint64 run);

    // Copies the current project's whole history (runs with their arguments,
    // metrics, summaries, artifact records, promotions and tags) into dest,
    // an open store with the same project selected and no runs of it yet;
    // the other way round works too (a server back to a file). One
    // transaction per run; progress(done, total) after each. Ends by
    // comparing the row counts of every table on both sides.
    bool exportProject(RunStore *dest, const std::function<void(int done, int total)> &progress = {});
    // Rows of the current project, per table ("runs", "metrics", …).
    QHash<QString, qint64> projectRowCounts();

private:
    bool exec(QSqlQuery &query);
    bool execSql(const QString &sql);
    // Replaces a run's rows in table by count new ones, in one transaction;
    // bind sets the values after the run (placeholder 0) of row i.
    bool replaceRunRows(qint64 run, const QString &table, const QString &insert, int count,
                        const std::function<void(QSqlQuery &, int)> &bind);
    bool begin();
    bool commit();
    void rollback();
    bool migrate(int targetVersion);
    qint64 keyId(const QString &name);
    RunRecord readRun(const QSqlQuery &query);
    QStringList readArguments(qint64 run);
    QStringList readTags(qint64 run);
    // Arguments and tags of the runs with ids in [firstId, lastId].
    void readListsBetween(QVector<RunRecord> *runs, qint64 firstId, qint64 lastId);
    bool fail(const QString &message);
    bool openServer(const QString &location, int targetVersion);
    // A migration statement in the dialect's types.
    QString portable(const QString &sql) const;
    bool setSchemaVersion(int version);
    bool failQuery(const QSqlError &error);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QString m_lastError;
    Dialect m_dialect = Dialect::SQLite;
    ErrorKind m_lastErrorKind = ErrorKind::Other;
    qint64 m_projectId = 0;
    QString m_experimentId;
    QHash<QString, qint64> m_keyIds;
};

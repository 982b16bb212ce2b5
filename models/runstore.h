#pragma once

#include "project.h"
#include "runedit.h"
#include "runrecord.h"
#include "storeconnection.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

namespace SweepSpec {
struct Outcome;
}

class QSqlQuery;
class SqliteReader;

// The run history: every SQL statement of Runbench lives in this class and
// the connection under it (StoreConnection). Its work is split by concern:
// runstore.cpp (runs), runstoreprojects.cpp (projects, owners, heartbeats),
// runstoremetrics.cpp (metric points and summaries), runstoreartifacts.cpp
// (artifacts, promotions), runstoreexport.cpp (copying a history), and
// storeconnection.cpp / storeschema.cpp below them. One RunStore is one
// database connection and belongs to the thread that opened it; a worker
// thread opens its own RunStore on the same file or server.
class RunStore : public StoreConnection
{
public:
    RunStore();
    ~RunStore() override;

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
        QString jobId; // a cluster run's job ("" for local runs)
    };
    // The owners of the project's runs that have not ended.
    QVector<Owner> activeRunOwners();
    // Makes this process the owner of a Running run (or a Queued cluster
    // run) whose owner is still the one given; false if another process
    // claimed it first.
    bool claimRun(const Owner &owner);
    // This process no longer watches the run (a cluster job it leaves
    // running): the next window or command may adopt it at once.
    bool releaseRun(qint64 run);

    // Selects the project every later call is about, by its id (the one in
    // its project.ini, written there on first use): created in the store on
    // first use, or adopted from a history kept by path (before projects had
    // ids) — the one recorded at this root, or, in a SQLite file, its only
    // project (the folder was moved). The path and host are only remembered,
    // with the place before them (previousRoot/Host: another clone, or the
    // folder before a move; "" when there was none). Also takes the
    // project's limit for silent runs (see RunRecord::stale). A malformed id
    // in project.ini fails with a sentence naming the file and line, and
    // nothing is written.
    bool useProject(const Project &project);
    bool useProject(const QString &projectId, const QString &name, const QString &root, const QString &host);
    // A project known only by its path (tools and tests): its id is derived
    // from the path.
    bool useProject(const QString &name, const QString &root);
    qint64 projectId() const { return m_projectId; }
    QString experimentId() const { return m_experimentId; }
    QString previousRoot() const { return m_previousRoot; }
    QString previousHost() const { return m_previousHost; }
    // A run whose owner's heartbeat is older than this reads as Lost.
    void setLostAfter(qint64 microseconds) { m_lostAfterUs = microseconds; }
    // The owner of these runs is alive: their heartbeat is now.
    bool heartbeat(const QVector<qint64> &runs);

    // Creates a Queued run with the next run number of the project; numbers
    // stay unique and dense when several processes create runs at once.
    std::optional<RunRecord> createRun(const QString &runIdPrefix, const QString &script, const QStringList &arguments,
                                       const QString &user, const QString &host,
                                       const QString &target = QStringLiteral("local"),
                                       const QString &parentRunId = QString(), const QString &nestedKey = QString());
    // The run the script of parent started as nested run key ("n1"),
    // created Running on first call with the parent's script, arguments and
    // snapshot (and named name); the same run on every later call.
    std::optional<qint64> nestedRun(const RunRecord &parent, const QString &key, const QString &name);
    // A nested run's own end (its script ended it); setRunFinished() of a
    // run ends its nested runs still open with the same status.
    bool setNestedRunFinished(qint64 run, RunStatus status, qint64 endUs);
    QVector<RunRecord> childRuns(const QString &parentRunId); // oldest first

    // A run made whole from elsewhere (an MLflow store): the run as given
    // (status, times, name, user, parent), its values with their steps and
    // times, properties and artifact records, in one transaction: all of it
    // or nothing. Its row id, or 0 with lastError().
    struct ImportedRun
    {
        RunRecord run;
        QVector<MetricRecord> values;
        QMap<QString, QString> properties;
        QVector<ArtifactRecord> artifacts;
    };
    qint64 importRun(const QString &runIdPrefix, const ImportedRun &imported);

    // Free properties of a run: where an imported run came from
    // ("MlflowRunId"), and the like.
    bool setRunProperty(qint64 run, const QString &name, const QString &value);
    // A sweep's parent ends with its children: the counts as properties
    // (SweepCompleted, SweepFailed, SweepCanceled) and the status they give,
    // with the summary as its error unless all completed.
    bool setSweepFinished(qint64 parent, const SweepSpec::Outcome &outcome, qint64 endUs);
    QMap<QString, QString> properties(qint64 run);
    // The project's run having the property, or 0.
    qint64 runWithProperty(const QString &name, const QString &value);
    bool setRunStatus(qint64 run, RunStatus status);
    // The run's process started: its pid and start time are kept with it.
    bool setRunStarted(qint64 run, qint64 pid, qint64 startUs);
    // A cluster run was submitted (Queued again, with its job id), and what
    // its scheduler says about it since (state text; an empty node or
    // partition keeps the one recorded).
    bool setRunSubmitted(qint64 run, const QString &jobId, const QString &partition);
    bool setRunScheduler(qint64 run, const QString &state, const QString &node, const QString &partition);
    bool setRunSnapshot(qint64 run, const QString &commitId, const QString &gitCommit, int gitDirty,
                        const QStringList &leftOut);
    // startUs is recorded only when the run has no start yet (it ended
    // before its process started); 0 leaves it as it is.
    bool setRunFinished(qint64 run, RunStatus status, int exitCode, qint64 endUs, const QString &error,
                        qint64 startUs = 0);

    std::optional<RunRecord> run(qint64 id);
    // A run by its run id, its number ("7") or "last".
    std::optional<RunRecord> findRun(const QString &idOrNumber);
    QVector<RunRecord> runs(); // newest first
    // Runs with a row id above afterId, or one of ids: what changed since a
    // reader last looked (new runs, and those it saw still active).
    QVector<RunRecord> runsAfter(qint64 afterId, const QVector<qint64> &ids);

    // Every write to a run (its row or its tags) stamps it with a change
    // mark, in the writing transaction, on both engines (schema 11). A
    // reader takes changeMark() before it reads, then asks for what changed
    // since: every change made after changeMark() returned is included.
    qint64 changeMark();
    struct Changes
    {
        QVector<RunRecord> runs; // with arguments and tags, oldest first
        qint64 next = 0; // the mark for the next call
        bool ok = false;
    };
    Changes runsChangedSince(qint64 since);
    // Name, description, hidden and tags of a run, in one transaction.
    bool editRun(qint64 run, const RunEdit &edit);
    // Up to limit runs with a row id above afterId, oldest first, with their
    // arguments; and the summaries of the runs with ids in [firstId, lastId].
    QVector<RunRecord> runsPage(qint64 afterId, int limit);
    // The same page, each run read into the record make() gives: a page on
    // its way to the window is never copied or moved. False on an error.
    bool runsPage(qint64 afterId, int limit, const std::function<RunRecord *()> &make);
    QHash<qint64, QVector<MetricSummary>> summariesBetween(qint64 firstId, qint64 lastId);
    qint64 runCount(); // the project's runs
    QVector<qint64> runsWithStatus(RunStatus status);

    // Stores the records parsed from a run's metrics file and the file offset
    // after them in one transaction. summaries holds the run's current
    // summaries (loaded with summaries()) and is updated only on success.
    bool appendMetrics(qint64 run, const QVector<MetricRecord> &records, QHash<QString, MetricSummary> *summaries,
                       qint64 newOffset, int skippedLines, const QString &lastSkipReason,
                       const QMap<QString, int> &skipReasons = {});
    // The same, for a run and its nested runs: a record with storeRun set
    // goes to that run; summaries are kept per run row.
    using SummariesByRun = QHash<qint64, QHash<QString, MetricSummary>>;
    bool appendMetrics(qint64 run, const QVector<MetricRecord> &records, SummariesByRun *summaries, qint64 newOffset,
                       int skippedLines, const QString &lastSkipReason, const QMap<QString, int> &skipReasons = {});
    QHash<QString, MetricSummary> summaries(qint64 run);
    QHash<qint64, QVector<MetricSummary>> allSummaries();
    QHash<qint64, QVector<MetricSummary>> summariesOf(const QVector<qint64> &runs);
    QVector<MetricPoint> series(qint64 run, const QString &key);
    // The points of a series past a step, in step order (a live chart's news).
    QVector<MetricPoint> seriesAfter(qint64 run, const QString &key, qint64 afterStep);
    QStringList metricKeys();

    bool setArtifacts(qint64 run, const QVector<ArtifactRecord> &artifacts);
    QVector<ArtifactRecord> artifacts(qint64 run);
    QHash<qint64, QVector<ArtifactRecord>> allArtifacts(); // of every run of the project, in one query
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

protected:
    void closed() override;

private:
    // Replaces a run's rows in table by count new ones, in one transaction;
    // bind sets the values after the run (placeholder 0) of row i.
    bool replaceRunRows(qint64 run, const QString &table, const QString &insert, int count,
                        const std::function<void(QSqlQuery &, int)> &bind);
    qint64 keyId(const QString &name);
    // Inserts a run as r describes it (status, times, names, parent) with the
    // next run number, inside the caller's transaction; its row id, or 0.
    qint64 insertRun(const QString &runIdPrefix, const RunRecord &r);
    // Writes values and their summaries inside the caller's transaction.
    bool writeValues(qint64 run, const QVector<MetricRecord> &records, SummariesByRun *summaries);
    RunRecord readRun(QSqlQuery &query);
    template <typename Columns>
    void readRunInto(Columns &columns, RunRecord &run);
    // The runs "SELECT runColumns() where" gives with values bound in
    // order, with their arguments and tags, each read into the record make()
    // gives; through reader() when there is one.
    bool readRunsInto(const QString &where, const QVector<qint64> &values, const std::function<RunRecord *()> &make);
    static QString runColumns(); // what readRun() reads, and "FROM …"
    // Every run an executed query of runColumns() returns, with its
    // arguments and tags.
    QVector<RunRecord> readRunsWithLists(QSqlQuery &query);
    QStringList readArguments(qint64 run);
    QStringList readTags(qint64 run);
    // Arguments and tags of the runs with ids in [firstId, lastId].
    void readListsBetween(const QVector<RunRecord *> &runs, qint64 firstId, qint64 lastId);

    qint64 m_projectId = 0;
    QString m_experimentId;
    QString m_previousRoot;
    QString m_previousHost;
    qint64 m_lostAfterUs = 120 * 1000000LL;
    QHash<QString, qint64> m_keyIds;
    // Statements of many placeholders, prepared once per connection: Qt
    // hands SQLite named placeholders, and SQLite's parse of those grows
    // with the square of their number.
    QSqlQuery &prepared(const QString &sql);
    QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared;
};

#include "pgserver.h"
#include "runstore.h"
#include "testutil.h"

#include <QProcess>
#include <QSemaphore>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>
#include <utility>

class TestRunStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void createsSchemaInWalMode();
    void waitsForAnotherProgramMakingTheHistory();
    void migratesOldSchemaAndKeepsABackup();
    void pathKeyedHistoryFollowsAMovedFolder();
    void projectsAreKeptApartByIdNotPath();
    void refusesNewerSchema();
    void corruptFileGivesClearError();
    void runNumbersAndLookup();
    void concurrentSubmittersGetUniqueDenseNumbers();
    void metricsAndSummaries();
    void explicitStepsKindsAndNestedRuns();
    void failedBatchLeavesNothingBehind();
    void artifactsAndPromotions();
    void exportRoundTripsExactly();
    void changesSeenByOtherReaders();
    void sqliteVersionFromAnyThread();
    void pagesReadWhatOneRunReads();

private:
    // A connection of the engine's own driver to the test's database, for
    // writing what an older Runbench or another program would have.
    QSqlDatabase rawConnection(const QString &name);

    QTemporaryDir m_dir;
    QString m_db; // a file, or a server's URL
    // RUNBENCH_TEST_STORE=postgresql runs the suite against a throw-away
    // PostgreSQL server instead of SQLite files.
    std::unique_ptr<PgServer> m_server;
};

void TestRunStore::initTestCase()
{
    if (qEnvironmentVariable("RUNBENCH_TEST_STORE") != QLatin1String("postgresql"))
        return;
    m_server = std::make_unique<PgServer>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestRunStore::init()
{
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    if (m_server) {
        QString error;
        m_db = m_server->createDatabase(name.toLower(), &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
    } else {
        m_db = m_dir.path() + QStringLiteral("/%1.sqlite").arg(name);
    }
}

QSqlDatabase TestRunStore::rawConnection(const QString &name)
{
    QSqlDatabase db;
    if (m_server) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_server->socketDir());
        db.setPort(m_server->port());
        db.setUserName(QStringLiteral("runbench"));
        db.setDatabaseName(QString::fromLatin1(QTest::currentTestFunction()).toLower());
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_db);
    }
    return db;
}

void TestRunStore::createsSchemaInWalMode()
{
    RunStore store;
    QVERIFY2(store.open(m_db), qPrintable(store.lastError()));
    QCOMPARE(store.schemaVersion(), RunStore::latestSchemaVersion());
    if (m_server)
        return; // the rest is about the SQLite file
    QVERIFY(QFileInfo::exists(m_db + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(m_db + QStringLiteral(".bak-v0"))); // a new file needs no backup
}

// Another program is writing a new history (not yet in WAL mode) when this
// one opens it: SQLite answers the switch to WAL "busy" at once, without
// waiting, as two programs making a history at once see it. Opening waits
// until the other is done instead of calling the history damaged.
void TestRunStore::waitsForAnotherProgramMakingTheHistory()
{
    if (m_server)
        QSKIP("about the SQLite file");
    QSemaphore writing;
    std::atomic<bool> committed { false };
    std::thread other([this, &writing, &committed] {
        {
            QSqlDatabase db = rawConnection(QStringLiteral("other"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE started_by_another (x INTEGER)")));
            writing.release();
            std::this_thread::sleep_for(std::chrono::milliseconds(600));
            committed = true;
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    });
    writing.acquire();
    RunStore store;
    const bool opened = store.open(m_db);
    other.join();
    QVERIFY2(opened, qPrintable(store.lastError()));
    QVERIFY(committed); // it did wait
    QCOMPARE(store.schemaVersion(), RunStore::latestSchemaVersion());
    QVERIFY(QFileInfo::exists(m_db + QStringLiteral("-wal")));
}

void TestRunStore::migratesOldSchemaAndKeepsABackup()
{
    {
        RunStore v1;
        QVERIFY(v1.open(m_db, 1));
        QCOMPARE(v1.schemaVersion(), 1);
    }
    {
        // a project (known by its path) and its run as version 1 wrote them
        QSqlDatabase db = rawConnection(QStringLiteral("v1"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO projects (name, root, experiment_id, created_us) "
                                      "VALUES ('P', '/p', 'e-1', 1)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs (project_id, run_id, run_number, script, status, created_us) "
                                      "SELECT id, 'P_1', 1, 'a.py', 'Completed', 1 FROM projects")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    RunStore store;
    QVERIFY2(store.open(m_db), qPrintable(store.lastError()));
    QCOMPARE(store.schemaVersion(), RunStore::latestSchemaVersion());
    // the history kept by path is adopted by the project's id, once
    const QString id = QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    QVERIFY2(store.useProject(id, QStringLiteral("P"), QStringLiteral("/p"), QStringLiteral("h")),
             qPrintable(store.lastError()));
    QCOMPARE(store.runs().size(), 1); // data kept
    QCOMPARE(store.experimentId(), QStringLiteral("e-1"));
    QCOMPARE(store.runs().first().gitDirty, -1); // new columns have their defaults
    // another project now at that path does not take it over
    QVERIFY2(store.useProject(QStringLiteral("2c5f39cb-3fb2-42e3-994f-1127e4ddb538"), QStringLiteral("Q"),
                              QStringLiteral("/p"), QStringLiteral("h")),
             qPrintable(store.lastError()));
    QCOMPARE(store.runs().size(), 0);
    QVERIFY(store.useProject(id, QStringLiteral("P"), QStringLiteral("/p"), QStringLiteral("h")));
    QCOMPARE(store.runs().size(), 1);
    if (m_server)
        return; // a server's backups are its administrator's
    const QString backup = m_db + QStringLiteral(".bak-v1");
    QVERIFY(QFileInfo::exists(backup));
    RunStore old;
    QVERIFY(old.open(backup, 1)); // the backup is still the old schema
    QCOMPARE(old.schemaVersion(), 1);
}

// A history written before projects had ids, then the folder was moved: the
// project's own file holds one project, which the moved project adopts. On a
// server (many projects) only the project at the recorded path may.
void TestRunStore::pathKeyedHistoryFollowsAMovedFolder()
{
    {
        RunStore v7;
        QVERIFY(v7.open(m_db, 7));
    }
    {
        QSqlDatabase db = rawConnection(QStringLiteral("v7"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO projects (name, root, experiment_id, created_us) "
                                      "VALUES ('Iris', '/home/kim/iris', 'e-7', 1)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs (project_id, run_id, run_number, script, status, created_us) "
                                      "SELECT id, 'Iris_1', 1, 'train.py', 'Completed', 1 FROM projects")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v7"));
    RunStore store;
    QVERIFY2(store.open(m_db), qPrintable(store.lastError()));
    const QString id = QStringLiteral("9b2f6c1d-3e4a-4b5c-8d7e-6f5a4b3c2d1e");
    if (m_server) {
        // a server holds many projects: one at another path is a stranger
        QVERIFY(store.useProject(QStringLiteral("4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f"), QStringLiteral("Iris"),
                                 QStringLiteral("/home/lee/iris"), QStringLiteral("lee-pc")));
        QCOMPARE(store.runs().size(), 0);
        QVERIFY(
            store.useProject(id, QStringLiteral("Iris"), QStringLiteral("/home/kim/iris"), QStringLiteral("kim-pc")));
    } else {
        QVERIFY2(store.useProject(id, QStringLiteral("Iris"), QStringLiteral("/home/kim/projects/iris-renamed"),
                                  QStringLiteral("kim-pc")),
                 qPrintable(store.lastError()));
    }
    QCOMPARE(store.runs().size(), 1);
    QCOMPARE(store.runs().first().runId, QStringLiteral("Iris_1"));
    QCOMPARE(store.experimentId(), QStringLiteral("e-7"));
    // adopted once: the id is the key from now on, whatever the path
    RunStore again;
    QVERIFY(again.open(m_db));
    QVERIFY(again.useProject(id, QStringLiteral("Iris"), QStringLiteral("/mnt/elsewhere"), QStringLiteral("x")));
    QCOMPARE(again.runs().size(), 1);
    QCOMPARE(again.previousHost(), QStringLiteral("kim-pc"));
}

// Two projects with one path (two machines, or one folder reused) never
// share runs; one project at two paths (clones) always does.
void TestRunStore::projectsAreKeptApartByIdNotPath()
{
    const QString alice = QStringLiteral("0e3c5a7b-1d2f-4e6a-9b8c-7d6e5f4a3b2c");
    const QString bob = QStringLiteral("1f4d6b8c-2e3a-4f7b-8c9d-0e1f2a3b4c5d");
    RunStore a;
    QVERIFY(a.open(m_db));
    QVERIFY(a.useProject(alice, QStringLiteral("P"), QStringLiteral("/home/user/project"), QStringLiteral("one")));
    QVERIFY(a.createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, QStringLiteral("one")));
    RunStore b;
    QVERIFY(b.open(m_db));
    QVERIFY(b.useProject(bob, QStringLiteral("P"), QStringLiteral("/home/user/project"), QStringLiteral("two")));
    QCOMPARE(b.runs().size(), 0);
    QVERIFY(b.createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, QStringLiteral("two")));
    QCOMPARE(b.runs().first().number, 1);
    RunStore clone;
    QVERIFY(clone.open(m_db));
    QVERIFY(clone.useProject(alice, QStringLiteral("P"), QStringLiteral("/srv/clone"), QStringLiteral("three")));
    QCOMPARE(clone.runs().size(), 1);
    QVERIFY(clone.createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, QStringLiteral("three")));
    QCOMPARE(a.runs().size(), 2);
    QCOMPARE(a.runs().first().number, 2);
    QCOMPARE(clone.previousRoot(), QStringLiteral("/home/user/project"));
}

void TestRunStore::refusesNewerSchema()
{
    {
        RunStore store;
        QVERIFY(store.open(m_db));
    }
    {
        QSqlDatabase db = rawConnection(QStringLiteral("raw"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(m_server ? QStringLiteral("UPDATE schema_version SET version = 99")
                                : QStringLiteral("PRAGMA user_version=99")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    RunStore store;
    QVERIFY(!store.open(m_db));
    QVERIFY2(store.lastError().contains(QStringLiteral("newer Runbench")), qPrintable(store.lastError()));
}

void TestRunStore::corruptFileGivesClearError()
{
    if (m_server)
        QSKIP("A damaged file is SQLite's case; a server reports its own damage.");
    QVERIFY(writeFile(m_db, QByteArray(8192, 'x')));
    RunStore store;
    QVERIFY(!store.open(m_db));
    QVERIFY2(store.lastError().contains(QStringLiteral("cannot be read")), qPrintable(store.lastError()));
    QCOMPARE(readFile(m_db), QByteArray(8192, 'x')); // never overwritten
}

void TestRunStore::runNumbersAndLookup()
{
    RunStore store;
    QVERIFY(store.open(m_db));
    QVERIFY(store.useProject(QStringLiteral("IrisDemo"), QStringLiteral("/iris")));
    const auto a = store.createRun(QStringLiteral("IrisDemo"), QStringLiteral("iris.py"),
                                   { QStringLiteral("0.01"), QStringLiteral("a b \"c\"") }, QStringLiteral("me"),
                                   QStringLiteral("box"));
    const auto b = store.createRun(QStringLiteral("IrisDemo"), QStringLiteral("iris.py"), {}, QStringLiteral("me"),
                                   QStringLiteral("box"));
    QVERIFY(a && b);
    QCOMPARE(a->number, 1);
    QCOMPARE(b->number, 2);
    QVERIFY(a->runId.startsWith(QStringLiteral("IrisDemo_")));
    QVERIFY(a->runId != b->runId);
    QCOMPARE(a->status, RunStatus::Queued);
    QCOMPARE(a->arguments, (QStringList { QStringLiteral("0.01"), QStringLiteral("a b \"c\"") }));
    QCOMPARE(store.findRun(QStringLiteral("2"))->runId, b->runId);
    QCOMPARE(store.findRun(QStringLiteral("last"))->runId, b->runId);
    QCOMPARE(store.findRun(a->runId)->number, 1);
    QVERIFY(!store.findRun(QStringLiteral("nope")));
    QVERIFY(store.setRunStarted(a->id, 42, 1000));
    QVERIFY(store.setRunSnapshot(b->id, QStringLiteral("abc"), QString(), -1, {})); // nothing left out
    QVERIFY(store.setRunSnapshot(a->id, QStringLiteral("abc"), QStringLiteral("def"), 1,
                                 { QStringLiteral("big.bin"), QStringLiteral("data/huge.csv") }));
    QVERIFY(store.setRunFinished(a->id, RunStatus::Failed, 3, 5000, QStringLiteral("The script exited with code 3.")));
    const auto done = store.run(a->id);
    QCOMPARE(done->status, RunStatus::Failed);
    QCOMPARE(done->exitCode, 3);
    QCOMPARE(done->durationUs(), 4000);
    QCOMPARE(done->commitId, QStringLiteral("abc"));
    QCOMPARE(done->gitCommit, QStringLiteral("def"));
    QCOMPARE(done->gitDirty, 1);
    QCOMPARE(done->leftOut, (QStringList { QStringLiteral("big.bin"), QStringLiteral("data/huge.csv") }));
    const QVector<RunRecord> all = store.runs();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.first().number, 2); // newest first
    QCOMPARE(all.last().arguments.size(), 2);
    // another project in the same file numbers its own runs
    QVERIFY(store.useProject(QStringLiteral("Other"), QStringLiteral("/other")));
    QCOMPARE(store.createRun(QStringLiteral("Other"), QStringLiteral("x.sh"), {}, {}, {})->number, 1);
}

void TestRunStore::concurrentSubmittersGetUniqueDenseNumbers()
{
    {
        RunStore store;
        QVERIFY(store.open(m_db));
    }
    const int perProcess = 60;
    QProcess first;
    QProcess second;
    const QStringList args { m_db, QStringLiteral("/concurrent"), QString::number(perProcess) };
    first.start(QStringLiteral(STORE_SUBMITTER), args);
    second.start(QStringLiteral(STORE_SUBMITTER), args);
    QVERIFY(first.waitForFinished(120000));
    QVERIFY(second.waitForFinished(120000));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(second.exitCode(), 0);
    RunStore store;
    QVERIFY(store.open(m_db));
    QVERIFY(store.useProject(QStringLiteral("Concurrent"), QStringLiteral("/concurrent")));
    const QVector<RunRecord> runs = store.runs();
    QCOMPARE(runs.size(), 2 * perProcess);
    QSet<int> numbers;
    QSet<QString> ids;
    for (const RunRecord &r : runs) {
        numbers.insert(r.number);
        ids.insert(r.runId);
    }
    QCOMPARE(ids.size(), 2 * perProcess);
    QCOMPARE(numbers.size(), 2 * perProcess);
    for (int n = 1; n <= 2 * perProcess; ++n)
        QVERIFY2(numbers.contains(n), qPrintable(QString::number(n)));
}

void TestRunStore::metricsAndSummaries()
{
    RunStore store;
    QVERIFY(store.open(m_db));
    QVERIFY(store.useProject(QStringLiteral("P"), QStringLiteral("/p")));
    const auto run = store.createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, {});
    QHash<QString, MetricSummary> sums = store.summaries(run->id);
    MetricRecord acc { QStringLiteral("Accuracy"), MetricKind::Number, { 0.5 }, {}, 0 };
    MetricRecord acc2 { QStringLiteral("Accuracy"), MetricKind::Number, { 0.75 }, {}, 0 };
    MetricRecord nan {
        QStringLiteral("Accuracy"), MetricKind::Number, { std::numeric_limits<double>::quiet_NaN() }, {}, 0
    };
    MetricRecord list { QStringLiteral("all values"), MetricKind::List, { 5, 6, 7 }, {}, 0 };
    MetricRecord note { QStringLiteral("note"), MetricKind::Text, {}, QStringLiteral("정확도"), 0 };
    MetricRecord flag { QStringLiteral("ok"), MetricKind::Bool, { 1 }, {}, 0 };
    QVERIFY(store.appendMetrics(run->id, { acc, list }, &sums, 100, 1, QStringLiteral("bad line"),
                                { { QStringLiteral("bad line"), 1 }, { QStringLiteral("other\treason"), 2 } }));
    QVERIFY(store.appendMetrics(run->id, { acc2, nan, note, flag }, &sums, 250, 0, QString()));

    const auto fresh = store.summaries(run->id);
    QCOMPARE(fresh.size(), 4);
    const MetricSummary a = fresh.value(QStringLiteral("Accuracy"));
    QCOMPARE(a.count, 3);
    QCOMPARE(a.finiteCount, 2);
    QCOMPARE(a.min, 0.5);
    QCOMPARE(a.max, 0.75);
    QCOMPARE(a.mean(), 0.625);
    QVERIFY(std::isnan(a.last));
    QCOMPARE(fresh.value(QStringLiteral("all values")).count, 3);
    QCOMPARE(int(fresh.value(QStringLiteral("all values")).kind), int(MetricKind::List));
    QCOMPARE(fresh.value(QStringLiteral("note")).lastValue().toString(), QStringLiteral("정확도"));
    QCOMPARE(fresh.value(QStringLiteral("ok")).lastValue(), QVariant(true));

    const QVector<MetricPoint> series = store.series(run->id, QStringLiteral("Accuracy"));
    QCOMPARE(series.size(), 3);
    QCOMPARE(series.at(0).step, 0);
    QCOMPARE(series.at(1).value, 0.75);
    QVERIFY(std::isnan(series.at(2).value));
    QCOMPARE(store.series(run->id, QStringLiteral("all values")).at(2).value, 7.0);

    const auto r = store.run(run->id);
    QCOMPARE(r->metricsOffset, 250);
    QCOMPARE(r->skippedLines, 1);
    QCOMPARE(r->lastSkipReason, QStringLiteral("bad line"));
    // every reason with its count, a tab in a reason included
    QCOMPARE(r->skipReasons.value(QStringLiteral("bad line")), 1);
    QCOMPARE(r->skipReasons.value(QStringLiteral("other\treason")), 2);
    QCOMPARE(r->skipReasons.size(), 2);
    QCOMPARE(store.allSummaries().value(run->id).size(), 4);
    QCOMPARE(store.metricKeys(),
             (QStringList { QStringLiteral("Accuracy"), QStringLiteral("all values"), QStringLiteral("note"),
                            QStringLiteral("ok") }));
}

// Values at steps the script names: in any order, replaced at the same
// step (in one batch and across batches, on both engines), "last" the one
// at the highest step; kinds kept; nested runs made once, ended with their
// parent, alive with its heartbeat; an imported run all or nothing.
void TestRunStore::explicitStepsKindsAndNestedRuns()
{
    RunStore store;
    QVERIFY(store.open(m_db));
    QVERIFY(store.useProject(QStringLiteral("P"), QStringLiteral("/p")));
    const auto run = store.createRun(QStringLiteral("P"), QStringLiteral("a.py"), { QStringLiteral("0.1") }, {}, {});
    QVERIFY(run);
    const auto at = [](double value, qint64 step) {
        MetricRecord r { QStringLiteral("loss"), MetricKind::Number, { value }, {}, 0 };
        r.hasStep = true;
        r.step = step;
        return r;
    };
    QHash<QString, MetricSummary> sums;
    QVERIFY2(store.appendMetrics(run->id, { at(0.9, 20), at(0.5, 5), at(0.7, 10), at(0.6, 10) }, &sums, 10, 0, {}),
             qPrintable(store.lastError()));
    QVERIFY2(store.appendMetrics(run->id, { at(0.8, 5) }, &sums, 20, 0, {}), qPrintable(store.lastError()));
    MetricRecord next { QStringLiteral("loss"), MetricKind::Number, { 0.1 }, {}, 0 }; // no step: after the highest
    MetricRecord param { QStringLiteral("lr"), MetricKind::Number, { 0.1 }, {}, 0 };
    param.role = ValueRole::Param;
    MetricRecord tag { QStringLiteral("model"), MetricKind::Text, {}, QStringLiteral("svm"), 0 };
    tag.role = ValueRole::Tag;
    QVERIFY(store.appendMetrics(run->id, { next, param, tag }, &sums, 30, 0, {}));
    QVector<qint64> steps;
    QVector<double> values;
    for (const MetricPoint &p : store.series(run->id, QStringLiteral("loss"))) {
        steps.append(p.step);
        values.append(p.value);
    }
    QCOMPARE(steps, (QVector<qint64> { 5, 10, 20, 21 }));
    QCOMPARE(values, (QVector<double> { 0.8, 0.6, 0.9, 0.1 }));
    const auto fresh = store.summaries(run->id);
    QCOMPARE(fresh.value(QStringLiteral("loss")).last, 0.1);
    QCOMPARE(fresh.value(QStringLiteral("loss")).maxStep, 21);
    QCOMPARE(int(fresh.value(QStringLiteral("lr")).role), int(ValueRole::Param));
    QCOMPARE(int(fresh.value(QStringLiteral("model")).role), int(ValueRole::Tag));
    QCOMPARE(int(store.summariesBetween(run->id, run->id).value(run->id).size()), 3);
    for (const MetricSummary &s : store.summariesBetween(run->id, run->id).value(run->id))
        if (s.key == QLatin1String("lr"))
            QCOMPARE(int(s.role), int(ValueRole::Param));
    // an earlier step does not move "last"
    QVERIFY(store.appendMetrics(run->id, { at(5.0, 1) }, &sums, 40, 0, {}));
    QCOMPARE(store.summaries(run->id).value(QStringLiteral("loss")).last, 0.1);

    // nested runs
    QVERIFY(store.setRunStarted(run->id, 4242, 1000));
    QVERIFY(store.setRunSnapshot(run->id, QStringLiteral("c0ffee"), QString(), -1, {}));
    const RunRecord parent = *store.run(run->id);
    const auto child = store.nestedRun(parent, QStringLiteral("n1"), QStringLiteral("fold 1"));
    QVERIFY2(child, qPrintable(store.lastError()));
    QCOMPARE(store.nestedRun(parent, QStringLiteral("n1"), QString()), child); // once
    const auto other = store.nestedRun(parent, QStringLiteral("n2"), QString());
    QVERIFY(other && *other != *child);
    RunRecord c = *store.run(*child);
    QCOMPARE(c.parentRunId, parent.runId);
    QCOMPARE(c.nestedKey, QStringLiteral("n1"));
    QCOMPARE(c.name, QStringLiteral("fold 1"));
    QCOMPARE(c.status, RunStatus::Running);
    QCOMPARE(c.commitId, QStringLiteral("c0ffee"));
    QCOMPARE(c.arguments, QStringList { QStringLiteral("0.1") });
    QCOMPARE(store.childRuns(parent.runId).size(), 2);
    for (const RunStore::Owner &o : store.activeRunOwners())
        QCOMPARE(o.run, run->id); // the parent's owner watches its nested runs through it
    QVERIFY(store.setNestedRunFinished(*other, RunStatus::Failed, 2000));
    QCOMPARE(store.run(*other)->status, RunStatus::Failed);
    QCOMPARE(store.run(*other)->exitCode, 1);
    QVERIFY(store.setRunFinished(run->id, RunStatus::Canceled, 130, 3000, QStringLiteral("Canceled by the user.")));
    c = *store.run(*child);
    QCOMPARE(c.status, RunStatus::Canceled); // left open, ended with its parent
    QCOMPARE(c.endUs, 3000);
    QCOMPARE(store.run(*other)->status, RunStatus::Failed); // ended before: kept

    // properties
    QVERIFY(store.setRunProperty(*child, QStringLiteral("MlflowRunId"), QStringLiteral("abc")));
    QVERIFY(store.setRunProperty(*child, QStringLiteral("MlflowRunId"), QStringLiteral("abcd")));
    QCOMPARE(store.properties(*child).value(QStringLiteral("MlflowRunId")), QStringLiteral("abcd"));
    QCOMPARE(store.runWithProperty(QStringLiteral("MlflowRunId"), QStringLiteral("abcd")), *child);
    QCOMPARE(store.runWithProperty(QStringLiteral("MlflowRunId"), QStringLiteral("abc")), 0);

    // an imported run: all of it, or nothing (two artifacts at one path)
    RunStore::ImportedRun imported;
    imported.run.status = RunStatus::Completed;
    imported.run.startUs = 5000;
    imported.run.endUs = 6000;
    imported.run.name = QStringLiteral("from elsewhere");
    imported.values = { at(0.25, 3), param };
    imported.properties.insert(QStringLiteral("MlflowRunId"), QStringLiteral("zzz"));
    imported.artifacts = { { QStringLiteral("outputs/a"), 1, QString(64, QLatin1Char('a')), QString() },
                           { QStringLiteral("outputs/a"), 1, QString(64, QLatin1Char('a')), QString() } };
    const int before = int(store.runs().size());
    QCOMPARE(store.importRun(QStringLiteral("P"), imported), 0);
    QVERIFY(!store.lastError().isEmpty());
    QCOMPARE(int(store.runs().size()), before);
    QCOMPARE(store.runWithProperty(QStringLiteral("MlflowRunId"), QStringLiteral("zzz")), 0);
    imported.artifacts.removeLast();
    const qint64 id = store.importRun(QStringLiteral("P"), imported);
    QVERIFY2(id > 0, qPrintable(store.lastError()));
    const RunRecord r = *store.run(id);
    QCOMPARE(r.status, RunStatus::Completed);
    QCOMPARE(r.startUs, 5000);
    QCOMPARE(r.endUs, 6000);
    QCOMPARE(r.name, QStringLiteral("from elsewhere"));
    QCOMPARE(r.number, before + 1);
    QCOMPARE(store.series(id, QStringLiteral("loss")).first().step, 3);
    QCOMPARE(store.artifacts(id).size(), 1);
    QCOMPARE(store.runWithProperty(QStringLiteral("MlflowRunId"), QStringLiteral("zzz")), id);
}

void TestRunStore::failedBatchLeavesNothingBehind()
{
    RunStore store;
    QVERIFY(store.open(m_db));
    QVERIFY(store.useProject(QStringLiteral("P"), QStringLiteral("/p")));
    const auto run = store.createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, {});
    QHash<QString, MetricSummary> sums;
    MetricRecord acc { QStringLiteral("Accuracy"), MetricKind::Number, { 0.5 }, {}, 0 };
    QVERIFY(store.appendMetrics(run->id, { acc }, &sums, 10, 0, {}));
    // A batch for a run that does not exist breaks the foreign key: all of it rolls back.
    QHash<QString, MetricSummary> other;
    QVERIFY(!store.appendMetrics(run->id + 1000, { acc, acc }, &other, 99, 0, {}));
    QVERIFY(!store.lastError().isEmpty());
    QVERIFY(other.isEmpty()); // untouched on failure
    QCOMPARE(store.series(run->id, QStringLiteral("Accuracy")).size(), 1);
    QVERIFY(store.appendMetrics(run->id, { acc }, &sums, 20, 0, {}));
    QCOMPARE(store.summaries(run->id).value(QStringLiteral("Accuracy")).count, 2);
}

void TestRunStore::artifactsAndPromotions()
{
    RunStore store;
    QVERIFY(store.open(m_db));
    QVERIFY(store.useProject(QStringLiteral("P"), QStringLiteral("/p")));
    const auto run = store.createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, {});
    QVERIFY(store.setArtifacts(run->id,
                               { { QStringLiteral("outputs/model.pkl"), 10, QStringLiteral("aa"), QString() },
                                 { QStringLiteral("outputs/cm.png"), 20, QStringLiteral("bb"), QString() },
                                 { QStringLiteral("outputs/x"), 0, QString(), QStringLiteral("/etc/passwd") } }));
    const auto artifacts = store.artifacts(run->id);
    QCOMPARE(artifacts.size(), 3);
    QCOMPARE(artifacts.first().path, QStringLiteral("outputs/cm.png"));
    QVERIFY(!artifacts.first().isLink());
    QCOMPARE(artifacts.last().linkTarget, QStringLiteral("/etc/passwd"));
    QVERIFY(artifacts.last().sha256.isEmpty());
    QVERIFY(store.addPromotion(
        run->id, { QStringLiteral("assets/m"), QStringLiteral("outputs/model.pkl"), QStringLiteral("aa"), 123 }));
    QCOMPARE(store.promotions(run->id).size(), 1);
    QCOMPARE(store.promotions(run->id).first().assetPath, QStringLiteral("assets/m"));
}

namespace {

QString number(double v) { return std::isnan(v) ? QStringLiteral("nan") : QString::number(v, 'g', 17); }

// Everything a store holds about its project's runs, one line per fact, in a
// fixed order: two stores with the same lines hold the same history.
QStringList describe(RunStore &store)
{
    QStringList lines;
    QVector<RunRecord> runs = store.runs();
    std::sort(runs.begin(), runs.end(), [](const RunRecord &a, const RunRecord &b) { return a.number < b.number; });
    for (const RunRecord &r : std::as_const(runs)) {
        lines << QStringList { r.runId,
                               QString::number(r.number),
                               r.script,
                               r.arguments.join(QLatin1Char('|')),
                               runStatusName(r.status),
                               QString::number(r.createdUs),
                               QString::number(r.startUs),
                               QString::number(r.endUs),
                               QString::number(r.exitCode),
                               r.error,
                               r.name,
                               r.description,
                               r.tags.join(QLatin1Char('|')),
                               QString::number(r.hidden),
                               r.user,
                               r.host,
                               QString::number(r.pid),
                               r.target,
                               r.commitId,
                               r.gitCommit,
                               QString::number(r.gitDirty),
                               r.leftOut.join(QLatin1Char('|')),
                               QString::number(r.metricsOffset),
                               QString::number(r.skippedLines),
                               r.lastSkipReason,
                               r.parentRunId,
                               r.nestedKey }
                     .join(QLatin1Char(';'));
        const QMap<QString, QString> properties = store.properties(r.id);
        for (auto it = properties.cbegin(); it != properties.cend(); ++it)
            lines << QStringLiteral("  property %1 = %2").arg(it.key(), it.value());
        const QHash<QString, MetricSummary> sums = store.summaries(r.id);
        QStringList keys = sums.keys();
        keys.sort();
        for (const QString &key : std::as_const(keys)) {
            const MetricSummary m = sums.value(key);
            lines << QStringLiteral("  %1 kind %2 role %3 max step %4")
                         .arg(key)
                         .arg(int(m.kind))
                         .arg(int(m.role))
                         .arg(m.maxStep);
            lines << QStringLiteral("  %1 kind %2 count %3 last %4 '%5' min %6 max %7 sum %8 finite %9")
                         .arg(key)
                         .arg(int(m.kind))
                         .arg(m.count)
                         .arg(number(m.last), m.lastText, number(m.min), number(m.max), number(m.sum))
                         .arg(m.finiteCount);
            for (const MetricPoint &p : store.series(r.id, key))
                lines << QStringLiteral("    %1 %2 '%3' %4").arg(p.step).arg(number(p.value), p.text, number(p.time));
        }
        for (const ArtifactRecord &a : store.artifacts(r.id))
            lines << QStringLiteral("  artifact %1 %2 %3 %4").arg(a.path).arg(a.size).arg(a.sha256, a.linkTarget);
        for (const PromotionRecord &p : store.promotions(r.id))
            lines << QStringLiteral("  promotion %1 %2 %3 %4").arg(p.assetPath, p.artifactPath, p.sha256).arg(p.timeUs);
    }
    return lines;
}

} // namespace

// A history exported into the test's store (a file, or the server) and from
// there back into a file is the same history, fact for fact.
void TestRunStore::exportRoundTripsExactly()
{
    const QString root = QStringLiteral("/team/iris");
    RunStore source;
    QVERIFY(source.open(m_dir.path() + QStringLiteral("/export-source.sqlite")));
    QVERIFY(source.useProject(QStringLiteral("Iris"), root));
    const double inf = std::numeric_limits<double>::infinity();
    for (int i = 0; i < 3; ++i) {
        const auto run = source.createRun(QStringLiteral("Iris"), QStringLiteral("iris.py"),
                                          { QString::number(i), QStringLiteral("two words") }, QStringLiteral("kim"),
                                          QStringLiteral("box-%1").arg(i));
        QVERIFY(run);
        QHash<QString, MetricSummary> sums;
        QVector<MetricRecord> records;
        for (int step = 0; step < 50; ++step)
            records.append({ QStringLiteral("loss"), MetricKind::Number, { 1.0 / (step + 1 + i) }, {}, 1e9 + step });
        records.append({ QStringLiteral("edge"), MetricKind::Number, { inf }, {}, 0 });
        records.append({ QStringLiteral("edge"), MetricKind::Number, { -inf }, {}, 0 });
        records.append(
            { QStringLiteral("edge"), MetricKind::Number, { std::numeric_limits<double>::quiet_NaN() }, {}, 0 });
        records.append({ QStringLiteral("정확도 🎯"), MetricKind::Number, { 0.97 }, {}, 0 });
        records.append({ QStringLiteral("all values"), MetricKind::List, { 5, 6, 7 }, {}, 0 });
        records.append({ QStringLiteral("optimizer"), MetricKind::Text, {}, QStringLiteral("lbfgs"), 0 });
        records.append({ QStringLiteral("converged"), MetricKind::Bool, { 1 }, {}, 0 });
        MetricRecord param { QStringLiteral("lr"), MetricKind::Number, { 0.1 * (i + 1) }, {}, 0 };
        param.role = ValueRole::Param;
        records.append(param);
        MetricRecord late { QStringLiteral("val_loss"), MetricKind::Number, { 0.5 }, {}, 0 };
        late.hasStep = true;
        late.step = 1000 - i;
        records.append(late);
        QVERIFY2(source.appendMetrics(run->id, records, &sums, 4096 + i, i, QStringLiteral("bad line")),
                 qPrintable(source.lastError()));
        QVERIFY(source.setRunProperty(run->id, QStringLiteral("MlflowRunId"), QStringLiteral("abc%1").arg(i)));
        if (i == 1)
            QVERIFY(source.nestedRun(*source.run(run->id), QStringLiteral("fold"), QStringLiteral("fold 1")));
        QVERIFY(source.setRunStarted(run->id, 100 + i, 1000 + i));
        QVERIFY(source.setRunSnapshot(run->id, QStringLiteral("c0ffee%1").arg(i), QStringLiteral("beef"), i % 2,
                                      { QStringLiteral("big.bin") }));
        QVERIFY(source.setRunFinished(run->id, i == 1 ? RunStatus::Failed : RunStatus::Completed, i, 5000 + i,
                                      i == 1 ? QStringLiteral("The script exited with code 1.") : QString()));
        RunEdit edit;
        edit.name = QStringLiteral("run %1").arg(i);
        edit.description = QStringLiteral("tried %1").arg(i);
        edit.hidden = i == 2;
        edit.tags = QStringList { QStringLiteral("tuned"), QStringLiteral("gpu-%1").arg(i) };
        QVERIFY(source.editRun(run->id, edit));
        QVERIFY(source.setArtifacts(
            run->id,
            { { QStringLiteral("outputs/model.pkl"), 1234 + i, QString(64, QLatin1Char('a')), QString() },
              { QStringLiteral("outputs/cm.png"), 99, QString(64, QLatin1Char('b')), QString() },
              { QStringLiteral("outputs/best"), 0, QString(), QStringLiteral("model.pkl") } }));
        QVERIFY(source.addPromotion(run->id,
                                    { QStringLiteral("assets/model"), QStringLiteral("outputs/model.pkl"),
                                      QString(64, QLatin1Char('a')), 777 }));
    }
    const QStringList original = describe(source);
    QVERIFY(original.size() > 150);

    RunStore target;
    QVERIFY2(target.open(m_db), qPrintable(target.lastError()));
    QVERIFY(target.useProject(QStringLiteral("Iris"), root));
    QVector<int> seen;
    QVERIFY2(source.exportProject(&target,
                                  [&](int done, int total) {
                                      QCOMPARE(total, 4); // three runs and one nested in the second
                                      seen.append(done);
                                  }),
             qPrintable(source.lastError()));
    QCOMPARE(seen, (QVector<int> { 1, 2, 3, 4 }));
    QCOMPARE(describe(target), original);
    // A second export into it is refused: it would mix two histories.
    QVERIFY(!source.exportProject(&target));
    QVERIFY(source.lastError().contains(QStringLiteral("already has runs")));

    RunStore back;
    QVERIFY(back.open(m_dir.path() + QStringLiteral("/export-back-%1.sqlite").arg(m_server ? 1 : 0)));
    QVERIFY(back.useProject(QStringLiteral("Iris"), root));
    QVERIFY2(target.exportProject(&back), qPrintable(target.lastError()));
    QCOMPARE(describe(back), original);
    QCOMPARE(back.projectRowCounts(), source.projectRowCounts());
}

// Every write another connection makes to a run — created, renamed,
// tagged, hidden, its metrics or status — is in the next runsChangedSince()
// of a reader, once, and nothing else is: what keeps every window current
// (on a server: other machines' edits too).
void TestRunStore::changesSeenByOtherReaders()
{
    RunStore reader;
    QVERIFY(reader.open(m_db));
    QVERIFY(reader.useProject(QStringLiteral("P"), QStringLiteral("/p")));
    qint64 mark = reader.changeMark();
    QVERIFY(mark >= 0);
    RunStore writer;
    QVERIFY(writer.open(m_db));
    QVERIFY(writer.useProject(QStringLiteral("P"), QStringLiteral("/p")));
    const auto a = writer.createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, {});
    const auto b = writer.createRun(QStringLiteral("P"), QStringLiteral("b.py"), {}, {}, {});
    QVERIFY(a && b);
    auto changed = [&] {
        const RunStore::Changes c = reader.runsChangedSince(mark);
        mark = c.next;
        QStringList scripts;
        for (const RunRecord &r : c.runs)
            scripts << r.script + QLatin1Char(':') + r.name + QLatin1Char(':') + r.tags.join(QLatin1Char('+'));
        return c.ok ? scripts.join(QLatin1Char(' ')) : QStringLiteral("failed: ") + reader.lastError();
    };
    QCOMPARE(changed(), QStringLiteral("a.py:: b.py::"));
    QCOMPARE(changed(), QString()); // nothing since

    RunEdit edit;
    edit.name = QStringLiteral("baseline");
    edit.addTags = QStringList { QStringLiteral("cpu"), QStringLiteral("fast") };
    QVERIFY(writer.editRun(a->id, edit));
    QCOMPARE(changed(), QStringLiteral("a.py:baseline:cpu+fast"));
    RunEdit untag;
    untag.removeTags = QStringList { QStringLiteral("fast") };
    untag.hidden = true;
    QVERIFY(writer.editRun(b->id, untag));
    QVERIFY(writer.editRun(a->id, untag));
    QCOMPARE(changed(), QStringLiteral("a.py:baseline:cpu b.py::"));
    QVERIFY(reader.run(b->id)->hidden);

    QHash<QString, MetricSummary> sums;
    MetricRecord loss { QStringLiteral("loss"), MetricKind::Number, { 0.5 }, {}, 0 };
    QVERIFY(writer.appendMetrics(b->id, { loss }, &sums, 10, 0, {}));
    QVERIFY(writer.setRunFinished(a->id, RunStatus::Completed, 0, 1, {}));
    QCOMPARE(changed(), QStringLiteral("a.py:baseline:cpu b.py::"));
    QVERIFY(!writer.editRun(a->id + 1000, edit)); // no such run: refused, nothing written
    QCOMPARE(changed(), QString());
}

// The version shown in About, asked from several threads at once; a library
// older than 3.35 (no RETURNING) is refused by name.
void TestRunStore::sqliteVersionFromAnyThread()
{
    QVector<QString> versions(8);
    std::vector<std::thread> threads;
    for (int i = 0; i < versions.size(); ++i)
        threads.emplace_back([&versions, i] { versions[i] = RunStore::sqliteVersion(); });
    for (std::thread &t : threads)
        t.join();
    QVERIFY(!versions.first().isEmpty());
    for (const QString &v : std::as_const(versions))
        QCOMPARE(v, versions.first());
    QVERIFY(RunStore::sqliteIsRecentEnough(versions.first()));
    QVERIFY(RunStore::sqliteIsRecentEnough(QStringLiteral("3.35.0")));
    QVERIFY(RunStore::sqliteIsRecentEnough(QStringLiteral("3.40.1")));
    QVERIFY(!RunStore::sqliteIsRecentEnough(QStringLiteral("3.34.1")));
    QVERIFY(!RunStore::sqliteIsRecentEnough(QStringLiteral("3.8.11")));
    QVERIFY(!RunStore::sqliteIsRecentEnough(QString()));
}


namespace {
void compareRuns(const RunRecord &a, const RunRecord &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.runId, b.runId);
    QCOMPARE(a.number, b.number);
    QCOMPARE(a.experimentId, b.experimentId);
    QCOMPARE(a.script, b.script);
    QCOMPARE(a.arguments, b.arguments);
    QCOMPARE(int(a.status), int(b.status));
    QCOMPARE(a.createdUs, b.createdUs);
    QCOMPARE(a.startUs, b.startUs);
    QCOMPARE(a.endUs, b.endUs);
    QCOMPARE(a.exitCode, b.exitCode);
    QCOMPARE(a.error, b.error);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.description, b.description);
    QCOMPARE(a.tags, b.tags);
    QCOMPARE(a.hidden, b.hidden);
    QCOMPARE(a.user, b.user);
    QCOMPARE(a.host, b.host);
    QCOMPARE(a.pid, b.pid);
    QCOMPARE(a.target, b.target);
    QCOMPARE(a.jobId, b.jobId);
    QCOMPARE(a.partition, b.partition);
    QCOMPARE(a.node, b.node);
    QCOMPARE(a.schedulerState, b.schedulerState);
    QCOMPARE(a.commitId, b.commitId);
    QCOMPARE(a.gitCommit, b.gitCommit);
    QCOMPARE(a.gitDirty, b.gitDirty);
    QCOMPARE(a.leftOut, b.leftOut);
    QCOMPARE(a.metricsOffset, b.metricsOffset);
    QCOMPARE(a.skippedLines, b.skippedLines);
    QCOMPARE(a.lastSkipReason, b.lastSkipReason);
    QCOMPARE(a.skipReasons, b.skipReasons);
    QCOMPARE(a.heartbeatUs, b.heartbeatUs);
    QCOMPARE(a.parentRunId, b.parentRunId);
    QCOMPARE(a.nestedKey, b.nestedKey);
}

bool sameNumber(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }
} // namespace

// Whole pages (the window's first load, `history list`) are read through
// SQLite's own API, one run (details, `history show`) through Qt's driver:
// both give the same runs and summaries, texts that repeat from run to run
// or change between them included.
void TestRunStore::pagesReadWhatOneRunReads()
{
    RunStore store;
    QVERIFY(store.open(m_db));
    QVERIFY(store.useProject(QStringLiteral("P"), QStringLiteral("/p")));
    const auto first = store.createRun(QStringLiteral("P"), QStringLiteral("a.py"),
                                       { QStringLiteral("0.1"), QStringLiteral("it's $(whoami)") },
                                       QStringLiteral("ana"), QStringLiteral("h1"));
    QVERIFY(first);
    QHash<QString, MetricSummary> sums = store.summaries(first->id);
    MetricRecord acc { QStringLiteral("Accuracy"), MetricKind::Number, { 0.5 }, {}, 0 };
    MetricRecord nan {
        QStringLiteral("Accuracy"), MetricKind::Number, { std::numeric_limits<double>::quiet_NaN() }, {}, 0
    };
    MetricRecord note { QStringLiteral("note"), MetricKind::Text, {}, QStringLiteral("정확도"), 0 };
    MetricRecord list { QStringLiteral("all values"), MetricKind::List, { 5, 6, 7 }, {}, 0 };
    MetricRecord param { QStringLiteral("lr"), MetricKind::Number, { 0.1 }, {}, 0 };
    param.role = ValueRole::Param;
    QVERIFY(store.appendMetrics(first->id, { acc, nan, note, list, param }, &sums, 120, 2, QStringLiteral("bad"),
                                { { QStringLiteral("bad"), 2 } }));
    QVERIFY(store.setRunStarted(first->id, 4242, 1000));
    QVERIFY(store.setRunSnapshot(first->id, QStringLiteral("c0ffee"), QStringLiteral("abc"), 1,
                                 { QStringLiteral("data/big.bin"), QStringLiteral("model.pt") }));
    QVERIFY(store.setRunFinished(first->id, RunStatus::Failed, 3, 5000, QStringLiteral("Exit code 3.")));
    RunEdit edit;
    edit.name = QStringLiteral("첫 번째");
    edit.description = QStringLiteral("two\nlines");
    edit.tags = QStringList { QStringLiteral("b"), QStringLiteral("a") };
    QVERIFY(store.editRun(first->id, edit));

    const auto second = store.createRun(QStringLiteral("P"), QStringLiteral("b.py"), {}, QStringLiteral("ana"),
                                        QStringLiteral("h2"), QStringLiteral("slurm"));
    QVERIFY(second);
    QVERIFY(store.setRunSubmitted(second->id, QStringLiteral("77"), QStringLiteral("gpu")));
    QVERIFY(store.setRunScheduler(second->id, QStringLiteral("PENDING (Resources)"), QStringLiteral("n1"), {}));
    sums = store.summaries(second->id);
    QVERIFY(store.appendMetrics(second->id, { acc }, &sums, 10, 0, {}));
    // the first run's script and host again, after other ones
    const auto third = store.createRun(QStringLiteral("P"), QStringLiteral("a.py"), { QStringLiteral("0.2") },
                                       QStringLiteral("bo"), QStringLiteral("h1"));
    QVERIFY(third);

    const QVector<RunRecord> page = store.runsPage(0, 10);
    QCOMPARE(page.size(), 3);
    const QVector<RunRecord> all = store.runs(); // newest first
    QCOMPARE(all.size(), 3);
    for (int i = 0; i < page.size(); ++i) {
        const auto one = store.run(page.at(i).id);
        QVERIFY(one);
        compareRuns(page.at(i), *one);
        if (QTest::currentTestFailed())
            return;
        compareRuns(all.at(2 - i), *one);
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(page.at(0).script, QStringLiteral("a.py"));
    QCOMPARE(page.at(1).script, QStringLiteral("b.py"));
    QCOMPARE(page.at(2).script, QStringLiteral("a.py"));
    QCOMPARE(page.at(1).host, QStringLiteral("h2"));
    QCOMPARE(page.at(2).user, QStringLiteral("bo"));
    QCOMPARE(page.at(0).leftOut, (QStringList { QStringLiteral("data/big.bin"), QStringLiteral("model.pt") }));
    QCOMPARE(page.at(0).tags, (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
    QCOMPARE(page.at(0).arguments.value(1), QStringLiteral("it's $(whoami)"));
    // a page after the first run, and one of a single run
    QCOMPARE(store.runsPage(first->id, 10).size(), 2);
    QCOMPARE(store.runsPage(0, 1).value(0).id, first->id);

    const auto pageSums = store.summariesBetween(first->id, third->id);
    QCOMPARE(pageSums.value(first->id).size(), 4);
    QCOMPARE(pageSums.value(second->id).size(), 1);
    QVERIFY(!pageSums.contains(third->id));
    for (qint64 id : { first->id, second->id }) {
        const QHash<QString, MetricSummary> one = store.summaries(id);
        for (const MetricSummary &s : pageSums.value(id)) {
            QVERIFY2(one.contains(s.key), qPrintable(s.key));
            const MetricSummary &o = one.value(s.key);
            QCOMPARE(int(s.kind), int(o.kind));
            QCOMPARE(int(s.role), int(o.role));
            QCOMPARE(s.count, o.count);
            QCOMPARE(s.maxStep, o.maxStep);
            QVERIFY2(sameNumber(s.last, o.last), qPrintable(s.key));
            QCOMPARE(s.lastText, o.lastText);
            QVERIFY(sameNumber(s.min, o.min));
            QVERIFY(sameNumber(s.max, o.max));
            QVERIFY(sameNumber(s.sum, o.sum));
            QCOMPARE(s.finiteCount, o.finiteCount);
        }
    }
    bool nanRead = false; // the last Accuracy was not a number, and reads as such
    for (const MetricSummary &s : pageSums.value(first->id))
        nanRead = nanRead || (s.key == QLatin1String("Accuracy") && std::isnan(s.last));
    QVERIFY(nanRead);
}

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"

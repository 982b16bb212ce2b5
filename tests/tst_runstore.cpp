#include "runstore.h"
#include "testutil.h"

#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <limits>

class TestRunStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createsSchemaInWalMode();
    void migratesOldSchemaAndKeepsABackup();
    void refusesNewerSchema();
    void corruptFileGivesClearError();
    void runNumbersAndLookup();
    void concurrentSubmittersGetUniqueDenseNumbers();
    void metricsAndSummaries();
    void failedBatchLeavesNothingBehind();
    void artifactsAndPromotions();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestRunStore::init()
{
    m_db = m_dir.path() + QStringLiteral("/%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()));
}

void TestRunStore::createsSchemaInWalMode()
{
    RunStore store;
    QVERIFY2(store.open(m_db), qPrintable(store.lastError()));
    QCOMPARE(store.schemaVersion(), RunStore::latestSchemaVersion());
    QVERIFY(QFileInfo::exists(m_db + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(m_db + QStringLiteral(".bak-v0"))); // a new file needs no backup
}

void TestRunStore::migratesOldSchemaAndKeepsABackup()
{
    {
        RunStore v1;
        QVERIFY(v1.open(m_db, 1));
        QCOMPARE(v1.schemaVersion(), 1);
        QVERIFY(v1.useProject(QStringLiteral("P"), QStringLiteral("/p")));
    }
    {
        // a run as version 1 wrote it
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs (project_id, run_id, run_number, script, status, created_us) "
                                      "VALUES (1, 'P_1', 1, 'a.py', 'Completed', 1)")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    RunStore store;
    QVERIFY2(store.open(m_db), qPrintable(store.lastError()));
    QCOMPARE(store.schemaVersion(), RunStore::latestSchemaVersion());
    QVERIFY(store.useProject(QStringLiteral("P"), QStringLiteral("/p")));
    QCOMPARE(store.runs().size(), 1); // data kept
    QCOMPARE(store.runs().first().gitDirty, -1); // new columns have their defaults
    const QString backup = m_db + QStringLiteral(".bak-v1");
    QVERIFY(QFileInfo::exists(backup));
    RunStore old;
    QVERIFY(old.open(backup, 1)); // the backup is still the old schema
    QCOMPARE(old.schemaVersion(), 1);
}

void TestRunStore::refusesNewerSchema()
{
    {
        RunStore store;
        QVERIFY(store.open(m_db));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
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
    QVERIFY(store.appendMetrics(run->id, { acc, list }, &sums, 100, 1, QStringLiteral("bad line")));
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
    QCOMPARE(store.allSummaries().value(run->id).size(), 4);
    QCOMPARE(store.metricKeys(),
             (QStringList { QStringLiteral("Accuracy"), QStringLiteral("all values"), QStringLiteral("note"),
                            QStringLiteral("ok") }));
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
                               { { QStringLiteral("outputs/model.pkl"), 10, QStringLiteral("aa") },
                                 { QStringLiteral("outputs/cm.png"), 20, QStringLiteral("bb") } }));
    const auto artifacts = store.artifacts(run->id);
    QCOMPARE(artifacts.size(), 2);
    QCOMPARE(artifacts.first().path, QStringLiteral("outputs/cm.png"));
    QVERIFY(store.addPromotion(
        run->id, { QStringLiteral("assets/m"), QStringLiteral("outputs/model.pkl"), QStringLiteral("aa"), 123 }));
    QCOMPARE(store.promotions(run->id).size(), 1);
    QCOMPARE(store.promotions(run->id).first().assetPath, QStringLiteral("assets/m"));
}

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"

// A project's history follows the project, not its folder: moved and renamed
// folders, clones of a team on one PostgreSQL server (a throw-away one,
// tests/pgserver.h), two different projects at one path, runs of a machine
// that fell silent, 16 runs logging to one server at once, a malformed id,
// and a deliberate fork. Other hosts are simulated with RUNBENCH_HOST.
#include "jobqueue.h"
#include "pgserver.h"
#include "project.h"
#include "projectcopy.h"
#include "runhistoryloader.h"
#include "runmodel.h"
#include "runstore.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include <unistd.h>

namespace {

QString hostOf(const QJsonValue &run)
{
    return run.toObject().value(QStringLiteral("properties")).toObject().value(QStringLiteral("Host")).toString();
}

} // namespace

class TestTeam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void movedAndRenamedProjectKeepsItsHistory();
    void malformedIdIsAClearErrorAndWritesNothing();
    void copyAsNewProjectStartsAnEmptyHistory();
    void twoClonesShareOneServerHistory();
    void differentProjectsAtOnePathStayApart();
    void silentRunIsLostElsewhereUntilItsHostAdoptsIt();
    void sixteenRunsLogToOneServerAtOnce();
    void editsReachAnOpenHistory_data();
    void editsReachAnOpenHistory();

private:
    Result runbench(const QStringList &args, const QString &dir, const QString &host = QString(),
                    QProcess *started = nullptr);
    QJsonArray history(const QString &dir, const QString &host = QString());
    void writeProject(const QString &root, const QString &id, const QString &extra = QString());

    QTemporaryDir m_tmp;
    std::unique_ptr<PgServer> m_server;
    QString m_serverError;
};

void TestTeam::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<PgServer>();
    if (!m_server->start(&m_serverError))
        m_server.reset();
}

void TestTeam::cleanupTestCase() { m_server.reset(); }

Result TestTeam::runbench(const QStringList &args, const QString &dir, const QString &host, QProcess *started)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("RUNBENCH_DATABASE_URL"));
    if (!host.isEmpty())
        env.insert(QStringLiteral("RUNBENCH_HOST"), host);
    if (!started)
        return runCommand(QStringLiteral(RUNBENCH_BINARY), args, dir, env);
    started->setWorkingDirectory(dir);
    started->setProcessEnvironment(env);
    started->start(QStringLiteral(RUNBENCH_BINARY), args);
    return {};
}

QJsonArray TestTeam::history(const QString &dir, const QString &host)
{
    const Result r = runbench(
        { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json") }, dir, host);
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

void TestTeam::editsReachAnOpenHistory_data()
{
    QTest::addColumn<bool>("server");
    QTest::newRow("sqlite") << false;
    QTest::newRow("postgresql") << true;
}

// A history open in a window (its RunModel, kept by a RunHistoryLoader) shows
// a rename, tags and hiding made by `runbench history edit` elsewhere — on a
// server, from another clone on another host — without reopening anything.
void TestTeam::editsReachAnOpenHistory()
{
    QFETCH(bool, server);
    if (server && !m_server)
        QSKIP(qPrintable(m_serverError));
    const QString base = m_tmp.path() + (server ? QStringLiteral("/edits-pg") : QStringLiteral("/edits-sqlite"));
    const QString id = server ? QStringLiteral("9b2d7c1e-0c1a-4a53-8f6e-2a7d3c9e1f40")
                              : QStringLiteral("9b2d7c1e-0c1a-4a53-8f6e-2a7d3c9e1f41");
    QString settings;
    if (server) {
        QString error;
        const QString url = m_server->createDatabase(QStringLiteral("edits"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        settings = QStringLiteral("[store]\nurl=%1\nartifact_root=%2\n").arg(url, base + QStringLiteral("/runs"));
    }
    const QString window = base + QStringLiteral("/alice/iris");
    const QString other = server ? base + QStringLiteral("/bob/iris") : window;
    for (const QString &root : { window, other }) {
        writeProject(root, id, settings);
        QVERIFY(writeFile(root + QStringLiteral("/train.sh"), "echo trained\n"));
    }
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("-q"), QStringLiteral("train.sh") }, window).exitCode, 0);

    RunModel model;
    RunHistoryLoader history(&model);
    QSignalSpy loaded(&history, &RunHistoryLoader::loaded);
    history.setProject(Project(window));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.run(0).name, QString());

    const Result edit = runbench({ QStringLiteral("history"), QStringLiteral("edit"), QStringLiteral("1"),
                                   QStringLiteral("--name"), QStringLiteral("baseline"), QStringLiteral("--tag"),
                                   QStringLiteral("gpu"), QStringLiteral("--description"), QStringLiteral("first try") },
                                 other, server ? QStringLiteral("bob-pc") : QString());
    QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
    QCOMPARE(QJsonDocument::fromJson(edit.out.toUtf8()).object().value(QStringLiteral("name")).toString(),
             QStringLiteral("baseline"));
    // The loader looks twice a second; a generous limit for a loaded machine.
    QTRY_COMPARE_WITH_TIMEOUT(model.run(0).name, QStringLiteral("baseline"), 10000);
    QCOMPARE(model.run(0).tags, QStringList { QStringLiteral("gpu") });
    QCOMPARE(model.run(0).description, QStringLiteral("first try"));

    const Result hide = runbench({ QStringLiteral("history"), QStringLiteral("edit"), QStringLiteral("1"),
                                   QStringLiteral("--hidden"), QStringLiteral("true"), QStringLiteral("--untag"),
                                   QStringLiteral("gpu") },
                                 other, server ? QStringLiteral("bob-pc") : QString());
    QVERIFY2(hide.exitCode == 0, qPrintable(hide.err));
    QTRY_VERIFY_WITH_TIMEOUT(model.run(0).hidden, 10000);
    QCOMPARE(model.run(0).tags, QStringList());
    QCOMPARE(model.rowCount(), 1); // updated in place, not added again

    const Result bad = runbench({ QStringLiteral("history"), QStringLiteral("edit"), QStringLiteral("1"),
                                  QStringLiteral("--hidden"), QStringLiteral("maybe") },
                                other, server ? QStringLiteral("bob-pc") : QString());
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QStringLiteral("true or false")));
}

void TestTeam::writeProject(const QString &root, const QString &id, const QString &extra)
{
    QVERIFY(writeFile(root + QStringLiteral("/.runbench/project.ini"),
                      QStringLiteral("[project]\nid=%1\nname=Iris\n%2").arg(id, extra).toUtf8()));
}

// mv myproject myproject2, then again into another folder: every run, value
// and output is still there, downloadable from the new place.
void TestTeam::movedAndRenamedProjectKeepsItsHistory()
{
    const QString first = m_tmp.path() + QStringLiteral("/moves/myproject");
    QVERIFY(writeFile(first + QStringLiteral("/train.sh"),
                      "mkdir -p outputs\necho \"model $1\" > outputs/model.txt\n"
                      "echo '{\"name\": \"Accuracy\", \"value\": 0.'$1'}' >> \"$RUNBENCH_METRICS_FILE\"\n"));
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("train.sh"), QStringLiteral("7") }, first).exitCode, 0);
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("train.sh"), QStringLiteral("9") }, first).exitCode, 0);
    const QString id = Project(first).id();
    QVERIFY(!id.isEmpty()); // given on first use

    // renamed in place, then moved somewhere else entirely
    const QString renamed = m_tmp.path() + QStringLiteral("/moves/myproject2");
    const QString moved = m_tmp.path() + QStringLiteral("/elsewhere/deeper/project");
    QVERIFY(QDir().mkpath(QFileInfo(moved).path()));
    int expected = 2;
    QString from = first;
    for (const QString &root : { renamed, moved }) {
        QVERIFY(QDir().rename(from, root));
        const QString before = from;
        from = root;
        const QJsonArray runs = history(root);
        QCOMPARE(runs.size(), expected);
        QCOMPARE(runs.at(runs.size() - 2).toObject().value(QStringLiteral("Accuracy")).toDouble(), 0.9);
        QCOMPARE(runs.at(runs.size() - 1).toObject().value(QStringLiteral("Accuracy")).toDouble(), 0.7);
        const QString dest = root + QStringLiteral("-download");
        const Result download = runbench(
            { QStringLiteral("history"), QStringLiteral("download"), QStringLiteral("1"), QStringLiteral("-d"), dest },
            root);
        QVERIFY2(download.exitCode == 0, qPrintable(download.err));
        QCOMPARE(readFile(dest + QStringLiteral("/model.txt")), QByteArray("model 7\n"));
        // a run from the new place continues the numbering
        QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("train.sh"), QStringLiteral("5") }, root).exitCode,
                 0);
        QCOMPARE(history(root).at(0).toObject().value(QStringLiteral("run_number")).toInt(), ++expected);
        QCOMPARE(Project(root).id(), id);
        RunStore store;
        QVERIFY(store.open(Project(root).databasePath()));
        QVERIFY(store.useProject(Project(root)));
        QCOMPARE(store.previousRoot(), before); // remembered, not the key
    }
}

// A project.ini with a broken id names the file and the line; nothing is
// written until it is fixed.
void TestTeam::malformedIdIsAClearErrorAndWritesNothing()
{
    const QString root = m_tmp.path() + QStringLiteral("/malformed");
    QVERIFY(writeFile(root + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Broken\nid=not-a-uuid\n"));
    QVERIFY(writeFile(root + QStringLiteral("/a.sh"), "echo hi\n"));
    const QByteArray before = readFile(root + QStringLiteral("/.runbench/project.ini"));
    const Result run = runbench({ QStringLiteral("run"), QStringLiteral("a.sh") }, root);
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(QStringLiteral("project.ini, line 3")), qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("not-a-uuid")));
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/.runbench/history.sqlite")));
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/.runbench/runs")));
    QCOMPARE(readFile(root + QStringLiteral("/.runbench/project.ini")), before);

    // fixed by deleting the line: a new id, and the rest of the file kept
    QVERIFY(writeFile(root + QStringLiteral("/.runbench/project.ini"), "[project]\n# ours\nname=Broken\n"));
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("a.sh") }, root).exitCode, 0);
    const QByteArray after = readFile(root + QStringLiteral("/.runbench/project.ini"));
    QVERIFY2(after.startsWith("[project]\nid="), after.constData());
    QVERIFY(after.endsWith("\n# ours\nname=Broken\n"));
    QVERIFY(!Project(root).id().isEmpty());
}

// A deliberate fork: the files (data and links too), a new id, no history.
void TestTeam::copyAsNewProjectStartsAnEmptyHistory()
{
    const QString root = m_tmp.path() + QStringLiteral("/fork/original");
    writeProject(root, QStringLiteral("7d5e2a3c-0b1f-4c6e-9a8d-2f3b4c5d6e7f"), QStringLiteral("max_parallel_runs=3\n"));
    QVERIFY(writeFile(root + QStringLiteral("/train.sh"), "echo trained\n"));
    QVERIFY(writeFile(root + QStringLiteral("/data/big.csv"), "1,2\n"));
    QCOMPARE(::symlink("data/big.csv", QFile::encodeName(root + QStringLiteral("/latest.csv")).constData()), 0);
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("train.sh") }, root).exitCode, 0);

    const QString copy = m_tmp.path() + QStringLiteral("/fork/mine");
    QString error;
    QVector<qint64> progress;
    QVERIFY2(
        ProjectCopy::copy(Project(root), copy, &error, [&progress](qint64 done, qint64) { progress.append(done); }),
        qPrintable(error));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(readFile(copy + QStringLiteral("/train.sh")), QByteArray("echo trained\n"));
    QCOMPARE(readFile(copy + QStringLiteral("/data/big.csv")), QByteArray("1,2\n"));
    QCOMPARE(QFile::symLinkTarget(copy + QStringLiteral("/latest.csv")), copy + QStringLiteral("/data/big.csv"));
    QVERIFY(!QFileInfo::exists(copy + QStringLiteral("/.runbench/history.sqlite")));
    QVERIFY(!QFileInfo::exists(copy + QStringLiteral("/.runbench/snapshots.git")));
    const Project forked(copy);
    QVERIFY(!forked.id().isEmpty());
    QVERIFY(forked.id() != Project(root).id());
    QCOMPARE(forked.name(), QStringLiteral("mine"));
    QCOMPARE(forked.maxParallelRuns(), 3); // the settings came along
    const Result none = runbench({ QStringLiteral("history"), QStringLiteral("list") }, copy);
    QVERIFY2(none.exitCode != 0 || history(copy).isEmpty(), qPrintable(none.out));
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("train.sh") }, copy).exitCode, 0);
    QCOMPARE(history(copy).size(), 1);
    QCOMPARE(history(root).size(), 1); // the original's history is its own

    // not over an existing folder, not into the project itself
    QVERIFY(!ProjectCopy::copy(Project(root), copy, &error));
    QVERIFY(error.contains(QStringLiteral("already exists")));
    QVERIFY(!ProjectCopy::copy(Project(root), root + QStringLiteral("/inner"), &error));
    QVERIFY(error.contains(QStringLiteral("inside the project")));
}

// Alice's /…/alice/iris and Bob's /…/bob/iris, clones with one project.ini,
// run at the same time into one server: one history, numbers dense.
void TestTeam::twoClonesShareOneServerHistory()
{
    if (!m_server)
        QSKIP(qPrintable(m_serverError));
    QString error;
    const QString url = m_server->createDatabase(QStringLiteral("clones"), &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    const QString shared = m_tmp.path() + QStringLiteral("/clones/shared-runs");
    const QString settings = QStringLiteral("[store]\nurl=%1\nartifact_root=%2\n").arg(url, shared);
    const QString id = QStringLiteral("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    const QStringList roots { m_tmp.path() + QStringLiteral("/clones/alice/iris"),
                              m_tmp.path() + QStringLiteral("/clones/bob/code/iris") };
    for (const QString &root : roots) {
        writeProject(root, id, settings);
        QVERIFY(writeFile(root + QStringLiteral("/train.sh"),
                          "mkdir -p outputs\necho \"$RUNBENCH_RUN_NUMBER\" > outputs/n.txt\n"));
    }
    const int perClone = 4;
    QVector<QProcess *> loops;
    for (int c = 0; c < 2; ++c) {
        auto *loop = new QProcess(this);
        loop->setWorkingDirectory(roots.at(c));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RUNBENCH_HOST"), c == 0 ? QStringLiteral("alice-pc") : QStringLiteral("bob-pc"));
        loop->setProcessEnvironment(env);
        loop->start(
            QStringLiteral("bash"),
            { QStringLiteral("-c"),
              QStringLiteral("for i in $(seq %1); do \"$0\" run --quiet train.sh || exit 1; done").arg(perClone),
              QStringLiteral(RUNBENCH_BINARY) });
        loops.append(loop);
    }
    for (QProcess *loop : std::as_const(loops)) {
        QVERIFY(loop->waitForFinished(180000));
        QVERIFY2(loop->exitCode() == 0, loop->readAllStandardError().constData());
    }
    for (const QString &root : roots) {
        const QJsonArray runs = history(root);
        QCOMPARE(runs.size(), 2 * perClone);
        QSet<int> numbers;
        QSet<QString> hosts;
        for (const QJsonValue &v : runs) {
            numbers.insert(v.toObject().value(QStringLiteral("run_number")).toInt());
            hosts.insert(hostOf(v));
        }
        for (int n = 1; n <= 2 * perClone; ++n)
            QVERIFY2(numbers.contains(n), qPrintable(QString::number(n)));
        QCOMPARE(hosts, (QSet<QString> { QStringLiteral("alice-pc"), QStringLiteral("bob-pc") }));
    }
    // Bob downloads the outputs of one of Alice's runs from his clone.
    const QJsonArray runs = history(roots.at(1));
    QString aliceRun;
    for (const QJsonValue &v : runs)
        if (hostOf(v) == QLatin1String("alice-pc"))
            aliceRun = v.toObject().value(QStringLiteral("run_id")).toString();
    QVERIFY(!aliceRun.isEmpty());
    const QString dest = m_tmp.path() + QStringLiteral("/clones/bob-download");
    const Result download = runbench(
        { QStringLiteral("history"), QStringLiteral("download"), aliceRun, QStringLiteral("-d"), dest }, roots.at(1));
    QVERIFY2(download.exitCode == 0, qPrintable(download.err));
    QVERIFY(QFileInfo::exists(dest + QStringLiteral("/n.txt")));
}

// Two unrelated projects that both live at one path, on two machines, share
// one server: their histories stay apart.
void TestTeam::differentProjectsAtOnePathStayApart()
{
    if (!m_server)
        QSKIP(qPrintable(m_serverError));
    QString error;
    const QString url = m_server->createDatabase(QStringLiteral("samepath"), &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    const QString root = m_tmp.path() + QStringLiteral("/samepath/project");
    const QString settings = QStringLiteral("[store]\nurl=%1\nartifact_root=%2\n")
                                 .arg(url, m_tmp.path() + QStringLiteral("/samepath/runs"));
    QVERIFY(writeFile(root + QStringLiteral("/a.sh"), "echo a\n"));
    const QString first = QStringLiteral("a3bb189e-8bf9-3888-9912-ace4e6543002");
    const QString second = QStringLiteral("c2d9a8f1-5b3e-4a7c-8e6d-1f0a9b8c7d6e");
    writeProject(root, first, settings);
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("a.sh") }, root, QStringLiteral("host-one")).exitCode, 0);
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("a.sh") }, root, QStringLiteral("host-one")).exitCode, 0);
    // the other machine's project, at the very same path
    writeProject(root, second, settings);
    QCOMPARE(history(root, QStringLiteral("host-two")).size(), 0);
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("a.sh") }, root, QStringLiteral("host-two")).exitCode, 0);
    const QJsonArray seconds = history(root, QStringLiteral("host-two"));
    QCOMPARE(seconds.size(), 1);
    QCOMPARE(seconds.at(0).toObject().value(QStringLiteral("run_number")).toInt(), 1);
    writeProject(root, first, settings);
    const QJsonArray firsts = history(root, QStringLiteral("host-one"));
    QCOMPARE(firsts.size(), 2);
    for (const QJsonValue &v : firsts)
        QCOMPARE(hostOf(v), QStringLiteral("host-one"));
}

// Alice's `runbench run` is killed while its script goes on: Bob sees the
// run as Lost, with the time of its last heartbeat; once Alice's machine
// opens the project and re-adopts the run, Bob sees it Running again.
void TestTeam::silentRunIsLostElsewhereUntilItsHostAdoptsIt()
{
    if (!m_server)
        QSKIP(qPrintable(m_serverError));
    QString error;
    const QString url = m_server->createDatabase(QStringLiteral("heartbeats"), &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    const QString aliceRoot = m_tmp.path() + QStringLiteral("/heartbeats/alice/iris");
    const QString bobRoot = m_tmp.path() + QStringLiteral("/heartbeats/bob/iris");
    const QString settings = QStringLiteral("[store]\nurl=%1\nartifact_root=%2\n[runs]\nlost_after_seconds=2\n")
                                 .arg(url, m_tmp.path() + QStringLiteral("/heartbeats/runs"));
    const QString id = QStringLiteral("5e4a2b1c-9d8e-4f7a-b6c5-d4e3f2a1b0c9");
    writeProject(aliceRoot, id, settings);
    writeProject(bobRoot, id, settings);
    QVERIFY(writeFile(aliceRoot + QStringLiteral("/wait.sh"),
                      "echo started\nwhile [ ! -e \"$RUNBENCH_PROJECT_DIR/end\" ]; do sleep 0.1; done\necho done\n"));

    QProcess owner;
    runbench({ QStringLiteral("run"), QStringLiteral("wait.sh") }, aliceRoot, QStringLiteral("alice"), &owner);
    QVERIFY(waitForOutput(&owner, "started", 60000));
    auto last = [&](const QString &root, const QString &host) {
        const Result r = runbench({ QStringLiteral("history"), QStringLiteral("last") }, root, host);
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    QCOMPARE(last(bobRoot, QStringLiteral("bob")).value(QStringLiteral("status")).toString(),
             QStringLiteral("Running"));
    QCOMPARE(last(bobRoot, QStringLiteral("bob")).value(QStringLiteral("heartbeat_enabled")).toBool(), true);
    owner.kill(); // SIGKILL: no more heartbeats; the script goes on under runbench-launch
    QVERIFY(owner.waitForFinished(10000));

    QTRY_COMPARE_WITH_TIMEOUT(last(bobRoot, QStringLiteral("bob")).value(QStringLiteral("status")).toString(),
                              QStringLiteral("Lost"), 20000);
    const QString why = last(bobRoot, QStringLiteral("bob"))
                            .value(QStringLiteral("properties"))
                            .toObject()
                            .value(QStringLiteral("Error"))
                            .toString();
    QVERIFY2(why.startsWith(QStringLiteral("No heartbeat from alice since 20")), qPrintable(why));

    // Alice's machine opens the project: the run is taken up again.
    qputenv("RUNBENCH_HOST", "alice");
    JobQueue queue;
    QSignalSpy adopted(&queue, &JobQueue::jobAdopted);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    queue.setProject(Project(aliceRoot));
    QVERIFY(adopted.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(last(bobRoot, QStringLiteral("bob")).value(QStringLiteral("status")).toString(),
                              QStringLiteral("Running"), 20000);
    QVERIFY(writeFile(aliceRoot + QStringLiteral("/end"), ""));
    QVERIFY(finished.wait(30000));
    qunsetenv("RUNBENCH_HOST");
    QCOMPARE(last(bobRoot, QStringLiteral("bob")).value(QStringLiteral("status")).toString(),
             QStringLiteral("Completed"));
}

// 16 runs logging at once (each in bursts, ingested as they come) into one
// server: every point stored once, no serialization errors.
void TestTeam::sixteenRunsLogToOneServerAtOnce()
{
    if (!m_server)
        QSKIP(qPrintable(m_serverError));
    QString error;
    const QString url = m_server->createDatabase(QStringLiteral("sixteen"), &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    {
        RunStore store;
        QVERIFY2(store.open(url), qPrintable(store.lastError()));
    }
    const int writers = 16;
    const int points = 20000;
    QVector<QProcess *> processes;
    for (int i = 0; i < writers; ++i) {
        auto *p = new QProcess(this);
        p->start(QStringLiteral(STORE_SUBMITTER),
                 { url, QStringLiteral("/team/iris"), QStringLiteral("1"), QString::number(points) });
        processes.append(p);
    }
    for (QProcess *p : std::as_const(processes)) {
        QVERIFY(p->waitForFinished(240000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
    }
    RunStore store;
    QVERIFY(store.open(url));
    QVERIFY(store.useProject(QStringLiteral("Concurrent"), QStringLiteral("/team/iris")));
    const QVector<RunRecord> runs = store.runs();
    QCOMPARE(runs.size(), writers);
    QSet<int> numbers;
    for (const RunRecord &r : runs) {
        numbers.insert(r.number);
        const QVector<MetricPoint> series = store.series(r.id, QStringLiteral("loss"));
        QCOMPARE(series.size(), points);
        QCOMPARE(series.first().step, 0);
        QCOMPARE(series.last().step, points - 1);
        QCOMPARE(series.at(points / 2).value, 1.0 / (points / 2 + 1));
        QCOMPARE(store.summaries(r.id).value(QStringLiteral("loss")).count, points);
    }
    QCOMPARE(numbers.size(), writers);
    QCOMPARE(store.projectRowCounts().value(QStringLiteral("metrics")), qint64(writers) * points);
}

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"

#include <utility>

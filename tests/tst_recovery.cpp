// The promises of README "Reliability" that need more than one process: a
// run survives the death of the program that started it, and is re-adopted or
// ended correctly when Runbench comes back.
#include "artifactfiles.h"
#include "jobqueue.h"
#include "project.h"
#include "runhelper.h"
#include "runstore.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <csignal>
#include <utility>
#include <sys/resource.h>

namespace {

// Logs step = 1, 2, 3, says "logged", waits for the file "go", logs 4, 5, 6,
// says "more" and exits with its first argument (if it is ever let go).
const char kTwoPhaseScript[]
    = "log() { echo \"{\\\"name\\\": \\\"step\\\", \\\"value\\\": $1}\" >> \"$RUNBENCH_METRICS_FILE\"; }\n"
      "for i in 1 2 3; do log $i; done\n"
      "echo logged\n"
      "while [ ! -e \"$RUNBENCH_PROJECT_DIR/go\" ]; do sleep 0.05; done\n"
      "for i in 4 5 6; do log $i; done\n"
      "mkdir -p outputs && echo kept > outputs/result.txt\n"
      "echo more\n"
      "while [ ! -e \"$RUNBENCH_PROJECT_DIR/end\" ]; do sleep 0.05; done\n"
      "exit \"$1\"\n";

// Warnings the runner printed while a test ran (a store error would be one).
QStringList g_warnings;
void collectWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_warnings.append(message);
}

bool processAlive(qint64 pid, const QString &started)
{
    return !started.isEmpty() && RunStore::processStartTime(pid) == started;
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void deadOwnerAndProcessEndLost();
    void deadOwnerWhoseScriptEndedKeepsItsExitStatus();
    void deadOwnerWhoseScriptStillRunsIsReadopted();
    void concurrentWritersLoseNothing();
    void fullDiskFailsTheRunClearly();
    void hostilePathsAreRefused();
    void damagedHistoryOnTheCommandLine();

private:
    // Starts `runbench run two_phase.sh CODE` in m_root, waits for "logged".
    bool startOwner(QProcess *owner, int exitCode);
    // The last run as the store has it, and its step series.
    RunRecord lastRun();
    QVector<double> steps(qint64 run);
    // The runbench-launch process of the last run: pid and start time.
    QPair<qint64, QString> launcherOf(qint64 run);
    // Starts the two-phase script under `runbench run`, then SIGKILLs that
    // owner; the run and its (still running) launcher.
    bool startAndKillOwner(int exitCode, RunRecord *run, QPair<qint64, QString> *launcher);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

void TestRecovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_root = m_dir->path();
    QVERIFY(writeFile(m_root + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Recovery\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/two_phase.sh"), kTwoPhaseScript));
}

bool TestRecovery::startOwner(QProcess *owner, int exitCode)
{
    owner->setWorkingDirectory(m_root);
    owner->start(QStringLiteral(RUNBENCH_BINARY),
                 { QStringLiteral("run"), QStringLiteral("two_phase.sh"), QString::number(exitCode) });
    QByteArray out;
    return waitFor([&] {
        out += owner->readAllStandardOutput();
        return out.contains("logged");
    });
}

bool TestRecovery::startAndKillOwner(int exitCode, RunRecord *run, QPair<qint64, QString> *launcher)
{
    QProcess owner;
    if (!startOwner(&owner, exitCode))
        return false;
    *run = lastRun();
    *launcher = launcherOf(run->id);
    owner.kill(); // SIGKILL: the owner records nothing more
    return owner.waitForFinished(10000) && processAlive(launcher->first, launcher->second);
}

RunRecord TestRecovery::lastRun()
{
    RunStore store;
    if (!store.open(Project(m_root).databasePath()) || !store.useProject(Project(m_root)))
        return {};
    return store.findRun(QStringLiteral("last")).value_or(RunRecord());
}

QVector<double> TestRecovery::steps(qint64 run)
{
    RunStore store;
    QVector<double> values;
    if (store.open(Project(m_root).databasePath()))
        for (const MetricPoint &p : store.series(run, QStringLiteral("step")))
            values.append(p.value);
    return values;
}

QPair<qint64, QString> TestRecovery::launcherOf(qint64 run)
{
    RunStore store;
    if (!store.open(Project(m_root).databasePath()) || !store.useProject(Project(m_root)))
        return {};
    for (const RunStore::Owner &o : store.activeRunOwners())
        if (o.run == run)
            return { o.runPid, o.runStarted };
    return {};
}

void TestRecovery::deadOwnerAndProcessEndLost()
{
    RunRecord started;
    QPair<qint64, QString> launcher;
    QVERIFY(startAndKillOwner(0, &started, &launcher));
    const qint64 run = started.id;
    // Lines logged after the owner died are still in the file...
    QVERIFY(writeFile(m_root + QStringLiteral("/go"), ""));
    const QString metrics = Project(m_root).runDir(lastRun().runId) + QStringLiteral("/metrics.jsonl");
    const QString log = Project(m_root).runDir(lastRun().runId) + QStringLiteral("/driver_log.txt");
    QVERIFY(waitFor([&] { return readFile(metrics).count('\n') == 6 && readFile(log).contains("more"); }));
    // ...then the run's own process dies too, with no chance to say how.
    ::kill(pid_t(launcher.first), SIGKILL);
    QVERIFY(waitFor([&] { return !processAlive(launcher.first, launcher.second); }));

    // The next runbench that opens the history ends it as Lost, with every line.
    QProcess reader;
    reader.setWorkingDirectory(m_root);
    reader.start(QStringLiteral(RUNBENCH_BINARY), { QStringLiteral("history"), QStringLiteral("last") });
    QVERIFY(reader.waitForFinished(30000));
    const QJsonObject last = QJsonDocument::fromJson(reader.readAllStandardOutput()).object();
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("Lost"));
    QCOMPARE(steps(run), (QVector<double> { 1, 2, 3, 4, 5, 6 })); // every line, once
    QVERIFY(last.value(QStringLiteral("properties"))
                .toObject()
                .value(QStringLiteral("Error"))
                .toString()
                .contains(QStringLiteral("stopped")));
    // The outputs written before the end were kept as artifacts.
    QVERIFY(QFileInfo::exists(Project(m_root).runDir(lastRun().runId) + QStringLiteral("/outputs/result.txt")));
}

void TestRecovery::deadOwnerWhoseScriptEndedKeepsItsExitStatus()
{
    RunRecord started;
    QPair<qint64, QString> launcher;
    QVERIFY(startAndKillOwner(3, &started, &launcher));
    QVERIFY(writeFile(m_root + QStringLiteral("/go"), ""));
    QVERIFY(writeFile(m_root + QStringLiteral("/end"), ""));
    QVERIFY(waitFor([&] { return !processAlive(launcher.first, launcher.second); }));
    QCOMPARE(lastRun().status, RunStatus::Running); // nobody has looked yet

    // A window opening the project records how the script really ended.
    JobQueue queue;
    QSignalSpy adopted(&queue, &JobQueue::jobAdopted);
    queue.setProject(Project(m_root));
    QVERIFY(waitFor([&] { return lastRun().status != RunStatus::Running; }));
    const RunRecord ended = lastRun();
    QCOMPARE(ended.status, RunStatus::Failed);
    QCOMPARE(ended.exitCode, 3);
    QVERIFY(ended.error.contains(QStringLiteral("code 3")));
    QVERIFY(ended.endUs >= ended.startUs);
    QCOMPARE(steps(started.id), (QVector<double> { 1, 2, 3, 4, 5, 6 }));
    QCOMPARE(adopted.count(), 0);
}

void TestRecovery::deadOwnerWhoseScriptStillRunsIsReadopted()
{
    RunRecord started;
    QPair<qint64, QString> launcher;
    QVERIFY(startAndKillOwner(0, &started, &launcher)); // the script outlives its owner

    // A `runbench` that only reads leaves a live run alone.
    QProcess reader;
    reader.setWorkingDirectory(m_root);
    reader.start(QStringLiteral(RUNBENCH_BINARY), { QStringLiteral("history"), QStringLiteral("last") });
    QVERIFY(reader.waitForFinished(30000));
    QCOMPARE(lastRun().status, RunStatus::Running);

    JobQueue queue;
    QSignalSpy adopted(&queue, &JobQueue::jobAdopted);
    QSignalSpy output(&queue, &JobQueue::jobOutput);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    queue.setProject(Project(m_root));
    QVERIFY(adopted.wait(10000));
    const int key = adopted.at(0).at(0).toInt();
    QCOMPARE(adopted.at(0).at(1).value<RunRecord>().id, started.id);
    QCOMPARE(queue.activeCount(), 1);

    // A second workbench opening the project while the run is alive does not
    // take it over too (its open has happened before the run may end).
    JobQueue second;
    QSignalSpy secondAdopted(&second, &JobQueue::jobAdopted);
    QSignalSpy secondOpened(&second, &JobQueue::projectOpened);
    second.setProject(Project(m_root));
    QVERIFY(secondOpened.wait(10000));
    QCOMPARE(secondOpened.at(0).at(0).toInt(), 0);
    QCOMPARE(secondAdopted.count(), 0);
    QCOMPARE(lastRun().status, RunStatus::Running);

    QVERIFY(writeFile(m_root + QStringLiteral("/go"), ""));
    // The adopter tails the log again: output written after the owner died.
    QVERIFY(waitFor([&] {
        for (const auto &args : std::as_const(output))
            if (args.at(0).toInt() == key && args.at(1).toByteArray().contains("more"))
                return true;
        return false;
    }));
    QVERIFY(writeFile(m_root + QStringLiteral("/end"), ""));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toInt(), key);
    const RunRecord ended = lastRun();
    QCOMPARE(ended.status, RunStatus::Completed);
    QCOMPARE(ended.exitCode, 0);
    QCOMPARE(steps(started.id), (QVector<double> { 1, 2, 3, 4, 5, 6 }));
    QVERIFY(QFileInfo::exists(Project(m_root).runDir(ended.runId) + QStringLiteral("/outputs/result.txt")));
    QVERIFY(readFile(Project(m_root).runDir(ended.runId) + QStringLiteral("/driver_log.txt")).contains("more"));
    QCOMPARE(secondAdopted.count(), 0);
    QCOMPARE(queue.activeCount(), 0);
}

// The window's runner and two `runbench run` loops on one project at once,
// 50 runs each, every run logging 10,000 points.
void TestRecovery::concurrentWritersLoseNothing()
{
    const int runsPerWriter = 50;
    const int points = 10000;
    QVERIFY(writeFile(m_root + QStringLiteral("/.runbench/project.ini"),
                      "[project]\nname=Recovery\nmax_parallel_runs=2\n[interpreters]\npy=/usr/bin/python3\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/log_points.py"),
                      "import sys\nfrom runbench import get_logger\nlog = get_logger()\n"
                      "for i in range(int(sys.argv[1])):\n    log.log('point', i)\n"));
    const QString loop = QStringLiteral("for i in $(seq %1); do \"$0\" run --quiet log_points.py %2 || exit 1; done")
                             .arg(runsPerWriter)
                             .arg(points);
    QVector<QProcess *> writers;
    for (int w = 0; w < 2; ++w) {
        auto *writer = new QProcess(this);
        writer->setWorkingDirectory(m_root);
        writer->start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), loop, QStringLiteral(RUNBENCH_BINARY) });
        writers.append(writer);
    }
    g_warnings.clear();
    const QtMessageHandler previousHandler = qInstallMessageHandler(collectWarnings);
    JobQueue queue;
    queue.setProject(Project(m_root));
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    QSignalSpy rejected(&queue, &JobQueue::jobRejected);
    for (int i = 0; i < runsPerWriter; ++i)
        queue.submit(QStringLiteral("log_points.py"), { QString::number(points) });
    const bool allFinished = waitFor([&] { return finished.count() + rejected.count() == runsPerWriter; }, 600000);
    qInstallMessageHandler(previousHandler);
    QVERIFY(allFinished);
    QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(QLatin1Char('\n'))));
    QCOMPARE(rejected.count(), 0);
    for (const auto &args : std::as_const(finished)) {
        QCOMPARE(args.at(2).toInt(), 0);
        QVERIFY2(args.at(3).toString().isEmpty(), qPrintable(args.at(3).toString()));
    }
    for (QProcess *writer : std::as_const(writers)) {
        // A loop that ended while the queue ran is already NotRunning, and
        // waitForFinished() says false for it.
        QVERIFY(writer->state() == QProcess::NotRunning || writer->waitForFinished(600000));
        const QByteArray errors = writer->readAllStandardError();
        QCOMPARE(writer->exitStatus(), QProcess::NormalExit);
        QVERIFY2(writer->exitCode() == 0 && errors.isEmpty(), errors.constData());
        QVERIFY(!writer->readAllStandardOutput().contains("locked"));
        delete writer;
    }

    RunStore store;
    QVERIFY(store.open(Project(m_root).databasePath()));
    QVERIFY(store.useProject(Project(m_root)));
    const QVector<RunRecord> runs = store.runs();
    QCOMPARE(runs.size(), 3 * runsPerWriter);
    QSet<int> numbers;
    for (const RunRecord &r : runs) {
        numbers.insert(r.number);
        QCOMPARE(r.status, RunStatus::Completed);
        QCOMPARE(r.skippedLines, 0);
        const QVector<MetricPoint> series = store.series(r.id, QStringLiteral("point"));
        QCOMPARE(series.size(), points); // every point, once, in order
        for (int i = 0; i < points; ++i)
            if (series.at(i).value != i || series.at(i).step != i)
                QFAIL(
                    qPrintable(QStringLiteral("run %1: point %2 is %3").arg(r.number).arg(i).arg(series.at(i).value)));
    }
    QCOMPARE(numbers.size(), 3 * runsPerWriter); // unique
    QCOMPARE(*std::min_element(numbers.begin(), numbers.end()), 1); // and dense
    QCOMPARE(*std::max_element(numbers.begin(), numbers.end()), 3 * runsPerWriter);
}

// The history's disk fills up mid-run (a file size limit on the owner, set
// once the script runs, stands in for it).
void TestRecovery::fullDiskFailsTheRunClearly()
{
    const int points = 300000;
    QVERIFY(writeFile(m_root + QStringLiteral("/.runbench/project.ini"),
                      "[project]\nname=Recovery\n[interpreters]\npy=/usr/bin/python3\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/many.py"),
                      "import os, sys, time\nfrom runbench import get_logger\nlog = get_logger()\n"
                      "print('started', flush=True)\n"
                      "while not os.path.exists(os.environ['RUNBENCH_PROJECT_DIR'] + '/go'): time.sleep(0.05)\n"
                      "for i in range(int(sys.argv[1])):\n    log.log('point', i)\n"));
    QProcess owner;
    owner.setWorkingDirectory(m_root);
    owner.start(QStringLiteral(RUNBENCH_BINARY),
                { QStringLiteral("run"), QStringLiteral("many.py"), QString::number(points) });
    QByteArray out;
    QVERIFY(waitFor([&] {
        out += owner.readAllStandardOutput();
        return out.contains("started");
    }));
    const rlimit limit { 300 * 1024, 300 * 1024 };
    QCOMPARE(::prlimit(pid_t(owner.processId()), RLIMIT_FSIZE, &limit, nullptr), 0);
    QVERIFY(writeFile(m_root + QStringLiteral("/go"), ""));
    QVERIFY(owner.waitForFinished(120000));
    const QString errors = QString::fromUtf8(owner.readAllStandardError());
    QCOMPARE(owner.exitStatus(), QProcess::NormalExit); // reported, not killed by SIGXFSZ
    QCOMPARE(owner.exitCode(), 1);
    QVERIFY2(errors.contains(QStringLiteral("the disk may be full")), qPrintable(errors));

    const RunRecord run = lastRun();
    QCOMPARE(run.status, RunStatus::Failed);
    QVERIFY(run.error.contains(QStringLiteral("could not be written")));
    QVERIFY(run.error.contains(QStringLiteral("metrics.jsonl")));
    // Nothing logged is lost: the file has every line...
    QCOMPARE(readFile(Project(m_root).runDir(run.runId) + QStringLiteral("/metrics.jsonl")).count('\n'), points);
    QVERIFY(steps(run.id).isEmpty()); // (the series is "point", not "step")
    RunStore store;
    QVERIFY(store.open(Project(m_root).databasePath()));
    QVERIFY(store.series(run.id, QStringLiteral("point")).size() < points);
    // ...and the database is intact.
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    db.setDatabaseName(Project(m_root).databasePath());
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }
    db.close();
}

// Paths a script, a damaged history or a user can hand Runbench that point
// out of where it may write.
void TestRecovery::hostilePathsAreRefused()
{
    QTemporaryDir outside;
    QVERIFY(writeFile(outside.path() + QStringLiteral("/precious.txt"), "untouched"));
    QVERIFY(writeFile(m_root + QStringLiteral("/hostile.sh"),
                      "mkdir -p outputs/sub && echo ok > outputs/good.txt && echo deep > outputs/sub/f.txt\n"
                      "ln -s \"$1/precious.txt\" outputs/evil\nln -s \"$1\" outputs/dirlink\n"));
    const QString runId = runTracked(m_root, QStringLiteral("hostile.sh"), { outside.path() });
    QVERIFY(!runId.isEmpty());
    const QString runDir = Project(m_root).runDir(runId);

    // Links the script left in outputs/ are recorded as links (their target
    // as text), never followed or copied, and removed from the run folder.
    RunStore store;
    QVERIFY(store.open(Project(m_root).databasePath()));
    QVERIFY(store.useProject(Project(m_root)));
    const QVector<ArtifactRecord> all = store.artifacts(store.findRun(runId)->id);
    QStringList paths;
    QVector<ArtifactRecord> artifacts; // the files
    for (const ArtifactRecord &a : all) {
        paths.append(a.isLink() ? a.path + QStringLiteral(" -> ") + a.linkTarget : a.path);
        if (!a.isLink())
            artifacts.append(a);
    }
    QCOMPARE(paths,
             (QStringList { QStringLiteral("outputs/dirlink -> ") + outside.path(),
                            QStringLiteral("outputs/evil -> ") + outside.path() + QStringLiteral("/precious.txt"),
                            QStringLiteral("outputs/good.txt"), QStringLiteral("outputs/sub/f.txt") }));
    QVERIFY(!QFileInfo(runDir + QStringLiteral("/outputs/evil")).isSymLink());
    QVERIFY(!QFileInfo::exists(runDir + QStringLiteral("/outputs/evil")));
    QVERIFY(!QFileInfo(runDir + QStringLiteral("/outputs/dirlink")).isSymLink());

    // Artifact records that leave their folder (a damaged or forged history).
    QTemporaryDir download;
    QString error;
    for (const QString &bad : { QStringLiteral("outputs/../../precious.txt"), QStringLiteral("/etc/hostname"),
                                QStringLiteral("outputs//x"), QStringLiteral("driver_log.txt") }) {
        ArtifactRecord forged;
        forged.path = bad;
        error.clear();
        QVERIFY(ArtifactFiles::download(runDir, { forged }, download.path(), false, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("leaves its folder")), qPrintable(bad + QStringLiteral(": ") + error));
    }
    QVERIFY(QDir(download.path()).isEmpty());

    // A download folder whose subfolder is a link out of it.
    QVERIFY(QFile::link(outside.path(), download.path() + QStringLiteral("/sub")));
    error.clear();
    QVERIFY(ArtifactFiles::download(runDir, artifacts, download.path(), true, &error).size() < 2);
    QVERIFY2(error.contains(QStringLiteral("outside")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(outside.path() + QStringLiteral("/f.txt")));
    // A file in the download folder that is a link: not written through.
    QVERIFY(QFile::remove(download.path() + QStringLiteral("/sub")));
    QFile::remove(download.path() + QStringLiteral("/good.txt"));
    QVERIFY(
        QFile::link(outside.path() + QStringLiteral("/precious.txt"), download.path() + QStringLiteral("/good.txt")));
    error.clear();
    QVERIFY(ArtifactFiles::download(runDir, artifacts, download.path(), false, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("good.txt is a link")), qPrintable(error));
    QCOMPARE(readFile(outside.path() + QStringLiteral("/precious.txt")), QByteArray("untouched"));

    // Promote targets: no folders, no "..", no absolute names, no linked assets/.
    auto promote = [&](const QString &name) {
        QProcess p;
        p.setWorkingDirectory(m_root);
        p.start(QStringLiteral(RUNBENCH_BINARY),
                { QStringLiteral("history"), QStringLiteral("promote"), runId, QStringLiteral("outputs/good.txt"),
                  QStringLiteral("--name"), name });
        p.waitForFinished(30000);
        return qMakePair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    for (const QString &bad :
         { QStringLiteral("../escape.txt"), QStringLiteral("/tmp/abs.txt"), QStringLiteral("sub/inner.txt") }) {
        const auto result = promote(bad);
        QCOMPARE(result.first, 2);
        QVERIFY2(result.second.contains(QStringLiteral("plain file name")), qPrintable(result.second));
    }
    QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/escape.txt")));
    QVERIFY(QFile::link(outside.path(), m_root + QStringLiteral("/assets")));
    const auto linked = promote(QStringLiteral("model.txt"));
    QVERIFY(linked.first != 0);
    QVERIFY2(linked.second.contains(QStringLiteral("symbolic link")), qPrintable(linked.second));
    QVERIFY(!QFileInfo::exists(outside.path() + QStringLiteral("/model.txt")));
}

// A damaged history file: the command line says so, points at the backup,
// and writes nothing over the damaged file.
void TestRecovery::damagedHistoryOnTheCommandLine()
{
    QVERIFY(writeFile(m_root + QStringLiteral("/step.sh"), "echo one\n"));
    QVERIFY(!runTracked(m_root, QStringLiteral("step.sh")).isEmpty());
    const QString db = Project(m_root).databasePath();
    {
        RunStore store;
        QVERIFY(store.open(db));
        QVERIFY(store.writeBackup());
    }
    QFile file(db);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.write(QByteArray(100, 'x'));
    file.close();
    const QByteArray damaged = readFile(db);

    for (const QStringList &args : { QStringList { QStringLiteral("history"), QStringLiteral("list") },
                                     QStringList { QStringLiteral("run"), QStringLiteral("step.sh") } }) {
        QProcess p;
        p.setWorkingDirectory(m_root);
        p.start(QStringLiteral(RUNBENCH_BINARY), args);
        QVERIFY(p.waitForFinished(30000));
        const QString errors = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(errors.contains(QStringLiteral("may be damaged")), qPrintable(errors));
        QVERIFY2(errors.contains(RunStore::backupPath(db)), qPrintable(errors));
    }
    QCOMPARE(readFile(db), damaged);
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"

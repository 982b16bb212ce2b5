// End to end: `runbench sweep` — a parent run, a child per combination,
// their parameters, the parent's end, and canceling a sweep.
#include "jobqueue.h"
#include "project.h"
#include "runstore.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

class TestSweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void gridOfChildrenAndTheParentsEnd();
    void randomWithASeedAndRepeats();
    void failingChildFailsTheParent();
    void cancelEndsTheChildrenNotYetEnded();
    void cancelOfTheParentFromTheWindowCancelsTheSweep();
    void bracesAreLiteralOutsideASweep();
    void badSetsAndMissingScriptsAreClearErrors();
    void sweepFromTheWindowsQueue();
    void cancelOfASweepInTheWindowsQueue();

private:
    Result runbench(const QStringList &args) { return runCommand(QStringLiteral(RUNBENCH_BINARY), args, m_root); }
    QJsonObject info(const QString &run);
    QJsonArray children(const QString &parent);
    // Starts `runbench sweep` of count children that sleep, parallel at a
    // time, and waits until that many run; store is open on the history.
    void startSlowSweep(QProcess *process, RunStore *store, int parallel, int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

void TestSweep::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_root = m_dir->path() + QStringLiteral("/project");
    QVERIFY(writeFile(m_root + QStringLiteral("/.runbench/project.ini"),
                      "[project]\nname=Sweep\n[interpreters]\nsh=sh\n[runs]\nmax_parallel_runs=4\n"));
    // logs what it was given, as the sample's script does
    QVERIFY(writeFile(m_root + QStringLiteral("/train.sh"),
                      "echo \"{\\\"name\\\": \\\"accuracy\\\", \\\"value\\\": $2}\" >> \"$RUNBENCH_METRICS_FILE\"\n"
                      "echo \"{\\\"name\\\": \\\"index\\\", \\\"value\\\": $RUNBENCH_SWEEP_INDEX}\" >> "
                      "\"$RUNBENCH_METRICS_FILE\"\n"
                      "echo \"{\\\"name\\\": \\\"repeat\\\", \\\"value\\\": $RUNBENCH_REPEAT}\" >> "
                      "\"$RUNBENCH_METRICS_FILE\"\n"
                      "[ \"$2\" = 13 ] && exit 3\n"
                      "[ -n \"$SLEEP\" ] && sleep \"$SLEEP\"\n"
                      "exit 0\n"));
}

QJsonObject TestSweep::info(const QString &run)
{
    const Result r = runbench({ QStringLiteral("history"), QStringLiteral("info"), run });
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonArray TestSweep::children(const QString &parent)
{
    const Result r
        = runbench({ QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--parent"), parent });
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

void TestSweep::startSlowSweep(QProcess *process, RunStore *store, int parallel, int count)
{
    process->setWorkingDirectory(m_root);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SLEEP"), QStringLiteral("30"));
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(RUNBENCH_BINARY),
                   { QStringLiteral("sweep"), QStringLiteral("--parallel"), QString::number(parallel),
                     QStringLiteral("train.sh"), QStringLiteral("x"), QStringLiteral("{1..%1}").arg(count) });
    QVERIFY(process->waitForStarted());
    QVERIFY(waitFor([&] { return QFileInfo::exists(Project(m_root).databasePath()); }, 30000));
    QVERIFY(store->open(Project(m_root).databasePath()));
    QVERIFY(store->useProject(Project(m_root)));
    QVERIFY(waitFor(
        [&] {
            int running = 0;
            for (const RunRecord &r : store->runs())
                running += !r.parentRunId.isEmpty() && r.status == RunStatus::Running;
            return running == parallel;
        },
        30000));
}

void TestSweep::gridOfChildrenAndTheParentsEnd()
{
    const Result r = runbench({ QStringLiteral("sweep"), QStringLiteral("--parallel"), QStringLiteral("2"),
                                QStringLiteral("train.sh"), QStringLiteral("--lr={0.1,1}"), QStringLiteral("{1..3}") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("6 runs of train.sh, 2 at a time")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("[6/6]")));
    QVERIFY(r.err.contains(QStringLiteral("Completed: 6 of 6 runs completed.")));
    QVERIFY(r.out.contains(QStringLiteral("accuracy"))); // the children's table

    const QJsonObject parent = info(QStringLiteral("1"));
    QCOMPARE(parent.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
    const QJsonObject properties = parent.value(QStringLiteral("properties")).toObject();
    QCOMPARE(properties.value(QStringLiteral("ChildRuns")).toArray().size(), 6);
    QCOMPARE(properties.value(QStringLiteral("SweepCompleted")).toString(), QStringLiteral("6"));
    QCOMPARE(properties.value(QStringLiteral("Arguments")).toArray().at(0).toString(), QStringLiteral("--lr={0.1,1}"));

    const QJsonArray list = children(parent.value(QStringLiteral("run_id")).toString());
    QCOMPARE(list.size(), 6);
    QSet<QString> combinations;
    QSet<int> indexes;
    for (const QJsonValue &v : list) {
        const QJsonObject child = v.toObject();
        QCOMPARE(child.value(QStringLiteral("parent_run_id")).toString(),
                 parent.value(QStringLiteral("run_id")).toString());
        QCOMPARE(child.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
        // the arguments as named parameters: --lr=0.1 is lr, the positional one arg1
        const QJsonArray parameters
            = child.value(QStringLiteral("properties")).toObject().value(QStringLiteral("Parameters")).toArray();
        QVERIFY(parameters.contains(QStringLiteral("lr")) && parameters.contains(QStringLiteral("arg1")));
        QCOMPARE(child.value(QStringLiteral("accuracy")).toDouble(), child.value(QStringLiteral("arg1")).toDouble());
        combinations.insert(QString::number(child.value(QStringLiteral("lr")).toDouble()) + QLatin1Char('/')
                            + QString::number(child.value(QStringLiteral("arg1")).toDouble()));
        indexes.insert(child.value(QStringLiteral("index")).toInt());
        QCOMPARE(child.value(QStringLiteral("repeat")).toInt(), 0);
    }
    QCOMPARE(combinations.size(), 6);
    QCOMPARE(indexes, (QSet<int> { 0, 1, 2, 3, 4, 5 }));
}

void TestSweep::randomWithASeedAndRepeats()
{
    const QStringList args { QStringLiteral("sweep"),    QStringLiteral("--dry-run"), QStringLiteral("--random"),
                             QStringLiteral("4"),        QStringLiteral("--seed"),    QStringLiteral("7"),
                             QStringLiteral("--repeat"), QStringLiteral("2"),         QStringLiteral("train.sh"),
                             QStringLiteral("x"),        QStringLiteral("{1..50}") };
    const Result first = runbench(args);
    const Result second = runbench(args);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.out, second.out); // the same seed, the same runs
    const QStringList lines = first.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 8);
    QCOMPARE(lines.at(0).section(QLatin1Char('\t'), 2), lines.at(1).section(QLatin1Char('\t'), 2)); // repeated
    QCOMPARE(lines.at(1).section(QLatin1Char('\t'), 1, 1), QStringLiteral("1"));
    QVERIFY(first.err.contains(QStringLiteral("8 runs (4 combinations, 2 each); nothing started")));
    QVERIFY(!QFileInfo::exists(Project(m_root).databasePath())); // a dry run starts nothing

    QStringList run = args;
    run.removeAll(QStringLiteral("--dry-run"));
    const Result r = runbench(run);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray list = children(QStringLiteral("1"));
    QCOMPARE(list.size(), 8);
    QMap<int, int> repeats; // repeat → count
    for (const QJsonValue &v : list)
        ++repeats[v.toObject().value(QStringLiteral("repeat")).toInt()];
    QCOMPARE(repeats.value(0), 4);
    QCOMPARE(repeats.value(1), 4);
}

void TestSweep::failingChildFailsTheParent()
{
    const Result r = runbench(
        { QStringLiteral("sweep"), QStringLiteral("train.sh"), QStringLiteral("x"), QStringLiteral("{12,13,14}") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("The script exited with code 3.")), qPrintable(r.err));
    const QJsonObject parent = info(QStringLiteral("1"));
    QCOMPARE(parent.value(QStringLiteral("status")).toString(), QStringLiteral("Failed"));
    QCOMPARE(parent.value(QStringLiteral("properties")).toObject().value(QStringLiteral("Error")).toString(),
             QStringLiteral("2 of 3 runs completed, 1 failed."));
}

void TestSweep::cancelEndsTheChildrenNotYetEnded()
{
    QProcess p;
    RunStore store;
    startSlowSweep(&p, &store, 2, 5);
    if (QTest::currentTestFailed())
        return;
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 130);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("canceling the sweep")), qPrintable(err));
    const auto parent = store.findRun(QStringLiteral("1"));
    QCOMPARE(parent->status, RunStatus::Canceled);
    QCOMPARE(parent->error, QStringLiteral("0 of 5 runs completed, 2 canceled, 3 not started."));
    const QVector<RunRecord> kids = store.childRuns(parent->runId);
    QCOMPARE(kids.size(), 2); // the others never started
    for (const RunRecord &k : kids)
        QCOMPARE(k.status, RunStatus::Canceled);
}

// The details view's Cancel run on a sweep's parent reaches JobQueue::cancelRun():
// the `runbench sweep` process on this machine stops the sweep.
void TestSweep::cancelOfTheParentFromTheWindowCancelsTheSweep()
{
    QProcess p;
    RunStore store;
    startSlowSweep(&p, &store, 1, 3);
    if (QTest::currentTestFailed())
        return;
    const auto parent = store.findRun(QStringLiteral("1"));
    QVERIFY(parent && parent->status == RunStatus::Running);
    JobQueue queue;
    queue.setProject(Project(m_root));
    queue.cancelRun(store.findRun(QStringLiteral("2"))->id, QString()); // a child: not the sweep
    QTest::qWait(500);
    QCOMPARE(p.state(), QProcess::Running);
    queue.cancelRun(parent->id, QString());
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 130);
    QCOMPARE(store.run(parent->id)->status, RunStatus::Canceled);
    QCOMPARE(store.run(parent->id)->error, QStringLiteral("0 of 3 runs completed, 1 canceled, 2 not started."));
}

void TestSweep::bracesAreLiteralOutsideASweep()
{
    const Result r = runbench(
        { QStringLiteral("run"), QStringLiteral("train.sh"), QStringLiteral("{0.1,1}"), QStringLiteral("5") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject last = info(QStringLiteral("last"));
    QCOMPARE(last.value(QStringLiteral("properties"))
                 .toObject()
                 .value(QStringLiteral("Arguments"))
                 .toArray()
                 .at(0)
                 .toString(),
             QStringLiteral("{0.1,1}"));
    QCOMPARE(last.value(QStringLiteral("parent_run_id")), QJsonValue());
}

void TestSweep::badSetsAndMissingScriptsAreClearErrors()
{
    Result r = runbench({ QStringLiteral("sweep"), QStringLiteral("train.sh"), QStringLiteral("{0..1:3:log}") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("a log range needs two positive ends")), qPrintable(r.err));
    r = runbench({ QStringLiteral("sweep"), QStringLiteral("missing.sh"), QStringLiteral("{1,2}") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
    r = runbench({ QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json") });
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0); // no parent left behind
}

// The Sweep dialog's way: the window's JobQueue makes the parent and runs
// the children a few at a time, without the command line.
void TestSweep::sweepFromTheWindowsQueue()
{
    JobQueue queue;
    queue.setProject(Project(m_root));
    QSignalSpy started(&queue, &JobQueue::sweepStarted);
    QSignalSpy finished(&queue, &JobQueue::sweepFinished);
    QSignalSpy created(&queue, &JobQueue::jobCreated);
    int running = 0;
    int mostAtOnce = 0;
    connect(&queue, &JobQueue::jobStatusChanged, this, [&](int, RunStatus status) {
        if (status == RunStatus::Running)
            mostAtOnce = qMax(mostAtOnce, ++running);
    });
    connect(&queue, &JobQueue::jobFinished, this, [&] { --running; });
    SweepSpec::Options options;
    options.repeat = 2;
    const QStringList arguments { QStringLiteral("--acc"), QStringLiteral("{0.5,0.7,0.9}") };
    const SweepSpec::Plan plan = SweepSpec::expand(arguments, options);
    QCOMPARE(plan.children.size(), 6);
    const QVector<int> keys = queue.submitSweep(QStringLiteral("train.sh"), arguments, plan, options, 2);
    QCOMPARE(keys.size(), 6);
    QVERIFY(finished.wait(60000));
    QCOMPARE(started.size(), 1);
    QCOMPARE(created.size(), 6);
    QVERIFY2(mostAtOnce <= 2, qPrintable(QString::number(mostAtOnce)));
    const RunRecord parent = finished.first().first().value<RunRecord>();
    QCOMPARE(parent.status, RunStatus::Completed);
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("6 of 6 runs completed."));
    const QJsonObject parentInfo = info(parent.runId);
    QCOMPARE(parentInfo.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
    QCOMPARE(parentInfo.value(QStringLiteral("properties")).toObject().value(QStringLiteral("Arguments")).toArray(),
             QJsonArray::fromStringList(arguments));
    const QJsonArray kids = children(parent.runId);
    QCOMPARE(kids.size(), 6);
    QSet<QString> accs;
    for (const QJsonValue &kid : kids) {
        const QJsonObject child = kid.toObject();
        QCOMPARE(child.value(QStringLiteral("parent_run_id")).toString(), parent.runId);
        accs.insert(child.value(QStringLiteral("acc")).toVariant().toString());
    }
    QCOMPARE(accs, (QSet<QString> { QStringLiteral("0.5"), QStringLiteral("0.7"), QStringLiteral("0.9") }));
}

// Cancel run on the parent (its details view): the children running are
// canceled, those not started never start, the parent ends Canceled.
void TestSweep::cancelOfASweepInTheWindowsQueue()
{
    qputenv("SLEEP", "30");
    JobQueue queue;
    queue.setGracePeriod(500);
    queue.setProject(Project(m_root));
    QSignalSpy started(&queue, &JobQueue::sweepStarted);
    QSignalSpy finished(&queue, &JobQueue::sweepFinished);
    QSignalSpy rejected(&queue, &JobQueue::jobRejected);
    int running = 0;
    connect(&queue, &JobQueue::jobStatusChanged, this, [&](int, RunStatus status) {
        if (status == RunStatus::Running)
            ++running;
    });
    const QStringList arguments { QStringLiteral("x"), QStringLiteral("{1..6}") };
    const SweepSpec::Plan plan = SweepSpec::expand(arguments);
    queue.submitSweep(QStringLiteral("train.sh"), arguments, plan, {}, 2);
    QVERIFY(started.wait(30000));
    QTRY_COMPARE_WITH_TIMEOUT(running, 2, 30000);
    const RunRecord parent = started.first().first().value<RunRecord>();
    queue.cancelRun(parent.id, QString());
    QVERIFY(finished.wait(30000));
    qunsetenv("SLEEP");
    QCOMPARE(finished.first().first().value<RunRecord>().status, RunStatus::Canceled);
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("0 of 6 runs completed, 2 canceled, 4 not started."));
    QCOMPARE(rejected.size(), 4);
    QCOMPARE(running, 2); // the others never started
    QCOMPARE(children(parent.runId).size(), 2);
}

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"

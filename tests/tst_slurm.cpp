// Runs on a Slurm cluster (slurm.h): the pieces that need no cluster, then
// everything end to end on a real one-node cluster the suite starts itself
// (tests/slurmcluster.h): the sample, failures, a time limit, cancel while
// pending and running, a window closed and reopened, hostile arguments,
// Ctrl-C of `runbench run`, and a controller that stops answering.
#include "historyformat.h"
#include "jobqueue.h"
#include "joblistmodel.h"
#include "jobpanel.h"
#include "project.h"
#include "projectsettingsdialog.h"
#include "runjob.h"
#include "runstore.h"
#include "slurm.h"
#include "slurmcluster.h"
#include "testutil.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QtTest>

#include <csignal>
#include <cstdio>
#include <functional>

namespace {

// Logs step 1..n (one a tenth of a second apart), writes an output and
// exits with its first argument.
const char kScript[] = "import json, os, sys, time\n"
                       "steps = int(sys.argv[2]) if len(sys.argv) > 2 else 3\n"
                       "with open(os.environ['RUNBENCH_METRICS_FILE'], 'a') as f:\n"
                       "    for i in range(steps):\n"
                       "        f.write(json.dumps({'name': 'step', 'value': i + 1}) + '\\n')\n"
                       "        f.flush()\n"
                       "        time.sleep(0.1)\n"
                       "os.makedirs('outputs', exist_ok=True)\n"
                       "open('outputs/result.txt', 'w').write('kept')\n"
                       "print('done on', os.uname().nodename, flush=True)\n"
                       "sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 else 0)\n";

// Waits until the file "go" exists in the project, then exits 0.
const char kWaitScript[] = "import os, time\n"
                           "print('waiting', flush=True)\n"
                           "while not os.path.exists(os.path.join(os.environ['RUNBENCH_PROJECT_DIR'], 'go')):\n"
                           "    time.sleep(0.05)\n"
                           "print('let go', flush=True)\n";

// The window's side of a session, in a process of its own (this
// executable, started with --window-session): submits SCRIPT COUNT times,
// waits until every job runs on the cluster, prints the run ids and closes,
// as a window that is closed does.
int windowSession(const QString &root, const QString &script, int count, const QStringList &arguments)
{
    JobQueue queue;
    queue.setProject(Project(root));
    QSet<int> running;
    QStringList runIds;
    QEventLoop loop;
    QObject::connect(&queue, &JobQueue::jobSchedulerStateChanged, &loop, [&](int key, const RunRecord &r) {
        if (r.schedulerState == QLatin1String("RUNNING") && !running.contains(key)) {
            running.insert(key);
            runIds.append(r.runId);
            if (running.size() == count)
                loop.quit();
        }
    });
    for (int i = 0; i < count; ++i)
        queue.submit(script, arguments);
    QTimer::singleShot(90000, &loop, [&loop] { loop.exit(1); });
    if (loop.exec() != 0)
        return 1;
    std::printf("%s\n", qPrintable(runIds.join(QLatin1Char(' '))));
    return queue.localActiveCount() == 0 ? 0 : 2;
}

std::optional<RunRecord> storedRun(const Project &project, qint64 id)
{
    RunStore store;
    if (!store.open(project.databasePath()) || !store.useProject(project))
        return std::nullopt;
    return store.run(id);
}

} // namespace

class TestSlurm : public QObject
{
    Q_OBJECT

private:
    // A project whose scripts run on the cluster, asked about every 0.2 s.
    Project makeProject(const QString &name, const SlurmSettings &extra = {})
    {
        const QString root = m_projects.path() + QLatin1Char('/') + name;
        writeFile(root + QStringLiteral("/train.py"), kScript);
        writeFile(root + QStringLiteral("/wait.py"), kWaitScript);
        const Project project(root);
        QString error;
        project.ensureDataDir(&error);
        project.setRunTarget(QStringLiteral("slurm"));
        SlurmSettings s = extra;
        s.pollSeconds = 0.2;
        project.setSlurmSettings(s);
        QSettings ini(project.iniPath(), QSettings::IniFormat);
        ini.setValue(QStringLiteral("interpreters/py"), QStringLiteral("/usr/bin/python3"));
        return project;
    }

    // Runs windowSession() in a process of its own; the ids of its runs.
    QStringList closedWindow(const Project &project, const QString &script, int count,
                             const QStringList &arguments = {})
    {
        const Result r = runCommand(QCoreApplication::applicationFilePath(),
                                    QStringList { QStringLiteral("--window-session"), project.root(), script,
                                                  QString::number(count) }
                                        + arguments,
                                    project.root());
        if (r.exitCode != 0)
            qWarning("window session: %d %s", r.exitCode, qPrintable(r.err));
        return r.exitCode == 0 ? r.out.trimmed().split(QLatin1Char(' ')) : QStringList();
    }

    bool clusterNeeded()
    {
        if (!m_skip.isEmpty()) {
            QTest::qSkip(qPrintable(m_skip), __FILE__, __LINE__);
            return false;
        }
        return true;
    }

    QTemporaryDir m_projects;
    SlurmCluster m_cluster;
    QString m_skip;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_projects.isValid());
        m_skip = SlurmCluster::unavailable();
        if (!m_skip.isEmpty()) {
            qWarning("Skipping the cluster tests: %s", qPrintable(m_skip));
            return;
        }
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_cluster.stop(); }

    // Whatever a test left in the cluster's queue is not the next one's.
    void cleanup()
    {
        if (m_skip.isEmpty())
            SlurmCluster::output(QStringLiteral("scancel"), { QStringLiteral("--user=root") });
    }

    // --- without a cluster ---------------------------------------------

    void batchScriptHoldsNoArgumentAndNoPath()
    {
        SlurmSettings s;
        s.setupLines = QStringList { QStringLiteral("module load python/3.11") };
        const QByteArray script = Slurm::batchScript(s);
        QVERIFY(script.startsWith("#!/bin/bash\n"));
        QVERIFY(script.contains("\nmodule load python/3.11\n"));
        QVERIFY(script.contains("exec \"$RUNBENCH_LAUNCHER\""));
        QVERIFY(script.trimmed().endsWith("\"$@\""));
        QVERIFY(!script.contains("/tmp"));
    }

    void sbatchArgumentsFollowTheSettings()
    {
        SlurmSettings s;
        s.partition = QStringLiteral("gpu");
        s.timeLimit = QStringLiteral("1:30:00");
        s.cpusPerTask = 4;
        s.memory = QStringLiteral("8G");
        s.gres = QStringLiteral("gpu:1");
        s.extraOptions = QStringList { QStringLiteral("--qos=high"), QStringLiteral("--account=lab") };
        const QStringList args
            = Slurm::sbatchArguments(s, QStringLiteral("run_1"), QStringLiteral("/p/w"), QStringLiteral("/p/log"),
                                     QStringLiteral("/p/job.sh"), { QStringLiteral("python3"), QStringLiteral("t.py"),
                                                                    QStringLiteral("; rm -rf ~") });
        const QStringList expected { QStringLiteral("--parsable"),       QStringLiteral("--job-name=run_1"),
                                     QStringLiteral("--chdir=/p/w"),     QStringLiteral("--output=/p/log"),
                                     QStringLiteral("--open-mode=append"), QStringLiteral("--partition=gpu"),
                                     QStringLiteral("--time=1:30:00"),   QStringLiteral("--cpus-per-task=4"),
                                     QStringLiteral("--mem=8G"),         QStringLiteral("--gres=gpu:1"),
                                     QStringLiteral("--qos=high"),       QStringLiteral("--account=lab"),
                                     QStringLiteral("/p/job.sh"),        QStringLiteral("python3"),
                                     QStringLiteral("t.py"),             QStringLiteral("; rm -rf ~") };
        QCOMPARE(args, expected);
        QCOMPARE(Slurm::parseJobId("sbatch: warning: something\n1234;cluster\n"), QStringLiteral("1234"));
        QCOMPARE(Slurm::parseJobId("sbatch: error: Batch job submission failed\n"), QString());
    }

    void schedulerLinesParse()
    {
        const auto jobs = Slurm::parseSqueue("12|PENDING|Resources||N/A|0|debug|N/A\n"
                                             "13|RUNNING|None|node7|2026-11-29T05:40:26|0|gpu|2026-11-29T06:40:26\n"
                                             "14|FAILED|NonZeroExitCode|node7|2026-11-29T05:40:26|768|debug|"
                                             "2026-11-29T05:41:00\n"
                                             "15|TIMEOUT|TimeLimit|node7|2026-11-29T05:40:26|36608|debug|"
                                             "2026-11-29T05:41:26\n");
        QCOMPARE(jobs.size(), 4);
        QCOMPARE(jobs.value(QStringLiteral("12")).reason, QStringLiteral("Resources"));
        QCOMPARE(jobs.value(QStringLiteral("12")).startUs, 0);
        QCOMPARE(jobs.value(QStringLiteral("13")).node, QStringLiteral("node7"));
        QCOMPARE(jobs.value(QStringLiteral("13")).reason, QString());
        QCOMPARE(jobs.value(QStringLiteral("13")).partition, QStringLiteral("gpu"));
        QVERIFY(jobs.value(QStringLiteral("13")).startUs > 0);
        QCOMPARE(jobs.value(QStringLiteral("14")).exitCode, 3);
        QCOMPARE(jobs.value(QStringLiteral("15")).exitCode, 143);
        QVERIFY(jobs.value(QStringLiteral("15")).endUs > jobs.value(QStringLiteral("15")).startUs);

        const auto old = Slurm::parseSacct("20|CANCELLED by 0|None|node7|2026-11-29T05:40:26|0:15|debug|"
                                           "2026-11-29T05:41:00\n"
                                           "20.batch|CANCELLED|None|node7|2026-11-29T05:40:26|0:15|debug|"
                                           "2026-11-29T05:41:00\n");
        QCOMPARE(old.size(), 1);
        QCOMPARE(old.value(QStringLiteral("20")).state, QStringLiteral("CANCELLED"));
        QCOMPARE(old.value(QStringLiteral("20")).signal, 15);
    }

    void endStatesMapToRunStatuses_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("launchExit"); // -1: the launcher left no status
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("completed") << "COMPLETED" << 0 << int(RunStatus::Completed) << 0 << "";
        QTest::newRow("failed") << "FAILED" << 3 << int(RunStatus::Failed) << 3 << "exited with code 3";
        QTest::newRow("canceled") << "CANCELLED" << -1 << int(RunStatus::Canceled) << 130 << "canceled";
        QTest::newRow("timeout") << "TIMEOUT" << -1 << int(RunStatus::Failed) << 143 << "TIMEOUT";
        QTest::newRow("memory") << "OUT_OF_MEMORY" << -1 << int(RunStatus::Failed) << 137 << "OUT_OF_MEMORY";
        QTest::newRow("node") << "NODE_FAIL" << -1 << int(RunStatus::Lost) << -1 << "NODE_FAIL";
    }

    void endStatesMapToRunStatuses()
    {
        QFETCH(QString, state);
        QFETCH(int, launchExit);
        QFETCH(int, status);
        QFETCH(int, exitCode);
        QFETCH(QString, errorPart);
        Slurm::JobInfo job;
        job.id = QStringLiteral("42");
        job.state = state;
        job.signal = state == QLatin1String("TIMEOUT") ? 15 : state == QLatin1String("OUT_OF_MEMORY") ? 9 : 0;
        RunJob::Ending launch;
        if (launchExit >= 0) {
            launch.known = true;
            launch.exitCode = launchExit;
            launch.status = launchExit == 0 ? RunStatus::Completed : RunStatus::Failed;
            if (launchExit != 0)
                launch.error = QStringLiteral("The script exited with code %1.").arg(launchExit);
        }
        const Slurm::Outcome o = Slurm::outcome(job, launch);
        QCOMPARE(int(o.status), status);
        QCOMPARE(o.exitCode, exitCode);
        QVERIFY2(o.error.contains(errorPart), qPrintable(o.error));
        QCOMPARE(int(Slurm::outcomeOfForgottenJob(QStringLiteral("42"), RunJob::Ending()).status),
                 int(RunStatus::Lost));
    }

    void settingsDialogWritesTheTarget()
    {
        const QString root = m_projects.path() + QStringLiteral("/dialog");
        const Project project(root);
        QString error;
        QVERIFY(project.ensureDataDir(&error));
        QCOMPARE(project.runTarget(), QStringLiteral("local"));
        ProjectSettingsDialog dialog(project);
        dialog.show();
        auto *target = dialog.findChild<QComboBox *>(QStringLiteral("runTarget"));
        auto *slurm = dialog.findChild<QWidget *>(QStringLiteral("slurmSettings"));
        QVERIFY(target && slurm);
        QVERIFY(!slurm->isEnabled());
        target->setFocus();
        QTest::keyClick(target, Qt::Key_Down);
        QCOMPARE(target->currentData().toString(), QStringLiteral("slurm"));
        QVERIFY(slurm->isEnabled());
        auto *partition = dialog.findChild<QLineEdit *>(QStringLiteral("slurmPartition"));
        QTest::keyClicks(partition, QStringLiteral("gpu"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("slurmTime")), QStringLiteral("2:00:00"));
        dialog.findChild<QSpinBox *>(QStringLiteral("slurmCpus"))->setValue(4);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("slurmGres")), QStringLiteral("gpu:1"));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("slurmOptions"))
            ->setPlainText(QStringLiteral("--qos=high\n\n--export=A,B\n"));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("slurmSetup"))
            ->setPlainText(QStringLiteral("module load python/3.11\nsource env/bin/activate"));
        const QString shots = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            dialog.findChild<QTabWidget *>(QStringLiteral("settingsTabs"))->setCurrentIndex(1);
            QTest::qWait(100);
            dialog.grab().save(shots + QStringLiteral("/slurm-settings.png"));
        }
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(project.runTarget(), QStringLiteral("slurm"));
        const SlurmSettings s = project.slurmSettings();
        QCOMPARE(s.partition, QStringLiteral("gpu"));
        QCOMPARE(s.timeLimit, QStringLiteral("2:00:00"));
        QCOMPARE(s.cpusPerTask, 4);
        QCOMPARE(s.gres, QStringLiteral("gpu:1"));
        QCOMPARE(s.extraOptions, (QStringList { QStringLiteral("--qos=high"), QStringLiteral("--export=A,B") }));
        QCOMPARE(s.setupLines.size(), 2);
        // Written as [run] target and [slurm] keys, readable by hand.
        QSettings ini(project.iniPath(), QSettings::IniFormat);
        QCOMPARE(ini.value(QStringLiteral("run/target")).toString(), QStringLiteral("slurm"));
        QCOMPARE(ini.value(QStringLiteral("slurm/partition")).toString(), QStringLiteral("gpu"));
    }

    void handWrittenSettingsRead()
    {
        const QString root = m_projects.path() + QStringLiteral("/byhand");
        writeFile(root + QStringLiteral("/.runbench/project.ini"),
                  "[run]\ntarget=Slurm\n\n[slurm]\n"
                  "; sbatch's options\n"
                  "partition=gpu\ntime=2:00:00\ncpus_per_task=4\nmem=16G\ngres=gpu:1\n"
                  "options=--qos=high\\n--account=lab\n"
                  "setup=module load python/3.11\\nsource venv/bin/activate\n"
                  "poll_seconds=0.5\n");
        const Project project(root);
        QCOMPARE(project.runTarget(), QStringLiteral("slurm"));
        const SlurmSettings s = project.slurmSettings();
        QCOMPARE(s.partition, QStringLiteral("gpu"));
        QCOMPARE(s.timeLimit, QStringLiteral("2:00:00"));
        QCOMPARE(s.cpusPerTask, 4);
        QCOMPARE(s.memory, QStringLiteral("16G"));
        QCOMPARE(s.gres, QStringLiteral("gpu:1"));
        QCOMPARE(s.extraOptions, (QStringList { QStringLiteral("--qos=high"), QStringLiteral("--account=lab") }));
        QCOMPARE(s.setupLines, (QStringList { QStringLiteral("module load python/3.11"),
                                              QStringLiteral("source venv/bin/activate") }));
        QCOMPARE(s.pollSeconds, 0.5);
        // An unknown target runs here, as the default does.
        writeFile(root + QStringLiteral("/.runbench/project.ini"), "[run]\ntarget=moon\n");
        QCOMPARE(Project(root).runTarget(), QStringLiteral("local"));
    }

    void missingSbatchIsASentence()
    {
        const Project project = makeProject(QStringLiteral("nosbatch"));
        RunStore store;
        QVERIFY(store.open(project.databasePath()));
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        RunJob job(project, &store);
        const bool submitted = job.submit(QStringLiteral("train.py"), {});
        qputenv("PATH", path);
        QVERIFY(!submitted);
        QVERIFY2(job.errorString().contains(QLatin1String("sbatch was not found")), qPrintable(job.errorString()));
        QCOMPARE(job.record().id, 0); // nothing recorded
    }

    // --- on the cluster --------------------------------------------------

    void sampleRunsOnTheCluster()
    {
        if (!clusterNeeded())
            return;
        const Project project = makeProject(QStringLiteral("iris"));
        QVERIFY(QFile::copy(QStringLiteral(RUNBENCH_SOURCE_DIR "/resources/samples/iris/iris_sklearn.py"),
                            project.root() + QStringLiteral("/iris_sklearn.py")));
        RunStore store;
        QVERIFY(store.open(project.databasePath()));
        RunJob job(project, &store);
        QSignalSpy statuses(&job, &RunJob::statusChanged);
        QSignalSpy finished(&job, &RunJob::finished);
        QVERIFY2(job.submit(QStringLiteral("iris_sklearn.py"), { QStringLiteral("0.01") }), qPrintable(job.errorString()));
        QCOMPARE(job.record().target, QStringLiteral("slurm"));
        job.start();
        QVERIFY2(finished.wait(120000), qPrintable(m_cluster.log()));
        QCOMPARE(job.status(), RunStatus::Completed);
        QVERIFY(job.errorString().isEmpty());
        QList<int> seen;
        for (const QList<QVariant> &s : std::as_const(statuses))
            seen.append(s.at(0).toInt());
        QVERIFY(seen.contains(int(RunStatus::Preparing)));
        QVERIFY(seen.contains(int(RunStatus::Queued)));
        QVERIFY(seen.contains(int(RunStatus::Running)));

        const RunRecord r = *store.run(job.record().id);
        QCOMPARE(r.status, RunStatus::Completed);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.target, QStringLiteral("slurm"));
        QVERIFY(!r.jobId.isEmpty());
        QCOMPARE(r.partition, m_cluster.partition());
        QCOMPARE(r.node, m_cluster.nodeName());
        QVERIFY(r.startUs > 0 && r.endUs >= r.startUs);
        const auto summaries = store.summaries(r.id);
        QVERIFY(summaries.contains(QStringLiteral("Accuracy")));
        QCOMPARE(summaries.value(QStringLiteral("Regularization Rate")).last, 0.01);
        QStringList outputs;
        for (const ArtifactRecord &a : store.artifacts(r.id))
            outputs.append(a.path);
        QVERIFY2(outputs.contains(QStringLiteral("outputs/model.pkl")), qPrintable(outputs.join(QLatin1Char(' '))));
        QVERIFY(outputs.contains(QStringLiteral("outputs/cm.png")));
        QVERIFY(readFile(job.logPath()).contains("Model saved to ./outputs/model.pkl"));
        QVERIFY(!QFileInfo::exists(project.workDir(r.runId))); // cleaned up as for local runs

        // The run JSON says where it ran.
        const Result last = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                       { QStringLiteral("history"), QStringLiteral("last") }, project.root());
        QCOMPARE(last.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(last.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("target")).toString(), QStringLiteral("slurm"));
        const QJsonObject properties = o.value(QStringLiteral("properties")).toObject();
        QCOMPARE(properties.value(QStringLiteral("SlurmJobId")).toString(), r.jobId);
        QCOMPARE(properties.value(QStringLiteral("SlurmPartition")).toString(), m_cluster.partition());
        QCOMPARE(properties.value(QStringLiteral("Node")).toString(), m_cluster.nodeName());
    }

    // A real project's shape: gitignored data and a link to a dataset
    // folder outside the project reach the script on the node as they are
    // here (linked into the working checkout, never copied).
    void ignoredAndLinkedDataReachTheNode()
    {
        if (!clusterNeeded())
            return;
        const Project project = makeProject(QStringLiteral("data"));
        writeFile(project.root() + QStringLiteral("/.gitignore"), "data/\n");
        writeFile(project.root() + QStringLiteral("/data/train.csv"), "ignored-but-there\n");
        const QString datasets = m_projects.path() + QStringLiteral("/mnt-datasets");
        writeFile(datasets + QStringLiteral("/iris.csv"), "linked-dataset\n");
        QVERIFY(QFile::link(datasets, project.root() + QStringLiteral("/datasets")));
        writeFile(project.root() + QStringLiteral("/read.py"),
                  "print(open('data/train.csv').read().strip(), open('datasets/iris.csv').read().strip())\n");
        RunStore store;
        QVERIFY(store.open(project.databasePath()));
        RunJob job(project, &store);
        QSignalSpy finished(&job, &RunJob::finished);
        QVERIFY(job.submit(QStringLiteral("read.py"), {}));
        job.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(job.status(), RunStatus::Completed);
        QVERIFY2(readFile(job.logPath()).contains("ignored-but-there linked-dataset"), readFile(job.logPath()).constData());
    }

    void failingScriptFailsWithItsExitCode()
    {
        if (!clusterNeeded())
            return;
        const Project project = makeProject(QStringLiteral("failing"));
        RunStore store;
        QVERIFY(store.open(project.databasePath()));
        RunJob job(project, &store);
        QSignalSpy finished(&job, &RunJob::finished);
        QVERIFY(job.submit(QStringLiteral("train.py"), { QStringLiteral("3") }));
        job.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(job.status(), RunStatus::Failed);
        QCOMPARE(job.exitCode(), 3);
        const RunRecord r = *store.run(job.record().id);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.error.contains(QLatin1String("exited with code 3")), qPrintable(r.error));
        QCOMPARE(store.summaries(r.id).value(QStringLiteral("step")).count, 3); // logged before it failed
    }

    void aJobWhoseScriptNeverStartsSaysWhy()
    {
        if (!clusterNeeded())
            return;
        SlurmSettings s;
        s.setupLines = QStringList { QStringLiteral("echo 'no such module' >&2"), QStringLiteral("exit 3") };
        const Project project = makeProject(QStringLiteral("nostart"), s);
        RunStore store;
        QVERIFY(store.open(project.databasePath()));
        RunJob job(project, &store);
        QSignalSpy finished(&job, &RunJob::finished);
        QVERIFY(job.submit(QStringLiteral("train.py"), {}));
        job.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(job.status(), RunStatus::Failed);
        QCOMPARE(job.exitCode(), 3);
        QVERIFY2(job.errorString().contains(QLatin1String("before the script started on ")), qPrintable(job.errorString()));
        QVERIFY(job.errorString().contains(QLatin1String("file system the cluster's nodes see")));
        QVERIFY(readFile(job.logPath()).contains("no such module")); // the job's own words
    }

    void hostileArgumentsArriveVerbatim()
    {
        if (!clusterNeeded())
            return;
        const Project project = makeProject(QStringLiteral("hostile"));
        writeFile(project.root() + QStringLiteral("/argv.py"),
                  "import json, sys\nprint('ARGV=' + json.dumps(sys.argv[1:]), flush=True)\n");
        const QStringList hostile { QStringLiteral("; rm -rf ~"), QStringLiteral("\"quoted\" 'single'"),
                                    QStringLiteral("$(touch pwned)"), QStringLiteral("`id`"),
                                    QStringLiteral("a b  c"), QStringLiteral("line1\nline2"), QString(),
                                    QStringLiteral("--lr=0.1"), QStringLiteral("-x"), QStringLiteral("$HOME") };
        // Through the command line, as a user types them.
        const Result r = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                    QStringList { QStringLiteral("run"), QStringLiteral("--target"),
                                                  QStringLiteral("slurm"), QStringLiteral("argv.py") }
                                        + hostile,
                                    project.root());
        QCOMPARE(r.exitCode, 0);
        const int at = int(r.out.indexOf(QLatin1String("ARGV=")));
        QVERIFY2(at >= 0, qPrintable(r.out + r.err));
        const QJsonArray argv
            = QJsonDocument::fromJson(r.out.mid(at + 5).section(QLatin1Char('\n'), 0, 0).toUtf8()).array();
        QStringList got;
        for (const QJsonValue &v : argv)
            got.append(v.toString());
        QCOMPARE(got, hostile);
        QVERIFY(!QFileInfo::exists(project.root() + QStringLiteral("/pwned")));
    }

    void cancelWhilePendingAndWhileRunning()
    {
        if (!clusterNeeded())
            return;
        // Each run takes both CPUs of the node: the second waits for the first.
        SlurmSettings s;
        s.cpusPerTask = 2;
        const Project project = makeProject(QStringLiteral("cancel"), s);
        JobQueue queue;
        JobListModel jobs(&queue);
        queue.setProject(project);
        QSignalSpy finished(&queue, &JobQueue::jobFinished);
        const int first = queue.submit(QStringLiteral("wait.py"), {});
        QVERIFY(waitFor([&] {
            const int row = jobs.rowOfKey(first);
            return jobs.index(row, JobListModel::StatusColumn).data(JobListModel::StatusRole).toInt()
                == int(RunStatus::Running);
        }));
        const int firstRow = jobs.rowOfKey(first);
        QVERIFY(jobs.index(firstRow, JobListModel::TargetColumn).data().toString().startsWith(QLatin1String("Slurm job ")));
        QCOMPARE(jobs.index(firstRow, JobListModel::StatusColumn).data().toString(),
                 QStringLiteral("Running on %1").arg(m_cluster.nodeName()));

        const int second = queue.submit(QStringLiteral("wait.py"), {});
        // Waiting in the cluster's queue, with Slurm's reason.
        QVERIFY2(waitFor([&] {
                     return jobs.index(jobs.rowOfKey(second), JobListModel::StatusColumn)
                         .data()
                         .toString()
                         .startsWith(QLatin1String("Queued ("));
                 }),
                 qPrintable(jobs.index(jobs.rowOfKey(second), JobListModel::StatusColumn).data().toString()));
        QCOMPARE(queue.localActiveCount(), 0); // both are the cluster's now
        const QString shots = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            JobPanel panel(&jobs);
            panel.resize(1100, 260);
            panel.show();
            QTest::qWait(300);
            panel.grab().save(shots + QStringLiteral("/slurm-jobs.png"));
        }
        queue.cancel(second);
        QVERIFY(waitFor([&] { return finished.size() == 1; }));
        QCOMPARE(finished.at(0).at(0).toInt(), second);
        QCOMPARE(finished.at(0).at(1).value<RunRecord>().status, RunStatus::Canceled);
        QCOMPARE(finished.at(0).at(2).toInt(), 130);
        // It never ran: no start, no launcher status.
        const RunRecord pending = finished.at(0).at(1).value<RunRecord>();
        QVERIFY(!QFileInfo::exists(RunJob::statusPath(project, pending.runId)));

        queue.cancel(first);
        QVERIFY(waitFor([&] { return finished.size() == 2; }));
        const RunRecord running = finished.at(1).at(1).value<RunRecord>();
        QCOMPARE(running.status, RunStatus::Canceled);
        QVERIFY(readFile(project.runDir(running.runId) + QStringLiteral("/driver_log.txt")).contains("waiting"));
        const auto stored = storedRun(project, running.id);
        QCOMPARE(stored->status, RunStatus::Canceled);
        QCOMPARE(stored->exitCode, 130);
        QVERIFY(SlurmCluster::output(QStringLiteral("squeue"), { QStringLiteral("-h"), QStringLiteral("-j"), running.jobId })
                    .trimmed()
                    .isEmpty());
    }

    void closedWindowLeavesTheJobAndTheNextOneAdoptsIt()
    {
        if (!clusterNeeded())
            return;
        const Project project = makeProject(QStringLiteral("adopt"));
        const QStringList runIds = closedWindow(project, QStringLiteral("wait.py"), 2);
        QCOMPARE(runIds.size(), 2);
        RunStore store;
        QVERIFY(store.open(project.databasePath()) && store.useProject(project));
        const RunRecord left = *store.findRun(runIds.at(0));
        QCOMPARE(left.status, RunStatus::Running); // not canceled, not ended
        QVERIFY(!left.jobId.isEmpty());
        QVERIFY(SlurmCluster::output(QStringLiteral("squeue"), { QStringLiteral("-h"), QStringLiteral("-j"), left.jobId })
                    .contains("R"));

        // The next window adopts both by job id.
        JobQueue queue;
        QSignalSpy adopted(&queue, &JobQueue::jobAdopted);
        QSignalSpy finished(&queue, &JobQueue::jobFinished);
        queue.setProject(project);
        QVERIFY(waitFor([&] { return adopted.size() == 2; }));
        QCOMPARE(adopted.at(0).at(1).value<RunRecord>().status, RunStatus::Running);
        QVERIFY(!adopted.at(0).at(1).value<RunRecord>().stale);
        writeFile(project.root() + QStringLiteral("/go"), "");
        QVERIFY(waitFor([&] { return finished.size() == 2; }));
        for (const QList<QVariant> &f : std::as_const(finished)) {
            const RunRecord r = f.at(1).value<RunRecord>();
            QCOMPARE(r.status, RunStatus::Completed);
            QVERIFY(runIds.contains(r.runId));
            QVERIFY(readFile(project.runDir(r.runId) + QStringLiteral("/driver_log.txt")).contains("let go"));
        }
    }

    void aLaterCommandRecordsHowAnUnwatchedJobEnded()
    {
        if (!clusterNeeded())
            return;
        const Project project = makeProject(QStringLiteral("later"));
        const QStringList runIds
            = closedWindow(project, QStringLiteral("train.py"), 1, { QStringLiteral("0"), QStringLiteral("30") });
        QCOMPARE(runIds.size(), 1);
        const QString runId = runIds.at(0);
        // The job ends with nobody watching.
        QVERIFY(waitFor([&] { return QFileInfo::exists(RunJob::statusPath(project, runId)); }));
        const Result list = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                       { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"),
                                         QStringLiteral("json") },
                                       project.root());
        QCOMPARE(list.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(list.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
        const QJsonObject step = o.value(QStringLiteral("step")).toObject();
        QCOMPARE(step.value(QStringLiteral("count")).toInt(), 30); // every value, ingested late
        QCOMPARE(step.value(QStringLiteral("last")).toDouble(), 30.0);
        RunStore store;
        QVERIFY(store.open(project.databasePath()) && store.useProject(project));
        const RunRecord stored = *store.findRun(runId);
        QCOMPARE(stored.status, RunStatus::Completed);
        QCOMPARE(stored.exitCode, 0);
        QCOMPARE(stored.node, m_cluster.nodeName());
        QCOMPARE(store.artifacts(stored.id).size(), 1);
        // It ended when its script did, not when it was looked at.
        const qint64 statusTime
            = QFileInfo(RunJob::statusPath(project, runId)).lastModified().toMSecsSinceEpoch() * 1000;
        QVERIFY(qAbs(stored.endUs - statusTime) < 2000000);
    }

    void interruptedCommandAsksFirst()
    {
        if (!clusterNeeded())
            return;
        const Project project = makeProject(QStringLiteral("interrupt"));
        const auto start = [&](QProcess *p) {
            p->setWorkingDirectory(project.root());
            p->start(QStringLiteral(RUNBENCH_BINARY), { QStringLiteral("run"), QStringLiteral("wait.py") });
            QByteArray err;
            return waitFor([&] {
                p->waitForReadyRead(100);
                err += p->readAllStandardError();
                return err.contains("RUNNING");
            });
        };
        // "l": the job goes on, the command returns 75.
        QProcess leave;
        QVERIFY(start(&leave));
        ::kill(pid_t(leave.processId()), SIGINT);
        QVERIFY(waitFor([&] {
            leave.waitForReadyRead(100);
            return leave.readAllStandardError().contains("[c/l]");
        }));
        leave.write("l\n");
        QVERIFY(leave.waitForFinished(30000));
        QCOMPARE(leave.exitCode(), 75);
        RunStore store;
        QVERIFY(store.open(project.databasePath()) && store.useProject(project));
        const RunRecord left = *store.findRun(QStringLiteral("last"));
        QVERIFY(!isFinished(left.status));
        QVERIFY(!SlurmCluster::output(QStringLiteral("squeue"), { QStringLiteral("-h"), QStringLiteral("-j"), left.jobId })
                     .trimmed()
                     .isEmpty());

        // "c": canceled, as Ctrl-C does for a local run.
        QProcess cancel;
        QVERIFY(start(&cancel));
        ::kill(pid_t(cancel.processId()), SIGINT);
        QVERIFY(waitFor([&] {
            cancel.waitForReadyRead(100);
            return cancel.readAllStandardError().contains("[c/l]");
        }));
        cancel.write("c\n");
        QVERIFY(cancel.waitForFinished(30000));
        QCOMPARE(cancel.exitCode(), 130);
        const RunRecord canceled = *store.findRun(QStringLiteral("last"));
        QCOMPARE(canceled.status, RunStatus::Canceled);

        // The one left running is still going, and ends well when let go.
        writeFile(project.root() + QStringLiteral("/go"), "");
        QVERIFY(waitFor([&] { return QFileInfo::exists(RunJob::statusPath(project, left.runId)); }));
        const Result info = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                       { QStringLiteral("history"), QStringLiteral("info"), left.runId },
                                       project.root());
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains(QLatin1String("\"status\": \"Completed\"")), qPrintable(info.out));
    }

    void schedulerDownIsAMessageAndNoRunEnds()
    {
        if (!clusterNeeded())
            return;
        const Project project = makeProject(QStringLiteral("down"));
        JobQueue queue;
        JobListModel jobs(&queue);
        queue.setProject(project);
        QSignalSpy problems(&queue, &JobQueue::jobSchedulerProblem);
        QSignalSpy states(&queue, &JobQueue::jobSchedulerStateChanged);
        QSignalSpy finished(&queue, &JobQueue::jobFinished);
        const int key = queue.submit(QStringLiteral("wait.py"), {});
        QVERIFY(waitFor([&] {
            return !states.isEmpty() && states.last().at(1).value<RunRecord>().schedulerState == QLatin1String("RUNNING");
        }));
        const RunRecord run = states.last().at(1).value<RunRecord>();
        m_cluster.stopController();
        QVERIFY(waitFor([&] {
            return states.last().at(1).value<RunRecord>().schedulerState.contains(QLatin1String("does not answer"))
                || states.last().at(1).value<RunRecord>().schedulerState.contains(QLatin1String("did not answer"));
        }));
        QVERIFY2(states.last().at(1).value<RunRecord>().schedulerState.contains(QLatin1String("Slurm")),
                 qPrintable(states.last().at(1).value<RunRecord>().schedulerState));
        QCOMPARE(states.last().at(0).toInt(), key);
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.last().at(0).toInt(), key);
        // The job panel says so where the output goes.
        QCOMPARE(jobs.index(jobs.rowOfKey(key), JobListModel::OutputColumn).data().toString(),
                 problems.last().at(1).toString());
        QVERIFY(finished.isEmpty());
        const auto stored = storedRun(project, run.id);
        QCOMPARE(stored->status, RunStatus::Running); // as it is
        QVERIFY(stored->schedulerState.contains(QLatin1String("answer")));

        // The script ends while nobody can ask; the controller comes back.
        writeFile(project.root() + QStringLiteral("/go"), "");
        QVERIFY(waitFor([&] { return QFileInfo::exists(RunJob::statusPath(project, run.runId)); }));
        QTest::qWait(500);
        QVERIFY(finished.isEmpty()); // only the scheduler says how the job ended
        QString error;
        QVERIFY2(m_cluster.startController(&error), qPrintable(error));
        QVERIFY(waitFor([&] { return finished.size() == 1; }, 90000));
        QCOMPARE(finished.at(0).at(1).value<RunRecord>().status, RunStatus::Completed);
    }

    void timeLimitFails()
    {
        if (!clusterNeeded())
            return;
        SlurmSettings s;
        s.timeLimit = QStringLiteral("1"); // a minute: Slurm's smallest
        const Project project = makeProject(QStringLiteral("timeout"), s);
        RunStore store;
        QVERIFY(store.open(project.databasePath()));
        RunJob job(project, &store);
        QSignalSpy finished(&job, &RunJob::finished);
        QVERIFY(job.submit(QStringLiteral("wait.py"), {}));
        job.start();
        QVERIFY(finished.wait(180000));
        QCOMPARE(job.status(), RunStatus::Failed);
        QVERIFY2(job.errorString().contains(QLatin1String("TIMEOUT")), qPrintable(job.errorString()));
        QCOMPARE(store.run(job.record().id)->status, RunStatus::Failed);
    }
};

int main(int argc, char *argv[])
{
    if (argc >= 5 && qstrcmp(argv[1], "--window-session") == 0) {
        QCoreApplication app(argc, argv);
        const QStringList args = app.arguments();
        return windowSession(args.at(2), args.at(3), args.at(4).toInt(), args.mid(5));
    }
    QApplication app(argc, argv);
    TestSlurm test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_slurm.moc"

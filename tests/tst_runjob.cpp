#include "artifactfiles.h"
#include "project.h"
#include "runjob.h"
#include "runstore.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

class TestRunJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void completedRunCollectsOutputsAndLog();
    void environmentAndWorkingFolder();
    void argumentsArriveVerbatim();
    void failingScriptKeepsItsExitCode();
    void scriptKilledBySignal();
    void missingScriptRecordsNothing();
    void missingInterpreterRecordsNothing();
    void cancelStopsALongRun();
    void pythonClientLogsMetricsLive();
    void ignoredFilesAreLinkedIntoTheWorkingCopy();
    void workingFolderShowsTheWholeProject();
    void specialFilesAndLinkLoopsDoNotStopARun();
    void standardInputIsEmpty();
    void outputLinksAreRecordedNotFollowed();
    void failureBeforeTheScriptStartsHasADuration();
    void runsGoInParallel();

private:
    void write(const QString &rel, const QByteArray &content)
    {
        QVERIFY(writeFile(m_root + QLatin1Char('/') + rel, content));
    }
    bool runToEnd(RunJob *job, const QString &script, const QStringList &args = {});
    static quint64 inode(const QString &path)
    {
        struct stat st;
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
    }
    QString m_outside; // a folder next to the project, removed after the test

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    RunStore m_store;
};

void TestRunJob::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_root = m_dir->path();
    QString error;
    QVERIFY(Project(m_root).ensureDataDir(&error));
    QVERIFY(m_store.open(Project(m_root).databasePath()));
}

void TestRunJob::cleanup()
{
    m_store.close();
    if (!m_outside.isEmpty())
        QDir(m_outside).removeRecursively();
    m_outside.clear();
}

bool TestRunJob::runToEnd(RunJob *job, const QString &script, const QStringList &args)
{
    job->setGracePeriod(500);
    if (!job->submit(script, args)) {
        qWarning("%s", qPrintable(job->errorString()));
        return false;
    }
    QSignalSpy finished(job, &RunJob::finished);
    job->start();
    return finished.wait(60000);
}

void TestRunJob::completedRunCollectsOutputsAndLog()
{
    write(QStringLiteral("make.sh"),
          "mkdir -p outputs/sub\nprintf abc > outputs/a.txt\necho hi > outputs/sub/b.txt\n"
          "echo to-stdout\necho to-stderr >&2\n");
    RunJob job(Project(m_root), &m_store);
    QSignalSpy status(&job, &RunJob::statusChanged);
    QVERIFY(runToEnd(&job, QStringLiteral("make.sh")));
    QCOMPARE(job.status(), RunStatus::Completed);
    QCOMPARE(job.exitCode(), 0);
    QCOMPARE(status.first().first().value<RunStatus>(), RunStatus::Preparing);
    const RunRecord r = *m_store.run(job.record().id);
    QCOMPARE(r.status, RunStatus::Completed);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.durationUs() > 0);
    const QVector<ArtifactRecord> artifacts = m_store.artifacts(r.id);
    QCOMPARE(artifacts.size(), 2);
    QCOMPARE(artifacts.at(0).path, QStringLiteral("outputs/a.txt"));
    QCOMPARE(artifacts.at(0).size, 3);
    QCOMPARE(artifacts.at(0).sha256,
             QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(artifacts.at(1).path, QStringLiteral("outputs/sub/b.txt"));
    const Project project(m_root);
    QCOMPARE(readFile(project.runDir(r.runId) + QStringLiteral("/outputs/a.txt")), QByteArray("abc"));
    const QByteArray log = readFile(job.logPath());
    QVERIFY(log.contains("to-stdout"));
    QVERIFY(log.contains("to-stderr"));
    QVERIFY(!QFileInfo::exists(project.workDir(r.runId))); // working folder removed
    QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/outputs"))); // the project's own folder untouched
}

void TestRunJob::environmentAndWorkingFolder()
{
    write(QStringLiteral("env.sh"),
          "mkdir -p outputs\n{ echo \"$RUNBENCH_RUN_ID\"; echo \"$RUNBENCH_RUN_DIR\"; "
          "echo \"$RUNBENCH_METRICS_FILE\"; echo \"$RUNBENCH_PROJECT_DIR\"; "
          "echo \"$RUNBENCH_SHARED_DIR\"; echo \"$PYTHONUNBUFFERED\"; echo \"$PYTHONPATH\"; "
          "pwd -P; } > outputs/env.txt\n");
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("env.sh")));
    const Project project(m_root);
    const QString runId = job.record().runId;
    const QStringList lines = QString::fromUtf8(readFile(project.runDir(runId) + QStringLiteral("/outputs/env.txt")))
                                  .split(QLatin1Char('\n'));
    QCOMPARE(lines.at(0), runId);
    QCOMPARE(lines.at(1), project.runDir(runId));
    QCOMPARE(lines.at(2), project.runDir(runId) + QStringLiteral("/metrics.jsonl"));
    QCOMPARE(lines.at(3), project.root());
    QCOMPARE(lines.at(4), project.sharedDir());
    QCOMPARE(lines.at(5), QStringLiteral("1"));
    QVERIFY(lines.at(6).startsWith(project.clientDir()));
    QCOMPARE(lines.at(7),
             QDir(project.workDir(runId)).canonicalPath().isEmpty()
                 ? QFileInfo(project.workDir(runId)).absoluteFilePath()
                 : QDir(project.workDir(runId)).canonicalPath());
}

void TestRunJob::argumentsArriveVerbatim()
{
    write(QStringLiteral("args.sh"),
          "mkdir -p outputs\nfor a in \"$@\"; do printf '%s\\n' \"<$a>\"; done > outputs/args.txt\n");
    const QStringList args { QStringLiteral("0.01"),
                             QStringLiteral("a b"),
                             QStringLiteral("\"quoted\""),
                             QStringLiteral("; rm -rf ~"),
                             QStringLiteral("$HOME"),
                             QStringLiteral("*"),
                             QString(),
                             QStringLiteral("it's"),
                             QStringLiteral("정규화") };
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("args.sh"), args));
    QString expected;
    for (const QString &a : args)
        expected += QLatin1Char('<') + a + QStringLiteral(">\n");
    QCOMPARE(
        QString::fromUtf8(readFile(Project(m_root).runDir(job.record().runId) + QStringLiteral("/outputs/args.txt"))),
        expected);
    QCOMPARE(m_store.run(job.record().id)->arguments, args);
}

void TestRunJob::failingScriptKeepsItsExitCode()
{
    write(QStringLiteral("fail.sh"), "echo failing\nexit 3\n");
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("fail.sh")));
    QCOMPARE(job.status(), RunStatus::Failed);
    QCOMPARE(job.exitCode(), 3);
    const RunRecord r = *m_store.run(job.record().id);
    QCOMPARE(r.status, RunStatus::Failed);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.error.contains(QStringLiteral("3")));
}

void TestRunJob::scriptKilledBySignal()
{
    write(QStringLiteral("die.sh"), "echo dying\nkill -9 $$\n");
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("die.sh")));
    QCOMPARE(job.status(), RunStatus::Failed);
    QCOMPARE(job.exitCode(), 128 + 9);
    QVERIFY2(m_store.run(job.record().id)->error.contains(QStringLiteral("SIGKILL")),
             qPrintable(m_store.run(job.record().id)->error));
}

void TestRunJob::missingScriptRecordsNothing()
{
    RunJob job(Project(m_root), &m_store);
    QVERIFY(!job.submit(QStringLiteral("nope.py"), {}));
    QVERIFY(job.errorString().contains(QStringLiteral("does not exist")));
    QVERIFY(m_store.useProject(Project(m_root)));
    QVERIFY(m_store.runs().isEmpty());
}

void TestRunJob::missingInterpreterRecordsNothing()
{
    QVERIFY(writeFile(Project(m_root).iniPath(), "[interpreters]\npy=python-that-is-not-installed\n"));
    write(QStringLiteral("train.py"), "print(1)\n");
    RunJob job(Project(m_root), &m_store);
    QVERIFY(!job.submit(QStringLiteral("train.py"), {}));
    QVERIFY2(job.errorString().contains(QStringLiteral("python-that-is-not-installed")), qPrintable(job.errorString()));
    QVERIFY(job.errorString().contains(QStringLiteral("interpreters/py")));
    QVERIFY(m_store.useProject(Project(m_root)));
    QVERIFY(m_store.runs().isEmpty());
}

void TestRunJob::cancelStopsALongRun()
{
    write(QStringLiteral("long.sh"), "echo started\nsleep 30\n");
    RunJob job(Project(m_root), &m_store);
    job.setGracePeriod(500);
    QVERIFY(job.submit(QStringLiteral("long.sh"), {}));
    QSignalSpy finished(&job, &RunJob::finished);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(job.status(), RunStatus::Running, 20000);
    QElapsedTimer timer;
    timer.start();
    job.cancel();
    QVERIFY(finished.wait(20000));
    QVERIFY(timer.elapsed() < 15000);
    QCOMPARE(job.status(), RunStatus::Canceled);
    QCOMPARE(job.exitCode(), 130);
    QCOMPARE(m_store.run(job.record().id)->status, RunStatus::Canceled);
}

void TestRunJob::pythonClientLogsMetricsLive()
{
    write(QStringLiteral("train.py"),
          "import sys, time\n"
          "from runbench import get_logger\n"
          "from azureml.logging import get_azureml_logger\n"
          "log = get_logger()\n"
          "assert get_azureml_logger() is log\n"
          "log.log('Regularization Rate', float(sys.argv[1]))\n"
          "time.sleep(1.5)\n"
          "for i in range(3):\n"
          "    log.log('loss', 1.0 / (i + 1))\n"
          "log.log('all values', [5, 6, 7])\n"
          "log.log('optimizer', 'lbfgs')\n");
    RunJob job(Project(m_root), &m_store);
    job.setPollInterval(100);
    QVERIFY(job.submit(QStringLiteral("train.py"), { QStringLiteral("0.01") }));
    QSignalSpy finished(&job, &RunJob::finished);
    job.start();
    // the first value is in the store while the script still runs
    QTRY_VERIFY_WITH_TIMEOUT(m_store.summaries(job.record().id).contains(QStringLiteral("Regularization Rate")), 20000);
    QVERIFY(!isFinished(job.status()));
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.status(), RunStatus::Completed);
    const auto s = m_store.summaries(job.record().id);
    QCOMPARE(s.value(QStringLiteral("Regularization Rate")).last, 0.01);
    QCOMPARE(s.value(QStringLiteral("loss")).count, 3);
    QCOMPARE(s.value(QStringLiteral("all values")).count, 3);
    QCOMPARE(s.value(QStringLiteral("optimizer")).lastText, QStringLiteral("lbfgs"));
    QCOMPARE(job.skippedLines(), 0);
}

void TestRunJob::ignoredFilesAreLinkedIntoTheWorkingCopy()
{
    write(QStringLiteral(".runbenchignore"), "secret.txt\n");
    write(QStringLiteral("secret.txt"), "s");
    write(QStringLiteral("data/input.csv"), "1,2\n");
    write(QStringLiteral("check.sh"),
          "test \"$(cat secret.txt)\" = s || exit 9\ntest -e data/input.csv || exit 8\n"
          "test -e .runbench && exit 7\nmkdir -p outputs\nstat -L -c %i secret.txt > outputs/inode\n");
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("check.sh")));
    QCOMPARE(job.exitCode(), 0);
    // the same file, not a copy
    const QString runDir = Project(m_root).runDir(job.record().runId);
    QCOMPARE(readFile(runDir + QStringLiteral("/outputs/inode")).trimmed(),
             QByteArray::number(qulonglong(inode(m_root + QStringLiteral("/secret.txt")))));
    QCOMPARE(m_store.run(job.record().id)->leftOut, QStringList { QStringLiteral("secret.txt") });
}

void TestRunJob::workingFolderShowsTheWholeProject()
{
    // A project as data scientists keep them: data/ gitignored, a file over
    // the snapshot's size limit, datasets linked in from elsewhere.
    const QString datasets
        = m_dir->path() + QStringLiteral("/../") + QFileInfo(m_dir->path()).fileName() + QStringLiteral("-datasets");
    QVERIFY(writeFile(datasets + QStringLiteral("/x.csv"), "from outside\n"));
    m_outside = datasets;
    write(QStringLiteral(".gitignore"), "data/\n");
    write(QStringLiteral("data/train.csv"), "1,2,3\n");
    {
        QFile big(m_root + QStringLiteral("/big.bin"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        const QByteArray block(1 << 20, 'x');
        for (int i = 0; i < 60; ++i)
            QVERIFY(big.write(block) == block.size());
    }
    const QString absolute = QDir::cleanPath(datasets);
    QVERIFY(QFile::link(absolute, m_root + QStringLiteral("/abs")));
    const QString relative = QStringLiteral("../") + QFileInfo(absolute).fileName();
    QCOMPARE(::symlink(relative.toUtf8().constData(), QFile::encodeName(m_root + QStringLiteral("/rel")).constData()),
             0);
    QCOMPARE(::symlink("train.csv", QFile::encodeName(m_root + QStringLiteral("/data/latest.csv")).constData()), 0);
    write(QStringLiteral("src/util.py"), "X = 1\n");
    QCOMPARE(::symlink("../data/train.csv", QFile::encodeName(m_root + QStringLiteral("/src/train.csv")).constData()),
             0);
    write(QStringLiteral("read.sh"),
          "set -e\nmkdir -p outputs\n{\n"
          "  stat -L -c %i big.bin; stat -L -c %s big.bin\n"
          "  stat -L -c %i data/train.csv; cat data/latest.csv\n"
          "  cat abs/x.csv; cat rel/x.csv; readlink rel; cat src/train.csv\n"
          "} > outputs/report.txt\n");
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("read.sh")));
    QVERIFY2(job.status() == RunStatus::Completed,
             qPrintable(job.errorString() + QString::fromUtf8(readFile(job.logPath()))));
    const QString runDir = Project(m_root).runDir(job.record().runId);
    const QList<QByteArray> report = readFile(runDir + QStringLiteral("/outputs/report.txt")).split('\n');
    QCOMPARE(report.value(0), QByteArray::number(qulonglong(inode(m_root + QStringLiteral("/big.bin")))));
    QCOMPARE(report.value(1), QByteArray("62914560"));
    QCOMPARE(report.value(2), QByteArray::number(qulonglong(inode(m_root + QStringLiteral("/data/train.csv")))));
    QCOMPARE(report.value(3), QByteArray("1,2,3"));
    QCOMPARE(report.value(4), QByteArray("from outside"));
    QCOMPARE(report.value(5), QByteArray("from outside"));
    QCOMPARE(report.value(6), absolute.toUtf8()); // the same place, seen from the working folder
    QCOMPARE(report.value(7), QByteArray("1,2,3"));

    // The snapshot records none of the data, and says so.
    const RunRecord r = *m_store.run(job.record().id);
    QVERIFY2(r.leftOut.contains(QStringLiteral("big.bin")), qPrintable(r.leftOut.join(QLatin1Char('|'))));
    QVERIFY(r.leftOut.contains(QStringLiteral("data/")));
    QVERIFY(r.leftOut.contains(QStringLiteral("abs -> ") + absolute));
    QVERIFY(r.leftOut.contains(QStringLiteral("rel -> ") + relative));
    QTemporaryDir snapshotOnly;
    SnapshotStore snapshots { Project(m_root) };
    QVERIFY(snapshots.open(false));
    QVERIFY(snapshots.checkout(r.commitId, snapshotOnly.path() + QStringLiteral("/c")));
    const QString c = snapshotOnly.path() + QStringLiteral("/c");
    QVERIFY(QFileInfo::exists(c + QStringLiteral("/read.sh")));
    QVERIFY(!QFileInfo::exists(c + QStringLiteral("/big.bin")));
    QVERIFY(!QFileInfo::exists(c + QStringLiteral("/data")));
    QVERIFY(QFileInfo(c + QStringLiteral("/abs")).isSymLink()); // the link, not what it points to

    // The working folder is gone; the data it linked to is not.
    QVERIFY(!QFileInfo::exists(Project(m_root).workDir(r.runId)));
    QCOMPARE(QFileInfo(m_root + QStringLiteral("/big.bin")).size(), qint64(62914560));
    QCOMPARE(readFile(m_root + QStringLiteral("/data/train.csv")), QByteArray("1,2,3\n"));
    QCOMPARE(readFile(datasets + QStringLiteral("/x.csv")), QByteArray("from outside\n"));
    QVERIFY(r.durationUs() > 0);
}

void TestRunJob::specialFilesAndLinkLoopsDoNotStopARun()
{
    QCOMPARE(::mkfifo(QFile::encodeName(m_root + QStringLiteral("/pipe")).constData(), 0644), 0);
    QCOMPARE(::symlink("loop-b", QFile::encodeName(m_root + QStringLiteral("/loop-a")).constData()), 0);
    QCOMPARE(::symlink("loop-a", QFile::encodeName(m_root + QStringLiteral("/loop-b")).constData()), 0);
    QCOMPARE(::symlink("nowhere", QFile::encodeName(m_root + QStringLiteral("/dangling")).constData()), 0);
    write(QStringLiteral("look.sh"),
          "set -e\nmkdir -p outputs\n{ readlink loop-a; readlink loop-b; readlink dangling; "
          "test -p pipe && echo fifo; } > outputs/seen.txt\n");
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("look.sh")));
    QVERIFY2(job.status() == RunStatus::Completed, qPrintable(job.errorString()));
    const QString runDir = Project(m_root).runDir(job.record().runId);
    QCOMPARE(readFile(runDir + QStringLiteral("/outputs/seen.txt")), QByteArray("loop-b\nloop-a\nnowhere\nfifo\n"));
    QVERIFY(m_store.run(job.record().id)->leftOut.contains(QStringLiteral("pipe (special file)")));
}

void TestRunJob::standardInputIsEmpty()
{
    write(QStringLiteral("ask.py"),
          "import os, sys\n"
          "data = sys.stdin.read()\n"
          "try:\n    answer = input('name? ')\nexcept EOFError:\n    answer = 'EOF'\n"
          "os.makedirs('outputs', exist_ok=True)\n"
          "open('outputs/stdin.txt', 'w').write(repr(data) + ' ' + answer)\n");
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("ask.py")));
    QVERIFY2(job.status() == RunStatus::Completed, qPrintable(job.errorString()));
    QCOMPARE(readFile(Project(m_root).runDir(job.record().runId) + QStringLiteral("/outputs/stdin.txt")),
             QByteArray("'' EOF"));
}

void TestRunJob::outputLinksAreRecordedNotFollowed()
{
    write(QStringLiteral("leak.sh"),
          "mkdir -p outputs\nln -s /etc/passwd outputs/x\nln -s \"$HOME\" outputs/home\n"
          "ln -s real.txt outputs/inside\necho ok > outputs/real.txt\n");
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("leak.sh")));
    QCOMPARE(job.status(), RunStatus::Completed);
    const QVector<ArtifactRecord> artifacts = m_store.artifacts(job.record().id);
    QCOMPARE(artifacts.size(), 4);
    QCOMPARE(artifacts.at(0).path, QStringLiteral("outputs/home"));
    QVERIFY(artifacts.at(0).isLink());
    QCOMPARE(artifacts.at(1).path, QStringLiteral("outputs/inside"));
    QCOMPARE(artifacts.at(1).linkTarget, QStringLiteral("real.txt"));
    QCOMPARE(artifacts.at(2).path, QStringLiteral("outputs/real.txt"));
    QVERIFY(!artifacts.at(2).isLink());
    QCOMPARE(artifacts.at(3).path, QStringLiteral("outputs/x"));
    QCOMPARE(artifacts.at(3).linkTarget, QStringLiteral("/etc/passwd"));
    QCOMPARE(artifacts.at(3).size, 0);
    QVERIFY(artifacts.at(3).sha256.isEmpty());
    // nothing of /etc/passwd is in the run folder
    const QString runDir = Project(m_root).runDir(job.record().runId);
    QVERIFY(!QFileInfo::exists(runDir + QStringLiteral("/outputs/x")));
    QVERIFY(!QFileInfo(runDir + QStringLiteral("/outputs/x")).isSymLink());
    // a download makes the link again, and copies nothing through it
    QTemporaryDir dest;
    QString error;
    const QStringList written = ArtifactFiles::download(runDir, artifacts, dest.path(), false, &error);
    QVERIFY2(written.size() == 4, qPrintable(error));
    QCOMPARE(QFile::symLinkTarget(dest.path() + QStringLiteral("/x")), QStringLiteral("/etc/passwd"));
    QVERIFY(QFileInfo(dest.path() + QStringLiteral("/x")).isSymLink());
    QCOMPARE(readFile(dest.path() + QStringLiteral("/real.txt")), QByteArray("ok\n"));
}

void TestRunJob::failureBeforeTheScriptStartsHasADuration()
{
    write(QStringLiteral("never.sh"), "exit 0\n");
    // a snapshots repository that cannot be opened stops the run while preparing
    QVERIFY(writeFile(m_root + QStringLiteral("/.runbench/snapshots.git"), "not a repository"));
    RunJob job(Project(m_root), &m_store);
    QVERIFY(runToEnd(&job, QStringLiteral("never.sh")));
    QCOMPARE(job.status(), RunStatus::Failed);
    QVERIFY(!job.errorString().isEmpty());
    const RunRecord r = *m_store.run(job.record().id);
    QCOMPARE(r.status, RunStatus::Failed);
    QVERIFY(r.startUs > 0);
    QVERIFY(r.durationUs() >= 0);
    QVERIFY(!r.error.isEmpty());
}

void TestRunJob::runsGoInParallel()
{
    // each script waits until the other has started: only parallel runs finish
    write(QStringLiteral("meet.sh"),
          "touch \"$RUNBENCH_PROJECT_DIR/.runbench/shared/$1\"\n"
          "for i in $(seq 100); do test -e \"$RUNBENCH_PROJECT_DIR/.runbench/shared/$2\" && exit 0; "
          "sleep 0.1; done\nexit 1\n");
    RunJob a(Project(m_root), &m_store);
    RunJob b(Project(m_root), &m_store);
    QVERIFY(a.submit(QStringLiteral("meet.sh"), { QStringLiteral("a"), QStringLiteral("b") }));
    QVERIFY(b.submit(QStringLiteral("meet.sh"), { QStringLiteral("b"), QStringLiteral("a") }));
    QSignalSpy aDone(&a, &RunJob::finished);
    QSignalSpy bDone(&b, &RunJob::finished);
    a.start();
    b.start();
    QTRY_VERIFY_WITH_TIMEOUT(aDone.count() == 1 && bDone.count() == 1, 60000);
    QVERIFY2(a.status() == RunStatus::Completed, qPrintable(a.errorString()));
    QVERIFY2(b.status() == RunStatus::Completed, qPrintable(b.errorString()));
    QCOMPARE(a.status(), RunStatus::Completed);
    QCOMPARE(b.status(), RunStatus::Completed);
    QCOMPARE(a.record().number + b.record().number, 3);
}

QTEST_GUILESS_MAIN(TestRunJob)
#include "tst_runjob.moc"

// End to end: the runbench executable on a copy of the bundled sample project.
#include "runstore.h"
#include "testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpOnEveryCommand_data();
    void helpOnEveryCommand();
    void sampleProjectEndToEnd();
    void exitCodeIsTheScripts();
    void missingScriptIsAClearError();
    void noHistoryIsAClearError();
    void ctrlCCancelsTheRun();
    void logFromAShellScript();
    void logOutsideARunPrints();
    void restoreAndDiffFromTheCommandLine();
    void runSeesDataAndAnEmptyInput();
    void unreadableFileIsListedAndTheRunGoesOn();
    void exportCopiesTheHistory();

private:
    Result runbench(const QStringList &args, const QString &dir = QString());
    QJsonObject lastRun(const QString &dir);

    QTemporaryDir m_tmp;
    QString m_iris;
    QString m_scratch;
};

Result TestCli::runbench(const QStringList &args, const QString &dir)
{
    return runCommand(QStringLiteral(RUNBENCH_BINARY), args, dir.isEmpty() ? m_iris : dir);
}

QJsonObject TestCli::lastRun(const QString &dir)
{
    const Result r = runbench({ QStringLiteral("history"), QStringLiteral("last") }, dir);
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void TestCli::initTestCase()
{
    m_iris = m_tmp.path() + QStringLiteral("/iris");
    m_scratch = m_tmp.path() + QStringLiteral("/scratch");
    const QString sample = QStringLiteral(RUNBENCH_SOURCE_DIR "/resources/samples/iris");
    for (const QString &rel : { QStringLiteral("iris_sklearn.py"), QStringLiteral(".runbench/project.ini") })
        QVERIFY(writeFile(m_iris + QLatin1Char('/') + rel, readFile(sample + QLatin1Char('/') + rel)));
    QVERIFY(writeFile(m_scratch + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Scratch\n"));
}

void TestCli::helpOnEveryCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("top") << QStringList { QStringLiteral("--help") } << QStringLiteral("runbench run SCRIPT");
    QTest::newRow("run") << QStringList { QStringLiteral("run"), QStringLiteral("-h") } << QStringLiteral("verbatim");
    QTest::newRow("log") << QStringList { QStringLiteral("log"), QStringLiteral("-h") } << QStringLiteral("NAME");
    QTest::newRow("history") << QStringList { QStringLiteral("history"), QStringLiteral("-h") }
                             << QStringLiteral("promote");
    for (const char *sub : { "list", "last", "info", "edit", "compare", "download", "promote" })
        QTest::newRow(sub) << QStringList { QStringLiteral("history"), QLatin1String(sub), QStringLiteral("-h") }
                           << QStringLiteral("--output");
}

void TestCli::helpOnEveryCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Result r = runbench(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(expected, Qt::CaseInsensitive), qPrintable(r.out));
}

void TestCli::sampleProjectEndToEnd()
{
    // two tracked runs of the bundled sample, as on the product page
    for (const QString &reg : { QStringLiteral("10"), QStringLiteral("0.078125") }) {
        const Result r = runbench({ QStringLiteral("run"), QStringLiteral("iris_sklearn.py"), reg });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("Accuracy is 0.")));
        QVERIFY(r.err.contains(QStringLiteral("IrisDemo_")));
    }

    const Result table = runbench(
        { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("table") });
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(
        QRegularExpression(
            QStringLiteral("^Accuracy +Regularization Rate +Duration +Run_id +Script_name +Start_time_utc +Status$"))
            .match(lines.at(0))
            .hasMatch());
    // newest first, numbers aligned, durations as H:MM:SS.ffffff
    QVERIFY2(QRegularExpression(
                 QStringLiteral("^0\\.\\d+ +0\\.078125 +0:00:\\d\\d\\.\\d{6} +IrisDemo_\\d+ +iris_sklearn\\.py +"
                                "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\+00:00 +Completed$"))
                 .match(lines.at(2))
                 .hasMatch(),
             qPrintable(lines.at(2)));
    QVERIFY(lines.at(3).contains(QStringLiteral("10       ")));

    const QJsonObject last = lastRun(m_iris);
    QCOMPARE(last.value(QStringLiteral("run_number")).toInt(), 2);
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
    QCOMPARE(last.value(QStringLiteral("Regularization Rate")).toDouble(), 0.078125);
    const double accuracy = last.value(QStringLiteral("Accuracy")).toDouble();
    QVERIFY(accuracy > 0.5 && accuracy <= 1.0);
    QCOMPARE(last.value(QStringLiteral("script_name")).toString(), QStringLiteral("iris_sklearn.py"));
    QCOMPARE(last.value(QStringLiteral("target")).toString(), QStringLiteral("local"));
    QCOMPARE(last.value(QStringLiteral("attachments")).toString(),
             QStringLiteral("driver_log.txt, metrics.jsonl, outputs/cm.png, outputs/model.pkl, outputs/roc.png"));
    const QString runId = last.value(QStringLiteral("run_id")).toString();

    const Result info = runbench({ QStringLiteral("history"), QStringLiteral("info"), QStringLiteral("1") });
    QCOMPARE(
        QJsonDocument::fromJson(info.out.toUtf8()).object().value(QStringLiteral("Regularization Rate")).toDouble(),
        10.0);
    const Result byId = runbench({ QStringLiteral("history"), QStringLiteral("info"), runId });
    QCOMPARE(QJsonDocument::fromJson(byId.out.toUtf8()).object().value(QStringLiteral("run_number")).toInt(), 2);

    const Result compare
        = runbench({ QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("1"), runId });
    QCOMPARE(compare.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("\\n\\* +Regularization Rate +10 \\(best\\) +0\\.078125\\n"))
                 .match(compare.out)
                 .hasMatch(),
             qPrintable(compare.out));
    QVERIFY(QRegularExpression(QStringLiteral("\\n +script_name +iris_sklearn.py")).match(compare.out).hasMatch());
    // Two snapshots (commits) of the same code: not marked as different.
    QVERIFY2(QRegularExpression(QStringLiteral("\\n +commit_id +[0-9a-f]{40} +[0-9a-f]{40}\\n"))
                 .match(compare.out)
                 .hasMatch(),
             qPrintable(compare.out));

    const Result csv
        = runbench({ QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("csv") });
    QVERIFY(csv.out.startsWith(
        QStringLiteral("Accuracy,Regularization Rate,Duration,Run_id,Script_name,Start_time_utc,Status\r\n")));
    const Result json = runbench({ QStringLiteral("history"), QStringLiteral("list") });
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 2);

    // download: every output, byte-identical; a second time needs --force
    const QString dest = m_tmp.path() + QStringLiteral("/download");
    const Result dl
        = runbench({ QStringLiteral("history"), QStringLiteral("download"), runId, QStringLiteral("-d"), dest });
    QVERIFY2(dl.exitCode == 0, qPrintable(dl.err));
    const QString runDir = m_iris + QStringLiteral("/.runbench/runs/") + runId;
    for (const QString &f : { QStringLiteral("cm.png"), QStringLiteral("roc.png"), QStringLiteral("model.pkl") }) {
        const QByteArray copy = readFile(dest + QLatin1Char('/') + f);
        QVERIFY(!copy.isEmpty());
        QCOMPARE(copy, readFile(runDir + QStringLiteral("/outputs/") + f));
    }
    QVERIFY(readFile(dest + QStringLiteral("/cm.png")).startsWith("\x89PNG"));
    const Result again
        = runbench({ QStringLiteral("history"), QStringLiteral("download"), runId, QStringLiteral("-d"), dest });
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains(QStringLiteral("--force")));

    // promote: into assets/, traced back to the run
    const Result promote
        = runbench({ QStringLiteral("history"), QStringLiteral("promote"), runId, QStringLiteral("outputs/model.pkl"),
                     QStringLiteral("--name"), QStringLiteral("iris-model") });
    QVERIFY2(promote.exitCode == 0, qPrintable(promote.err));
    QCOMPARE(readFile(m_iris + QStringLiteral("/assets/iris-model")),
             readFile(runDir + QStringLiteral("/outputs/model.pkl")));
    const QJsonArray promotions
        = lastRun(m_iris).value(QStringLiteral("properties")).toObject().value(QStringLiteral("Promotions")).toArray();
    QCOMPARE(promotions.size(), 1);
    QCOMPARE(promotions.at(0).toObject().value(QStringLiteral("asset")).toString(),
             QStringLiteral("assets/iris-model"));
    QCOMPARE(promotions.at(0).toObject().value(QStringLiteral("sha256")).toString().size(), 64);
    const Result hostile
        = runbench({ QStringLiteral("history"), QStringLiteral("promote"), runId, QStringLiteral("outputs/model.pkl"),
                     QStringLiteral("--name"), QStringLiteral("../escape") });
    QCOMPARE(hostile.exitCode, 2);
    QVERIFY(!QFileInfo::exists(m_iris + QStringLiteral("/escape")));
    const Result missing
        = runbench({ QStringLiteral("history"), QStringLiteral("promote"), runId, QStringLiteral("outputs/nothing.bin"),
                     QStringLiteral("--name"), QStringLiteral("x") });
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QStringLiteral("no artifact")));
}

void TestCli::exitCodeIsTheScripts()
{
    QVERIFY(writeFile(m_scratch + QStringLiteral("/fail.sh"), "echo about to fail\nexit 3\n"));
    const Result r = runbench({ QStringLiteral("run"), QStringLiteral("fail.sh") }, m_scratch);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.contains(QStringLiteral("about to fail")));
    QVERIFY(r.err.contains(QStringLiteral("Failed")));
    QCOMPARE(lastRun(m_scratch).value(QStringLiteral("status")).toString(), QStringLiteral("Failed"));
}

void TestCli::missingScriptIsAClearError()
{
    const Result r = runbench({ QStringLiteral("run"), QStringLiteral("nope.py") }, m_scratch);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
    const Result none = runbench({ QStringLiteral("run") }, m_scratch);
    QCOMPARE(none.exitCode, 2);
}

void TestCli::noHistoryIsAClearError()
{
    QTemporaryDir empty;
    const Result r = runbench({ QStringLiteral("history"), QStringLiteral("list") }, empty.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no run history yet")), qPrintable(r.err));
}

void TestCli::ctrlCCancelsTheRun()
{
    QVERIFY(writeFile(m_scratch + QStringLiteral("/long.sh"), "echo started\nsleep 60\n"));
    QProcess p;
    p.setWorkingDirectory(m_scratch);
    p.start(QStringLiteral(RUNBENCH_BINARY), { QStringLiteral("run"), QStringLiteral("long.sh") });
    QVERIFY(p.waitForStarted());
    QVERIFY(waitForOutput(&p, "started"));
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 130);
    QCOMPARE(lastRun(m_scratch).value(QStringLiteral("status")).toString(), QStringLiteral("Canceled"));
}

void TestCli::logFromAShellScript()
{
    QVERIFY(writeFile(m_scratch + QStringLiteral("/logs.sh"),
                      "\"$1\" log loss 0.5\n\"$1\" log loss 0.25\n\"$1\" log note 'hello world'\n"
                      "\"$1\" log vals '[1, 2]'\n\"$1\" log done true\n"));
    const Result r
        = runbench({ QStringLiteral("run"), QStringLiteral("logs.sh"), QStringLiteral(RUNBENCH_BINARY) }, m_scratch);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject last = lastRun(m_scratch);
    QCOMPARE(last.value(QStringLiteral("loss")).toArray(), (QJsonArray { 0.5, 0.25 }));
    QCOMPARE(last.value(QStringLiteral("note")).toString(), QStringLiteral("hello world"));
    QCOMPARE(last.value(QStringLiteral("vals")).toArray(), (QJsonArray { 1, 2 }));
    QCOMPARE(last.value(QStringLiteral("done")).toBool(), true);
}

void TestCli::logOutsideARunPrints()
{
    const Result r = runbench({ QStringLiteral("log"), QStringLiteral("x"), QStringLiteral("1") }, m_scratch);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("[runbench] x = 1\n"));
}

void TestCli::restoreAndDiffFromTheCommandLine()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    QVERIFY(writeFile(root + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Code\n"));
    QVERIFY(writeFile(root + QStringLiteral("/step.sh"), "echo version 1\n"));
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("step.sh") }, root).exitCode, 0);
    QVERIFY(writeFile(root + QStringLiteral("/step.sh"), "echo version 2\n"));
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("step.sh") }, root).exitCode, 0);
    QVERIFY(
        lastRun(root).value(QStringLiteral("properties")).toObject().value(QStringLiteral("CommitId")).toString().size()
        == 40);

    const Result diff = runbench(
        { QStringLiteral("history"), QStringLiteral("diff"), QStringLiteral("1"), QStringLiteral("2") }, root);
    QCOMPARE(diff.exitCode, 0);
    QVERIFY2(diff.out.contains(QStringLiteral("-echo version 1\n+echo version 2\n")), qPrintable(diff.out));

    const Result dry = runbench(
        { QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("1"), QStringLiteral("--dry-run") },
        root);
    QCOMPARE(dry.exitCode, 0);
    QVERIFY(QRegularExpression(QStringLiteral("overwrite +step.sh")).match(dry.out).hasMatch());
    QCOMPARE(readFile(root + QStringLiteral("/step.sh")), QByteArray("echo version 2\n"));

    QVERIFY(writeFile(root + QStringLiteral("/step.sh"), "echo local edit\n"));
    const Result refused
        = runbench({ QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("1") }, root);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains(QStringLiteral("--force")));
    QCOMPARE(readFile(root + QStringLiteral("/step.sh")), QByteArray("echo local edit\n"));
    const Result forced = runbench(
        { QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("1"), QStringLiteral("--force") }, root);
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
    QCOMPARE(readFile(root + QStringLiteral("/step.sh")), QByteArray("echo version 1\n"));
    const Result undo
        = runbench({ QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("--undo") }, root);
    QVERIFY2(undo.exitCode == 0, qPrintable(undo.err));
    QCOMPARE(readFile(root + QStringLiteral("/step.sh")), QByteArray("echo local edit\n"));

    // a missing snapshots repository: a clear error naming the run, and the history still lists
    QVERIFY(QDir(root + QStringLiteral("/.runbench/snapshots.git")).removeRecursively());
    const Result broken = runbench({ QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("1") }, root);
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(QStringLiteral("Code_")) && broken.err.contains(QStringLiteral("snapshot")),
             qPrintable(broken.err));
    const Result list = runbench(
        { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("table") }, root);
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out.count(QStringLiteral("Completed")), 2);
}

// A project as they come: data/ gitignored, datasets linked in from outside
// with a relative link, a script that reads its standard input. runbench
// run is started with a pipe for input that nobody writes to or closes.
void TestCli::runSeesDataAndAnEmptyInput()
{
    QTemporaryDir dir;
    const QString root = dir.path() + QStringLiteral("/project");
    QVERIFY(writeFile(root + QStringLiteral("/.gitignore"), "data/\n__pycache__/\n"));
    QVERIFY(writeFile(root + QStringLiteral("/data/train.csv"), "a,b\n1,2\n"));
    QVERIFY(writeFile(dir.path() + QStringLiteral("/datasets/extra.csv"), "c\n3\n"));
    QCOMPARE(::symlink("../datasets", QFile::encodeName(root + QStringLiteral("/shared-data")).constData()), 0);
    QVERIFY(writeFile(root + QStringLiteral("/read.py"),
                      "import sys\n"
                      "print('stdin:', repr(sys.stdin.read()))\n"
                      "print('rows:', len(open('data/train.csv').readlines()) + "
                      "len(open('shared-data/extra.csv').readlines()))\n"));
    const Result r = runbench({ QStringLiteral("run"), QStringLiteral("read.py") }, root);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(QStringLiteral("stdin: ''")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("rows: 4")));
    QVERIFY2(r.err.contains(QStringLiteral("Completed in ")), qPrintable(r.err));
    const QJsonArray leftOut
        = lastRun(root).value(QStringLiteral("properties")).toObject().value(QStringLiteral("LeftOutFiles")).toArray();
    QVERIFY(leftOut.contains(QStringLiteral("data/")));
    QVERIFY(leftOut.contains(QStringLiteral("shared-data -> ../datasets")));

    // Restore stays strict: a snapshot's link out of the project is not
    // written into the project.
    QVERIFY(QFile::remove(root + QStringLiteral("/shared-data")));
    QVERIFY(writeFile(root + QStringLiteral("/shared-data"), "a file now\n"));
    const Result restore = runbench(
        { QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("1"), QStringLiteral("--force") }, root);
    QCOMPARE(restore.exitCode, 1);
    QVERIFY2(restore.err.contains(QStringLiteral("outside the folder")), qPrintable(restore.err));
    QCOMPARE(readFile(root + QStringLiteral("/shared-data")), QByteArray("a file now\n"));
}

// A file the user cannot read (someone else's, mode 000): listed as left
// out with the reason, and the run goes on. Root reads everything, so as
// root the commands run as nobody (setpriv).
void TestCli::unreadableFileIsListedAndTheRunGoesOn()
{
    // the system's own words for EACCES, in the desktop's language
    const QString denied = QString::fromLocal8Bit(std::strerror(EACCES));
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(),
                                  QFile::permissions(dir.path()) | QFileDevice::ExeOther | QFileDevice::ReadOther));
    const QString root = dir.path() + QStringLiteral("/project");
    QVERIFY(writeFile(root + QStringLiteral("/a.sh"), "cat secret.txt > /dev/null 2>&1 || echo cannot-read\n"));
    QVERIFY(writeFile(root + QStringLiteral("/secret.txt"), "secret\n"));
    QStringList prefix;
    if (::geteuid() == 0) {
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            QSKIP("setpriv (util-linux) is needed to run as another user than root");
        prefix = QStringList { setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                               QStringLiteral("--clear-groups") };
        for (const QString &path : { root, root + QStringLiteral("/a.sh") })
            QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
    }
    QVERIFY(QFile::setPermissions(root + QStringLiteral("/secret.txt"), QFileDevice::Permissions()));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.path());
    auto run = [&](const QStringList &args) {
        const QStringList command = prefix + QStringList { QStringLiteral(RUNBENCH_BINARY) } + args;
        return runCommand(command.first(), command.mid(1), root, env);
    };
    if (run({ QStringLiteral("--version") }).exitCode != 0)
        QSKIP("The build tree cannot be reached by the user nobody here.");
    const Result r = run({ QStringLiteral("run"), QStringLiteral("a.sh") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("cannot-read")));
    const QJsonObject last
        = QJsonDocument::fromJson(run({ QStringLiteral("history"), QStringLiteral("last") }).out.toUtf8()).object();
    const QJsonArray leftOut
        = last.value(QStringLiteral("properties")).toObject().value(QStringLiteral("LeftOutFiles")).toArray();
    QVERIFY2(leftOut.contains(QStringLiteral("secret.txt (unreadable: %1)").arg(denied)),
             QJsonDocument(leftOut).toJson().constData());
}

// `history export` into a file (the server's case is the store suite's,
// tst_runstore_postgresql): progress, counts verified, and the copy reads back.
void TestCli::exportCopiesTheHistory()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    QVERIFY(writeFile(root + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Export\n"));
    QVERIFY(writeFile(root + QStringLiteral("/step.sh"),
                      "runbench_log() { echo \"{\\\"name\\\": \\\"$1\\\", \\\"value\\\": $2}\" >> "
                      "\"$RUNBENCH_METRICS_FILE\"; }\nrunbench_log loss 0.5\nrunbench_log loss 0.25\n"));
    for (int i = 0; i < 2; ++i)
        QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("step.sh") }, root).exitCode, 0);
    const QString copy = root + QStringLiteral("/copy.sqlite");
    const Result exported = runbench({ QStringLiteral("history"), QStringLiteral("export"), QStringLiteral("--to"),
                                       QStringLiteral("sqlite:") + copy },
                                     root);
    QCOMPARE(exported.exitCode, 0);
    QVERIFY2(exported.err.contains(QStringLiteral("exported 2 of 2 runs")), qPrintable(exported.err));
    QVERIFY2(exported.err.contains(QStringLiteral("2 runs, 4 metric values")), qPrintable(exported.err));
    QVERIFY(exported.err.contains(QStringLiteral("counts of every table match")));
    RunStore store;
    QVERIFY(store.open(copy));
    QVERIFY(store.useProject(Project(root)));
    QCOMPARE(store.runs().size(), 2);
    QCOMPARE(store.series(store.findRun(QStringLiteral("last"))->id, QStringLiteral("loss")).size(), 2);
    // Again into the same file: refused, nothing doubled.
    const Result again = runbench({ QStringLiteral("history"), QStringLiteral("export"), QStringLiteral("--to"),
                                    QStringLiteral("sqlite:") + copy },
                                  root);
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains(QStringLiteral("already has runs")));
    QCOMPARE(store.runs().size(), 2);
    const Result bad = runbench(
        { QStringLiteral("history"), QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("mysql://x") },
        root);
    QCOMPARE(bad.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

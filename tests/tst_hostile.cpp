// What a hostile script or an odd project can try against the README's
// reliability promises, end to end through the runbench executable: FIFOs
// where Runbench reads, processes left behind, private files, links replaced
// by a restore, unreadable folders, metric names and values that would hide
// or garble data.
#include "testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// A process is alive while /proc has it and it is not a zombie.
bool alive(qint64 pid)
{
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.isEmpty())
        return false;
    const int close = int(stat.lastIndexOf(')'));
    return close > 0 && stat.mid(close + 2, 1) != "Z";
}

unsigned modeOf(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? unsigned(st.st_mode) & 07777u : 0u;
}

QList<qint64> pidsIn(const QString &file)
{
    QList<qint64> pids;
    for (const QByteArray &line : readFile(file).split('\n'))
        if (!line.trimmed().isEmpty())
            pids.append(line.trimmed().toLongLong());
    return pids;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fifosInTheRunFolderNeverHang();
    void sigtermEndsRunbenchRun();
    void cancelStopsTheWholeProcessTree();
    void whatAFinishedScriptLeftIsStopped();
    void privateFilesStayPrivate_data();
    void privateFilesStayPrivate();
    void undoPutsLinksBack();
    void unreadableFolderIsListedAndTheRunGoesOn();
    void metricNamesAndValuesNeverHideData();
    void smallOnes();

private:
    Result runbench(const QStringList &args, const QString &dir, const QStringList &asUser = {});
    QJsonObject lastRun(const QString &dir, const QStringList &asUser = {});
    QString newProject(const QString &name);
    void interruptWhenReady(const QString &root, const QStringList &runArgs, int sig,
                            const std::function<void()> &whileRunning = {});
    QStringList nobody(const QStringList &ownedPaths);

    QTemporaryDir m_tmp;
};

Result TestHostile::runbench(const QStringList &args, const QString &dir, const QStringList &asUser)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_tmp.path());
    const QStringList command = asUser + QStringList { QStringLiteral(RUNBENCH_BINARY) } + args;
    return runCommand(command.first(), command.mid(1), dir, env);
}

QJsonObject TestHostile::lastRun(const QString &dir, const QStringList &asUser)
{
    return QJsonDocument::fromJson(runbench({ QStringLiteral("history"), QStringLiteral("last") }, dir, asUser)
                                       .out.toUtf8())
        .object();
}

QString TestHostile::newProject(const QString &name)
{
    const QString root = m_tmp.path() + QLatin1Char('/') + name;
    QDir().mkpath(root);
    return root;
}

// As root, the commands run as nobody (setpriv), who then owns the given
// paths; as anyone else, as themselves. Empty with a skip when impossible.
QStringList TestHostile::nobody(const QStringList &ownedPaths)
{
    if (::geteuid() != 0)
        return {};
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        return {};
    for (const QString &path : ownedPaths) {
        if (::chown(QFile::encodeName(path).constData(), 65534, 65534) != 0)
            return {};
    }
    return { setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
             QStringLiteral("--clear-groups") };
}

// Starts `runbench run ARGS` in root, sends sig once the script printed
// "ready", and checks the command and the run ended as canceled (130).
void TestHostile::interruptWhenReady(const QString &root, const QStringList &runArgs, int sig,
                                     const std::function<void()> &whileRunning)
{
    QProcess run;
    run.setWorkingDirectory(root);
    run.start(QStringLiteral(RUNBENCH_BINARY), QStringList { QStringLiteral("run") } + runArgs);
    QVERIFY(run.waitForStarted());
    QVERIFY(waitForOutput(&run, "ready"));
    if (whileRunning)
        whileRunning();
    ::kill(pid_t(run.processId()), sig);
    QVERIFY2(run.waitForFinished(60000), "runbench run did not end");
    QCOMPARE(run.exitCode(), 130);
    const QJsonObject last = lastRun(root);
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("Canceled"));
    QCOMPARE(last.value(QStringLiteral("properties")).toObject().value(QStringLiteral("ExitCode")).toInt(), 130);
}

void TestHostile::initTestCase()
{
    ::umask(022); // the common default: what "never more readable" is measured against
    QVERIFY(m_tmp.isValid());
    QVERIFY(QFile::setPermissions(m_tmp.path(),
                                  QFile::permissions(m_tmp.path()) | QFileDevice::ExeOther | QFileDevice::ReadOther));
}

// The script puts FIFOs everywhere Runbench reads in its run folder. The run
// ends (Failed, saying why), and the commands after it return.
void TestHostile::fifosInTheRunFolderNeverHang()
{
    const QString root = newProject(QStringLiteral("fifo"));
    QVERIFY(writeFile(root + QStringLiteral("/plant.py"),
                      "import os\n"
                      "run = os.environ['RUNBENCH_RUN_DIR']\n"
                      "m = os.environ['RUNBENCH_METRICS_FILE']\n"
                      "with open(m, 'a') as f: f.write('{\"name\": \"a\", \"value\": 1}\\n')\n"
                      "os.remove(m); os.mkfifo(m)\n"
                      "for name in ['driver_log.txt', 'launch_status', 'launch_status.tmp', 'record_error']:\n"
                      "    p = os.path.join(run, name)\n"
                      "    if os.path.exists(p): os.remove(p)\n"
                      "    os.mkfifo(p)\n"
                      "os.makedirs('outputs', exist_ok=True); os.mkfifo('outputs/pipe')\n"
                      "print('planted', flush=True)\n"));
    QProcess run;
    run.setWorkingDirectory(root);
    run.start(QStringLiteral(RUNBENCH_BINARY), { QStringLiteral("run"), QStringLiteral("plant.py") });
    QVERIFY(run.waitForStarted());
    QVERIFY2(run.waitForFinished(60000), "runbench run hung on a FIFO");
    QCOMPARE(run.exitCode(), 1);
    const QString err = QString::fromUtf8(run.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("metrics.jsonl is a FIFO, not a regular file")), qPrintable(err));

    // Later commands open the same paths (a lost run's metrics are read
    // again): each returns.
    const Result list = runbench({ QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"),
                                   QStringLiteral("table") },
                                 root);
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    QVERIFY(list.out.contains(QStringLiteral("Failed")));
    const QJsonObject last = lastRun(root);
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("Failed"));
    QVERIFY(last.value(QStringLiteral("properties")).toObject().value(QStringLiteral("Error")).toString().contains(
        QStringLiteral("FIFO")));
    // the FIFO in outputs is not an artifact (it is never opened)
    QVERIFY(!last.value(QStringLiteral("attachments")).toString().contains(QStringLiteral("pipe")));
    QVERIFY(writeFile(root + QStringLiteral("/fine.py"), "print('fine')\n"));
    const Result again = runbench({ QStringLiteral("run"), QStringLiteral("fine.py") }, root);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY(again.out.contains(QStringLiteral("fine")));
}

// SIGTERM (a system shutting down, a job scheduler) ends runbench run with
// the run recorded as canceled.
void TestHostile::sigtermEndsRunbenchRun()
{
    const QString root = newProject(QStringLiteral("term"));
    QVERIFY(writeFile(root + QStringLiteral("/wait.py"),
                      "import signal, time\n"
                      "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n" // the script ignores it
                      "print('ready', flush=True)\n"
                      "time.sleep(600)\n"));
    interruptWhenReady(root, { QStringLiteral("wait.py") }, SIGTERM);
}

// Ctrl-C of runbench run: the script, a child in its group, one in a new
// session ignoring SIGTERM, and a double-forked daemon all end.
void TestHostile::cancelStopsTheWholeProcessTree()
{
    const QString root = newProject(QStringLiteral("tree"));
    const QString pids = root + QStringLiteral("/pids.txt");
    QVERIFY(writeFile(root + QStringLiteral("/spawn.py"),
                      "import os, subprocess, sys, time\n"
                      "out = open(sys.argv[1], 'a')\n"
                      "def note(pid): out.write('%d\\n' % pid); out.flush()\n"
                      "note(os.getpid())\n"
                      "note(subprocess.Popen(['sleep', '300']).pid)\n"
                      "note(subprocess.Popen(['setsid', 'sh', '-c', \"trap '' TERM; sleep 301\"]).pid)\n"
                      "if os.fork() == 0:\n"
                      "    os.setsid()\n"
                      "    if os.fork() == 0:\n"
                      "        note(os.getpid()); time.sleep(302)\n"
                      "    os._exit(0)\n"
                      "time.sleep(1)\n"
                      "print('ready', flush=True)\n"
                      "time.sleep(600)\n"));
    QList<qint64> started;
    interruptWhenReady(root, { QStringLiteral("spawn.py"), pids }, SIGINT, [&] {
        started = pidsIn(pids);
        for (qint64 pid : started)
            QVERIFY2(alive(pid), qPrintable(QString::number(pid)));
    });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(started.size(), 4);
    for (qint64 pid : started)
        QVERIFY2(!alive(pid), qPrintable(QStringLiteral("process %1 outlived its canceled run").arg(pid)));
}

// A script that starts a background child and exits: the run ends once the
// child is stopped (after the grace period), the log says so, and nothing
// writes to the log after the end.
void TestHostile::whatAFinishedScriptLeftIsStopped()
{
    const QString root = newProject(QStringLiteral("left"));
    const QString pids = root + QStringLiteral("/pids.txt");
    QVERIFY(writeFile(root + QStringLiteral("/leave.sh"),
                      "(while true; do echo still here; sleep 0.2; done) &\n"
                      "echo $! >> \"$1\"\n"
                      "setsid sleep 303 &\n"
                      "echo $! >> \"$1\"\n"
                      "echo leaving\n"));
    const Result r = runbench({ QStringLiteral("run"), QStringLiteral("leave.sh"), pids }, root);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("leaving")));
    QVERIFY2(r.out.contains(QStringLiteral("[runbench] Stopped what the script left running:")), qPrintable(r.out));
    const QList<qint64> left = pidsIn(pids);
    QCOMPARE(left.size(), 2);
    for (qint64 pid : left)
        QVERIFY2(!alive(pid), qPrintable(QStringLiteral("process %1 outlived its finished run").arg(pid)));
    const QJsonObject last = lastRun(root);
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
    const QString log = root + QStringLiteral("/.runbench/runs/") + last.value(QStringLiteral("run_id")).toString()
        + QStringLiteral("/driver_log.txt");
    const QByteArray atEnd = readFile(log);
    QVERIFY(atEnd.contains("still here"));
    QTest::qWait(600);
    QCOMPARE(readFile(log), atEnd);
}

void TestHostile::privateFilesStayPrivate_data()
{
    QTest::addColumn<bool>("asNobody");
    QTest::newRow("as this user") << false;
    if (::geteuid() == 0)
        QTest::newRow("as an unprivileged user") << true;
}

// Modes are kept exactly through checkout, restore and download, and
// Runbench's folder is no more readable than the project lets it be.
void TestHostile::privateFilesStayPrivate()
{
    QFETCH(bool, asNobody);
    const QString root = newProject(asNobody ? QStringLiteral("private-nobody") : QStringLiteral("private"));
    QVERIFY(writeFile(root + QStringLiteral("/id_rsa"), "-----BEGIN KEY-----\n"));
    QVERIFY(writeFile(root + QStringLiteral("/.env"), "TOKEN=1\n"));
    QVERIFY(writeFile(root + QStringLiteral("/tool.sh"), "echo tool\n"));
    QVERIFY(writeFile(root + QStringLiteral("/modes.py"),
                      "import os\n"
                      "for f in ['id_rsa', '.env', 'tool.sh', 'modes.py']:\n"
                      "    print(f, oct(os.stat(f).st_mode & 0o7777))\n"
                      "os.makedirs('outputs', exist_ok=True)\n"
                      "with open('outputs/key', 'w') as f: f.write('k')\n"
                      "os.chmod('outputs/key', 0o600)\n"));
    QCOMPARE(::chmod(QFile::encodeName(root + QStringLiteral("/id_rsa")).constData(), 0600), 0);
    QCOMPARE(::chmod(QFile::encodeName(root + QStringLiteral("/.env")).constData(), 0640), 0);
    QCOMPARE(::chmod(QFile::encodeName(root + QStringLiteral("/tool.sh")).constData(), 0750), 0);
    QCOMPARE(::chmod(QFile::encodeName(root).constData(), 0750), 0); // shared with the group
    QStringList as;
    if (asNobody) {
        as = nobody({ root, root + QStringLiteral("/id_rsa"), root + QStringLiteral("/.env"),
                      root + QStringLiteral("/tool.sh"), root + QStringLiteral("/modes.py") });
        if (as.isEmpty() || runbench({ QStringLiteral("--version") }, root, as).exitCode != 0)
            QSKIP("The build tree cannot be reached by the user nobody here.");
    }
    const Result r = runbench({ QStringLiteral("run"), QStringLiteral("modes.py") }, root, as);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("id_rsa 0o600")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral(".env 0o640")));
    QVERIFY(r.out.contains(QStringLiteral("tool.sh 0o750")));
    QVERIFY(r.out.contains(QStringLiteral("modes.py 0o644")));
    // the project is shared with its group: so is .runbench, never with others
    QCOMPARE(modeOf(root + QStringLiteral("/.runbench")), 0750u);
    QCOMPARE(modeOf(root + QStringLiteral("/.runbench/snapshots.git")), 0750u);

    // restore writes the files back with their modes
    for (const char *name : { "/id_rsa", "/.env", "/tool.sh" })
        QVERIFY(QFile::remove(root + QLatin1String(name)));
    const Result restore = runbench(
        { QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("1"), QStringLiteral("--force") }, root,
        as);
    QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
    QCOMPARE(modeOf(root + QStringLiteral("/id_rsa")), 0600u);
    QCOMPARE(modeOf(root + QStringLiteral("/.env")), 0640u);
    QCOMPARE(modeOf(root + QStringLiteral("/tool.sh")), 0750u);
    QCOMPARE(readFile(root + QStringLiteral("/id_rsa")), QByteArray("-----BEGIN KEY-----\n"));

    // download keeps an output's mode
    const QString into = root + QStringLiteral("/downloaded");
    const Result download = runbench(
        { QStringLiteral("history"), QStringLiteral("download"), QStringLiteral("1"), QStringLiteral("--destination"), into },
        root, as);
    QVERIFY2(download.exitCode == 0, qPrintable(download.err));
    QCOMPARE(modeOf(into + QStringLiteral("/key")), 0600u);

    // a project only its owner reads gets a private .runbench
    const QString solo = newProject(asNobody ? QStringLiteral("solo-nobody") : QStringLiteral("solo"));
    QVERIFY(writeFile(solo + QStringLiteral("/a.py"), "print(1)\n"));
    QCOMPARE(::chmod(QFile::encodeName(solo).constData(), 0700), 0);
    if (asNobody)
        as = nobody({ solo, solo + QStringLiteral("/a.py") });
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("a.py") }, solo, as).exitCode, 0);
    QCOMPARE(modeOf(solo + QStringLiteral("/.runbench")), 0700u);
}

// A restore that replaced links (one inside the project, one leaving it, a
// link to a folder) is undone with the links as they were.
void TestHostile::undoPutsLinksBack()
{
    const QString root = newProject(QStringLiteral("links"));
    const QString outside = newProject(QStringLiteral("links-datasets"));
    QVERIFY(writeFile(outside + QStringLiteral("/cfg"), "outside config\n"));
    QVERIFY(writeFile(root + QStringLiteral("/run.py"), "print(1)\n"));
    QVERIFY(writeFile(root + QStringLiteral("/sub/a.txt"), "a\n"));
    QVERIFY(writeFile(root + QStringLiteral("/cfg"), "config\n"));
    QVERIFY(writeFile(root + QStringLiteral("/alias"), "alias\n"));
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("run.py") }, root).exitCode, 0);

    QVERIFY(QDir(root + QStringLiteral("/sub")).removeRecursively());
    QVERIFY(QFile::remove(root + QStringLiteral("/cfg")));
    QVERIFY(QFile::remove(root + QStringLiteral("/alias")));
    QVERIFY(QFile::link(outside, root + QStringLiteral("/sub")));
    QCOMPARE(::symlink("../links-datasets/cfg", QFile::encodeName(root + QStringLiteral("/cfg")).constData()), 0);
    QCOMPARE(::symlink("run.py", QFile::encodeName(root + QStringLiteral("/alias")).constData()), 0);

    const Result restore = runbench(
        { QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("1"), QStringLiteral("--force") }, root);
    QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
    QVERIFY(!QFileInfo(root + QStringLiteral("/sub")).isSymLink());
    QCOMPARE(readFile(root + QStringLiteral("/sub/a.txt")), QByteArray("a\n"));
    QCOMPARE(readFile(outside + QStringLiteral("/cfg")), QByteArray("outside config\n")); // never written through

    const Result undo
        = runbench({ QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("--undo") }, root);
    QVERIFY2(undo.exitCode == 0, qPrintable(undo.err + undo.out));
    QCOMPARE(QFileInfo(root + QStringLiteral("/sub")).symLinkTarget(), outside);
    QCOMPARE(QFile::symLinkTarget(root + QStringLiteral("/cfg")), outside + QStringLiteral("/cfg"));
    QVERIFY(QFileInfo(root + QStringLiteral("/alias")).isSymLink());
    QCOMPARE(readFile(root + QStringLiteral("/alias")), QByteArray("print(1)\n"));
    QCOMPARE(readFile(outside + QStringLiteral("/cfg")), QByteArray("outside config\n"));
    QVERIFY(!QFileInfo::exists(outside + QStringLiteral("/a.txt")));
}

// A folder the user cannot read is left out with the reason, like a file.
void TestHostile::unreadableFolderIsListedAndTheRunGoesOn()
{
    // the system's own words for EACCES, in the desktop's language
    const QString denied = QString::fromLocal8Bit(std::strerror(EACCES));
    const QString root = newProject(QStringLiteral("unreadable"));
    QVERIFY(writeFile(root + QStringLiteral("/a.sh"), "ls locked > /dev/null 2>&1 || echo cannot-list\n"));
    QVERIFY(writeFile(root + QStringLiteral("/locked/inside.txt"), "x\n"));
    QVERIFY(writeFile(root + QStringLiteral("/secret.txt"), "secret\n"));
    const QStringList as = nobody({ root, root + QStringLiteral("/a.sh") });
    if (::geteuid() == 0 && (as.isEmpty() || runbench({ QStringLiteral("--version") }, root, as).exitCode != 0))
        QSKIP("The build tree cannot be reached by the user nobody here.");
    QCOMPARE(::chmod(QFile::encodeName(root + QStringLiteral("/locked")).constData(), 0), 0);
    QCOMPARE(::chmod(QFile::encodeName(root + QStringLiteral("/secret.txt")).constData(), 0), 0);
    const Result r = runbench({ QStringLiteral("run"), QStringLiteral("a.sh") }, root, as);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("cannot-list")));
    const QJsonArray leftOut
        = lastRun(root, as).value(QStringLiteral("properties")).toObject().value(QStringLiteral("LeftOutFiles")).toArray();
    QVERIFY2(leftOut.contains(QStringLiteral("locked/ (unreadable: %1)").arg(denied)),
             QJsonDocument(leftOut).toJson().constData());
    QVERIFY(leftOut.contains(QStringLiteral("secret.txt (unreadable: %1)").arg(denied)));
    QCOMPARE(::chmod(QFile::encodeName(root + QStringLiteral("/locked")).constData(), 0700), 0);
}

void TestHostile::metricNamesAndValuesNeverHideData()
{
    const QString root = newProject(QStringLiteral("names"));
    QVERIFY(writeFile(root + QStringLiteral("/names.py"),
                      "import json, os\n"
                      "with open(os.environ['RUNBENCH_METRICS_FILE'], 'a') as f:\n"
                      "    for name, v in [('status', 1), ('run_id', 2), ('Status', 3), ('two\\nlines', 4),\n"
                      "                    ('x\\u202eabc', 5), ('loss', 0.5)]:\n"
                      "        f.write(json.dumps({'name': name, 'value': v}) + '\\n')\n"
                      "    f.write('{\"name\": \"pinf\", \"value\": Infinity}\\n')\n"
                      "    f.write('{\"name\": \"ninf\", \"value\": -Infinity}\\n')\n"
                      "    f.write('{\"name\": \"nan\", \"value\": NaN}\\n')\n"
                      "    f.write('not json\\nstill not json\\n{\"name\": 1, \"value\": 2}\\n')\n"));
    const Result r = runbench({ QStringLiteral("run"), QStringLiteral("names.py") }, root);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    const QJsonObject last = lastRun(root);
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
    QVERIFY(last.value(QStringLiteral("run_id")).toString().startsWith(QStringLiteral("names_")));
    const QJsonObject metrics = last.value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("status")).toInt(), 1);
    QCOMPARE(metrics.value(QStringLiteral("run_id")).toInt(), 2);
    QCOMPARE(last.value(QStringLiteral("Status")).toInt(), 3); // no field has that name
    QCOMPARE(last.value(QStringLiteral("loss")).toDouble(), 0.5); // the seed's flat layout otherwise
    QCOMPARE(last.value(QStringLiteral("pinf")).toString(), QStringLiteral("Infinity"));
    QCOMPARE(last.value(QStringLiteral("ninf")).toString(), QStringLiteral("-Infinity"));
    QCOMPARE(last.value(QStringLiteral("nan")).toString(), QStringLiteral("NaN"));
    const QJsonObject properties = last.value(QStringLiteral("properties")).toObject();
    QCOMPARE(properties.value(QStringLiteral("SkippedMetricLines")).toInt(), 3);
    const QJsonObject reasons = properties.value(QStringLiteral("SkipReasons")).toObject();
    QCOMPARE(reasons.value(QStringLiteral("The line is not a JSON object.")).toInt(), 2);
    QCOMPARE(reasons.value(QStringLiteral("\"name\" is not a string.")).toInt(), 1);

    const Result table = runbench(
        { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("table") }, root);
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // header, rule, one run: no name splits a line
    QVERIFY2(lines.at(0).contains(QStringLiteral("two\\nlines")), qPrintable(lines.at(0)));
    QVERIFY(lines.at(0).contains(QStringLiteral("x\\u202eabc")));
    QVERIFY(!table.out.contains(QChar(0x202e)));
    QVERIFY(lines.at(0).contains(QStringLiteral("metrics.status")));
    QVERIFY(lines.at(0).contains(QStringLiteral("metrics.Status")));
    QVERIFY(QRegularExpression(QStringLiteral(" Status$")).match(lines.at(0)).hasMatch());
    const Result csv = runbench(
        { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("csv") }, root);
    const QStringList rows = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).split(QLatin1Char(',')).filter(QStringLiteral("tatus")),
             QStringList({ QStringLiteral("metrics.status"), QStringLiteral("metrics.Status"),
                           QStringLiteral("Status") }));
}

void TestHostile::smallOnes()
{
    const QString root = newProject(QStringLiteral("small"));
    QVERIFY(writeFile(m_tmp.path() + QStringLiteral("/outside.py"), "print(1)\n"));
    const Result outside
        = runbench({ QStringLiteral("run"), m_tmp.path() + QStringLiteral("/outside.py") }, root);
    QCOMPARE(outside.exitCode, 2);
    QVERIFY2(outside.err.contains(QStringLiteral("The script %1/outside.py is outside the project").arg(m_tmp.path())),
             qPrintable(outside.err));

    QVERIFY(writeFile(root + QStringLiteral("/out.py"),
                      "import os\nos.makedirs('outputs', exist_ok=True)\nopen('outputs/model.txt', 'w').write('m')\n"));
    QCOMPARE(runbench({ QStringLiteral("run"), QStringLiteral("out.py") }, root).exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(
                                runbench({ QStringLiteral("history"), QStringLiteral("list") }, root).out.toUtf8())
                                .array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("attachments")).toString(),
             lastRun(root).value(QStringLiteral("attachments")).toString());
    QVERIFY(list.at(0).toObject().value(QStringLiteral("attachments")).toString().contains(
        QStringLiteral("outputs/model.txt")));

    const QString into = root + QStringLiteral("/into");
    QDir().mkpath(into);
    QVERIFY(writeFile(m_tmp.path() + QStringLiteral("/victim.txt"), "keep\n"));
    QVERIFY(QFile::link(m_tmp.path() + QStringLiteral("/victim.txt"), into + QStringLiteral("/model.txt")));
    const Result download = runbench({ QStringLiteral("history"), QStringLiteral("download"), QStringLiteral("1"),
                                       QStringLiteral("--destination"), into, QStringLiteral("--force") },
                                     root);
    QCOMPARE(download.exitCode, 1);
    QVERIFY2(download.err.contains(QStringLiteral("model.txt is a link")), qPrintable(download.err));
    QCOMPARE(readFile(m_tmp.path() + QStringLiteral("/victim.txt")), QByteArray("keep\n"));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"

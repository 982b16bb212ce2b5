// What must hold whatever the timing: programs starting a project's first
// runs at once agree on one project; closing the window while work is in
// flight stops that work before the window goes; a queue that shuts down
// writes its runs' ends. (The loops that look for an abort at exit are
// tests/stress/exit-loops.sh.)
#include "icons.h"
#include "jobqueue.h"
#include "mainwindow.h"
#include "metricchart.h"
#include "mlflowimport.h"
#include "project.h"
#include "rundetailsview.h"
#include "runhelper.h"
#include "runstore.h"
#include "testutil.h"

#include <git2.h>

#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <memory>

namespace {

// Threads of this process that some thread pool started (Qt names them so).
int pooledThreads()
{
    int n = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (readFile(tasks.filePath(task) + QStringLiteral("/comm")).trimmed() == "Thread (pooled)")
            ++n;
    return n;
}

int filesUnder(const QString &dir)
{
    int n = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

int runCount(const QString &root)
{
    const Project project(root);
    RunStore store;
    if (!store.open(project.historyLocation()) || !store.useProject(project))
        return -1;
    return int(store.runs().size());
}

} // namespace

class TestReliability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void libgit2IsSetUpBeforeAnyThread();
    void init();
    void cleanup();
    void firstRunsAtOnce_data();
    void firstRunsAtOnce();
    void closingStopsAnImport();
    void closingStopsACopy();
    void closingStopsADownload();
    void aChartsSummaryEndsWithTheChart();
    void shutDownWritesTheEnds();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &root);

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_home;
};

void TestReliability::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("RunbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("runbench-test"));
    Icons::setUp();
}

// libgit2, and OpenSSL through it, were first set up on the pool thread
// that prepared a run; at exit OpenSSL's teardown met that thread's own.
// Now the application's start does it, on the main thread.
void TestReliability::libgit2IsSetUpBeforeAnyThread()
{
    QCOMPARE(git_libgit2_init(), 2); // this call, and the one at the start
    git_libgit2_shutdown();
}

void TestReliability::init() { m_dir = std::make_unique<QTemporaryDir>(); }

void TestReliability::cleanup()
{
    QThreadPool::globalInstance()->waitForDone();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestReliability::openWindow(const QString &root)
{
    auto window = std::make_unique<MainWindow>();
    window->jobQueue()->setGracePeriod(500);
    window->openProject(root);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestReliability::firstRunsAtOnce_data()
{
    QTest::addColumn<int>("atOnce");
    QTest::newRow("two") << 2;
    QTest::newRow("four") << 4;
    QTest::newRow("six") << 6;
}

// K `runbench run` started together in a folder that is not a project yet:
// one project id, written once, and every run in its history.
void TestReliability::firstRunsAtOnce()
{
    QFETCH(int, atOnce);
    constexpr int kProjects = 20;
    for (int p = 0; p < kProjects; ++p) {
        const QString root = m_dir->path() + QStringLiteral("/new%1").arg(p);
        QVERIFY(writeFile(root + QStringLiteral("/step.sh"), "echo step\n"));
        std::vector<std::unique_ptr<QProcess>> runs;
        for (int k = 0; k < atOnce; ++k) {
            auto process = std::make_unique<QProcess>();
            process->setWorkingDirectory(root);
            process->start(QStringLiteral(RUNBENCH_BINARY),
                           { QStringLiteral("run"), QStringLiteral("-q"), QStringLiteral("step.sh") });
            runs.push_back(std::move(process));
        }
        for (auto &process : runs) {
            QVERIFY(process->waitForFinished(120000));
            QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                     process->readAllStandardError().constData());
        }
        const QByteArray ini = readFile(root + QStringLiteral("/.runbench/project.ini"));
        QCOMPARE(ini.count("id="), 1);
        QCOMPARE(runCount(root), atOnce);
        // one project in the history
        const Result projects
            = runCommand(QStringLiteral("sqlite3"),
                         { Project(root).historyLocation(), QStringLiteral("SELECT COUNT(*) FROM projects") }, root);
        QCOMPARE(projects.out.trimmed(), QStringLiteral("1"));
    }
}

void TestReliability::closingStopsAnImport()
{
    const QString root = writeProject(m_dir->path(), QStringLiteral("importing"));
    const QString mlruns = m_dir->path() + QStringLiteral("/mlruns");
    constexpr int kRuns = 400;
    writeFile(mlruns + QStringLiteral("/0/meta.yaml"), "experiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
    QByteArray points;
    for (int i = 0; i < 200; ++i)
        points += QByteArray::number(1700000000000LL + i) + ' ' + QByteArray::number(1.0 / (i + 1)) + ' '
            + QByteArray::number(i) + '\n';
    for (int r = 0; r < kRuns; ++r) {
        const QString run = mlruns + QStringLiteral("/0/run%1").arg(r);
        writeFile(run + QStringLiteral("/meta.yaml"),
                  "run_id: run" + QByteArray::number(r)
                      + "\nexperiment_id: '0'\nlifecycle_stage: active\nstatus: 3\nstart_time: 1700000000000\n");
        writeFile(run + QStringLiteral("/metrics/loss"), points);
        writeFile(run + QStringLiteral("/params/lr"), "0.01");
    }
    auto window = openWindow(root);
    QVERIFY(window);
    QSignalSpy imported(window.get(), &MainWindow::mlflowImported);
    window->importMlflowRuns(mlruns);
    QTRY_VERIFY_WITH_TIMEOUT(runCount(root) > 0, 60000);
    window->close();
    // the window stays until the import has stopped, and says so
    QVERIFY(window->isVisible());
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("Stopping")),
             qPrintable(window->statusBar()->currentMessage()));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 60000);
    window.reset();
    const int kept = runCount(root);
    QVERIFY2(kept > 0 && kept < kRuns, qPrintable(QString::number(kept)));
    QTest::qWait(300);
    QCOMPARE(runCount(root), kept); // nothing goes on after the window
    QCOMPARE(imported.count(), 0); // nobody left to tell

    // nothing lost and nothing twice: importing again adds the rest
    const Project project(root);
    RunStore store;
    QVERIFY(store.open(project.historyLocation()));
    QVERIFY(store.useProject(project));
    const MlflowImport::Result again = MlflowImport::importStore(&store, project, mlruns);
    QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    QCOMPARE(again.alreadyImported, kept);
    QCOMPARE(again.imported, kRuns - kept);
}

void TestReliability::closingStopsACopy()
{
    const QString root = writeProject(m_dir->path(), QStringLiteral("copied"));
    const QByteArray block(64 * 1024, 'x');
    for (int i = 0; i < 3000; ++i)
        QVERIFY(writeFile(root + QStringLiteral("/data/part%1/file%2.bin").arg(i / 100).arg(i), block));
    auto window = openWindow(root);
    QVERIFY(window);
    QSignalSpy copied(window.get(), &MainWindow::projectCopied);
    const QString destination = m_dir->path() + QStringLiteral("/the-copy");
    window->saveCopyAs(destination);
    QTRY_VERIFY_WITH_TIMEOUT(filesUnder(destination) > 0, 60000);
    window->close();
    QVERIFY(window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 60000);
    window.reset();
    // stopped: the half-made copy is gone, and nothing writes it again
    QVERIFY(!QFileInfo::exists(destination));
    QTest::qWait(300);
    QVERIFY(!QFileInfo::exists(destination));
    QCOMPARE(copied.count(), 0);
    QCOMPARE(filesUnder(root + QStringLiteral("/data")), 3000); // the project as it was
}

void TestReliability::closingStopsADownload()
{
    const QString root = writeProject(m_dir->path(), QStringLiteral("downloading"));
    writeFile(root + QStringLiteral("/many.py"),
              "import os\n"
              "os.makedirs('outputs', exist_ok=True)\n"
              "block = b'y' * 65536\n"
              "for i in range(2000):\n"
              "    with open(f'outputs/out{i}.bin', 'wb') as f:\n"
              "        f.write(block)\n");
    const QString runId = runTracked(root, QStringLiteral("many.py"));
    QVERIFY(!runId.isEmpty());
    auto window = openWindow(root);
    QVERIFY(window);
    RunDetailsView *details = window->runDetails();
    QSignalSpy loaded(details, &RunDetailsView::loaded);
    QSignalSpy downloaded(details, &RunDetailsView::downloaded);
    window->showDetails(runId);
    QTRY_VERIFY_WITH_TIMEOUT(details->details().run.runId == runId && details->details().artifacts.size() == 2000,
                             60000);
    const QString folder = m_dir->path() + QStringLiteral("/downloaded");
    details->downloadTo(folder);
    QTRY_VERIFY_WITH_TIMEOUT(filesUnder(folder) > 0, 60000);
    window->close();
    QVERIFY(window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 60000);
    window.reset();
    const int kept = filesUnder(folder);
    QVERIFY2(kept > 0 && kept < 2000, qPrintable(QString::number(kept)));
    QTest::qWait(300);
    QCOMPARE(filesUnder(folder), kept);
    // the view said so while it was still there: the files it kept
    QCOMPARE(downloaded.count(), 1);
    QCOMPARE(downloaded.at(0).at(0).toStringList().size(), kept);
    QVERIFY2(downloaded.at(0).at(1).toString().contains(QStringLiteral("stopped")),
             qPrintable(downloaded.at(0).at(1).toString()));
}

// A million-run chart's summary is made on Qt's pool and stops with its
// chart: once that pool is drained no pool's thread is left (a pool of the
// charts' own lived on until the program's static data was torn down).
void TestReliability::aChartsSummaryEndsWithTheChart()
{
    QThreadPool::globalInstance()->waitForDone();
    QTRY_COMPARE_WITH_TIMEOUT(pooledThreads(), 0, 5000);
    QVector<MetricChart::Point> points;
    points.reserve(1000000);
    for (int i = 0; i < 1000000; ++i)
        points.append({ double(i + 1), std::sin(i * 0.001), i });
    for (int round = 0; round < 3; ++round) {
        auto chart = std::make_unique<MetricChart>();
        chart->resize(400, 300);
        chart->setPoints(points);
        if (round > 0)
            QTest::qWait(5 * round); // cut at another point of the summary
        chart.reset(); // cancels and waits for its summary
    }
    QThreadPool::globalInstance()->waitForDone();
    // a drained pool's threads are gone a moment later (a pool of the
    // charts' own kept one for its 30 s expiry time)
    QTRY_COMPARE_WITH_TIMEOUT(pooledThreads(), 0, 5000);
}

// A queue shut down while its runs prepare or run writes their ends: they
// read Canceled, never Running (then Lost).
void TestReliability::shutDownWritesTheEnds()
{
    const QString root = writeProject(m_dir->path(), QStringLiteral("shutdown"));
    writeFile(root + QStringLiteral("/long.sh"), "echo started\nsleep 60\n");
    for (int i = 0; i < 300; ++i) // a snapshot that takes a moment
        writeFile(root + QStringLiteral("/src/file%1.txt").arg(i), QByteArray(4096, char('a' + i % 26)));
    const Project project(root);
    {
        auto queue = std::make_unique<JobQueue>();
        queue->setGracePeriod(500);
        queue->setProject(project);
        QSignalSpy status(queue.get(), &JobQueue::jobStatusChanged);
        queue->submit(QStringLiteral("long.sh"), {});
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(status.cbegin(), status.cend(),
                        [](const QList<QVariant> &s) { return s.at(1).value<RunStatus>() == RunStatus::Running; }),
            60000);
        queue->submit(QStringLiteral("long.sh"), {}); // still preparing as the queue goes
        QTest::qWait(20);
    }
    RunStore store;
    QVERIFY(store.open(project.historyLocation()));
    QVERIFY(store.useProject(project));
    const QVector<RunRecord> runs = store.runs();
    QCOMPARE(runs.size(), 2);
    for (const RunRecord &r : runs) {
        QVERIFY2(r.status == RunStatus::Canceled, qPrintable(runStatusName(r.status)));
        QVERIFY(r.endUs > 0);
    }
}

QTEST_MAIN(TestReliability)
#include "tst_reliability.moc"

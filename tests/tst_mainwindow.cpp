// The window driven like a person would: clicks and keys on the real widgets.
#include "icons.h"
#include "joblistmodel.h"
#include "jobpanel.h"
#include "jobqueue.h"
#include "mainwindow.h"
#include "projectdashboard.h"
#include "runcompareview.h"
#include "rundashboard.h"
#include "runhelper.h"
#include "runmodel.h"
#include "runstore.h"
#include "sampleproject.h"
#include "snapshotstore.h"
#include "testutil.h"
#include "widgetcheck.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileSystemModel>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sampleRunTwiceInParallel();
    void cancelALongJob();
    void failingScriptShowsFailed();
    void missingInterpreterIsAClearMessage();
    void windowStaysResponsiveDuringRuns();
    void closingWithRunsAsks();
    void lastProjectAndArgumentsPersist();
    void settingsDialogChangesTheInterpreter();
    void sampleProjectCopies();
    void undoRestoreFromTheEditMenu();
    void damagedHistoryOffersTheBackup();
    void settingsPointTheProjectAtAServer();
    void movedProjectShowsWhereItWasAndKeepsItsRuns();
    void saveACopyAsANewProject();
    void toolbarRunsStopsAndShowsPages();
    void everyIconIsThereWithoutADesktopTheme();
    void darkColorsReachWidgetsChartsAndIcons();
    void windowKeepsItsSplitters();
    void dashboardSaysWhatToDoWhenEmpty();
    void windowUnclippedInEnglish();

private:
    QString makeProject(const QByteArray &ini = {});
    void clickFile(MainWindow *window, const QString &name);
    void typeArguments(MainWindow *window, const QString &text);
    void clickRun(MainWindow *window);
    int statusOfRow(MainWindow *window, int row);
    // A project with one script, opened in the window and run once to its end.
    QString projectRunOnce(const QString &script, const QByteArray &content);
    void screenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("RunbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("runbench-test"));
    Icons::setUp(); // as the application does before its first widget
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = std::make_unique<MainWindow>();
    m_window->jobQueue()->setGracePeriod(500);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    if (m_window) {
        m_window->jobQueue()->cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->jobQueue()->activeCount(), 0, 30000);
    }
    m_window.reset();
    m_dir.reset();
}

QString TestMainWindow::makeProject(const QByteArray &ini)
{
    const QString root = m_dir->path() + QStringLiteral("/project");
    writeFile(root + QStringLiteral("/.runbench/project.ini"),
              ini.isEmpty() ? QByteArray("[project]\nname=Gui\n") : ini);
    return root;
}

void TestMainWindow::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name);
}

void TestMainWindow::clickFile(MainWindow *window, const QString &name)
{
    auto *tree = window->findChild<QTreeView *>(QStringLiteral("projectFiles"));
    QVERIFY(tree);
    QModelIndex index;
    // the file system model fills in asynchronously
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QAbstractItemModel *model = tree->model();
            for (int r = 0; r < model->rowCount(tree->rootIndex()); ++r) {
                const QModelIndex i = model->index(r, 0, tree->rootIndex());
                if (i.data().toString() == name) {
                    index = i;
                    return true;
                }
            }
            return false;
        }(),
        10000);
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QTRY_COMPARE_WITH_TIMEOUT(window->dashboard()->currentScript(), name, 10000);
}

void TestMainWindow::typeArguments(MainWindow *window, const QString &text)
{
    auto *box = window->findChild<QComboBox *>(QStringLiteral("argumentsBox"));
    QVERIFY(box);
    box->lineEdit()->selectAll();
    QTest::keyClick(box->lineEdit(), Qt::Key_Delete);
    QTest::keyClicks(box->lineEdit(), text);
}

void TestMainWindow::clickRun(MainWindow *window)
{
    auto *run = window->findChild<QPushButton *>(QStringLiteral("runButton"));
    QVERIFY(run && run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
}

int TestMainWindow::statusOfRow(MainWindow *window, int row)
{
    return window->jobModel()->index(row, 0).data(JobListModel::StatusRole).toInt();
}

QString TestMainWindow::projectRunOnce(const QString &script, const QByteArray &content)
{
    const QString root = makeProject();
    if (!writeFile(root + QLatin1Char('/') + script, content) || !m_window->openProject(root))
        return {};
    clickFile(m_window.get(), script);
    clickRun(m_window.get());
    QElapsedTimer clock;
    clock.start();
    while (statusOfRow(m_window.get(), 0) != int(RunStatus::Completed) && clock.elapsed() < 30000)
        QTest::qWait(50);
    return statusOfRow(m_window.get(), 0) == int(RunStatus::Completed) ? root : QString();
}

void TestMainWindow::sampleRunTwiceInParallel()
{
    const QString root = m_dir->path() + QStringLiteral("/iris");
    const QString sample = QStringLiteral(RUNBENCH_SOURCE_DIR "/resources/samples/iris");
    QVERIFY(
        writeFile(root + QStringLiteral("/iris_sklearn.py"), readFile(sample + QStringLiteral("/iris_sklearn.py"))));
    QVERIFY(writeFile(root + QStringLiteral("/.runbench/project.ini"),
                      readFile(sample + QStringLiteral("/.runbench/project.ini"))));
    QVERIFY(m_window->openProject(root));

    clickFile(m_window.get(), QStringLiteral("iris_sklearn.py"));
    auto *viewer = m_window->findChild<QPlainTextEdit *>(QStringLiteral("codeViewer"));
    QTRY_VERIFY_WITH_TIMEOUT(viewer->toPlainText().contains(QStringLiteral("LogisticRegression")), 10000);
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("interpreterLabel"))
                ->text()
                .contains(QStringLiteral("/usr/bin/python3")));

    typeArguments(m_window.get(), QStringLiteral("10"));
    clickRun(m_window.get());
    typeArguments(m_window.get(), QStringLiteral("0.01"));
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier); // the shortcut
    QCOMPARE(m_window->jobModel()->rowCount(), 2);
    // both run at the same time
    QTRY_VERIFY_WITH_TIMEOUT(statusOfRow(m_window.get(), 0) == int(RunStatus::Running)
                                 && statusOfRow(m_window.get(), 1) == int(RunStatus::Running),
                             30000);
    auto *output = m_window->findChild<QPlainTextEdit *>(QStringLiteral("jobOutput"));
    QTRY_VERIFY_WITH_TIMEOUT(output->toPlainText().contains(QStringLiteral("Regularization rate is 0.01")), 30000);
    screenshot(m_window.get(), QStringLiteral("window-running.png"));
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 0), int(RunStatus::Completed), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 1), int(RunStatus::Completed), 60000);
    QVERIFY(m_window->jobModel()
                ->index(0, JobListModel::OutputColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("Plots saved")));
    screenshot(m_window.get(), QStringLiteral("window-completed.png"));

    RunStore store;
    QVERIFY(store.open(Project(root).databasePath()));
    QVERIFY(store.useProject(Project(root)));
    const QVector<RunRecord> runs = store.runs();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).arguments, QStringList { QStringLiteral("0.01") });
    QCOMPARE(runs.at(1).arguments, QStringList { QStringLiteral("10") });
    for (const RunRecord &r : runs) {
        QCOMPARE(r.status, RunStatus::Completed);
        QVERIFY(store.summaries(r.id).contains(QStringLiteral("Accuracy")));
    }
    // the run history follows: both runs are in the dashboard's model
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runModel()->rowCount(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runModel()->index(1, RunModel::StatusField).data(RunModel::RawRole).toString(),
                              QStringLiteral("Completed"), 10000);
    QVERIFY(m_window->runModel()->columnOfKey(QStringLiteral("Accuracy")) >= 0);
    // the arguments box remembers both, newest first
    QCOMPARE(m_window->dashboard()->argumentHistory(QStringLiteral("iris_sklearn.py")),
             (QStringList { QStringLiteral("0.01"), QStringLiteral("10") }));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("completed")));
}

void TestMainWindow::cancelALongJob()
{
    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/long.sh"), "echo started\nsleep 60\n"));
    QVERIFY(m_window->openProject(root));
    clickFile(m_window.get(), QStringLiteral("long.sh"));
    clickRun(m_window.get());
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 0), int(RunStatus::Running), 30000);
    auto *output = m_window->findChild<QPlainTextEdit *>(QStringLiteral("jobOutput"));
    QTRY_VERIFY_WITH_TIMEOUT(output->toPlainText().contains(QStringLiteral("started")), 10000);
    auto *cancel = m_window->findChild<QPushButton *>(QStringLiteral("cancelJob"));
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 0), int(RunStatus::Canceled), 30000);
    QCOMPARE(m_window->jobModel()->index(0, JobListModel::StatusColumn).data().toString(), QStringLiteral("Canceled"));
    QVERIFY(!cancel->isEnabled());
}

void TestMainWindow::failingScriptShowsFailed()
{
    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/fail.sh"), "echo 'something went wrong' >&2\nexit 3\n"));
    QVERIFY(m_window->openProject(root));
    clickFile(m_window.get(), QStringLiteral("fail.sh"));
    clickRun(m_window.get());
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 0), int(RunStatus::Failed), 30000);
    QCOMPARE(m_window->jobModel()->index(0, JobListModel::StatusColumn).data().toString(),
             QStringLiteral("Failed (exit 3)"));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("failed")));
    QVERIFY(m_window->findChild<QPlainTextEdit *>(QStringLiteral("jobOutput"))
                ->toPlainText()
                .contains(QStringLiteral("something went wrong")));
}

void TestMainWindow::missingInterpreterIsAClearMessage()
{
    const QString root = makeProject("[interpreters]\npy=python-that-is-not-installed\n");
    QVERIFY(writeFile(root + QStringLiteral("/train.py"), "print(1)\n"));
    QVERIFY(m_window->openProject(root));
    clickFile(m_window.get(), QStringLiteral("train.py"));
    clickRun(m_window.get());
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox *>(QStringLiteral("runRejectedMessage"))), 10000);
    QVERIFY(box->text().contains(QStringLiteral("python-that-is-not-installed")));
    QCOMPARE(statusOfRow(m_window.get(), 0), JobListModel::Rejected);
    QCOMPARE(m_window->jobQueue()->activeCount(), 0); // nothing stuck
    QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
}

void TestMainWindow::windowStaysResponsiveDuringRuns()
{
    const QString root = makeProject("[project]\nname=Busy\nmax_parallel_runs=4\n");
    QVERIFY(writeFile(root + QStringLiteral("/busy.sh"),
                      "for i in $(seq 2000); do echo \"{\\\"name\\\": \\\"loss\\\", \\\"value\\\": $i}\"; done >> "
                      "\"$RUNBENCH_METRICS_FILE\"\n"
                      "seq 20000\nsleep 0.5\n"));
    QVERIFY(m_window->openProject(root));
    clickFile(m_window.get(), QStringLiteral("busy.sh"));

    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longestGap = qMax(longestGap, now - last);
        last = now;
        ++ticks;
    });
    clock.start();
    ticker.start();
    for (int i = 0; i < 8; ++i)
        clickRun(m_window.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->jobQueue()->activeCount(), 0, 120000);
    ticker.stop();
    for (int row = 0; row < 8; ++row)
        QCOMPARE(statusOfRow(m_window.get(), row), int(RunStatus::Completed));
    qInfo("GUI timer: %d ticks in %lld ms, longest gap %lld ms", ticks, clock.elapsed(), longestGap);
    // Generous on a noisy machine: a blocking call on the GUI thread (waiting
    // for a process, a big query) shows up as seconds, not as this.
    QVERIFY2(longestGap < 1500, qPrintable(QString::number(longestGap)));
}

void TestMainWindow::closingWithRunsAsks()
{
    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/long.sh"), "sleep 60\n"));
    QVERIFY(m_window->openProject(root));
    clickFile(m_window.get(), QStringLiteral("long.sh"));
    clickRun(m_window.get());
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 0), int(RunStatus::Running), 30000);
    m_window->close();
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox *>(QStringLiteral("closeWhileRunning"))), 5000);
    QVERIFY(m_window->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("cancelRunsAndClose")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 0), int(RunStatus::Canceled), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 10000);
}

void TestMainWindow::lastProjectAndArgumentsPersist()
{
    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/quick.sh"), "echo \"$@\"\n"));
    QVERIFY(m_window->openProject(root));
    clickFile(m_window.get(), QStringLiteral("quick.sh"));
    typeArguments(m_window.get(), QStringLiteral("--lr 0.5 'two words'"));
    clickRun(m_window.get());
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 0), int(RunStatus::Completed), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->findChild<QPlainTextEdit *>(QStringLiteral("jobOutput"))->toPlainText(),
                              QStringLiteral("--lr 0.5 two words\n"), 10000);
    m_window->close();
    QVERIFY(!m_window->isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("lastProject")).toString(), Project(root).root());
    // a new window (the next start) offers the same arguments again
    MainWindow next;
    QVERIFY(next.openProject(root));
    QCOMPARE(next.dashboard()->argumentHistory(QStringLiteral("quick.sh")),
             QStringList { QStringLiteral("--lr 0.5 'two words'") });
}

void TestMainWindow::settingsDialogChangesTheInterpreter()
{
    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/train.py"), "print(1)\n"));
    QVERIFY(m_window->openProject(root));
    clickFile(m_window.get(), QStringLiteral("train.py"));
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("interpreterLabel"));
    QCOMPARE(label->text(), QStringLiteral("with python3"));
    auto *settings = m_window->dashboard()->findChild<QToolButton *>();
    QVERIFY(settings);
    QTest::mouseClick(settings, Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<QDialog *>(QStringLiteral("projectSettingsDialog"))), 5000);
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("interpreterTable"));
    const QList<QTableWidgetItem *> py = table->findItems(QStringLiteral("py"), Qt::MatchExactly);
    QCOMPARE(py.size(), 1);
    table->item(py.first()->row(), 1)->setText(QStringLiteral("/usr/bin/python3 -X utf8"));
    auto *spin = dialog->findChild<QSpinBox *>(QStringLiteral("maxParallelRuns"));
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("2"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("with /usr/bin/python3 -X utf8"), 5000);
    const Project project(root);
    QCOMPARE(project.interpreterFor(QStringLiteral("train.py")),
             (QStringList { QStringLiteral("/usr/bin/python3"), QStringLiteral("-X"), QStringLiteral("utf8") }));
    QCOMPARE(project.maxParallelRuns(), 2);
}

void TestMainWindow::sampleProjectCopies()
{
    const QString folder = m_dir->path() + QStringLiteral("/new-project");
    QString error;
    QVERIFY2(SampleProject::copyTo(folder, &error), qPrintable(error));
    QCOMPARE(readFile(folder + QStringLiteral("/iris_sklearn.py")),
             readFile(QStringLiteral(RUNBENCH_SOURCE_DIR "/resources/samples/iris/iris_sklearn.py")));
    QVERIFY(QFileInfo(folder + QStringLiteral("/iris_sklearn.py")).isWritable());
    QCOMPARE(Project(folder).name(), QStringLiteral("IrisDemo"));
    QVERIFY(m_window->openProject(folder));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("IrisDemo — Runbench"));
}

void TestMainWindow::undoRestoreFromTheEditMenu()
{
    const QString root = projectRunOnce(QStringLiteral("step.sh"), "echo one\n");
    QVERIFY(!root.isEmpty());
    QVERIFY(writeFile(root + QStringLiteral("/step.sh"), "echo edited\n"));
    RunStore store;
    QVERIFY(store.open(Project(root).databasePath()));
    QVERIFY(store.useProject(Project(root)));
    SnapshotStore snapshots { Project(root) };
    QVERIFY(snapshots.open(false));
    QVERIFY(snapshots.restore(store.findRun(QStringLiteral("last"))->commitId, true));
    QCOMPARE(readFile(root + QStringLiteral("/step.sh")), QByteArray("echo one\n"));
    auto *undo = m_window->findChild<QAction *>(QStringLiteral("undoRestore"));
    QVERIFY(undo);
    undo->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(readFile(root + QStringLiteral("/step.sh")), QByteArray("echo edited\n"), 10000);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("undone")));
}

void TestMainWindow::damagedHistoryOffersTheBackup()
{
    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/step.sh"), "echo one\n"));
    QVERIFY(runTracked(root, QStringLiteral("step.sh")).size() > 0);
    const QString db = Project(root).databasePath();
    {
        RunStore store;
        QVERIFY(store.open(db));
        QVERIFY(store.writeBackup());
    }
    QVERIFY(runTracked(root, QStringLiteral("step.sh")).size() > 0); // not in the backup
    // The file's header is overwritten: SQLite no longer knows it.
    QFile file(db);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.write(QByteArray(100, 'x'));
    file.close();

    QVERIFY(m_window->openProject(root));
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(box = m_window->findChild<QMessageBox *>(QStringLiteral("historyDamagedMessage")), 10000);
    QVERIFY(box->text().contains(QStringLiteral("cannot be read")));
    QVERIFY(box->informativeText().contains(QStringLiteral("backup")));
    screenshot(box, QStringLiteral("damaged-history.png"));
    auto *open = box->findChild<QPushButton *>(QStringLiteral("openBackupButton"));
    QVERIFY(open);
    QTest::mouseClick(open, Qt::LeftButton);
    // The backup's one run is shown; the damaged file is kept beside it.
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->runModel()->rowCount() == 1,
                              qPrintable(m_window->statusBar()->currentMessage()), 10000);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("damaged")));
    const QStringList kept = QFileInfo(db).dir().entryList({ QFileInfo(db).fileName() + QStringLiteral(".damaged-*") });
    QCOMPARE(kept.size(), 1);
    QCOMPARE(readFile(QFileInfo(db).dir().filePath(kept.first())).left(100), QByteArray(100, 'x'));
    // And new runs go on in the restored history.
    clickFile(m_window.get(), QStringLiteral("step.sh"));
    clickRun(m_window.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runModel()->rowCount(), 2, 30000);
}

void TestMainWindow::settingsPointTheProjectAtAServer()
{
    const QString root = makeProject();
    QVERIFY(m_window->openProject(root));
    auto *settings = m_window->dashboard()->findChild<QToolButton *>();
    QTest::mouseClick(settings, Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<QDialog *>(QStringLiteral("projectSettingsDialog"))), 5000);
    auto *server = dialog->findChild<QLineEdit *>(QStringLiteral("historyServer"));
    auto *shared = dialog->findChild<QLineEdit *>(QStringLiteral("artifactRoot"));
    QVERIFY(server && shared);
    // A password in the URL is refused: it would land in project.ini.
    QTest::keyClicks(server, QStringLiteral("postgresql://kim:secret@db.example.org/runbench"));
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("settingsError"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral(".pgpass")));
    QVERIFY(!readFile(Project(root).iniPath()).contains("secret"));
    // Without it, both settings are kept and the window reads the history
    // from there (here a server that does not answer: a sentence says so).
    const QString unreachable
        = QStringLiteral("postgresql://kim@/runbench?host=%1/no-server&port=1").arg(m_dir->path());
    server->clear();
    QTest::keyClicks(server, unreachable);
    QTest::keyClicks(shared, m_dir->path() + QStringLiteral("/team"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<QDialog *>(QStringLiteral("projectSettingsDialog")));
    const Project project(root);
    QCOMPARE(project.historyLocation(), unreachable);
    QCOMPARE(project.runsDir(), m_dir->path() + QStringLiteral("/team/runs"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QStringLiteral("cannot be read")), 15000);
}

// The folder is renamed between two runs: the window lists both, and
// Project settings say who the project is and where its history saw it.
void TestMainWindow::movedProjectShowsWhereItWasAndKeepsItsRuns()
{
    const QString root = projectRunOnce(QStringLiteral("step.sh"), "echo one\n");
    QVERIFY(!root.isEmpty());
    // the window is closed, the folder renamed, the window opened on it
    m_window.reset();
    const QString moved = m_dir->path() + QStringLiteral("/renamed");
    QVERIFY(QDir().rename(root, moved));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openProject(moved));
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->runModel()->rowCount() == 1,
                              qPrintable(m_window->statusBar()->currentMessage()), 10000);
    clickFile(m_window.get(), QStringLiteral("step.sh"));
    clickRun(m_window.get());
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 0), int(RunStatus::Completed), 30000); // this window's job
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runModel()->rowCount(), 2, 30000);

    QTest::mouseClick(m_window->dashboard()->findChild<QToolButton *>(), Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<QDialog *>(QStringLiteral("projectSettingsDialog"))), 5000);
    const QString identity = dialog->findChild<QLabel *>(QStringLiteral("projectIdentity"))->text();
    QVERIFY2(identity.contains(Project(moved).id()), qPrintable(identity));
    QVERIFY2(identity.contains(QDir::toNativeSeparators(root)), qPrintable(identity)); // where it was before
    auto *lostAfter = dialog->findChild<QSpinBox *>(QStringLiteral("lostAfterSeconds"));
    QCOMPARE(lostAfter->value(), 120);
    lostAfter->selectAll();
    QTest::keyClicks(lostAfter, QStringLiteral("300"));
    screenshot(dialog, QStringLiteral("project-settings.png"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_COMPARE(Project(moved).lostAfterSeconds(), 300);
}

// File → Save a copy as a new project: the copy has the files, a new id and
// an empty history; the window offers to open it.
void TestMainWindow::saveACopyAsANewProject()
{
    const QString root = projectRunOnce(QStringLiteral("step.sh"), "echo one\n");
    QVERIFY(!root.isEmpty());
    auto *action = m_window->findChild<QAction *>(QStringLiteral("saveCopyAction"));
    QVERIFY(action && action->isEnabled());

    const QString copy = m_dir->path() + QStringLiteral("/fork");
    QSignalSpy copied(m_window.get(), &MainWindow::projectCopied);
    m_window->saveCopyAs(copy);
    QVERIFY(copied.wait(30000));
    QCOMPARE(copied.at(0).at(1).toString(), QString());
    QCOMPARE(readFile(copy + QStringLiteral("/step.sh")), QByteArray("echo one\n"));
    QVERIFY(!Project(copy).id().isEmpty());
    QVERIFY(Project(copy).id() != Project(root).id());
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox *>(QStringLiteral("copySavedMessage"))), 5000);
    QTest::mouseClick(box->button(QMessageBox::Open), Qt::LeftButton);
    QTRY_COMPARE(m_window->project().root(), copy);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("fork — Runbench"));
    QTest::qWait(300);
    QCOMPARE(m_window->runModel()->rowCount(), 0); // a history of its own

    // Over an existing folder: a clear sentence, nothing written.
    copied.clear();
    m_window->saveCopyAs(root);
    QVERIFY(copied.wait(30000));
    QVERIFY(copied.at(0).at(1).toString().contains(QStringLiteral("already exists")));
}

QTEST_MAIN(TestMainWindow)
// The main toolbar: Run and Sweep follow the chosen script, Stop the jobs
// still running (the selected one first), Dashboard and Compare open their
// pages, Compare with the runs selected in the dashboard.
void TestMainWindow::toolbarRunsStopsAndShowsPages()
{
    auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(bar && bar->isVisible());
    QStringList names;
    for (QAction *a : bar->actions()) {
        if (a->isSeparator())
            continue;
        names.append(a->objectName());
        QVERIFY2(!a->icon().isNull(), qPrintable(a->objectName()));
    }
    QCOMPARE(names,
             (QStringList { QStringLiteral("runAction"), QStringLiteral("sweepAction"), QStringLiteral("stopAction"),
                            QStringLiteral("openProjectAction"), QString(), QStringLiteral("compareAction") }));
    auto button = [this, bar](const QString &action) {
        return qobject_cast<QToolButton *>(bar->widgetForAction(m_window->findChild<QAction *>(action)));
    };
    auto *run = m_window->findChild<QAction *>(QStringLiteral("runAction"));
    auto *stop = m_window->findChild<QAction *>(QStringLiteral("stopAction"));
    QVERIFY(!run->isEnabled()); // no project, no script
    QVERIFY(!stop->isEnabled());

    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/long.sh"), "echo started \"$1\"\nsleep 60\n"));
    QVERIFY(m_window->openProject(root));
    clickFile(m_window.get(), QStringLiteral("long.sh"));
    QVERIFY(run->isEnabled());
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("sweepAction"))->isEnabled());
    auto *noJobs = m_window->jobPanel()->findChild<QLabel *>(QStringLiteral("noJobs"));
    QVERIFY(noJobs && noJobs->isVisible()); // the empty job list says what shows there
    // from another page: Run starts the Project page's script with its arguments
    m_window->showPage(MainWindow::DashboardPage);
    typeArguments(m_window.get(), QStringLiteral("first"));
    QTest::mouseClick(button(QStringLiteral("runAction")), Qt::LeftButton);
    typeArguments(m_window.get(), QStringLiteral("second"));
    QTest::mouseClick(button(QStringLiteral("runAction")), Qt::LeftButton);
    QCOMPARE(m_window->jobModel()->rowCount(), 2);
    QVERIFY(!noJobs->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(statusOfRow(m_window.get(), 0) == int(RunStatus::Running)
                                 && statusOfRow(m_window.get(), 1) == int(RunStatus::Running),
                             30000);
    QVERIFY(stop->isEnabled());
    // the job selected in the panel stops first: the older one
    m_window->jobPanel()->selectKey(m_window->jobModel()->index(1, 0).data(JobListModel::KeyRole).toInt());
    QTest::mouseClick(button(QStringLiteral("stopAction")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 1), int(RunStatus::Canceled), 30000);
    QCOMPARE(statusOfRow(m_window.get(), 0), int(RunStatus::Running));
    QVERIFY(stop->isEnabled());
    // then, nothing selected that runs: the newest still running
    QTest::mouseClick(button(QStringLiteral("stopAction")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(statusOfRow(m_window.get(), 0), int(RunStatus::Canceled), 30000);
    QTRY_VERIFY(!stop->isEnabled());

    QTest::mouseClick(bar->widgetForAction(m_window->findChild<QAction *>(QStringLiteral("compareAction"))),
                      Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), MainWindow::ComparePage);
    QToolButton *dashboard = nullptr;
    for (QAction *a : bar->actions()) {
        if (a->iconText() == QLatin1String("Dashboard"))
            dashboard = qobject_cast<QToolButton *>(bar->widgetForAction(a));
    }
    QVERIFY(dashboard);
    QTest::mouseClick(dashboard, Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), MainWindow::DashboardPage);
    // two runs selected in the grid: Compare shows them
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runModel()->rowCount(), 2, 10000);
    auto *grid = m_window->runDashboard()->findChild<QTableView *>(QStringLiteral("runGrid"));
    grid->selectAll();
    QTest::mouseClick(bar->widgetForAction(m_window->findChild<QAction *>(QStringLiteral("compareAction"))),
                      Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), MainWindow::ComparePage);
    auto *title = m_window->runCompare()->findChild<QLabel *>(QStringLiteral("compareTitle"));
    QVERIFY(title);
    QTRY_VERIFY_WITH_TIMEOUT(title->text().startsWith(QStringLiteral("Comparing")), 10000);
}

// With no desktop icon theme at all, every icon the window names comes from
// the built-in Breeze set, light or dark, and so does every run state's.
void TestMainWindow::everyIconIsThereWithoutADesktopTheme()
{
    const QString desktopTheme = QIcon::themeName();
    QIcon::setThemeName(QStringLiteral("no-such-theme"));
    Icons::followPalette(QGuiApplication::palette());
    for (int i = 0; i < Icons::IconCount; ++i) {
        const QIcon icon = Icons::icon(Icons::Icon(i));
        QVERIFY2(!icon.isNull(), qPrintable(Icons::name(Icons::Icon(i))));
        QVERIFY2(!icon.pixmap(22).isNull(), qPrintable(Icons::name(Icons::Icon(i))));
    }
    for (int status : { JobListModel::Submitting, JobListModel::Rejected, int(RunStatus::Queued),
                        int(RunStatus::Preparing), int(RunStatus::Running), int(RunStatus::Completed),
                        int(RunStatus::Failed), int(RunStatus::Canceled), int(RunStatus::Lost) })
        QVERIFY2(!Icons::forStatus(status).pixmap(16).isNull(), qPrintable(QString::number(status)));
    QCOMPARE(Icons::forFile(QStringLiteral("outputs/roc.png")).name(), QStringLiteral("image-png"));
    QCOMPARE(Icons::forFile(QStringLiteral("model.pkl")).name(), QStringLiteral("application-octet-stream"));
    QVERIFY(!Icons::forFile(QStringLiteral("outputs/metrics.csv")).pixmap(16).isNull());
    QIcon::setThemeName(desktopTheme);
    Icons::followPalette(QGuiApplication::palette());
}

namespace {

// The mean grey of an icon's opaque pixels: dark strokes on a light palette,
// light ones on a dark palette.
int strokeGrey(const QIcon &icon)
{
    const QImage image = icon.pixmap(22).toImage();
    qint64 sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(image.pixel(x, y)) > 200) {
                sum += qGray(image.pixel(x, y));
                ++count;
            }
    return count > 0 ? int(sum / count) : -1;
}

} // namespace

// View → Colors → Dark: the palette, the charts' background and the icons'
// strokes all turn; Light turns them back; the choice is kept.
void TestMainWindow::darkColorsReachWidgetsChartsAndIcons()
{
    QVERIFY(m_window->openProject(makeProject()));
    m_window->showPage(MainWindow::DashboardPage);
    auto *dark = m_window->findChild<QAction *>(QStringLiteral("colors-dark"));
    auto *light = m_window->findChild<QAction *>(QStringLiteral("colors-light"));
    auto *system = m_window->findChild<QAction *>(QStringLiteral("colors-system"));
    QVERIFY(dark && light && system);
    const QIcon run = m_window->findChild<QAction *>(QStringLiteral("runAction"))->icon();
    const int lightStroke = strokeGrey(run);
    QVERIFY2(lightStroke >= 0 && lightStroke < 100, qPrintable(QString::number(lightStroke)));

    dark->trigger();
    QCoreApplication::processEvents(); // palette changes reach widgets as events
    QVERIFY(Icons::isDark(QGuiApplication::palette()));
    QVERIFY(m_window->palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(m_window->palette().color(QPalette::Text).lightness() > 180);
    const int darkStroke = strokeGrey(run); // the same icon, drawn again
    QVERIFY2(darkStroke > 180, qPrintable(QString::number(darkStroke)));
    QCOMPARE(QSettings().value(QStringLiteral("colors")).toString(), QStringLiteral("dark"));
    auto *chart = m_window->runDashboard()->findChild<QWidget *>(QStringLiteral("parallelCoordinates"));
    QVERIFY(chart);
    m_window->runDashboard()->findChild<QTabWidget *>(QStringLiteral("chartTabs"))->setCurrentWidget(chart);
    QCoreApplication::processEvents();
    const QImage drawn = chart->grab().toImage();
    QVERIFY(qGray(drawn.pixel(drawn.width() / 2, drawn.height() / 2)) < 90); // not a white box

    light->trigger();
    QCoreApplication::processEvents();
    QVERIFY(!Icons::isDark(QGuiApplication::palette()));
    QVERIFY(strokeGrey(run) < 100);
    system->trigger();
    QVERIFY(QSettings().value(QStringLiteral("colors")).toString().isEmpty());
}

// A new window opens where the last one closed, with its splitters as they
// were left.
void TestMainWindow::windowKeepsItsSplitters()
{
    auto *main = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    auto *project = m_window->findChild<QSplitter *>(QStringLiteral("projectSplitter"));
    QVERIFY(main && project);
    m_window->resize(1400, 860);
    QCoreApplication::processEvents(); // laid out at that size
    main->setSizes({ 260, 1140 });
    project->setSizes({ 400, 740 });
    const QList<int> mainSizes = main->sizes();
    const QList<int> projectSizes = project->sizes();
    QCOMPARE(mainSizes.first(), 260);
    QVERIFY(m_window->close());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), QSize(1400, 860));
    QTRY_COMPARE(m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes().first(), mainSizes.first());
    QTRY_COMPARE(m_window->findChild<QSplitter *>(QStringLiteral("projectSplitter"))->sizes().first(),
                 projectSizes.first());
}

// No runs: the dashboard says how to make one instead of showing empty
// charts; a filter that hides every run says so inside the grid (nothing
// above it moves: tst_sweepviews brushes the parallel coordinates to none).
void TestMainWindow::dashboardSaysWhatToDoWhenEmpty()
{
    QVERIFY(m_window->openProject(makeProject()));
    m_window->showPage(MainWindow::DashboardPage);
    auto *empty = m_window->runDashboard()->findChild<QLabel *>(QStringLiteral("dashboardEmpty"));
    QVERIFY(empty);
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("No runs yet")));
    QVERIFY(!m_window->runDashboard()->findChild<QTableView *>(QStringLiteral("runGrid"))->isVisible());

    const QString root = projectRunOnce(QStringLiteral("ok.sh"), "echo fine\n");
    QVERIFY(!root.isEmpty());
    m_window->showPage(MainWindow::DashboardPage);
    QTRY_VERIFY_WITH_TIMEOUT(!empty->isVisible(), 10000);
    QVERIFY(m_window->runDashboard()->findChild<QTableView *>(QStringLiteral("runGrid"))->isVisible());
    auto *grid = m_window->runDashboard()->findChild<QTableView *>(QStringLiteral("runGrid"));
    auto *noMatch = grid->viewport()->findChild<QLabel *>(QStringLiteral("dashboardNoMatch"));
    QVERIFY(noMatch && !noMatch->isVisible());
    auto *filter = m_window->runDashboard()->findChild<QLineEdit *>(QStringLiteral("dashboardFilter"));
    QTest::keyClicks(filter, QStringLiteral("status:Failed"));
    QTRY_VERIFY(noMatch->isVisible());
    QVERIFY(!empty->isVisible());
    QVERIFY(grid->isVisible());
    filter->clear();
    QTRY_VERIFY(!noMatch->isVisible());
}

// Every page of a 1280×800 window with a finished run in its grid: no
// English button, label or grid cell is cut (CTest runs this once more at
// 200% scale as tst_mainwindow_scale2; tst_korean does the same in Korean).
void TestMainWindow::windowUnclippedInEnglish()
{
    m_window->resize(1280, 800);
    const QString root = projectRunOnce(QStringLiteral("ok.sh"), "echo fine\n");
    QVERIFY(!root.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runModel()->rowCount(), 1, 10000);
    m_window->showDetails(m_window->runModel()->run(0).runId);
    QStringList found;
    for (int page = 0; page < 4; ++page) {
        m_window->showPage(MainWindow::Page(page));
        QCoreApplication::processEvents();
        if (m_window->width() > 1280)
            found.append(QStringLiteral("page %1 needs a window %2 px wide").arg(page).arg(m_window->width()));
        for (const QString &problem : clippedTextIn(m_window.get()))
            found.append(QStringLiteral("page %1: %2").arg(page).arg(problem));
    }
    auto *grid = m_window->runDashboard()->findChild<QTableView *>(QStringLiteral("runGrid"));
    QCOMPARE(grid->model()->rowCount(), 1);
    found += clippedCellsIn(grid);
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

#include "tst_mainwindow.moc"

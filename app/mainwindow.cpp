#include "mainwindow.h"

#include "argumentline.h"
#include "codeviewer.h"
#include "historyformat.h"
#include "joblistmodel.h"
#include "jobpanel.h"
#include "jobqueue.h"
#include "mlflowimport.h"
#include "projectcopy.h"
#include "projectdashboard.h"
#include "runcompareview.h"
#include "rundashboard.h"
#include "rundetailsview.h"
#include "runhistoryloader.h"
#include "runjob.h"
#include "runmodel.h"
#include "runstore.h"
#include "sampleproject.h"
#include "snapshotstore.h"
#include "translations.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {
constexpr int kMaxRecent = 8;
const auto kRecentKey = QStringLiteral("recentProjects");
const auto kLastProjectKey = QStringLiteral("lastProject");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_queue(new JobQueue(this))
    , m_jobs(new JobListModel(m_queue, this))
    , m_runs(new RunModel(this))
    , m_history(new RunHistoryLoader(m_runs, this))
    , m_navigation(new QTreeWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_dashboard(new ProjectDashboard(this))
    , m_runDashboard(new RunDashboard(m_runs, this))
    , m_runDetails(new RunDetailsView(this))
    , m_runCompare(new RunCompareView(this))
    , m_jobPanel(new JobPanel(m_jobs, this))
    , m_jobDock(new QDockWidget(tr("Jobs"), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Runbench"));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setHeaderHidden(true);
    m_navigation->setRootIsDecorated(false);
    auto *projectItem = new QTreeWidgetItem(m_navigation, { tr("Project") });
    auto *historyItem = new QTreeWidgetItem(m_navigation, { tr("Run history") });
    historyItem->setFlags(Qt::ItemIsEnabled);
    auto *dashboardItem = new QTreeWidgetItem(historyItem, { tr("Dashboard") });
    auto *detailsItem = new QTreeWidgetItem(historyItem, { tr("Details") });
    auto *compareItem = new QTreeWidgetItem(historyItem, { tr("Compare") });
    m_pageItems = { projectItem, dashboardItem, detailsItem, compareItem };
    m_navigation->expandAll();
    connect(m_navigation, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const int page = int(m_pageItems.indexOf(item));
        if (page >= 0)
            m_pages->setCurrentIndex(page);
    });

    m_pages->addWidget(m_dashboard);
    m_pages->addWidget(m_runDashboard);
    m_pages->addWidget(m_runDetails);
    m_pages->addWidget(m_runCompare);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 170, 1030 });
    setCentralWidget(splitter);

    m_jobDock->setObjectName(QStringLiteral("jobDock"));
    m_jobDock->setWidget(m_jobPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobDock);

    connect(m_dashboard, &ProjectDashboard::runRequested, this, &MainWindow::runRequested);
    connect(m_dashboard, &ProjectDashboard::sweepRequested, this, &MainWindow::sweepRequested);
    connect(m_jobPanel, &JobPanel::cancelRequested, m_queue, &JobQueue::cancel);
    connect(m_jobPanel, &JobPanel::detailsRequested, this, &MainWindow::showDetails);
    connect(m_runDashboard, &RunDashboard::detailsRequested, this, &MainWindow::showDetails);
    connect(m_runDetails, &RunDetailsView::rerunRequested, this, &MainWindow::runRequested);
    connect(m_runDetails, &RunDetailsView::cancelRequested, m_queue, &JobQueue::cancelRun);
    // a renamed or hidden run changes in the shared model at once
    m_runDetails->setHistory(m_history);
    connect(m_runDetails, &RunDetailsView::restored, this,
            [this](bool, const QString &message) { statusBar()->showMessage(message, 15000); });
    auto compare = [this](const QStringList &runIds) {
        m_runCompare->showRuns(runIds);
        showPage(ComparePage);
    };
    connect(m_runDashboard, &RunDashboard::compareRequested, this, compare);
    connect(m_runDetails, &RunDetailsView::compareRequested, this, compare);
    connect(m_history, &RunHistoryLoader::failed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("The run history cannot be read: %1").arg(error));
    });
    connect(m_history, &RunHistoryLoader::damaged, this, &MainWindow::historyDamaged);
    connect(m_history, &RunHistoryLoader::projectSeen, m_dashboard, &ProjectDashboard::setLastSeen);
    connect(m_history, &RunHistoryLoader::backupRestored, this, [this](const QString &keptAs) {
        statusBar()->showMessage(
            tr("The backup was opened; the damaged file is kept as %1.").arg(QDir::toNativeSeparators(keptAs)));
    });
    // Pointing the project at another history (Project settings) reloads it.
    connect(m_dashboard, &ProjectDashboard::settingsChanged, this, [this] {
        if (m_project.historyLocation() != m_openedHistory)
            openProject(m_project.root());
    });
    connect(m_queue, &JobQueue::jobRejected, this, &MainWindow::jobRejected);
    connect(m_queue, &JobQueue::sweepStarted, this, [this](const RunRecord &sweep) {
        statusBar()->showMessage(tr("Sweep started: run %1 holds its runs.").arg(sweep.number), 8000);
    });
    connect(m_queue, &JobQueue::sweepRejected, this, [this](const QString &error) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("The sweep did not start"), error, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("sweepRejectedMessage"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_queue, &JobQueue::sweepFinished, this, [this](const RunRecord &sweep, const QString &summary) {
        statusBar()->showMessage(tr("Sweep run %1 %2: %3").arg(sweep.number).arg(runStatusText(sweep.status), summary));
    });
    connect(m_queue, &JobQueue::jobFinished, this, &MainWindow::jobFinished);
    connect(m_queue, &JobQueue::jobSchedulerProblem, this,
            [this](int, const QString &message) { statusBar()->showMessage(message, 30000); });
    connect(m_queue, &JobQueue::localJobsFinished, this, [this] {
        if (m_closeWhenIdle)
            close();
    });

    createMenus();
    statusBar()->showMessage(tr("Ready"));
    m_navigation->setCurrentItem(projectItem);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(1200, 800);
        resizeDocks({ m_jobDock }, { 230 }, Qt::Vertical);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open project…"), this, &MainWindow::openProjectDialog, QKeySequence::Open);
    file->addAction(tr("&New project from sample…"), this, &MainWindow::newProjectFromSample);
    QAction *saveCopy = file->addAction(tr("Save a &copy as a new project…"), this, &MainWindow::saveCopyDialog);
    saveCopy->setObjectName(QStringLiteral("saveCopyAction"));
    QAction *importMlflow = file->addAction(tr("&Import MLflow runs…"), this, &MainWindow::importMlflowDialog);
    importMlflow->setObjectName(QStringLiteral("importMlflowAction"));
    m_recentMenu = file->addMenu(tr("&Recent projects"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close, QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = edit->addAction(tr("&Undo last restore"), this, &MainWindow::undoRestore);
    undo->setObjectName(QStringLiteral("undoRestore"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names { tr("&Project"), tr("Run history: &Dashboard"), tr("Run history: D&etails"),
                              tr("Run history: &Compare") };
    for (int i = 0; i < names.size(); ++i) {
        QAction *action = view->addAction(names.at(i), this, [this, i] { showPage(Page(i)); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *jobs = m_jobDock->toggleViewAction();
    jobs->setText(tr("&Job panel"));
    view->addAction(jobs);
    view->addSeparator();
    // Each language in its own name; the choice applies at the next start.
    QMenu *languages = view->addMenu(tr("&Language"));
    languages->setObjectName(QStringLiteral("languageMenu"));
    auto *languageGroup = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    QStringList codes { QString() };
    codes += Translations::available();
    for (const QString &code : std::as_const(codes)) {
        QAction *action = languages->addAction(code.isEmpty() ? tr("System language") : Translations::nativeName(code));
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            QSettings().setValue(QStringLiteral("language"), code);
            statusBar()->showMessage(tr("The language changes when Runbench starts again."));
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Runbench"), this, &MainWindow::about);
}

void MainWindow::showPage(Page page) { m_navigation->setCurrentItem(m_pageItems.value(page)); }

MainWindow::Page MainWindow::currentPage() const { return Page(m_pages->currentIndex()); }

bool MainWindow::openProject(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.isDir()) {
        statusBar()->showMessage(tr("%1 is not a folder.").arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    m_project = Project(info.absoluteFilePath());
    m_openedHistory = m_project.historyLocation();
    m_queue->setProject(m_project);
    m_dashboard->setProject(m_project);
    m_runDashboard->setProject(m_project);
    m_runDetails->setProject(m_project);
    m_runCompare->setProject(m_project);
    m_history->setProject(m_project);
    setWindowTitle(tr("%1 — Runbench").arg(m_project.name()));
    QSettings settings;
    settings.setValue(kLastProjectKey, m_project.root());
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(m_project.root());
    recent.prepend(m_project.root());
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    updateRecentMenu();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_project.root())), 5000);
    return true;
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openProject(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openProjectDialog()
{
    auto *dialog = new QFileDialog(this, tr("Open project"), m_project.root());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &folder) { openProject(folder); });
    dialog->open();
}

void MainWindow::newProjectFromSample()
{
    auto *dialog = new QFileDialog(this, tr("Folder for the new project"), QDir::homePath());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &folder) {
        QString error;
        if (!SampleProject::copyTo(folder, &error)) {
            QMessageBox::warning(this, tr("New project"), error);
            return;
        }
        openProject(folder);
    });
    dialog->open();
}

QProgressDialog *MainWindow::progressDialog(const QString &label, const QString &title, const QString &objectName)
{
    auto *progress = new QProgressDialog(label, QString(), 0, 1000, this);
    progress->setObjectName(objectName);
    progress->setWindowTitle(title);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    return progress;
}

std::function<void(qint64, qint64)> MainWindow::progressReporter(QObject *receiver, QPointer<QProgressDialog> bar)
{
    // One event per step the bar shows, not one per file; the bar is set on
    // receiver's thread (this one), where it lives.
    auto shown = std::make_shared<int>(-1);
    return [receiver, bar, shown](qint64 done, qint64 total) {
        const int value = total > 0 ? int(done * 1000 / total) : 1000;
        if (value == *shown)
            return;
        *shown = value;
        QMetaObject::invokeMethod(receiver, [bar, value] {
            if (bar)
                bar->setValue(value);
        });
    };
}

void MainWindow::importMlflowDialog()
{
    auto *dialog = new QFileDialog(this, tr("Import MLflow runs: choose an mlruns folder"), m_project.root());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setLabelText(QFileDialog::Accept, tr("Import"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::importMlflowRuns);
    dialog->open();
}

void MainWindow::importMlflowRuns(const QString &mlrunsDir)
{
    QPointer<QProgressDialog> bar
        = progressDialog(tr("Importing the MLflow runs of %1…").arg(QDir::toNativeSeparators(mlrunsDir)),
                         tr("Import MLflow runs"), QStringLiteral("mlflowImportProgress"));
    const Project project = m_project;
    auto *watcher = new QFutureWatcher<MlflowImport::Result>(this);
    connect(watcher, &QFutureWatcher<MlflowImport::Result>::finished, this, [this, watcher, bar, mlrunsDir] {
        watcher->deleteLater();
        if (bar)
            bar->close();
        const MlflowImport::Result result = watcher->result();
        QString summary;
        if (!result.error.isEmpty()) {
            summary = result.error;
        } else {
            summary = tr("Imported %1 runs from %2.").arg(result.imported).arg(QDir::toNativeSeparators(mlrunsDir));
            if (result.alreadyImported > 0)
                summary += QLatin1Char(' ')
                    + tr("%1 were imported before and left as they are.").arg(result.alreadyImported);
            if (result.deletedRuns > 0)
                summary += QLatin1Char(' ') + tr("%1 deleted in MLflow were left out.").arg(result.deletedRuns);
        }
        QStringList details;
        for (const MlflowStore::Problem &p : result.problems)
            details.append(tr("Skipped %1: %2").arg(QDir::toNativeSeparators(p.path), p.reason));
        details += result.notes;
        if (!result.problems.isEmpty())
            summary
                += QLatin1Char(' ') + tr("%1 damaged runs were skipped (see the details).").arg(result.problems.size());
        auto *box = new QMessageBox(result.error.isEmpty() && result.problems.isEmpty() ? QMessageBox::Information
                                                                                        : QMessageBox::Warning,
                                    tr("Import MLflow runs"), summary, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("mlflowImportMessage"));
        if (!details.isEmpty())
            box->setDetailedText(details.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        statusBar()->showMessage(summary);
        Q_EMIT mlflowImported(result.imported, int(result.problems.size()), summary);
    });
    watcher->setFuture(QtConcurrent::run([project, mlrunsDir, watcher, bar]() {
        MlflowImport::Result result;
        RunStore store; // this thread's own connection
        if (!store.open(project.historyLocation()) || !store.useProject(project)) {
            result.error = store.lastError();
            return result;
        }
        const auto progress = progressReporter(watcher, bar);
        result = MlflowImport::importStore(&store, project, mlrunsDir,
                                           [&progress](int done, int total) { progress(done, total); });
        return result;
    }));
}

void MainWindow::saveCopyDialog()
{
    auto *dialog
        = new QFileDialog(this, tr("Save a copy as a new project"), m_project.root() + QStringLiteral("-copy"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setLabelText(QFileDialog::Accept, tr("Save copy"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::saveCopyAs);
    dialog->open();
}

void MainWindow::saveCopyAs(const QString &destination)
{
    QPointer<QProgressDialog> bar
        = progressDialog(tr("Copying the project to %1…").arg(QDir::toNativeSeparators(destination)),
                         tr("Save a copy as a new project"), QStringLiteral("saveCopyProgress"));
    const Project source = m_project;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, bar, destination] {
        watcher->deleteLater();
        if (bar)
            bar->close();
        const QString error = watcher->result();
        if (!error.isEmpty()) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Save a copy as a new project"), error,
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        } else {
            statusBar()->showMessage(tr("Saved a copy of %1 as the new project %2, with a history of its own.")
                                         .arg(m_project.name(), QDir::toNativeSeparators(destination)));
            auto *box = new QMessageBox(QMessageBox::Information, tr("Save a copy as a new project"),
                                        tr("The copy is a new project with an empty history. Open it now?"),
                                        QMessageBox::Open | QMessageBox::Close, this);
            box->setObjectName(QStringLiteral("copySavedMessage"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box->button(QMessageBox::Open), &QAbstractButton::clicked, this,
                    [this, destination] { openProject(destination); });
            box->open();
        }
        Q_EMIT projectCopied(destination, error);
    });
    // Progress reaches the dialog through the watcher, which lives on this
    // thread until the copy has ended.
    watcher->setFuture(QtConcurrent::run([source, destination, watcher, bar]() {
        QString error;
        ProjectCopy::copy(source, destination, &error, progressReporter(watcher, bar));
        return error;
    }));
}

void MainWindow::runRequested(const QString &script, const QStringList &arguments)
{
    const int key = m_queue->submit(script, arguments);
    m_jobPanel->selectKey(key);
    m_jobDock->show();
    statusBar()->showMessage(tr("Starting %1 %2…").arg(script, ArgumentLine::join(arguments)), 3000);
}

void MainWindow::sweepRequested(const QString &script, const QStringList &arguments, const SweepSpec::Plan &plan,
                                const SweepSpec::Options &options, int parallel)
{
    const QVector<int> keys = m_queue->submitSweep(script, arguments, plan, options, parallel);
    for (int key : keys)
        m_sweepKeys.insert(key);
    if (!keys.isEmpty())
        m_jobPanel->selectKey(keys.first());
    m_jobDock->show();
    statusBar()->showMessage(tr("Starting a sweep of %1: %2 runs…").arg(script).arg(keys.size()), 3000);
}

void MainWindow::jobRejected(int key, const QString &error)
{
    statusBar()->showMessage(tr("The run did not start: %1").arg(error));
    if (m_sweepKeys.remove(key))
        return; // a sweep's runs say it in the job list; the sweep itself says why once
    auto *box = new QMessageBox(QMessageBox::Warning, tr("The run did not start"), error, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("runRejectedMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::historyDamaged(const QString &error, const QString &backup, const QDateTime &backupTime)
{
    statusBar()->showMessage(tr("The run history cannot be read: %1").arg(error));
    auto *box = new QMessageBox(QMessageBox::Critical, tr("The run history is damaged"),
                                tr("The run history of %1 cannot be read.").arg(m_project.name()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("historyDamagedMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (backup.isEmpty()) {
        box->setInformativeText(tr("There is no backup of it. The file is left as it is, and the runs' own "
                                   "folders in %1 keep their logs, metrics and outputs.")
                                    .arg(QDir::toNativeSeparators(m_project.dataDir() + QStringLiteral("/runs"))));
        box->addButton(QMessageBox::Close);
    } else {
        box->setInformativeText(
            tr("Runbench can open the backup of %1 instead. Runs recorded after it are not in it; the damaged "
               "file is kept next to it, not deleted.")
                .arg(QLocale().toString(backupTime, QLocale::LongFormat)));
        QPushButton *open = box->addButton(tr("Open the Backup"), QMessageBox::AcceptRole);
        open->setObjectName(QStringLiteral("openBackupButton"));
        box->addButton(QMessageBox::Close);
        box->setDefaultButton(open);
        connect(box, &QMessageBox::buttonClicked, this, [this, open, backup](QAbstractButton *clicked) {
            if (clicked == open)
                m_history->restoreBackup(backup);
        });
    }
    box->setDetailedText(error);
    box->open();
}

void MainWindow::jobFinished(int key, const RunRecord &record, int, const QString &error)
{
    m_sweepKeys.remove(key);
    QString message;
    const QString run
        = tr("Run %1 (%2 %3)").arg(record.number).arg(record.script, ArgumentLine::join(record.arguments));
    const QString duration = HistoryFormat::humanDuration(record.durationUs());
    switch (record.status) {
    case RunStatus::Completed: message = tr("%1 completed in %2.").arg(run, duration); break;
    case RunStatus::Canceled: message = tr("%1 was canceled.").arg(run); break;
    default: message = tr("%1 failed: %2").arg(run, error); break;
    }
    statusBar()->showMessage(message, 15000);
    if (m_runDetails->details().run.id == record.id)
        m_runDetails->showRun(record.runId); // as it ended
}

void MainWindow::showDetails(const QString &runId)
{
    m_runDetails->showRun(runId);
    showPage(DetailsPage);
}

void MainWindow::undoRestore()
{
    const Project project = m_project;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QString error = watcher->result();
        statusBar()->showMessage(error.isEmpty() ? tr("The last restore was undone.")
                                                 : tr("The restore was not undone: %1").arg(error));
    });
    watcher->setFuture(QtConcurrent::run([project]() -> QString {
        SnapshotStore store(project);
        if (!store.open(false) || !store.undoRestore())
            return store.errorString();
        return QString();
    }));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Cluster jobs go on without the window; only the runs here hold it.
    if (m_queue->localActiveCount() > 0 && !m_closeWhenIdle) {
        event->ignore();
        askBeforeClosing();
        return;
    }
    if (m_queue->localActiveCount() > 0) {
        event->ignore(); // still waiting for the last runs to end
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::askBeforeClosing()
{
    const int active = m_queue->localActiveCount();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Runs in progress"),
                                tr("Runs still in progress: %n.", nullptr, active), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeWhileRunning"));
    box->setInformativeText(tr("Cancel them and close, or let them finish and close afterwards?"));
    QPushButton *cancelRuns = box->addButton(tr("Cancel runs and close"), QMessageBox::DestructiveRole);
    cancelRuns->setObjectName(QStringLiteral("cancelRunsAndClose"));
    QPushButton *wait = box->addButton(tr("Close when they finish"), QMessageBox::AcceptRole);
    wait->setObjectName(QStringLiteral("closeWhenFinished"));
    QPushButton *keep = box->addButton(tr("Keep working"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepWorking"));
    box->setDefaultButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, cancelRuns, wait](QAbstractButton *button) {
        if (button == cancelRuns) {
            m_closeWhenIdle = true;
            m_queue->cancelLocal();
            statusBar()->showMessage(tr("Canceling runs; the window closes when they have stopped."));
        } else if (button == wait) {
            m_closeWhenIdle = true;
            statusBar()->showMessage(tr("The window closes when the runs finish."));
        }
    });
    box->open();
}

QString MainWindow::versionReport()
{
    const QString highlighting = CodeViewer::highlightingVersion();
    const QString launcher = RunJob::launcherPath();
    return tr("Runbench %1\nQt %2\nKSyntaxHighlighting: %3\nlibgit2: %4\nSQLite %5")
               .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                    highlighting.isEmpty() ? tr("not in this build (plain text viewers)") : highlighting,
                    SnapshotStore::libgit2Version(), RunStore::sqliteVersion())
        + QLatin1Char('\n')
        + tr("Launcher: %1").arg(launcher.isEmpty() ? tr("not found (runs cannot start)") : launcher);
}

void MainWindow::about()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Runbench"),
                                tr("Runbench — a workbench for tracked data-science runs."), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setInformativeText(versionReport());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

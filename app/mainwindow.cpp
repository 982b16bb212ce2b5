#include "mainwindow.h"

#include "argumentline.h"
#include "codeviewer.h"
#include "historyformat.h"
#include "icons.h"
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
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPalette>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {
constexpr int kMaxRecent = 8;
const auto kRecentKey = QStringLiteral("recentProjects");
const auto kLastProjectKey = QStringLiteral("lastProject");
const auto kColorsKey = QStringLiteral("colors");
const auto kSplittersKey = QStringLiteral("window/splitters/");

// A dark palette for Fusion: text and charts drawn in palette colors stay
// readable on it.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 47, 51), base(30, 32, 35), text(230, 231, 233), disabled(128, 132, 138);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(38, 40, 44));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(55, 58, 63));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 120, 120));
    p.setColor(QPalette::Light, QColor(75, 78, 84));
    p.setColor(QPalette::Midlight, QColor(62, 65, 70));
    p.setColor(QPalette::Mid, QColor(36, 38, 41));
    p.setColor(QPalette::Dark, QColor(24, 25, 27));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Highlight, QColor(61, 125, 216));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(180, 140, 255));
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(70, 74, 80));
    return p;
}

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
    projectItem->setIcon(0, Icons::icon(Icons::Project));
    historyItem->setIcon(0, Icons::icon(Icons::History));
    dashboardItem->setIcon(0, Icons::icon(Icons::Dashboard));
    detailsItem->setIcon(0, Icons::icon(Icons::Details));
    compareItem->setIcon(0, Icons::icon(Icons::Compare));
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
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    // as wide as its longest entry, with its icon and indent
    int navigationWidth = 0;
    for (QTreeWidgetItemIterator it(m_navigation); *it; ++it)
        navigationWidth = qMax(navigationWidth, m_navigation->fontMetrics().horizontalAdvance((*it)->text(0)));
    navigationWidth += m_navigation->indentation() + m_navigation->iconSize().width() + 40;
    splitter->setSizes({ navigationWidth, 1030 });
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
    createToolBar();
    statusBar()->showMessage(tr("Ready"));
    m_navigation->setCurrentItem(projectItem);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // Most of the screen, up to what the views use well.
        const QScreen *screen = QGuiApplication::primaryScreen();
        const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 860);
        const QSize size(qMin(available.width() * 9 / 10, 1600), qMin(available.height() * 9 / 10, 1000));
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
        resizeDocks({ m_jobDock }, { size.height() / 5 }, Qt::Vertical);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (QSplitter *s : findChildren<QSplitter *>()) {
        if (!s->objectName().isEmpty())
            s->restoreState(settings.value(kSplittersKey + s->objectName()).toByteArray());
    }
}

MainWindow::~MainWindow()
{
    // before the views and watchers the tasks' results go to
    m_tasks.cancelAndWait();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_openAction = file->addAction(Icons::icon(Icons::OpenProject), tr("&Open project…"), this,
                                   &MainWindow::openProjectDialog);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setObjectName(QStringLiteral("openProjectAction"));
    m_openAction->setIconText(tr("Open project"));
    file->addAction(Icons::icon(Icons::NewProject), tr("&New project from sample…"), this,
                    &MainWindow::newProjectFromSample);
    QAction *saveCopy = file->addAction(Icons::icon(Icons::SaveCopy), tr("Save a &copy as a new project…"), this,
                                        &MainWindow::saveCopyDialog);
    saveCopy->setObjectName(QStringLiteral("saveCopyAction"));
    QAction *importMlflow = file->addAction(Icons::icon(Icons::Import), tr("&Import MLflow runs…"), this,
                                            &MainWindow::importMlflowDialog);
    importMlflow->setObjectName(QStringLiteral("importMlflowAction"));
    m_recentMenu = file->addMenu(Icons::icon(Icons::Folder), tr("&Recent projects"));
    file->addSeparator();
    QAction *quit = file->addAction(Icons::icon(Icons::Quit), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = edit->addAction(Icons::icon(Icons::Undo), tr("&Undo last restore"), this, &MainWindow::undoRestore);
    undo->setObjectName(QStringLiteral("undoRestore"));

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    m_runAction = run->addAction(Icons::icon(Icons::Run), tr("&Run"), m_dashboard, &ProjectDashboard::run);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setIconText(tr("Run"));
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runAction->setToolTip(tr("Run the script chosen on the Project page with its arguments (Ctrl+R)"));
    m_sweepAction = run->addAction(Icons::icon(Icons::Sweep), tr("S&weep…"), this, [this] {
        showPage(ProjectPage);
        m_dashboard->sweep();
    });
    m_sweepAction->setObjectName(QStringLiteral("sweepAction"));
    m_sweepAction->setIconText(tr("Sweep"));
    m_sweepAction->setToolTip(tr("Many runs at once: arguments with value sets such as {0.01,0.1,1}"));
    m_stopAction = run->addAction(Icons::icon(Icons::Stop), tr("&Stop"), this, &MainWindow::stopRun);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setIconText(tr("Stop"));
    m_stopAction->setToolTip(tr("Stop the run selected in the job panel, or else the newest one still running"));
    m_stopAction->setEnabled(false);
    for (QAction *a : { m_runAction, m_sweepAction })
        a->setEnabled(!m_dashboard->currentScript().isEmpty());
    connect(m_dashboard, &ProjectDashboard::runnableChanged, m_runAction, &QAction::setEnabled);
    connect(m_dashboard, &ProjectDashboard::runnableChanged, m_sweepAction, &QAction::setEnabled);
    auto updateStop = [this] { m_stopAction->setEnabled(!m_jobs->activeKeys().isEmpty()); };
    connect(m_jobs, &QAbstractItemModel::dataChanged, this, updateStop);
    connect(m_jobs, &QAbstractItemModel::rowsInserted, this, updateStop);
    connect(m_jobs, &QAbstractItemModel::modelReset, this, updateStop);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names { tr("&Project"), tr("Run history: &Dashboard"), tr("Run history: D&etails"),
                              tr("Run history: &Compare") };
    const Icons::Icon pageIcons[] = { Icons::Project, Icons::Dashboard, Icons::Details, Icons::Compare };
    for (int i = 0; i < names.size(); ++i) {
        QAction *action
            = view->addAction(Icons::icon(pageIcons[i]), names.at(i), this, [this, i] { showPage(Page(i)); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_pageActions.append(action);
    }
    view->addSeparator();
    QAction *jobs = m_jobDock->toggleViewAction();
    jobs->setText(tr("&Job panel"));
    jobs->setIcon(Icons::icon(Icons::JobPanel));
    view->addAction(jobs);
    view->addSeparator();
    // Applies at once, to every view and chart.
    QMenu *colors = view->addMenu(Icons::icon(Icons::Colors), tr("&Colors"));
    colors->setObjectName(QStringLiteral("colorsMenu"));
    auto *colorGroup = new QActionGroup(this);
    const QString currentColors = chosenColors();
    const QList<QPair<QString, QString>> choices { { QString(), tr("&System") },
                                                   { QStringLiteral("light"), tr("&Light") },
                                                   { QStringLiteral("dark"), tr("&Dark") } };
    for (const auto &choice : choices) {
        QAction *action = colors->addAction(choice.second);
        action->setObjectName(QStringLiteral("colors-") + (choice.first.isEmpty() ? QStringLiteral("system") : choice.first));
        action->setCheckable(true);
        action->setChecked(choice.first == currentColors);
        colorGroup->addAction(action);
        const QString code = choice.first;
        connect(action, &QAction::triggered, this, [code] {
            QSettings().setValue(kColorsKey, code);
            applyColors(code);
        });
    }
    // Each language in its own name; the choice applies at the next start.
    QMenu *languages = view->addMenu(Icons::icon(Icons::Language), tr("&Language"));
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
    help->addAction(Icons::icon(Icons::About), tr("&About Runbench"), this, &MainWindow::about);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_runAction);
    bar->addAction(m_sweepAction);
    bar->addAction(m_stopAction);
    bar->addSeparator();
    bar->addAction(m_openAction);
    bar->addSeparator();
    // the toolbar's buttons say it shorter (iconText) than the menus
    m_pageActions.at(DashboardPage)->setIconText(tr("Dashboard"));
    bar->addAction(m_pageActions.at(DashboardPage));
    m_compareAction = bar->addAction(Icons::icon(Icons::Compare), tr("Compare"), this, [this] {
        const QStringList selected = m_runDashboard->selectedRunIds();
        if (selected.size() >= 2)
            m_runCompare->showRuns(selected);
        showPage(ComparePage);
    });
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setToolTip(tr("Compare the runs selected in the dashboard"));
}

void MainWindow::stopRun()
{
    const QVector<int> active = m_jobs->activeKeys();
    if (active.isEmpty())
        return;
    const int selected = m_jobPanel->currentKey();
    m_queue->cancel(active.contains(selected) ? selected : active.first());
}

QString MainWindow::chosenColors() { return QSettings().value(kColorsKey).toString(); }

void MainWindow::applyColors(const QString &colors)
{
    // What the desktop gave, to go back to.
    static const QString systemStyle = QApplication::style()->objectName();
    static const QPalette systemPalette = QGuiApplication::palette();
    if (colors == QLatin1String("light") || colors == QLatin1String("dark")) {
        if (QApplication::style()->objectName().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(colors == QLatin1String("dark") ? darkPalette() : QApplication::style()->standardPalette());
    } else {
        if (QApplication::style()->objectName() != systemStyle)
            QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(systemPalette);
    }
    Icons::followPalette(QGuiApplication::palette());
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

void MainWindow::followProgress(QProgressDialog *bar, const std::shared_ptr<TaskState> &state)
{
    // The bar reads the task's progress on its own timer: nothing is posted
    // from the worker to a widget that may be gone by then.
    auto *timer = new QTimer(bar);
    connect(timer, &QTimer::timeout, bar, [bar, state] { bar->setValue(state->fraction(bar->maximum())); });
    timer->start(100);
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
    m_closeWhenTasksEnd = false; // asked for again after a close was turned down
    QPointer<QProgressDialog> bar
        = progressDialog(tr("Importing the MLflow runs of %1…").arg(QDir::toNativeSeparators(mlrunsDir)),
                         tr("Import MLflow runs"), QStringLiteral("mlflowImportProgress"));
    const Project project = m_project;
    auto *watcher = new QFutureWatcher<MlflowImport::Result>(this);
    connect(watcher, &QFutureWatcher<MlflowImport::Result>::finished, this, [this, watcher, bar, mlrunsDir] {
        watcher->deleteLater();
        if (bar)
            bar->close();
        if (m_closeWhenTasksEnd)
            return; // canceled by closing the window: nobody to tell
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
    const std::shared_ptr<TaskState> state = m_tasks.newState();
    followProgress(bar, state);
    const QFuture<MlflowImport::Result> future = QtConcurrent::run([project, mlrunsDir, state]() {
        MlflowImport::Result result;
        RunStore store; // this thread's own connection
        if (!store.open(project.historyLocation()) || !store.useProject(project)) {
            result.error = store.lastError();
            return result;
        }
        result = MlflowImport::importStore(
            &store, project, mlrunsDir, [&state](int done, int total) { state->progress(done, total); },
            &state->canceled);
        return result;
    });
    m_tasks.track(future);
    watcher->setFuture(future);
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
    m_closeWhenTasksEnd = false; // asked for again after a close was turned down
    QPointer<QProgressDialog> bar
        = progressDialog(tr("Copying the project to %1…").arg(QDir::toNativeSeparators(destination)),
                         tr("Save a copy as a new project"), QStringLiteral("saveCopyProgress"));
    const Project source = m_project;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, bar, destination] {
        watcher->deleteLater();
        if (bar)
            bar->close();
        if (m_closeWhenTasksEnd)
            return;
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
    const std::shared_ptr<TaskState> state = m_tasks.newState();
    followProgress(bar, state);
    const QFuture<QString> future = QtConcurrent::run([source, destination, state]() {
        QString error;
        ProjectCopy::copy(
            source, destination, &error, [&state](qint64 done, qint64 total) { state->progress(done, total); },
            &state->canceled);
        return error;
    });
    m_tasks.track(future);
    watcher->setFuture(future);
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
    // An import, a copy or a download in flight stops first; the window
    // closes once it has, so that no task outlives what it reports to.
    const auto workInFlight = [this] { return m_tasks.isBusy() || m_runDetails->isBusy(); };
    if (workInFlight()) {
        event->ignore();
        if (!m_closeWhenTasksEnd) {
            m_closeWhenTasksEnd = true;
            m_tasks.cancel();
            m_runDetails->cancelWork();
            statusBar()->showMessage(tr("Stopping the work in progress; the window closes when it has stopped."));
            auto *check = new QTimer(this);
            connect(check, &QTimer::timeout, this, [this, check, workInFlight] {
                if (workInFlight())
                    return;
                check->deleteLater();
                close();
            });
            check->start(50);
        }
        return;
    }
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
    for (const QSplitter *s : findChildren<QSplitter *>()) {
        if (!s->objectName().isEmpty())
            settings.setValue(kSplittersKey + s->objectName(), s->saveState());
    }
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

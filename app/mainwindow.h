#pragma once

#include "project.h"
#include "runrecord.h"
#include "sweepspec.h"
#include "taskowner.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class JobListModel;
class JobPanel;
class JobQueue;
class ProjectDashboard;
class RunDashboard;
class RunCompareView;
class RunDetailsView;
class RunHistoryLoader;
class RunModel;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressDialog;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

// The workbench window: the main toolbar (Run, Sweep, Stop, Open project,
// Dashboard, Compare) on top, navigation on the left (Project, Run history →
// Dashboard / Details / Compare), the current page in the middle, the job
// panel as a dock. It wires views to models and delegates everything else.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { ProjectPage, DashboardPage, DetailsPage, ComparePage };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openProject(const QString &folder);
    Project project() const { return m_project; }
    void showPage(Page page);
    // Run history → Details of a run (by run id or number).
    void showDetails(const QString &runId);
    Page currentPage() const;
    // The window's colors: "light" or "dark" (Fusion with a light or dark
    // palette), anything else the desktop's own. Applies to the whole
    // application at once; View → Colors keeps the choice.
    static void applyColors(const QString &colors);
    static QString chosenColors();

    JobQueue *jobQueue() const { return m_queue; }
    JobListModel *jobModel() const { return m_jobs; }
    ProjectDashboard *dashboard() const { return m_dashboard; }
    RunDashboard *runDashboard() const { return m_runDashboard; }
    RunDetailsView *runDetails() const { return m_runDetails; }
    RunCompareView *runCompare() const { return m_runCompare; }
    // Edit → Undo last restore.
    void undoRestore();
    // File → Save a Copy as a New Project: copies the project's files (not
    // its history) to destination, off the GUI thread with a progress
    // dialog, the copy getting a new id; projectCopied() tells how it went.
    void saveCopyAs(const QString &destination);
    // File → Import MLflow runs: every run of an MLflow file store becomes
    // a run of the project, off the GUI thread with a progress dialog;
    // mlflowImported() tells how it went (a sentence for the user).
    void importMlflowRuns(const QString &mlrunsDir);
    RunModel *runModel() const { return m_runs; }
    JobPanel *jobPanel() const { return m_jobPanel; }

    // "Runbench 0.1.0", Qt, KSyntaxHighlighting, libgit2, SQLite versions.
    static QString versionReport();

Q_SIGNALS:
    void projectCopied(const QString &destination, const QString &error);
    void mlflowImported(int imported, int skipped, const QString &summary);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createToolBar();
    void stopRun();
    void runRequested(const QString &script, const QStringList &arguments);
    void sweepRequested(const QString &script, const QStringList &arguments, const SweepSpec::Plan &plan,
                        const SweepSpec::Options &options, int parallel);
    void jobRejected(int key, const QString &error);
    void historyDamaged(const QString &error, const QString &backup, const QDateTime &backupTime);
    void jobFinished(int key, const RunRecord &record, int exitCode, const QString &error);
    void openProjectDialog();
    void newProjectFromSample();
    void saveCopyDialog();
    void importMlflowDialog();
    // A progress dialog of this window (0 to 1000), shown after 300 ms, and
    // its bar following a background task's state.
    QProgressDialog *progressDialog(const QString &label, const QString &title, const QString &objectName);
    static void followProgress(QProgressDialog *bar, const std::shared_ptr<TaskState> &state);
    void updateRecentMenu();
    void askBeforeClosing();
    void about();

    Project m_project;
    QString m_openedHistory; // where m_project's history was read from
    JobQueue *m_queue;
    JobListModel *m_jobs;
    RunModel *m_runs;
    RunHistoryLoader *m_history;
    QTreeWidget *m_navigation;
    QStackedWidget *m_pages;
    ProjectDashboard *m_dashboard;
    RunDashboard *m_runDashboard;
    RunDetailsView *m_runDetails;
    RunCompareView *m_runCompare;
    JobPanel *m_jobPanel;
    QDockWidget *m_jobDock;
    QSet<int> m_sweepKeys; // jobs of sweeps: no message box each when refused
    QMenu *m_recentMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_sweepAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_compareAction = nullptr;
    QList<QAction *> m_pageActions; // by Page
    QList<QTreeWidgetItem *> m_pageItems;
    bool m_closeWhenIdle = false;
    bool m_closeWhenTasksEnd = false;
    TaskOwner m_tasks; // the import and the copy: canceled and waited for before the window goes
};

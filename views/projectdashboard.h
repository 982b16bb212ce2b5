#pragma once

#include "sweepspec.h"

#include "project.h"

#include <QWidget>

class CodeViewer;
class QComboBox;
class SweepDialog;
class QFileSystemModel;
class QLabel;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

// The project page: the project's files, the script viewer, the script
// picker, the Arguments box (with each script's recent arguments) and Run.
// It only asks for runs (runRequested); JobQueue runs them.
class ProjectDashboard : public QWidget
{
    Q_OBJECT

public:
    explicit ProjectDashboard(QWidget *parent = nullptr);

    void setProject(const Project &project);
    Project project() const { return m_project; }
    // Where the run history last saw this project before (shown in Project
    // settings): another clone's folder and host, or the folder before a move.
    void setLastSeen(const QString &root, const QString &host);

    QString currentScript() const;
    void selectScript(const QString &relativePath);
    QStringList currentArguments() const;
    QStringList argumentHistory(const QString &script) const;

    // Runs the current script with the current arguments (the Run button; the
    // window's Run action, Ctrl+R).
    void run();
    // Opens the Sweep dialog on the current script and arguments.
    void sweep();
    // The open Sweep dialog, if any (tests drive it).
    SweepDialog *sweepDialog() const { return m_sweepDialog; }

Q_SIGNALS:
    void runRequested(const QString &script, const QStringList &arguments);
    void settingsChanged();
    // A script is chosen (Run and Sweep can start), or none is.
    void runnableChanged(bool runnable);
    void sweepRequested(const QString &script, const QStringList &arguments, const SweepSpec::Plan &plan,
                        const SweepSpec::Options &options, int parallel);

private:
    void fileActivated(const QModelIndex &index);
    void scriptChanged();
    void scanScripts();
    void editSettings();
    void rememberArguments(const QString &script, const QString &arguments);

    Project m_project;
    QFileSystemModel *m_files;
    QSortFilterProxyModel *m_visibleFiles;
    QTreeView *m_tree;
    QComboBox *m_script;
    QLabel *m_interpreter;
    QToolButton *m_settingsButton;
    QComboBox *m_arguments;
    QPushButton *m_runButton;
    QPushButton *m_sweepButton;
    SweepDialog *m_sweepDialog = nullptr;
    CodeViewer *m_viewer;
    int m_scanGeneration = 0;
    QString m_lastSeenRoot;
    QString m_lastSeenHost;
};

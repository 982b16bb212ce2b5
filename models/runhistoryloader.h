#pragma once

#include "project.h"
#include "runedit.h"
#include "runmodel.h"

#include <QDateTime>
#include <QObject>

class HistoryWorker;
class QThread;
class QTimer;

// Keeps a RunModel in step with a project's run history, reading the store
// on a thread of its own: the first load fills the model, then it notices
// every change to a run (this window's runs, `runbench run` in a terminal,
// an edit from the command line or another machine) by the store's change
// marks and updates only the runs that changed.
class RunHistoryLoader : public QObject
{
    Q_OBJECT

public:
    explicit RunHistoryLoader(RunModel *model, QObject *parent = nullptr);
    ~RunHistoryLoader() override;

    void setProject(const Project &project);
    void setPollInterval(int msecs);
    // Changes a run's name, description, tags and hidden flag in one
    // transaction on the history's thread; runEdited() tells how it went,
    // and the model has the change as soon as it is written.
    void editRun(qint64 run, const RunEdit &edit);
    // After damaged(): moves the damaged file aside, puts the backup in its
    // place and loads it (backupRestored(), or failed()).
    void restoreBackup(const QString &backup);

Q_SIGNALS:
    void loaded(int runs, qint64 msecs);
    void failed(const QString &error);
    // The history file is damaged; backup is the newest copy ("" if none).
    void damaged(const QString &error, const QString &backup, const QDateTime &backupTime);
    void backupRestored(const QString &damagedKeptAs);
    // Where the history saw the project before its current place: another
    // clone's folder and host, or the folder before a move ("" if none).
    void projectSeen(const QString &lastRoot, const QString &lastHost);
    void runEdited(qint64 run, const QString &error); // error is "" when saved

private:
    // Takes the first load's waiting pages into the model, for up to
    // budgetMsecs (all of them when negative); false if none waited.
    bool takePages(int budgetMsecs);

    RunModel *m_model;
    QThread *m_thread;
    HistoryWorker *m_worker;
    QTimer *m_takePage; // takes the first load's pages in, one at a time
    int m_generation = 0;
};

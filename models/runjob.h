#pragma once

#include "project.h"
#include "runrecord.h"
#include "snapshotstore.h"

#include <QFile>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <memory>

class MetricsIngester;
class QTimer;
class RunStore;

// One tracked run, from submission to its recorded end (DESIGN.md, "A run's
// life"). It owns the process; nothing here ever waits: copying the project
// and hashing outputs run on the thread pool, the process reports through
// signals. The store must live on the job's thread.
//
// The script runs under runbench-launch, with its output going straight to
// driver_log.txt (tailed from there), so it outlives a workbench that is
// killed; adopt() takes such a run over again.
class RunJob : public QObject
{
    Q_OBJECT

public:
    RunJob(const Project &project, RunStore *store, QObject *parent = nullptr);
    ~RunJob() override;

    // Checks that the script exists in the project and that its interpreter
    // can be found, then records a Queued run. On false, errorString() says
    // why and nothing was recorded.
    bool submit(const QString &script, const QStringList &arguments);
    // Preparing → Running → Completed/Failed/Canceled, then finished().
    void start();
    // Takes over a Running run whose owner died while its process (pid and
    // start time as recorded) still runs: tails its metrics and log again and
    // records its end. False if that process is gone.
    bool adopt(const RunRecord &record, const QString &processStarted);
    // Asks the script and everything it started to stop (SIGTERM to the
    // launcher, which signals the whole tree), killed after the grace period.
    void cancel();

    // How a run's process ended, from the status file runbench-launch writes
    // in the run folder: known is false if there is none (the launcher itself
    // was killed).
    struct Ending
    {
        bool known = false;
        RunStatus status = RunStatus::Failed;
        int exitCode = -1;
        QString error;
    };
    static Ending readEnding(const QString &statusPath, const QString &program);
    static QString statusPath(const Project &project, const QString &runId);
    // Written while the store refuses the run's metrics: why, in a sentence.
    static QString recordErrorPath(const Project &project, const QString &runId);
    // The runbench-launch executable: $RUNBENCH_LAUNCHER, else the one next
    // to the running program, else the one of the build tree.
    static QString launcherPath();

    RunRecord record() const { return m_record; }
    RunStatus status() const { return m_record.status; }
    QString errorString() const { return m_error; }
    QString logPath() const;
    QString metricsPath() const;
    // What a shell would report: the script's exit code, 128 + signal when a
    // signal killed it, 127 when it could not start, 130 when canceled.
    int exitCode() const { return m_exitCode; }
    qint64 ingestedRecords() const;
    int skippedLines() const;

    // How long a canceled script, and what a script leaves running when it
    // ends, get to end by themselves before they are killed.
    void setGracePeriod(int msecs) { m_graceMs = msecs; }
    void setPollInterval(int msecs);

Q_SIGNALS:
    void statusChanged(RunStatus status);
    void outputReceived(const QByteArray &data);
    void metricsIngested();
    void finished();

private:
    void setStatus(RunStatus status);
    struct Prepared
    {
        QString error;
        SnapshotStore::Snapshot snapshot;
    };
    void prepared(const Prepared &result);
    void startProcess();
    void readOutput();
    void poll(bool finalPoll);
    int launcherGraceMs() const;
    void signalAdopted(int sig);
    void processFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void processError(QProcess::ProcessError error);
    void finish(RunStatus status, int exitCode, QString error);

    Project m_project;
    RunStore *m_store;
    RunRecord m_record;
    QStringList m_command; // interpreter and its arguments; empty: the script runs itself
    QString m_error;
    QString m_recordError; // the store refused this run's metrics
    int m_exitCode = -1;
    int m_graceMs = 5000;
    bool m_cancelRequested = false;
    bool m_finishing = false;
    QProcess *m_process = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_heartbeatTimer = nullptr;
    QFile m_log; // driver_log.txt, read from m_logOffset on
    qint64 m_logOffset = 0;
    qint64 m_preparingUs = 0; // when its snapshot began
    QString m_processStarted; // of an adopted run's process
    bool m_adopted = false;
    std::unique_ptr<MetricsIngester> m_ingester;
};

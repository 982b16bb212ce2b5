#pragma once

#include "project.h"
#include "runrecord.h"
#include "slurmsettings.h"
#include "snapshotstore.h"

#include <QFile>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QStringList>

#include <memory>

class MetricsIngester;
class QTimer;
class RunStore;
class SlurmMonitor;
namespace Slurm {
struct CommandReply;
struct JobInfo;
} // namespace Slurm

// One tracked run, from submission to its recorded end (DESIGN.md, "A run's
// life"). It owns the process; nothing here ever waits: copying the project
// and hashing outputs run on the thread pool, the process reports through
// signals. The store must live on the job's thread.
//
// The script runs under runbench-launch, with its output going straight to
// driver_log.txt (tailed from there), so it outlives a workbench that is
// killed; adopt() takes such a run over again. With the target "slurm" the
// launcher runs in a cluster job instead of a child process (slurm.h): the
// job is submitted, watched and canceled through the scheduler's commands,
// and a job left running when its owner goes away is adopted by job id.
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
    // What submit() checks first: the script is a file of the project that
    // Runbench knows how to run on the target. Its path relative to the
    // project, or false with errorString().
    bool check(const QString &script, QString *relativePath);
    // Where the script runs: "local" (the default is the project's [run]
    // target) or "slurm". Set before submit().
    void setTarget(const QString &target) { m_target = target; }
    // Before submit(): the run is a child of that run (a sweep's), and its
    // script gets these variables too (RUNBENCH_SWEEP_INDEX, …).
    void setParentRun(const QString &parentRunId) { m_parentRunId = parentRunId; }
    void setExtraEnvironment(const QMap<QString, QString> &variables) { m_extraEnvironment = variables; }
    QString target() const { return m_target; }
    // The scheduler watcher cluster runs share (one squeue for all of them);
    // without one, the job makes its own.
    void setSlurmMonitor(SlurmMonitor *monitor) { m_monitor = monitor; }
    // Submitted to a cluster and not ended: it goes on without its owner.
    bool isOnCluster() const { return !m_jobId.isEmpty() && !m_finishing; }
    // Stops watching a cluster job, which goes on; whoever opens the
    // project next adopts it.
    void leaveOnCluster();
    // Preparing → Running → Completed/Failed/Canceled, then finished().
    void start();
    // Takes over a Running run whose owner died while its process (pid and
    // start time as recorded) still runs: tails its metrics and log again and
    // records its end. False if that process is gone. A cluster run is taken
    // over by its job id; the scheduler tells how it is doing.
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
    // Who runs it: $USER, $LOGNAME, else the account's name.
    static QString userName();

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
    // A cluster job: accepted by the scheduler (it no longer takes a place
    // among the runs started here at once), what the scheduler says about
    // it ("PENDING (Resources)", "RUNNING", or why it does not answer), and
    // that the scheduler answered at all.
    void submittedToCluster(const QString &jobId);
    void schedulerStateChanged(const QString &state);
    void schedulerAnswered();
    // The scheduler does not answer, or refused a cancel: a sentence. The
    // run stays as it is.
    void schedulerProblem(const QString &message);

private:
    void setStatus(RunStatus status);
    struct Prepared
    {
        QString error;
        SnapshotStore::Snapshot snapshot;
    };
    void prepared(const Prepared &result);
    void startProcess();
    QProcessEnvironment runEnvironment() const;
    // The interpreter, the script and its arguments, as the launcher starts them.
    QStringList fullCommand(const QString &workDir) const;
    // What a script using the real MLflow wrote into the run's own store
    // (MLFLOW_TRACKING_URI) joins the metrics file, once.
    void importMlflowStore();
    bool openLog();
    void readOutput();
    void poll(bool finalPoll);
    int launcherGraceMs() const;
    void signalAdopted(int sig);
    void processFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void processError(QProcess::ProcessError error);
    void finish(RunStatus status, int exitCode, QString error);
    // The cluster side (runjobcluster.cpp).
    SlurmMonitor *monitor();
    void submitToCluster();
    void clusterSubmitted(const Slurm::CommandReply &reply);
    void jobsUpdated(const QHash<QString, Slurm::JobInfo> &jobs, const QSet<QString> &forgotten);
    void schedulerUnreachable(const QString &message);
    void setSchedulerState(const QString &state, const QString &node = QString());
    void markClusterRunning(const QString &node, qint64 startUs);
    void pollCluster();
    void cancelClusterJob();
    void reportProblem(const QString &message); // said to the views; the run stays as it is
    bool adoptClusterRun();

    Project m_project;
    RunStore *m_store;
    RunRecord m_record;
    QStringList m_command; // interpreter and its arguments; empty: the script runs itself
    QString m_error;
    QString m_recordError; // the store refused this run's metrics
    int m_exitCode = -1;
    int m_graceMs = 5000;
    QString m_parentRunId;
    QMap<QString, QString> m_extraEnvironment;
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
    QString m_target = QStringLiteral("local");
    SlurmSettings m_slurm;
    SlurmMonitor *m_monitor = nullptr;
    bool m_monitorConnected = false;
    QString m_jobId; // once the scheduler accepted the job
    bool m_statusFileSeen = false;
    QProcess *m_scheduler = nullptr; // sbatch or scancel, while it runs
};

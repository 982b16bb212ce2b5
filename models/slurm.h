#pragma once

#include "project.h"
#include "runjob.h"
#include "runrecord.h"
#include "slurmsettings.h"

#include <QHash>
#include <QObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

class QProcess;
class QTimer;

// Runs on a Slurm cluster (README, "Running on a Slurm cluster"). A run whose
// target is "slurm" is prepared as a local one (snapshot, working checkout),
// then submitted with sbatch: the job runs the script under runbench-launch
// in the working checkout, so the metrics file, driver_log.txt, the launch
// status and ./outputs land in the run folder as for a local run. The
// project folder (and [store] artifact_root) must be on a file system the
// nodes see. Arguments travel as sbatch's own arguments after the batch
// script, never through a shell command line.

namespace Slurm {

// The batch script Runbench writes into a run folder. It holds no path and
// no argument: those arrive in the environment and as "$@".
QByteArray batchScript(const SlurmSettings &settings);
// sbatch's arguments for one run: the options, then the batch script, then
// the command (program and arguments) the launcher starts on the node.
QStringList sbatchArguments(const SlurmSettings &settings, const QString &jobName, const QString &workDir,
                            const QString &logPath, const QString &batchScriptPath, const QStringList &command);
// Where a project keeps the launcher its cluster jobs start (nodes see the
// project folder, not necessarily where Runbench is installed), and the copy
// brought up to date with the given one.
QString launcherCopyPath(const Project &project);
bool installLauncher(const QString &launcher, const Project &project, QString *error);
// How one of the scheduler's commands ended.
struct CommandReply
{
    int exitCode = -1; // -1 when it crashed or could not start
    QByteArray out;
    QByteArray err;
    QString startError; // why it could not start ("" when it did)
    bool ok() const { return startError.isEmpty() && exitCode == 0; }
    // Why it failed, in a sentence: its last line of errors, or what happened.
    QString why(const QString &program) const;
};
// Runs one of the scheduler's commands (sbatch, scancel) without waiting;
// done gets its reply on context's thread, once it ended or failed to start.
QProcess *runCommand(QObject *context, const QString &program, const QStringList &arguments,
                     const std::function<void(const CommandReply &)> &done,
                     const QProcessEnvironment &environment = QProcessEnvironment(),
                     const QString &workingDirectory = QString());
// The last non-empty line of a command's output.
QString lastLine(const QByteArray &text);
// The job id sbatch --parsable printed ("1234" or "1234;cluster"), "" if none.
QString parseJobId(const QByteArray &sbatchOutput);

// What the scheduler says about one job.
struct JobInfo
{
    QString id;
    QString state; // PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, …
    QString reason; // why it waits (Resources, Priority…), or why it ended
    QString node;
    QString partition;
    qint64 startUs = 0; // 0 until it started
    qint64 endUs = 0; // 0 until it ended
    int exitCode = -1; // the batch script's exit code, -1 unknown
    int signal = 0; // the signal that ended it, 0 none
};
// The format squeue is asked for, and the parser of its lines.
QString squeueFormat();
QHash<QString, JobInfo> parseSqueue(const QByteArray &output);
QString sacctFormat();
QHash<QString, JobInfo> parseSacct(const QByteArray &output);

bool isPending(const QString &state);
bool isRunning(const QString &state);
bool isEnded(const QString &state);

// How a run ended, from the scheduler's final state and the status the
// launcher left (when it got to write one).
struct Outcome
{
    RunStatus status = RunStatus::Failed;
    int exitCode = -1;
    QString error;
};
Outcome outcome(const JobInfo &job, const RunJob::Ending &launch);
// A job the scheduler no longer knows (purged, no accounting).
Outcome outcomeOfForgottenJob(const QString &jobId, const RunJob::Ending &launch);

} // namespace Slurm

// Asks the scheduler about every job it watches, with one squeue per
// interval (and sacct for jobs squeue no longer lists, when the cluster keeps
// accounting). Every command is an asynchronous QProcess on the thread this
// object lives on; nothing waits. A scheduler that does not answer within
// the command timeout is reported, and the jobs stay as they were.
class SlurmMonitor : public QObject
{
    Q_OBJECT

public:
    explicit SlurmMonitor(QObject *parent = nullptr);
    ~SlurmMonitor() override;

    void watch(const QString &jobId);
    void unwatch(const QString &jobId);
    // Asks at once (soon after a launcher's status file appeared, say).
    void refreshSoon();
    void setInterval(int msecs);
    void setCommandTimeout(int msecs) { m_timeoutMs = msecs; }

Q_SIGNALS:
    // jobs: what squeue (or sacct) said; forgotten: watched jobs neither knows.
    void jobsUpdated(const QHash<QString, Slurm::JobInfo> &jobs, const QSet<QString> &forgotten);
    // The scheduler's commands failed or did not answer: a sentence.
    void schedulerUnreachable(const QString &message);

private:
    void query();
    Slurm::CommandReply takeReply(); // of the command that just finished
    void squeueFinished();
    void sacctFinished();
    QProcess *startCommand(const QString &program, const QStringList &arguments);
    void failed(const QString &message);

    QSet<QString> m_jobs;
    QTimer *m_timer;
    QTimer *m_timeout;
    QProcess *m_process = nullptr;
    QStringList m_asked;
    QHash<QString, Slurm::JobInfo> m_answer;
    int m_timeoutMs = 20000;
    bool m_accounting = true; // until sacct says the cluster keeps none
};

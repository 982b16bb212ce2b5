// RunJob's cluster side: submitting a prepared run with sbatch, following
// its job through the scheduler and the files its launcher writes, and
// canceling it with scancel. See slurm.h.
#include "runjob.h"

#include "metricsingester.h"
#include "regularfile.h"
#include "runstore.h"
#include "slurm.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

SlurmMonitor *RunJob::monitor()
{
    if (!m_monitor) {
        m_monitor = new SlurmMonitor(this);
        m_monitor->setInterval(int(m_slurm.pollSeconds * 1000));
    }
    if (!m_monitorConnected) {
        m_monitorConnected = true;
        connect(m_monitor, &SlurmMonitor::jobsUpdated, this, &RunJob::jobsUpdated);
        connect(m_monitor, &SlurmMonitor::schedulerUnreachable, this, &RunJob::schedulerUnreachable);
    }
    return m_monitor;
}

void RunJob::submitToCluster()
{
    if (!openLog())
        return;
    const QString runDir = m_project.runDir(m_record.runId);
    const QString workDir = m_project.workDir(m_record.runId);
    const QString batchPath = runDir + QStringLiteral("/slurm_job.sh");
    QSaveFile batch(batchPath);
    const QByteArray script = Slurm::batchScript(m_slurm);
    if (!batch.open(QIODevice::WriteOnly) || batch.write(script) != script.size() || !batch.commit()) {
        finish(RunStatus::Failed, 1,
               tr("Cannot write the batch script %1: %2").arg(QDir::toNativeSeparators(batchPath), batch.errorString()));
        return;
    }
    QProcessEnvironment env = runEnvironment();
    env.insert(QStringLiteral("RUNBENCH_LAUNCHER"), Slurm::launcherCopyPath(m_project));
    env.insert(QStringLiteral("RUNBENCH_GRACE_MS"), QString::number(m_graceMs));
    m_command = fullCommand(workDir);

    m_scheduler = Slurm::runCommand(
        this, QStringLiteral("sbatch"),
        Slurm::sbatchArguments(m_slurm, m_record.runId, workDir, logPath(), batchPath, m_command),
        [this](const Slurm::CommandReply &reply) {
            m_scheduler = nullptr;
            clusterSubmitted(reply);
        },
        env, runDir);
}

void RunJob::clusterSubmitted(const Slurm::CommandReply &reply)
{
    if (!reply.startError.isEmpty()) {
        finish(RunStatus::Failed, 127,
               tr("sbatch could not be started (%1). Install Slurm's client commands (Debian package "
                  "slurm-client), or choose the Local target in Project settings.")
                   .arg(reply.startError));
        return;
    }
    const QString jobId = Slurm::parseJobId(reply.out);
    if (!reply.ok() || jobId.isEmpty()) {
        finish(RunStatus::Failed, 1, tr("Slurm did not accept the job: %1").arg(reply.why(QStringLiteral("sbatch"))));
        return;
    }
    m_jobId = jobId;
    m_record.jobId = jobId;
    m_record.partition = m_slurm.partition;
    m_store->setRunSubmitted(m_record.id, jobId, m_slurm.partition);
    setStatus(RunStatus::Queued);
    Q_EMIT submittedToCluster(jobId);
    monitor()->watch(jobId);
    monitor()->refreshSoon();
    m_pollTimer->start();
    if (m_cancelRequested)
        cancelClusterJob();
}

bool RunJob::adoptClusterRun()
{
    if (m_record.jobId.isEmpty())
        return false; // it never reached the scheduler
    m_target = QStringLiteral("slurm");
    m_jobId = m_record.jobId;
    m_ingester = std::make_unique<MetricsIngester>(m_store, m_record.id, metricsPath());
    if (RegularFile::open(m_log, logPath(), RegularFile::Mode::Read))
        m_logOffset = qMax<qint64>(0, m_log.size() - 64 * 1024); // the tail of what came before
    m_pollTimer->start();
    m_store->heartbeat({ m_record.id });
    m_heartbeatTimer->start();
    monitor()->watch(m_jobId);
    monitor()->refreshSoon();
    return true;
}

void RunJob::leaveOnCluster()
{
    if (!isOnCluster())
        return;
    m_pollTimer->stop();
    m_heartbeatTimer->stop();
    monitor()->unwatch(m_jobId);
    m_store->releaseRun(m_record.id);
}

void RunJob::setSchedulerState(const QString &state, const QString &node)
{
    if (state == m_record.schedulerState && (node.isEmpty() || node == m_record.node))
        return;
    m_record.schedulerState = state;
    if (!node.isEmpty())
        m_record.node = node;
    m_store->setRunScheduler(m_record.id, state, node, m_record.partition);
    Q_EMIT schedulerStateChanged(state);
}

void RunJob::markClusterRunning(const QString &node, qint64 startUs)
{
    if (m_record.status == RunStatus::Running)
        return;
    // The launcher's note is to the millisecond, the scheduler's to the second.
    const QFileInfo started(m_project.runDir(m_record.runId) + QStringLiteral("/launch_started"));
    if (started.exists())
        startUs = started.lastModified().toMSecsSinceEpoch() * 1000;
    m_record.startUs = startUs > 0 ? startUs : QDateTime::currentMSecsSinceEpoch() * 1000;
    m_store->setRunStarted(m_record.id, 0, m_record.startUs);
    setSchedulerState(QStringLiteral("RUNNING"), node);
    setStatus(RunStatus::Running);
}

void RunJob::pollCluster()
{
    const QString runDir = m_project.runDir(m_record.runId);
    if (m_record.status != RunStatus::Running) {
        // The launcher on the node says the script started: sooner than the
        // next question to the scheduler.
        const QString started = QString::fromUtf8(RegularFile::read(runDir + QStringLiteral("/launch_started"), 1024));
        if (!started.isEmpty())
            markClusterRunning(started.section(QLatin1Char(' '), 0, 0).trimmed(), 0);
    }
    if (!m_statusFileSeen && QFileInfo::exists(statusPath(m_project, m_record.runId))) {
        m_statusFileSeen = true; // the script ended: the scheduler soon says how the job did
        monitor()->refreshSoon();
    }
}

void RunJob::jobsUpdated(const QHash<QString, Slurm::JobInfo> &jobs, const QSet<QString> &forgotten)
{
    if (m_jobId.isEmpty() || m_finishing)
        return;
    const auto it = jobs.constFind(m_jobId);
    if (it == jobs.constEnd() && !forgotten.contains(m_jobId))
        return;
    Q_EMIT schedulerAnswered();
    const QString program = m_command.isEmpty() ? m_record.script : m_command.first();
    const QFileInfo statusFile(statusPath(m_project, m_record.runId));
    if (it == jobs.constEnd()) {
        readOutput();
        if (statusFile.exists())
            m_record.endUs = statusFile.lastModified().toMSecsSinceEpoch() * 1000;
        const Slurm::Outcome o
            = Slurm::outcomeOfForgottenJob(m_jobId, readEnding(statusPath(m_project, m_record.runId), program));
        finish(o.status, o.exitCode, o.error);
        return;
    }
    const Slurm::JobInfo &job = *it;
    if (m_record.partition.isEmpty())
        m_record.partition = job.partition;
    const QString state = job.reason.isEmpty() ? job.state : QStringLiteral("%1 (%2)").arg(job.state, job.reason);
    if (Slurm::isPending(job.state)) {
        setSchedulerState(state);
    } else if (Slurm::isRunning(job.state)) {
        markClusterRunning(job.node, job.startUs);
        setSchedulerState(state, job.node);
    } else {
        readOutput();
        m_record.endUs = statusFile.exists() ? statusFile.lastModified().toMSecsSinceEpoch() * 1000 : job.endUs;
        if (!job.node.isEmpty())
            setSchedulerState(state, job.node);
        Slurm::Outcome o = Slurm::outcome(job, readEnding(statusPath(m_project, m_record.runId), program));
        if (o.status == RunStatus::Canceled && m_cancelRequested)
            o.error = tr("Canceled by the user.");
        const bool scriptStarted = QFileInfo::exists(m_project.runDir(m_record.runId) + QStringLiteral("/launch_started"));
        if (o.status == RunStatus::Failed && !scriptStarted && !statusFile.exists())
            o.error = tr("Slurm job %1 ended (%2) before the script started%3. Its set-up lines failed, or the node "
                         "could not start runbench-launch or write to the run folder %4: the project folder must be "
                         "on a file system the cluster's nodes see. The job's own messages are in driver_log.txt.")
                          .arg(m_jobId, job.state,
                               job.node.isEmpty() ? QString() : tr(" on %1").arg(job.node),
                               QDir::toNativeSeparators(m_project.runDir(m_record.runId)));
        finish(o.status, o.exitCode, o.error);
    }
}

void RunJob::schedulerUnreachable(const QString &message)
{
    if (m_jobId.isEmpty() || m_finishing)
        return;
    reportProblem(message); // the run stays as it is
    Q_EMIT schedulerAnswered();
}

void RunJob::reportProblem(const QString &message)
{
    setSchedulerState(message);
    Q_EMIT schedulerProblem(message);
}

void RunJob::cancelClusterJob()
{
    m_cancelRequested = true;
    if (m_scheduler)
        return; // sbatch is still out (canceled once it answers), or scancel is
    m_scheduler = Slurm::runCommand(this, QStringLiteral("scancel"), { m_jobId },
                                    [this](const Slurm::CommandReply &reply) {
                                        m_scheduler = nullptr;
                                        if (reply.ok())
                                            monitor()->refreshSoon();
                                        else
                                            reportProblem(tr("Cancel failed: %1").arg(reply.why(QStringLiteral("scancel"))));
                                    });
}

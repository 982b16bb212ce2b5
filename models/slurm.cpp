#include "slurm.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QProcess>
#include <QTimer>

#include <csignal>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Slurm", text); }

qint64 timeUs(const QString &text)
{
    // Slurm prints local times without a zone ("2026-11-29T05:40:26").
    const QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() * 1000 : 0;
}

} // namespace

QString Slurm::lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromLocal8Bit(lines.last().trimmed());
}

QString Slurm::CommandReply::why(const QString &program) const
{
    if (!startError.isEmpty())
        return QCoreApplication::translate("Slurm", "%1 could not be started (%2).").arg(program, startError);
    const QString line = lastLine(err);
    return line.isEmpty() ? QCoreApplication::translate("Slurm", "%1 exited with code %2.").arg(program).arg(exitCode)
                          : line;
}

QProcess *Slurm::runCommand(QObject *context, const QString &program, const QStringList &arguments,
                            const std::function<void(const CommandReply &)> &done,
                            const QProcessEnvironment &environment, const QString &workingDirectory)
{
    auto *process = new QProcess(context);
    if (!environment.isEmpty())
        process->setProcessEnvironment(environment);
    process->setWorkingDirectory(workingDirectory);
    process->setStandardInputFile(QProcess::nullDevice());
    QObject::connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), context,
                     [process, done](int exitCode, QProcess::ExitStatus status) {
                         process->deleteLater();
                         CommandReply reply;
                         reply.exitCode = status == QProcess::NormalExit ? exitCode : -1;
                         reply.out = process->readAllStandardOutput();
                         reply.err = process->readAllStandardError();
                         done(reply);
                     });
    QObject::connect(process, &QProcess::errorOccurred, context, [process, done](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // crashes also arrive through finished()
        process->deleteLater();
        CommandReply reply;
        reply.startError = process->errorString();
        done(reply);
    });
    process->start(program, arguments);
    return process;
}

bool SlurmSettings::operator==(const SlurmSettings &o) const
{
    return partition == o.partition && timeLimit == o.timeLimit && cpusPerTask == o.cpusPerTask
        && memory == o.memory && gres == o.gres && extraOptions == o.extraOptions && setupLines == o.setupLines
        && qFuzzyCompare(pollSeconds, o.pollSeconds);
}

QByteArray Slurm::batchScript(const SlurmSettings &settings)
{
    QByteArray script = "#!/bin/bash\n"
                        "# Written by Runbench for one run: starts the run's script under runbench-launch\n"
                        "# in the run's working checkout. Paths come from the environment, the command\n"
                        "# (program and arguments, verbatim) as this script's own arguments.\n";
    if (!settings.setupLines.isEmpty()) {
        script += "# Set-up lines of the project's [slurm] settings:\n";
        for (const QString &line : settings.setupLines)
            script += line.toUtf8() + '\n';
    }
    script += "exec \"$RUNBENCH_LAUNCHER\" --grace \"$RUNBENCH_GRACE_MS\" --started \"$RUNBENCH_RUN_DIR/launch_started\" "
              "\"$RUNBENCH_RUN_DIR/launch_status\" \"$@\"\n";
    return script;
}

QStringList Slurm::sbatchArguments(const SlurmSettings &s, const QString &jobName, const QString &workDir,
                                   const QString &logPath, const QString &batchScriptPath, const QStringList &command)
{
    QStringList args { QStringLiteral("--parsable"), QStringLiteral("--job-name=") + jobName,
                       QStringLiteral("--chdir=") + workDir, QStringLiteral("--output=") + logPath,
                       QStringLiteral("--open-mode=append") };
    if (!s.partition.isEmpty())
        args << QStringLiteral("--partition=") + s.partition;
    if (!s.timeLimit.isEmpty())
        args << QStringLiteral("--time=") + s.timeLimit;
    if (s.cpusPerTask > 0)
        args << QStringLiteral("--cpus-per-task=") + QString::number(s.cpusPerTask);
    if (!s.memory.isEmpty())
        args << QStringLiteral("--mem=") + s.memory;
    if (!s.gres.isEmpty())
        args << QStringLiteral("--gres=") + s.gres;
    for (const QString &option : s.extraOptions)
        if (!option.trimmed().isEmpty())
            args << option.trimmed();
    args << batchScriptPath;
    args += command;
    return args;
}

QString Slurm::launcherCopyPath(const Project &project) { return project.dataDir() + QStringLiteral("/bin/runbench-launch"); }

bool Slurm::installLauncher(const QString &launcher, const Project &project, QString *error)
{
    const QString target = launcherCopyPath(project);
    if (launcher.isEmpty()) {
        *error = tr("runbench-launch, which starts every script, was not found. Reinstall Runbench.");
        return false;
    }
    QFile in(launcher);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("runbench-launch, which starts every script, cannot be read at %1. Reinstall Runbench.")
                     .arg(QDir::toNativeSeparators(launcher));
        return false;
    }
    const QByteArray content = in.readAll();
    QFile existing(target);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == content)
        return true;
    existing.close();
    QSaveFile out(target);
    if (!project.makePrivateFolder(QFileInfo(target).absolutePath()) || !out.open(QIODevice::WriteOnly)
        || out.write(content) != content.size() || !out.commit()
        || !QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                              | QFile::ExeGroup)) {
        *error = tr("Cannot copy runbench-launch to %1, where the cluster's nodes start it.")
                     .arg(QDir::toNativeSeparators(target));
        return false;
    }
    return true;
}

QString Slurm::parseJobId(const QByteArray &sbatchOutput)
{
    // "1234" or "1234;cluster"; sbatch may print warnings on lines before it.
    const QString line = lastLine(sbatchOutput);
    const QString id = line.section(QLatin1Char(';'), 0, 0).trimmed();
    bool ok = false;
    id.toLongLong(&ok);
    return ok ? id : QString();
}

QString Slurm::squeueFormat()
{
    return QStringLiteral("JobID:|,State:|,Reason:|,NodeList:|,StartTime:|,exit_code:|,Partition:|,EndTime:|");
}

QHash<QString, Slurm::JobInfo> Slurm::parseSqueue(const QByteArray &output)
{
    QHash<QString, JobInfo> jobs;
    for (const QByteArray &raw : output.split('\n')) {
        const QStringList f = QString::fromUtf8(raw).trimmed().split(QLatin1Char('|'));
        if (f.size() < 8 || f.at(0).isEmpty())
            continue;
        JobInfo job;
        job.partition = f.at(6);
        job.id = f.at(0);
        job.state = f.at(1);
        job.reason = f.at(2) == QLatin1String("None") ? QString() : f.at(2);
        job.node = f.at(3);
        job.startUs = isPending(job.state) ? 0 : timeUs(f.at(4));
        bool ok = false;
        const int status = f.at(5).toInt(&ok); // a wait status, as waitpid() gives it
        if (ok && isEnded(job.state)) {
            job.exitCode = (status >> 8) & 0xff;
            job.signal = status & 0x7f;
            job.endUs = timeUs(f.at(7));
        }
        jobs.insert(job.id, job);
    }
    return jobs;
}

QString Slurm::sacctFormat() { return QStringLiteral("JobID,State,Reason,NodeList,Start,ExitCode,Partition,End"); }

QHash<QString, Slurm::JobInfo> Slurm::parseSacct(const QByteArray &output)
{
    QHash<QString, JobInfo> jobs;
    for (const QByteArray &raw : output.split('\n')) {
        const QStringList f = QString::fromUtf8(raw).trimmed().split(QLatin1Char('|'));
        if (f.size() < 8 || f.at(0).isEmpty() || f.at(0).contains(QLatin1Char('.')))
            continue; // job steps ("1234.batch") are not the job
        JobInfo job;
        job.partition = f.at(6);
        job.endUs = timeUs(f.at(7));
        job.id = f.at(0);
        job.state = f.at(1).section(QLatin1Char(' '), 0, 0); // "CANCELLED by 0"
        job.reason = f.at(2) == QLatin1String("None") ? QString() : f.at(2);
        job.node = f.at(3) == QLatin1String("None assigned") ? QString() : f.at(3);
        job.startUs = timeUs(f.at(4));
        const QStringList code = f.at(5).split(QLatin1Char(':')); // "exit:signal"
        if (code.size() == 2 && isEnded(job.state)) {
            job.exitCode = code.at(0).toInt();
            job.signal = code.at(1).toInt();
        }
        jobs.insert(job.id, job);
    }
    return jobs;
}

bool Slurm::isPending(const QString &state)
{
    return state == QLatin1String("PENDING") || state == QLatin1String("CONFIGURING")
        || state == QLatin1String("REQUEUED") || state == QLatin1String("REQUEUE_HOLD")
        || state == QLatin1String("REQUEUE_FED") || state == QLatin1String("RESV_DEL_HOLD");
}

bool Slurm::isRunning(const QString &state)
{
    return state == QLatin1String("RUNNING") || state == QLatin1String("COMPLETING")
        || state == QLatin1String("SUSPENDED") || state == QLatin1String("STOPPED")
        || state == QLatin1String("SIGNALING") || state == QLatin1String("STAGE_OUT")
        || state == QLatin1String("RESIZING");
}

bool Slurm::isEnded(const QString &state) { return !state.isEmpty() && !isPending(state) && !isRunning(state); }

Slurm::Outcome Slurm::outcome(const JobInfo &job, const RunJob::Ending &launch)
{
    Outcome o;
    const QString &s = job.state;
    const int exitCode = launch.known ? launch.exitCode : job.signal > 0 ? 128 + job.signal : job.exitCode;
    if (s == QLatin1String("COMPLETED")) {
        if (launch.known) { // the launcher's word on the script
            o.status = launch.status;
            o.exitCode = launch.exitCode;
            o.error = launch.error;
        } else {
            o.status = RunStatus::Completed;
            o.exitCode = 0;
        }
    } else if (s == QLatin1String("FAILED")) {
        o.status = RunStatus::Failed;
        o.exitCode = exitCode;
        o.error = launch.known ? launch.error
                               : tr("Slurm job %1 failed with exit code %2 before the script ended.")
                                     .arg(job.id)
                                     .arg(job.exitCode);
    } else if (s == QLatin1String("CANCELLED")) {
        o.status = RunStatus::Canceled;
        o.exitCode = 130;
        o.error = tr("Slurm job %1 was canceled.").arg(job.id);
    } else if (s == QLatin1String("TIMEOUT") || s == QLatin1String("DEADLINE")) {
        o.status = RunStatus::Failed;
        o.exitCode = exitCode;
        o.error = tr("Slurm stopped job %1 at its time limit (%2).").arg(job.id, s);
    } else if (s == QLatin1String("OUT_OF_MEMORY")) {
        o.status = RunStatus::Failed;
        o.exitCode = exitCode;
        o.error = tr("Slurm stopped job %1: it ran out of memory (OUT_OF_MEMORY).").arg(job.id);
    } else if (s == QLatin1String("NODE_FAIL") || s == QLatin1String("BOOT_FAIL")) {
        o.status = RunStatus::Lost;
        o.exitCode = -1;
        o.error = tr("The node of Slurm job %1 failed (%2); the script's end is unknown.").arg(job.id, s);
    } else { // PREEMPTED, REVOKED, SPECIAL_EXIT and what later versions add
        o.status = RunStatus::Failed;
        o.exitCode = exitCode;
        o.error = tr("Slurm ended job %1 as %2.").arg(job.id, s);
    }
    if (!launch.known && !job.reason.isEmpty() && o.status == RunStatus::Failed)
        o.error += QLatin1Char(' ') + tr("Slurm's reason: %1.").arg(job.reason);
    return o;
}

Slurm::Outcome Slurm::outcomeOfForgottenJob(const QString &jobId, const RunJob::Ending &launch)
{
    Outcome o;
    if (launch.known) {
        o.status = launch.status;
        o.exitCode = launch.exitCode;
        o.error = launch.error;
        return o;
    }
    o.status = RunStatus::Lost;
    o.error = tr("Slurm no longer knows job %1, and its script left no exit status: it never started, or its "
                 "node could not write to the run folder.")
                  .arg(jobId);
    return o;
}

SlurmMonitor::SlurmMonitor(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_timeout(new QTimer(this))
{
    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &SlurmMonitor::query);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        const QString program = m_process ? m_process->program() : QString();
        failed(tr("The Slurm scheduler does not answer: %1 gave no reply within %2 seconds.")
                   .arg(program)
                   .arg(m_timeoutMs / 1000));
    });
}

SlurmMonitor::~SlurmMonitor()
{
    if (m_process)
        m_process->disconnect(this); // a child: killed as it is deleted
}

void SlurmMonitor::setInterval(int msecs) { m_timer->setInterval(qMax(50, msecs)); }

void SlurmMonitor::watch(const QString &jobId)
{
    m_jobs.insert(jobId);
    if (!m_timer->isActive())
        m_timer->start();
}

void SlurmMonitor::unwatch(const QString &jobId)
{
    m_jobs.remove(jobId);
    if (m_jobs.isEmpty())
        m_timer->stop();
}

void SlurmMonitor::refreshSoon() { QTimer::singleShot(50, this, &SlurmMonitor::query); }

QProcess *SlurmMonitor::startCommand(const QString &program, const QStringList &arguments)
{
    auto *process = new QProcess(this);
    process->setStandardInputFile(QProcess::nullDevice());
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && process == m_process)
            failed(tr("%1 was not found: install Slurm's client commands (Debian package slurm-client), "
                      "or choose the Local target in Project settings.")
                       .arg(process->program()));
    });
    m_process = process;
    m_timeout->start(m_timeoutMs);
    process->start(program, arguments);
    return process;
}

void SlurmMonitor::failed(const QString &message)
{
    m_timeout->stop();
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        connect(m_process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), m_process,
                &QObject::deleteLater);
        if (m_process->state() == QProcess::NotRunning)
            m_process->deleteLater();
        m_process = nullptr;
    }
    Q_EMIT schedulerUnreachable(message);
}

void SlurmMonitor::query()
{
    if (m_process || m_jobs.isEmpty())
        return; // the last question is still out
    m_asked = QStringList(m_jobs.cbegin(), m_jobs.cend());
    m_answer.clear();
    QProcess *p = startCommand(QStringLiteral("squeue"),
                               { QStringLiteral("--noheader"), QStringLiteral("--states=all"),
                                 QStringLiteral("--jobs=") + m_asked.join(QLatin1Char(',')),
                                 QStringLiteral("--Format=") + Slurm::squeueFormat() });
    connect(p, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this, &SlurmMonitor::squeueFinished);
}

Slurm::CommandReply SlurmMonitor::takeReply()
{
    QProcess *p = m_process;
    m_timeout->stop();
    m_process = nullptr;
    p->deleteLater();
    Slurm::CommandReply reply;
    reply.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    reply.out = p->readAllStandardOutput();
    reply.err = p->readAllStandardError();
    return reply;
}

void SlurmMonitor::squeueFinished()
{
    const Slurm::CommandReply r = takeReply();
    // squeue fails when none of the jobs is known any more: that is an answer.
    if (r.exitCode != 0 && !r.err.contains("Invalid job id")) {
        failed(tr("The Slurm scheduler did not answer: %1").arg(r.why(QStringLiteral("squeue"))));
        return;
    }
    m_answer = Slurm::parseSqueue(r.out);
    QStringList missing;
    for (const QString &id : std::as_const(m_asked))
        if (!m_answer.contains(id))
            missing.append(id);
    if (missing.isEmpty() || !m_accounting) {
        Q_EMIT jobsUpdated(m_answer, QSet<QString>(missing.cbegin(), missing.cend()));
        return;
    }
    m_asked = missing;
    QProcess *sacct = startCommand(QStringLiteral("sacct"),
                                   { QStringLiteral("--noheader"), QStringLiteral("--parsable2"),
                                     QStringLiteral("--allocations"),
                                     QStringLiteral("--jobs=") + missing.join(QLatin1Char(',')),
                                     QStringLiteral("--format=") + Slurm::sacctFormat() });
    connect(sacct, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this, &SlurmMonitor::sacctFinished);
}

void SlurmMonitor::sacctFinished()
{
    const Slurm::CommandReply r = takeReply();
    if (r.exitCode != 0 && (r.err + r.out).contains("accounting storage is disabled"))
        m_accounting = false; // asked once: squeue alone from now on
    const QHash<QString, Slurm::JobInfo> found
        = r.exitCode == 0 ? Slurm::parseSacct(r.out) : QHash<QString, Slurm::JobInfo> {};
    QSet<QString> forgotten;
    for (const QString &id : std::as_const(m_asked)) {
        if (found.contains(id))
            m_answer.insert(id, found.value(id));
        else
            forgotten.insert(id);
    }
    Q_EMIT jobsUpdated(m_answer, forgotten);
}

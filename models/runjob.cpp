#include "runjob.h"

#include "argumentline.h"
#include "artifactfiles.h"
#include "metricsingester.h"
#include "mlflowimport.h"
#include "pythonclient.h"
#include "regularfile.h"
#include "runstore.h"
#include "slurm.h"
#include "snapshotstore.h"
#include "workingfolder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <csignal>
#include <pwd.h>
#include <unistd.h>
#include <utility>

namespace {

qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}


QString signalName(int sig)
{
    switch (sig) {
    case SIGKILL: return QStringLiteral("SIGKILL");
    case SIGTERM: return QStringLiteral("SIGTERM");
    case SIGINT: return QStringLiteral("SIGINT");
    case SIGSEGV: return QStringLiteral("SIGSEGV");
    case SIGABRT: return QStringLiteral("SIGABRT");
    default: return QStringLiteral("signal %1").arg(sig);
    }
}

} // namespace

RunJob::RunJob(const Project &project, RunStore *store, QObject *parent)
    : QObject(parent)
    , m_project(project)
    , m_store(store)
    , m_pollTimer(new QTimer(this))
    , m_heartbeatTimer(new QTimer(this))
    , m_target(project.runTarget())
    , m_slurm(project.slurmSettings())
{
    qRegisterMetaType<RunStatus>("RunStatus");
    m_pollTimer->setInterval(250);
    connect(m_pollTimer, &QTimer::timeout, this, [this] { poll(false); });
    // Every machine reading the history sees that this run's owner is alive;
    // a few heartbeats fit in the project's limit for silent runs.
    m_heartbeatTimer->setInterval(qBound(250, project.lostAfterSeconds() * 1000 / 4, 5000));
    connect(m_heartbeatTimer, &QTimer::timeout, this, [this] {
        if (m_record.id != 0)
            m_store->heartbeat({ m_record.id });
    });
}

RunJob::~RunJob()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
    }
}

void RunJob::setPollInterval(int msecs) { m_pollTimer->setInterval(msecs); }

QString RunJob::logPath() const { return m_project.runDir(m_record.runId) + QStringLiteral("/driver_log.txt"); }

QString RunJob::metricsPath() const { return m_project.runDir(m_record.runId) + QStringLiteral("/metrics.jsonl"); }

qint64 RunJob::ingestedRecords() const { return m_ingester ? m_ingester->storedRecords() : 0; }
int RunJob::skippedLines() const { return m_ingester ? m_ingester->skippedLines() : 0; }

bool RunJob::check(const QString &script, QString *relativePath)
{
    const QFileInfo info(QDir(m_project.root()).absoluteFilePath(script));
    const QString relative = QDir(m_project.root()).relativeFilePath(info.absoluteFilePath());
    if (!info.isFile()) {
        m_error = tr("The script %1 does not exist in the project %2.")
                      .arg(script, QDir::toNativeSeparators(m_project.root()));
        return false;
    }
    if (relative.startsWith(QLatin1String("../"))) {
        m_error
            = tr("The script %1 is outside the project %2: only the project's own files are tracked.")
                  .arg(QDir::toNativeSeparators(info.absoluteFilePath()), QDir::toNativeSeparators(m_project.root()));
        return false;
    }
    if (!Project::runTargets().contains(m_target)) {
        m_error = tr("“%1” is not a target Runbench knows; use one of: %2.")
                      .arg(m_target, Project::runTargets().join(QStringLiteral(", ")));
        return false;
    }
    if (m_target == QLatin1String("slurm") && QStandardPaths::findExecutable(QStringLiteral("sbatch")).isEmpty()) {
        m_error = tr("The project runs scripts on a Slurm cluster, but sbatch was not found. Install Slurm's "
                     "client commands (Debian package slurm-client), or choose the Local target in Project "
                     "settings.");
        return false;
    }
    m_command = m_project.interpreterFor(relative);
    if (m_command.isEmpty()) {
        if (!info.isExecutable()) {
            m_error = tr("Runbench does not know how to run %1: give files ending in “.%2” an "
                         "interpreter in the [interpreters] group of %3, or make the script executable.")
                          .arg(relative, info.suffix(), QDir::toNativeSeparators(m_project.iniPath()));
            return false;
        }
    } else {
        const QString program = m_command.first();
        const bool found = program.contains(QLatin1Char('/')) ? QFileInfo(program).isExecutable()
                                                              : !QStandardPaths::findExecutable(program).isEmpty();
        if (!found) {
            m_error = tr("The interpreter “%1” for %2 was not found. Install it, or set "
                         "interpreters/%3 in %4.")
                          .arg(program, relative, info.suffix(), QDir::toNativeSeparators(m_project.iniPath()));
            return false;
        }
    }
    *relativePath = relative;
    return true;
}

bool RunJob::submit(const QString &script, const QStringList &arguments)
{
    QString relative;
    if (!check(script, &relative))
        return false;
    QString error;
    if (!m_project.ensureDataDir(&error)) {
        m_error = error;
        return false;
    }
    if (!m_store->useProject(m_project)) {
        m_error = m_store->lastError();
        return false;
    }
    const auto record = m_store->createRun(m_project.runIdPrefix(), relative, arguments, RunJob::userName(),
                                           Project::hostName(), m_target, m_parentRunId);
    if (!record) {
        m_error = m_store->lastError();
        return false;
    }
    m_record = *record;
    if (!QDir().mkpath(m_project.runDir(m_record.runId))) {
        finish(RunStatus::Failed, 1,
               tr("Cannot create the run folder %1.").arg(QDir::toNativeSeparators(m_project.runDir(m_record.runId))));
        return false;
    }
    m_ingester = std::make_unique<MetricsIngester>(m_store, m_record.id, metricsPath());
    m_heartbeatTimer->start();
    return true;
}

void RunJob::setStatus(RunStatus status)
{
    if (m_record.status == status)
        return;
    m_record.status = status;
    Q_EMIT statusChanged(status);
}

void RunJob::start()
{
    if (m_record.id == 0 || m_record.status != RunStatus::Queued)
        return;
    if (m_cancelRequested) {
        finish(RunStatus::Canceled, 130, tr("Canceled before it started."));
        return;
    }
    m_store->setRunStatus(m_record.id, RunStatus::Preparing);
    m_preparingUs = nowUs();
    setStatus(RunStatus::Preparing);
    const Project project = m_project;
    const QString workDir = project.workDir(m_record.runId);
    const QString runId = m_record.runId;
    // A cluster's nodes start the launcher from the project's own folder,
    // which they see; the installed one may not be there.
    const bool cluster = m_target == QLatin1String("slurm");
    const QString launcher = cluster ? launcherPath() : QString();
    const QString message = QStringLiteral("Run %1 (number %2): %3 %4")
                                .arg(runId)
                                .arg(m_record.number)
                                .arg(m_record.script, ArgumentLine::join(m_record.arguments));
    auto *watcher = new QFutureWatcher<Prepared>(this);
    connect(watcher, &QFutureWatcher<Prepared>::finished, this, [this, watcher] {
        watcher->deleteLater();
        prepared(watcher->result());
    });
    // Snapshot the project, then check the snapshot out as the working folder,
    // so that what runs is exactly what was recorded.
    watcher->setFuture(QtConcurrent::run([project, workDir, runId, message, cluster, launcher]() -> Prepared {
        Prepared result;
        if (QFileInfo::exists(workDir))
            QDir(workDir).removeRecursively();
        SnapshotStore snapshots(project);
        std::optional<SnapshotStore::Snapshot> snapshot;
        if (!snapshots.open() || !(snapshot = snapshots.snapshot(runId, message))) {
            result.error = snapshots.errorString();
            return result;
        }
        result.snapshot = *snapshot;
        if (!snapshots.checkout(snapshot->commitId, workDir)) {
            result.error = snapshots.errorString();
            return result;
        }
        // What the snapshot left out is linked in: the script sees the
        // project as the user does, and the run lists what is not recorded.
        const WorkingFolder::Result linked = WorkingFolder::linkLeftOut(project.root(), workDir);
        QStringList leftOut = linked.leftOut;
        for (const QString &entry : std::as_const(result.snapshot.leftOut))
            if (!leftOut.contains(entry))
                leftOut.append(entry);
        result.snapshot.leftOut = leftOut;
        if (!linked.error.isEmpty()) {
            result.error = linked.error;
            return result;
        }
        if (PythonClient::install(project.clientDir(), &result.error) && cluster)
            Slurm::installLauncher(launcher, project, &result.error);
        return result;
    }));
}

void RunJob::prepared(const Prepared &result)
{
    if (!result.snapshot.commitId.isEmpty()) {
        m_record.commitId = result.snapshot.commitId;
        m_record.gitCommit = result.snapshot.gitCommit;
        m_record.gitDirty = result.snapshot.gitDirty;
        m_record.leftOut = result.snapshot.leftOut;
        if (!m_store->setRunSnapshot(m_record.id, m_record.commitId, m_record.gitCommit, m_record.gitDirty,
                                     m_record.leftOut)) {
            finish(RunStatus::Failed, 1, tr("The run's snapshot could not be recorded: %1").arg(m_store->lastError()));
            return;
        }
    }
    if (m_cancelRequested) {
        finish(RunStatus::Canceled, 130, tr("Canceled before it started."));
        return;
    }
    if (!result.error.isEmpty()) {
        finish(RunStatus::Failed, 1, result.error);
        return;
    }
    startProcess();
}

bool RunJob::openLog()
{
    QFile create;
    QString error;
    if (!RegularFile::open(create, logPath(), RegularFile::Mode::Append, &error)
        || !RegularFile::open(m_log, logPath(), RegularFile::Mode::Read, &error)) {
        finish(RunStatus::Failed, 1, tr("Cannot write the driver log: %1").arg(error));
        return false;
    }
    m_logOffset = m_log.size();
    return true;
}

QProcessEnvironment RunJob::runEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RUNBENCH_RUN_ID"), m_record.runId);
    env.insert(QStringLiteral("RUNBENCH_RUN_NUMBER"), QString::number(m_record.number));
    env.insert(QStringLiteral("RUNBENCH_RUN_DIR"), m_project.runDir(m_record.runId));
    env.insert(QStringLiteral("RUNBENCH_METRICS_FILE"), metricsPath());
    env.insert(QStringLiteral("RUNBENCH_PROJECT_DIR"), m_project.root());
    env.insert(QStringLiteral("RUNBENCH_SHARED_DIR"), m_project.sharedDir());
    env.insert(QStringLiteral("RUNBENCH_OUTPUTS_DIR"), m_project.workDir(m_record.runId) + QStringLiteral("/outputs"));
    // A script using the real MLflow logs into a store of the run's own,
    // imported as the run ends (see importMlflowStore()).
    env.insert(QStringLiteral("MLFLOW_TRACKING_URI"),
               QUrl::fromLocalFile(m_project.runDir(m_record.runId) + QStringLiteral("/mlruns")).toString());
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    for (auto it = m_extraEnvironment.cbegin(); it != m_extraEnvironment.cend(); ++it)
        env.insert(it.key(), it.value());
    const QString pythonPath = env.value(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONPATH"),
               pythonPath.isEmpty() ? m_project.clientDir() : m_project.clientDir() + QLatin1Char(':') + pythonPath);
    return env;
}

void RunJob::startProcess()
{
    if (m_target == QLatin1String("slurm")) {
        submitToCluster();
        return;
    }
    const QString launcher = launcherPath();
    if (launcher.isEmpty()) {
        finish(RunStatus::Failed, 127,
               tr("runbench-launch, which starts every script, was not found next to %1. Reinstall Runbench.")
                   .arg(QDir::toNativeSeparators(QCoreApplication::applicationDirPath())));
        return;
    }
    if (!openLog())
        return;
    const QString workDir = m_project.workDir(m_record.runId);
    m_process = new QProcess(this);
    m_process->setProcessEnvironment(runEnvironment());
    m_process->setWorkingDirectory(workDir);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardInputFile(QProcess::nullDevice()); // input() and stdin.read() end at once
    m_process->setStandardOutputFile(logPath(), QIODevice::Append);
    connect(m_process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this, &RunJob::processFinished);
    connect(m_process, &QProcess::errorOccurred, this, &RunJob::processError);
    connect(m_process, &QProcess::started, this, [this] {
        m_record.startUs = nowUs();
        m_record.pid = m_process->processId();
        m_store->setRunStarted(m_record.id, m_record.pid, m_record.startUs);
        setStatus(RunStatus::Running);
        m_pollTimer->start();
    });
    m_command = fullCommand(workDir);
    m_process->start(
        launcher,
        QStringList { QStringLiteral("--grace"), QString::number(m_graceMs), statusPath(m_project, m_record.runId) }
            + m_command);
}

QStringList RunJob::fullCommand(const QString &workDir) const
{
    QStringList arguments = m_command.mid(1);
    QString program;
    if (m_command.isEmpty()) {
        program = workDir + QLatin1Char('/') + m_record.script;
    } else {
        program = m_command.first();
        arguments.append(m_record.script);
    }
    return QStringList { program } + arguments + m_record.arguments;
}

void RunJob::readOutput()
{
    if (!m_log.isOpen())
        return;
    // Read what the script wrote since the last look, in bounded pieces.
    while (true) {
        if (!m_log.seek(m_logOffset))
            return;
        const QByteArray data = m_log.read(1 << 20);
        if (data.isEmpty())
            return;
        m_logOffset += data.size();
        Q_EMIT outputReceived(data);
        if (data.size() < (1 << 20))
            return;
    }
}

bool RunJob::adopt(const RunRecord &record, const QString &processStarted)
{
    m_record = record;
    if (m_record.stale) { // silent while it had no owner: it is running, as the store says
        m_record.status = RunStatus::Running;
        m_record.stale = false;
        m_record.error.clear();
    }
    m_processStarted = processStarted;
    if (record.target == QLatin1String("slurm"))
        return adoptClusterRun();
    if (record.pid <= 0 || processStarted.isEmpty() || RunStore::processStartTime(record.pid) != processStarted)
        return false;
    m_adopted = true;
    m_ingester = std::make_unique<MetricsIngester>(m_store, m_record.id, metricsPath());
    if (RegularFile::open(m_log, logPath(), RegularFile::Mode::Read))
        m_logOffset = qMax<qint64>(0, m_log.size() - 64 * 1024); // the tail of what came before
    m_pollTimer->start();
    m_store->heartbeat({ m_record.id }); // read as it is again at once
    m_heartbeatTimer->start();
    QTimer::singleShot(0, this, [this] { poll(false); });
    return true;
}

void RunJob::signalAdopted(int sig)
{
    // Only the process recorded: a pid reused since is someone else's.
    if (m_record.pid > 0 && RunStore::processStartTime(m_record.pid) == m_processStarted)
        ::kill(pid_t(m_record.pid), sig);
}

QString RunJob::statusPath(const Project &project, const QString &runId)
{
    return project.runDir(runId) + QStringLiteral("/launch_status");
}

QString RunJob::launcherPath()
{
    const QString fromEnvironment = qEnvironmentVariable("RUNBENCH_LAUNCHER");
    QStringList candidates;
    if (!fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    if (QCoreApplication::instance()) {
        // an installed prefix (bin/ and libexec/ side by side, wherever the
        // prefix was moved), then the build tree's layout
        const QString bin = QCoreApplication::applicationDirPath();
        candidates << bin + QStringLiteral("/../libexec/runbench/runbench-launch");
        candidates << bin + QStringLiteral("/runbench-launch");
    }
#ifdef RUNBENCH_LAUNCHER_BUILD_PATH
    candidates << QStringLiteral(RUNBENCH_LAUNCHER_BUILD_PATH);
#endif
    for (const QString &candidate : std::as_const(candidates))
        if (QFileInfo(candidate).isExecutable())
            return QDir::cleanPath(candidate);
    return {};
}

RunJob::Ending RunJob::readEnding(const QString &statusPath, const QString &program)
{
    Ending ending;
    const QByteArray text = RegularFile::read(statusPath, 4096);
    const QString line = QString::fromUtf8(text.left(text.indexOf('\n'))).trimmed();
    const int space = int(line.indexOf(QLatin1Char(' ')));
    const QString kind = line.left(space);
    const QString rest = space < 0 ? QString() : line.mid(space + 1);
    bool ok = false;
    const int number = rest.toInt(&ok);
    if (kind == QLatin1String("exit") && ok) {
        ending.known = true;
        ending.exitCode = number;
        ending.status = number == 0 ? RunStatus::Completed : RunStatus::Failed;
        if (number != 0)
            ending.error = tr("The script exited with code %1.").arg(number);
    } else if (kind == QLatin1String("signal") && ok) {
        ending.known = true;
        ending.exitCode = 128 + number;
        ending.error = tr("The script was stopped by %1.").arg(signalName(number));
    } else if (kind == QLatin1String("error")) {
        ending.known = true;
        ending.exitCode = 127;
        ending.error = tr("Could not start “%1”: %2").arg(program, rest);
    }
    return ending;
}

void RunJob::poll(bool finalPoll)
{
    readOutput();
    if (!m_jobId.isEmpty() && !finalPoll)
        pollCluster();
    if (m_adopted && !finalPoll && RunStore::processStartTime(m_record.pid) != m_processStarted) {
        // The adopted run's process has ended: its launcher left the status.
        const Ending ending = readEnding(statusPath(m_project, m_record.runId), m_record.script);
        if (m_cancelRequested)
            finish(RunStatus::Canceled, 130, tr("Canceled by the user."));
        else if (ending.known)
            finish(ending.status, ending.exitCode, ending.error);
        else
            finish(RunStatus::Lost, -1, tr("The run's process was killed; its exit status is unknown."));
        return;
    }
    if (!m_ingester)
        return;
    const qint64 before = m_ingester->storedRecords();
    if (m_ingester->poll(finalPoll)) {
        if (!m_recordError.isEmpty()) { // the store takes writes again
            m_recordError.clear();
            QFile::remove(recordErrorPath(m_project, m_record.runId));
        }
    } else if (m_ingester->lastError() != m_recordError) {
        // Said once, not on every poll; the next polls try again.
        m_recordError = m_ingester->lastError();
        qWarning("%s", qPrintable(m_recordError));
        // Also on disk, in case the end cannot be written to the store either.
        QFile note;
        if (RegularFile::open(note, recordErrorPath(m_project, m_record.runId), RegularFile::Mode::Append)
            && note.resize(0))
            note.write(m_recordError.toUtf8());
    }
    if (m_ingester->storedRecords() != before)
        Q_EMIT metricsIngested();
}

QString RunJob::recordErrorPath(const Project &project, const QString &runId)
{
    return project.runDir(runId) + QStringLiteral("/record_error");
}

void RunJob::cancel()
{
    if (!m_jobId.isEmpty() && !isFinished(m_record.status)) {
        cancelClusterJob(); // asked again when a scancel failed
        return;
    }
    if (m_cancelRequested || isFinished(m_record.status))
        return;
    m_cancelRequested = true;
    if (m_record.status == RunStatus::Queued && m_record.id != 0) {
        finish(RunStatus::Canceled, 130, tr("Canceled before it started."));
        return;
    }
    if (m_adopted) {
        signalAdopted(SIGTERM);
        QTimer::singleShot(launcherGraceMs(), this, [this] { signalAdopted(SIGKILL); });
        return;
    }
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        QPointer<QProcess> process = m_process;
        QTimer::singleShot(launcherGraceMs(), this, [process] {
            if (process && process->state() != QProcess::NotRunning)
                process->kill();
        });
    }
}

int RunJob::launcherGraceMs() const
{
    // The launcher itself stops the script and what it started after the
    // grace period; it is killed only if it has not ended well after that.
    return m_graceMs + 2000;
}

void RunJob::processError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and the like also arrive through finished()
    const QString program = m_process->program();
    finish(RunStatus::Failed, 127, tr("Could not start “%1”: %2").arg(program, m_process->errorString()));
}

void RunJob::processFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    readOutput();
    const Ending ending = readEnding(statusPath(m_project, m_record.runId), m_command.value(0));
    if (m_cancelRequested) {
        finish(RunStatus::Canceled, 130, tr("Canceled by the user."));
    } else if (ending.known) {
        finish(ending.status, ending.exitCode, ending.error);
    } else if (exitStatus == QProcess::CrashExit) {
        // On Unix QProcess reports the terminating signal as the exit code.
        finish(RunStatus::Failed, 128 + exitCode, tr("The script was stopped by %1.").arg(signalName(exitCode)));
    } else if (exitCode != 0) {
        finish(RunStatus::Failed, exitCode, tr("The script exited with code %1.").arg(exitCode));
    } else {
        finish(RunStatus::Completed, 0, QString());
    }
}

void RunJob::importMlflowStore()
{
    const QString runDir = m_project.runDir(m_record.runId);
    const QString mlruns = runDir + QStringLiteral("/mlruns");
    const QString done = runDir + QStringLiteral("/mlruns.imported");
    const QFileInfo info(mlruns);
    if (!info.isDir() || info.isSymLink() || QFileInfo::exists(done))
        return;
    QString error;
    QStringList problems;
    QByteArray note;
    if (!MlflowImport::appendToMetricsFile(
            mlruns, metricsPath(), m_project.workDir(m_record.runId) + QStringLiteral("/outputs"), &error, &problems))
        problems.prepend(error);
    for (const QString &problem : std::as_const(problems))
        note += (tr("[runbench] What MLflow logged could not all be imported: %1").arg(problem) + QLatin1Char('\n'))
                    .toUtf8();
    QFile log(logPath());
    if (!note.isEmpty() && log.open(QIODevice::WriteOnly | QIODevice::Append))
        log.write(note);
    QFile marker(done);
    if (error.isEmpty() && marker.open(QIODevice::WriteOnly))
        marker.write("The MLflow store beside this file was added to metrics.jsonl.\n");
}

void RunJob::finish(RunStatus status, int exitCode, QString error)
{
    if (m_finishing)
        return;
    m_finishing = true;
    if (!m_jobId.isEmpty())
        monitor()->unwatch(m_jobId);
    m_pollTimer->stop();
    m_heartbeatTimer->stop();
    m_exitCode = exitCode;
    m_error = error;
    if (m_record.endUs == 0) // an adopted cluster run knows when it ended
        m_record.endUs = nowUs();
    if (m_record.startUs == 0) // ended before its script started: timed from its preparation
        m_record.startUs = m_preparingUs > 0 ? m_preparingUs : m_record.endUs;
    if (m_record.id != 0)
        importMlflowStore();
    poll(true);
    if (m_log.isOpen())
        m_log.close();
    if (!m_recordError.isEmpty() && status != RunStatus::Canceled) {
        // The script may have done its work, but the run was not recorded.
        status = RunStatus::Failed;
        exitCode = exitCode == 0 ? 1 : exitCode;
        m_exitCode = exitCode;
        error = (error.isEmpty() ? QString() : error + QLatin1Char(' ')) + m_recordError;
        const QFileInfo metrics(metricsPath());
        if (metrics.isFile() && !metrics.isSymLink())
            error += QLatin1Char(' ')
                + tr("Every logged value is still in %1.").arg(QDir::toNativeSeparators(metricsPath()));
        m_error = error;
    }
    if (m_record.id == 0) {
        setStatus(status);
        Q_EMIT finished();
        return;
    }
    // Outputs are moved and hashed on the thread pool; the end is recorded after.
    const QString workDir = m_project.workDir(m_record.runId);
    const QString runDir = m_project.runDir(m_record.runId);
    auto *watcher = new QFutureWatcher<QVector<ArtifactRecord>>(this);
    connect(watcher, &QFutureWatcher<QVector<ArtifactRecord>>::finished, this, [=] {
        watcher->deleteLater();
        m_record.exitCode = exitCode;
        m_record.error = error;
        if (!m_store->setArtifacts(m_record.id, watcher->result())
            || !m_store->setRunFinished(m_record.id, status, exitCode, m_record.endUs, error, m_record.startUs))
            m_error = tr("The end of the run could not be recorded: %1").arg(m_store->lastError());
        setStatus(status);
        Q_EMIT finished();
    });
    watcher->setFuture(QtConcurrent::run([workDir, runDir] {
        QVector<ArtifactRecord> artifacts = ArtifactFiles::collectOutputs(workDir, runDir);
        QDir(workDir).removeRecursively();
        return artifacts;
    }));
}

QString RunJob::userName()
{
    for (const char *var : { "USER", "LOGNAME" }) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
    if (const passwd *pw = ::getpwuid(::getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(::getuid());
}

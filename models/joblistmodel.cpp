#include "joblistmodel.h"

#include "argumentline.h"
#include "historyformat.h"
#include "jobqueue.h"

#include <QTimer>

namespace {
constexpr int kTailBytes = 64 * 1024;
}

JobListModel::JobListModel(JobQueue *queue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(queue)
    , m_refresh(new QTimer(this))
{
    connect(queue, &JobQueue::jobSubmitted, this, &JobListModel::submitted);
    connect(queue, &JobQueue::jobRejected, this, &JobListModel::rejected);
    connect(queue, &JobQueue::jobCreated, this, &JobListModel::created);
    connect(queue, &JobQueue::jobStatusChanged, this, &JobListModel::statusChanged);
    connect(queue, &JobQueue::jobSchedulerStateChanged, this, &JobListModel::schedulerStateChanged);
    connect(queue, &JobQueue::jobSchedulerProblem, this, &JobListModel::schedulerProblem);
    connect(queue, &JobQueue::jobOutput, this, &JobListModel::output);
    connect(queue, &JobQueue::jobFinished, this, &JobListModel::finished);
    m_refresh->setInterval(250);
    connect(m_refresh, &QTimer::timeout, this, &JobListModel::refresh);
}

int JobListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_jobs.size()); }
int JobListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool JobListModel::isActive(int status)
{
    return status == Submitting || status == int(RunStatus::Queued) || status == int(RunStatus::Preparing)
        || status == int(RunStatus::Running);
}

QVector<int> JobListModel::activeKeys() const
{
    QVector<int> keys;
    for (const Job &job : m_jobs) {
        if (isActive(job.status))
            keys.append(job.key);
    }
    return keys;
}

int JobListModel::rowOfKey(int key) const
{
    for (int i = 0; i < m_jobs.size(); ++i)
        if (m_jobs.at(i).key == key)
            return i;
    return -1;
}

QString JobListModel::elapsedText(qint64 ms)
{
    if (ms < 0)
        return QString();
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString JobListModel::lastLine(const Job &job) const
{
    if (job.status == Rejected || (!job.error.isEmpty() && job.status != int(RunStatus::Running)))
        return job.error;
    if (!job.problem.isEmpty())
        return job.problem;
    const QList<QByteArray> lines = job.tail.split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QByteArray line = it->trimmed();
        if (!line.isEmpty())
            return QString::fromUtf8(line.right(300));
    }
    return QString();
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const Job &job = m_jobs.at(index.row());
    switch (role) {
    case KeyRole: return job.key;
    case StatusRole: return job.status;
    case RunIdRole: return job.runId;
    case LogPathRole: return job.logPath;
    case TailRole: return QString::fromUtf8(job.tail);
    case ErrorRole: return job.error;
    case ExitCodeRole: return job.exitCode;
    case Qt::ToolTipRole:
        if (index.column() == OutputColumn || (index.column() == StatusColumn && !job.error.isEmpty()))
            return job.error.isEmpty() ? QVariant() : QVariant(job.error);
        if ((index.column() == StatusColumn || index.column() == TargetColumn) && !job.jobId.isEmpty())
            return tr("Slurm job %1: %2").arg(job.jobId, job.schedulerState);
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case StatusColumn: return statusText(job);
    case RunColumn: return job.number > 0 ? QVariant(job.number) : QVariant();
    case ScriptColumn: return job.script;
    case ArgumentsColumn: return ArgumentLine::join(job.arguments);
    case TargetColumn: return targetText(job);
    case ElapsedColumn:
        if (job.elapsedMs >= 0)
            return elapsedText(job.elapsedMs);
        return job.clock.isValid() ? elapsedText(job.clock.elapsed()) : QString();
    case OutputColumn: return lastLine(job);
    default: return {};
    }
}

QString JobListModel::statusText(const Job &job)
{
    if (job.status == Submitting)
        return tr("Submitting");
    if (job.status == Rejected)
        return tr("Not started");
    if (job.status == int(RunStatus::Failed) && job.exitCode > 0 && job.exitCode < 128)
        return tr("Failed (exit %1)").arg(job.exitCode);
    if (!job.jobId.isEmpty() && job.status == int(RunStatus::Queued)) {
        // Slurm's reason for the wait: "PENDING (Resources)" → "Resources".
        const QString &state = job.schedulerState;
        const int open = int(state.indexOf(QLatin1Char('(')));
        if (open > 0 && state.endsWith(QLatin1Char(')')))
            return tr("Queued (%1)").arg(state.mid(open + 1, state.size() - open - 2));
    }
    if (!job.node.isEmpty() && job.status == int(RunStatus::Running))
        return tr("Running on %1").arg(job.node);
    return runStatusText(RunStatus(job.status));
}

QString JobListModel::targetText(const Job &job)
{
    if (job.target == QLatin1String("slurm"))
        return job.jobId.isEmpty() ? tr("Slurm") : tr("Slurm job %1").arg(job.jobId);
    return job.target.isEmpty() ? QString() : tr("This machine");
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn: return tr("Status");
    case RunColumn: return tr("Run");
    case ScriptColumn: return tr("Script");
    case ArgumentsColumn: return tr("Arguments");
    case TargetColumn: return tr("Target");
    case ElapsedColumn: return tr("Elapsed");
    case OutputColumn: return tr("Output");
    default: return {};
    }
}

void JobListModel::changed(int row, int firstColumn, int lastColumn, const QVector<int> &roles)
{
    if (row >= 0)
        Q_EMIT dataChanged(index(row, firstColumn), index(row, lastColumn), roles);
}

void JobListModel::submitted(int key, const QString &script, const QStringList &arguments)
{
    beginInsertRows(QModelIndex(), 0, 0);
    Job job;
    job.key = key;
    job.script = script;
    job.arguments = arguments;
    m_jobs.prepend(job);
    endInsertRows();
}

void JobListModel::rejected(int key, const QString &error)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    m_jobs[row].status = Rejected;
    m_jobs[row].error = error;
    changed(row, 0, ColumnCount - 1);
}

void JobListModel::created(int key, const RunRecord &record)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    Job &job = m_jobs[row];
    job.status = int(record.status);
    job.runId = record.runId;
    job.number = record.number;
    job.script = record.script;
    job.logPath = m_queue->project().runDir(record.runId) + QStringLiteral("/driver_log.txt");
    job.target = record.target;
    job.jobId = record.jobId;
    job.node = record.node;
    job.schedulerState = record.schedulerState;
    changed(row, 0, ColumnCount - 1);
}

void JobListModel::schedulerStateChanged(int key, const RunRecord &record)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    Job &job = m_jobs[row];
    job.jobId = record.jobId;
    job.node = record.node;
    if (record.schedulerState != job.problem)
        job.problem.clear(); // it answers again
    job.schedulerState = record.schedulerState;
    changed(row, StatusColumn, OutputColumn);
}

void JobListModel::schedulerProblem(int key, const QString &message)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    m_jobs[row].problem = message;
    changed(row, OutputColumn, OutputColumn);
}

void JobListModel::statusChanged(int key, RunStatus status)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    Job &job = m_jobs[row];
    job.status = int(status);
    if (status == RunStatus::Running) {
        job.clock.start();
        m_refresh->start();
    }
    changed(row, StatusColumn, ColumnCount - 1);
}

void JobListModel::output(int key, const QByteArray &data)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    QByteArray &tail = m_jobs[row].tail;
    tail += data;
    if (tail.size() > kTailBytes)
        tail.remove(0, tail.size() - kTailBytes);
    m_dirtyOutput.insert(key);
}

void JobListModel::finished(int key, const RunRecord &record, int exitCode, const QString &error)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    Job &job = m_jobs[row];
    job.status = int(record.status);
    job.exitCode = exitCode;
    job.error = error;
    job.elapsedMs
        = record.durationUs() >= 0 ? record.durationUs() / 1000 : (job.clock.isValid() ? job.clock.elapsed() : 0);
    m_dirtyOutput.remove(key);
    changed(row, 0, ColumnCount - 1);
}

void JobListModel::refresh()
{
    bool anyRunning = false;
    for (int row = 0; row < m_jobs.size(); ++row) {
        const Job &job = m_jobs.at(row);
        const bool running = job.status == int(RunStatus::Running);
        anyRunning = anyRunning || running;
        if (m_dirtyOutput.contains(job.key))
            changed(row, ElapsedColumn, OutputColumn, { Qt::DisplayRole, TailRole });
        else if (running)
            changed(row, ElapsedColumn, ElapsedColumn, { Qt::DisplayRole });
    }
    m_dirtyOutput.clear();
    if (!anyRunning)
        m_refresh->stop();
}

#include "jobqueue.h"

#include "lostruns.h"
#include "runjob.h"
#include "runstore.h"
#include "slurm.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QQueue>
#include <QThread>

#include <csignal>
#include <map>
#include <memory>
#include <utility>

// Lives on the queue's thread: owns the store connection and the RunJobs.
class JobWorker : public QObject
{
    Q_OBJECT

public:
    struct Pending
    {
        int key;
        Project project;
        QString script;
        QStringList arguments;
        QString target; // "" for the project's
    };

    RunJob *newJob(const Project &project, RunStore *store)
    {
        auto *job = new RunJob(project, store, this);
        job->setGracePeriod(m_graceMs);
        job->setSlurmMonitor(&m_monitor);
        m_monitor.setInterval(int(project.slurmSettings().pollSeconds * 1000));
        return job;
    }

    void submit(const Pending &p)
    {
        RunStore *store = storeFor(p.project);
        if (!store) {
            Q_EMIT rejected(p.key, m_lastError);
            return;
        }
        auto *job = newJob(p.project, store);
        if (!p.target.isEmpty())
            job->setTarget(p.target);
        if (!job->submit(p.script, p.arguments)) {
            Q_EMIT rejected(p.key, job->errorString());
            delete job;
            return;
        }
        track(p.key, job);
        Q_EMIT created(p.key, job->record());
        m_waiting.enqueue(p.key);
        m_limit = p.project.maxParallelRuns();
        startWaiting();
    }

    void track(int key, RunJob *job)
    {
        m_jobs.insert(key, job);
        connect(job, &RunJob::statusChanged, this, [this, key](RunStatus s) { Q_EMIT statusChanged(key, s); });
        connect(job, &RunJob::outputReceived, this, [this, key](const QByteArray &d) { Q_EMIT output(key, d); });
        connect(job, &RunJob::metricsIngested, this, [this, key] { Q_EMIT metricsIngested(key); });
        connect(job, &RunJob::schedulerStateChanged, this,
                [this, key, job] { Q_EMIT schedulerStateChanged(key, job->record()); });
        connect(job, &RunJob::schedulerProblem, this,
                [this, key](const QString &message) { Q_EMIT schedulerProblem(key, message); });
        // A job the cluster accepted waits in the cluster's queue, not here.
        connect(job, &RunJob::submittedToCluster, this, [this, key, job] {
            Q_EMIT schedulerStateChanged(key, job->record());
            if (m_running.remove(key))
                startWaiting();
        });
        connect(job, &RunJob::finished, this, [this, key, job] {
            Q_EMIT finished(key, job->record(), job->exitCode(), job->errorString());
            m_jobs.remove(key);
            m_running.remove(key);
            job->deleteLater();
            startWaiting();
        });
    }

    void cancel(int key)
    {
        if (RunJob *job = m_jobs.value(key)) {
            m_waiting.removeAll(key);
            job->cancel();
        }
    }

    void setGracePeriod(int msecs) { m_graceMs = msecs; }

    void cancelRun(const Project &project, qint64 runId, const QString &jobId)
    {
        for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
            if (it.value()->record().id == runId) {
                cancel(it.key());
                return;
            }
        }
        if (jobId.isEmpty()) {
            cancelSweep(project, runId);
            return;
        }
        // Nobody here runs it: the scheduler cancels it; whoever watches
        // the job (or opens the project next) records the end.
        Slurm::runCommand(this, QStringLiteral("scancel"), { jobId }, [](const Slurm::CommandReply &) {});
    }

    // A sweep's parent run goes on in `runbench sweep` on this machine: that
    // process is asked to stop (SIGTERM, as Ctrl-C), and cancels the runs of
    // the sweep not yet ended.
    void cancelSweep(const Project &project, qint64 runId)
    {
        RunStore *store = storeFor(project);
        if (!store || !store->useProject(project))
            return;
        const auto run = store->run(runId);
        if (!run || isFinished(run->status) || store->childRuns(run->runId).isEmpty())
            return;
        for (const RunStore::Owner &owner : store->activeRunOwners()) {
            if (owner.run == runId && owner.host == Project::hostName() && owner.pid > 0
                && RunStore::processStartTime(owner.pid) == owner.started)
                ::kill(pid_t(owner.pid), SIGTERM);
        }
    }

    // Opening a project: runs left unfinished by a workbench that died are
    // ended, or re-adopted while their process still runs.
    void open(const Project &project)
    {
        int adoptedRuns = 0;
        struct Opened
        {
            JobWorker *worker;
            const int &count;
            ~Opened() { Q_EMIT worker->opened(count); }
        } opened { this, adoptedRuns };
        if (!project.hasHistory())
            return;
        RunStore *store = storeFor(project);
        if (!store || !store->useProject(project))
            return;
        // A fresh backup of the history once a day, for a file that gets damaged.
        const QFileInfo backup(RunStore::backupPath(project.databasePath()));
        if (!backup.exists() || backup.lastModified().secsTo(QDateTime::currentDateTime()) > 24 * 3600)
            store->writeBackup();
        const LostRuns::Result examined = LostRuns::examine(store, project);
        for (const RunStore::Owner &owner : examined.alive + examined.cluster) {
            const auto record = LostRuns::claim(store, owner);
            if (!record)
                continue; // another workbench took it first
            auto *job = newJob(project, store);
            if (!job->adopt(*record, owner.runStarted)) {
                delete job;
                continue;
            }
            const int key = m_nextAdoptedKey--;
            track(key, job);
            ++adoptedRuns;
            Q_EMIT adopted(key, job->record());
        }
    }

    void shutDown()
    {
        // The window is going away: stop what still runs here. Cluster jobs
        // go on; the next window (or runbench history list) adopts them.
        for (RunJob *job : std::as_const(m_jobs)) {
            if (job->isOnCluster())
                job->leaveOnCluster();
            else
                job->cancel();
        }
        qDeleteAll(m_jobs);
        m_jobs.clear();
        m_stores.clear();
    }

Q_SIGNALS:
    void rejected(int key, const QString &error);
    void created(int key, const RunRecord &record);
    void adopted(int key, const RunRecord &record);
    void opened(int adoptedRuns);
    void statusChanged(int key, RunStatus status);
    void output(int key, const QByteArray &data);
    void metricsIngested(int key);
    void schedulerStateChanged(int key, const RunRecord &record);
    void schedulerProblem(int key, const QString &message);
    void finished(int key, const RunRecord &record, int exitCode, const QString &error);

private:
    RunStore *storeFor(const Project &project)
    {
        auto &store = m_stores[project.root()];
        if (!store) {
            QString error;
            store = std::make_unique<RunStore>();
            if (!project.ensureDataDir(&error) || !store->open(project.historyLocation())) {
                m_lastError = error.isEmpty() ? store->lastError() : error;
                m_stores.erase(project.root());
                return nullptr;
            }
        }
        return store.get();
    }

    void startWaiting()
    {
        while (!m_waiting.isEmpty() && m_running.size() < m_limit) {
            const int key = m_waiting.dequeue();
            if (RunJob *job = m_jobs.value(key)) {
                m_running.insert(key);
                job->start();
            }
        }
    }

    std::map<QString, std::unique_ptr<RunStore>> m_stores; // one connection per project
    QHash<int, RunJob *> m_jobs;
    QQueue<int> m_waiting;
    QSet<int> m_running;
    int m_limit = 4;
    int m_nextAdoptedKey = -1; // adopted runs get keys below zero
    int m_graceMs = 5000;
    QString m_lastError;
    SlurmMonitor m_monitor { this }; // one squeue for every cluster job
};

JobQueue::JobQueue(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new JobWorker)
{
    qRegisterMetaType<RunRecord>("RunRecord");
    qRegisterMetaType<RunStatus>("RunStatus");
    m_thread->setObjectName(QStringLiteral("runbench-jobs"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &JobWorker::rejected, this, [this](int key, const QString &error) {
        Q_EMIT jobRejected(key, error);
        forget(key);
    });
    connect(m_worker, &JobWorker::created, this, &JobQueue::jobCreated);
    connect(m_worker, &JobWorker::adopted, this, [this](int key, const RunRecord &record) {
        m_active.insert(key);
        if (!record.jobId.isEmpty())
            m_onCluster.insert(key);
        Q_EMIT jobSubmitted(key, record.script, record.arguments);
        Q_EMIT jobCreated(key, record);
        Q_EMIT jobStatusChanged(key, record.status);
        Q_EMIT jobAdopted(key, record);
    });
    connect(m_worker, &JobWorker::opened, this, &JobQueue::projectOpened);
    connect(m_worker, &JobWorker::statusChanged, this, &JobQueue::jobStatusChanged);
    connect(m_worker, &JobWorker::output, this, &JobQueue::jobOutput);
    connect(m_worker, &JobWorker::metricsIngested, this, &JobQueue::jobMetricsIngested);
    connect(m_worker, &JobWorker::schedulerProblem, this, &JobQueue::jobSchedulerProblem);
    connect(m_worker, &JobWorker::schedulerStateChanged, this, [this](int key, const RunRecord &record) {
        if (!record.jobId.isEmpty() && m_active.contains(key) && !m_onCluster.contains(key)) {
            m_onCluster.insert(key);
            if (localActiveCount() == 0)
                Q_EMIT localJobsFinished();
        }
        Q_EMIT jobSchedulerStateChanged(key, record);
    });
    connect(m_worker, &JobWorker::finished, this,
            [this](int key, const RunRecord &record, int exitCode, const QString &error) {
                Q_EMIT jobFinished(key, record, exitCode, error);
                forget(key);
            });
    m_thread->start();
}

JobQueue::~JobQueue()
{
    JobWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutDown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void JobQueue::setProject(const Project &project)
{
    m_project = project;
    JobWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, project] { worker->open(project); });
}

void JobQueue::setGracePeriod(int msecs)
{
    JobWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, msecs] { worker->setGracePeriod(msecs); });
}

int JobQueue::submit(const QString &script, const QStringList &arguments, const QString &target)
{
    const int key = m_nextKey++;
    m_active.insert(key);
    Q_EMIT jobSubmitted(key, script, arguments);
    JobWorker *worker = m_worker;
    const JobWorker::Pending pending { key, m_project, script, arguments, target };
    QMetaObject::invokeMethod(worker, [worker, pending] { worker->submit(pending); });
    return key;
}

void JobQueue::cancel(int key)
{
    JobWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, key] { worker->cancel(key); });
}

void JobQueue::cancelAll()
{
    for (int key : std::as_const(m_active))
        cancel(key);
}

void JobQueue::cancelLocal()
{
    for (int key : std::as_const(m_active))
        if (!m_onCluster.contains(key))
            cancel(key);
}

void JobQueue::forget(int key)
{
    const bool local = !m_onCluster.remove(key);
    if (!m_active.remove(key))
        return;
    if (local && localActiveCount() == 0)
        Q_EMIT localJobsFinished();
    if (m_active.isEmpty())
        Q_EMIT allJobsFinished();
}

void JobQueue::cancelRun(qint64 runId, const QString &jobId)
{
    JobWorker *worker = m_worker;
    const Project project = m_project;
    QMetaObject::invokeMethod(worker, [worker, project, runId, jobId] { worker->cancelRun(project, runId, jobId); });
}

#include "jobqueue.moc"

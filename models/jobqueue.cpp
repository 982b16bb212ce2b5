#include "jobqueue.h"

#include "lostruns.h"
#include "runjob.h"
#include "runstore.h"
#include "slurm.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QQueue>
#include <QThread>
#include <QTimer>

#include <algorithm>
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
    struct PendingSweep
    {
        QVector<int> keys; // one per child
        Project project;
        QString script;
        QStringList arguments; // as written, with the value sets
        QVector<SweepSpec::Child> children;
        int parallel = 1;
        QString target;
        SweepSpec::Options options;
    };

    JobWorker()
    {
        m_heartbeat.setInterval(5000); // the sweeps' parents: their owner is alive
        connect(&m_heartbeat, &QTimer::timeout, this, [this] {
            for (const auto &[id, sweep] : m_sweeps)
                sweep.store->heartbeat({ sweep.parent.id });
        });
    }

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

    // The parent at once; the children as their turn comes (dispatchSweeps).
    void submitSweep(const PendingSweep &p)
    {
        const auto refuse = [this, &p](const QString &error) {
            for (int key : p.keys)
                Q_EMIT rejected(key, error);
            Q_EMIT sweepRejected(error);
        };
        RunStore *store = storeFor(p.project);
        if (!store || !store->useProject(p.project)) {
            refuse(store ? store->lastError() : m_lastError);
            return;
        }
        RunJob probe(p.project, store); // a missing script leaves no parent behind
        if (!p.target.isEmpty())
            probe.setTarget(p.target);
        QString relative;
        if (!probe.check(p.script, &relative)) {
            refuse(probe.errorString());
            return;
        }
        const auto created = store->createRun(p.project.runIdPrefix(), p.script, p.arguments, RunJob::userName(),
                                              Project::hostName(),
                                              p.target.isEmpty() ? p.project.runTarget() : p.target);
        const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
        if (!created || !store->setRunStarted(created->id, QCoreApplication::applicationPid(), now)) {
            refuse(store->lastError());
            return;
        }
        store->setRunProperty(created->id, QStringLiteral("SweepRuns"), QString::number(p.children.size()));
        if (p.options.random > 0)
            store->setRunProperty(created->id, QStringLiteral("SweepSeed"), QString::number(p.options.seed));
        Sweep sweep;
        sweep.project = p.project;
        sweep.store = store;
        sweep.parent = store->run(created->id).value_or(*created);
        sweep.script = p.script;
        sweep.target = p.target;
        sweep.parallel = qMax(1, p.parallel);
        sweep.outcome.total = int(p.children.size());
        for (int i = 0; i < p.keys.size(); ++i) {
            sweep.pending.enqueue({ p.keys.at(i), p.children.at(i) });
            m_sweepOfKey.insert(p.keys.at(i), created->id);
        }
        Q_EMIT sweepStarted(sweep.parent);
        m_sweeps.emplace(created->id, std::move(sweep));
        m_limit = p.project.maxParallelRuns();
        m_heartbeat.start();
        startWaiting();
    }

    void dispatchSweeps()
    {
        for (auto &[id, sweep] : m_sweeps) {
            while (!sweep.outcome.canceling && !sweep.pending.isEmpty() && sweep.running.size() < sweep.parallel
                   && m_running.size() < m_limit) {
                const auto [key, child] = sweep.pending.dequeue();
                auto *job = newJob(sweep.project, sweep.store);
                if (!sweep.target.isEmpty())
                    job->setTarget(sweep.target);
                job->setParentRun(sweep.parent.runId);
                job->setExtraEnvironment({ { QStringLiteral("RUNBENCH_SWEEP_INDEX"), QString::number(child.index) },
                                           { QStringLiteral("RUNBENCH_REPEAT"), QString::number(child.repeat) } });
                if (!job->submit(sweep.script, child.arguments)) {
                    Q_EMIT rejected(key, job->errorString());
                    delete job;
                    m_sweepOfKey.remove(key);
                    sweep.outcome.count(int(RunStatus::Failed));
                    continue;
                }
                QString why;
                if (!NamedParameters::appendToMetricsFile(job->metricsPath(), child.arguments, &why))
                    Q_EMIT output(key, tr("The run's parameters could not be written: %1\n").arg(why).toUtf8());
                track(key, job);
                Q_EMIT created(key, job->record());
                sweep.running.insert(key);
                m_running.insert(key);
                job->start();
            }
        }
        finishSweeps();
    }

    // Parents whose children have all ended end with them.
    void finishSweeps()
    {
        for (auto it = m_sweeps.begin(); it != m_sweeps.end();) {
            Sweep &sweep = it->second;
            if (!sweep.running.isEmpty() || (!sweep.pending.isEmpty() && !sweep.outcome.canceling)) {
                ++it;
                continue;
            }
            for (const auto &pending : std::as_const(sweep.pending))
                m_sweepOfKey.remove(pending.first);
            const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
            sweep.store->setSweepFinished(sweep.parent.id, sweep.outcome, now);
            Q_EMIT sweepFinished(sweep.store->run(sweep.parent.id).value_or(sweep.parent), sweep.outcome.summary());
            it = m_sweeps.erase(it);
        }
        if (m_sweeps.empty())
            m_heartbeat.stop();
    }

    void sweepChildEnded(int key, RunStatus status)
    {
        const auto id = m_sweepOfKey.constFind(key);
        if (id == m_sweepOfKey.cend())
            return;
        Sweep &sweep = m_sweeps.at(*id);
        sweep.running.remove(key);
        sweep.outcome.count(int(status));
        m_sweepOfKey.erase(id);
    }

    // Canceling a sweep's parent: the children not started never start,
    // those running are canceled; the parent ends once they have.
    bool cancelSweepHere(qint64 parentId)
    {
        const auto it = m_sweeps.find(parentId);
        if (it == m_sweeps.end())
            return false;
        Sweep &sweep = it->second;
        sweep.outcome.canceling = true;
        for (const auto &pending : std::as_const(sweep.pending)) {
            m_sweepOfKey.remove(pending.first);
            Q_EMIT rejected(pending.first, tr("The sweep was canceled before this run started."));
        }
        sweep.pending.clear();
        for (int key : std::as_const(sweep.running))
            if (RunJob *job = m_jobs.value(key))
                job->cancel();
        finishSweeps();
        return true;
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
            sweepChildEnded(key, job->record().status);
            job->deleteLater();
            startWaiting();
        });
    }

    void cancel(int key)
    {
        const auto sweep = m_sweepOfKey.constFind(key);
        if (sweep != m_sweepOfKey.cend() && !m_jobs.contains(key)) {
            // a child whose turn has not come: it never starts
            Sweep &s = m_sweeps.at(*sweep);
            for (int i = 0; i < s.pending.size(); ++i) {
                if (s.pending.at(i).first == key) {
                    s.pending.removeAt(i);
                    s.outcome.count(int(RunStatus::Canceled));
                    break;
                }
            }
            m_sweepOfKey.erase(sweep);
            Q_EMIT rejected(key, tr("Canceled before it started."));
            finishSweeps();
            return;
        }
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
        if (cancelSweepHere(runId))
            return;
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
        // sweeps end here: their children still running are canceled above
        for (auto &[id, sweep] : m_sweeps) {
            sweep.outcome.canceling = true;
            for (qsizetype i = 0; i < sweep.running.size(); ++i)
                sweep.outcome.count(int(RunStatus::Canceled));
            sweep.running.clear();
            sweep.pending.clear();
        }
        finishSweeps();
        // Every canceled run's end is written before its job goes: the
        // launcher's grace to stop the script, and a snapshot or the outputs
        // still being handled on the pool, are waited for here, on this
        // thread. A job deleted halfway read Lost later.
        m_shuttingDown = true;
        const auto localJobsLeft = [this] {
            return std::any_of(m_jobs.cbegin(), m_jobs.cend(), [](const RunJob *job) { return !job->isOnCluster(); });
        };
        if (localJobsLeft()) {
            QEventLoop loop;
            QTimer check;
            connect(&check, &QTimer::timeout, &loop, [&loop, &localJobsLeft] {
                if (!localJobsLeft())
                    loop.quit();
            });
            check.start(20);
            QTimer::singleShot(2 * m_graceMs + 10000, &loop, &QEventLoop::quit);
            loop.exec();
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
    void sweepStarted(const RunRecord &parent);
    void sweepRejected(const QString &error);
    void sweepFinished(const RunRecord &parent, const QString &summary);

private:
    struct Sweep
    {
        Project project;
        RunStore *store = nullptr;
        RunRecord parent;
        QString script;
        QString target;
        int parallel = 1;
        QQueue<QPair<int, SweepSpec::Child>> pending; // key, child: not yet submitted
        QSet<int> running; // keys
        SweepSpec::Outcome outcome;
    };

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
        if (m_shuttingDown)
            return;
        while (!m_waiting.isEmpty() && m_running.size() < m_limit) {
            const int key = m_waiting.dequeue();
            if (RunJob *job = m_jobs.value(key)) {
                m_running.insert(key);
                job->start();
            }
        }
        dispatchSweeps();
    }

    std::map<QString, std::unique_ptr<RunStore>> m_stores; // one connection per project
    QHash<int, RunJob *> m_jobs;
    QQueue<int> m_waiting;
    QSet<int> m_running;
    int m_limit = 4;
    int m_nextAdoptedKey = -1; // adopted runs get keys below zero
    int m_graceMs = 5000;
    bool m_shuttingDown = false;
    QString m_lastError;
    SlurmMonitor m_monitor { this }; // one squeue for every cluster job
    std::map<qint64, Sweep> m_sweeps; // by the parent's row id
    QHash<int, qint64> m_sweepOfKey; // a child's key → its sweep
    QTimer m_heartbeat { this };
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
    connect(m_worker, &JobWorker::sweepStarted, this, &JobQueue::sweepStarted);
    connect(m_worker, &JobWorker::sweepRejected, this, &JobQueue::sweepRejected);
    connect(m_worker, &JobWorker::sweepFinished, this, &JobQueue::sweepFinished);
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

QVector<int> JobQueue::submitSweep(const QString &script, const QStringList &sweepArguments,
                                   const SweepSpec::Plan &plan, const SweepSpec::Options &options, int parallel,
                                   const QString &target)
{
    JobWorker::PendingSweep pending;
    pending.project = m_project;
    pending.script = script;
    pending.arguments = sweepArguments;
    pending.children = plan.children;
    pending.parallel = parallel;
    pending.target = target;
    pending.options = options;
    for (const SweepSpec::Child &child : plan.children) {
        const int key = m_nextKey++;
        m_active.insert(key);
        pending.keys.append(key);
        Q_EMIT jobSubmitted(key, script, child.arguments);
    }
    JobWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, pending] { worker->submitSweep(pending); });
    return pending.keys;
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

#pragma once

#include "project.h"
#include "runrecord.h"
#include "sweepspec.h"

#include <QObject>
#include <QSet>

class JobWorker;
class QThread;

// The runs a window has started, executing on a worker thread of their own:
// the store writes, the metrics ingest and the processes never touch the
// GUI thread. Up to the project's max_parallel_runs run at once; the rest
// wait as Queued. A cluster run takes a place only until the scheduler
// accepted it; its jobs keep running when the window closes. Every call returns at once; results arrive as signals,
// identified by the key submit() returned.
class JobQueue : public QObject
{
    Q_OBJECT

public:
    explicit JobQueue(QObject *parent = nullptr);
    ~JobQueue() override;

    // Jobs of the previous project keep running and reporting. Runs of this
    // project left unfinished by a workbench that died are ended (Lost if
    // nothing tells how), or re-adopted as jobs if their process still runs:
    // those arrive as jobSubmitted, jobCreated and jobAdopted with a key
    // below zero.
    void setProject(const Project &project);
    Project project() const { return m_project; }

    // target: "local", "slurm", or "" for the project's [run] target.
    int submit(const QString &script, const QStringList &arguments, const QString &target = QString());
    // A sweep: a parent run (made at once, Running until every child has
    // ended) and a job per child of plan, at most parallel of them at once
    // (and within the project's max_parallel_runs). Each child gets the
    // parent's id, RUNBENCH_SWEEP_INDEX/RUNBENCH_REPEAT and its arguments as
    // parameters. Returns the children's keys, in plan order; a child shows
    // as jobCreated when its turn comes. Canceling the parent (cancelRun)
    // cancels the children not yet ended.
    QVector<int> submitSweep(const QString &script, const QStringList &sweepArguments,
                             const SweepSpec::Plan &plan, const SweepSpec::Options &options, int parallel,
                             const QString &target = QString());
    void cancel(int key);
    void cancelAll();
    void cancelLocal(); // all but the cluster jobs the scheduler accepted
    // Jobs submitted and not yet finished (or rejected).
    int activeCount() const { return m_active.size(); }
    // Those of them that stop when the window closes: all but the cluster
    // jobs the scheduler accepted.
    int localActiveCount() const { return m_active.size() - m_onCluster.size(); }
    // Cancels a run by its row id: the job of this window that runs it; for
    // a cluster job nobody here runs, the scheduler's job; for the parent of
    // a sweep going on in `runbench sweep` on this machine, that sweep (the
    // runs of it not yet ended).
    void cancelRun(qint64 runId, const QString &jobId);
    // Grace period between SIGTERM and SIGKILL on cancel.
    void setGracePeriod(int msecs);

Q_SIGNALS:
    void jobSubmitted(int key, const QString &script, const QStringList &arguments);
    void jobRejected(int key, const QString &error);
    void jobCreated(int key, const RunRecord &record);
    void jobAdopted(int key, const RunRecord &record);
    // setProject() has looked at the runs left unfinished: ended them, or
    // adopted adoptedRuns of them (after their jobAdopted()).
    void projectOpened(int adoptedRuns);
    void jobStatusChanged(int key, RunStatus status);
    void jobOutput(int key, const QByteArray &data);
    void jobMetricsIngested(int key);
    // A cluster job was accepted, or its scheduler says something new about
    // it: record has its job id, node and schedulerState.
    void jobSchedulerStateChanged(int key, const RunRecord &record);
    // The cluster's scheduler does not answer about a job, or refused to
    // cancel it: a sentence. The job stays as it is.
    void jobSchedulerProblem(int key, const QString &message);
    void jobFinished(int key, const RunRecord &record, int exitCode, const QString &error);
    // The parent run of a sweep submitted here was made (or could not be).
    void sweepStarted(const RunRecord &parent);
    void sweepRejected(const QString &error);
    // Its children have all ended; the parent ended with them.
    void sweepFinished(const RunRecord &parent, const QString &summary);
    void allJobsFinished();
    // localActiveCount() became zero.
    void localJobsFinished();

private:
    void forget(int key);

    Project m_project;
    QThread *m_thread;
    JobWorker *m_worker;
    int m_nextKey = 1;
    QSet<int> m_active;
    QSet<int> m_onCluster;
};

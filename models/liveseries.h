#pragma once

#include "project.h"
#include "runrecord.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVector>

class LiveSeriesWorker;
class QThread;

// Follows the values of runs still going: every half second, on a thread
// of its own, it asks the store which of their series grew (the runs'
// summaries, one small query) and reads only the points past the last step
// it handed over. It lets a run go once the run has ended and its last
// points are read. The store is the one every writer uses, so a run from
// this window, from `runbench run` or from another machine is followed
// alike.
class LiveSeries : public QObject
{
    Q_OBJECT

public:
    explicit LiveSeries(QObject *parent = nullptr);
    ~LiveSeries() override;

    // Follows these runs (those already ended are ignored); lastSteps holds,
    // per run id, the last step already shown of each series. Replaces
    // whatever was followed before.
    void follow(const Project &project, const QVector<RunRecord> &runs,
                const QHash<QString, QHash<QString, qint64>> &lastSteps);
    void stop();
    void setInterval(int msecs);
    bool isFollowing() const { return !m_runIds.isEmpty(); }

Q_SIGNALS:
    // New points of one series (numbers or lists, logged more than once),
    // in step order.
    void pointsArrived(const QString &runId, const QString &key, const QVector<MetricPoint> &points);
    // The run ended: record is its final state. No more points will come.
    void runEnded(const RunRecord &record);

private:
    QThread *m_thread;
    LiveSeriesWorker *m_worker;
    QStringList m_runIds;
    int m_generation = 0;
};

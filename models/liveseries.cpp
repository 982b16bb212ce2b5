#include "liveseries.h"

#include "runstore.h"

#include <QThread>
#include <QTimer>

#include <limits>
#include <memory>

class LiveSeriesWorker : public QObject
{
    Q_OBJECT

public:
    void follow(int generation, const Project &project, const QVector<RunRecord> &runs,
                const QHash<QString, QHash<QString, qint64>> &lastSteps)
    {
        m_generation = generation;
        m_followed.clear();
        if (m_project.historyLocation() != project.historyLocation())
            m_store.reset();
        m_project = project;
        for (const RunRecord &r : runs)
            if (!isFinished(r.status))
                m_followed.append({ r.id, r.runId, lastSteps.value(r.runId) });
        if (!m_timer) {
            m_timer = new QTimer(this);
            connect(m_timer, &QTimer::timeout, this, &LiveSeriesWorker::poll);
        }
        m_timer->setInterval(m_interval);
        if (m_followed.isEmpty())
            m_timer->stop();
        else
            m_timer->start();
    }

    void setInterval(int msecs)
    {
        m_interval = msecs;
        if (m_timer)
            m_timer->setInterval(msecs);
    }

Q_SIGNALS:
    void pointsArrived(int generation, const QString &runId, const QString &key, const QVector<MetricPoint> &points);
    void runEnded(int generation, const RunRecord &record);

private:
    struct Followed
    {
        qint64 id = 0;
        QString runId;
        QHash<QString, qint64> lastStep;
    };

    void poll()
    {
        if (!m_store) {
            m_store = std::make_unique<RunStore>();
            if (!m_store->open(m_project.historyLocation()) || !m_store->useProject(m_project)) {
                m_store.reset(); // tried again on the next tick
                return;
            }
        }
        for (int i = 0; i < m_followed.size();) {
            Followed &f = m_followed[i];
            // the status first: points written before the end are then all in
            const std::optional<RunRecord> record = m_store->findRun(f.runId);
            const QHash<QString, MetricSummary> summaries = m_store->summaries(f.id);
            for (const MetricSummary &s : summaries) {
                if (s.kind == MetricKind::Text || s.role == ValueRole::Tag
                    || (s.count < 2 && s.kind != MetricKind::List))
                    continue;
                const qint64 last = f.lastStep.value(s.key, std::numeric_limits<qint64>::min());
                if (s.maxStep <= last)
                    continue;
                const QVector<MetricPoint> points = m_store->seriesAfter(f.id, s.key, last);
                if (points.isEmpty())
                    continue;
                f.lastStep.insert(s.key, points.last().step);
                Q_EMIT pointsArrived(m_generation, f.runId, s.key, points);
            }
            if (!record || isFinished(record->status)) {
                if (record)
                    Q_EMIT runEnded(m_generation, *record);
                m_followed.removeAt(i);
                continue;
            }
            ++i;
        }
        if (m_followed.isEmpty())
            m_timer->stop();
    }

    Project m_project;
    std::unique_ptr<RunStore> m_store;
    QVector<Followed> m_followed;
    QTimer *m_timer = nullptr;
    int m_interval = 500;
    int m_generation = 0;
};

LiveSeries::LiveSeries(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new LiveSeriesWorker)
{
    qRegisterMetaType<QVector<MetricPoint>>("QVector<MetricPoint>");
    qRegisterMetaType<RunRecord>("RunRecord");
    m_thread->setObjectName(QStringLiteral("runbench-live"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LiveSeriesWorker::pointsArrived, this,
            [this](int generation, const QString &runId, const QString &key, const QVector<MetricPoint> &points) {
                if (generation == m_generation)
                    Q_EMIT pointsArrived(runId, key, points);
            });
    connect(m_worker, &LiveSeriesWorker::runEnded, this, [this](int generation, const RunRecord &record) {
        if (generation != m_generation)
            return;
        m_runIds.removeAll(record.runId);
        Q_EMIT runEnded(record);
    });
    m_thread->start();
}

LiveSeries::~LiveSeries()
{
    m_thread->quit();
    m_thread->wait(); // the worker only ever waits on one short query
}

void LiveSeries::follow(const Project &project, const QVector<RunRecord> &runs,
                        const QHash<QString, QHash<QString, qint64>> &lastSteps)
{
    const int generation = ++m_generation;
    m_runIds.clear();
    for (const RunRecord &r : runs)
        if (!isFinished(r.status))
            m_runIds.append(r.runId);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, project, runs, lastSteps] {
        worker->follow(generation, project, runs, lastSteps);
    });
}

void LiveSeries::stop() { follow(Project(), {}, {}); }

void LiveSeries::setInterval(int msecs)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, msecs] { worker->setInterval(msecs); });
}

#include "liveseries.moc"

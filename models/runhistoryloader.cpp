#include "runhistoryloader.h"

#include "guiturn.h"
#include "runstore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMutex>
#include <QSemaphore>
#include <QSet>
#include <QThread>
#include <QTimer>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <atomic>
#include <deque>
#include <limits>
#include <memory>
#include <utility>

Q_DECLARE_METATYPE(QVector<RunModel::Row>)

class HistoryWorker : public QObject
{
    Q_OBJECT

public:
    void load(const Project &project, int generation)
    {
        m_project = project;
        m_generation = generation;
        m_store.reset();
        m_maxId = 0;
        m_active.clear();
        m_since = -1;
        if (!m_timer) {
            m_timer = new QTimer(this);
            connect(m_timer, &QTimer::timeout, this, &HistoryWorker::poll);
        }
        m_timer->start(m_interval);
        fullLoad();
    }

    // Puts the backup in place of the damaged history, then loads it.
    void restoreBackup(const QString &backup)
    {
        m_store.reset();
        QString keptAs;
        QString error;
        if (!RunStore::restoreBackup(m_project.databasePath(), backup, &keptAs, &error)) {
            Q_EMIT failed(m_generation, error);
            return;
        }
        Q_EMIT backupRestored(m_generation, keptAs);
        load(m_project, m_generation);
    }

    void setInterval(int msecs)
    {
        m_interval = msecs;
        if (m_timer)
            m_timer->setInterval(msecs);
    }

    // One transaction for the whole edit; the model has it at once, every
    // other window at its next poll (through the change mark).
    void edit(qint64 run, const RunEdit &edit)
    {
        if (!ensureOpen()) {
            Q_EMIT edited(m_generation, run, tr("The run history is not open."));
            return;
        }
        const bool ok = m_store->editRun(run, edit);
        Q_EMIT edited(m_generation, run, ok ? QString() : m_store->lastError());
        poll();
    }

    void stop()
    {
        delete m_timer;
        m_timer = nullptr;
        m_store.reset();
    }

    // Pages of the first load wait for room: the window takes one in while
    // the next is read, and never finds a backlog to take in at once (which
    // would hold its thread for seconds). Called on the window's thread when
    // it has taken a page in.
    void pageTaken() { m_room.release(); }
    // A page of the first load, as the history's thread leaves it for the
    // window's.
    struct Page
    {
        int generation = 0;
        bool first = false; // the first page: the model starts over with it
        qint64 msecs = 0; // how long the first page took
        qint64 expected = 0; // how many runs the whole load brings
        RunModel::RowPointers rows;
        bool last = false; // no runs: the load is complete
    };
    // The oldest page waiting, taken over (on the window's thread); false
    // if none waits.
    bool takePage(Page *page)
    {
        QMutexLocker lock(&m_pagesLock);
        if (m_pages.empty())
            return false;
        *page = std::move(m_pages.front());
        m_pages.pop_front();
        return true;
    }
    // From any thread: stops a first load that is under way when the window
    // no longer wants it (another project, or the loader going away).
    void want(int generation) { m_wanted = generation; }

Q_SIGNALS:
    // expected: how many runs the whole load brings, to make room for once
    void pagesWaiting(); // a page of the first load waits in takePage()
    void updated(int generation, const QVector<RunModel::Row> &rows);
    void failed(int generation, const QString &error);
    void damaged(int generation, const QString &error, const QString &backup, const QDateTime &backupTime);
    void backupRestored(int generation, const QString &damagedKeptAs);
    void projectSeen(int generation, const QString &lastRoot, const QString &lastHost);
    void edited(int generation, qint64 run, const QString &error);

private:
    bool waitForRoom(int generation)
    {
        while (m_wanted == generation) {
            if (m_room.tryAcquire(1, 100))
                return m_wanted == generation;
        }
        return false;
    }

    bool ensureOpen()
    {
        if (m_store)
            return true;
        if (!m_project.hasHistory())
            return false; // no run yet: look again at the next poll
        auto store = std::make_unique<RunStore>();
        if (!store->open(m_project.historyLocation()) || !store->useProject(m_project)) {
            if (store->lastErrorKind() == RunStore::ErrorKind::Corrupt) {
                const QVector<RunStore::Backup> backups = RunStore::backups(m_project.databasePath());
                Q_EMIT damaged(m_generation, store->lastError(), backups.value(0).path, backups.value(0).time);
            } else {
                Q_EMIT failed(m_generation, store->lastError());
            }
            m_timer->stop();
            return false;
        }
        Q_EMIT projectSeen(m_generation, store->previousRoot(), store->previousHost());
        m_store = std::move(store);
        return true;
    }

    // Notes which runs are still to be watched.
    void track(const RunRecord &run)
    {
        m_maxId = qMax(m_maxId, run.id);
        if (isFinished(run.status) && !run.stale) // a silent run may come back: still watched
            m_active.remove(run.id);
        else
            m_active.insert(run.id);
    }

    // Moves the runs and their summaries into rows (the polls' few runs).
    QVector<RunModel::Row> rowsOf(QVector<RunRecord> &&runs, QHash<qint64, QVector<MetricSummary>> &&sums)
    {
        QVector<RunModel::Row> rows;
        rows.reserve(runs.size());
        for (RunRecord &run : runs) {
            track(run);
            RunModel::Row row;
            const auto it = sums.find(run.id);
            if (it != sums.end())
                row.metrics = std::move(*it);
            row.run = std::move(run);
            rows.append(std::move(row));
        }
        return rows;
    }

    void handOver(Page &&page)
    {
        {
            QMutexLocker lock(&m_pagesLock);
            m_pages.push_back(std::move(page));
        }
        Q_EMIT pagesWaiting();
    }

    // Pages of runs, oldest first: the first page shows at once, the rest
    // follow as additions (no reset).
    void fullLoad()
    {
        QElapsedTimer clock;
        clock.start();
        if (!ensureOpen()) {
            if (!m_store && waitForRoom(m_generation)) {
                handOver({ m_generation, true, clock.elapsed(), 0, {} });
            }
            return;
        }
        // Whatever changes while the pages are read is read again at the next poll.
        m_since = m_store->changeMark();
        const int generation = m_generation;
        const qint64 expected = m_store->runCount();
        bool first = true;
        for (;;) {
            // Each run is read straight into the row the model keeps: a
            // record is never copied or moved on its way to the window.
            // After the first, pages are as big as the window takes in a
            // few milliseconds (a page of 10,000 runs held it for 0.2 s at
            // 300,000 runs); the next one is read while it does.
            RunModel::RowPointers page;
            const int limit = first ? 5000 : kWindowPage;
            page.reserve(size_t(limit));
            m_store->runsPage(m_maxId, limit, [&page] {
                page.push_back(std::make_unique<RunModel::Row>());
                return &page.back()->run;
            });
            if (page.empty() && !first) {
                // the end, said: runs deleted while the pages were read
                // leave the model short of the count it was told
                if (waitForRoom(generation))
                    handOver({ generation, false, clock.elapsed(), expected, {}, true });
                break;
            }
            const bool empty = page.empty();
            auto sums = empty ? QHash<qint64, QVector<MetricSummary>>()
                              : m_store->summariesBetween(page.front()->run.id, page.back()->run.id);
            for (std::unique_ptr<RunModel::Row> &row : page) {
                track(row->run);
                const auto it = sums.find(row->run.id);
                if (it != sums.end())
                    row->metrics = std::move(*it);
            }
            if (!waitForRoom(generation))
                return;
            handOver({ generation, first, clock.elapsed(), expected, std::move(page) });
            first = false;
            if (empty)
                break;
        }
    }

    void poll()
    {
        if (!m_store) {
            if (m_project.hasHistory())
                fullLoad();
            return;
        }
        // The runs anyone changed since the last look: new ones, progress,
        // ends, and edits from the command line or another window.
        const RunStore::Changes changes = m_store->runsChangedSince(m_since);
        QVector<RunRecord> runs = changes.runs;
        m_since = changes.next;
        // Unfinished runs are read again now and then even when nobody wrote:
        // a run whose owner fell silent turns Lost by the clock alone.
        if (!m_active.isEmpty() && ++m_quietPolls * m_interval >= 10000) {
            m_quietPolls = 0;
            QSet<qint64> seen;
            for (const RunRecord &r : std::as_const(runs))
                seen.insert(r.id);
            QVector<qint64> active;
            for (qint64 id : std::as_const(m_active))
                if (!seen.contains(id))
                    active.append(id);
            if (!active.isEmpty())
                runs += m_store->runsAfter(m_maxId, active);
        }
        if (runs.isEmpty())
            return;
        QVector<qint64> ids;
        for (const RunRecord &r : runs)
            ids.append(r.id);
        Q_EMIT updated(m_generation, rowsOf(std::move(runs), m_store->summariesOf(ids)));
    }

    Project m_project;
    int m_generation = 0;
    std::unique_ptr<RunStore> m_store;
    QTimer *m_timer = nullptr;
    int m_interval = 500;
    int m_quietPolls = 0;
    qint64 m_since = -1; // the store's change mark: what changed from here on is not read yet
    qint64 m_maxId = 0;
    QSet<qint64> m_active;
    static constexpr int kWindowPage = 2000;
    // Pages the window may have waiting: as many runs read ahead as before
    // pages were this small. The window takes one per pass of its event
    // loop.
    QSemaphore m_room{ 6 };
    QMutex m_pagesLock;
    std::deque<Page> m_pages; // handed over, not copied
    std::atomic<int> m_wanted{ 0 }; // the generation the window shows (-1: none)
};

namespace {
constexpr int kHistoryNice = 5;
}

RunHistoryLoader::RunHistoryLoader(RunModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_thread(new QThread(this))
    , m_worker(new HistoryWorker)
    , m_takePage(new QTimer(this))
{
    qRegisterMetaType<QVector<RunModel::Row>>("QVector<RunModel::Row>");
    m_thread->setObjectName(QStringLiteral("runbench-history"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
#if defined(Q_OS_LINUX)
    // Reading yields to the window: a little less weight than the threads
    // that paint and answer the user, so that on a busy machine they get a
    // CPU first (on Linux each thread has its own nice value).
    connect(m_thread, &QThread::started, m_worker,
            [] { setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), kHistoryNice); });
#endif
    // One page per pass of the event loop: with pages waiting, the window
    // would otherwise take them all in one go, keys and timers waiting.
    m_takePage->setSingleShot(true);
    m_takePage->setInterval(0);
    connect(m_worker, &HistoryWorker::pagesWaiting, this, [this] {
        if (!m_takePage->isActive())
            m_takePage->start();
    });
    connect(m_takePage, &QTimer::timeout, this, [this] {
        if (!GuiTurn::take(this) || takePages(8))
            m_takePage->start(); // for the next one, if any
    });
    // Results for a project no longer shown are dropped.
    connect(m_worker, &HistoryWorker::updated, this, [this](int generation, const QVector<RunModel::Row> &rows) {
        takePages(-1); // the first load's last pages before what changed since
        if (generation == m_generation)
            m_model->upsertRuns(rows);
    });
    connect(m_worker, &HistoryWorker::failed, this, [this](int generation, const QString &error) {
        if (generation == m_generation)
            Q_EMIT failed(error);
    });
    connect(m_worker, &HistoryWorker::damaged, this,
            [this](int generation, const QString &error, const QString &backup, const QDateTime &time) {
                if (generation == m_generation)
                    Q_EMIT damaged(error, backup, time);
            });
    connect(m_worker, &HistoryWorker::backupRestored, this, [this](int generation, const QString &keptAs) {
        if (generation == m_generation)
            Q_EMIT backupRestored(keptAs);
    });
    connect(m_worker, &HistoryWorker::edited, this, [this](int generation, qint64 run, const QString &error) {
        if (generation == m_generation)
            Q_EMIT runEdited(run, error);
    });
    connect(m_worker, &HistoryWorker::projectSeen, this,
            [this](int generation, const QString &root, const QString &host) {
                if (generation == m_generation)
                    Q_EMIT projectSeen(root, host);
            });
    m_thread->start();
}

bool RunHistoryLoader::takePages(int budgetMsecs)
{
    QElapsedTimer pass;
    pass.start();
    HistoryWorker::Page page;
    bool took = false;
    // another page in the same pass only while the pass is short
    while ((budgetMsecs < 0 || pass.elapsed() < budgetMsecs) && m_worker->takePage(&page)) {
        took = true;
        m_worker->pageTaken();
        if (page.generation != m_generation) // for a project no longer shown
            continue;
        if (page.last) {
            m_model->endFilling();
        } else if (page.first) {
            const int count = int(page.rows.size());
            m_model->setRuns(std::move(page.rows), int(qMin<qint64>(page.expected, std::numeric_limits<int>::max())));
            Q_EMIT loaded(count, page.msecs);
        } else {
            m_model->upsertRuns(std::move(page.rows));
        }
    }
    return took;
}

void RunHistoryLoader::restoreBackup(const QString &backup)
{
    HistoryWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, backup] { worker->restoreBackup(backup); });
}

RunHistoryLoader::~RunHistoryLoader()
{
    HistoryWorker *worker = m_worker;
    worker->want(-1);
    QMetaObject::invokeMethod(
        worker, [worker] { worker->stop(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void RunHistoryLoader::setProject(const Project &project)
{
    const int generation = ++m_generation;
    HistoryWorker *worker = m_worker;
    worker->want(generation);
    QMetaObject::invokeMethod(worker, [worker, project, generation] { worker->load(project, generation); });
}

void RunHistoryLoader::editRun(qint64 run, const RunEdit &edit)
{
    HistoryWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, run, edit] { worker->edit(run, edit); });
}

void RunHistoryLoader::setPollInterval(int msecs)
{
    HistoryWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, msecs] { worker->setInterval(msecs); });
}

#include "runhistoryloader.moc"

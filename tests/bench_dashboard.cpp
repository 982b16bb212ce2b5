// Benchmark: opening the dashboard on a history of RUNS runs with 5 logged
// values each (default 100,000): store → RunModel → charts drawn, next to a
// plain SELECT of the same rows in the same run; then sorting each column.
// Prints figures; passes or fails nothing.
//
//   QT_QPA_PLATFORM=offscreen bench_dashboard [RUNS]
//
// BENCH_LONG_EVENTS=1 lists every GUI event over 50 ms as it happens;
// BENCH_STRETCH=1 lists the events of the longest stretch (those over 1 ms),
// each kind of event's total and longest with their time on a CPU, and on
// stderr the twelve longest events on the monotonic clock, for a profile
// recorded with perf record -k CLOCK_MONOTONIC from the line "the window's
// load begins" on.
#include "benchutil.h"
#include "dashboardseries.h"
#include "metricchart.h"
#include "project.h"
#include "rundashboard.h"
#include "runfiltermodel.h"
#include "runhistoryloader.h"
#include "runmodel.h"
#include "runsortmodel.h"
#include "runstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

// The calling thread's time on a CPU so far.
double threadCpuMs()
{
    timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// The memory pages the calling thread has mapped in so far (its minor
// faults).
qint64 threadPagesMappedIn()
{
    rusage usage {};
    getrusage(RUSAGE_THREAD, &usage);
    return usage.ru_minflt;
}

// Times every event the GUI thread handles, outermost only: the longest
// says what held the thread (its receiver and that one's parent).
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (m_depth++ > 0 || !m_timing) {
            const bool handled = QApplication::notify(receiver, event);
            --m_depth;
            return handled;
        }
        QElapsedTimer t;
        t.start();
        const QString what = QString::fromLatin1(receiver->metaObject()->className())
            + (receiver->parent() ? QStringLiteral(" in ") + QString::fromLatin1(receiver->parent()->metaObject()->className())
                                  : QString())
            + QStringLiteral(", event %1").arg(int(event->type()));
        const double startedMs = m_clock.isValid() ? ms(m_clock) - ms(t) : 0;
        const double cpuBefore = m_clock.isValid() ? threadCpuMs() : 0;
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        const double took = ms(t);
        if (took > 1 && m_clock.isValid())
            m_events.push_back({ startedMs, took, threadCpuMs() - cpuBefore, what });
        if (took > m_longest) {
            m_longest = took;
            m_what = what;
        }
        if (took > 50) {
            ++m_over;
            if (qEnvironmentVariableIsSet("BENCH_LONG_EVENTS"))
                std::fprintf(stderr, "%8.1f ms  %s\n", took, qPrintable(what));
        }
        return handled;
    }
    void startTiming() { m_timing = true; }
    // Keeps every event over 1 ms, on clock's time, for eventsBetween().
    void traceOn(const QElapsedTimer &clock) { m_clock = clock; }
    struct Event
    {
        double startMs;
        double tookMs;
        double cpuMs; // of it on a CPU
        QString what;
    };
    const std::vector<Event> &events() const { return m_events; }
    std::vector<Event> eventsBetween(double fromMs, double toMs) const
    {
        std::vector<Event> found;
        for (const Event &e : m_events)
            if (e.startMs + e.tookMs >= fromMs && e.startMs <= toMs)
                found.push_back(e);
        return found;
    }
    void stopTiming() { m_timing = false; }
    double longest() const { return m_longest; }
    int eventsOver50ms() const { return m_over; }
    QString longestWhat() const { return m_what; }

private:
    int m_depth = 0;
    bool m_timing = false;
    double m_longest = 0;
    int m_over = 0;
    QString m_what;
    QElapsedTimer m_clock;
    std::vector<Event> m_events;
};

const char *const kKeys[] = { "Accuracy", "Regularization Rate", "loss", "f1", "epochs" };
} // namespace

int main(int argc, char **argv)
{
    TimingApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    const Project project(dir.path());
    QString error;
    project.ensureDataDir(&error);
    {
        RunStore store;
        store.open(project.databasePath());
        store.useProject(project);
    }
    {
        // the history, written in one transaction
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
        db.setDatabaseName(project.databasePath());
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("BEGIN"));
        for (int k = 0; k < 5; ++k)
            q.exec(QStringLiteral("INSERT INTO metric_keys (id, name) VALUES (%1, '%2')")
                       .arg(k + 1)
                       .arg(QLatin1String(kKeys[k])));
        QSqlQuery run(db);
        run.prepare(QStringLiteral(
            "INSERT INTO runs (id, project_id, run_id, run_number, script, status, created_us, start_us, "
            "end_us, exit_code) VALUES (?, 1, ?, ?, 'train.py', 'Completed', ?, ?, ?, 0)"));
        QSqlQuery metric(db);
        metric.prepare(
            QStringLiteral("INSERT INTO run_metrics (run, key, kind, count, last_num, min_num, max_num, sum_num, "
                           "finite_count) VALUES (?, ?, 'number', 1, ?, ?, ?, ?, 1)"));
        for (int i = 1; i <= runs; ++i) {
            const qint64 start = 1700000000000000LL + qint64(i) * 1000000;
            run.addBindValue(i);
            run.addBindValue(QStringLiteral("Bench_%1").arg(i));
            run.addBindValue(i);
            run.addBindValue(start);
            run.addBindValue(start);
            run.addBindValue(start + 1000 * (i % 5000));
            run.exec();
            for (int k = 0; k < 5; ++k) {
                const double v = std::sin(i * 0.001 * (k + 1)) + k;
                metric.addBindValue(i);
                metric.addBindValue(k + 1);
                metric.addBindValue(v);
                metric.addBindValue(v);
                metric.addBindValue(v);
                metric.addBindValue(v);
                metric.exec();
            }
        }
        q.exec(QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));

    // Baseline: a plain SELECT of the same rows.
    double selectMs = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
        db.setDatabaseName(project.databasePath());
        db.open();
        QElapsedTimer t;
        t.start();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.exec(QStringLiteral(
            "SELECT r.id, r.run_id, r.run_number, r.script, r.status, r.start_us, r.end_us FROM runs r"));
        int n = 0;
        while (q.next())
            n += q.value(2).toInt() > 0;
        QSqlQuery m(db);
        m.setForwardOnly(true);
        m.exec(
            QStringLiteral("SELECT m.run, k.name, m.last_num FROM run_metrics m JOIN metric_keys k ON k.id = m.key"));
        while (m.next())
            n += m.value(2).toDouble() > -1e300;
        selectMs = ms(t);
        std::printf("plain SELECT read %d values\n", n);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plain"));

    // The loader alone, into a model no view watches: what reading the
    // history costs before any view takes its share.
    double bareMs = 0;
    double bareMiB = 0;
    {
        const double before = residentMiB();
        RunModel bare;
        RunHistoryLoader loader(&bare);
        QElapsedTimer t;
        t.start();
        loader.setProject(project);
        if (!waitInLoop([&] { return bare.rowCount() == runs; }, 120000))
            return 1;
        bareMs = ms(t);
        bareMiB = residentMiB() - before;
    }

    RunModel model;
    RunDashboard dashboard(&model);
    dashboard.resize(1400, 900);
    dashboard.setProject(project);
    dashboard.show();
    if (!QTest::qWaitForWindowExposed(&dashboard))
        return 1;
    RunHistoryLoader loader(&model);
    QSignalSpy loaded(&loader, &RunHistoryLoader::loaded);
    // how long the GUI thread is ever busy at a stretch while the history loads
    QElapsedTimer t;
    qint64 lastTick = 0;
    qint64 longestGap = 0;
    int gapsOver50 = 0;
    // and how much of the longest the thread was on a CPU: the rest it
    // waited for one (the history's thread and other programs share two)
    double lastCpu = threadCpuMs(), longestGapCpu = 0;
    qint64 longestGapEnd = 0;
    // a tick every millisecond, when the thread is free for it: the gap
    // between two ticks is a stretch of work (and at most a millisecond
    // idle). An event that comes meanwhile, a key or a click, waits as long.
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double cpuMs = threadCpuMs();
        const qint64 gap = t.elapsed() - lastTick;
        if (gap > longestGap) {
            longestGap = gap;
            longestGapCpu = cpuMs - lastCpu;
            longestGapEnd = t.elapsed();
        }
        gapsOver50 += gap > 50;
        lastTick = t.elapsed();
        lastCpu = cpuMs;
    });
    t.start();
    ticker.start();
    app.startTiming();
    if (qEnvironmentVariableIsSet("BENCH_STRETCH"))
        app.traceOn(t);
    const QHash<int, ThreadCpu> cpuBefore = threadCpu();
    std::fprintf(stderr, "the window's load begins\n"); // a mark for a profiler to start at
    loader.setProject(project);
    if (!loaded.wait(120000))
        return 1;
    const double loadMs = ms(t);
    double firstChartMs = -1;
    if (waitInLoop(
            [&] { return !dashboard.charts().isEmpty() && !dashboard.charts().first()->drawnPoints().isEmpty(); },
            60000))
        firstChartMs = ms(t);
    // charts drawn: every chart has all its points and its (reduced) drawing
    const bool drawn = waitInLoop(
        [&] {
            if (dashboard.charts().size() < 6)
                return false;
            for (MetricChart *c : dashboard.charts())
                if (c->points().size() != runs || c->drawnPoints().isEmpty())
                    return false;
            return true;
        },
        120000);
    if (!drawn)
        std::fprintf(stderr, "the charts were not drawn within two minutes\n");
    QApplication::processEvents();
    const double openMs = ms(t);
    // what each thread spent on it: the slower one sets the pace
    double windowCpu = 0, historyCpu = 0;
    qint64 windowFaults = 0, historyFaults = 0;
    const QHash<int, ThreadCpu> cpuAfter = threadCpu();
    for (auto it = cpuAfter.cbegin(); it != cpuAfter.cend(); ++it) {
        const double spent = it->seconds - cpuBefore.value(it.key()).seconds;
        const qint64 faults = it->faults - cpuBefore.value(it.key()).faults;
        if (it.key() == int(QCoreApplication::applicationPid())) {
            windowCpu += spent;
            windowFaults += faults;
        } else if (it->name.startsWith(QLatin1String("runbench-hist"))) {
            historyCpu += spent;
            historyFaults += faults;
        }
    }

    std::printf("runs: %d, logged values per run: 5\n", runs);
    std::printf("plain SELECT of the same rows:           %8.1f ms\n", selectMs);
    std::printf("all runs in a model no view watches:     %8.1f ms  (%.1fx the SELECT)\n", bareMs, bareMs / selectMs);
    std::printf("  the memory they take: %.0f MiB, %.0f bytes a run\n", bareMiB, bareMiB * 1024 * 1024 / runs);
    ticker.stop();
    app.stopTiming();
    std::printf("first page of runs in the model:         %8.1f ms\n", loadMs);
    std::printf("first charts drawn (window usable):      %8.1f ms  (%.1fx the SELECT; target < 1000 ms)\n",
                firstChartMs, firstChartMs / selectMs);
    std::printf("all runs in the model, 6 charts drawn:   %8.1f ms  (%.1fx the SELECT; target <= 2x)\n", openMs,
                openMs / selectMs);
    std::printf("  CPU time it took: %.2f s on the GUI thread, %.2f s on the history's\n", windowCpu, historyCpu);
    std::printf("  memory pages mapped in (faults): %lld on the GUI thread, %lld on the history's\n", windowFaults,
                historyFaults);
    std::printf("longest the GUI thread was busy at once: %8lld ms  (target < 50 ms)\n", longestGap);
    std::printf("  of it on a CPU: %.0f ms; stretches over 50 ms: %d\n", longestGapCpu, gapsOver50);
    std::printf("  its longest event: %.1f ms, %s; events over 50 ms: %d\n", app.longest(),
                qPrintable(app.longestWhat()), app.eventsOver50ms());
    if (qEnvironmentVariableIsSet("BENCH_STRETCH")) {
        struct Kind
        {
            int count = 0;
            double ms = 0, cpuMs = 0;
            const TimingApplication::Event *longest = nullptr;
        };
        QHash<QString, Kind> byWhat;
        for (const TimingApplication::Event &e : app.events()) {
            Kind &kind = byWhat[e.what];
            ++kind.count;
            kind.ms += e.tookMs;
            kind.cpuMs += e.cpuMs;
            if (!kind.longest || e.tookMs > kind.longest->tookMs)
                kind.longest = &e;
        }
        for (auto it = byWhat.cbegin(); it != byWhat.cend(); ++it)
            std::printf("  %5d events, %7.1f ms (%7.1f on a CPU), the longest %5.1f ms (%4.1f): %s\n", it->count,
                        it->ms, it->cpuMs, it->longest->tookMs, it->longest->cpuMs, qPrintable(it.key()));
        // the longest events on the system's monotonic clock, to find them in
        // a profile recorded with it (perf record -k CLOCK_MONOTONIC)
        std::vector<const TimingApplication::Event *> longest;
        for (const TimingApplication::Event &e : app.events())
            longest.push_back(&e);
        const size_t shown = std::min<size_t>(longest.size(), 12);
        std::partial_sort(longest.begin(), longest.begin() + qsizetype(shown), longest.end(),
                          [](const auto *a, const auto *b) { return a->tookMs > b->tookMs; });
        const double base = double(t.msecsSinceReference()) / 1e3;
        for (size_t i = 0; i < shown; ++i)
            std::fprintf(stderr, "event from %.6f to %.6f s (monotonic): %.1f ms, %.1f on a CPU, %s\n",
                         base + longest[i]->startMs / 1e3, base + (longest[i]->startMs + longest[i]->tookMs) / 1e3,
                         longest[i]->tookMs, longest[i]->cpuMs, qPrintable(longest[i]->what));
    }
    for (const TimingApplication::Event &e :
         app.eventsBetween(double(longestGapEnd - longestGap), double(longestGapEnd)))
        std::printf("    at %8.1f ms: %5.1f ms (%4.1f on a CPU), %s\n", e.startMs, e.tookMs, e.cpuMs,
                    qPrintable(e.what));

    // Polls while 8 runs are active: each brings those 8 rows again with a
    // new value. The series move a run at a time; the rows read per poll
    // say that no poll recomputes every series from every run.
    {
        const int active = 8;
        const int polls = 20;
        QVector<RunModel::Row> rows;
        for (int i = 0; i < active; ++i) {
            const int row = model.rowCount() - 1 - i;
            rows.append({ model.run(row), {} });
        }
        double upsertMs = 0;
        const qint64 readBefore = dashboard.series()->rowsRead();
        for (int p = 0; p < polls; ++p) {
            for (RunModel::Row &r : rows) {
                MetricSummary s;
                s.key = QStringLiteral("loss");
                s.kind = MetricKind::Number;
                s.count = p + 1;
                s.last = s.min = s.max = s.sum = 1.0 / (p + 2);
                s.finiteCount = 1;
                r.metrics = { s };
            }
            QElapsedTimer u;
            u.start();
            model.upsertRuns(rows);
            upsertMs += ms(u);
            QTest::qWait(40); // the charts take the moved series
        }
        std::printf("a poll of %d active runs (model + series): %6.2f ms on the GUI thread; rows read per poll: "
                    "%lld of %d\n",
                    active, upsertMs / polls, (dashboard.series()->rowsRead() - readBefore) / polls, runs);
    }
    double worst = 0;
    for (int c = 0; c < model.columnCount(); ++c) {
        const double sortCpuBefore = threadCpuMs();
        const qint64 pagesBefore = threadPagesMappedIn();
        QElapsedTimer s;
        s.start();
        dashboard.sorted()->sort(c, Qt::AscendingOrder);
        const double sortMs = ms(s);
        worst = qMax(worst, sortMs);
        std::printf("sort by %-22s %8.1f ms  (%5.1f on a CPU; %6lld pages mapped in)\n",
                    qPrintable(model.headerData(c, Qt::Horizontal).toString() + QLatin1Char(':')), sortMs,
                    threadCpuMs() - sortCpuBefore, threadPagesMappedIn() - pagesBefore);
    }
    std::printf("slowest sort: %.1f ms (target < 200 ms)\n", worst);
    return 0;
}

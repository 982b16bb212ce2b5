// Benchmark: the views for many runs. The parallel coordinates drawing RUNS
// runs × 8 axes (default 10,000), idle and while brushing (the filter the
// grid and the other charts follow included), next to 1,000 runs in the same
// run; then the compare view opening COMPARED runs with a STEPS-step series
// each (default 100 × 10,000), next to 3 such runs. Prints figures; passes
// or fails nothing.
//
//   QT_QPA_PLATFORM=offscreen bench_sweepviews [RUNS [COMPARED [STEPS]]]
#include "benchutil.h"
#include "metricchart.h"
#include "metricline.h"
#include "parallelcoordinates.h"
#include "project.h"
#include "runcompareview.h"
#include "runfiltermodel.h"
#include "runmodel.h"
#include "runstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

MetricSummary summary(const QString &key, double value, ValueRole role)
{
    MetricSummary s;
    s.key = key;
    s.role = role;
    s.count = 1;
    s.last = s.min = s.max = s.sum = value;
    s.finiteCount = 1;
    return s;
}

struct Frames
{
    double readMs = 0;
    Spread idle;
    Spread brushing; // brush moved, filter applied, frame drawn: the GUI thread's share
    Spread filter; // of which the filter
    Spread lines; // brush moved until its lines are drawn (off the GUI thread)
};

// A sweep's runs: 4 parameters (a log-spaced rate among them) and 4 metrics.
Frames parallelCoordinates(int runs)
{
    RunModel model;
    QVector<RunModel::Row> rows;
    rows.reserve(runs);
    for (int i = 0; i < runs; ++i) {
        RunModel::Row r;
        r.run.id = i + 1;
        r.run.number = i + 1;
        r.run.runId = QStringLiteral("bench_%1").arg(i + 1);
        r.run.script = QStringLiteral("train.py");
        r.run.status = RunStatus::Completed;
        const double lr = std::pow(10.0, -4 + 4.0 * (i % 97) / 96);
        const double acc = 0.5 + 0.45 * std::sin(i * 0.37) * std::sin(i * 0.37);
        r.metrics = { summary(QStringLiteral("lr"), lr, ValueRole::Param),
                      summary(QStringLiteral("layers"), 1 + i % 8, ValueRole::Param),
                      summary(QStringLiteral("dropout"), (i % 11) / 20.0, ValueRole::Param),
                      summary(QStringLiteral("batch"), 16 << (i % 5), ValueRole::Param),
                      summary(QStringLiteral("accuracy"), acc, ValueRole::Metric),
                      summary(QStringLiteral("loss"), 1 - acc + 0.05 * std::cos(i), ValueRole::Metric),
                      summary(QStringLiteral("f1"), acc * 0.9, ValueRole::Metric),
                      summary(QStringLiteral("seconds"), 10 + i % 300, ValueRole::Metric) };
        rows.append(r);
    }
    model.setRuns(rows);
    RunFilterModel filter(&model);
    filter.sort(RunModel::NumberField, Qt::DescendingOrder); // as the grid sorts
    ParallelCoordinates chart(&model, &filter);
    chart.resize(1400, 600);
    chart.show(); // a hidden chart draws nothing
    chart.setAxes({ QStringLiteral("lr"), QStringLiteral("layers"), QStringLiteral("dropout"), QStringLiteral("batch"),
                    QStringLiteral("accuracy"), QStringLiteral("loss"), QStringLiteral("f1"),
                    QStringLiteral("seconds") });
    Frames f;
    QSignalSpy drawn(&chart, &ParallelCoordinates::linesDrawn);
    QElapsedTimer t;
    t.start();
    chart.reload();
    f.readMs = ms(t);
    drawn.wait(600000);
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
    QVector<double> idle;
    QVector<double> brushing;
    QVector<double> filtering;
    for (int i = 0; i < 100; ++i) {
        t.restart();
        chart.render(&image);
        idle.append(ms(t));
    }
    for (int i = 0; i < 100; ++i) {
        // a range dragged down the accuracy axis, a step per frame
        RunFilterModel::Brush brush;
        brush.low = 0.5 + 0.003 * i;
        brush.high = brush.low + 0.15;
        t.restart();
        filter.setBrush(QStringLiteral("accuracy"), brush);
        const double filtered = ms(t);
        chart.render(&image);
        brushing.append(ms(t));
        filtering.append(filtered);
    }
    QVector<double> latency;
    drawn.wait(600000);
    for (int i = 0; i < 20; ++i) {
        RunFilterModel::Brush brush;
        brush.low = 0.4 + 0.01 * i;
        brush.high = brush.low + 0.2;
        drawn.clear();
        t.restart();
        filter.setBrush(QStringLiteral("loss"), brush);
        drawn.wait(600000);
        latency.append(ms(t));
    }
    f.idle = spread(idle);
    f.brushing = spread(brushing);
    f.filter = spread(filtering);
    f.lines = spread(latency);
    return f;
}

struct Opening
{
    double loadMs = 0; // showRuns() until loaded()
    double longestStallMs = 0; // the GUI thread busy at once
    Spread scroll; // a step of the values table to the side, repainted
    double seriesMs = 0; // the Series tab shown and drawn
};

Opening compare(const Project &project, const QStringList &ids)
{
    RunCompareView view;
    view.setProject(project);
    view.resize(1400, 900);
    view.show();
    QElapsedTimer gap;
    gap.start();
    double longest = 0;
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longest = std::max(longest, ms(gap));
        gap.restart();
    });
    QSignalSpy loaded(&view, &RunCompareView::loaded);
    Opening o;
    QElapsedTimer t;
    t.start();
    tick.start();
    gap.restart();
    view.showRuns(ids);
    loaded.wait(600000);
    o.loadMs = ms(t);
    tick.stop();
    o.longestStallMs = longest;
    QTableWidget *values = view.valuesTable();
    QVector<double> frames;
    for (int i = 0; i < 50; ++i) {
        t.restart();
        values->horizontalScrollBar()->setValue(values->horizontalScrollBar()->maximum() * (i + 1) / 50);
        values->viewport()->repaint();
        frames.append(ms(t));
    }
    o.scroll = spread(frames);
    auto *tabs = view.findChild<QTabWidget *>();
    t.restart();
    tabs->setCurrentIndex(1);
    tabs->currentWidget()->repaint();
    o.seriesMs = ms(t);
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int compared = argc > 2 ? QByteArray(argv[2]).toInt() : 100;
    const int steps = argc > 3 ? QByteArray(argv[3]).toInt() : 10000;

    std::printf("Parallel coordinates, 8 axes, 1400×600 (milliseconds; median / worst of 100 frames)\n");
    std::printf("%8s %8s %14s %22s %17s %22s\n", "runs", "read", "idle frame", "frame while brushing",
                "of which filter", "lines redrawn (worker)");
    for (int n : { 1000, runs }) {
        const Frames f = parallelCoordinates(n);
        std::printf("%8d %8.1f %6.1f / %5.1f %12.1f / %6.1f %8.1f / %5.1f %13.0f / %5.0f\n", n, f.readMs,
                    f.idle.median, f.idle.worst, f.brushing.median, f.brushing.worst, f.filter.median, f.filter.worst,
                    f.lines.median, f.lines.worst);
    }
    std::fflush(stdout);

    // the history: COMPARED runs with one STEPS-step series each
    QTemporaryDir dir;
    const Project project(dir.path());
    QString error;
    project.ensureDataDir(&error);
    RunStore store;
    if (!store.open(project.databasePath()) || !store.useProject(project)) {
        std::fprintf(stderr, "bench_sweepviews: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    QElapsedTimer fill;
    fill.start();
    QStringList ids;
    for (int i = 0; i < compared; ++i) {
        const auto run = store.createRun(project.runIdPrefix(), QStringLiteral("train.py"),
                                         { QString::number(0.001 * (i + 1)) }, QStringLiteral("bench"),
                                         QStringLiteral("host"));
        store.setRunStarted(run->id, 0, 1700000000000000LL);
        QVector<MetricRecord> records;
        records.reserve(steps);
        for (int s = 0; s < steps; ++s) {
            MetricRecord r;
            r.name = QStringLiteral("loss");
            r.numbers = { std::exp(-s / 2000.0) * (1 + 0.01 * i) + 0.02 * std::sin(s * 0.1 + i) };
            r.hasStep = true;
            r.step = s;
            records.append(r);
        }
        QHash<QString, MetricSummary> sums;
        store.appendMetrics(run->id, records, &sums, 0, 0, QString());
        store.setRunFinished(run->id, RunStatus::Completed, 0, 1700000060000000LL, QString());
        ids.append(run->runId);
    }
    store.close();
    std::printf("\nCompare, a %d-step series per run (history written in %.1f s)\n", steps,
                double(fill.nsecsElapsed()) / 1e9);
    std::printf("%10s %12s %18s %22s %12s\n", "runs", "open (ms)", "longest stall", "scroll step med/worst",
                "series tab");
    for (const QStringList &which : { QStringList(ids.mid(0, 3)), ids }) {
        const Opening o = compare(project, which);
        std::printf("%10lld %12.0f %15.1f ms %13.1f / %5.1f ms %9.0f ms\n", static_cast<long long>(which.size()),
                    o.loadMs, o.longestStallMs, o.scroll.median, o.scroll.worst, o.seriesMs);
    }
    return 0;
}

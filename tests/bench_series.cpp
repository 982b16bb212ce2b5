// Benchmark: one chart of one long series. For POINTS points (default
// 10,000,000) and, in the same run, for 100,000: the time to the first draw
// (the level-of-detail summary built as a loader builds it, then the first
// frame), milliseconds per frame while panning and while zooming (median and
// worst of 100 frames each, the reduction included), the same with smoothing
// on, and the resident memory the series added. Prints figures; passes or
// fails nothing.
//
//   QT_QPA_PLATFORM=offscreen bench_series [POINTS]
#include "benchutil.h"
#include "metricchart.h"
#include "serieslod.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

struct Figures
{
    double buildMs = 0;
    double firstFrameMs = 0;
    Spread pan, zoom, smoothedPan;
    double smoothingMs = 0;
    double rssMiB = 0;
};

// A training loss: decaying, noisy, with rare spikes.
Figures measure(qint64 points)
{
    Figures f;
    const double rssBefore = residentMiB();
    QElapsedTimer clock;
    clock.start();
    // made in pieces, summarised as RunDetails::makeChartSeries() does
    auto series = std::make_shared<SeriesLod>();
    QRandomGenerator random(42);
    constexpr qint64 kPiece = 65536;
    std::vector<double> steps(kPiece), stamps(kPiece), values(kPiece);
    double makingMs = 0;
    for (qint64 first = 0; first < points; first += kPiece) {
        QElapsedTimer making;
        making.start();
        const qint64 n = qMin(kPiece, points - first);
        for (qint64 j = 0; j < n; ++j) {
            const qint64 i = first + j;
            double v = 2.0 / (1 + double(i) / double(points) * 20) + random.generateDouble() * 0.1;
            if (random.bounded(100000) == 0)
                v += 5;
            steps[size_t(j)] = double(i);
            stamps[size_t(j)] = 1.7e9 + double(i) * 0.01;
            values[size_t(j)] = v;
        }
        makingMs += ms(making);
        series->append(steps.data(), stamps.data(), values.data(), n);
    }
    f.buildMs = ms(clock) - makingMs; // the summary, not the made-up values

    MetricChart chart;
    chart.resize(1400, 420);
    chart.setTitle(QStringLiteral("loss"));
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        std::printf("(the window was not shown)\n");
    clock.restart();
    chart.addLine(QString(), series, QColor(31, 119, 180));
    chart.repaint();
    f.firstFrameMs = ms(clock);
    f.rssMiB = residentMiB() - rssBefore;

    const QPoint center = chart.plotRect().center();
    auto frames = [&](const std::function<void(int)> &step) {
        QVector<double> times;
        for (int i = 0; i < 100; ++i) {
            clock.restart();
            step(i);
            chart.repaint();
            times.append(ms(clock));
        }
        return spread(times);
    };
    // zoomed to a tenth, then dragged 20 px a frame, there and back
    chart.setXRange(double(points) * 0.4, double(points) * 0.5);
    f.pan = frames([&](int i) { chart.panBy(QPoint(i < 50 ? 20 : -20, 0)); });
    chart.resetView();
    // wheel notches in to 1/200 of the series, then out again
    f.zoom = frames([&](int i) { chart.zoomAt(center, i < 50 ? 0.9 : 1 / 0.9); });
    clock.restart();
    QSignalSpy applied(&chart, &MetricChart::smoothingApplied);
    chart.setSmoothing(0.9);
    if (chart.isSmoothingPending())
        applied.wait(60000);
    f.smoothingMs = ms(clock);
    chart.setXRange(double(points) * 0.4, double(points) * 0.5);
    f.smoothedPan = frames([&](int i) { chart.panBy(QPoint(i < 50 ? 20 : -20, 0)); });
    return f;
}

void print(qint64 points, const Figures &f)
{
    std::printf("%11lld points: summary built in %8.1f ms, first frame %6.1f ms (first draw %8.1f ms); "
                "resident memory +%6.1f MiB\n",
                points, f.buildMs, f.firstFrameMs, f.buildMs + f.firstFrameMs, f.rssMiB);
    std::printf("%11s panning: %5.2f ms median, %5.2f ms worst; zooming: %5.2f ms median, %5.2f ms worst (100 "
                "frames each)\n",
                "", f.pan.median, f.pan.worst, f.zoom.median, f.zoom.worst);
    std::printf("%11s smoothing 0.9 ready after %7.1f ms (off the GUI thread); panning smoothed: %5.2f ms "
                "median, %5.2f ms worst\n",
                "", f.smoothingMs, f.smoothedPan.median, f.smoothedPan.worst);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const qint64 points = argc > 1 ? QByteArray(argv[1]).toLongLong() : 10000000;
    std::printf("One chart, 1400 × 420 pixels, one series (%d cores)\n", QThread::idealThreadCount());
    const Figures small = measure(100000);
    print(100000, small);
    const Figures large = measure(points);
    print(points, large);
    std::printf("%lld against 100,000 points: first draw ×%.2f, worst pan frame ×%.2f, worst zoom frame ×%.2f\n",
                points, (large.buildMs + large.firstFrameMs) / (small.buildMs + small.firstFrameMs),
                large.pan.worst / small.pan.worst, large.zoom.worst / small.zoom.worst);
    return 0;
}

// The charts: the level-of-detail series under them, zoom, pan and reset,
// time and log axes, smoothing, linked x ranges, CSV export, and a running
// run's chart that grows while the details are open.
#include "chartcontrols.h"
#include "metricchart.h"
#include "rundetailsview.h"
#include "serieslod.h"
#include "testutil.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLayout>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// A noisy series with a spike up and a spike down hidden among n points.
std::shared_ptr<SeriesLod> noisy(qint64 n, quint32 seed, qint64 spikeUp, qint64 spikeDown, QVector<double> *values)
{
    auto s = std::make_shared<SeriesLod>();
    QRandomGenerator random(seed);
    for (qint64 i = 0; i < n; ++i) {
        double v = 1 + random.generateDouble();
        if (i == spikeUp)
            v = 50;
        if (i == spikeDown)
            v = -40;
        s->append(double(i), 1000.0 + double(i) * 0.5, v);
        if (values)
            values->append(v);
    }
    return s;
}

bool containsY(const QVector<QPointF> &points, double y)
{
    return std::any_of(points.cbegin(), points.cend(), [y](const QPointF &p) { return p.y() == y; });
}

void wheel(QWidget *w, const QPoint &pos, int delta)
{
    QWheelEvent e(QPointF(pos), QPointF(w->mapToGlobal(pos)), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                  Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

void drag(QWidget *w, const QPoint &from, const QPoint &to, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(w, Qt::LeftButton, modifiers, from);
    for (int i = 1; i <= 4; ++i) {
        const QPoint at = from + (to - from) * i / 4;
        QMouseEvent move(QEvent::MouseMove, at, w->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, modifiers);
        QApplication::sendEvent(w, &move);
    }
    QTest::mouseRelease(w, Qt::LeftButton, modifiers, to);
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summaryFindsEveryExtreme();
    void reductionKeepsTheVisibleMinAndMax();
    void growingChunksAndSharedCopies();
    void blocksAppendLikeSingleValues();
    void runsArrivingWhileSummarisedJoinTheSummary();
    void smoothingIsTensorBoardsEma();
    void smoothingOnAWorkerCatchesUp();
    void zoomPanAndReset();
    void timeAxesUseTheLoggedTimes();
    void logScaleDropsNonPositiveValues();
    void linkedChartsAndSettingsKeptPerProject();
    void csvExport();
    void runsChartUpdatedInPlace();
    void runningRunGrowsWhileShown();

private:
    QTemporaryDir m_dir;
};

void TestCharts::summaryFindsEveryExtreme()
{
    QVector<double> values;
    const auto s = noisy(100000, 7, 31337, 77777, &values);
    QRandomGenerator random(3);
    for (int trial = 0; trial < 300; ++trial) {
        const qint64 a = random.bounded(100000), b = a + random.bounded(100000 - int(a)) + 1;
        double low = 0, high = 0, lowPositive = 0, highPositive = 0;
        QVERIFY(s->extremes(SeriesLod::Track::Raw, a, b, false, &low, &high));
        QVERIFY(s->extremes(SeriesLod::Track::Raw, a, b, true, &lowPositive, &highPositive));
        const auto [mn, mx] = std::minmax_element(values.cbegin() + a, values.cbegin() + b);
        QCOMPARE(low, *mn);
        QCOMPARE(high, *mx);
        double smallestPositive = std::numeric_limits<double>::infinity();
        for (qint64 i = a; i < b; ++i)
            if (values.at(int(i)) > 0)
                smallestPositive = qMin(smallestPositive, values.at(int(i)));
        QCOMPARE(lowPositive, smallestPositive);
    }
    QCOMPARE(s->nonPositiveCount(), 1);
    // steps must go forward: an older one is refused and counted
    QVERIFY(!s->append(5, 0, 1));
    QCOMPARE(s->outOfOrder(), 1);
    QCOMPARE(s->size(), 100000);
}

void TestCharts::reductionKeepsTheVisibleMinAndMax()
{
    QVector<double> values;
    const auto s = noisy(1000000, 11, 654321, 123457, &values);
    // all of it on 800 columns: a few points per column, both spikes kept
    const QVector<QPointF> all = s->reduce(SeriesLod::X::Step, 0, 0, 999999, 800, SeriesLod::Track::Raw, false);
    QVERIFY(all.size() <= 4 * 800 + 2);
    QVERIFY(containsY(all, 50));
    QVERIFY(containsY(all, -40));
    // a window without the spikes: its own extremes, found by the summary
    const QVector<QPointF> window =
        s->reduce(SeriesLod::X::Step, 0, 200000, 600000, 500, SeriesLod::Track::Raw, false);
    const auto [mn, mx] = std::minmax_element(values.cbegin() + 200000, values.cbegin() + 600001);
    QVERIFY(containsY(window, *mn));
    QVERIFY(containsY(window, *mx));
    QVERIFY(!containsY(window, 50));
    for (const QPointF &p : window)
        QVERIFY(p.x() >= 199999 && p.x() <= 600001); // one neighbour either side at most
    // close in: every point, as it was logged
    const QVector<QPointF> close = s->reduce(SeriesLod::X::Step, 0, 654300, 654340, 500, SeriesLod::Track::Raw, false);
    QCOMPARE(close.size(), 41 + 2);
    QCOMPARE(close.at(22), QPointF(654321, 50));
}

void TestCharts::growingChunksAndSharedCopies()
{
    SeriesLod s;
    for (int i = 0; i < 70000; ++i) // across a chunk's end
        s.append(i, i, i % 1000);
    const std::shared_ptr<SeriesLod> copy = s.shareValues();
    for (int i = 70000; i < 200000; ++i) // the owner goes on; the copy keeps what it saw
        s.append(i, i, -1);
    QCOMPARE(copy->size(), 70000);
    QCOMPARE(copy->value(69999), 999.0);
    QCOMPARE(copy->value(65536), double(65536 % 1000));
    QCOMPARE(s.value(199999), -1.0);
    QCOMPARE(s.value(65535), double(65535 % 1000));
    double low = 0, high = 0;
    QVERIFY(s.extremes(SeriesLod::Track::Raw, 0, s.size(), false, &low, &high));
    QCOMPARE(low, -1.0);
    QCOMPARE(high, 999.0);
}

// Blocks of values (a page of runs, a batch of logged lines) go in a copy
// per column, across chunk ends and past a copy that shares the values; a
// block with a step out of order or a time going back takes the careful
// way. Either way the series is the one single appends make.
void TestCharts::blocksAppendLikeSingleValues()
{
    SeriesLod single, blocks;
    std::shared_ptr<SeriesLod> copy;
    qint64 next = 0;
    for (qint64 size : { 1, 63, 64, 200, 5000, 70000, 3, 131072, 4096 }) {
        std::vector<double> steps, times, values;
        for (qint64 i = 0; i < size; ++i, ++next) {
            steps.push_back(double(next));
            times.push_back(double(next / 3)); // times repeat: still in order
            values.push_back(std::sin(double(next) * 0.01) * 100);
            single.append(steps.back(), times.back(), values.back());
        }
        QCOMPARE(blocks.append(steps.data(), times.data(), values.data(), size), size);
        if (size == 5000)
            copy = blocks.shareValues();
    }
    // out of order: one step goes back (left out), one time goes back (held)
    const double steps[] = { double(next), double(next) - 5, double(next) + 1 };
    const double times[] = { double(next), double(next) + 1, 0 };
    const double values[] = { 7, 8, 9 };
    QCOMPARE(blocks.append(steps, times, values, 3), qint64(2));
    for (int i = 0; i < 3; ++i)
        single.append(steps[i], times[i], values[i]);
    QCOMPARE(blocks.outOfOrder(), qint64(1));
    QCOMPARE(blocks.outOfOrder(), single.outOfOrder());
    QCOMPARE(blocks.size(), single.size());
    for (qint64 i = 0; i < single.size(); ++i) {
        if (blocks.value(i) != single.value(i) || blocks.x(SeriesLod::X::Step, i) != single.x(SeriesLod::X::Step, i)
            || blocks.time(i) != single.time(i))
            QFAIL(qPrintable(QStringLiteral("differs at %1").arg(i)));
    }
    QCOMPARE(blocks.time(blocks.size() - 1), double(next)); // the time of the step before it
    QCOMPARE(copy->size(), qint64(1 + 63 + 64 + 200 + 5000));
    QCOMPARE(copy->value(copy->size() - 1), std::sin(double(copy->size() - 1) * 0.01) * 100);
    for (const auto &[first, last] :
         { std::pair<qint64, qint64> { 0, blocks.size() }, { 1000, 77777 }, { 65530, 65542 } }) {
        double low = 0, high = 0, lowSingle = 0, highSingle = 0;
        QVERIFY(blocks.extremes(SeriesLod::Track::Raw, first, last, false, &low, &high));
        QVERIFY(single.extremes(SeriesLod::Track::Raw, first, last, false, &lowSingle, &highSingle));
        QCOMPARE(low, lowSingle);
        QCOMPARE(high, highSingle);
    }
}

void TestCharts::smoothingIsTensorBoardsEma()
{
    SeriesLod s;
    for (double v : { 1.0, 2.0, 3.0 })
        s.append(s.size(), 0, v);
    s.setSmoothing(0.6);
    // last = last·0.6 + 0.4·v, divided by 1 − 0.6^n
    QCOMPARE(s.smoothedValue(0), 1.0);
    QVERIFY(qFuzzyCompare(s.smoothedValue(1), 1.04 / 0.64));
    QVERIFY(qFuzzyCompare(s.smoothedValue(2), 1.824 / 0.784));
    s.append(3, 0, std::numeric_limits<double>::quiet_NaN()); // kept as it is, the average unmoved
    QVERIFY(std::isnan(s.smoothedValue(3)));
    s.append(4, 0, 4);
    QVERIFY(qFuzzyCompare(s.smoothedValue(4), (1.824 * 0.6 + 0.4 * 4) / (1 - 0.6 * 0.6 * 0.6 * 0.6)));
    s.setSmoothing(0);
    QVERIFY(!s.hasSmoothing());
    QCOMPARE(s.smoothedValue(4), 4.0);
}

void TestCharts::smoothingOnAWorkerCatchesUp()
{
    MetricChart chart;
    chart.resize(800, 400);
    QVector<double> values;
    const auto s = noisy(600000, 5, -1, -1, &values);
    chart.addLine(QStringLiteral("loss"), s, Qt::blue);
    QSignalSpy applied(&chart, &MetricChart::smoothingApplied);
    chart.setSmoothing(0.9);
    QVERIFY(chart.isSmoothingPending()); // a long series: off the GUI thread
    // the run goes on logging meanwhile
    QVector<MetricPoint> more;
    for (int i = 0; i < 1000; ++i)
        more.append({ 600000 + i, 2.0, QString(), 0 });
    chart.appendToLine(0, more);
    QVERIFY(applied.wait(10000));
    QVERIFY(!chart.isSmoothingPending());
    SeriesLod reference;
    for (qint64 i = 0; i < s->size(); ++i)
        reference.append(s->step(i), 0, s->value(i));
    reference.setSmoothing(0.9);
    QCOMPARE(s->size(), 601000);
    for (qint64 i : { qint64(0), qint64(1), qint64(599999), qint64(600000), qint64(600999) })
        QCOMPARE(s->smoothedValue(i), reference.smoothedValue(i));
    const QVector<QPointF> smooth = chart.drawnSmoothedPoints();
    QVERIFY(!smooth.isEmpty());
    double low = 0, high = 0;
    QVERIFY(reference.extremes(SeriesLod::Track::Smoothed, 0, reference.size(), false, &low, &high));
    QVERIFY(containsY(smooth, low));
    QVERIFY(containsY(smooth, high));
    QVERIFY(!chart.drawnPoints().isEmpty()); // the raw line stays
}

void TestCharts::zoomPanAndReset()
{
    MetricChart chart;
    chart.resize(900, 400);
    chart.setTitle(QStringLiteral("loss"));
    QVector<double> values;
    const auto s = noisy(2000000, 9, 1500000, 400000, &values);
    chart.addLine(QString(), s, Qt::blue);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCOMPARE(chart.xTitle(), QStringLiteral("step"));
    QCOMPARE(chart.xRange(), qMakePair(0.0, 1999999.0));
    QVERIFY(!chart.isZoomed());
    const QRect plot = chart.plotRect();
    QSignalSpy ranges(&chart, &MetricChart::xRangeChanged);

    // a flat band across the middle fifth zooms x; y follows what shows
    const int left = plot.left() + plot.width() * 2 / 5, right = plot.left() + plot.width() * 3 / 5;
    const double expectedFrom = chart.toValue(QPoint(left, 0)).x();
    const double expectedTo = chart.toValue(QPoint(right, 0)).x();
    drag(&chart, QPoint(left, plot.center().y()), QPoint(right, plot.center().y() + 2));
    QVERIFY(chart.isZoomed());
    QCOMPARE(ranges.size(), 1);
    double x0 = chart.xRange().first;
    double x1 = chart.xRange().second;
    QCOMPARE(x0, expectedFrom);
    QCOMPARE(x1, expectedTo);
    QVERIFY(x0 > 700000 && x1 < 1300000 && x1 > x0);
    auto check = [&] {
        // what is drawn holds the true extremes of what shows
        x0 = chart.xRange().first;
        x1 = chart.xRange().second;
        const qint64 a = qint64(std::ceil(qMax(0.0, x0))), b = qint64(std::floor(qMin(1999999.0, x1)));
        const auto [mn, mx] = std::minmax_element(values.cbegin() + a, values.cbegin() + b + 1);
        const QVector<QPointF> drawn = chart.drawnPoints();
        QVERIFY(drawn.size() < 4 * plot.width() + 3);
        QVERIFY2(containsY(drawn, *mn), qPrintable(QString::number(*mn)));
        QVERIFY2(containsY(drawn, *mx), qPrintable(QString::number(*mx)));
        QVERIFY(chart.yRange().first <= *mn && chart.yRange().second >= *mx);
    };
    check();
    QVERIFY(chart.yRange().second < 50); // the spike is not in view

    // the wheel zooms in around the cursor: the x under it stays put
    const QPoint at(plot.left() + plot.width() / 4, plot.center().y());
    const double under = chart.toValue(at).x();
    const double before = x1 - x0;
    wheel(&chart, at, 240);
    x0 = chart.xRange().first;
    x1 = chart.xRange().second;
    QVERIFY(x1 - x0 < before * 0.85);
    QVERIFY(std::abs(chart.toValue(at).x() - under) < before * 1e-6);
    check();

    // Shift+drag pans by the distance dragged
    const double width = x1 - x0;
    drag(&chart, plot.center(), plot.center() + QPoint(plot.width() / 2, 0), Qt::ShiftModifier);
    const auto [p0, p1] = chart.xRange();
    QVERIFY(std::abs((x0 - p0) - width / 2) < width * 0.01);
    QVERIFY(std::abs((p1 - p0) - width) < width * 1e-9);
    check();

    // a rectangle around the upward spike sets y too
    chart.setXRange(1400000, 1600000);
    const QPointF spike = chart.toPixel(1500000, 50);
    drag(&chart, QPoint(int(spike.x()) - 40, plot.top() + 1), (spike + QPointF(40, 60)).toPoint());
    QVERIFY2(chart.yRange().first > 30 && chart.yRange().second > 50,
             qPrintable(QStringLiteral("%1 %2").arg(chart.yRange().first).arg(chart.yRange().second)));
    QVERIFY(chart.xRange().second - chart.xRange().first < 200000 * 0.2);
    QVERIFY(containsY(chart.drawnPoints(), 50));

    // double-click shows everything; so does Esc
    QTest::mouseDClick(&chart, Qt::LeftButton, {}, plot.center());
    QVERIFY(!chart.isZoomed());
    QCOMPARE(chart.xRange(), qMakePair(0.0, 1999999.0));
    QVERIFY(containsY(chart.drawnPoints(), 50) && containsY(chart.drawnPoints(), -40));
    chart.setXRange(10, 20);
    QTest::keyClick(&chart, Qt::Key_Escape);
    QVERIFY(!chart.isZoomed());
    QCOMPARE(ranges.last().at(2).toBool(), true); // automatic again

    // a zoomed chart stays where it is when points come; one left alone follows them
    chart.setXRange(1000, 2000);
    chart.appendToLine(0, { { 2000000, 7, QString(), 0 } });
    QCOMPARE(chart.xRange(), qMakePair(1000.0, 2000.0));
    chart.resetView();
    chart.appendToLine(0, { { 2000001, 7, QString(), 0 } });
    QCOMPARE(chart.xRange().second, 2000001.0);

    // the crosshair names the value at the step under the mouse
    chart.setXRange(100, 110);
    const QString text = chart.crosshairText(chart.toPixel(104, 1).toPoint());
    QVERIFY2(text.contains(QStringLiteral("at step 104")), qPrintable(text));
    QVERIFY(text.contains(QString::number(values.at(104), 'g', 6).left(5)));
}

void TestCharts::timeAxesUseTheLoggedTimes()
{
    MetricChart chart;
    chart.resize(700, 300);
    auto s = std::make_shared<SeriesLod>();
    for (int i = 0; i < 100; ++i)
        s->append(i * 10, 1.7e9 + 5 + i * 2.0, i); // started at 1.7e9, first value 5 s later
    chart.addLine(QString(), s, Qt::blue, 1.7e9);
    chart.setXAxis(MetricChart::XAxis::RelativeTime);
    QCOMPARE(chart.xTitle(), QStringLiteral("time since the run started"));
    QCOMPARE(chart.xRange(), qMakePair(5.0, 5.0 + 198));
    QCOMPARE(chart.drawnPoints().first(), QPointF(5, 0));
    QCOMPARE(chart.drawnPoints().last(), QPointF(203, 99));
    chart.setXAxis(MetricChart::XAxis::WallTime);
    QCOMPARE(chart.xTitle(), QStringLiteral("time"));
    QCOMPARE(chart.drawnPoints().first(), QPointF(1.7e9 + 5, 0));
    chart.setXAxis(MetricChart::XAxis::Step);
    QCOMPARE(chart.xTitle(), QStringLiteral("step"));
    QCOMPARE(chart.drawnPoints().last(), QPointF(990, 99));
    // the dashboard's chart is across runs
    MetricChart runs;
    runs.setPoints({ { 1, 0.5, 0 }, { 2, 0.7, 1 } });
    QCOMPARE(runs.xTitle(), QStringLiteral("run"));
}

void TestCharts::logScaleDropsNonPositiveValues()
{
    MetricChart chart;
    chart.resize(700, 300);
    chart.addLine(QStringLiteral("loss"), QVector<QPointF> { { 0, 100 }, { 1, 0 }, { 2, 10 }, { 3, -5 }, { 4, 0.01 } },
                  Qt::red);
    chart.setLogY(true);
    const QVector<QPointF> drawn = chart.drawnPoints();
    QCOMPARE(drawn, (QVector<QPointF> { { 0, 100 }, { 2, 10 }, { 4, 0.01 } }));
    QCOMPARE(chart.hiddenByLogScale(), 2);
    QVERIFY(chart.yRange().first > 0 && chart.yRange().first < 0.01 && chart.yRange().second > 100);
    const QString text = chart.crosshairText(chart.toPixel(2, 10).toPoint());
    QVERIFY2(text.contains(QStringLiteral("2 values ≤ 0")), qPrintable(text));
    chart.setLogY(false);
    QCOMPARE(chart.drawnPoints().size(), 5);
}

void TestCharts::linkedChartsAndSettingsKeptPerProject()
{
    const QString root = m_dir.filePath(QStringLiteral("linked"));
    QVERIFY(writeFile(root + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Linked\n"));
    const Project project(root);
    QWidget page;
    auto *controls = new ChartControls(&page);
    controls->setProject(project);
    QVector<MetricChart *> charts;
    for (int c = 0; c < 3; ++c) {
        auto *chart = new MetricChart(&page);
        chart->resize(500, 300);
        auto s = std::make_shared<SeriesLod>();
        for (int i = 0; i < 1000; ++i)
            s->append(i, i, std::sin(i / 50.0) + c);
        chart->addLine(QString(), s, Qt::blue);
        charts.append(chart);
    }
    controls->setCharts({ charts.at(0), charts.at(1), charts.at(2) });
    QVERIFY(controls->isLinked());
    charts.at(1)->setXRange(200, 300);
    QCOMPARE(charts.at(0)->xRange(), qMakePair(200.0, 300.0));
    QCOMPARE(charts.at(2)->xRange(), qMakePair(200.0, 300.0));
    charts.at(2)->resetView();
    QCOMPARE(charts.at(0)->xRange(), qMakePair(0.0, 999.0));
    controls->findChild<QCheckBox *>(QStringLiteral("chartLink"))->click();
    charts.at(1)->setXRange(200, 300);
    QCOMPARE(charts.at(0)->xRange(), qMakePair(0.0, 999.0));

    // smoothing by the slider, log by the box, x by the list: on every chart, kept for the project
    QTest::keyClick(controls->smoothingSlider(), Qt::Key_End); // 0.99
    QVERIFY(charts.at(2)->smoothing() > 0.98);
    controls->setSmoothing(0.6);
    QCOMPARE(charts.at(0)->smoothing(), 0.6);
    QVERIFY(charts.at(0)->lineSeries(0)->hasSmoothing());
    controls->findChild<QCheckBox *>(QStringLiteral("chartLog"))->click();
    QVERIFY(charts.at(1)->isLogY());
    auto *x = controls->findChild<QComboBox *>(QStringLiteral("chartX"));
    x->setCurrentIndex(x->findData(int(MetricChart::XAxis::RelativeTime)));
    QCOMPARE(charts.at(2)->xAxis(), MetricChart::XAxis::RelativeTime);

    ChartControls again;
    again.setProject(project);
    QCOMPARE(again.smoothing(), 0.6);
    QVERIFY(again.isLogY());
    QVERIFY(!again.isLinked());
    QCOMPARE(again.xAxis(), MetricChart::XAxis::RelativeTime);
    ChartControls elsewhere;
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("other/.runbench/project.ini")), "[project]\nname=Other\n"));
    elsewhere.setProject(Project(m_dir.filePath(QStringLiteral("other"))));
    QCOMPARE(elsewhere.smoothing(), 0.0);
}

void TestCharts::csvExport()
{
    MetricChart chart;
    auto s = std::make_shared<SeriesLod>();
    s->append(0, 100.5, 1);
    s->append(1, 101.5, 3);
    chart.addLine(QStringLiteral("run 1, \"base\""), s, Qt::blue);
    chart.addLine(QStringLiteral("run 2"), QVector<QPointF> { { 5, 2 } }, Qt::red);
    chart.setLineVisible(1, false); // what is hidden is left out
    chart.setSmoothing(0.5);
    const QString path = m_dir.filePath(QStringLiteral("loss.csv"));
    QVERIFY(chart.exportTo(path));
    QCOMPARE(readFile(path), QByteArray("line,step,time,value,smoothed\n"
                                        "\"run 1, \"\"base\"\"\",0,100.5,1,1\n"
                                        "\"run 1, \"\"base\"\"\",1,101.5,3,")
                                 + QByteArray::number((0.5 * 0.5 + 0.5 * 3) / 0.75, 'g', 17) + "\n");
    MetricChart runs;
    runs.setRunIds([](int run) { return QStringLiteral("r%1").arg(run); }, [](const QString &) { return -1; });
    runs.setPoints({ { 1, 0.5, 11 }, { 2, 0.75, 12 } });
    QVERIFY(runs.exportTo(path));
    QCOMPARE(readFile(path), QByteArray("run_id,run,value\nr11,1,0.5\nr12,2,0.75\n"));
}

// The dashboard's chart of many runs: a run's new value and new runs change
// the summary in place; what is drawn follows.
void TestCharts::runsChartUpdatedInPlace()
{
    MetricChart chart;
    chart.resize(900, 300);
    // the chart names a point's run through the owner's names (here "r" and the run's number)
    chart.setRunIds([](int run) { return QStringLiteral("r%1").arg(run); },
                    [](const QString &id) { return id.startsWith(QLatin1Char('r')) ? id.mid(1).toInt() : -1; });
    QVector<MetricChart::Point> points;
    for (int i = 1; i <= 3000; ++i)
        points.append({ double(i), std::sin(i / 100.0), i });
    chart.setPoints(points);
    chart.setHighlightedRun(QStringLiteral("r2000"));
    QCOMPARE(chart.positionOf(QStringLiteral("r2000")), chart.toPixel(2000, std::sin(20.0)).toPoint());
    QCOMPARE(chart.positionOf(QStringLiteral("q2000")), QPoint(-1, -1)); // no such run
    QCOMPARE(chart.lineSeries(0)->size(), 3000);
    QVERIFY(!containsY(chart.drawnPoints(), 7.5));
    points[1499].y = 7.5; // run 1500 logged a new value
    for (int i = 3001; i <= 3010; ++i)
        points.append({ double(i), -3.0, i });
    const SeriesLod *before = chart.lineSeries(0);
    chart.updatePoints(points, { 1499 }, 3000);
    QCOMPARE(chart.lineSeries(0), before); // the same summary, changed
    QCOMPARE(chart.lineSeries(0)->size(), 3010);
    QCOMPARE(chart.lineSeries(0)->value(1499), 7.5);
    QCOMPARE(chart.points().size(), 3010);
    QCOMPARE(chart.points().at(1499).y, 7.5);
    QVERIFY(containsY(chart.drawnPoints(), 7.5));
    QVERIFY(containsY(chart.drawnPoints(), -3.0));
    QVERIFY(chart.yRange().second >= 7.5 && chart.yRange().first <= -3.0);
    QCOMPARE(chart.positionOf(QStringLiteral("r3010")), chart.toPixel(3010, -3.0).toPoint());
    // a run gone from the middle: the whole series again
    points.removeAt(10);
    chart.updatePoints(points, {}, -1);
    QCOMPARE(chart.lineSeries(0)->size(), 3009);
    QCOMPARE(chart.lineSeries(0)->step(10), 12.0);
}

// A script logging `loss` every 50 ms until told to stop, started with
// `runbench run`; its details opened while it runs.
void TestCharts::runningRunGrowsWhileShown()
{
    const QString root = m_dir.filePath(QStringLiteral("live"));
    QVERIFY(writeFile(root + QStringLiteral("/.runbench/project.ini"),
                      "[project]\nname=Live\n[interpreters]\npy=/usr/bin/python3\n"));
    QVERIFY(writeFile(root + QStringLiteral("/train.py"), readFile(QStringLiteral(RUNBENCH_SOURCE_DIR "/tests/charts/live_train.py"))));
    QProcess run;
    run.setWorkingDirectory(root);
    run.start(QStringLiteral(RUNBENCH_BINARY), { QStringLiteral("run"), QStringLiteral("--quiet"), QStringLiteral("train.py") });
    QVERIFY(run.waitForStarted());
    QString runId;
    QVERIFY(waitFor(
        [&] {
            const QByteArray id = readFile(root + QStringLiteral("/run_id.txt")).trimmed();
            runId = QString::fromUtf8(id);
            return !runId.isEmpty();
        },
        30000));
    QVERIFY(waitFor([&] { return readFile(root + QStringLiteral("/logged.txt")).toInt() >= 3; }, 30000));

    RunDetailsView view;
    view.resize(1000, 700);
    view.setProject(Project(root));
    QSignalSpy loaded(&view, &RunDetailsView::loaded);
    view.showRun(runId);
    QVERIFY(loaded.wait(20000));
    QVERIFY(!isFinished(view.details().run.status));
    MetricChart *chart = nullptr;
    QVERIFY(waitFor([&] { return (chart = view.findChild<MetricChart *>(QStringLiteral("series:loss"))) != nullptr; }, 10000));
    const qint64 atOpen = chart->lineSeries(0)->size();
    // points logged after the view opened arrive within a second or so
    const int logged = readFile(root + QStringLiteral("/logged.txt")).toInt();
    QVERIFY(waitFor([&] { return chart->lineSeries(0)->size() >= logged + 10; }, 5000));
    QVERIFY(chart->lineSeries(0)->size() > atOpen);
    // zoomed in, the view stays put while points come
    chart->setXRange(0, 2);
    const qint64 before = chart->lineSeries(0)->size();
    QVERIFY(waitFor([&] { return chart->lineSeries(0)->size() > before + 5; }, 5000));
    QCOMPARE(chart->xRange(), qMakePair(0.0, 2.0));
    for (qint64 i = 0; i < chart->lineSeries(0)->size(); ++i)
        QCOMPARE(chart->lineSeries(0)->step(i), double(i)); // every step once, in order
    const QString shots = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        // for the README: smoothed, zoomed into the latest points, still running
        QVERIFY(waitFor([&] { return chart->lineSeries(0)->size() >= 240; }, 60000));
        view.findChild<QTabWidget *>()->setCurrentIndex(1);
        view.findChild<ChartControls *>()->setSmoothing(0.8);
        const double last = chart->lineSeries(0)->step(chart->lineSeries(0)->size() - 1);
        chart->setXRange(last * 0.45, last + 5);
        QTest::qWait(300);
        QVERIFY(view.grab().save(shots + QStringLiteral("/charts.png")));
        chart->setXRange(0, 2);
    }
    QVERIFY(writeFile(root + QStringLiteral("/stop"), ""));
    QVERIFY(run.waitForFinished(30000));
    QCOMPARE(run.exitCode(), 0);
    // the end reloads the details; the chart has every point and its zoom
    QVERIFY(loaded.wait(10000));
    QCOMPARE(view.details().run.status, RunStatus::Completed);
    chart = view.findChild<MetricChart *>(QStringLiteral("series:loss"));
    QVERIFY(chart);
    const int total = readFile(root + QStringLiteral("/logged.txt")).toInt();
    QCOMPARE(chart->lineSeries(0)->size(), total);
    QCOMPARE(chart->xRange(), qMakePair(0.0, 2.0));
    // one chart per series, in name order
    QStringList titles;
    auto *layout = chart->parentWidget()->layout();
    for (int i = 0; i < layout->count(); ++i)
        if (auto *c = qobject_cast<MetricChart *>(layout->itemAt(i)->widget()))
            titles.append(c->title());
    QCOMPARE(titles, (QStringList { QStringLiteral("loss"), QStringLiteral("lr") }));
    QCOMPARE(view.findChild<MetricChart *>(QStringLiteral("series:lr"))->lineSeries(0)->size(), total);
}

QTEST_MAIN(TestCharts)
// A chart of runs past the reduction threshold is summarised on a worker;
// runs and changed values that arrive meanwhile are in what it shows once
// the summaries are done: none is lost, a changed run's old value is gone.
void TestCharts::runsArrivingWhileSummarisedJoinTheSummary()
{
    MetricChart chart;
    chart.resize(500, 300);
    const int n = MetricChart::reductionThreshold() * 50;
    QVector<MetricChart::Point> points;
    for (int i = 0; i < n; ++i)
        points.append({ double(i + 1), 1.0, i + 1 });
    chart.setPoints(points); // on a worker; its result comes through the event loop
    QVERIFY(points.isDetached()); // the chart copied them: the sender appends to its own
    QVector<MetricChart::Point> more = points;
    more[10].y = 50;
    for (int i = n; i < n + 500; ++i)
        more.append({ double(i + 1), 2.0, i + 1 });
    more.last().y = -7;
    QSignalSpy wanted(&chart, &MetricChart::pointsWanted);
    chart.updatePoints(more, { 10 }, n);
    // not kept while the summary is made: the sender's array stays its own
    // (a dashboard appending to it would otherwise copy it whole)
    QVERIFY(more.isDetached());
    QCOMPARE(chart.points().size(), n);
    // asked for when the summary is done, and taken then, as the dashboard does
    QVERIFY(wanted.wait(10000));
    QCOMPARE(wanted.size(), 1);
    QTRY_VERIFY(chart.lineCount() == 1 && chart.lineSeries(0)->size() == n);
    chart.setPoints(more);
    QCOMPARE(chart.points().size(), n + 500);
    QTRY_VERIFY(chart.lineCount() == 1 && chart.lineSeries(0)->size() == n + 500);
    QCOMPARE(wanted.size(), 1); // nothing came meanwhile
    const SeriesLod *series = chart.lineSeries(0);
    QCOMPARE(series->value(10), 50.0);
    QCOMPARE(series->value(11), 1.0);
    QCOMPARE(series->value(n), 2.0);
    QCOMPARE(series->value(n + 499), -7.0);
    const QPair<double, double> y = chart.yRange();
    QVERIFY2(y.first < -7 && y.second > 50, qPrintable(QStringLiteral("%1 … %2").arg(y.first).arg(y.second)));
    // and a run changed after that goes in place
    more[20].y = 70;
    chart.updatePoints(more, { 20 }, -1);
    QCOMPARE(chart.lineSeries(0)->value(20), 70.0);
}

#include "tst_charts.moc"

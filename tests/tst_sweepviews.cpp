// The views for many runs: sweeps grouped in the grid (best, mean, standard
// deviation), the parallel coordinates (brushing filters the grid) and the
// scatter, driven through their widgets.
#include "metricchart.h"
#include "parallelcoordinates.h"
#include "parameterscatter.h"
#include "project.h"
#include "rundashboard.h"
#include "runsortmodel.h"
#include "runfiltermodel.h"
#include "runmodel.h"
#include "runrows.h"
#include "sweepdialog.h"
#include "sweepgroupmodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTreeView>
#include <QtTest>

#include <algorithm>
#include <cmath>

namespace {

RunModel::Row runRow(int number, const QStringList &arguments, const QString &parent = QString())
{
    RunModel::Row r;
    r.run.id = number;
    r.run.number = number;
    r.run.runId = QStringLiteral("sweep_%1").arg(number);
    r.run.script = QStringLiteral("train.py");
    r.run.arguments = arguments;
    r.run.status = RunStatus::Completed;
    r.run.startUs = 1700000000000000LL + number * 1000000LL;
    r.run.endUs = r.run.startUs + 2000000;
    r.run.parentRunId = parent;
    return r;
}

MetricSummary param(const QString &key, double value)
{
    MetricSummary s = scalarSummary(key, value);
    s.role = ValueRole::Param;
    return s;
}

// A sweep of 8 log-spaced rates (run 1 the parent, runs 2…9 its children)
// with Accuracy = 0.5 + 0.05 × index, and a run of its own (run 10).
QVector<RunModel::Row> sweepRows()
{
    QVector<RunModel::Row> rows { runRow(1, { QStringLiteral("{0.001..10:8:log}") }) };
    for (int i = 0; i < 8; ++i) {
        const double rate = 0.001 * std::pow(10.0, i * 4.0 / 7.0);
        RunModel::Row r = runRow(2 + i, { QString::number(rate) }, QStringLiteral("sweep_1"));
        r.metrics = { param(QStringLiteral("arg1"), rate), scalarSummary(QStringLiteral("Accuracy"), 0.5 + 0.05 * i),
                      scalarSummary(QStringLiteral("loss"), 1.0 - 0.1 * i) };
        rows.append(r);
    }
    RunModel::Row alone = runRow(10, { QStringLiteral("0.5") });
    alone.metrics = { param(QStringLiteral("arg1"), 0.5), scalarSummary(QStringLiteral("Accuracy"), 0.6) };
    rows.append(alone);
    return rows;
}

// The product page's eight runs as one sweep (runbench sweep iris_sklearn.py
// "{0.078125..10:8:log}"), then the same rates three times each.
QVector<RunModel::Row> seedSweepRows()
{
    const double rates[] = { 0.078125, 0.15625, 0.3125, 0.625, 1.25, 2.5, 5, 10 };
    const double accuracy[] = { 0.679245, 0.679245, 0.660377, 0.660377, 0.641509, 0.660377, 0.641509, 0.641509 };
    QVector<RunModel::Row> rows { runRow(1, { QStringLiteral("{0.078125..10:8:log}") }) };
    rows.first().run.script = QStringLiteral("iris_sklearn.py");
    for (int i = 0; i < 8; ++i) {
        RunModel::Row r = runRow(2 + i, { QString::number(rates[i]) }, QStringLiteral("sweep_1"));
        r.run.script = QStringLiteral("iris_sklearn.py");
        r.metrics = { param(QStringLiteral("arg1"), rates[i]), scalarSummary(QStringLiteral("Accuracy"), accuracy[i]),
                      scalarSummary(QStringLiteral("Regularization Rate"), rates[i]) };
        rows.append(r);
    }
    rows.append(runRow(10, { QStringLiteral("{0.078125..10:4:log}") }));
    rows.last().run.script = QStringLiteral("iris_sklearn.py");
    for (int i = 0; i < 12; ++i) {
        const double rate = 0.078125 * std::pow(5.0396842, i / 3);
        RunModel::Row r = runRow(11 + i, { QString::number(rate) }, QStringLiteral("sweep_10"));
        r.run.script = QStringLiteral("iris_sklearn.py");
        r.metrics = { param(QStringLiteral("arg1"), rate),
                      scalarSummary(QStringLiteral("Accuracy"), 0.68 - 0.012 * (i / 3) + 0.006 * (i % 3)),
                      scalarSummary(QStringLiteral("Regularization Rate"), rate) };
        rows.append(r);
    }
    return rows;
}

// A move with the left button held: what the window system sends while dragging.
void drag(QWidget *widget, const QPoint &from, const QPoint &to)
{
    QTest::mousePress(widget, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 4; ++i) {
        const QPoint at = from + (to - from) * i / 4;
        QMouseEvent move(QEvent::MouseMove, at, widget->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(widget, &move);
    }
    QTest::mouseRelease(widget, Qt::LeftButton, Qt::NoModifier, to);
}

void hover(QWidget *widget, const QPoint &pos)
{
    QMouseEvent move(QEvent::MouseMove, pos, widget->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
}

// Kept when RUNBENCH_SCREENSHOT_DIR names a folder: to look at.
void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name));
}

// A dashboard on rows, shown, with the parallel coordinates in front.
struct ShownDashboard
{
    explicit ShownDashboard(const QVector<RunModel::Row> &rows, const QSize &size = QSize(1100, 800))
    {
        dashboard.resize(size);
        dashboard.setProject(Project(dir.path()));
        model.setRuns(rows);
        dashboard.chartTabs()->setCurrentWidget(dashboard.parallelCoordinates());
        dashboard.show();
    }
    QTemporaryDir dir;
    RunModel model;
    RunDashboard dashboard { &model };
};

int gridRows(RunDashboard *dashboard) { return dashboard->grid()->model()->rowCount(); }

} // namespace

class TestSweepViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void statistics_data()
    {
        QTest::addColumn<QVector<double>>("values");
        QTest::addColumn<bool>("lower");
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("best");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("std");
        QTest::newRow("higher is better") << QVector<double> { 1, 2, 3, 4 } << false << 4 << 4.0 << 2.5 << 1.2909944487;
        QTest::newRow("lower is better") << QVector<double> { 1, 2, 3, 4 } << true << 4 << 1.0 << 2.5 << 1.2909944487;
        QTest::newRow("one value") << QVector<double> { 0.7 } << false << 1 << 0.7 << 0.7 << 0.0;
        QTest::newRow("not finite left out")
            << QVector<double> { 2, qQNaN(), 4, qInf() } << false << 2 << 4.0 << 3.0 << std::sqrt(2.0);
    }
    void statistics()
    {
        QFETCH(QVector<double>, values);
        QFETCH(bool, lower);
        const SweepGroupModel::Stats s = SweepGroupModel::statsOf(values, lower);
        QTEST(s.count, "count");
        QTEST(s.best, "best");
        QTEST(s.mean, "mean");
        QFETCH(double, std);
        QVERIFY2(std::abs(s.std - std) < 1e-9, qPrintable(QString::number(s.std)));
    }

    // The parent holds its children with their figures, a run of its own
    // stays alone, repeats of one combination sit under a row of their own,
    // and the filter's choices are followed live.
    void groupingInTheModel()
    {
        RunModel model;
        RunFilterModel filter(&model);
        SweepGroupModel groups(&model, &filter);
        QAbstractItemModelTester tester(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVector<RunModel::Row> rows = sweepRows();
        // a second sweep: two combinations, three repeats each
        rows.append(runRow(11, { QStringLiteral("{1,2}") }));
        for (int i = 0; i < 6; ++i) {
            RunModel::Row r = runRow(12 + i, { QString::number(1 + i / 3) }, QStringLiteral("sweep_11"));
            r.metrics = { param(QStringLiteral("arg1"), 1 + i / 3),
                          scalarSummary(QStringLiteral("Accuracy"), i < 3 ? 0.7 + 0.01 * i : 0.9 + 0.02 * (i - 3)) };
            rows.append(r);
        }
        model.setRuns(rows);
        filter.sort(RunModel::NumberField, Qt::AscendingOrder);
        QCOMPARE(groups.rowCount(), 0); // inactive: nothing read
        groups.setActive(true);
        QCOMPARE(groups.rowCount(), 3); // sweep 1, run 10, sweep 11
        const QModelIndex sweep = groups.index(0, 0);
        QCOMPARE(sweep.data(RunModel::RunIdRole).toString(), QStringLiteral("sweep_1"));
        QCOMPARE(groups.rowCount(sweep), 8);
        QCOMPARE(groups.index(1, 0).data(RunModel::RunIdRole).toString(), QStringLiteral("sweep_10"));
        QCOMPARE(groups.rowCount(groups.index(1, 0)), 0);
        auto accuracy = groups.stats(sweep, QStringLiteral("Accuracy"));
        QVERIFY(accuracy);
        QCOMPARE(accuracy->count, 8);
        QCOMPARE(accuracy->best, 0.85);
        QVERIFY(std::abs(accuracy->mean - 0.675) < 1e-12);
        QVERIFY(std::abs(accuracy->std - 0.12247448714) < 1e-9);
        const auto loss = groups.stats(sweep, QStringLiteral("loss"));
        QVERIFY(loss);
        QVERIFY(std::abs(loss->best - 0.3) < 1e-12); // lower is better for a loss
        QVERIFY(!groups.stats(sweep, QStringLiteral("arg1"))); // parameters are not ranked
        const int accuracyColumn = model.columnOfKey(QStringLiteral("Accuracy"));
        // shown in the desktop's own numbers ("best 0,85" on a German one)
        const QString shown = groups.index(0, accuracyColumn).data().toString();
        QVERIFY2(shown.contains(QStringLiteral("best ") + QLocale().toString(0.85)), qPrintable(shown));
        QCOMPARE(groups.bestChildren(QStringLiteral("sweep_1"), QStringLiteral("Accuracy"), 3),
                 QStringList({ QStringLiteral("sweep_9"), QStringLiteral("sweep_8"), QStringLiteral("sweep_7") }));
        QCOMPARE(groups.bestChildren(QStringLiteral("sweep_1"), QStringLiteral("loss"), 1),
                 QStringList { QStringLiteral("sweep_9") });

        // repeats: a row per combination, with the figures across its repeats
        const QModelIndex repeated = groups.index(2, 0);
        QCOMPARE(groups.rowCount(repeated), 2);
        const QModelIndex first = groups.index(0, 0, repeated);
        QCOMPARE(first.data().toString(), QStringLiteral("×3"));
        QCOMPARE(groups.index(0, RunModel::ArgumentsField, repeated).data().toString(), QStringLiteral("1"));
        QCOMPARE(groups.rowCount(first), 3);
        const auto combination = groups.stats(first, QStringLiteral("Accuracy"));
        QVERIFY(combination);
        QCOMPARE(combination->count, 3);
        QVERIFY(std::abs(combination->mean - 0.71) < 1e-12);
        QVERIFY(std::abs(combination->std - 0.01) < 1e-12);
        QVERIFY(std::abs(groups.stats(repeated, QStringLiteral("Accuracy"))->best - 0.94) < 1e-12);
        QVERIFY(groups.index(0, model.columnOfKey(QStringLiteral("arg1")), repeated).data().toString() == QLatin1String("1"));

        // a filter that leaves the parent out keeps its children under it
        QVERIFY(filter.setFilterText(QStringLiteral("Accuracy >= 0.75")));
        QTRY_COMPARE(groups.rowCount(), 2);
        QCOMPARE(groups.index(0, 0).data(RunModel::RunIdRole).toString(), QStringLiteral("sweep_1"));
        QCOMPARE(groups.rowCount(groups.index(0, 0)), 3); // 0.75, 0.8, 0.85
        QCOMPARE(groups.index(1, 0).data(RunModel::RunIdRole).toString(), QStringLiteral("sweep_11"));
        QCOMPARE(groups.rowCount(groups.index(1, 0)), 1); // the repeats of "2" (0.9, 0.92, 0.94)
        QCOMPARE(groups.rowCount(groups.index(0, 0, groups.index(1, 0))), 3);
        QVERIFY(filter.setFilterText(QString()));
        QTRY_COMPARE(groups.rowCount(), 3);

        // a child arriving and a value changing show at once
        RunModel::Row late = runRow(18, { QStringLiteral("20") }, QStringLiteral("sweep_1"));
        late.metrics = { param(QStringLiteral("arg1"), 20), scalarSummary(QStringLiteral("Accuracy"), 0.99) };
        model.upsertRuns({ late });
        QTRY_COMPARE(groups.rowCount(groups.index(0, 0)), 9);
        QCOMPARE(groups.stats(groups.index(0, 0), QStringLiteral("Accuracy"))->best, 0.99);
        late.metrics = { param(QStringLiteral("arg1"), 20), scalarSummary(QStringLiteral("Accuracy"), 0.1) };
        model.upsertRuns({ late });
        QTRY_VERIFY(qFuzzyCompare(groups.stats(groups.index(0, 0), QStringLiteral("Accuracy"))->best, 0.85));

        // a name no run had: a new column, at once, with its figures
        const int columns = groups.columnCount();
        late.metrics.append(scalarSummary(QStringLiteral("f1"), 0.5));
        model.upsertRuns({ late });
        QCOMPARE(groups.columnCount(), columns + 1);
        QTRY_COMPARE(groups.stats(groups.index(0, 0), QStringLiteral("f1"))->count, 1);
    }

    // Dragging along an axis filters the grid, the dashboard's charts and
    // greys out the lines outside; a click on the axis clears it.
    void brushingFiltersTheGrid()
    {
        ShownDashboard shown(sweepRows());
        RunDashboard &dashboard = shown.dashboard;
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        ParallelCoordinates *parallel = dashboard.parallelCoordinates();
        parallel->reload();
        QCOMPARE(parallel->axes(), QStringList({ QStringLiteral("arg1"), QStringLiteral("Accuracy"), QStringLiteral("loss") }));
        QVERIFY(parallel->isLogAxis(QStringLiteral("arg1"))); // 0.001 … 10 log-spaced
        QVERIFY(!parallel->isLogAxis(QStringLiteral("Accuracy")));
        QCOMPARE(parallel->runsDrawn(), 10); // the parent has no values but is a row
        QCOMPARE(gridRows(&dashboard), 10);
        QTRY_VERIFY(dashboard.chart(QStringLiteral("Accuracy")));
        MetricChart *accuracyChart = dashboard.chart(QStringLiteral("Accuracy"));
        QTRY_COMPARE(accuracyChart->points().size(), 9);

        // Accuracy from 0.62 to 0.78: runs 5, 6, 7 (0.65, 0.7, 0.75)
        const QPoint from = parallel->axisPoint(QStringLiteral("Accuracy"), 0.62);
        const QPoint to = parallel->axisPoint(QStringLiteral("Accuracy"), 0.78);
        QVERIFY(!from.isNull() && from.y() > to.y());
        QSignalSpy brushed(dashboard.proxy(), &RunFilterModel::brushesChanged);
        drag(parallel, from, to);
        QVERIFY(!brushed.isEmpty());
        QCOMPARE(gridRows(&dashboard), 3);
        QStringList kept;
        for (int r = 0; r < gridRows(&dashboard); ++r)
            kept.append(dashboard.grid()->model()->index(r, 0).data(RunModel::RunIdRole).toString());
        kept.sort();
        QCOMPARE(kept, QStringList({ QStringLiteral("sweep_5"), QStringLiteral("sweep_6"), QStringLiteral("sweep_7") }));
        QCOMPARE(parallel->runsPassingBrushes(), 3);
        QCOMPARE(parallel->runsDrawn(), 10); // the rest in grey
        QTRY_COMPARE(accuracyChart->points().size(), 3);
        QTRY_COMPARE(dashboard.scatter()->pointCount(), 10);

        // a second brush, on the log axis: rates up to 0.01 → none of the three
        const QPoint low = parallel->axisPoint(QStringLiteral("arg1"), 0.0009);
        const QPoint high = parallel->axisPoint(QStringLiteral("arg1"), 0.05);
        drag(parallel, low, high);
        QCOMPARE(gridRows(&dashboard), 0);
        // a click clears that axis's brush
        QTest::mouseClick(parallel, Qt::LeftButton, Qt::NoModifier, low);
        QCOMPARE(gridRows(&dashboard), 3);
        QTest::mouseClick(parallel, Qt::LeftButton, Qt::NoModifier, from);
        QCOMPARE(gridRows(&dashboard), 10);
        QVERIFY(dashboard.proxy()->brushes().isEmpty());

        // hovering a line highlights its run everywhere; a click opens it
        QSignalSpy hovered(parallel, &ParallelCoordinates::runHovered);
        const QPoint a = parallel->axisPoint(QStringLiteral("Accuracy"), 0.85);
        const QPoint b = parallel->axisPoint(QStringLiteral("loss"), 0.3);
        hover(parallel, a + (b - a) / 4); // near Accuracy, where the lines are apart
        QCOMPARE(hovered.size(), 1);
        QCOMPARE(hovered.first().first().toString(), QStringLiteral("sweep_9"));
        QCOMPARE(accuracyChart->highlightedRun(), QStringLiteral("sweep_9"));
        QSignalSpy details(&dashboard, &RunDashboard::detailsRequested);
        QTest::mouseClick(parallel, Qt::LeftButton, Qt::NoModifier, a + (b - a) / 4);
        QCOMPARE(details.size(), 1);
        QCOMPARE(details.first().first().toString(), QStringLiteral("sweep_9"));
        QTRY_VERIFY(!parallel->linesPending()); // drawn off the GUI thread, and done

        // hidden behind another tab, the chart reads nothing; shown, it catches up
        dashboard.chartTabs()->setCurrentIndex(0);
        RunModel::Row late = runRow(30, { QStringLiteral("0.5") }, QStringLiteral("sweep_1"));
        late.metrics = { param(QStringLiteral("arg1"), 0.5), scalarSummary(QStringLiteral("Accuracy"), 0.7) };
        shown.model.upsertRuns({ late });
        QTest::qWait(100);
        QCOMPARE(parallel->runsDrawn(), 10);
        dashboard.chartTabs()->setCurrentWidget(parallel);
        QTRY_COMPARE(parallel->runsDrawn(), 11);
    }

    // The axes, their order and scale and the colour are kept per project.
    void axesKeptPerProject()
    {
        QTemporaryDir dir;
        const Project project(dir.path());
        RunModel model;
        model.setRuns(sweepRows());
        RunFilterModel filter(&model);
        {
            ParallelCoordinates parallel(&model, &filter);
            parallel.setProject(project);
            parallel.reload();
            parallel.setAxes({ QStringLiteral("loss"), QStringLiteral("arg1") });
            parallel.setLogAxis(QStringLiteral("arg1"), false);
            parallel.setLogAxis(QStringLiteral("loss"), true);
            parallel.setColorKey(QStringLiteral("loss"));
        }
        ParallelCoordinates again(&model, &filter);
        again.setProject(project);
        again.reload();
        QCOMPARE(again.axes(), QStringList({ QStringLiteral("loss"), QStringLiteral("arg1") }));
        QVERIFY(!again.isLogAxis(QStringLiteral("arg1")));
        QVERIFY(again.isLogAxis(QStringLiteral("loss")));
        QCOMPARE(again.colorKey(), QStringLiteral("loss"));
        ParallelCoordinates elsewhere(&model, &filter);
        QTemporaryDir other;
        elsewhere.setProject(Project(other.path()));
        elsewhere.reload();
        QCOMPARE(elsewhere.axes().size(), 3);
        QVERIFY(elsewhere.isLogAxis(QStringLiteral("arg1")));
    }

    // A parameter against a metric: log where the values are log-spaced,
    // hover and the choice kept.
    void scatter()
    {
        QTemporaryDir dir;
        const Project project(dir.path());
        RunModel model;
        model.setRuns(sweepRows());
        RunFilterModel filter(&model);
        ParameterScatter scatter(&model, &filter);
        scatter.resize(600, 400);
        scatter.setProject(project);
        scatter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&scatter));
        QCOMPARE(scatter.xKey(), QStringLiteral("arg1"));
        QCOMPARE(scatter.yKey(), QStringLiteral("Accuracy"));
        QVERIFY(scatter.isLog(Qt::Horizontal));
        QVERIFY(!scatter.isLog(Qt::Vertical));
        QCOMPARE(scatter.pointCount(), 10);
        // log-spaced rates sit evenly spaced across
        const int x2 = scatter.positionOf(QStringLiteral("sweep_2")).x();
        const int x3 = scatter.positionOf(QStringLiteral("sweep_3")).x();
        const int x4 = scatter.positionOf(QStringLiteral("sweep_4")).x();
        QVERIFY(x2 < x3 && x3 < x4);
        QVERIFY(std::abs((x3 - x2) - (x4 - x3)) <= 1);
        QSignalSpy hovered(&scatter, &ParameterScatter::runHovered);
        hover(scatter.plotWidget(), scatter.positionOf(QStringLiteral("sweep_4")));
        QCOMPARE(hovered.size(), 1);
        QCOMPARE(hovered.first().first().toString(), QStringLiteral("sweep_4"));
        scatter.setKeys(QStringLiteral("loss"), QStringLiteral("Accuracy"));
        QVERIFY(!scatter.isLog(Qt::Horizontal));
        ParameterScatter again(&model, &filter);
        again.setProject(project);
        QCOMPARE(again.xKey(), QStringLiteral("loss"));
    }

    // The switch in the dashboard: the grid becomes a tree, selection feeds
    // Compare, the choice is kept.
    void sweepDialogPreviews();

    // Many runs' lines drawn in two halves at once come out as drawn by one
    // thread (up to rounding), none left out.
    void linesOfManyRunsOnTwoThreads()
    {
        RunModel model;
        QVector<RunModel::Row> rows;
        for (int i = 0; i < 3000; ++i) {
            RunModel::Row r = runRow(i + 1, { QString::number(i) });
            r.metrics = { param(QStringLiteral("x"), i % 97), scalarSummary(QStringLiteral("y"), std::sin(i * 0.1)) };
            rows.append(r);
        }
        model.setRuns(rows);
        RunFilterModel filter(&model);
        RunFilterModel::Brush brush;
        brush.low = 0;
        brush.high = 0.5;
        filter.setBrush(QStringLiteral("y"), brush); // grey and coloured lines both
        QImage drawn[2];
        for (int threads : { 1, 2 }) {
            ParallelCoordinates::setDrawingThreads(threads);
            ParallelCoordinates chart(&model, &filter);
            chart.resize(500, 300);
            chart.show();
            QVERIFY(QTest::qWaitForWindowExposed(&chart));
            chart.reload();
            QTRY_VERIFY(!chart.linesPending());
            drawn[threads - 1] = chart.linesImage();
        }
        ParallelCoordinates::setDrawingThreads(0);
        QCOMPARE(drawn[0].size(), drawn[1].size());
        int worst = 0;
        int painted = 0;
        for (int y = 0; y < drawn[0].height(); ++y) {
            for (int x = 0; x < drawn[0].width(); ++x) {
                const QRgb a = drawn[0].pixel(x, y);
                const QRgb b = drawn[1].pixel(x, y);
                painted += qAlpha(a) > 0;
                worst = std::max({ worst, std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                               std::abs(qBlue(a) - qBlue(b)), std::abs(qAlpha(a) - qAlpha(b)) });
            }
        }
        QVERIFY2(painted > 10000, qPrintable(QString::number(painted)));
        QVERIFY2(worst <= 8, qPrintable(QString::number(worst)));
    }

    // The seed's walkthrough as one sweep: the best accuracies brushed keep
    // the runs the product page's table shows above 0.65; grouped, the
    // repeats of a rate sit together. (The README's screenshots.)
    void theSeedsSweep()
    {
        ShownDashboard shown(seedSweepRows(), QSize(1280, 820));
        RunDashboard &dashboard = shown.dashboard;
        const RunModel &model = shown.model;
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        ParallelCoordinates *parallel = dashboard.parallelCoordinates();
        parallel->reload();
        QCOMPARE(parallel->axes(),
                 QStringList({ QStringLiteral("arg1"), QStringLiteral("Accuracy"), QStringLiteral("Regularization Rate") }));
        drag(parallel, parallel->axisPoint(QStringLiteral("Accuracy"), 0.685),
             parallel->axisPoint(QStringLiteral("Accuracy"), 0.65));
        QStringList rates;
        for (int r = 0; r < gridRows(&dashboard); ++r) {
            const QModelIndex index = dashboard.grid()->model()->index(r, 0);
            if (model.run(dashboard.sorted()->mapToSource(index).row()).parentRunId == QLatin1String("sweep_1"))
                rates.append(model.run(dashboard.sorted()->mapToSource(index).row()).arguments.first());
        }
        rates.sort();
        QCOMPARE(rates, QStringList({ QStringLiteral("0.078125"), QStringLiteral("0.15625"), QStringLiteral("0.3125"),
                                      QStringLiteral("0.625"), QStringLiteral("2.5") }));
        dashboard.setGroupedBySweep(true);
        QTreeView *tree = dashboard.groupedGrid();
        const QModelIndex repeated = dashboard.groups()->indexOfRun(QStringLiteral("sweep_10"));
        QVERIFY(repeated.isValid());
        QCOMPARE(dashboard.groups()->rowCount(repeated), 4); // four rates, three times each
        for (int r = 0; r < 4; ++r) { // a rate the brush left one run of is that run, not a group of one
            const QModelIndex rate = dashboard.groups()->index(r, 0, repeated);
            if (rate.data().toString().startsWith(QStringLiteral("×")))
                QVERIFY(dashboard.groups()->rowCount(rate) >= 2);
            else
                QVERIFY(!rate.data(RunModel::RunIdRole).toString().isEmpty());
        }
        tree->expand(repeated);
        tree->expand(dashboard.groups()->index(0, 0, repeated));
        tree->expand(dashboard.groups()->indexOfRun(QStringLiteral("sweep_1")));
        QTRY_VERIFY(!parallel->linesPending());
        screenshot(&dashboard, QStringLiteral("sweep.png"));
    }

    void groupedGridInTheDashboard()
    {
        ShownDashboard shown(sweepRows());
        RunDashboard &dashboard = shown.dashboard;
        RunModel &model = shown.model;
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        auto *group = dashboard.findChild<QCheckBox *>(QStringLiteral("groupBySweep"));
        QVERIFY(group);
        QVERIFY(!dashboard.groupedGrid()->isVisible());
        QTest::mouseClick(group, Qt::LeftButton, Qt::NoModifier, QPoint(8, group->height() / 2));
        QVERIFY(dashboard.isGroupedBySweep());
        QVERIFY(dashboard.groupedGrid()->isVisible());
        QVERIFY(!dashboard.grid()->isVisible());
        QTreeView *tree = dashboard.groupedGrid();
        QCOMPARE(tree->model()->rowCount(), 2);
        // the flat grid's hidden columns stay hidden
        QCOMPARE(tree->header()->isSectionHidden(RunModel::ArgumentsField),
                 dashboard.grid()->horizontalHeader()->isSectionHidden(RunModel::ArgumentsField));
        const QModelIndex sweep = dashboard.groups()->indexOfRun(QStringLiteral("sweep_1"));
        QCOMPARE(sweep.row(), 1); // the newest run first, as in the flat grid
        tree->expand(sweep);
        tree->selectionModel()->select(QItemSelection(tree->model()->index(0, 0, sweep), tree->model()->index(2, 0, sweep)),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(dashboard.selectedRunIds().size(), 3);
        // a new child keeps the sweep open
        RunModel::Row late = runRow(20, { QStringLiteral("99") }, QStringLiteral("sweep_1"));
        late.metrics = { scalarSummary(QStringLiteral("Accuracy"), 0.3) };
        model.upsertRuns({ late });
        QTRY_COMPARE(tree->model()->rowCount(dashboard.groups()->indexOfRun(QStringLiteral("sweep_1"))), 9);
        QVERIFY(tree->isExpanded(dashboard.groups()->indexOfRun(QStringLiteral("sweep_1"))));
        // a click on a column's header sorts, the runs of a sweep among themselves
        QHeaderView *header = tree->header();
        const int accuracy = model.columnOfKey(QStringLiteral("Accuracy"));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(header->sectionViewportPosition(accuracy) + 5, header->height() / 2));
        QCOMPARE(dashboard.grid()->horizontalHeader()->sortIndicatorSection(), accuracy);
        QTRY_COMPARE(tree->model()
                         ->index(0, 0, dashboard.groups()->indexOfRun(QStringLiteral("sweep_1")))
                         .data(RunModel::RunIdRole)
                         .toString(),
                     QStringLiteral("sweep_9")); // 0.85, the highest first

        RunModel other;
        RunDashboard reopened(&other);
        reopened.setProject(Project(shown.dir.path()));
        QVERIFY(reopened.isGroupedBySweep());
    }
};

// Every child's arguments are listed before anything starts; a bad set
// says why and nothing can start.
void TestSweepViews::sweepDialogPreviews()
{
    SweepDialog dialog(QStringLiteral("train.py"), QString(), 3);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *arguments = dialog.findChild<QLineEdit *>(QStringLiteral("sweepArguments"));
    auto *count = dialog.findChild<QLabel *>(QStringLiteral("sweepCount"));
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled() || dialog.plan().children.size() == 1);
    QTest::keyClicks(arguments, QStringLiteral("--lr {0.01,0.1,1} --layers {1..2}"));
    QCOMPARE(dialog.plan().children.size(), 6);
    QCOMPARE(dialog.preview()->rowCount(), 6);
    QCOMPARE(dialog.preview()->item(0, 2)->text(), QStringLiteral("--lr 0.01 --layers 1"));
    QCOMPARE(dialog.preview()->item(5, 2)->text(), QStringLiteral("--lr 1 --layers 2"));
    QCOMPARE(count->text(), QStringLiteral("6 runs."));
    QVERIFY(ok->isEnabled());
    QCOMPARE(ok->text(), QStringLiteral("Start 6 runs"));
    auto *repeat = dialog.findChild<QSpinBox *>(QStringLiteral("sweepRepeat"));
    repeat->setValue(3);
    QCOMPARE(dialog.preview()->rowCount(), 18);
    QCOMPARE(count->text(), QStringLiteral("18 runs: 6 combinations, 3 times each."));
    screenshot(&dialog, QStringLiteral("sweep-dialog.png"));
    auto *random = dialog.findChild<QSpinBox *>(QStringLiteral("sweepRandom"));
    random->setValue(2);
    QCOMPARE(dialog.plan().children.size(), 6); // 2 drawn, 3 times each
    dialog.findChild<QSpinBox *>(QStringLiteral("sweepSeed"))->setValue(7);
    const QString drawn = dialog.preview()->item(0, 2)->text();
    random->setValue(0);
    QCOMPARE(dialog.plan().children.size(), 18);
    random->setValue(2);
    QCOMPARE(dialog.preview()->item(0, 2)->text(), drawn); // the same seed draws the same runs
    QCOMPARE(dialog.options().seed, quint32(7));
    QCOMPARE(dialog.parallel(), 3);
    arguments->clear();
    QTest::keyClicks(arguments, QStringLiteral("{1..}"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!count->text().isEmpty());
    QCOMPARE(dialog.preview()->rowCount(), 0);
}

QTEST_MAIN(TestSweepViews)
#include "tst_sweepviews.moc"

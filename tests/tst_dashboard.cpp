// Run history → Dashboard, driven through its widgets.
#include "customizecolumnsdialog.h"
#include "metricchart.h"
#include "project.h"
#include "rundashboard.h"
#include "runfiltermodel.h"
#include "runmodel.h"
#include "runrows.h"
#include "testutil.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

namespace {

// The eight runs of the product page.
const double kRates[] = { 10, 5, 2.5, 1.25, 0.625, 0.3125, 0.15625, 0.078125 };
const double kAccuracy[] = { 0.641509, 0.641509, 0.660377, 0.641509, 0.660377, 0.660377, 0.679245, 0.679245 };

RunModel::Row sampleRow(int number, double rate, double accuracy)
{
    RunModel::Row r;
    r.run.id = number;
    r.run.number = number;
    r.run.runId = QStringLiteral("IrisDemo_15048321%1").arg(number);
    r.run.script = QStringLiteral("iris_sklearn.py");
    r.run.arguments = QStringList { QString::number(rate) };
    r.run.status = RunStatus::Completed;
    r.run.startUs = 1504832109906000LL + number * 20000000LL;
    r.run.endUs = r.run.startUs + 4700000 + number * 10000;
    r.run.exitCode = 0;
    for (const auto &m :
         { qMakePair(QStringLiteral("Regularization Rate"), rate), qMakePair(QStringLiteral("Accuracy"), accuracy) })
        r.metrics.append(scalarSummary(m.first, m.second));
    return r;
}

// QTest::mouseMove moves the cursor, which the offscreen platform does not
// turn into events: send the move the window system would.
void hover(QWidget *widget, const QPoint &pos)
{
    QMouseEvent move(QEvent::MouseMove, pos, widget->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void chartsHaveOnePointPerRun();
    void hoverAndClickCarryTheRunId();
    void doubleClickOnARowOpensDetails();
    void customizeAddsRemovesAndPersists();
    void aggregateShowsInGridAndCharts();
    void filterBadInputIsAMessage();
    void aFinishedRunAddsOnePointAndOneRow();
    void newScriptsJoinThePickerInOrder();
    void chartsFollowPagesArrivingFasterThanTheyRedraw();
    void compareTwoRunsOrMore();
    void exportCsv();
    void longSeriesAreReducedButHoverable();
    void chartExportsPngAndSvg();

private:
    MetricChart *waitForChart(const QString &key);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RunModel> m_model;
    std::unique_ptr<RunDashboard> m_dashboard;
};

void TestDashboard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QDir().mkpath(m_dir->path() + QStringLiteral("/.runbench"));
    m_model = std::make_unique<RunModel>();
    m_dashboard = std::make_unique<RunDashboard>(m_model.get());
    m_dashboard->setProject(Project(m_dir->path()));
    QVector<RunModel::Row> rows;
    for (int i = 0; i < 8; ++i)
        rows.append(sampleRow(i + 1, kRates[i], kAccuracy[i]));
    m_model->setRuns(rows);
    m_dashboard->resize(1200, 800);
    m_dashboard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dashboard.get()));
}

void TestDashboard::cleanup()
{
    m_dashboard.reset();
    m_model.reset();
}

MetricChart *TestDashboard::waitForChart(const QString &key)
{
    MetricChart *chart = nullptr;
    if (!QTest::qWaitFor([&] { return (chart = m_dashboard->chart(key)) && !chart->points().isEmpty(); }, 5000))
        return nullptr;
    return chart;
}

void TestDashboard::chartsHaveOnePointPerRun()
{
    MetricChart *accuracy = waitForChart(QStringLiteral("Accuracy"));
    MetricChart *rate = waitForChart(QStringLiteral("Regularization Rate"));
    MetricChart *duration = waitForChart(QString());
    QVERIFY(accuracy && rate && duration);
    QCOMPARE(m_dashboard->charts().size(), 3);
    QCOMPARE(accuracy->points().size(), 8);
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(accuracy->points().at(i).x, double(i + 1));
        QCOMPARE(accuracy->points().at(i).y, kAccuracy[i]);
        QCOMPARE(rate->points().at(i).y, kRates[i]);
    }
    QCOMPARE(accuracy->drawnPoints().size(), 8);
    QCOMPARE(duration->points().at(0).y, 4.71);
    QCOMPARE(accuracy->title(), QStringLiteral("Accuracy"));
    // the grid as on the product page: the logged values, then the fields
    QCOMPARE(m_dashboard->visibleColumnIds(),
             (QStringList { QStringLiteral("field:run"), QStringLiteral("metric:Regularization Rate"),
                            QStringLiteral("metric:Accuracy"), QStringLiteral("field:duration"),
                            QStringLiteral("field:run_id"), QStringLiteral("field:script"),
                            QStringLiteral("field:started"), QStringLiteral("field:status") }));
    QCOMPARE(m_dashboard->grid()->model()->rowCount(), 8);
    QCOMPARE(m_dashboard->grid()->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    const QString dir = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QTest::qWait(200);
        m_dashboard->grab().save(dir + QStringLiteral("/dashboard.png"));
    }
}

void TestDashboard::hoverAndClickCarryTheRunId()
{
    MetricChart *accuracy = waitForChart(QStringLiteral("Accuracy"));
    QVERIFY(accuracy);
    const QString runId = m_model->run(6).runId; // run 7
    // the new chart gets its size when the layout runs
    QTRY_VERIFY(accuracy->positionOf(runId) != accuracy->positionOf(m_model->run(0).runId));
    const QPoint pos = accuracy->positionOf(runId);
    QVERIFY(accuracy->plotWidget()->rect().contains(pos));
    QSignalSpy hovered(accuracy, &MetricChart::pointHovered);
    hover(accuracy->plotWidget(), pos);
    QTRY_VERIFY(!hovered.isEmpty());
    QCOMPARE(hovered.last().first().toString(), runId);
    // the same run is marked in the other charts
    QCOMPARE(m_dashboard->chart(QStringLiteral("Regularization Rate"))->highlightedRun(), runId);
    QSignalSpy details(m_dashboard.get(), &RunDashboard::detailsRequested);
    QTest::mouseClick(accuracy->plotWidget(), Qt::LeftButton, {}, pos);
    QCOMPARE(details.count(), 1);
    QCOMPARE(details.first().first().toString(), runId);
    // far from every point: nothing
    hover(accuracy->plotWidget(), QPoint(2, 2));
    QTRY_COMPARE(hovered.last().first().toString(), QString());
}

void TestDashboard::doubleClickOnARowOpensDetails()
{
    QTableView *grid = m_dashboard->grid();
    QSignalSpy details(m_dashboard.get(), &RunDashboard::detailsRequested);
    const QModelIndex first = grid->model()->index(0, RunModel::StatusField);
    const QPoint center = grid->visualRect(first).center();
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(grid->viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(details.count(), 1);
    QCOMPARE(details.first().first().toString(), m_model->run(7).runId); // newest first
}

void TestDashboard::customizeAddsRemovesAndPersists()
{
    QTest::mouseClick(m_dashboard->findChild<QPushButton *>(QStringLiteral("customizeColumns")), Qt::LeftButton);
    CustomizeColumnsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_dashboard->findChild<CustomizeColumnsDialog *>()));
    QListWidget *list = dialog->list();
    auto item = [list](const QString &text) {
        const auto found = list->findItems(text, Qt::MatchExactly);
        return found.isEmpty() ? nullptr : found.first();
    };
    item(QStringLiteral("Run id"))->setCheckState(Qt::Unchecked);
    item(QStringLiteral("Arguments"))->setCheckState(Qt::Checked);
    // move Accuracy to the top
    list->setCurrentItem(item(QStringLiteral("Accuracy")));
    auto *up = dialog->findChildren<QPushButton *>().first();
    QCOMPARE(up->text(), QStringLiteral("Move up"));
    while (list->currentRow() > 0)
        QTest::mouseClick(up, Qt::LeftButton);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    const QStringList expected { QStringLiteral("metric:Accuracy"),
                                 QStringLiteral("field:run"),
                                 QStringLiteral("metric:Regularization Rate"),
                                 QStringLiteral("field:duration"),
                                 QStringLiteral("field:script"),
                                 QStringLiteral("field:started"),
                                 QStringLiteral("field:status"),
                                 QStringLiteral("field:arguments") };
    QTRY_COMPARE(m_dashboard->visibleColumnIds(), expected);
    QVERIFY(m_dashboard->grid()->horizontalHeader()->isSectionHidden(RunModel::RunIdField));
    // reopening the project shows the same choice
    RunModel model;
    RunDashboard reopened(&model);
    reopened.setProject(Project(m_dir->path()));
    QVector<RunModel::Row> rows;
    for (int i = 0; i < 8; ++i)
        rows.append(sampleRow(i + 1, kRates[i], kAccuracy[i]));
    model.setRuns(rows);
    QCOMPARE(reopened.visibleColumnIds(), expected);
}

void TestDashboard::aggregateShowsInGridAndCharts()
{
    RunModel::Row series = sampleRow(9, 0.05, 0.7);
    series.metrics[1].count = 3;
    series.metrics[1].min = 0.5;
    series.metrics[1].max = 0.9;
    series.metrics[1].sum = 2.1;
    series.metrics[1].finiteCount = 3;
    m_model->upsertRuns({ series });
    m_dashboard->customize();
    CustomizeColumnsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_dashboard->findChild<CustomizeColumnsDialog *>()));
    QListWidget *list = dialog->list();
    list->setCurrentItem(list->findItems(QStringLiteral("Accuracy"), Qt::MatchExactly).first());
    auto *box = dialog->findChild<QComboBox *>(QStringLiteral("aggregateBox"));
    QVERIFY(box->isEnabled());
    box->setCurrentIndex(RunModel::Max);
    Q_EMIT box->activated(RunModel::Max);
    dialog->accept();
    const int column = m_model->columnOfKey(QStringLiteral("Accuracy"));
    QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(), QStringLiteral("max Accuracy"));
    MetricChart *chart = nullptr;
    QTRY_VERIFY((chart = m_dashboard->chart(QStringLiteral("Accuracy")))
                && chart->title() == QStringLiteral("max Accuracy"));
    QTRY_COMPARE(chart->points().last().y, 0.9);
}

void TestDashboard::filterBadInputIsAMessage()
{
    auto *filter = m_dashboard->findChild<QLineEdit *>(QStringLiteral("dashboardFilter"));
    auto *error = m_dashboard->findChild<QLabel *>(QStringLiteral("filterError"));
    QTest::keyClicks(filter, QStringLiteral("Accuracy > 0.65"));
    QVERIFY2(error->isHidden(), qPrintable(error->text() + QLatin1Char('|') + filter->text()));
    QCOMPARE(m_dashboard->proxy()->rowCount(), 5);
    QTRY_COMPARE(waitForChart(QStringLiteral("Accuracy"))->points().size(), 5);
    filter->setText(QStringLiteral("Accuracy >")); // as if pasted
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("needs a value")), qPrintable(error->text()));
    QCOMPARE(m_dashboard->proxy()->rowCount(), 5); // the last good filter stays
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("\"Regularization Rate\" < 1 status:Completed"));
    QVERIFY(error->isHidden());
    QCOMPARE(m_dashboard->proxy()->rowCount(), 4);
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("Accurcy > 1"));
    QVERIFY(error->text().contains(QStringLiteral("Accurcy")));
}

void TestDashboard::aFinishedRunAddsOnePointAndOneRow()
{
    MetricChart *accuracy = waitForChart(QStringLiteral("Accuracy"));
    QSignalSpy modelResets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy proxyResets(m_dashboard->proxy(), &QAbstractItemModel::modelReset);
    QSignalSpy rows(m_dashboard->proxy(), &QAbstractItemModel::rowsInserted);
    m_model->upsertRuns({ sampleRow(9, 0.05, 0.7) });
    QTRY_COMPARE(accuracy->points().size(), 9);
    QCOMPARE(accuracy->points().last().y, 0.7);
    QCOMPARE(m_dashboard->grid()->model()->rowCount(), 9);
    QCOMPARE(rows.count(), 1);
    QCOMPARE(modelResets.count(), 0);
    QCOMPARE(proxyResets.count(), 0);
}

// The script picker learns the scripts of new runs as they come (from the
// new rows alone), in alphabetical order after "All scripts".
void TestDashboard::newScriptsJoinThePickerInOrder()
{
    auto *picker = m_dashboard->findChild<QComboBox *>(QStringLiteral("dashboardScript"));
    QVERIFY(picker);
    auto items = [picker] {
        QStringList all;
        for (int i = 1; i < picker->count(); ++i)
            all.append(picker->itemData(i).toString());
        return all;
    };
    QCOMPARE(items(), QStringList { QStringLiteral("iris_sklearn.py") });
    QVector<RunModel::Row> rows;
    for (const char *script : { "zeta.py", "alpha.py", "iris_sklearn.py", "alpha.py" }) {
        rows.append(sampleRow(9 + int(rows.size()), 0.1, 0.5));
        rows.last().run.script = QString::fromLatin1(script);
    }
    m_model->upsertRuns(rows.mid(0, 2));
    QCOMPARE(items(), (QStringList { QStringLiteral("alpha.py"), QStringLiteral("iris_sklearn.py"), QStringLiteral("zeta.py") }));
    m_model->upsertRuns(rows.mid(2));
    QCOMPARE(items(), (QStringList { QStringLiteral("alpha.py"), QStringLiteral("iris_sklearn.py"), QStringLiteral("zeta.py") }));
    QCOMPARE(picker->itemData(0).toString(), QString()); // "All scripts" stays first
}

// The first load hands the window a page every few milliseconds for as
// long as a big history takes to read: the charts take the runs in as they
// come, not only once the pages stop.
void TestDashboard::chartsFollowPagesArrivingFasterThanTheyRedraw()
{
    MetricChart *accuracy = nullptr;
    QTRY_VERIFY((accuracy = m_dashboard->chart(QStringLiteral("Accuracy"))) && accuracy->points().size() == 8);
    QElapsedTimer clock;
    clock.start();
    int number = 8;
    int shownWhileArriving = 8;
    while (clock.elapsed() < 600) {
        QVector<RunModel::Row> page;
        for (int i = 0; i < 10; ++i) {
            ++number;
            page.append(sampleRow(number, 0.01 * (number % 7), 0.5 + 0.001 * number));
        }
        m_model->upsertRuns(page);
        QTest::qWait(5); // the next page comes well within the charts' 30 ms
        shownWhileArriving = int(accuracy->points().size());
    }
    QVERIFY2(shownWhileArriving > 8, "the chart took no run in while pages were arriving");
    QTRY_COMPARE(int(accuracy->points().size()), number);
}

void TestDashboard::compareTwoRunsOrMore()
{
    auto *compare = m_dashboard->findChild<QPushButton *>(QStringLiteral("compareRuns"));
    QTableView *grid = m_dashboard->grid();
    QVERIFY(!compare->isEnabled());
    auto select = [grid](int row, Qt::KeyboardModifiers mods) {
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, mods,
                          grid->visualRect(grid->model()->index(row, RunModel::StatusField)).center());
    };
    select(0, {});
    QVERIFY(!compare->isEnabled());
    select(3, Qt::ControlModifier);
    QVERIFY(compare->isEnabled());
    select(7, Qt::ControlModifier);
    QVERIFY(compare->isEnabled());
    QSignalSpy spy(m_dashboard.get(), &RunDashboard::compareRequested);
    QTest::mouseClick(compare, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toStringList().size(), 3);
    select(5, Qt::ControlModifier);
    QVERIFY(compare->isEnabled()); // any number: the compare view pages through many
    QTest::mouseClick(compare, Qt::LeftButton);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).first().toStringList().size(), 4);
}

void TestDashboard::exportCsv()
{
    const QString path = m_dir->path() + QStringLiteral("/runs.csv");
    QVERIFY(m_dashboard->exportCsv(path));
    const QStringList lines = QString::fromUtf8(readFile(path)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 9);
    QCOMPARE(lines.first(), QStringLiteral("Run,Regularization Rate,Accuracy,Duration,Run id,Script,Started,Status"));
    QCOMPARE(lines.at(1),
             QStringLiteral("8,0.078125,0.679245,0:00:04.780000,IrisDemo_150483218,iris_sklearn.py,"
                            "2017-09-08T00:57:49.906000+00:00,Completed"));
}

void TestDashboard::longSeriesAreReducedButHoverable()
{
    QVector<RunModel::Row> many;
    for (int i = 0; i < 20000; ++i)
        many.append(sampleRow(100 + i, 1.0, i == 12345 ? 5.0 : 0.5 + 0.0001 * (i % 100)));
    m_model->upsertRuns(many);
    MetricChart *accuracy = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (accuracy = m_dashboard->chart(QStringLiteral("Accuracy"))) && accuracy->points().size() == 20008, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!accuracy->drawnPoints().isEmpty() && accuracy->drawnPoints().size() < 20008, 10000);
    // the spike survives the reduction
    bool spike = false;
    for (const QPointF &p : accuracy->drawnPoints())
        spike = spike || p.y() == 5.0;
    QVERIFY(spike);
    const QString spikeRun = sampleRow(100 + 12345, 0, 0).run.runId;
    QTRY_VERIFY(accuracy->positionOf(spikeRun) != accuracy->positionOf(m_model->run(0).runId));
    QSignalSpy hovered(accuracy, &MetricChart::pointHovered);
    hover(accuracy->plotWidget(), accuracy->positionOf(spikeRun));
    QTRY_VERIFY(!hovered.isEmpty());
    QCOMPARE(hovered.last().first().toString(), spikeRun);
}

void TestDashboard::chartExportsPngAndSvg()
{
    MetricChart *accuracy = waitForChart(QStringLiteral("Accuracy"));
    QVERIFY(accuracy);
    const QString png = m_dir->path() + QStringLiteral("/accuracy.png");
    const QString svg = m_dir->path() + QStringLiteral("/accuracy.svg");
    QVERIFY(accuracy->exportTo(png));
    QVERIFY(accuracy->exportTo(svg));
    QVERIFY(readFile(png).startsWith("\x89PNG"));
    const QByteArray svgText = readFile(svg);
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("Accuracy"));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"

#include "dashboardseries.h"
#include "runfilter.h"
#include "runfiltermodel.h"
#include "runhistoryloader.h"
#include "runmodel.h"
#include "runrows.h"
#include "runstore.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

namespace {

RunModel::Row row(qint64 id, int number, const QString &script, RunStatus status,
                  const QVector<QPair<QString, double>> &metrics, const QStringList &args = {})
{
    RunModel::Row r;
    r.run.id = id;
    r.run.number = number;
    r.run.runId = QStringLiteral("P_%1").arg(id);
    r.run.script = script;
    r.run.status = status;
    r.run.arguments = args;
    r.run.startUs = 1000000 * id;
    r.run.endUs = r.run.startUs + 1000000 * number;
    r.run.exitCode = status == RunStatus::Failed ? 3 : 0;
    for (const auto &m : metrics)
        r.metrics.append(scalarSummary(m.first, m.second));
    return r;
}

} // namespace

class TestRunModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userAndHostColumns();
    void filterSyntax_data();
    void filterSyntax();
    void filterErrors_data();
    void filterErrors();
    void incrementalUpdatesWithoutReset();
    void aggregatesOfASeries();
    void sortingPutsMissingValuesLast();
    void loaderFollowsTheStore();
    void dashboardSeriesMoveARunAtATime();
};

void TestRunModel::filterSyntax_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QList<int>>("runs");
    QTest::newRow("empty") << QString() << QList<int> { 1, 2, 3, 4 };
    QTest::newRow("greater") << QStringLiteral("Accuracy > 0.65") << QList<int> { 1, 3 };
    QTest::newRow("attached") << QStringLiteral("Accuracy>=0.7") << QList<int> { 1, 3 };
    QTest::newRow("quoted name") << QStringLiteral("\"Regularization Rate\" < 1") << QList<int> { 3, 4 };
    QTest::newRow("case insensitive name") << QStringLiteral("accuracy<0.65") << QList<int> { 2 };
    QTest::newRow("status") << QStringLiteral("status:completed") << QList<int> { 1, 2, 4 };
    QTest::newRow("combined") << QStringLiteral("Accuracy > 0.65 status:Completed") << QList<int> { 1 };
    QTest::newRow("script") << QStringLiteral("script:other") << QList<int> { 4 };
    QTest::newRow("text") << QStringLiteral("lbfgs") << QList<int> { 2 };
    QTest::newRow("run field") << QStringLiteral("run >= 3") << QList<int> { 3, 4 };
    QTest::newRow("duration") << QStringLiteral("duration<2.5") << QList<int> { 1, 2 };
    QTest::newRow("exit") << QStringLiteral("exit != 0") << QList<int> { 3 };
    QTest::newRow("missing never matches") << QStringLiteral("loss < 100") << QList<int> { 4 };
}

void TestRunModel::filterSyntax()
{
    QFETCH(QString, filter);
    QFETCH(QList<int>, runs);
    RunModel model;
    model.setRuns({ row(1, 1, QStringLiteral("iris.py"), RunStatus::Completed,
                        { { QStringLiteral("Accuracy"), 0.7 }, { QStringLiteral("Regularization Rate"), 10 } }),
                    row(2, 2, QStringLiteral("iris.py"), RunStatus::Completed,
                        { { QStringLiteral("Accuracy"), 0.6 }, { QStringLiteral("Regularization Rate"), 5 } },
                        { QStringLiteral("--solver"), QStringLiteral("lbfgs") }),
                    row(3, 3, QStringLiteral("iris.py"), RunStatus::Failed,
                        { { QStringLiteral("Accuracy"), 0.8 }, { QStringLiteral("Regularization Rate"), 0.5 } }),
                    row(4, 4, QStringLiteral("other.sh"), RunStatus::Completed,
                        { { QStringLiteral("loss"), 3 }, { QStringLiteral("Regularization Rate"), 0.1 } }) });
    RunFilterModel proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY2(proxy.setFilterText(filter), qPrintable(proxy.filterError()));
    QList<int> shown;
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown.append(proxy.index(r, 0).data(RunModel::RunNumberRole).toInt());
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, runs);
}

void TestRunModel::filterErrors_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown name") << QStringLiteral("Acc > 1") << QStringLiteral("No run logged “Acc”");
    QTest::newRow("no value") << QStringLiteral("Accuracy >") << QStringLiteral("needs a value");
    QTest::newRow("bad operator") << QStringLiteral("Accuracy => 1") << QStringLiteral("is not a comparison");
    QTest::newRow("not a number") << QStringLiteral("Accuracy > high") << QStringLiteral("is not a number");
    QTest::newRow("unclosed quote") << QStringLiteral("\"Accuracy > 1") << QStringLiteral("not closed");
    QTest::newRow("bad status") << QStringLiteral("status:done") << QStringLiteral("is not a status");
    QTest::newRow("unknown prefix") << QStringLiteral("color:red") << QStringLiteral("is not a filter");
    QTest::newRow("operator first") << QStringLiteral("> 3") << QStringLiteral("needs a name");
    QTest::newRow("noise") << QStringLiteral("::<<>>!!==") << QStringLiteral("needs a name");
}

void TestRunModel::filterErrors()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    const RunFilter f = RunFilter::parse(filter, { QStringLiteral("Accuracy") });
    QVERIFY(!f.isValid());
    QVERIFY2(f.errorString().contains(message), qPrintable(f.errorString()));
    // the proxy keeps its previous filter and says why
    RunModel model;
    model.setRuns({ row(1, 1, QStringLiteral("a.py"), RunStatus::Completed, { { QStringLiteral("Accuracy"), 0.5 } }) });
    RunFilterModel proxy(&model);
    QVERIFY(proxy.setFilterText(QStringLiteral("Accuracy > 0.9")));
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(!proxy.setFilterText(filter));
    QVERIFY(!proxy.filterError().isEmpty());
    QCOMPARE(proxy.rowCount(), 0);
}

void TestRunModel::incrementalUpdatesWithoutReset()
{
    RunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns({ row(1, 1, QStringLiteral("a.py"), RunStatus::Completed, { { QStringLiteral("Accuracy"), 0.5 } }) });
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy rowsInserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy columnsInserted(&model, &QAbstractItemModel::columnsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // a new run, still running, with a new metric
    model.upsertRuns({ row(2, 2, QStringLiteral("a.py"), RunStatus::Running, { { QStringLiteral("loss"), 1.5 } }) });
    QCOMPARE(rowsInserted.count(), 1);
    QCOMPARE(columnsInserted.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.headerData(model.columnOfKey(QStringLiteral("loss")), Qt::Horizontal).toString(),
             QStringLiteral("loss"));
    QVERIFY(model.activeRunRowIds().contains(2));
    // it completes: same row, new data
    model.upsertRuns({ row(2, 2, QStringLiteral("a.py"), RunStatus::Completed, { { QStringLiteral("loss"), 0.5 } }) });
    QCOMPARE(rowsInserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(1, model.columnOfKey(QStringLiteral("loss"))).data(RunModel::RawRole).toDouble(), 0.5);
    QCOMPARE(model.index(1, RunModel::StatusField).data().toString(), QStringLiteral("Completed"));
    QCOMPARE(resets.count(), 0);
    QVERIFY(!model.index(0, model.columnOfKey(QStringLiteral("loss"))).data(RunModel::RawRole).isValid());
}

void TestRunModel::aggregatesOfASeries()
{
    RunModel model;
    RunModel::Row r = row(1, 1, QStringLiteral("a.py"), RunStatus::Completed, {});
    MetricSummary s;
    s.key = QStringLiteral("Accuracy");
    s.count = 3;
    s.last = 0.7;
    s.min = 0.5;
    s.max = 0.9;
    s.sum = 2.1;
    s.finiteCount = 3;
    r.metrics = { s };
    model.setRuns({ r });
    const int column = model.columnOfKey(QStringLiteral("Accuracy"));
    QCOMPARE(model.index(0, column).data(RunModel::RawRole).toDouble(), 0.7);
    QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
    model.setAggregate(QStringLiteral("Accuracy"), RunModel::Max);
    QCOMPARE(header.count(), 1);
    QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), QStringLiteral("max Accuracy"));
    QCOMPARE(model.index(0, column).data(RunModel::RawRole).toDouble(), 0.9);
    model.setAggregate(QStringLiteral("Accuracy"), RunModel::Mean);
    QCOMPARE(model.index(0, column).data(RunModel::RawRole).toDouble(), 0.7);
    QVERIFY(RunFilter::parse(QStringLiteral("Accuracy > 0.65"), model.metricKeys())
                .matches(model.run(0), [&](const QString &k) { return model.metricValue(0, k); }));
}

void TestRunModel::sortingPutsMissingValuesLast()
{
    RunModel model;
    model.setRuns({ row(1, 1, QStringLiteral("a.py"), RunStatus::Completed, { { QStringLiteral("Accuracy"), 10 } }),
                    row(2, 2, QStringLiteral("a.py"), RunStatus::Completed, {}),
                    row(3, 3, QStringLiteral("a.py"), RunStatus::Completed, { { QStringLiteral("Accuracy"), 9 } }),
                    row(4, 4, QStringLiteral("a.py"), RunStatus::Completed, { { QStringLiteral("Accuracy"), 100 } }) });
    RunFilterModel proxy(&model);
    const int column = model.columnOfKey(QStringLiteral("Accuracy"));
    auto order = [&] {
        QList<int> numbers;
        for (int r = 0; r < proxy.rowCount(); ++r)
            numbers.append(proxy.index(r, 0).data(RunModel::RunNumberRole).toInt());
        return numbers;
    };
    proxy.sort(column, Qt::AscendingOrder);
    QCOMPARE(order(), (QList<int> { 3, 1, 4, 2 })); // 9 < 10 < 100 as numbers, not text
    proxy.sort(column, Qt::DescendingOrder);
    QCOMPARE(order(), (QList<int> { 4, 1, 3, 2 }));
}

void TestRunModel::loaderFollowsTheStore()
{
    QTemporaryDir dir;
    const Project project(dir.path());
    QString error;
    QVERIFY(project.ensureDataDir(&error));
    RunStore writer;
    QVERIFY(writer.open(project.databasePath()));
    QVERIFY(writer.useProject(project));
    const auto first = writer.createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, {});
    QHash<QString, MetricSummary> sums;
    QVERIFY(writer.appendMetrics(first->id, { { QStringLiteral("Accuracy"), MetricKind::Number, { 0.5 }, {}, 0 } },
                                 &sums, 1, 0, {}));

    RunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunHistoryLoader loader(&model);
    loader.setPollInterval(50);
    QSignalSpy loaded(&loader, &RunHistoryLoader::loaded);
    loader.setProject(project);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 1);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // another writer (a run in a terminal) adds a run and finishes it
    const auto second = writer.createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, {});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
    QVERIFY(writer.setRunFinished(second->id, RunStatus::Completed, 0, 5, QString()));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(1, RunModel::StatusField).data(RunModel::RawRole).toString(),
                              QStringLiteral("Completed"), 10000);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(resets.count(), 0);
}

// On a team's server, runs of several people and machines share a grid.
void TestRunModel::userAndHostColumns()
{
    RunModel model;
    RunModel::Row r = row(1, 1, QStringLiteral("iris.py"), RunStatus::Completed, {});
    r.run.user = QStringLiteral("kim");
    r.run.host = QStringLiteral("gpu-box");
    model.setRuns({ r });
    QCOMPARE(model.headerData(RunModel::UserField, Qt::Horizontal).toString(), QStringLiteral("User"));
    QCOMPARE(model.headerData(RunModel::HostField, Qt::Horizontal).toString(), QStringLiteral("Host"));
    QCOMPARE(model.index(0, RunModel::UserField).data().toString(), QStringLiteral("kim"));
    QCOMPARE(model.index(0, RunModel::HostField).data().toString(), QStringLiteral("gpu-box"));
    QCOMPARE(model.columnOfId(QStringLiteral("field:host")), int(RunModel::HostField));

    // Where each ran: this machine, or a cluster job.
    RunModel::Row cluster = row(2, 2, QStringLiteral("iris.py"), RunStatus::Running, {});
    cluster.run.target = QStringLiteral("slurm");
    cluster.run.jobId = QStringLiteral("4711");
    model.upsertRuns({ cluster });
    QCOMPARE(model.columnOfId(QStringLiteral("field:target")), int(RunModel::TargetField));
    QCOMPARE(model.headerData(RunModel::TargetField, Qt::Horizontal).toString(), QStringLiteral("Target"));
    const int local = model.index(0, 0).data(RunModel::RunNumberRole).toInt() == 1 ? 0 : 1;
    QCOMPARE(model.index(local, RunModel::TargetField).data().toString(), QStringLiteral("This machine"));
    QCOMPARE(model.index(1 - local, RunModel::TargetField).data().toString(), QStringLiteral("Slurm job 4711"));
    QCOMPARE(model.index(1 - local, RunModel::TargetField).data(RunModel::RawRole).toString(), QStringLiteral("slurm"));
}

// The dashboard's series follow the model a run at a time: a run's new
// value moves only its point, in only its series; a filter reads the shown
// runs again; hidden and filtered runs have no points.
void TestRunModel::dashboardSeriesMoveARunAtATime()
{
    RunModel model;
    model.setRuns({ row(1, 1, QStringLiteral("a.py"), RunStatus::Completed, { { QStringLiteral("acc"), 0.5 } }),
                    row(2, 2, QStringLiteral("a.py"), RunStatus::Completed,
                        { { QStringLiteral("acc"), 0.7 }, { QStringLiteral("loss"), 0.3 } }),
                    row(3, 3, QStringLiteral("b.py"), RunStatus::Running, { { QStringLiteral("acc"), 0.1 } }) });
    RunFilterModel shown(&model);
    DashboardSeries series(&model, &shown);
    QCOMPARE(series.keys(), (QStringList { QStringLiteral("acc"), QStringLiteral("loss"), QString() }));
    auto ys = [&series](const QString &key) {
        QVector<double> v;
        for (const DashboardSeries::Point &p : series.points(key))
            v.append(p.y);
        return v;
    };
    QCOMPARE(ys(QStringLiteral("acc")), (QVector<double> { 0.5, 0.7, 0.1 })); // in run order
    QCOMPARE(ys(QStringLiteral("loss")), QVector<double> { 0.3 });

    // A poll: run 3 logged more. One row read, one series moved.
    QSignalSpy moved(&series, &DashboardSeries::seriesChanged);
    const qint64 before = series.rowsRead();
    model.upsertRuns({ row(3, 3, QStringLiteral("b.py"), RunStatus::Running, { { QStringLiteral("acc"), 0.2 } }) });
    QCOMPARE(series.rowsRead() - before, 1);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.first().first().toStringList(), QStringList { QStringLiteral("acc") });
    QCOMPARE(ys(QStringLiteral("acc")), (QVector<double> { 0.5, 0.7, 0.2 }));

    // The same values again: nothing to redraw.
    moved.clear();
    model.upsertRuns({ row(3, 3, QStringLiteral("b.py"), RunStatus::Running, { { QStringLiteral("acc"), 0.2 } }) });
    QCOMPARE(moved.size(), 0);

    // A new run adds its points; "loss" gains one.
    model.upsertRuns({ row(4, 4, QStringLiteral("a.py"), RunStatus::Completed,
                           { { QStringLiteral("acc"), 0.9 }, { QStringLiteral("loss"), 0.1 } }) });
    QCOMPARE(ys(QStringLiteral("loss")), (QVector<double> { 0.3, 0.1 }));

    // A filter shows fewer runs: their points go, and come back with them.
    QVERIFY(shown.setFilterText(QStringLiteral("script:b.py")));
    QCOMPARE(ys(QStringLiteral("acc")), QVector<double> { 0.2 });
    QCOMPARE(series.keys(), (QStringList { QStringLiteral("acc"), QString() })); // no loss shown
    QVERIFY(shown.setFilterText(QString()));
    QCOMPARE(ys(QStringLiteral("acc")), (QVector<double> { 0.5, 0.7, 0.2, 0.9 }));

    // An aggregate changes the series it belongs to.
    model.setAggregate(QStringLiteral("acc"), RunModel::Max);
    QCOMPARE(ys(QStringLiteral("acc")).size(), 4);
    QCOMPARE(ys(QString()).size(), 4); // durations of every shown run
}

QTEST_GUILESS_MAIN(TestRunModel)
#include "tst_runmodel.moc"

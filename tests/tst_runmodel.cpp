#include "dashboardseries.h"
#include "guiturn.h"
#include "runfilter.h"
#include "runfiltermodel.h"
#include "runhistoryloader.h"
#include "runmodel.h"
#include "runrows.h"
#include "runsortmodel.h"
#include "runstore.h"
#include "testutil.h"

#include <QAbstractEventDispatcher>
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>
#include <vector>

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
    r.run.endUs = r.run.startUs + qint64(1000000) * number;
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
    void runIdIndexFindsEveryRow();
    void incrementalUpdatesWithoutReset();
    void aggregatesOfASeries();
    void sortingPutsMissingValuesLast();
    void sortedRowsFollowEveryChange();
    void sortsManyDistinctTexts();
    void loaderFollowsTheStore();
    void loaderReadsEveryPage();
    void sortedRowsWaitWhileTheModelFills();
    void heavyPiecesTakeTurns();
    void dashboardSeriesMoveARunAtATime();
    void historyReadsBelowTheWindow();
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

// The model's index of run ids, grown from empty a step at a time: every
// id is found at its row, ids that are not there (or differ in case, or
// by a character) are not, and clear() forgets them all.
void TestRunModel::runIdIndexFindsEveryRow()
{
    QStringList ids;
    for (int i = 0; i < 20000; ++i)
        ids.append(QStringLiteral("IrisDemo_%1").arg(1504832281116LL + i * 7));
    ids.append(QStringLiteral("Ärger_1"));
    ids.append(QString());
    const auto idOfRow = [&ids](int row) -> const QString & { return ids.at(row); };
    RunIdIndex index;
    for (int row = 0; row < ids.size(); ++row) {
        QCOMPARE(index.find(ids.at(row), idOfRow), -1);
        index.insert(ids.at(row), row);
    }
    QCOMPARE(index.size(), qsizetype(ids.size()));
    for (int row = 0; row < ids.size(); ++row)
        QCOMPARE(index.find(ids.at(row), idOfRow), row);
    QCOMPARE(index.find(QStringLiteral("irisdemo_1504832281116"), idOfRow), -1);
    QCOMPARE(index.find(QStringLiteral("IrisDemo_1504832281117"), idOfRow), -1);
    QCOMPARE(index.find(QStringLiteral("ärger_1"), idOfRow), -1);
    index.clear();
    QCOMPARE(index.find(ids.first(), idOfRow), -1);
    index.reserve(4);
    index.insert(ids.at(5), 5);
    QCOMPARE(index.find(ids.at(5), idOfRow), 5);
    QCOMPARE(index.find(ids.at(6), idOfRow), -1);
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
    RunFilterModel filter(&model);
    RunSortModel proxy(&model, &filter);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
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

namespace {

// A run with a value "x" that is a number (logged once or more), a text,
// not-a-number or missing.
RunModel::Row randomRow(qint64 id, std::mt19937 &random)
{
    RunModel::Row r = row(id, int(id), id % 3 ? QStringLiteral("a.py") : QStringLiteral("b.py"), RunStatus::Completed,
                          {});
    const int what = int(random() % 10);
    if (what < 6) {
        // logged once, or three times (its last, min and max differ)
        MetricSummary s = scalarSummary(QStringLiteral("x"), double(random() % 50) / 4 - 3);
        if (random() % 2) {
            s.count = s.finiteCount = 3;
            s.min = s.last - double(random() % 5);
            s.max = s.last + double(random() % 5);
            s.sum = s.min + s.last + s.max;
        }
        r.metrics.append(s);
    } else if (what < 8) {
        MetricSummary s;
        s.key = QStringLiteral("x");
        s.kind = MetricKind::Text;
        s.count = 1;
        // texts that differ only in case sort as one
        s.lastText = QStringList({ QStringLiteral("adam"), QStringLiteral("SGD"), QStringLiteral("lbfgs"),
                                   QStringLiteral("sgd"), QStringLiteral("Ärger"), QStringLiteral("ärger") })
                         .at(int(random() % 6));
        r.metrics.append(s);
    } else if (what < 9) {
        r.metrics.append(scalarSummary(QStringLiteral("x"), std::nan("")));
    }
    r.metrics.append(scalarSummary(QStringLiteral("y"), double(random() % 7)));
    return r;
}

// The order the grid must show, computed the plain way: every run the
// filter keeps, compared by its value with the rules the grid promises. A
// logged value is read from the run's summaries (metricValue), not from the
// columns the model keeps for sorting.
QList<int> expectedOrder(const RunModel &model, const RunFilterModel &filter, int column, Qt::SortOrder order)
{
    struct Key
    {
        int kind; // 0 missing, 1 number, 2 text
        double number;
        QString text;
        int row;
    };
    QVector<Key> keys;
    for (int r = 0; r < filter.rowCount(); ++r) {
        const int row = filter.mapToSource(filter.index(r, 0)).row();
        QVariant v;
        if (column >= RunModel::FieldCount)
            v = model.metricValue(row, model.keyOfColumn(column)).value_or(QVariant());
        else if (column >= 0)
            v = model.index(row, column).data(RunModel::SortRole);
        Key k { 0, 0, QString(), row };
        if (v.userType() == QMetaType::QString) {
            k.kind = 2;
            k.text = v.toString().toCaseFolded();
        } else if (v.isValid() && !std::isnan(v.toDouble())) {
            k.kind = 1;
            k.number = v.toDouble();
        }
        keys.append(k);
    }
    const bool up = order == Qt::AscendingOrder;
    std::sort(keys.begin(), keys.end(), [&](const Key &a, const Key &b) {
        if (column < 0)
            return a.row < b.row;
        if (a.kind != b.kind) {
            if (a.kind == 0 || b.kind == 0)
                return b.kind == 0;
            return up ? a.kind < b.kind : a.kind > b.kind;
        }
        if (a.kind == 1 && a.number != b.number)
            return up ? a.number < b.number : a.number > b.number;
        if (a.kind == 2 && a.text != b.text)
            return up ? a.text < b.text : a.text > b.text;
        return a.row < b.row;
    });
    QList<int> rows;
    for (const Key &k : std::as_const(keys))
        rows.append(k.row);
    return rows;
}

} // namespace

// Pages of new runs (in one place and spread out), values that change, the
// filter taking runs out and back, sorting by a number, a text and nothing:
// after each, the rows are the filter's runs in the promised order, every
// run maps both ways, and the runs the view holds on to stay the same runs.
void TestRunModel::sortedRowsFollowEveryChange()
{
    std::mt19937 random(20261129);
    RunModel model;
    QVector<RunModel::Row> initial;
    for (int i = 1; i <= 40; ++i)
        initial.append(randomRow(i, random));
    model.setRuns(initial);
    RunFilterModel filter(&model);
    RunSortModel sorted(&model, &filter);
    DashboardSeries series(&model, &filter);
    QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&sorted, &QAbstractItemModel::modelReset);
    qint64 nextId = 41;
    const int x = model.columnOfKey(QStringLiteral("x"));
    const int y = model.columnOfKey(QStringLiteral("y"));
    const auto check = [&](const char *step) {
        QList<int> shown;
        for (int r = 0; r < sorted.rowCount(); ++r) {
            const int row = sorted.mapToSource(sorted.index(r, 0)).row();
            shown.append(row);
            if (sorted.mapFromSource(model.index(row, 2)) != sorted.index(r, 2))
                return QStringLiteral("%1: run row %2 does not map back").arg(QLatin1String(step)).arg(row);
        }
        // the numbers kept per name are what the summaries say
        for (int row = 0; row < model.rowCount(); ++row) {
            for (const QString &key : { QStringLiteral("x"), QStringLiteral("y") }) {
                double number = 0;
                const bool isNumber = model.numericValue(row, key, &number);
                const QVariant value = model.metricValue(row, key).value_or(QVariant());
                const bool same = value.userType() == QMetaType::Double
                    ? isNumber && (number == value.toDouble() || (std::isnan(number) && std::isnan(value.toDouble())))
                    : !isNumber;
                if (!same)
                    return QStringLiteral("%1: run row %2 has %3 %4, its summary says %5")
                        .arg(QLatin1String(step), QString::number(row), key,
                             isNumber ? QString::number(number) : QStringLiteral("no number"), value.toString());
            }
        }
        // the charts' series: a point per run the filter keeps with a number, in run order
        for (const QString &key : { QStringLiteral("x"), QStringLiteral("y"), QString() }) {
            QVector<DashboardSeries::Point> points;
            for (int r = 0; r < filter.rowCount(); ++r) {
                const int row = filter.mapToSource(filter.index(r, 0)).row();
                const RunRecord &run = model.run(row);
                double value = 0;
                if (key.isEmpty() ? run.durationUs() >= 0 : model.numericValue(row, key, &value))
                    points.append({ double(run.number), key.isEmpty() ? double(run.durationUs()) / 1e6 : value, row });
            }
            std::sort(points.begin(), points.end(),
                      [](const DashboardSeries::Point &a, const DashboardSeries::Point &b) { return a.x < b.x; });
            const QVector<DashboardSeries::Point> shownPoints = series.points(key);
            bool same = shownPoints.size() == points.size();
            for (int i = 0; same && i < points.size(); ++i)
                same = shownPoints.at(i).x == points.at(i).x && shownPoints.at(i).run == points.at(i).run
                    && (shownPoints.at(i).y == points.at(i).y
                        || (std::isnan(shownPoints.at(i).y) && std::isnan(points.at(i).y)));
            if (!same)
                return QStringLiteral("%1: the series \"%2\" has %3 points, expected %4")
                    .arg(QLatin1String(step), key, QString::number(shownPoints.size()), QString::number(points.size()));
        }
        const QList<int> expected = expectedOrder(model, filter, sorted.sortColumn(), sorted.sortOrder());
        if (shown != expected)
            return QStringLiteral("%1: shown %2, expected %3")
                .arg(QLatin1String(step), QString::number(shown.size()), QString::number(expected.size()));
        return QString();
    };
    QVERIFY2(check("start").isEmpty(), qPrintable(check("start")));
    sorted.sort(x, Qt::AscendingOrder);
    QVERIFY2(check("sorted").isEmpty(), qPrintable(check("sorted")));
    for (int step = 0; step < 120; ++step) {
        // the view holds on to a run
        const int held = sorted.rowCount() ? int(random() % sorted.rowCount()) : -1;
        const QPersistentModelIndex holding = held < 0 ? QModelIndex() : sorted.index(held, 1);
        const QString heldRun = holding.data(RunModel::RunIdRole).toString();
        const char *what = "";
        switch (random() % 6) {
        case 0: { // a page of new runs, or a few
            what = "new runs";
            QVector<RunModel::Row> page;
            const int count = random() % 2 ? 1 + int(random() % 5) : 17 + int(random() % 14); // one by one, or merged
            const bool numberedBelow = random() % 4 == 0; // runs brought in from elsewhere, numbered before the rest
            for (int i = 0; i < count; ++i) {
                page.append(randomRow(nextId, random));
                if (numberedBelow)
                    page.last().run.number = -int(nextId);
                ++nextId;
            }
            model.upsertRuns(page);
            break;
        }
        case 1: { // runs whose values change
            what = "changed values";
            QVector<RunModel::Row> changed;
            for (int i = 0; i < 1 + int(random() % 6); ++i) {
                const int r = int(random() % model.rowCount());
                RunModel::Row again = randomRow(model.run(r).id, random);
                again.run = model.run(r);
                changed.append(again);
            }
            model.upsertRuns(changed);
            break;
        }
        case 2: { // the filter moves
            what = "filter";
            const QStringList filters = { QString(), QStringLiteral("y > 2"), QStringLiteral("y < 5"),
                                          QStringLiteral("script:a.py"), QStringLiteral("y = 3") };
            QVERIFY(filter.setFilterText(filters.at(int(random() % filters.size()))));
            break;
        }
        case 3:
            what = "sort";
            sorted.sort(QList<int>({ -1, x, y, RunModel::ScriptField, RunModel::NumberField }).at(int(random() % 5)),
                        random() % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
            break;
        case 4:
            what = "aggregate";
            model.setAggregate(QStringLiteral("x"), random() % 2 ? RunModel::Max : RunModel::Last);
            break;
        default: { // a brush on y
            what = "brush";
            RunFilterModel::Brush brush;
            brush.low = double(random() % 4);
            brush.high = brush.low + 2;
            if (random() % 2)
                filter.setBrush(QStringLiteral("y"), brush);
            else
                filter.clearBrushes();
            break;
        }
        }
        const QString problem = check(what);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("step %1, %2").arg(step).arg(problem)));
        if (holding.isValid())
            QCOMPARE(holding.data(RunModel::RunIdRole).toString(), heldRun);
    }
    QCOMPARE(resets.count(), 0);
}

// More distinct texts than are ranked (run ids, names): sorted as texts,
// in both directions, whatever their case, and past the first units they
// share (Latin-1 texts are told apart by eight units at once, others by
// four, and runs equal in those by the rest). Enough of them that room for
// all is made at once, from the length of the first ones.
void TestRunModel::sortsManyDistinctTexts()
{
    std::mt19937 random(7);
    QVector<RunModel::Row> rows;
    const QStringList prefixes = { QStringLiteral("Run_"), QStringLiteral("run_"), QStringLiteral("RUN_") };
    const QStringList names = { QStringLiteral("Name %1"), QStringLiteral("name %1"), QStringLiteral("Ärger %1"),
                                QStringLiteral("ärger %1"), QStringLiteral("실험 %1") };
    for (int i = 1; i <= 9000; ++i) {
        RunModel::Row r = row(i, i, QStringLiteral("a.py"), RunStatus::Completed, {});
        r.run.runId = prefixes.at(int(random() % 3)) + QString::number(random() % 100000);
        r.run.name = i % 7 ? names.at(int(random() % names.size())).arg(random() % 90000) : QString();
        r.run.host = QStringLiteral("Host-%1").arg(random() % 100000000); // nine units after the prefix
        r.run.user = QStringLiteral("사용자%1").arg(random() % 100000); // four units decide few places
        rows.append(r);
    }
    RunModel model;
    model.setRuns(rows);
    RunFilterModel filter(&model);
    RunSortModel sorted(&model, &filter);
    for (int column :
         { int(RunModel::RunIdField), int(RunModel::NameField), int(RunModel::HostField), int(RunModel::UserField) }) {
        for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            sorted.sort(column, order);
            QList<int> shown;
            for (int r = 0; r < sorted.rowCount(); ++r)
                shown.append(sorted.mapToSource(sorted.index(r, 0)).row());
            QCOMPARE(shown, expectedOrder(model, filter, column, order));
        }
    }
}

// A history of several pages, read while the window takes pages in one at
// a time: every run arrives once with its value, and a loader switched to
// another project or destroyed halfway stops without waiting for the window.
void TestRunModel::loaderReadsEveryPage()
{
    QTemporaryDir dir;
    const Project project(dir.path());
    QString error;
    QVERIFY(project.ensureDataDir(&error));
    {
        RunStore store;
        QVERIFY(store.open(project.databasePath()));
        QVERIFY(store.useProject(project));
    }
    const int runs = 26000;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("pages"));
        db.setDatabaseName(project.databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO metric_keys (id, name) VALUES (1, 'Accuracy')")));
        QSqlQuery run(db);
        run.prepare(QStringLiteral("INSERT INTO runs (id, project_id, run_id, run_number, script, status, created_us) "
                                   "VALUES (?, 1, ?, ?, 'train.py', 'Completed', 1)"));
        QSqlQuery metric(db);
        metric.prepare(QStringLiteral("INSERT INTO run_metrics (run, key, kind, count, last_num, min_num, max_num, "
                                      "sum_num, finite_count) VALUES (?, 1, 'number', 1, ?, ?, ?, ?, 1)"));
        for (int i = 1; i <= runs; ++i) {
            run.addBindValue(i);
            run.addBindValue(QStringLiteral("Page_%1").arg(i));
            run.addBindValue(i);
            QVERIFY(run.exec());
            for (int b = 0; b < 5; ++b) // run, last, min, max, sum
                metric.addBindValue(b == 0 ? QVariant(i) : QVariant(i / 1000.0));
            QVERIFY(metric.exec());
        }
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pages"));

    RunModel model;
    RunFilterModel filter(&model);
    RunSortModel sorted(&model, &filter);
    sorted.sort(RunModel::NumberField, Qt::DescendingOrder);
    {
        RunHistoryLoader loader(&model);
        QSignalSpy loaded(&loader, &RunHistoryLoader::loaded);
        loader.setProject(project);
        QVERIFY(loaded.wait(20000));
        QVERIFY(model.rowCount() < runs); // the first page shows before the rest is read
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), runs, 60000);
        QTest::qWait(200);
        QCOMPARE(model.rowCount(), runs);
    }
    QSet<int> numbers;
    for (int r = 0; r < runs; ++r) {
        numbers.insert(model.run(r).number);
        double v = 0;
        QVERIFY(model.numericValue(r, QStringLiteral("Accuracy"), &v));
        QCOMPARE(v, model.run(r).number / 1000.0);
    }
    QCOMPARE(numbers.size(), runs);
    QCOMPARE(sorted.rowCount(), runs);
    QCOMPARE(sorted.index(0, 0).data(RunModel::RunNumberRole).toInt(), runs);
    QCOMPARE(sorted.index(runs - 1, 0).data(RunModel::RunNumberRole).toInt(), 1);

    // destroyed while pages wait for room: returns at once
    {
        RunModel other;
        RunHistoryLoader loader(&other);
        QSignalSpy loaded(&loader, &RunHistoryLoader::loaded);
        loader.setProject(project);
        QVERIFY(loaded.wait(20000));
    }
    // switched to another project halfway: only the second one's runs
    QTemporaryDir emptyDir;
    const Project empty(emptyDir.path());
    QVERIFY(empty.ensureDataDir(&error));
    {
        RunStore store;
        QVERIFY(store.open(empty.databasePath()));
        QVERIFY(store.useProject(empty));
        QVERIFY(store.createRun(QStringLiteral("E"), QStringLiteral("e.py"), {}, {}, {}));
    }
    RunModel switched;
    RunHistoryLoader loader(&switched);
    QSignalSpy loaded(&loader, &RunHistoryLoader::loaded);
    loader.setProject(project);
    QVERIFY(loaded.wait(20000));
    loader.setProject(empty);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 20000);
    QTest::qWait(300);
    QCOMPARE(switched.rowCount(), 1);
    QCOMPARE(switched.run(0).script, QStringLiteral("e.py"));
}

// While a load brings pages, the grid's order takes the new runs in a few
// times a second, all in one insertion, in their places; the last page
// brings the waiting ones in with it, and a run the filter drops meanwhile
// never comes.
void TestRunModel::sortedRowsWaitWhileTheModelFills()
{
    const auto page = [](int from, int to) {
        QVector<RunModel::Row> rows;
        for (int i = from; i <= to; ++i)
            rows.append(
                row(i, i, QStringLiteral("a.py"), RunStatus::Completed, { { QStringLiteral("Accuracy"), 0.1 } }));
        return rows;
    };
    RunModel model;
    model.setRuns(page(1, 100), 1000);
    QVERIFY(model.isFilling());
    RunFilterModel filter(&model);
    QVERIFY(filter.setFilterText(QStringLiteral("Accuracy < 0.5")));
    RunSortModel sorted(&model, &filter);
    QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sorted.sort(RunModel::NumberField, Qt::DescendingOrder);
    QSignalSpy inserted(&sorted, &QAbstractItemModel::rowsInserted);
    for (int p = 1; p < 8; ++p)
        model.upsertRuns(page(p * 100 + 1, p * 100 + 100));
    QCOMPARE(model.rowCount(), 800);
    QCOMPARE(sorted.rowCount(), 100);
    QCOMPARE(sorted.waitingCount(), 700);
    QCOMPARE(inserted.count(), 0);
    // run 150 waits; its new value takes it out of the filter
    QVector<RunModel::Row> changed = page(150, 150);
    changed[0].metrics = { scalarSummary(QStringLiteral("Accuracy"), 0.9) };
    model.upsertRuns(changed);
    QCOMPARE(sorted.waitingCount(), 699);
    QTRY_COMPARE_WITH_TIMEOUT(sorted.rowCount(), 799, RunSortModel::waitMsecs() * 20);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(sorted.waitingCount(), 0);
    QCOMPARE(sorted.index(0, 0).data(RunModel::RunNumberRole).toInt(), 800);
    QCOMPARE(sorted.index(798, 0).data(RunModel::RunNumberRole).toInt(), 1);
    QCOMPARE(sorted.mapFromSource(model.index(149, 0)), QModelIndex());
    QCOMPARE(expectedOrder(model, filter, RunModel::NumberField, Qt::DescendingOrder).size(), 799);
    // one page waits, then the last one brings it in at once
    model.upsertRuns(page(801, 900));
    QCOMPARE(sorted.rowCount(), 799);
    model.upsertRuns(page(901, 1000));
    QVERIFY(!model.isFilling());
    QCOMPARE(sorted.rowCount(), 999);
    QCOMPARE(sorted.waitingCount(), 0);
    QList<int> shown;
    for (int r = 0; r < sorted.rowCount(); ++r)
        shown.append(sorted.mapToSource(sorted.index(r, 0)).row());
    QCOMPARE(shown, expectedOrder(model, filter, RunModel::NumberField, Qt::DescendingOrder));
    // live runs after the load: at once
    model.upsertRuns(page(1001, 1001));
    QCOMPARE(sorted.rowCount(), 1000);
    QCOMPARE(sorted.index(0, 0).data(RunModel::RunNumberRole).toInt(), 1001);

    // a load that brought fewer runs than it counted (some deleted on the
    // way) ends all the same: new runs no longer wait
    RunModel shortLoad;
    shortLoad.setRuns(page(1, 10), 50);
    RunFilterModel all(&shortLoad);
    RunSortModel order(&shortLoad, &all);
    shortLoad.upsertRuns(page(11, 20));
    QCOMPARE(order.rowCount(), 10);
    shortLoad.endFilling();
    QVERIFY(!shortLoad.isFilling());
    shortLoad.upsertRuns(page(21, 21));
    QCOMPARE(order.rowCount(), 21);
    // sorting takes the waiting ones in first
    RunModel sorting;
    sorting.setRuns(page(1, 10), 50);
    RunFilterModel allOfThem(&sorting);
    RunSortModel resorted(&sorting, &allOfThem);
    sorting.upsertRuns(page(11, 20));
    resorted.sort(RunModel::NumberField, Qt::AscendingOrder);
    QCOMPARE(resorted.rowCount(), 20);
    QCOMPARE(resorted.index(19, 0).data(RunModel::RunNumberRole).toInt(), 20);
}

// Heavy pieces due in the same pass of the event loop run in passes of
// their own, and a piece refused its turn runs before one that asks again
// at once (the next page of runs).
void TestRunModel::heavyPiecesTakeTurns()
{
    int pass = 0;
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    QVERIFY(dispatcher);
    const QMetaObject::Connection counting
        = connect(dispatcher, &QAbstractEventDispatcher::awake, this, [&pass] { ++pass; });
    struct Ran
    {
        char piece;
        int pass;
    };
    QVector<Ran> ran;
    QTimer pages, charts, order;
    int pagesLeft = 6;
    for (QTimer *t : { &pages, &charts, &order })
        t->setSingleShot(true);
    const auto piece = [&](QTimer *timer, char name, int *again) {
        return [&, timer, name, again] {
            if (!GuiTurn::take(timer)) {
                timer->start(0);
                return;
            }
            ran.append({ name, pass });
            if (again && --*again > 0)
                timer->start(0); // like the next page, due at once
        };
    };
    connect(&pages, &QTimer::timeout, this, piece(&pages, 'p', &pagesLeft));
    connect(&charts, &QTimer::timeout, this, piece(&charts, 'c', nullptr));
    connect(&order, &QTimer::timeout, this, piece(&order, 'o', nullptr));
    pages.start(0);
    charts.start(0);
    order.start(0);
    QTRY_COMPARE(ran.size(), 8);
    disconnect(counting);
    QString sequence;
    for (int i = 0; i < ran.size(); ++i) {
        sequence += QLatin1Char(ran.at(i).piece);
        if (i > 0)
            QVERIFY2(ran.at(i).pass > ran.at(i - 1).pass, qPrintable(sequence)); // one a pass
    }
    // the two refused in the first pass come before the second page
    QCOMPARE(sequence.left(3), QStringLiteral("pco"));
    QCOMPARE(sequence.count(QLatin1Char('p')), 6);
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
// The history's thread yields to the window's: on Linux it runs with a
// nice value above the window's, which the kernel keeps per thread.
void TestRunModel::historyReadsBelowTheWindow()
{
#if !defined(Q_OS_LINUX)
    QSKIP("thread nice values are Linux's");
#else
    // the thread's nice value, by the name the kernel keeps (15 characters)
    const auto niceOf = [](const QByteArray &name) -> int {
        const QDir tasks(QStringLiteral("/proc/self/task"));
        for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(tasks.filePath(task) + QStringLiteral("/comm"));
            if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name)
                return getpriority(PRIO_PROCESS, id_t(task.toInt()));
        }
        return 100; // no such thread
    };
    const int window = getpriority(PRIO_PROCESS, 0);
    RunModel model;
    RunHistoryLoader loader(&model);
    QTRY_COMPARE(niceOf("runbench-histor"), qMin(window + 5, 19)); // once it has started
    QCOMPARE(getpriority(PRIO_PROCESS, 0), window); // the window's own is unchanged
#endif
}

#include "tst_runmodel.moc"

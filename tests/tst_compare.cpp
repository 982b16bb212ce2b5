// Run history → Compare, on real runs made by the runner.
#include "codeviewer.h"
#include "project.h"
#include "runcompareview.h"
#include "runcomparison.h"
#include "runhelper.h"
#include "runjob.h"
#include "runstore.h"
#include "testutil.h"

#include "metricchart.h"
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

class TestCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void valuesSideBySideWithBestMarked();
    void differencesOnly();
    void commandLineMarksTheSameRows();
    void outputsOfTheSameNameSideBySide();
    void codeDiffBetweenSnapshots();
    void lowerIsBetterByName();
    void directionChosenByTheUser();
    void seriesOverlaidOneLinePerRun();
    void swapARun();
    void manyRunsPinnedAndPaged();

private:
    int rowOf(const QString &field) const;

    QTemporaryDir m_dir;
    QString m_root;
    QStringList m_runs;
    std::unique_ptr<RunCompareView> m_view;
};

void TestCompare::initTestCase()
{
    m_root = m_dir.path() + QStringLiteral("/project");
    QVERIFY(writeImage(m_root + QStringLiteral("/data/cm.png"), Qt::darkRed));
    QVERIFY(writeFile(
        m_root + QStringLiteral("/train.sh"),
        "mkdir -p outputs\ncp data/cm.png outputs/\n"
        "echo \"{\\\"name\\\": \\\"Accuracy\\\", \\\"value\\\": $1}\" >> \"$RUNBENCH_METRICS_FILE\"\n"
        "echo \"{\\\"name\\\": \\\"loss\\\", \\\"value\\\": $2}\" >> \"$RUNBENCH_METRICS_FILE\"\n"
        "echo '{\"name\": \"seed\", \"value\": 42}' >> \"$RUNBENCH_METRICS_FILE\"\n"
        "echo \"{\\\"name\\\": \\\"curve\\\", \\\"value\\\": [$2, 0.3, 0.1]}\" >> \"$RUNBENCH_METRICS_FILE\"\n"));
    m_runs << runTracked(m_root, QStringLiteral("train.sh"), { QStringLiteral("0.7"), QStringLiteral("0.5") });
    QVERIFY(writeFile(m_root + QStringLiteral("/train.sh"),
                      readFile(m_root + QStringLiteral("/train.sh")) + "echo tuned\n"));
    m_runs << runTracked(m_root, QStringLiteral("train.sh"), { QStringLiteral("0.9"), QStringLiteral("0.8") });
    QVERIFY(writeFile(m_root + QStringLiteral("/other.sh"), "echo no values\n"));
    m_runs << runTracked(m_root, QStringLiteral("other.sh"), {});
    for (const QString &r : std::as_const(m_runs))
        QVERIFY(!r.isEmpty());
    m_view = std::make_unique<RunCompareView>();
    m_view->setProject(Project(m_root));
    m_view->resize(1100, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QSignalSpy loaded(m_view.get(), &RunCompareView::loaded);
    m_view->showRuns(m_runs);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_view->runIds(), m_runs);
    const QString shots = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        m_view->grab().save(shots + QStringLiteral("/compare.png"));
}

int TestCompare::rowOf(const QString &field) const
{
    QTableWidget *t = m_view->valuesTable();
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, 1)->text() == field)
            return r;
    return -1;
}

void TestCompare::valuesSideBySideWithBestMarked()
{
    QTableWidget *t = m_view->valuesTable();
    QCOMPARE(t->columnCount(), 5);
    const int accuracy = rowOf(QStringLiteral("Accuracy"));
    QVERIFY(accuracy >= 0);
    QCOMPARE(t->item(accuracy, 2)->text(), QStringLiteral("0.7"));
    QCOMPARE(t->item(accuracy, 3)->text(), QStringLiteral("0.9"));
    QCOMPARE(t->item(accuracy, 4)->text(), QString()); // not logged by other.sh: empty, not zero
    QCOMPARE(t->item(accuracy, 0)->text(), QStringLiteral("≠"));
    QVERIFY(t->item(accuracy, 3)->data(Qt::UserRole).toBool()); // higher accuracy is best
    QVERIFY(!t->item(accuracy, 2)->data(Qt::UserRole).toBool());
    const int loss = rowOf(QStringLiteral("loss"));
    QVERIFY(t->item(loss, 2)->data(Qt::UserRole).toBool()); // lower loss is best
    QCOMPARE(t->item(rowOf(QStringLiteral("Script")), 4)->text(), QStringLiteral("other.sh"));
}

void TestCompare::differencesOnly()
{
    QTableWidget *t = m_view->valuesTable();
    const int status = rowOf(QStringLiteral("Status"));
    QCOMPARE(t->item(status, 0)->text(), QString()); // all Completed
    QTest::mouseClick(m_view->findChild<QCheckBox *>(QStringLiteral("differencesOnly")), Qt::LeftButton);
    QVERIFY(t->isRowHidden(status));
    QVERIFY(!t->isRowHidden(rowOf(QStringLiteral("Accuracy"))));
    m_view->setDifferencesOnly(false);
    QVERIFY(!t->isRowHidden(status));
}

// `runbench history compare` and the view get their rows from one class:
// the same rows, the same differences, the same best values.
void TestCompare::commandLineMarksTheSameRows()
{
    const Result r = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                QStringList { QStringLiteral("history"), QStringLiteral("compare"),
                                              QStringLiteral("-o"), QStringLiteral("json") }
                                    + m_runs,
                                m_root);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
    QTableWidget *t = m_view->valuesTable();
    QCOMPARE(rows.size(), t->rowCount());
    int bestMarks = 0;
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QCOMPARE(t->item(i, 1)->data(Qt::UserRole).toString(), row.value(QStringLiteral("field")).toString());
        QCOMPARE(t->item(i, 0)->data(Qt::UserRole).toBool(), row.value(QStringLiteral("differs")).toBool());
        const QJsonArray best = row.value(QStringLiteral("best")).toArray();
        for (int c = 0; c < m_runs.size(); ++c) {
            QCOMPARE(t->item(i, c + 2)->data(Qt::UserRole).toBool(), best.at(c).toBool());
            bestMarks += best.at(c).toBool() ? 1 : 0;
        }
    }
    QVERIFY(bestMarks >= 2); // Accuracy and loss at least
}

void TestCompare::outputsOfTheSameNameSideBySide()
{
    auto *first = m_view->findChild<QLabel *>(QStringLiteral("output:0:outputs/cm.png"));
    auto *second = m_view->findChild<QLabel *>(QStringLiteral("output:1:outputs/cm.png"));
    QVERIFY(first && second);
    const int width = first->pixmap(Qt::ReturnByValue).width();
    QVERIFY(width >= 160 && width <= 360);
    QCOMPARE(second->pixmap(Qt::ReturnByValue).width(), width); // the same scale for all
    auto *none = m_view->findChild<QLabel *>(QStringLiteral("output:2:outputs/cm.png"));
    QVERIFY(none->text().contains(QStringLiteral("not written")));
}

void TestCompare::codeDiffBetweenSnapshots()
{
    const QString diff = m_view->codeDiff();
    QVERIFY2(diff.contains(QStringLiteral("+echo tuned")), qPrintable(diff));
    QVERIFY(diff.contains(QStringLiteral("# run 1 → run 2")));
    QVERIFY(diff.contains(QStringLiteral("other.sh")));
}

void TestCompare::lowerIsBetterByName()
{
    QVERIFY(RunComparison::lowerIsBetterByName(QStringLiteral("val loss")));
    QVERIFY(RunComparison::lowerIsBetterByName(QStringLiteral("RMSE")));
    QVERIFY(!RunComparison::lowerIsBetterByName(QStringLiteral("Accuracy")));
    QVERIFY(!RunComparison::lowerIsBetterByName(QStringLiteral("Regularization Rate")));
}

void TestCompare::directionChosenByTheUser()
{
    QTableWidget *t = m_view->valuesTable();
    const int accuracy = rowOf(QStringLiteral("Accuracy"));
    QVERIFY(t->item(accuracy, 3)->data(Qt::UserRole).toBool());
    // double-click on the name: lower is now better, kept for the project
    const QRect rect = t->visualItemRect(t->item(accuracy, 1));
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(t->viewport(), Qt::LeftButton, {}, rect.center());
    const int again = rowOf(QStringLiteral("Accuracy"));
    QVERIFY(t->item(again, 2)->data(Qt::UserRole).toBool());
    QVERIFY(!t->item(again, 3)->data(Qt::UserRole).toBool());
    QVERIFY(m_view->isLowerBetter(QStringLiteral("Accuracy")));
    RunCompareView other;
    other.setProject(Project(m_root));
    QVERIFY(other.isLowerBetter(QStringLiteral("Accuracy")));
    m_view->setLowerIsBetter(QStringLiteral("Accuracy"), false);
}

void TestCompare::seriesOverlaidOneLinePerRun()
{
    MetricChart *curve = m_view->findChild<MetricChart *>(QStringLiteral("overlay:curve"));
    QVERIFY(curve);
    QCOMPARE(curve->lineCount(), 2); // other.sh logged no curve
    QCOMPARE(curve->linePoints(0), (QVector<QPointF> { { 0, 0.5 }, { 1, 0.3 }, { 2, 0.1 } }));
    QCOMPARE(curve->linePoints(1).first(), QPointF(0, 0.8));
}

void TestCompare::swapARun()
{
    QSignalSpy loaded(m_view.get(), &RunCompareView::loaded);
    auto *with = m_view->findChild<QLineEdit *>(QStringLiteral("swapWith"));
    m_view->findChild<QComboBox *>(QStringLiteral("swapWhich"))->setCurrentIndex(2);
    QTest::keyClicks(with, QStringLiteral("1"));
    QTest::keyClick(with, Qt::Key_Return);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_view->runIds(), (QStringList { m_runs.at(0), m_runs.at(0), m_runs.at(1) }));
    m_view->showRuns(m_runs); // back, for the other tests
    QVERIFY(loaded.wait(20000));
}

// A sweep's eleven runs at once: the names stay in place while the runs
// scroll past, every run has its line (toggled from the legend) and the
// outputs page through the runs.
void TestCompare::manyRunsPinnedAndPaged()
{
    const Result sweep = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                    { QStringLiteral("sweep"), QStringLiteral("-q"), QStringLiteral("train.sh"),
                                      QStringLiteral("{0.1..0.9:9}"), QStringLiteral("0.5") },
                                    m_root);
    QCOMPARE(sweep.exitCode, 0);
    const Result listed = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                     { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"),
                                       QStringLiteral("json") },
                                     m_root);
    QStringList ids;
    const QJsonArray runs = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    for (const QJsonValue &run : runs)
        if (!run.toObject().value(QStringLiteral("parent_run_id")).toString().isEmpty())
            ids.append(run.toObject().value(QStringLiteral("run_id")).toString());
    QCOMPARE(ids.size(), 9);
    ids << m_runs.at(0) << m_runs.at(1);
    // the command line takes as many
    const Result compared = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                       QStringList { QStringLiteral("history"), QStringLiteral("compare"),
                                                     QStringLiteral("-o"), QStringLiteral("json") }
                                           + ids,
                                       m_root);
    QCOMPARE(compared.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(compared.out.toUtf8()).object().value(QStringLiteral("runs")).toArray().size(), 11);

    RunCompareView view;
    view.setProject(Project(m_root));
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy loaded(&view, &RunCompareView::loaded);
    view.showRuns(ids);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(view.runIds().size(), 11);
    QTableWidget *values = view.valuesTable();
    QCOMPARE(values->columnCount(), 13);

    // the names, pinned
    QTableView *pinned = view.pinnedNames();
    QVERIFY(pinned->isVisible());
    QVERIFY(!pinned->isColumnHidden(1));
    QVERIFY(pinned->isColumnHidden(2));
    QCOMPARE(pinned->width(), values->columnWidth(0) + values->columnWidth(1));
    const int accuracy = rowOf(QStringLiteral("Accuracy"));
    QVERIFY(accuracy >= 0);
    const QPoint nameAt = pinned->visualRect(pinned->model()->index(accuracy, 1)).center();
    values->horizontalScrollBar()->setValue(values->horizontalScrollBar()->maximum());
    QVERIFY(values->horizontalScrollBar()->maximum() > 0); // eleven runs do not fit
    QCOMPARE(pinned->visualRect(pinned->model()->index(accuracy, 1)).center(), nameAt);
    QCOMPARE(pinned->indexAt(nameAt).data().toString(), QStringLiteral("Accuracy"));
    // hiding rows hides the same names
    view.setDifferencesOnly(true);
    for (int r = 0; r < values->rowCount(); ++r)
        QCOMPARE(pinned->isRowHidden(r), values->isRowHidden(r));
    view.setDifferencesOnly(false);

    // a line per run, and the legend turns one off and on
    MetricChart *curve = view.findChild<MetricChart *>(QStringLiteral("overlay:curve"));
    QVERIFY(curve);
    QCOMPARE(curve->lineCount(), 11);
    QSignalSpy toggled(curve, &MetricChart::lineVisibilityChanged);
    const QRect entry = curve->legendRect(3);
    QVERIFY(curve->rect().contains(entry));
    QTest::mouseClick(curve, Qt::LeftButton, {}, entry.center());
    QVERIFY(!curve->isLineVisible(3));
    QVERIFY(curve->isLineVisible(4));
    QTest::mouseClick(curve, Qt::LeftButton, {}, entry.center());
    QCOMPARE(toggled.size(), 2);
    QVERIFY(curve->isLineVisible(3));

    // the outputs, four runs a page
    auto *range = view.findChild<QLabel *>(QStringLiteral("outputsRange"));
    auto *next = view.findChild<QPushButton *>(QStringLiteral("nextRuns"));
    auto *previous = view.findChild<QPushButton *>(QStringLiteral("previousRuns"));
    QCOMPARE(range->text(), QStringLiteral("Runs 1–4 of 11"));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("output:0:outputs/cm.png")));
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("output:4:outputs/cm.png")));
    QVERIFY(!previous->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(range->text(), QStringLiteral("Runs 5–8 of 11"));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("output:4:outputs/cm.png")));
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("output:0:outputs/cm.png")));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(range->text(), QStringLiteral("Runs 9–11 of 11"));
    QVERIFY(!next->isEnabled());
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("output:11:outputs/cm.png")));
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(view.outputPage(), 1);
    const QString shots = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        values->horizontalScrollBar()->setValue(values->horizontalScrollBar()->maximum() / 2);
        QVERIFY(view.grab().save(shots + QStringLiteral("/compare-many.png")));
        view.findChild<QTabWidget *>()->setCurrentIndex(1);
        curve->setLineVisible(3, false);
        QVERIFY(view.grab().save(shots + QStringLiteral("/compare-many-series.png")));
        curve->setLineVisible(3, true);
    }
}

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"

#include <utility>

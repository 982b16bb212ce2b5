// Run history → Details, on real runs made by the runner.
#include "codeviewer.h"
#include "metricchart.h"
#include "project.h"
#include "rundetailsview.h"
#include "runfilter.h"
#include "runhelper.h"
#include "runhistoryloader.h"
#include "runmodel.h"
#include "runjob.h"
#include "runstore.h"
#include "snapshotstore.h"
#include "testutil.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

class TestDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsFieldsValuesSeriesOutputsAndLog();
    void missingArtifactIsAPlaceholder();
    void outputLinkIsShownNotFollowed();
    void downloadWritesTheOutputs();
    void restoreAsksThenWritesAndCanBeUndone();
    void runWithoutMetrics();
    void nameDescriptionAndHidden();
    void compareWithAnotherRun();
    void downloadOnlyTheSelectedFiles();
    void millionPointSeriesAndBigLogFillIn();

private:
    QString overviewValue(const QString &field) const;
    void selectOutput(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    std::unique_ptr<RunDetailsView> m_view;
};

void TestDetails::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_root = m_dir->path() + QStringLiteral("/project");
    QVERIFY(writeImage(m_root + QStringLiteral("/data/cm.png"), Qt::darkCyan));
    QVERIFY(writeFile(m_root + QStringLiteral("/make.sh"),
                      "mkdir -p outputs\ncp data/cm.png outputs/\nprintf 'hello notes' > outputs/notes.txt\n"
                      "printf '\\001\\002\\003' > outputs/model.bin\n"
                      "echo '{\"name\": \"Accuracy\", \"value\": 0.9}' >> \"$RUNBENCH_METRICS_FILE\"\n"
                      "for i in 3 2 1; do echo \"{\\\"name\\\": \\\"loss\\\", \\\"value\\\": $i}\" >> "
                      "\"$RUNBENCH_METRICS_FILE\"; done\n"
                      "echo done-log\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/quiet.sh"), "echo nothing logged\n"));
    m_view = std::make_unique<RunDetailsView>();
    m_view->setProject(Project(m_root));
    m_view->resize(1000, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestDetails::cleanup()
{
    m_view.reset();
    m_dir.reset();
}

QString TestDetails::overviewValue(const QString &field) const
{
    auto *tree = m_view->findChild<QTreeWidget *>(QStringLiteral("detailsOverview"));
    const auto items = tree->findItems(field, Qt::MatchExactly, 0);
    return items.isEmpty() ? QString() : items.first()->text(1);
}

void TestDetails::selectOutput(const QString &name)
{
    auto *list = m_view->findChild<QListWidget *>(QStringLiteral("detailsOutputs"));
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text().startsWith(QStringLiteral("outputs/") + name))
            list->setCurrentRow(i);
}

void TestDetails::showsFieldsValuesSeriesOutputsAndLog()
{
    const QString runId = runTracked(m_root, QStringLiteral("make.sh"));
    QVERIFY(!runId.isEmpty());
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    m_view->showRun(runId);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(overviewValue(QStringLiteral("Run id")), runId);
    QCOMPARE(overviewValue(QStringLiteral("Status")), QStringLiteral("Completed"));
    QCOMPARE(overviewValue(QStringLiteral("Exit code")), QStringLiteral("0"));
    QCOMPARE(overviewValue(QStringLiteral("Snapshot")).size(), 40);
    QCOMPARE(overviewValue(QStringLiteral("Accuracy")), QStringLiteral("0.9"));
    QVERIFY(overviewValue(QStringLiteral("loss")).startsWith(QStringLiteral("1   (last of 3; min 1, max 3, mean 2)")));
    auto *loss = m_view->findChild<MetricChart *>(QStringLiteral("series:loss"));
    QVERIFY(loss);
    QCOMPARE(loss->lineSeries(0)->size(), 3);
    QCOMPARE(loss->lineSeries(0)->value(0), 3.0);
    QCOMPARE(loss->xTitle(), QStringLiteral("step"));
    QCOMPARE(m_view->findChild<QListWidget *>(QStringLiteral("detailsOutputs"))->count(), 3);
    selectOutput(QStringLiteral("cm.png"));
    QTRY_VERIFY(m_view->previewHasImage());
    selectOutput(QStringLiteral("notes.txt"));
    QTRY_COMPARE(m_view->previewText(), QStringLiteral("hello notes"));
    selectOutput(QStringLiteral("model.bin"));
    QVERIFY(m_view->previewText().contains(QStringLiteral("No preview")));
    auto *log = m_view->findChild<CodeViewer *>(QStringLiteral("detailsLog"));
    QTRY_VERIFY(log->toPlainText().contains(QStringLiteral("done-log")));
    QVERIFY(m_view->findChild<QPushButton *>(QStringLiteral("downloadOutputs"))->isEnabled());
    QSignalSpy rerun(m_view.get(), &RunDetailsView::rerunRequested);
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("rerunRun")), Qt::LeftButton);
    QCOMPARE(rerun.count(), 1);
    QCOMPARE(rerun.first().first().toString(), QStringLiteral("make.sh"));
}

void TestDetails::missingArtifactIsAPlaceholder()
{
    const QString runId = runTracked(m_root, QStringLiteral("make.sh"));
    QVERIFY(QFile::remove(Project(m_root).runDir(runId) + QStringLiteral("/outputs/notes.txt")));
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    m_view->showRun(runId);
    QVERIFY(loaded.wait(10000));
    selectOutput(QStringLiteral("notes.txt"));
    QVERIFY2(m_view->previewText().contains(QStringLiteral("is missing")), qPrintable(m_view->previewText()));
}

// A link the script left in ./outputs: listed with its target, and neither
// previewed nor opened through.
void TestDetails::outputLinkIsShownNotFollowed()
{
    QVERIFY(writeFile(m_root + QStringLiteral("/leak.sh"),
                      "mkdir -p outputs\nln -s /etc/passwd outputs/passwd\necho ok > outputs/ok.txt\n"));
    const QString runId = runTracked(m_root, QStringLiteral("leak.sh"));
    QVERIFY(!runId.isEmpty());
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    m_view->showRun(runId);
    QVERIFY(loaded.wait(10000));
    auto *list = m_view->findChild<QListWidget *>(QStringLiteral("detailsOutputs"));
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(1)->text(), QStringLiteral("outputs/passwd  → /etc/passwd (link)"));
    selectOutput(QStringLiteral("passwd"));
    QVERIFY2(m_view->previewText().contains(QStringLiteral("never follows it")), qPrintable(m_view->previewText()));
    QVERIFY(!m_view->previewText().contains(QStringLiteral("root:")));
}

void TestDetails::downloadWritesTheOutputs()
{
    const QString runId = runTracked(m_root, QStringLiteral("make.sh"));
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    m_view->showRun(runId);
    QVERIFY(loaded.wait(10000));
    const QString target = m_dir->path() + QStringLiteral("/download");
    QSignalSpy downloaded(m_view.get(), &RunDetailsView::downloaded);
    m_view->downloadTo(target);
    QVERIFY(downloaded.wait(10000));
    QCOMPARE(downloaded.first().at(0).toStringList().size(), 3);
    QCOMPARE(downloaded.first().at(1).toString(), QString());
    const QString runDir = Project(m_root).runDir(runId);
    for (const QString &f : { QStringLiteral("cm.png"), QStringLiteral("notes.txt"), QStringLiteral("model.bin") })
        QCOMPARE(readFile(target + QLatin1Char('/') + f), readFile(runDir + QStringLiteral("/outputs/") + f));
    // a second time would overwrite: refused with a sentence, nothing written
    m_view->downloadTo(target);
    QVERIFY(downloaded.wait(10000));
    QVERIFY(downloaded.last().at(1).toString().contains(QStringLiteral("exists")));
}

void TestDetails::restoreAsksThenWritesAndCanBeUndone()
{
    const QString runId = runTracked(m_root, QStringLiteral("make.sh"));
    const QByteArray original = readFile(m_root + QStringLiteral("/make.sh"));
    QVERIFY(writeFile(m_root + QStringLiteral("/make.sh"), "echo edited\n"));
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    m_view->showRun(runId);
    QVERIFY(loaded.wait(10000));
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("restoreRun")), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_view->findChild<QMessageBox *>(QStringLiteral("restoreConfirm"))), 10000);
    QVERIFY(box->detailedText().contains(QStringLiteral("overwrite  make.sh")));
    QVERIFY(box->informativeText().contains(QStringLiteral("Undo")));
    QCOMPARE(readFile(m_root + QStringLiteral("/make.sh")), QByteArray("echo edited\n")); // nothing yet
    QSignalSpy restored(m_view.get(), &RunDetailsView::restored);
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmRestore")), Qt::LeftButton);
    QVERIFY(restored.wait(10000));
    QVERIFY(restored.first().first().toBool());
    QCOMPARE(readFile(m_root + QStringLiteral("/make.sh")), original);
    SnapshotStore store { Project(m_root) };
    QVERIFY(store.open(false));
    QVERIFY(store.undoRestore());
    QCOMPARE(readFile(m_root + QStringLiteral("/make.sh")), QByteArray("echo edited\n"));
}

void TestDetails::runWithoutMetrics()
{
    const QString runId = runTracked(m_root, QStringLiteral("quiet.sh"));
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    m_view->showRun(runId);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(overviewValue(QStringLiteral("Logged values")), QStringLiteral("No values were logged."));
    QVERIFY(!m_view->findChild<QPushButton *>(QStringLiteral("downloadOutputs"))->isEnabled());
    QVERIFY(m_view->previewText().contains(QStringLiteral("no files")));
}

void TestDetails::nameDescriptionAndHidden()
{
    const QString runId = runTracked(m_root, QStringLiteral("quiet.sh"));
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    m_view->showRun(runId);
    QVERIFY(loaded.wait(10000));
    auto *name = m_view->findChild<QLineEdit *>(QStringLiteral("runName"));
    auto *save = m_view->findChild<QPushButton *>(QStringLiteral("saveRunInfo"));
    QVERIFY(!save->isEnabled());
    QTest::keyClicks(name, QStringLiteral("baseline"));
    QTest::keyClicks(m_view->findChild<QLineEdit *>(QStringLiteral("runDescription")), QStringLiteral("no tuning"));
    QTest::keyClicks(m_view->findChild<QLineEdit *>(QStringLiteral("runTags")), QStringLiteral("baseline, cpu"));
    QTest::mouseClick(m_view->findChild<QCheckBox *>(QStringLiteral("runHidden")), Qt::LeftButton);
    QVERIFY(save->isEnabled());
    // Without the history's editor there is nothing to save through.
    QSignalSpy saved(m_view.get(), &RunDetailsView::infoSaved);
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(saved.size(), 1);
    QVERIFY(saved.first().first().toString().contains(QStringLiteral("no run history")));
    saved.clear();
    // The window's model and its loader: the edit is one transaction on the
    // history's thread, and the model has it when it is saved.
    RunModel model;
    RunHistoryLoader history(&model);
    QSignalSpy historyLoaded(&history, &RunHistoryLoader::loaded);
    history.setProject(Project(m_root));
    QVERIFY(historyLoaded.wait(10000));
    m_view->setHistory(&history);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toString(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(model.run(model.rowOfRunId(runId)).name, QStringLiteral("baseline"), 5000);
    QCOMPARE(model.run(model.rowOfRunId(runId)).tags, (QStringList { QStringLiteral("baseline"), QStringLiteral("cpu") }));
    QVERIFY(model.run(model.rowOfRunId(runId)).hidden);
    m_view->setHistory(nullptr);
    RunStore store;
    QVERIFY(store.open(Project(m_root).databasePath()));
    QVERIFY(store.useProject(Project(m_root)));
    const auto run = store.findRun(runId);
    QCOMPARE(run->name, QStringLiteral("baseline"));
    QCOMPARE(run->description, QStringLiteral("no tuning"));
    QVERIFY(run->hidden);
    QCOMPARE(run->tags, (QStringList { QStringLiteral("baseline"), QStringLiteral("cpu") }));
    QVERIFY(
        RunFilter::parse(QStringLiteral("tag:CPU"), {}).matches(*run, [](const QString &) { return std::nullopt; }));
}

void TestDetails::compareWithAnotherRun()
{
    const QString first = runTracked(m_root, QStringLiteral("quiet.sh"));
    const QString second = runTracked(m_root, QStringLiteral("quiet.sh"));
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    m_view->showRun(second);
    QVERIFY(loaded.wait(10000));
    QSignalSpy compare(m_view.get(), &RunDetailsView::compareRequested);
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("compareWith")), Qt::LeftButton);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<QInputDialog *>(QStringLiteral("compareWithDialog"))));
    dialog->setTextValue(QStringLiteral("1"));
    dialog->accept();
    QCOMPARE(compare.count(), 1);
    QCOMPARE(compare.first().first().toStringList(), (QStringList { second, QStringLiteral("1") }));
    Q_UNUSED(first)
}

void TestDetails::downloadOnlyTheSelectedFiles()
{
    const QString runId = runTracked(m_root, QStringLiteral("make.sh"));
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    m_view->showRun(runId);
    QVERIFY(loaded.wait(10000));
    auto *list = m_view->findChild<QListWidget *>(QStringLiteral("detailsOutputs"));
    list->clearSelection();
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setSelected(!list->item(i)->text().contains(QStringLiteral("model.bin")));
    const QString target = m_dir->path() + QStringLiteral("/some");
    QSignalSpy downloaded(m_view.get(), &RunDetailsView::downloaded);
    m_view->downloadTo(target);
    QVERIFY(downloaded.wait(10000));
    QCOMPARE(downloaded.first().first().toStringList().size(), 2);
    QVERIFY(!QFileInfo::exists(target + QStringLiteral("/model.bin")));
    QVERIFY(QFileInfo::exists(target + QStringLiteral("/notes.txt")));
}

void TestDetails::millionPointSeriesAndBigLogFillIn()
{
    const QString runId = runTracked(m_root, QStringLiteral("quiet.sh"));
    const Project project(m_root);
    {
        RunStore store;
        QVERIFY(store.open(project.databasePath()));
        QVERIFY(store.useProject(project));
        const auto run = store.findRun(runId);
        QHash<QString, MetricSummary> sums;
        MetricRecord series { QStringLiteral("loss"), MetricKind::List, {}, {}, 0 };
        series.numbers.resize(1000000);
        for (int i = 0; i < series.numbers.size(); ++i)
            series.numbers[i] = 1.0 / (1 + i % 1000);
        QVERIFY(store.appendMetrics(run->id, { series }, &sums, 0, 0, {}));
    }
    // a 1 GB driver log (its first gigabyte a hole on disk, then 10 MB of lines)
    {
        QFile log(project.runDir(runId) + QStringLiteral("/driver_log.txt"));
        QVERIFY(log.open(QIODevice::ReadWrite));
        QVERIFY(log.resize(qint64(1) << 30));
        QVERIFY(log.seek(log.size()));
        const QByteArray line(99, 'x');
        QByteArray block;
        for (int i = 0; i < 10000; ++i)
            block += line + '\n';
        for (int i = 0; i < 10; ++i)
            log.write(block);
        log.write("the very end\n");
    }
    QSignalSpy loaded(m_view.get(), &RunDetailsView::loaded);
    QElapsedTimer clock;
    clock.start();
    m_view->showRun(runId);
    const qint64 returnedAfter = clock.elapsed();
    qInfo("showRun returned after %lld ms", returnedAfter);
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("detailsMessage"))->text().contains(QStringLiteral("Loading")));
    QVERIFY(loaded.wait(60000));
    auto *chart = m_view->findChild<MetricChart *>(QStringLiteral("series:loss"));
    QVERIFY(chart);
    QCOMPARE(chart->lineSeries(0)->size(), 1000000);
    QTRY_VERIFY_WITH_TIMEOUT(!chart->drawnPoints().isEmpty() && chart->drawnPoints().size() < 20000, 30000);
    auto *log = m_view->findChild<CodeViewer *>(QStringLiteral("detailsLog"));
    QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().endsWith(QStringLiteral("the very end\n")), 30000);
    // the end of the log, not all of it
    QVERIFY(log->toPlainText().startsWith(QStringLiteral("(showing 8388608 of 1083741837 bytes)")));
}

QTEST_MAIN(TestDetails)
#include "tst_details.moc"

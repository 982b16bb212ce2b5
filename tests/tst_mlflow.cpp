// Scripts written for MLflow, tracked unchanged (Runbench's stand-in, or the
// real package steered into the run's own store), and MLflow file stores
// imported into a project's history.
#include "artifactfiles.h"
#include "historyformat.h"
#include "mainwindow.h"
#include "metricchart.h"
#include "mlflowimport.h"
#include "project.h"
#include "runcompareview.h"
#include "runcomparison.h"
#include "rundetails.h"
#include "rundetailsview.h"
#include "runhelper.h"
#include "runmodel.h"
#include "runstore.h"
#include "testutil.h"

#include <QAction>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <cmath>

namespace {

const MetricSummary *summary(const RunDetails &d, const QString &key)
{
    for (const MetricSummary &s : d.metrics)
        if (s.key == key)
            return &s;
    return nullptr;
}

QVector<qint64> steps(const QVector<MetricPoint> &points)
{
    QVector<qint64> result;
    for (const MetricPoint &p : points)
        result.append(p.step);
    return result;
}

QVector<double> values(const QVector<MetricPoint> &points)
{
    QVector<double> result;
    for (const MetricPoint &p : points)
        result.append(p.value);
    return result;
}

// An MLflow file store as MLflow's documentation lays it out.
void writeMeta(const QString &path, const QByteArray &text) { QVERIFY(writeFile(path, text)); }

} // namespace

class TestMlflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void shimTracksEveryCall();
    void unsupportedCallsFailClearly();
    void realMlflowIsNotShadowed();
    void importsAFileStore();
    void damagedRunsAreReportedAndSkipped();
    void parametersAreNeverRankedBest();
    void importFromTheWindow();
    void runbenchLogTakesStepAndKind();

private:
    QString makeProject(const QString &name = QStringLiteral("project"));
    void openStore(RunStore *store, const Project &project);
    QString writeFixtureStore(const QString &dir);
    RunDetails details(const QString &root, const QString &runId);

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_home;
};

void TestMlflow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("RunbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("runbench-test"));
}

void TestMlflow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qunsetenv("PYTHONPATH");
}

void TestMlflow::cleanup()
{
    qunsetenv("PYTHONPATH");
    m_dir.reset();
}

QString TestMlflow::makeProject(const QString &name)
{
    const QString root = m_dir->path() + QLatin1Char('/') + name;
    // Debian's Python, with matplotlib (installed by .ci/setup)
    writeFile(root + QStringLiteral("/.runbench/project.ini"),
              "[project]\nname=" + name.toUtf8() + "\n[interpreters]\npy=/usr/bin/python3\n");
    return root;
}

// The project's history, made if need be.
void TestMlflow::openStore(RunStore *store, const Project &project)
{
    QString error;
    QVERIFY2(project.ensureDataDir(&error), qPrintable(error));
    QVERIFY(store->open(project.historyLocation()));
    QVERIFY(store->useProject(project));
}

RunDetails TestMlflow::details(const QString &root, const QString &runId)
{
    return RunDetails::load(Project(root), runId);
}

void TestMlflow::shimTracksEveryCall()
{
    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/data.csv"), "a,b\n1,2\n"));
    QVERIFY(writeFile(root + QStringLiteral("/extra/one.txt"), "one"));
    QVERIFY(QFile::copy(QStringLiteral(RUNBENCH_SOURCE_DIR "/tests/mlflow/train_shim.py"),
                        root + QStringLiteral("/train.py")));
    const QString runId = runTracked(root, QStringLiteral("train.py"));
    QVERIFY(!runId.isEmpty());
    const RunDetails d = details(root, runId);
    const QString log = QString::fromUtf8(readFile(d.logPath));
    QVERIFY2(d.run.status == RunStatus::Completed, qPrintable(log));
    QVERIFY(log.contains(QStringLiteral("RUN ") + runId)); // the run id MLflow code sees is ours
    QCOMPARE(log.count(QStringLiteral("mlflow.autolog() does nothing")), 1);

    // parameters, tags and metrics, each of its kind
    const MetricSummary *lr = summary(d, QStringLiteral("lr"));
    QVERIFY(lr);
    QCOMPARE(int(lr->role), int(ValueRole::Param));
    QCOMPARE(lr->last, 0.1);
    QCOMPARE(int(summary(d, QStringLiteral("optimizer"))->role), int(ValueRole::Param));
    QCOMPARE(summary(d, QStringLiteral("optimizer"))->lastText, QStringLiteral("adam"));
    QCOMPARE(summary(d, QStringLiteral("layers"))->last, 3.0);
    const MetricSummary *model = summary(d, QStringLiteral("model"));
    QVERIFY(model);
    QCOMPARE(int(model->role), int(ValueRole::Tag));
    QCOMPARE(model->lastText, QStringLiteral("tree")); // set again: replaced
    QCOMPARE(summary(d, QStringLiteral("team"))->lastText, QStringLiteral("risk"));
    QCOMPARE(summary(d, QStringLiteral("mlflow.note.content"))->lastText, QStringLiteral("first try"));
    QCOMPARE(summary(d, QStringLiteral("mlflow.runName"))->lastText, QStringLiteral("baseline"));
    const MetricSummary *loss = summary(d, QStringLiteral("loss"));
    QVERIFY(loss);
    QCOMPARE(int(loss->role), int(ValueRole::Metric));
    QCOMPARE(loss->last, 0.1); // the value at the highest step, not the last logged
    // explicit steps out of order, stored and charted in order
    QCOMPARE(steps(d.series.value(QStringLiteral("loss"))), (QVector<qint64> { 2, 5, 9 }));
    QCOMPARE(values(d.series.value(QStringLiteral("loss"))), (QVector<double> { 0.8, 0.4, 0.1 }));
    QVERIFY(d.chartKeys().contains(QStringLiteral("loss")));
    RunStore store;
    QVERIFY(store.open(Project(root).databasePath()));
    QVERIFY(store.useProject(Project(root)));
    const QVector<MetricPoint> accuracy = store.series(d.run.id, QStringLiteral("accuracy"));
    QCOMPARE(accuracy.size(), 1);
    QCOMPARE(accuracy.first().step, 1);
    QCOMPARE(accuracy.first().time, 1700000000.123); // MLflow's timestamp, in ms
    QCOMPARE(steps(store.series(d.run.id, QStringLiteral("recall"))), (QVector<qint64> { 3 }));
    QCOMPARE(steps(d.series.value(QStringLiteral("plain"))), (QVector<qint64> { 0, 1 })); // no step: the next one
    QCOMPARE(d.properties.value(QStringLiteral("MlflowExperiment")), QStringLiteral("fraud-detection"));

    // artifacts land in ./outputs
    QStringList paths;
    for (const ArtifactRecord &a : d.artifacts)
        paths.append(a.path);
    paths.sort();
    QCOMPARE(paths,
             (QStringList { QStringLiteral("outputs/config.json"), QStringLiteral("outputs/config.yaml"),
                            QStringLiteral("outputs/data.csv"), QStringLiteral("outputs/inputs/data.csv"),
                            QStringLiteral("outputs/more/one.txt"), QStringLiteral("outputs/notes/readme.txt"),
                            QStringLiteral("outputs/plots/curve.png") }));
    QCOMPARE(readFile(d.runDir + QStringLiteral("/outputs/notes/readme.txt")), QByteArray("hello"));
    QVERIFY(readFile(d.runDir + QStringLiteral("/outputs/plots/curve.png")).startsWith("\x89PNG"));

    // nested runs are child runs
    QCOMPARE(d.children.size(), 2);
    const RunRecord &fold = d.children.at(0);
    QCOMPARE(fold.parentRunId, runId);
    QVERIFY(!fold.nestedKey.isEmpty());
    QCOMPARE(fold.name, QStringLiteral("fold 1"));
    QCOMPARE(fold.status, RunStatus::Completed);
    QCOMPARE(fold.commitId, d.run.commitId); // the parent's code
    const RunDetails foldDetails = details(root, fold.runId);
    QCOMPARE(summary(foldDetails, QStringLiteral("loss"))->last, 0.3);
    QCOMPARE(int(summary(foldDetails, QStringLiteral("fold"))->role), int(ValueRole::Param));
    QCOMPARE(foldDetails.properties.value(QStringLiteral("MlflowRunId")), fold.nestedKey);
    const RunRecord &open = d.children.at(1);
    QCOMPARE(open.name, QStringLiteral("left open"));
    QCOMPARE(open.status, RunStatus::Completed); // ended with its parent
    QVERIFY(open.endUs > 0);

    // the JSON: parameters named, tags apart, children listed, parent named
    const QJsonObject o = HistoryFormat::runObject(d);
    QCOMPARE(o.value(QStringLiteral("lr")).toDouble(), 0.1);
    QCOMPARE(o.value(QStringLiteral("tags")).toObject().value(QStringLiteral("model")).toString(),
             QStringLiteral("tree"));
    QVERIFY(!o.contains(QStringLiteral("model")));
    const QJsonObject properties = o.value(QStringLiteral("properties")).toObject();
    QVERIFY(properties.value(QStringLiteral("Parameters")).toArray().contains(QStringLiteral("optimizer")));
    QCOMPARE(properties.value(QStringLiteral("ChildRuns")).toArray().size(), 2);
    QCOMPARE(HistoryFormat::runObject(foldDetails).value(QStringLiteral("parent_run_id")).toString(), runId);

    // the details view: parameters and tags said as such, the chart in step order
    RunDetailsView view;
    view.setProject(Project(root));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy loaded(&view, &RunDetailsView::loaded);
    view.showRun(runId);
    QVERIFY(loaded.wait(10000));
    auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("detailsOverview"));
    QVERIFY(tree);
    QCOMPARE(tree->findItems(QStringLiteral("lr (parameter)"), Qt::MatchExactly, 0).size(), 1);
    QCOMPARE(tree->findItems(QStringLiteral("model (tag)"), Qt::MatchExactly, 0).first()->text(1),
             QStringLiteral("tree"));
    QVERIFY(tree->findItems(QStringLiteral("Child runs"), Qt::MatchExactly, 0)
                .first()
                ->text(1)
                .contains(QStringLiteral("fold 1")));
    auto *chart = view.findChild<MetricChart *>(QStringLiteral("series:loss"));
    QVERIFY(chart);
    QVector<double> xs;
    for (const QPointF &p : chart->linePoints(0))
        xs.append(p.x());
    QCOMPARE(xs, (QVector<double> { 2, 5, 9 }));
    QVERIFY(!view.findChild<MetricChart *>(QStringLiteral("series:model"))); // a tag is no chart
}

void TestMlflow::unsupportedCallsFailClearly()
{
    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/register.py"),
                      "import mlflow\nmlflow.log_param('a', 1)\nmlflow.register_model('runs:/x/model', 'm')\n"));
    QVERIFY(writeFile(root + QStringLiteral("/flavor.py"), "import mlflow.sklearn\n"));
    const QString first = runTracked(root, QStringLiteral("register.py"));
    QVERIFY(!first.isEmpty());
    RunDetails d = details(root, first);
    QCOMPARE(d.run.status, RunStatus::Failed);
    QString log = QString::fromUtf8(readFile(d.logPath));
    QVERIFY2(log.contains(QStringLiteral("NotImplementedError: mlflow.register_model is not provided inside a "
                                         "Runbench run")),
             qPrintable(log));
    QVERIFY(log.contains(QStringLiteral("Install mlflow for this interpreter")));
    QCOMPARE(summary(d, QStringLiteral("a"))->last, 1.0); // what came before is kept

    const QString second = runTracked(root, QStringLiteral("flavor.py"));
    d = details(root, second);
    QCOMPARE(d.run.status, RunStatus::Failed);
    log = QString::fromUtf8(readFile(d.logPath));
    QVERIFY2(log.contains(QStringLiteral("mlflow.sklearn is not provided")), qPrintable(log));
}

void TestMlflow::realMlflowIsNotShadowed()
{
    // A stand-in for an installed MLflow (tests/mlflow/site-packages): a
    // package of its own on the interpreter's path, writing a file store where
    // MLFLOW_TRACKING_URI says, as MLflow does.
    const QString site = QStringLiteral(RUNBENCH_SOURCE_DIR "/tests/mlflow/site-packages");
    qputenv("PYTHONPATH", site.toUtf8());
    const QString root = makeProject();
    QVERIFY(QFile::copy(QStringLiteral(RUNBENCH_SOURCE_DIR "/tests/mlflow/train_real.py"),
                        root + QStringLiteral("/train.py")));
    const QString runId = runTracked(root, QStringLiteral("train.py"));
    QVERIFY(!runId.isEmpty());
    const RunDetails d = details(root, runId);
    QVERIFY2(d.run.status == RunStatus::Completed, readFile(d.logPath).constData());
    QVERIFY(QFileInfo(d.runDir + QStringLiteral("/mlruns")).isDir()); // MLflow wrote into the run folder
    QCOMPARE(int(summary(d, QStringLiteral("lr"))->role), int(ValueRole::Param));
    QCOMPARE(summary(d, QStringLiteral("lr"))->last, 0.5);
    QCOMPARE(summary(d, QStringLiteral("model"))->lastText, QStringLiteral("svm"));
    QCOMPARE(steps(d.series.value(QStringLiteral("loss"))), (QVector<qint64> { 1, 2, 3 }));
    QCOMPARE(d.series.value(QStringLiteral("loss")).first().value, 1.0);
    QVERIFY(!d.properties.value(QStringLiteral("MlflowRunId")).isEmpty());
    bool weights = false;
    for (const ArtifactRecord &a : d.artifacts)
        weights = weights || a.path == QLatin1String("outputs/model/weights.txt");
    QVERIFY(weights);
    QCOMPARE(d.children.size(), 1);
    QCOMPARE(d.children.first().name, QStringLiteral("inner"));
    QCOMPARE(d.children.first().parentRunId, runId);
    QCOMPARE(summary(details(root, d.children.first().runId), QStringLiteral("loss"))->last, 0.01);
    QVERIFY(QFileInfo::exists(d.runDir + QStringLiteral("/mlruns.imported")));
}

QString TestMlflow::writeFixtureStore(const QString &dir)
{
    // Experiment 0 (Default): a finished run with params, tags, a metric
    // history with steps out of order, another logged without steps (all at
    // step 0, as MLflow does), artifacts; a failed run nested in it; a
    // deleted run. Experiment 7 (cv): a killed run.
    writeMeta(dir + QStringLiteral("/0/meta.yaml"),
              "artifact_location: file:///somewhere/mlruns/0\nexperiment_id: '0'\nlifecycle_stage: active\n"
              "name: Default\ncreation_time: 1700000000000\nlast_update_time: 1700000000000\n");
    writeMeta(dir + QStringLiteral("/0/aaaa1111/meta.yaml"),
              "artifact_uri: file:///somewhere/mlruns/0/aaaa1111/artifacts\nend_time: 1700000090000\n"
              "entry_point_name: ''\nexperiment_id: '0'\nlifecycle_stage: active\nrun_id: aaaa1111\n"
              "run_name: bright-owl-42\nrun_uuid: aaaa1111\nsource_name: ''\nsource_type: 4\nsource_version: ''\n"
              "start_time: 1700000000000\nstatus: 3\ntags: []\nuser_id: alice\n");
    writeFile(dir + QStringLiteral("/0/aaaa1111/params/lr"), "0.01");
    writeFile(dir + QStringLiteral("/0/aaaa1111/params/optimizer"), "adam");
    writeFile(dir + QStringLiteral("/0/aaaa1111/params/model/depth"), "4"); // a key with a '/'
    writeFile(dir + QStringLiteral("/0/aaaa1111/tags/mlflow.source.name"), "/home/alice/train.py");
    writeFile(dir + QStringLiteral("/0/aaaa1111/tags/mlflow.note.content"), "the baseline");
    writeFile(dir + QStringLiteral("/0/aaaa1111/tags/team"), "risk");
    writeFile(dir + QStringLiteral("/0/aaaa1111/metrics/loss"),
              "1700000003000 0.25 30\n1700000001000 1.0 10\n1700000002000 0.5 20\n1700000004000 nan 40\n");
    writeFile(dir + QStringLiteral("/0/aaaa1111/metrics/accuracy"),
              "1700000001000 0.5 0\n1700000002000 0.7 0\n1700000003000 0.9 0\n");
    writeFile(dir + QStringLiteral("/0/aaaa1111/artifacts/model/weights.bin"), QByteArray(1000, 'w'));
    writeFile(dir + QStringLiteral("/0/aaaa1111/artifacts/report.txt"), "fine");
    writeMeta(dir + QStringLiteral("/0/bbbb2222/meta.yaml"),
              "run_id: bbbb2222\nrun_name: child\nexperiment_id: '0'\nlifecycle_stage: active\nstatus: 4\n"
              "start_time: 1700000010000\nend_time: 1700000020000\nuser_id: alice\n");
    writeFile(dir + QStringLiteral("/0/bbbb2222/tags/mlflow.parentRunId"), "aaaa1111");
    writeFile(dir + QStringLiteral("/0/bbbb2222/metrics/loss"), "1700000011000 0.75 1\n");
    writeMeta(dir + QStringLiteral("/0/dddd4444/meta.yaml"),
              "run_id: dddd4444\nexperiment_id: '0'\nlifecycle_stage: deleted\nstatus: 3\nstart_time: 1\n");
    writeMeta(dir + QStringLiteral("/7/meta.yaml"), "experiment_id: '7'\nlifecycle_stage: active\nname: cv\n");
    writeMeta(dir + QStringLiteral("/7/cccc3333/meta.yaml"),
              "run_id: cccc3333\nrun_name: 'it''s killed'\nexperiment_id: '7'\nlifecycle_stage: active\nstatus: 5\n"
              "start_time: 1700000100000\nend_time: null\nuser_id: bob\n");
    writeFile(dir + QStringLiteral("/7/cccc3333/metrics/rmse"), "1700000100500 3.5 0\n1700000100600 2.5 1\n");
    writeFile(dir + QStringLiteral("/.trash/eeee/meta.yaml"), "run_id: eeee\n");
    return dir;
}

void TestMlflow::importsAFileStore()
{
    const QString root = makeProject();
    const Project project(root);
    RunStore store;
    openStore(&store, project);
    if (QTest::currentTestFailed())
        return;
    const QString mlruns = writeFixtureStore(m_dir->path() + QStringLiteral("/mlruns"));
    QVector<int> progress;
    MlflowImport::Result result
        = MlflowImport::importStore(&store, project, mlruns, [&progress](int done, int) { progress.append(done); });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.problems.isEmpty());
    QCOMPARE(result.imported, 3);
    QCOMPARE(result.deletedRuns, 1);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(result.notes.size(), 1); // accuracy's values shared step 0
    QVERIFY(result.notes.first().contains(QStringLiteral("accuracy")));

    const qint64 first = store.runWithProperty(QStringLiteral("MlflowRunId"), QStringLiteral("aaaa1111"));
    QVERIFY(first > 0);
    const RunDetails d = RunDetails::load(&store, project, *store.run(first));
    QCOMPARE(d.run.name, QStringLiteral("bright-owl-42"));
    QCOMPARE(d.run.status, RunStatus::Completed);
    QCOMPARE(d.run.startUs, 1700000000000000LL);
    QCOMPARE(d.run.endUs, 1700000090000000LL);
    QCOMPARE(d.run.user, QStringLiteral("alice"));
    QCOMPARE(d.run.script, QStringLiteral("train.py"));
    QCOMPARE(d.run.description, QStringLiteral("the baseline"));
    QCOMPARE(d.properties.value(QStringLiteral("MlflowExperiment")), QStringLiteral("Default"));
    QCOMPARE(int(summary(d, QStringLiteral("lr"))->role), int(ValueRole::Param));
    QCOMPARE(summary(d, QStringLiteral("lr"))->last, 0.01);
    QCOMPARE(summary(d, QStringLiteral("optimizer"))->lastText, QStringLiteral("adam"));
    QCOMPARE(summary(d, QStringLiteral("model/depth"))->last, 4.0);
    QCOMPARE(int(summary(d, QStringLiteral("team"))->role), int(ValueRole::Tag));
    const QVector<MetricPoint> loss = d.series.value(QStringLiteral("loss"));
    QCOMPARE(steps(loss), (QVector<qint64> { 10, 20, 30, 40 }));
    QCOMPARE(loss.at(0).value, 1.0);
    QCOMPARE(loss.at(0).time, 1700000001.0);
    QVERIFY(std::isnan(loss.at(3).value));
    QCOMPARE(steps(d.series.value(QStringLiteral("accuracy"))), (QVector<qint64> { 0, 1, 2 }));
    QCOMPARE(values(d.series.value(QStringLiteral("accuracy"))), (QVector<double> { 0.5, 0.7, 0.9 }));
    QCOMPARE(d.artifacts.size(), 2);
    for (const ArtifactRecord &a : d.artifacts) {
        QVERIFY(QFileInfo::exists(d.runDir + QLatin1Char('/') + a.path));
        QCOMPARE(a.sha256, ArtifactFiles::sha256(d.runDir + QLatin1Char('/') + a.path));
    }
    QCOMPARE(readFile(d.runDir + QStringLiteral("/outputs/report.txt")), QByteArray("fine"));
    QCOMPARE(d.children.size(), 1);
    QCOMPARE(d.children.first().status, RunStatus::Failed);
    QCOMPARE(d.children.first().name, QStringLiteral("child"));

    const qint64 killed = store.runWithProperty(QStringLiteral("MlflowRunId"), QStringLiteral("cccc3333"));
    const RunDetails k = RunDetails::load(&store, project, *store.run(killed));
    QCOMPARE(k.run.status, RunStatus::Canceled);
    QCOMPARE(k.run.name, QStringLiteral("it's killed"));
    QCOMPARE(k.properties.value(QStringLiteral("MlflowExperiment")), QStringLiteral("cv"));
    QCOMPARE(k.run.user, QStringLiteral("bob"));

    // the same folder again: nothing new
    const int runsBefore = int(store.runs().size());
    const QHash<QString, qint64> rowsBefore = store.projectRowCounts();
    result = MlflowImport::importStore(&store, project, mlruns);
    QCOMPARE(result.imported, 0);
    QCOMPARE(result.alreadyImported, 3);
    QCOMPARE(int(store.runs().size()), runsBefore);
    QCOMPARE(store.projectRowCounts(), rowsBefore);
    QVERIFY(!QFileInfo::exists(project.runDir(QStringLiteral(".import-aaaa1111"))));

    // and through the command line, which says so
    const Result cli = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                  { QStringLiteral("history"), QStringLiteral("import"), mlruns }, root);
    QCOMPARE(cli.exitCode, 0);
    QVERIFY2(cli.err.contains(QStringLiteral("0 imported, 3 imported before")), qPrintable(cli.err));
}

void TestMlflow::damagedRunsAreReportedAndSkipped()
{
    const QString root = makeProject();
    const QString mlruns = writeFixtureStore(m_dir->path() + QStringLiteral("/mlruns"));
    writeMeta(mlruns + QStringLiteral("/0/ffff6666/meta.yaml"), "run_id: ffff6666\nrun_name: 'not closed\n");
    writeFile(mlruns + QStringLiteral("/0/ffff6666/metrics/loss"), "1700000001000 0.5 0\n");
    writeMeta(mlruns + QStringLiteral("/0/gggg7777/meta.yaml"), "run_name: no id\nstatus: 3\n");
    writeMeta(mlruns + QStringLiteral("/0/hhhh8888/meta.yaml"), "run_id: hhhh8888\nstatus: 3\n");
    writeFile(mlruns + QStringLiteral("/0/hhhh8888/params/p"), "1");
    writeFile(mlruns + QStringLiteral("/0/hhhh8888/metrics/loss"), "1700000001000 0.5 0\n1700000002000 half 1\n");
    const Result cli = runCommand(QStringLiteral(RUNBENCH_BINARY),
                                  { QStringLiteral("history"), QStringLiteral("import"), mlruns }, root);
    QCOMPARE(cli.exitCode, 1); // something was skipped
    QVERIFY2(cli.err.contains(QStringLiteral("ffff6666/meta.yaml, line 2: a quoted value is not closed")),
             qPrintable(cli.err));
    QVERIFY(cli.err.contains(QStringLiteral("gggg7777/meta.yaml names no run_id")));
    QVERIFY(cli.err.contains(QStringLiteral("hhhh8888/metrics/loss, line 2: “1700000002000 half 1” is not "
                                            "“timestamp value step”")));
    QVERIFY(cli.err.contains(QStringLiteral("3 imported")));
    QVERIFY(cli.err.contains(QStringLiteral("3 damaged, skipped")));
    // nothing of a damaged run is in the history
    RunStore store;
    QVERIFY(store.open(Project(root).historyLocation()));
    QVERIFY(store.useProject(Project(root)));
    QCOMPARE(store.runs().size(), 3);
    QCOMPARE(store.runWithProperty(QStringLiteral("MlflowRunId"), QStringLiteral("hhhh8888")), 0);
    QVERIFY(!store.metricKeys().contains(QStringLiteral("p")));
}

void TestMlflow::parametersAreNeverRankedBest()
{
    const QString root = makeProject();
    const Project project(root);
    RunStore store;
    openStore(&store, project);
    if (QTest::currentTestFailed())
        return;
    QVector<RunDetails> runs;
    for (double lr : { 0.1, 0.01 }) {
        const auto run = store.createRun(QStringLiteral("p"), QStringLiteral("train.py"), {}, {}, {});
        QVERIFY(run);
        MetricRecord param;
        param.name = QStringLiteral("lr");
        param.numbers = { lr };
        param.role = ValueRole::Param;
        MetricRecord accuracy;
        accuracy.name = QStringLiteral("accuracy");
        accuracy.numbers = { lr * 5 };
        QHash<QString, MetricSummary> sums;
        QVERIFY(store.appendMetrics(run->id, { param, accuracy }, &sums, 1, 0, {}));
        runs.append(RunDetails::load(&store, project, *store.run(run->id)));
    }
    const QVector<RunComparison::Row> rows = RunComparison::compare(runs, project);
    bool sawParam = false, sawMetric = false;
    for (const RunComparison::Row &row : rows) {
        if (row.field == QLatin1String("lr")) {
            sawParam = true;
            QVERIFY(row.differs);
            QCOMPARE(int(row.role), int(ValueRole::Param));
            QCOMPARE(row.best, (QVector<bool> { false, false }));
        } else if (row.field == QLatin1String("accuracy")) {
            sawMetric = true;
            QCOMPARE(row.best, (QVector<bool> { true, false }));
        }
    }
    QVERIFY(sawParam && sawMetric);

    // the compare view says so, and marks only the metric
    RunCompareView view;
    view.setProject(project);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy loaded(&view, &RunCompareView::loaded);
    view.showRuns({ runs.at(0).run.runId, runs.at(1).run.runId });
    QVERIFY(loaded.wait(10000));
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("compareValues"));
    QVERIFY(table);
    bool shownAsParameter = false;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QString field = table->item(r, 1)->data(Qt::UserRole).toString();
        if (field == QLatin1String("lr")) {
            shownAsParameter = table->item(r, 1)->text() == QLatin1String("lr (parameter)");
            QVERIFY(!table->item(r, 2)->font().bold() && !table->item(r, 3)->font().bold());
        } else if (field == QLatin1String("accuracy")) {
            QVERIFY(table->item(r, 2)->font().bold()); // the best of the two
        }
    }
    QVERIFY(shownAsParameter);
    const QString shots = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        table->scrollToBottom(); // the logged values
        view.grab().save(shots + QStringLiteral("/compare-parameters.png"));
    }
}

void TestMlflow::importFromTheWindow()
{
    const QString root = makeProject();
    QString error;
    QVERIFY(Project(root).ensureDataDir(&error));
    const QString mlruns = writeFixtureStore(m_dir->path() + QStringLiteral("/mlruns"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(root));
    auto *action = window.findChild<QAction *>(QStringLiteral("importMlflowAction"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    // the menu entry asks for the folder (a dialog of the window)
    action->trigger();
    QTRY_VERIFY(window.findChild<QFileDialog *>());
    auto *dialog = window.findChild<QFileDialog *>();
    QCOMPARE(dialog->fileMode(), QFileDialog::Directory);
    dialog->reject();
    QSignalSpy imported(&window, &MainWindow::mlflowImported);
    window.importMlflowRuns(mlruns);
    QVERIFY(imported.wait(60000));
    QCOMPARE(imported.first().at(0).toInt(), 3);
    QCOMPARE(imported.first().at(1).toInt(), 0);
    auto *message = window.findChild<QMessageBox *>(QStringLiteral("mlflowImportMessage"));
    QVERIFY(message);
    QVERIFY2(message->text().contains(QStringLiteral("Imported 3 runs")), qPrintable(message->text()));
    // the one RunModel of the window takes them up
    QTRY_COMPARE_WITH_TIMEOUT(window.runModel()->rowCount(), 3, 30000);
    QTest::keyClick(message, Qt::Key_Escape);
    QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("mlflowImportMessage")));
}

void TestMlflow::runbenchLogTakesStepAndKind()
{
    const QString root = makeProject();
    QVERIFY(writeFile(root + QStringLiteral("/log.sh"),
                      "set -e\n"
                      "\"$1\" log --step 7 loss 0.5\n"
                      "\"$1\" log --step 3 loss 0.9\n"
                      "\"$1\" log --param lr 0.1\n"
                      "\"$1\" log --tag model svm\n"
                      "if \"$1\" log --step 1.5 x 1 2>err.txt; then exit 9; fi\n"
                      "grep -q 'takes an integer' err.txt\n"));
    const QString runId = runTracked(root, QStringLiteral("log.sh"), { QStringLiteral(RUNBENCH_BINARY) });
    const RunDetails d = details(root, runId);
    QVERIFY2(d.run.status == RunStatus::Completed, readFile(d.logPath).constData());
    QCOMPARE(steps(d.series.value(QStringLiteral("loss"))), (QVector<qint64> { 3, 7 }));
    QCOMPARE(summary(d, QStringLiteral("loss"))->last, 0.5);
    QCOMPARE(int(summary(d, QStringLiteral("lr"))->role), int(ValueRole::Param));
    QCOMPARE(int(summary(d, QStringLiteral("model"))->role), int(ValueRole::Tag));
    QVERIFY(!summary(d, QStringLiteral("x")));
}

QTEST_MAIN(TestMlflow)
#include "tst_mlflow.moc"

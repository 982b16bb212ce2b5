// Numbers that are data never pass through the locale. CTest runs this suite
// under a comma-decimal locale (de_DE.UTF-8, and again tr_TR.UTF-8, whose
// dotless i also tries case folding), set in the environment as a user's
// desktop sets it; .ci/setup generates both locales.
#include "metricline.h"
#include "mlflowimport.h"
#include "project.h"
#include "rundetails.h"
#include "runfilter.h"
#include "runstore.h"
#include "slurmsettings.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <clocale>

class TestLocale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void metricLines_data();
    void metricLines();
    void mlflowImport();
    void settings();
    void filter();
    void commandLineOutput();
    void caseFoldingIsNotTurkish();

private:

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLocale::initTestCase()
{
    // The suite means something only where the C library and Qt read a
    // comma as the decimal point, as they do on the desktop it stands for.
    const QByteArray wanted = qgetenv("LC_ALL");
    QVERIFY2(!wanted.isEmpty() && wanted != "C" && wanted != "C.UTF-8",
             "run this suite under a comma-decimal LC_ALL (CTest sets de_DE.UTF-8 or tr_TR.UTF-8)");
    const char *active = std::setlocale(LC_NUMERIC, nullptr);
    QVERIFY2(active && QByteArray(active) == wanted,
             qPrintable(QStringLiteral("the locale %1 is not installed here (.ci/setup generates it); "
                                       "LC_NUMERIC is %2")
                            .arg(QString::fromLatin1(wanted), QString::fromLatin1(active ? active : "unset"))));
    QCOMPARE(std::localeconv()->decimal_point[0], ',');
    QVERIFY(QLocale().decimalPoint() == QLatin1Char(','));
}

void TestLocale::init() { m_dir = std::make_unique<QTemporaryDir>(); }

void TestLocale::metricLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QVector<double>>("numbers");
    QTest::newRow("scalar") << QByteArray(R"({"name": "acc", "value": 0.97})") << QVector<double> { 0.97 };
    QTest::newRow("exponent") << QByteArray(R"({"name": "lr", "value": 2.5e-4})") << QVector<double> { 2.5e-4 };
    QTest::newRow("negative") << QByteArray(R"({"name": "d", "value": -1.125})") << QVector<double> { -1.125 };
    QTest::newRow("list") << QByteArray(R"({"name": "all", "value": [0.5, 1.25, 3]})")
                          << QVector<double> { 0.5, 1.25, 3 };
    QTest::newRow("too large") << QByteArray(R"({"name": "big", "value": 1.5e999})")
                               << QVector<double> { std::numeric_limits<double>::infinity() };
    QTest::newRow("too small") << QByteArray(R"({"name": "tiny", "value": -0.01e-999})") << QVector<double> { -0.0 };
}

void TestLocale::metricLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QVector<double>, numbers);
    MetricRecord r;
    QString error;
    QVERIFY2(MetricLine::parse(line, &r, &error), qPrintable(error));
    QCOMPARE(r.numbers, numbers);
    // the step too, a number of the same line
    QVERIFY(MetricLine::parse(QByteArray(R"({"name": "acc", "value": 0.5, "step": 12})"), &r, &error));
    QCOMPARE(r.step, 12);
    QCOMPARE(r.numbers.value(0), 0.5);
}

void TestLocale::mlflowImport()
{
    const QString root = writeProject(m_dir->path(), QStringLiteral("imported"));
    const Project project(root);
    RunStore store;
    QString error;
    QVERIFY2(project.ensureDataDir(&error), qPrintable(error));
    QVERIFY(store.open(project.historyLocation()));
    QVERIFY(store.useProject(project));
    const QString mlruns = m_dir->path() + QStringLiteral("/mlruns");
    writeFile(mlruns + QStringLiteral("/0/meta.yaml"), "experiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
    writeFile(mlruns + QStringLiteral("/0/abc123/meta.yaml"),
              "run_id: abc123\nexperiment_id: '0'\nlifecycle_stage: active\nstatus: 3\n"
              "start_time: 1700000000000\nend_time: 1700000001500\n");
    writeFile(mlruns + QStringLiteral("/0/abc123/params/lr"), "0.01");
    writeFile(mlruns + QStringLiteral("/0/abc123/metrics/loss"), "1700000000100 0.25 1\n1700000000200 0.125 2\n");
    const MlflowImport::Result result = MlflowImport::importStore(&store, project, mlruns);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.imported, 1);
    const qint64 id = store.runWithProperty(QStringLiteral("MlflowRunId"), QStringLiteral("abc123"));
    QVERIFY(id > 0);
    const RunDetails d = RunDetails::load(&store, project, *store.run(id));
    QCOMPARE(d.run.endUs - d.run.startUs, 1500000LL);
    bool sawLoss = false, sawLr = false;
    for (const MetricSummary &s : d.metrics) {
        if (s.key == QLatin1String("loss")) {
            sawLoss = true;
            QCOMPARE(s.last, 0.125);
            QCOMPARE(s.min, 0.125);
            QCOMPARE(s.max, 0.25);
        } else if (s.key == QLatin1String("lr")) {
            sawLr = true;
            QCOMPARE(s.last, 0.01);
        }
    }
    QVERIFY(sawLoss);
    QVERIFY(sawLr);
}

void TestLocale::settings()
{
    const QString root = writeProject(m_dir->path(), QStringLiteral("settings"));
    const Project project(root);
    {
        QSettings ini(project.iniPath(), QSettings::IniFormat);
        ini.setValue(QStringLiteral("snapshot/max_file_size_mb"), 1.5);
        ini.setValue(QStringLiteral("slurm/poll_seconds"), 0.25);
    }
    // written in data's form, whatever the desktop
    const QByteArray text = readFile(project.iniPath());
    QVERIFY2(text.contains("max_file_size_mb=1.5"), text.constData());
    QVERIFY2(text.contains("poll_seconds=0.25"), text.constData());
    QCOMPARE(project.snapshotFileSizeLimit(), qint64(1.5 * 1024 * 1024));
    QCOMPARE(project.slurmSettings().pollSeconds, 0.25);
    // and read back when a person wrote it by hand
    writeFile(project.iniPath(), text + "\n[runs]\nlost_after_seconds=90\n");
    QCOMPARE(project.lostAfterSeconds(), 90);
}

void TestLocale::filter()
{
    RunRecord run;
    run.number = 3;
    const QStringList keys { QStringLiteral("acc") };
    const RunFilter::MetricLookup lookup = [](const QString &key) -> std::optional<QVariant> {
        if (key == QLatin1String("acc"))
            return QVariant(0.97);
        return std::nullopt;
    };
    // the data's form and the form the grid shows on this desktop ("0,97")
    const QString shown = QLocale().toString(0.9);
    QVERIFY(shown.contains(QLatin1Char(',')));
    for (const QString &text : { QStringLiteral("acc > 0.9"), QStringLiteral("acc > ") + shown,
                                 QStringLiteral("acc >= 0.97"), QStringLiteral("acc = 0,97") }) {
        const RunFilter f = RunFilter::parse(text, keys);
        QVERIFY2(f.errorString().isEmpty(), qPrintable(text + QStringLiteral(": ") + f.errorString()));
        QVERIFY2(f.matches(run, lookup), qPrintable(text));
    }
    const RunFilter above = RunFilter::parse(QStringLiteral("acc > 0,98"), keys);
    QVERIFY(above.errorString().isEmpty());
    QVERIFY(!above.matches(run, lookup));
}

// A tracked run on this desktop, then its values as JSON, CSV and a table.
void TestLocale::commandLineOutput()
{
    const QString root = writeProject(m_dir->path(), QStringLiteral("cli"));
    writeFile(root + QStringLiteral("/train.py"),
              "from runbench import get_logger\n"
              "log = get_logger()\n"
              "log.log('Accuracy', 0.97)\n"
              "log.log('Regularization Rate', 0.01)\n"
              "for i, loss in enumerate([1.5, 0.75, 0.375]):\n"
              "    log.log('loss', loss, step=i)\n"
              "log.log('all values', [0.5, 1.25])\n");
    const QString binary = QStringLiteral(RUNBENCH_BINARY);
    const Result run
        = runCommand(binary, { QStringLiteral("run"), QStringLiteral("-q"), QStringLiteral("train.py") }, root);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    const Result last = runCommand(binary, { QStringLiteral("history"), QStringLiteral("last") }, root);
    QCOMPARE(last.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(last.out.toUtf8()).object();
    QVERIFY2(!json.isEmpty(), qPrintable(last.out));
    QCOMPARE(json.value(QStringLiteral("Accuracy")).toDouble(), 0.97);
    QCOMPARE(json.value(QStringLiteral("Regularization Rate")).toDouble(), 0.01);
    const QJsonArray loss = json.value(QStringLiteral("loss")).toArray();
    QCOMPARE(loss.size(), 3);
    QCOMPARE(loss.at(2).toDouble(), 0.375);
    const QJsonArray list = json.value(QStringLiteral("all values")).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(1).toDouble(), 1.25);
    QVERIFY2(last.out.contains(QStringLiteral("0.97")), qPrintable(last.out));

    const Result csv = runCommand(
        binary, { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("csv") },
        root);
    QCOMPARE(csv.exitCode, 0);
    const QStringList lines = csv.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QStringList header = lines.at(0).split(QLatin1Char(','));
    const int accuracy = int(header.indexOf(QStringLiteral("Accuracy")));
    QVERIFY2(accuracy >= 0, qPrintable(lines.at(0)));
    // a value with a comma would have been quoted and split the row
    QCOMPARE(lines.at(1).split(QLatin1Char(',')).value(accuracy), QStringLiteral("0.97"));

    const Result table = runCommand(
        binary, { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("table") },
        root);
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(QStringLiteral("0.97")) || table.out.contains(QLocale().toString(0.97)),
             qPrintable(table.out));
    QVERIFY2(!table.out.contains(QStringLiteral(" 0 ")), qPrintable(table.out));
}

// Names are matched without the locale's case rules: under tr_TR, "I"
// lowers to a dotless ı in the C library's and ICU's Turkish rules.
void TestLocale::caseFoldingIsNotTurkish()
{
    const QStringList keys { QStringLiteral("IoU"), QStringLiteral("accuracy") };
    RunRecord run;
    const RunFilter::MetricLookup lookup = [](const QString &key) -> std::optional<QVariant> {
        if (key == QLatin1String("IoU"))
            return QVariant(0.5);
        return std::nullopt;
    };
    const RunFilter f = RunFilter::parse(QStringLiteral("iou > 0.25"), keys);
    QVERIFY2(f.errorString().isEmpty(), qPrintable(f.errorString()));
    QVERIFY(f.matches(run, lookup));
    const RunFilter upper = RunFilter::parse(QStringLiteral("ACCURACY > 0"), keys);
    QVERIFY2(upper.errorString().isEmpty(), qPrintable(upper.errorString()));
    // fields by name, whatever their case
    QVERIFY(RunFilter::parse(QStringLiteral("RUN > 0"), keys).errorString().isEmpty());
    QVERIFY(RunFilter::parse(QStringLiteral("status:FAILED"), keys).errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestLocale)
#include "tst_locale.moc"

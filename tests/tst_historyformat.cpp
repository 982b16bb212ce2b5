#include "historyformat.h"

#include <QJsonArray>
#include <QtTest>

#include <limits>

class TestHistoryFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duration();
    void utcTime();
    void localTimeFollowsTheLanguage();
    void runObjectShape();
    void tableAlignsNumbers();
    void csvQuotes();
    void controlAndBidiCharactersAreVisible();
    void metricNamedLikeAFieldGoesUnderMetrics();
};

void TestHistoryFormat::duration()
{
    QLocale::setDefault(QLocale::c());
    QCOMPARE(HistoryFormat::duration(4892389), QStringLiteral("0:00:04.892389"));
    QCOMPARE(HistoryFormat::duration(3600LL * 1000000 * 26 + 61000001), QStringLiteral("26:01:01.000001"));
    QCOMPARE(HistoryFormat::duration(-1), QString());
    QCOMPARE(HistoryFormat::humanDuration(2476974), QStringLiteral("2.5 s"));
    QCOMPARE(HistoryFormat::humanDuration(185000000), QStringLiteral("3 min 05 s"));
    QCOMPARE(HistoryFormat::humanDuration(3600LL * 1000000 + 120000000), QStringLiteral("1 h 02 min"));
}

void TestHistoryFormat::utcTime()
{
    // 2017-09-08T00:58:03.059014 UTC, as on the product page
    QCOMPARE(HistoryFormat::utcTime(1504832283059014LL), QStringLiteral("2017-09-08T00:58:03.059014+00:00"));
}

void TestHistoryFormat::runObjectShape()
{
    RunDetails d;
    d.run.runId = QStringLiteral("IrisDemo_1504832281116");
    d.run.number = 8;
    d.run.script = QStringLiteral("iris_sklearn.py");
    d.run.status = RunStatus::Completed;
    d.run.startUs = 1504832283059014LL;
    d.run.endUs = d.run.startUs + 4892389;
    d.run.commitId = QStringLiteral("e77a5f0d");
    MetricSummary acc;
    acc.key = QStringLiteral("Accuracy");
    acc.count = 1;
    acc.last = 0.6792452830188679;
    MetricSummary series;
    series.key = QStringLiteral("loss");
    series.count = 3;
    series.kind = MetricKind::Number;
    MetricSummary flag;
    flag.key = QStringLiteral("converged");
    flag.kind = MetricKind::Bool;
    flag.count = 1;
    flag.last = 1;
    d.metrics = { acc, series, flag };
    d.series.insert(QStringLiteral("loss"),
                    { { 0, 3.0, {}, 0 }, { 1, 2.0, {}, 0 }, { 2, std::numeric_limits<double>::quiet_NaN(), {}, 0 } });
    const QJsonObject o = HistoryFormat::runObject(d);
    const QStringList fields { QStringLiteral("attachments"),
                               QStringLiteral("created_utc"),
                               QStringLiteral("description"),
                               QStringLiteral("duration"),
                               QStringLiteral("end_time_utc"),
                               QStringLiteral("experiment_id"),
                               QStringLiteral("heartbeat_enabled"),
                               QStringLiteral("hidden"),
                               QStringLiteral("name"),
                               QStringLiteral("parent_run_id"),
                               QStringLiteral("properties"),
                               QStringLiteral("run_id"),
                               QStringLiteral("run_number"),
                               QStringLiteral("script_name"),
                               QStringLiteral("start_time_utc"),
                               QStringLiteral("status"),
                               QStringLiteral("target"),
                               QStringLiteral("user_id") };
    for (const QString &f : fields)
        QVERIFY2(o.contains(f), qPrintable(f));
    QCOMPARE(o.value(QStringLiteral("Accuracy")).toDouble(), 0.6792452830188679);
    QCOMPARE(o.value(QStringLiteral("converged")).toBool(), true);
    const QJsonArray loss = o.value(QStringLiteral("loss")).toArray();
    QCOMPARE(loss.size(), 3);
    QCOMPARE(loss.at(1).toDouble(), 2.0);
    QCOMPARE(loss.at(2).toString(), QStringLiteral("NaN")); // a string: null would read as "no value"
    QCOMPARE(o.value(QStringLiteral("duration")).toString(), QStringLiteral("0:00:04.892389"));
    QCOMPARE(o.value(QStringLiteral("run_number")).toInt(), 8);
    QCOMPARE(o.value(QStringLiteral("target")).toString(), QStringLiteral("local"));
    QCOMPARE(o.value(QStringLiteral("properties")).toObject().value(QStringLiteral("CommitId")).toString(),
             QStringLiteral("e77a5f0d"));
    QVERIFY(o.value(QStringLiteral("description")).isNull());
}

void TestHistoryFormat::tableAlignsNumbers()
{
    RunRecord a;
    a.id = 1;
    a.runId = QStringLiteral("A_1");
    a.script = QStringLiteral("s.py");
    a.status = RunStatus::Completed;
    RunRecord b = a;
    b.id = 2;
    b.runId = QStringLiteral("A_2");
    QHash<qint64, QVector<MetricSummary>> sums;
    MetricSummary m;
    m.key = QStringLiteral("Regularization Rate");
    m.count = 1;
    m.last = 0.078125;
    sums[1] = { m };
    m.last = 10;
    sums[2] = { m };
    const QString text = HistoryFormat::toText(HistoryFormat::runTable({ a, b }, sums));
    const QStringList lines = text.split(QLatin1Char('\n'));
    QCOMPARE(lines.at(0).left(19), QStringLiteral("Regularization Rate"));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("-------------------  ")));
    // decimal points line up: "0.078125" and "10" end in the same integer column
    QCOMPARE(lines.at(2).indexOf(QStringLiteral("0.078125")), lines.at(3).indexOf(QStringLiteral("10")) + 1);
    QCOMPARE(lines.at(2).left(19), QStringLiteral("           0.078125"));
    QCOMPARE(lines.at(3).left(19), QStringLiteral("          10       "));
}

void TestHistoryFormat::csvQuotes()
{
    HistoryFormat::Table t;
    t.headers = QStringList { QStringLiteral("a"), QStringLiteral("b") };
    t.rows = { QStringList { QStringLiteral("x,y"), QStringLiteral("say \"hi\"") } };
    QCOMPARE(HistoryFormat::toCsv(t), QStringLiteral("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n"));
}

void TestHistoryFormat::controlAndBidiCharactersAreVisible()
{
    QCOMPARE(HistoryFormat::visible(QStringLiteral("plain ünïcode")), QStringLiteral("plain ünïcode"));
    QCOMPARE(HistoryFormat::visible(QStringLiteral("a\nb\tc\r")), QStringLiteral("a\\nb\\tc\\r"));
    QCOMPARE(HistoryFormat::visible(QStringLiteral("x") + QChar(0x202e) + QStringLiteral("y") + QChar(0x2066)),
             QStringLiteral("x\\u202ey\\u2066"));
    QCOMPARE(HistoryFormat::visible(QString(QChar(0x1b)) + QStringLiteral("[31m")), QStringLiteral("\\u001b[31m"));
    HistoryFormat::Table t;
    t.headers = QStringList { QStringLiteral("two\nlines") };
    t.aligns = { HistoryFormat::Align::Left };
    t.rows = { QStringList { QStringLiteral("a\u202eb") } };
    QCOMPARE(HistoryFormat::toText(t), QStringLiteral("two\\nlines\n----------\na\\u202eb\n"));
    QCOMPARE(HistoryFormat::toCsv(t), QStringLiteral("two\\nlines\r\na\\u202eb\r\n"));
}

void TestHistoryFormat::metricNamedLikeAFieldGoesUnderMetrics()
{
    RunDetails d;
    d.run.runId = QStringLiteral("P_1");
    d.run.status = RunStatus::Failed;
    MetricSummary status;
    status.key = QStringLiteral("status");
    status.kind = MetricKind::Number;
    status.count = 1;
    status.last = 7;
    MetricSummary inf = status;
    inf.key = QStringLiteral("gain");
    inf.last = -std::numeric_limits<double>::infinity();
    d.metrics = { inf, status };
    const QJsonObject o = HistoryFormat::runObject(d);
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("Failed"));
    QCOMPARE(o.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("status")).toInt(), 7);
    QCOMPARE(o.value(QStringLiteral("gain")).toString(), QStringLiteral("-Infinity"));
    QVERIFY(!o.value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("gain")));
}

void TestHistoryFormat::localTimeFollowsTheLanguage()
{
    const qint64 us = 1504832283059014; // 2017-09-08, mid-day everywhere but at the date line
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QString english = HistoryFormat::localTime(us);
    QVERIFY2(english.contains(QStringLiteral("September 2017")), qPrintable(english));
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    const QString korean = HistoryFormat::localTime(us);
    QVERIFY2(korean.contains(QStringLiteral("2017년 9월")), qPrintable(korean));
    QLocale::setDefault(QLocale::c());
    QCOMPARE(HistoryFormat::localTime(0), QString());
}

QTEST_GUILESS_MAIN(TestHistoryFormat)
#include "tst_historyformat.moc"

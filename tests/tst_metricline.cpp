#include "metricline.h"

#include <QtTest>

#include <cmath>

class TestMetricLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scalars_data();
    void scalars();
    void list();
    void text();
    void nonFinite();
    void unicodeNames();
    void unknownKeysAreSkipped();
    void malformed_data();
    void malformed();
    void longNameRefused();
    void deepNestingRefused();
    void outOfRangeNumbers();
    void stepsKindsAndNestedRuns();
};

void TestMetricLine::scalars_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("value");
    QTest::newRow("float") << QByteArray(R"({"name": "Accuracy", "value": 0.97})") << int(MetricKind::Number) << 0.97;
    QTest::newRow("int") << QByteArray(R"({"name":"epochs","value":12})") << int(MetricKind::Number) << 12.0;
    QTest::newRow("negative exp") << QByteArray(R"({"name":"lr","value":-1.5e-3})") << int(MetricKind::Number)
                                  << -1.5e-3;
    QTest::newRow("true") << QByteArray(R"({"name":"ok","value":true})") << int(MetricKind::Bool) << 1.0;
    QTest::newRow("false") << QByteArray(R"({"value":false,"name":"ok"})") << int(MetricKind::Bool) << 0.0;
    QTest::newRow("spaces and time") << QByteArray(R"(  { "name" : "x" , "value" : 3 , "time" : 1504832287.5 }  )")
                                     << int(MetricKind::Number) << 3.0;
}

void TestMetricLine::scalars()
{
    QFETCH(QByteArray, line);
    QFETCH(int, kind);
    QFETCH(double, value);
    MetricRecord r;
    QString error;
    QVERIFY2(MetricLine::parse(line, &r, &error), qPrintable(error));
    QCOMPARE(int(r.kind), kind);
    QCOMPARE(r.numbers.size(), 1);
    QCOMPARE(r.numbers.first(), value);
}

void TestMetricLine::list()
{
    MetricRecord r;
    QString error;
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"all values","value":[5, 6, 7.5],"time":12.25})"), &r, &error));
    QCOMPARE(r.name, QStringLiteral("all values"));
    QCOMPARE(int(r.kind), int(MetricKind::List));
    QCOMPARE(r.numbers, (QVector<double> { 5, 6, 7.5 }));
    QCOMPARE(r.time, 12.25);
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"empty","value":[]})"), &r, &error));
    QVERIFY(r.numbers.isEmpty());
}

void TestMetricLine::text()
{
    MetricRecord r;
    QString error;
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"note","value":"a \"quoted\"\nline \u00e9 \ud83d\ude00"})"), &r,
                              &error));
    QCOMPARE(int(r.kind), int(MetricKind::Text));
    QCOMPARE(r.text, QStringLiteral("a \"quoted\"\nline \u00e9 ") + QString::fromUtf8("\xF0\x9F\x98\x80"));
}

void TestMetricLine::nonFinite()
{
    MetricRecord r;
    QString error;
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"loss","value":NaN})"), &r, &error));
    QVERIFY(std::isnan(r.numbers.first()));
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"loss","value":-Infinity})"), &r, &error));
    QVERIFY(std::isinf(r.numbers.first()) && r.numbers.first() < 0);
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"loss","value":[1, Infinity, NaN]})"), &r, &error));
    QCOMPARE(r.numbers.size(), 3);
}

void TestMetricLine::unicodeNames()
{
    MetricRecord r;
    QString error;
    const QByteArray line = QStringLiteral("{\"name\":\"정확도 🎯\",\"value\":0.5}").toUtf8();
    QVERIFY2(MetricLine::parse(line, &r, &error), qPrintable(error));
    QCOMPARE(r.name, QStringLiteral("정확도 🎯"));
}

void TestMetricLine::unknownKeysAreSkipped()
{
    MetricRecord r;
    QString error;
    QVERIFY2(
        MetricLine::parse(QByteArray(R"({"name":"a","extra":{"x":[1,{"y":null}],"s":"t"},"value":1})"), &r, &error),
        qPrintable(error));
    QCOMPARE(r.numbers.first(), 1.0);
}

void TestMetricLine::malformed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("not json") << QByteArray("Accuracy 0.9");
    QTest::newRow("cut mid-write") << QByteArray(R"({"name":"Accuracy","val)");
    QTest::newRow("cut in number") << QByteArray(R"({"name":"Accuracy","value":0.)");
    QTest::newRow("no value") << QByteArray(R"({"name":"Accuracy"})");
    QTest::newRow("no name") << QByteArray(R"({"value":1})");
    QTest::newRow("blank name") << QByteArray(R"({"name":"  ","value":1})");
    QTest::newRow("name not string") << QByteArray(R"({"name":3,"value":1})");
    QTest::newRow("null value") << QByteArray(R"({"name":"a","value":null})");
    QTest::newRow("object value") << QByteArray(R"({"name":"a","value":{"b":1}})");
    QTest::newRow("list of strings") << QByteArray(R"({"name":"a","value":["x"]})");
    QTest::newRow("trailing garbage") << QByteArray(R"({"name":"a","value":1} x)");
    QTest::newRow("leading zero") << QByteArray(R"({"name":"a","value":01})");
    QTest::newRow("bad escape") << QByteArray(R"({"name":"a\q","value":1})");
    QTest::newRow("raw control char") << QByteArray("{\"name\":\"a\tb\",\"value\":1}");
    QTest::newRow("nul in name") << QByteArray(R"({"name":"a\u0000b","value":1})");
    static const char rawNul[] = "{\"name\":\"a\0b\",\"value\":1}";
    QTest::newRow("raw nul byte") << QByteArray(rawNul, sizeof rawNul - 1);
    QTest::newRow("time not number") << QByteArray(R"({"name":"a","value":1,"time":"now"})");
    QTest::newRow("array line") << QByteArray("[1,2]");
    QTest::newRow("fractional step") << QByteArray(R"({"name":"a","value":1,"step":1.5})");
    QTest::newRow("step not number") << QByteArray(R"({"name":"a","value":1,"step":"7"})");
    QTest::newRow("step too large") << QByteArray(R"({"name":"a","value":1,"step":1e300})");
    QTest::newRow("unknown kind") << QByteArray(R"({"name":"a","value":1,"kind":"metrics"})");
    QTest::newRow("kind not string") << QByteArray(R"({"name":"a","value":1,"kind":1})");
    QTest::newRow("empty run") << QByteArray(R"({"name":"a","value":1,"run":""})");
    QTest::newRow("status without run") << QByteArray(R"({"status":"Completed"})");
    QTest::newRow("unknown status") << QByteArray(R"({"run":"n1","status":"Done"})");
    QTest::newRow("event with value") << QByteArray(R"({"run":"n1","status":"Completed","value":1})");
    QTest::newRow("list property") << QByteArray(R"({"name":"a","value":[1],"kind":"property"})");
}

void TestMetricLine::malformed()
{
    QFETCH(QByteArray, line);
    MetricRecord r;
    QString error;
    QVERIFY(!MetricLine::parse(line, &r, &error));
    QVERIFY(!error.isEmpty());
}

void TestMetricLine::longNameRefused()
{
    MetricRecord r;
    QString error;
    const QByteArray ok = "{\"name\":\"" + QByteArray(MetricLine::MaxNameLength, 'n') + "\",\"value\":1}";
    QVERIFY(MetricLine::parse(ok, &r, &error));
    const QByteArray tooLong = "{\"name\":\"" + QByteArray(10000, 'n') + "\",\"value\":1}";
    QVERIFY(!MetricLine::parse(tooLong, &r, &error));
    QVERIFY(error.contains(QString::number(MetricLine::MaxNameLength)));
}

void TestMetricLine::deepNestingRefused()
{
    MetricRecord r;
    QString error;
    const QByteArray deep
        = "{\"name\":\"a\",\"value\":1,\"x\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
    QVERIFY(!MetricLine::parse(deep, &r, &error));
    QVERIFY(error.contains(QStringLiteral("nested")));
}

void TestMetricLine::outOfRangeNumbers()
{
    MetricRecord r;
    QString error;
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"big","value":1e999})"), &r, &error));
    QVERIFY(std::isinf(r.numbers.first()));
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"tiny","value":1e-999})"), &r, &error));
    QCOMPARE(r.numbers.first(), 0.0);
}

void TestMetricLine::stepsKindsAndNestedRuns()
{
    MetricRecord r;
    QString error;
    // lines written before steps and kinds keep their meaning
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"loss","value":0.5})"), &r, &error));
    QVERIFY(!r.hasStep);
    QCOMPARE(int(r.role), int(ValueRole::Metric));
    QVERIFY(r.run.isEmpty());
    QVERIFY(!r.isRunEvent());

    QVERIFY2(MetricLine::parse(QByteArray(R"({"name":"loss","value":0.5,"step":-3})"), &r, &error), qPrintable(error));
    QVERIFY(r.hasStep);
    QCOMPARE(r.step, -3);
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"loss","value":0.5,"step":9007199254740992})"), &r, &error));
    QCOMPARE(r.step, MetricLine::MaxStep);
    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"loss","value":0.5,"step":1e3})"), &r, &error));
    QCOMPARE(r.step, 1000);

    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"lr","value":0.1,"kind":"param","step":0})"), &r, &error));
    QCOMPARE(int(r.role), int(ValueRole::Param));
    QVERIFY(MetricLine::parse(QByteArray(R"({"kind":"tag","name":"model","value":"svm"})"), &r, &error));
    QCOMPARE(int(r.role), int(ValueRole::Tag));
    QCOMPARE(r.text, QStringLiteral("svm"));
    QVERIFY(MetricLine::parse(QByteArray(R"({"kind":"property","name":"MlflowExperiment","value":"x"})"), &r, &error));
    QVERIFY(r.isProperty);

    QVERIFY(MetricLine::parse(QByteArray(R"({"name":"loss","value":0.3,"run":"n1"})"), &r, &error));
    QCOMPARE(r.run, QStringLiteral("n1"));
    QVERIFY(!r.isRunEvent());
    QVERIFY(MetricLine::parse(QByteArray(R"({"status":"RUNNING","run":"n1","name":"fold 1"})"), &r, &error));
    QVERIFY(r.isRunEvent());
    QCOMPARE(r.runStatus, QStringLiteral("Running"));
    QCOMPARE(r.name, QStringLiteral("fold 1"));
    const QList<QPair<const char *, const char *>> statuses { { "FINISHED", "Completed" },
                                                              { "completed", "Completed" },
                                                              { "FAILED", "Failed" },
                                                              { "KILLED", "Canceled" },
                                                              { "Canceled", "Canceled" } };
    for (const auto &[given, stored] : statuses) {
        QVERIFY(MetricLine::parse(QByteArray(R"({"run":"n1","status":")") + given + "\"}", &r, &error));
        QCOMPARE(r.runStatus, QLatin1String(stored));
    }
    QVERIFY(!MetricLine::parse(QByteArray(R"({"name":"a","value":1,"step":2.5})"), &r, &error));
    QCOMPARE(error, QStringLiteral("\"step\" is not an integer."));
}

QTEST_GUILESS_MAIN(TestMetricLine)
#include "tst_metricline.moc"

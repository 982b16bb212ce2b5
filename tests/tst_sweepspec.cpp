// Value sets of a sweep's arguments, and arguments read as named parameters.
// The tables are of literal strings: string literals may become QStrings here.
#undef QT_NO_CAST_FROM_ASCII
#define QT_RESTRICTED_CAST_FROM_ASCII
#include "sweepspec.h"

#include <QtTest>

class TestSweepSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueSets_data();
    void valueSets();
    void badSets_data();
    void badSets();
    void gridOfSeveralSets();
    void setsInsideArguments();
    void literalBraces();
    void randomWithASeedIsTheSameTwice();
    void repeat();
    void limits();
    void namedParameters();
};

void TestSweepSpec::valueSets_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QStringList>("values");
    QTest::newRow("list") << "0.01,0.1,1" << QStringList { "0.01", "0.1", "1" };
    QTest::newRow("list with spaces and text") << " adam , sgd " << QStringList { "adam", "sgd" };
    QTest::newRow("integers") << "1..5" << QStringList { "1", "2", "3", "4", "5" };
    QTest::newRow("integers down") << "3..-1" << QStringList { "3", "2", "1", "0", "-1" };
    QTest::newRow("one integer") << "7..7" << QStringList { "7" };
    QTest::newRow("linear") << "0..1:5" << QStringList { "0", "0.25", "0.5", "0.75", "1" };
    QTest::newRow("linear, explicit") << "0.001..1:2:lin" << QStringList { "0.001", "1" };
    QTest::newRow("log") << "0.001..1:4:log" << QStringList { "0.001", "0.01", "0.1", "1" };
    // the seed's eight regularization rates, as one set
    QTest::newRow("the seed's rates") << "0.078125..10:8:log"
                                      << QStringList { "0.078125", "0.15625", "0.3125", "0.625",
                                                       "1.25",     "2.5",     "5",      "10" };
    QTest::newRow("exponents") << "1e-3..1e-1:3:log" << QStringList { "0.001", "0.01", "0.1" };
}

void TestSweepSpec::valueSets()
{
    QFETCH(QString, set);
    QFETCH(QStringList, values);
    QString error;
    const auto got = SweepSpec::values(set, &error);
    QVERIFY2(got, qPrintable(error));
    QCOMPARE(*got, values);
}

void TestSweepSpec::badSets_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("error");
    QTest::newRow("fractional ends, no count") << "0.1..1" << "a range without a count is of integers";
    QTest::newRow("log through zero") << "0..1:3:log" << "a log range needs two positive ends";
    QTest::newRow("count of one") << "0..1:1" << "the count of values must be between 2";
    QTest::newRow("not a range") << "a..b" << "is not a range";
    QTest::newRow("huge") << "1..1000000" << "more than 100000 values";
}

void TestSweepSpec::badSets()
{
    QFETCH(QString, set);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!SweepSpec::values(set, &why));
    QVERIFY2(why.contains(error), qPrintable(why));
}

void TestSweepSpec::gridOfSeveralSets()
{
    const SweepSpec::Plan plan = SweepSpec::expand({ "{0.1,1}", "--optimizer", "{adam,sgd,rmsprop}" });
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.axes.size(), 2);
    QCOMPARE(plan.axes.at(1).label, QStringLiteral("{adam,sgd,rmsprop}"));
    QCOMPARE(plan.combinations, 6);
    QCOMPARE(plan.children.size(), 6);
    QCOMPARE(plan.children.at(0).arguments, (QStringList { "0.1", "--optimizer", "adam" }));
    QCOMPARE(plan.children.at(1).arguments, (QStringList { "0.1", "--optimizer", "sgd" })); // the last set fastest
    QCOMPARE(plan.children.at(5).arguments, (QStringList { "1", "--optimizer", "rmsprop" }));
    QCOMPARE(plan.children.at(5).choice, (QVector<int> { 1, 2 }));
    for (int i = 0; i < plan.children.size(); ++i) {
        QCOMPARE(plan.children.at(i).index, i);
        QCOMPARE(plan.children.at(i).repeat, 0);
    }
}

void TestSweepSpec::setsInsideArguments()
{
    const SweepSpec::Plan plan = SweepSpec::expand({ "--lr={0.1,1}", "depth={1..2}x", "run-{a,b}-{c,d}" });
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.axes.size(), 4);
    QCOMPARE(plan.children.size(), 16);
    QCOMPARE(plan.children.first().arguments, (QStringList { "--lr=0.1", "depth=1x", "run-a-c" }));
    QCOMPARE(plan.children.last().arguments, (QStringList { "--lr=1", "depth=2x", "run-b-d" }));
}

void TestSweepSpec::literalBraces()
{
    // no set at all: one child, the arguments as they are
    const QStringList plain { "{}", "{x}", "a}b", "\\{0.1,1\\}", "$(echo {1})" };
    const SweepSpec::Plan plan = SweepSpec::expand(plain);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.axes.size(), 0);
    QCOMPARE(plan.children.size(), 1);
    QCOMPARE(plan.children.first().arguments, (QStringList { "{}", "{x}", "a}b", "{0.1,1}", "$(echo {1})" }));
    const SweepSpec::Plan open = SweepSpec::expand({ "{0.1,1" });
    QVERIFY(open.children.isEmpty());
    QVERIFY2(open.error.contains(QStringLiteral("is not closed")), qPrintable(open.error));
}

void TestSweepSpec::randomWithASeedIsTheSameTwice()
{
    const QStringList args { "{1..20}", "{1..20}", "{1..20}" }; // 8,000 combinations
    SweepSpec::Options options;
    options.random = 25;
    options.seed = 42;
    const SweepSpec::Plan a = SweepSpec::expand(args, options);
    const SweepSpec::Plan b = SweepSpec::expand(args, options);
    QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
    QCOMPARE(a.combinations, 8000);
    QCOMPARE(a.children.size(), 25);
    QSet<QStringList> distinct;
    for (int i = 0; i < a.children.size(); ++i) {
        QCOMPARE(a.children.at(i).arguments, b.children.at(i).arguments);
        distinct.insert(a.children.at(i).arguments);
    }
    QCOMPARE(distinct.size(), 25); // drawn without repeats
    options.seed = 43;
    const SweepSpec::Plan c = SweepSpec::expand(args, options);
    QVERIFY(c.children.first().arguments != a.children.first().arguments
            || c.children.at(1).arguments != a.children.at(1).arguments);
    options.random = 9000;
    QVERIFY(SweepSpec::expand(args, options).error.contains(QStringLiteral("not that many")));
}

void TestSweepSpec::repeat()
{
    SweepSpec::Options options;
    options.repeat = 3;
    const SweepSpec::Plan plan = SweepSpec::expand({ "{a,b}" }, options);
    QCOMPARE(plan.children.size(), 6);
    QCOMPARE(plan.children.at(0).arguments, QStringList { "a" });
    QCOMPARE(plan.children.at(2).arguments, QStringList { "a" });
    QCOMPARE(plan.children.at(2).repeat, 2);
    QCOMPARE(plan.children.at(3).arguments, QStringList { "b" });
    QCOMPARE(plan.children.at(3).repeat, 0);
    QCOMPARE(plan.children.at(5).index, 5);
}

void TestSweepSpec::limits()
{
    const SweepSpec::Plan big = SweepSpec::expand({ "{1..1000}", "{1..1000}" });
    QVERIFY(big.children.isEmpty());
    QVERIFY2(big.error.contains(QStringLiteral("more than 100000 combinations")), qPrintable(big.error));
    SweepSpec::Options options;
    options.random = 10; // drawn from a million without listing them
    options.seed = 1;
    QCOMPARE(SweepSpec::expand({ "{1..1000}", "{1..1000}" }, options).children.size(), 10);
    options.random = 0;
    options.repeat = 0;
    QVERIFY(!SweepSpec::expand({ "{1,2}" }, options).error.isEmpty());
}

void TestSweepSpec::namedParameters()
{
    using Pairs = QVector<QPair<QString, QString>>;
    QCOMPARE(NamedParameters::fromArguments({ "--lr", "0.1", "--depth=3", "batch=64", "data.csv", "0.5", "--verbose",
                                              "--shift", "-1", "-k", "5", "--dry-run" }),
             (Pairs { { "lr", "0.1" },
                      { "depth", "3" },
                      { "batch", "64" },
                      { "arg1", "data.csv" },
                      { "arg2", "0.5" },
                      { "verbose", "true" },
                      { "shift", "-1" },
                      { "k", "5" },
                      { "dry-run", "true" } }));
    QCOMPARE(NamedParameters::fromArguments({ "0.01" }), (Pairs { { "arg1", "0.01" } }));
    QCOMPARE(NamedParameters::fromArguments({ "a=b=c", "=x", "--" }),
             (Pairs { { "a", "b=c" }, { "arg1", "=x" }, { "arg2", "--" } }));
}

QTEST_GUILESS_MAIN(TestSweepSpec)
#include "tst_sweepspec.moc"

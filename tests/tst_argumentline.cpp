#include "argumentline.h"

#include <QtTest>

class TestArgumentLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void unclosedQuote();
    void joinRoundTrips();
};

void TestArgumentLine::split_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("plain") << QStringLiteral("0.01") << QStringList { QStringLiteral("0.01") };
    QTest::newRow("spaces") << QStringLiteral("  a   b ") << QStringList { QStringLiteral("a"), QStringLiteral("b") };
    QTest::newRow("single quotes") << QStringLiteral("--name 'two words'")
                                   << QStringList { QStringLiteral("--name"), QStringLiteral("two words") };
    QTest::newRow("double quotes") << QStringLiteral("\"say \\\"hi\\\"\"")
                                   << QStringList { QStringLiteral("say \"hi\"") };
    QTest::newRow("backslash space") << QStringLiteral("a\\ b") << QStringList { QStringLiteral("a b") };
    QTest::newRow("empty argument") << QStringLiteral("'' x") << QStringList { QString(), QStringLiteral("x") };
    QTest::newRow("no shell") << QStringLiteral("; rm -rf ~ $HOME *")
                              << QStringList { QStringLiteral(";"), QStringLiteral("rm"),    QStringLiteral("-rf"),
                                               QStringLiteral("~"), QStringLiteral("$HOME"), QStringLiteral("*") };
    QTest::newRow("adjacent quotes") << QStringLiteral("'it'\"'\"'s'") << QStringList { QStringLiteral("it's") };
    QTest::newRow("korean") << QStringLiteral("정규화 0.5")
                            << QStringList { QStringLiteral("정규화"), QStringLiteral("0.5") };
}

void TestArgumentLine::split()
{
    QFETCH(QString, line);
    QFETCH(QStringList, arguments);
    bool ok = false;
    QCOMPARE(ArgumentLine::split(line, &ok), arguments);
    QVERIFY(ok);
}

void TestArgumentLine::unclosedQuote()
{
    bool ok = true;
    QCOMPARE(ArgumentLine::split(QStringLiteral("a 'b c"), &ok),
             (QStringList { QStringLiteral("a"), QStringLiteral("b c") }));
    QVERIFY(!ok);
}

void TestArgumentLine::joinRoundTrips()
{
    const QStringList args { QStringLiteral("0.01"),       QStringLiteral("two words"),
                             QStringLiteral("it's"),       QString(),
                             QStringLiteral("; rm -rf ~"), QStringLiteral("--lr=0.5") };
    const QString line = ArgumentLine::join(args);
    QCOMPARE(line, QStringLiteral("0.01 'two words' 'it'\\''s' '' '; rm -rf ~' --lr=0.5"));
    QCOMPARE(ArgumentLine::split(line), args);
}

QTEST_GUILESS_MAIN(TestArgumentLine)
#include "tst_argumentline.moc"

#include "ignorerules.h"
#include "project.h"
#include "projectscope.h"
#include "testutil.h"

#include <QtTest>

class TestIgnoreRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void patterns_data();
    void patterns();
    void scopeOfAProject();
};

void TestIgnoreRules::patterns_data()
{
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<bool>("ignored");
    const QStringList rules { QStringLiteral("*.pyc"),     QStringLiteral("# comment"),     QStringLiteral("/data/"),
                              QStringLiteral("logs/"),     QStringLiteral("docs/**/*.tmp"), QStringLiteral("!keep.pyc"),
                              QStringLiteral("cache[0-9]") };
    QTest::newRow("glob at any depth") << rules << QStringLiteral("a/b/x.pyc") << false << true;
    QTest::newRow("negation") << rules << QStringLiteral("a/keep.pyc") << false << false;
    QTest::newRow("anchored dir") << rules << QStringLiteral("data") << true << true;
    QTest::newRow("anchored dir not nested") << rules << QStringLiteral("src/data") << true << false;
    QTest::newRow("dir only rule on file") << rules << QStringLiteral("logs") << false << false;
    QTest::newRow("dir only rule on dir") << rules << QStringLiteral("x/logs") << true << true;
    QTest::newRow("double star") << rules << QStringLiteral("docs/a/b/c.tmp") << false << true;
    QTest::newRow("double star zero dirs") << rules << QStringLiteral("docs/c.tmp") << false << true;
    QTest::newRow("set") << rules << QStringLiteral("cache7") << false << true;
    QTest::newRow("plain file") << rules << QStringLiteral("train.py") << false << false;
}

void TestIgnoreRules::patterns()
{
    QFETCH(QStringList, rules);
    QFETCH(QString, path);
    QFETCH(bool, isDir);
    QFETCH(bool, ignored);
    IgnoreRules r;
    r.addPatterns(rules);
    QCOMPARE(r.isIgnored(path, isDir), ignored);
}

void TestIgnoreRules::scopeOfAProject()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    QVERIFY(writeFile(root + QStringLiteral("/train.py"), "print(1)\n"));
    QVERIFY(writeFile(root + QStringLiteral("/lib/util.py"), "x = 1\n"));
    QVERIFY(writeFile(root + QStringLiteral("/lib/.gitignore"), "*.bin\n"));
    QVERIFY(writeFile(root + QStringLiteral("/lib/weights.bin"), "0000"));
    QVERIFY(writeFile(root + QStringLiteral("/weights.bin"), "0000")); // nested rule does not reach up
    QVERIFY(writeFile(root + QStringLiteral("/.gitignore"), "scratch/\n"));
    QVERIFY(writeFile(root + QStringLiteral("/scratch/a.txt"), "a"));
    QVERIFY(writeFile(root + QStringLiteral("/.runbenchignore"), "*.csv\n"));
    QVERIFY(writeFile(root + QStringLiteral("/big.csv"), "1,2\n"));
    QVERIFY(writeFile(root + QStringLiteral("/outputs/old.png"), "png"));
    QVERIFY(writeFile(root + QStringLiteral("/.git/HEAD"), "ref"));
    QVERIFY(writeFile(root + QStringLiteral("/.runbench/project.ini"),
                      "[snapshot]\nmax_file_size_mb=0.001\nignore=notes.md\n"));
    QVERIFY(writeFile(root + QStringLiteral("/notes.md"), "n"));
    QVERIFY(writeFile(root + QStringLiteral("/huge.dat"), QByteArray(5000, 'x')));

    const ProjectScope scope = ProjectScope::collect(Project(root));
    QCOMPARE(scope.files,
             (QStringList { QStringLiteral(".gitignore"), QStringLiteral(".runbenchignore"),
                            QStringLiteral("lib/.gitignore"), QStringLiteral("lib/util.py"), QStringLiteral("train.py"),
                            QStringLiteral("weights.bin") }));
    QCOMPARE(scope.oversized, QStringList { QStringLiteral("huge.dat") });
}

QTEST_GUILESS_MAIN(TestIgnoreRules)
#include "tst_ignorerules.moc"

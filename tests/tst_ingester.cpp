#include "metricsingester.h"
#include "runstore.h"
#include "testutil.h"

#include <QtTest>

#include <cmath>

class TestIngester : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyValueType();
    void malformedLinesAreSkippedAndCounted();
    void lineCutMidWriteIsCompletedOnTheNextRead();
    void finalPollTakesAnUnterminatedLine();
    void resumesAtTheOffsetAfterACrash();
    void overlongLineIsSkippedWithoutStoppingIngest();
    void truncatedFileIsAnError();
    void gigabyteFileIsReadInBoundedMemory();
    void nestedRunsStepsAndKinds();

private:
    void append(const QByteArray &bytes);
    qint64 count(const QString &key) { return m_store->summaries(m_run).value(key).count; }

    QTemporaryDir m_dir;
    std::unique_ptr<RunStore> m_store;
    qint64 m_run = 0;
    QString m_file;
};

void TestIngester::init()
{
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    m_store = std::make_unique<RunStore>();
    QVERIFY(m_store->open(m_dir.path() + QLatin1Char('/') + name + QStringLiteral(".sqlite")));
    QVERIFY(m_store->useProject(QStringLiteral("P"), QStringLiteral("/p")));
    m_run = m_store->createRun(QStringLiteral("P"), QStringLiteral("a.py"), {}, {}, {})->id;
    m_file = m_dir.path() + QLatin1Char('/') + name + QStringLiteral(".jsonl");
}

void TestIngester::cleanup() { m_store.reset(); }

void TestIngester::append(const QByteArray &bytes)
{
    QFile f(m_file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Append));
    f.write(bytes);
}

void TestIngester::everyValueType()
{
    append("{\"name\": \"Accuracy\", \"value\": 0.97, \"time\": 1504832287.5}\n"
           "{\"name\": \"epochs\", \"value\": 12}\n"
           "{\"name\": \"converged\", \"value\": true}\n"
           "{\"name\": \"optimizer\", \"value\": \"lbfgs\"}\n"
           "{\"name\": \"all values\", \"value\": [5, 6, 7]}\n"
           "{\"name\": \"loss\", \"value\": NaN}\n"
           "{\"name\": \"loss\", \"value\": Infinity}\n"
           "\n"
           "{\"name\": \"Accuracy\", \"value\": 0.98}\r\n");
    MetricsIngester ingester(m_store.get(), m_run, m_file);
    QVERIFY2(ingester.poll(), qPrintable(ingester.lastError()));
    QCOMPARE(ingester.storedRecords(), 8);
    QCOMPARE(ingester.skippedLines(), 0);
    const auto s = m_store->summaries(m_run);
    QCOMPARE(s.value(QStringLiteral("Accuracy")).count, 2);
    QCOMPARE(s.value(QStringLiteral("Accuracy")).last, 0.98);
    QCOMPARE(s.value(QStringLiteral("epochs")).lastValue(), QVariant(12.0));
    QCOMPARE(s.value(QStringLiteral("converged")).lastValue(), QVariant(true));
    QCOMPARE(s.value(QStringLiteral("optimizer")).lastValue(), QVariant(QStringLiteral("lbfgs")));
    QCOMPARE(s.value(QStringLiteral("all values")).count, 3);
    QVERIFY(std::isinf(s.value(QStringLiteral("loss")).last));
    QCOMPARE(s.value(QStringLiteral("loss")).finiteCount, 0);
    QCOMPARE(m_store->series(m_run, QStringLiteral("Accuracy")).first().time, 1504832287.5);
    QCOMPARE(m_store->run(m_run)->metricsOffset, QFileInfo(m_file).size());
}

void TestIngester::malformedLinesAreSkippedAndCounted()
{
    append("{\"name\": \"a\", \"value\": 1}\n"
           "this is not json\n"
           "{\"name\": \"a\", \"value\": {\"nested\": 1}}\n"
           "{\"name\": \"a\", \"value\": 2}\n");
    MetricsIngester ingester(m_store.get(), m_run, m_file);
    QVERIFY(ingester.poll());
    QCOMPARE(count(QStringLiteral("a")), 2);
    QCOMPARE(ingester.skippedLines(), 2);
    const auto run = m_store->run(m_run);
    QCOMPARE(run->skippedLines, 2);
    QVERIFY(!run->lastSkipReason.isEmpty());
}

void TestIngester::lineCutMidWriteIsCompletedOnTheNextRead()
{
    append("{\"name\": \"a\", \"value\": 1}\n{\"name\": \"a\", \"va");
    MetricsIngester ingester(m_store.get(), m_run, m_file);
    QVERIFY(ingester.poll());
    QCOMPARE(count(QStringLiteral("a")), 1);
    QCOMPARE(ingester.skippedLines(), 0);
    append("lue\": 2}\n");
    QVERIFY(ingester.poll());
    QCOMPARE(count(QStringLiteral("a")), 2);
    QCOMPARE(m_store->series(m_run, QStringLiteral("a")).last().value, 2.0);
    QCOMPARE(ingester.skippedLines(), 0);
}

void TestIngester::finalPollTakesAnUnterminatedLine()
{
    append("{\"name\": \"a\", \"value\": 1}");
    MetricsIngester ingester(m_store.get(), m_run, m_file);
    QVERIFY(ingester.poll());
    QCOMPARE(count(QStringLiteral("a")), 0);
    QVERIFY(ingester.poll(true));
    QCOMPARE(count(QStringLiteral("a")), 1);
    QVERIFY(ingester.poll(true)); // nothing new: nothing twice
    QCOMPARE(count(QStringLiteral("a")), 1);
}

void TestIngester::resumesAtTheOffsetAfterACrash()
{
    QByteArray first;
    for (int i = 0; i < 1000; ++i)
        first += "{\"name\": \"loss\", \"value\": " + QByteArray::number(i) + "}\n";
    append(first);
    {
        MetricsIngester ingester(m_store.get(), m_run, m_file);
        QVERIFY(ingester.poll());
    } // the owning process dies here
    QByteArray second;
    for (int i = 1000; i < 1500; ++i)
        second += "{\"name\": \"loss\", \"value\": " + QByteArray::number(i) + "}\n";
    append(second + "{\"name\": \"loss\", \"val");
    // a new process opens the store afresh and resumes
    m_store = std::make_unique<RunStore>();
    QVERIFY(m_store->open(m_dir.path() + QStringLiteral("/resumesAtTheOffsetAfterACrash.sqlite")));
    MetricsIngester resumed(m_store.get(), m_run, m_file);
    QVERIFY(resumed.poll());
    append("ue\": 1500}\n");
    QVERIFY(resumed.poll(true));
    const QVector<MetricPoint> series = m_store->series(m_run, QStringLiteral("loss"));
    QCOMPARE(series.size(), 1501);
    for (int i = 0; i < series.size(); ++i) {
        QCOMPARE(series.at(i).step, i);
        QCOMPARE(series.at(i).value, double(i));
    }
}

void TestIngester::overlongLineIsSkippedWithoutStoppingIngest()
{
    append("{\"name\": \"a\", \"value\": 1}\n{\"name\": \"" + QByteArray(MetricsIngester::MaxLineBytes + 10, 'x')
           + "\", \"value\": 1}\n{\"name\": \"a\", \"value\": 2}\n");
    MetricsIngester ingester(m_store.get(), m_run, m_file);
    QVERIFY(ingester.poll());
    QCOMPARE(count(QStringLiteral("a")), 2);
    QCOMPARE(ingester.skippedLines(), 1);
    QCOMPARE(ingester.offset(), QFileInfo(m_file).size());
}

void TestIngester::truncatedFileIsAnError()
{
    append("{\"name\": \"a\", \"value\": 1}\n{\"name\": \"a\", \"value\": 2}\n");
    MetricsIngester ingester(m_store.get(), m_run, m_file);
    QVERIFY(ingester.poll());
    QVERIFY(writeFile(m_file, "{}\n"));
    QVERIFY(!ingester.poll());
    QVERIFY(ingester.lastError().contains(QStringLiteral("shorter")));
    QCOMPARE(count(QStringLiteral("a")), 2); // what was stored stays
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RUNBENCH_ASAN 1
#endif
#endif

namespace {
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}
} // namespace

// A 1 GB metrics file (one gigabyte-long garbage line, left as a hole on
// disk, between two good lines): read in pieces, the garbage skipped and
// counted, the lines around it stored, and memory stays small.
void TestIngester::gigabyteFileIsReadInBoundedMemory()
{
    append("{\"name\": \"before\", \"value\": 1}\n");
    {
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() + (qint64(1) << 30)));
    }
    append("\n{\"name\": \"after\", \"value\": 2}\n");
    QVERIFY(QFileInfo(m_file).size() > (qint64(1) << 30));
    const qint64 before = residentKiB();
    MetricsIngester ingester(m_store.get(), m_run, m_file);
    QVERIFY2(ingester.poll(false), qPrintable(ingester.lastError()));
    const qint64 grown = residentKiB() - before;
    QCOMPARE(count(QStringLiteral("before")), 1);
    QCOMPARE(count(QStringLiteral("after")), 1);
    QCOMPARE(ingester.skippedLines(), 1);
#if defined(__SANITIZE_ADDRESS__) || defined(RUNBENCH_ASAN)
    const qint64 bound = 320 * 1024; // AddressSanitizer holds up to 256 MB of freed memory in quarantine
#else
    const qint64 bound = 64 * 1024;
#endif
    QVERIFY2(grown < bound, qPrintable(QStringLiteral("resident memory grew by %1 KiB").arg(grown)));
}

// Lines naming a nested run create it once (also when a second ingester
// reads the same lines again after a crash) and go to it; its events end it.
void TestIngester::nestedRunsStepsAndKinds()
{
    append("{\"name\": \"lr\", \"value\": 0.1, \"kind\": \"param\", \"step\": 0}\n"
           "{\"run\": \"a\", \"status\": \"Running\", \"name\": \"fold A\"}\n"
           "{\"name\": \"loss\", \"value\": 0.5, \"run\": \"a\", \"step\": 4}\n"
           "{\"name\": \"loss\", \"value\": 0.9, \"run\": \"a\", \"step\": 1}\n"
           "{\"name\": \"MlflowRunId\", \"value\": \"a\", \"kind\": \"property\", \"run\": \"a\"}\n"
           "{\"name\": \"loss\", \"value\": 0.7, \"run\": \"b\"}\n"
           "{\"run\": \"a\", \"status\": \"FAILED\", \"time\": 1700000000.5}\n"
           "{\"name\": \"loss\", \"value\": 0.3}\n");
    const RunRecord parent = *m_store->run(m_run);
    {
        MetricsIngester ingester(m_store.get(), m_run, m_file);
        QVERIFY2(ingester.poll(), qPrintable(ingester.lastError()));
    }
    QVector<RunRecord> children = m_store->childRuns(parent.runId);
    QCOMPARE(children.size(), 2);
    const RunRecord a = children.at(0);
    QCOMPARE(a.nestedKey, QStringLiteral("a"));
    QCOMPARE(a.name, QStringLiteral("fold A"));
    QCOMPARE(a.status, RunStatus::Failed);
    QCOMPARE(a.endUs, 1700000000500000LL);
    QCOMPARE(children.at(1).nestedKey, QStringLiteral("b")); // created by its first value
    QCOMPARE(children.at(1).status, RunStatus::Running);
    const QVector<MetricPoint> loss = m_store->series(a.id, QStringLiteral("loss"));
    QCOMPARE(loss.size(), 2);
    QCOMPARE(loss.at(0).step, 1);
    QCOMPARE(loss.at(1).value, 0.5);
    QCOMPARE(m_store->properties(a.id).value(QStringLiteral("MlflowRunId")), QStringLiteral("a"));
    QCOMPARE(m_store->summaries(m_run).value(QStringLiteral("loss")).last, 0.3); // the parent's own
    QCOMPARE(int(m_store->summaries(m_run).value(QStringLiteral("lr")).role), int(ValueRole::Param));
    QVERIFY(!m_store->summaries(m_run).contains(QStringLiteral("MlflowRunId")));

    // another ingester (the owner came back) resumes at the stored offset and
    // finds the same nested runs by their names
    append("{\"name\": \"loss\", \"value\": 0.2, \"run\": \"b\"}\n");
    {
        MetricsIngester again(m_store.get(), m_run, m_file);
        QVERIFY2(again.poll(), qPrintable(again.lastError()));
        QCOMPARE(again.storedRecords(), 1);
    }
    children = m_store->childRuns(parent.runId);
    QCOMPARE(children.size(), 2);
    QCOMPARE(m_store->series(a.id, QStringLiteral("loss")).size(), 2);
    QCOMPARE(m_store->series(children.at(1).id, QStringLiteral("loss")).size(), 2);
    QCOMPARE(m_store->summaries(children.at(1).id).value(QStringLiteral("loss")).last, 0.2);
    // the parent's end ends the one left open
    QVERIFY(m_store->setRunFinished(m_run, RunStatus::Completed, 0, 1700000001000000LL, QString()));
    QCOMPARE(m_store->run(children.at(1).id)->status, RunStatus::Completed);
    QCOMPARE(m_store->run(a.id)->status, RunStatus::Failed);
}

QTEST_GUILESS_MAIN(TestIngester)
#include "tst_ingester.moc"

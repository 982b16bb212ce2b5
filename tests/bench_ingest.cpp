// Benchmark: metric points ingested per second from one metrics file,
// next to the sqlite3 command-line shell inserting the same rows into the
// same schema in one transaction, measured in the same run. Also the Python
// client's cost per log() call. Prints figures; passes or fails nothing.
//
//   bench_ingest [POINTS]        (default 1,000,000)
#include "metricsingester.h"
#include "runstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

namespace {

const char *const kKeys[] = { "loss", "accuracy", "learning rate", "val loss", "val accuracy" };
constexpr int kKeyCount = 5;

double seconds(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e9; }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 points = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    QTemporaryDir dir;
    const QString metrics = dir.filePath(QStringLiteral("metrics.jsonl"));
    const QString sql = dir.filePath(QStringLiteral("baseline.sql"));

    // The same rows twice: as the client writes them, and as SQL for the shell.
    {
        QFile m(metrics);
        QFile s(sql);
        if (!m.open(QIODevice::WriteOnly) || !s.open(QIODevice::WriteOnly))
            return 1;
        s.write("PRAGMA synchronous=NORMAL;\nBEGIN;\n");
        for (int k = 0; k < kKeyCount; ++k)
            s.write("INSERT INTO metric_keys (id, name) VALUES (" + QByteArray::number(k + 1) + ", '" + kKeys[k]
                    + "');\n");
        for (qint64 i = 0; i < points; ++i) {
            const int k = int(i % kKeyCount);
            const QByteArray value = QByteArray::number(1.0 / double(i + 1), 'g', 17);
            const QByteArray time = QByteArray::number(1700000000.0 + double(i) / 1000.0, 'f', 3);
            m.write("{\"name\": \"" + QByteArray(kKeys[k]) + "\", \"value\": " + value + ", \"time\": " + time + "}\n");
            s.write("INSERT INTO metrics (run, key, step, num, txt, time) VALUES (1, " + QByteArray::number(k + 1)
                    + ", " + QByteArray::number(i / kKeyCount) + ", " + value + ", NULL, " + time + ");\n");
        }
        s.write("COMMIT;\n");
    }

    auto freshStore = [&](const QString &name, RunStore *store) {
        if (!store->open(dir.filePath(name)) || !store->useProject(QStringLiteral("Bench"), dir.path()))
            return qint64(0);
        return store->createRun(QStringLiteral("Bench"), QStringLiteral("bench.py"), {}, {}, {})->id;
    };

    // Runbench: parse every line, store points, summaries and the offset.
    double ours = 0;
    {
        RunStore store;
        const qint64 run = freshStore(QStringLiteral("ours.sqlite"), &store);
        MetricsIngester ingester(&store, run, metrics);
        QElapsedTimer t;
        t.start();
        if (!ingester.poll(true)) {
            std::fprintf(stderr, "ingest failed: %s\n", qPrintable(ingester.lastError()));
            return 1;
        }
        ours = seconds(t);
        if (ingester.storedRecords() != points) {
            std::fprintf(stderr, "stored %lld of %lld points\n", ingester.storedRecords(), points);
            return 1;
        }
    }

    // Baseline: the sqlite3 shell, same schema, one transaction.
    double baseline = -1;
    const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (!shell.isEmpty()) {
        {
            RunStore store;
            freshStore(QStringLiteral("baseline.sqlite"), &store);
        }
        QProcess p;
        p.setStandardInputFile(sql);
        QElapsedTimer t;
        t.start();
        p.start(shell, { dir.filePath(QStringLiteral("baseline.sqlite")) });
        p.waitForFinished(-1);
        baseline = seconds(t);
        if (p.exitCode() != 0)
            std::fprintf(stderr, "sqlite3: %s\n", p.readAllStandardError().constData());
    }

    std::printf("metric points: %lld\n", points);
    std::printf("runbench ingest: %8.3f s  %10.0f points/s\n", ours, double(points) / ours);
    if (baseline > 0) {
        std::printf("sqlite3 shell:   %8.3f s  %10.0f points/s  (same rows, one transaction)\n", baseline,
                    double(points) / baseline);
        std::printf("ratio runbench/sqlite3 throughput: %.2f (target >= 0.5)\n", baseline / ours);
    } else {
        std::printf("sqlite3 shell not found: no baseline\n");
    }

    // The Python client: cost of one log() call (flushes each line, no fsync).
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (!python.isEmpty()) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(RUNBENCH_SOURCE_DIR "/resources/python"));
        env.insert(QStringLiteral("RUNBENCH_METRICS_FILE"), dir.filePath(QStringLiteral("client.jsonl")));
        p.setProcessEnvironment(env);
        p.start(python,
                { QStringLiteral("-c"),
                  QStringLiteral("import timeit\n"
                                 "from runbench import get_logger\n"
                                 "log = get_logger()\n"
                                 "n = 200000\n"
                                 "best = min(timeit.repeat(lambda: log.log('loss', 0.123), number=n, repeat=3))\n"
                                 "print('%.2f' % (best / n * 1e6))\n") });
        p.waitForFinished(-1);
        std::printf("python client log(): %s us per call (target < 20 us)\n",
                    p.readAllStandardOutput().trimmed().constData());
    }
    return 0;
}

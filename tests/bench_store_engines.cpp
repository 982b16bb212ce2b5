// Benchmark: the run store on SQLite and on a PostgreSQL server, side by
// side in the same run: metric points ingested per second (the real ingest
// path, from a metrics file) and the time to load a 100,000-run history the
// way the dashboard does (pages of runs and their summaries). The server is
// a throw-away one on a Unix socket (tests/pgserver.h). Prints figures;
// passes or fails nothing.
//
//   bench_store_engines [POINTS] [RUNS]      (default 200,000 and 100,000)
#include "metricsingester.h"
#include "pgserver.h"
#include "runstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>

namespace {

double seconds(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e9; }

struct Figures
{
    double pointsPerSecond = 0;
    double loadSeconds = 0;
    int runsLoaded = 0;
};

// A raw connection to the store's database, for seeding many runs at once.
QSqlDatabase rawConnection(const QString &location)
{
    QSqlDatabase db;
    if (RunStore::isServerLocation(location)) {
        const QUrl url(location);
        const QUrlQuery query(url);
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("seed"));
        db.setHostName(query.queryItemValue(QStringLiteral("host")));
        db.setPort(query.queryItemValue(QStringLiteral("port")).toInt());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seed"));
        db.setDatabaseName(location);
    }
    return db;
}

bool measure(const QString &location, const QString &metricsFile, qint64 points, int runs, Figures *out)
{
    {
        RunStore store;
        if (!store.open(location) || !store.useProject(QStringLiteral("Bench"), QStringLiteral("/bench"))) {
            std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
            return false;
        }
        const auto run = store.createRun(QStringLiteral("Bench"), QStringLiteral("train.py"), {}, {}, {});
        MetricsIngester ingester(&store, run->id, metricsFile);
        QElapsedTimer t;
        t.start();
        if (!ingester.poll(true)) {
            std::fprintf(stderr, "%s\n", qPrintable(ingester.lastError()));
            return false;
        }
        out->pointsPerSecond = double(points) / seconds(t);

        // The history grows to `runs` runs with five values each.
        const bool server = RunStore::isServerLocation(location);
        QSqlDatabase db = rawConnection(location);
        if (!db.open())
            return false;
        const QString numbers = server ? QStringLiteral("generate_series(1, %1) AS g(x)").arg(runs)
                                       : QStringLiteral("(WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                                                        "FROM s WHERE x < %1) SELECT x FROM s) AS g")
                                             .arg(runs);
        QSqlQuery q(db);
        const QStringList seed {
            QStringLiteral("INSERT INTO metric_keys (name) VALUES ('loss'), ('accuracy'), ('lr'), ('epochs'), "
                           "('val loss') ON CONFLICT (name) DO NOTHING"),
            QStringLiteral("INSERT INTO runs (project_id, run_id, run_number, script, status, created_us, start_us, "
                           "end_us) SELECT %1, 'Bench_' || g.x, g.x + 1, 'train.py', 'Completed', g.x, g.x, "
                           "g.x + 1000000 FROM %2")
                .arg(store.projectId())
                .arg(numbers),
            QStringLiteral("INSERT INTO run_metrics (run, key, kind, count, last_num, min_num, max_num, sum_num, "
                           "finite_count) SELECT r.id, k.id, 'number', 1, (r.id %% 97) / 97.0, 0, 1, 0.5, 1 "
                           "FROM runs r CROSS JOIN metric_keys k WHERE r.project_id = %1 AND k.name IN ('loss', "
                           "'accuracy', 'lr', 'epochs', 'val loss') ON CONFLICT (run, key) DO NOTHING")
                .arg(store.projectId()),
        };
        for (const QString &statement : seed) {
            if (!q.exec(QString(statement).replace(QStringLiteral("%%"), QStringLiteral("%")))) {
                std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
                return false;
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("seed"));

    // What the dashboard's loader does: pages of runs, then their summaries.
    RunStore store;
    if (!store.open(location) || !store.useProject(QStringLiteral("Bench"), QStringLiteral("/bench")))
        return false;
    QElapsedTimer t;
    t.start();
    qint64 after = 0;
    bool first = true;
    for (;;) {
        const QVector<RunRecord> page = store.runsPage(after, first ? 5000 : 25000);
        first = false;
        if (page.isEmpty())
            break;
        const auto sums = store.summariesBetween(page.first().id, page.last().id);
        out->runsLoaded += int(page.size());
        after = page.last().id;
        if (sums.isEmpty())
            return false;
    }
    out->loadSeconds = seconds(t);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 points = argc > 1 ? QByteArray(argv[1]).toLongLong() : 200000;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 100000;
    QTemporaryDir dir;
    const QString metrics = dir.filePath(QStringLiteral("metrics.jsonl"));
    {
        QFile m(metrics);
        if (!m.open(QIODevice::WriteOnly))
            return 1;
        const char *const keys[] = { "loss", "accuracy", "lr", "epochs", "val loss" };
        for (qint64 i = 0; i < points; ++i)
            m.write(QStringLiteral("{\"name\": \"%1\", \"value\": %2}\n")
                        .arg(QLatin1String(keys[i % 5]))
                        .arg(1.0 / double(i + 1), 0, 'g', 17)
                        .toUtf8());
    }
    PgServer server;
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "bench_store_engines: %s\n", qPrintable(error));
        return 1;
    }
    const QString url = server.createDatabase(QStringLiteral("bench"), &error);
    Figures sqlite;
    Figures postgres;
    if (url.isEmpty() || !measure(dir.filePath(QStringLiteral("history.sqlite")), metrics, points, runs, &sqlite)
        || !measure(url, metrics, points, runs, &postgres)) {
        std::fprintf(stderr, "bench_store_engines: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%-28s %14s %14s %8s\n", "", "SQLite", "PostgreSQL", "ratio");
    std::printf("%-28s %14.0f %14.0f %8.2f\n", "ingest, points/s", sqlite.pointsPerSecond, postgres.pointsPerSecond,
                postgres.pointsPerSecond / sqlite.pointsPerSecond);
    std::printf("%-28s %14.0f %14.0f %8.2f\n", "load 100,000 runs, ms", sqlite.loadSeconds * 1000,
                postgres.loadSeconds * 1000, postgres.loadSeconds / sqlite.loadSeconds);
    std::printf("(%lld points; %d and %d runs loaded, five values each)\n", points, sqlite.runsLoaded,
                postgres.runsLoaded);
    return 0;
}

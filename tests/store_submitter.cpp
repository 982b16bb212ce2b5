// Test helper for the tests of concurrent writers:
//   store_submitter DB ROOT COUNT           creates COUNT runs in the store at DB
//   store_submitter DB ROOT COUNT POINTS    each of them also logs POINTS points,
//                                           in bursts ingested as they come
// (DB: a SQLite file or a PostgreSQL URL; ROOT: the project's path). Exit 0
// when every run and point was stored.
#include "metricsingester.h"
#include "runstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

namespace {

int failWith(const QString &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(error));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4 && args.size() != 5)
        return 2;
    RunStore store;
    if (!store.open(args.at(1)) || !store.useProject(QStringLiteral("Concurrent"), args.at(2)))
        return failWith(store.lastError());
    const int count = args.at(3).toInt();
    const int points = args.value(4).toInt();
    QTemporaryDir dir;
    for (int i = 0; i < count; ++i) {
        const auto run = store.createRun(QStringLiteral("Concurrent"), QStringLiteral("train.py"),
                                         { QString::number(i) }, QStringLiteral("test"), QStringLiteral("host"));
        if (!run)
            return failWith(store.lastError());
        if (points <= 0)
            continue;
        // A script logging as it goes: a burst of lines, then the owner's poll.
        const QString path = dir.filePath(QStringLiteral("metrics-%1.jsonl").arg(i));
        QFile metrics(path);
        if (!metrics.open(QIODevice::WriteOnly | QIODevice::Append))
            return failWith(metrics.errorString());
        MetricsIngester ingester(&store, run->id, path);
        const int bursts = 20;
        for (int b = 0; b < bursts; ++b) {
            QByteArray lines;
            for (int p = b * points / bursts; p < (b + 1) * points / bursts; ++p)
                lines += "{\"name\": \"loss\", \"value\": " + QByteArray::number(1.0 / (p + 1), 'g', 17) + "}\n";
            metrics.write(lines);
            metrics.flush();
            if (!ingester.poll(false))
                return failWith(ingester.lastError());
        }
        if (!ingester.poll(true))
            return failWith(ingester.lastError());
        if (ingester.storedRecords() != points)
            return failWith(QStringLiteral("stored %1 of %2 points").arg(ingester.storedRecords()).arg(points));
    }
    return 0;
}

// Test helper: store_submitter DB ROOT COUNT — creates COUNT runs in the
// store at DB, for the tests of concurrent writers. Exit 0 when all were made.
#include "runstore.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    RunStore store;
    if (!store.open(args.at(1)) || !store.useProject(QStringLiteral("Concurrent"), args.at(2))) {
        std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
        return 1;
    }
    const int count = args.at(3).toInt();
    for (int i = 0; i < count; ++i) {
        if (!store.createRun(QStringLiteral("Concurrent"), QStringLiteral("train.py"), { QString::number(i) },
                             QStringLiteral("test"), QStringLiteral("host"))) {
            std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
            return 1;
        }
    }
    return 0;
}

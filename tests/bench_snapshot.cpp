// Benchmark: snapshot cost against project size. Builds a project of FILES
// files (default 5,000, about 200 MB in all), snapshots it cold, changes one
// file and snapshots again; in the same run, `git add -A && git write-tree`
// on a copy of the same tree, cold and after the same change. Prints figures.
//
//   bench_snapshot [FILES] [TOTAL_MB]
#include "benchutil.h"
#include "project.h"
#include "snapshotstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

namespace {

bool makeProject(const QString &root, int files, qint64 totalBytes)
{
    QRandomGenerator rng(42);
    const qint64 perFile = totalBytes / files;
    for (int i = 0; i < files; ++i) {
        const QString dir = root + QStringLiteral("/pkg%1/sub%2").arg(i % 50).arg(i % 7);
        QDir().mkpath(dir);
        QFile f(dir + QStringLiteral("/file%1.py").arg(i));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        QByteArray content;
        content.reserve(int(perFile));
        while (content.size() < perFile)
            content += "value_" + QByteArray::number(rng.generate()) + " = " + QByteArray::number(rng.generateDouble())
                + '\n';
        f.write(content);
    }
    return true;
}

double git(const QString &dir, const QString &gitPath)
{
    QElapsedTimer t;
    t.start();
    QProcess add;
    add.setWorkingDirectory(dir);
    add.start(gitPath, { QStringLiteral("add"), QStringLiteral("-A") });
    add.waitForFinished(-1);
    QProcess tree;
    tree.setWorkingDirectory(dir);
    tree.start(gitPath, { QStringLiteral("write-tree") });
    tree.waitForFinished(-1);
    return add.exitCode() == 0 && tree.exitCode() == 0 ? ms(t) : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int files = argc > 1 ? QByteArray(argv[1]).toInt() : 5000;
    const qint64 totalBytes = (argc > 2 ? QByteArray(argv[2]).toLongLong() : 200) * 1024 * 1024;
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("project"));
    const QString copy = dir.filePath(QStringLiteral("copy"));
    std::printf("building a project of %d files, %lld MB...\n", files, totalBytes >> 20);
    if (!makeProject(root, files, totalBytes) || !makeProject(copy, files, totalBytes))
        return 1;
    QDir().mkpath(root + QStringLiteral("/.runbench"));
    const QString changed = QStringLiteral("/pkg3/sub3/file3.py");

    SnapshotStore store { Project(root) };
    if (!store.open())
        return 1;
    QElapsedTimer t;
    t.start();
    auto cold = store.snapshot(QStringLiteral("bench_1"), QStringLiteral("cold"));
    const double coldMs = ms(t);
    for (const QString &base : { root, copy }) {
        QFile f(base + changed);
        f.open(QIODevice::Append);
        f.write("changed = True\n");
    }
    t.start();
    auto warm = store.snapshot(QStringLiteral("bench_2"), QStringLiteral("warm"));
    const double warmMs = ms(t);
    if (!cold || !warm) {
        std::fprintf(stderr, "snapshot failed: %s\n", qPrintable(store.errorString()));
        return 1;
    }

    std::printf("runbench snapshot, cold:          %9.1f ms\n", coldMs);
    std::printf("runbench snapshot, one change:    %9.1f ms  (%.1f%% of cold, target < 10%%)\n", warmMs,
                100.0 * warmMs / coldMs);

    const QString gitPath = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (gitPath.isEmpty()) {
        std::printf("git not found: no baseline\n");
        return 0;
    }
    // the copy had the same change already; undo it for the cold baseline
    {
        QFile f(copy + changed);
        f.open(QIODevice::ReadWrite);
        QByteArray content = f.readAll();
        content.chop(int(qstrlen("changed = True\n")));
        f.resize(0);
        f.write(content);
    }
    QProcess init;
    init.setWorkingDirectory(copy);
    init.start(gitPath, { QStringLiteral("init"), QStringLiteral("-q") });
    init.waitForFinished(-1);
    const double gitCold = git(copy, gitPath);
    {
        QFile f(copy + changed);
        f.open(QIODevice::Append);
        f.write("changed = True\n");
    }
    const double gitWarm = git(copy, gitPath);
    std::printf("git add -A && git write-tree, cold:       %9.1f ms\n", gitCold);
    std::printf("git add -A && git write-tree, one change: %9.1f ms\n", gitWarm);
    std::printf("ratio runbench/git, one change: %.2f (target <= 1)\n", warmMs / gitWarm);
    return 0;
}

// Benchmark: a sweep of RUNS children of a trivial script, 4 at a time,
// next to RUNS plain `runbench run` calls in a shell loop, in the same run
// on the same project. Prints runs per second; passes or fails nothing.
//
//   bench_sweep [RUNS]        (default 1,000)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace {

bool write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Seconds the command took, or -1 when it failed.
double timed(const QString &dir, const QString &program, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return -1;
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("project"));
    write(root + QStringLiteral("/.runbench/project.ini"),
          "[project]\nname=Bench\nmax_parallel_runs=4\n[interpreters]\nsh=sh\n");
    write(root + QStringLiteral("/trivial.sh"),
          "echo \"{\\\"name\\\": \\\"x\\\", \\\"value\\\": $1}\" >> \"$RUNBENCH_METRICS_FILE\"\n");
    const QString runbench = QStringLiteral(RUNBENCH_BINARY);

    // the plain loop first: the sweep then finds the same history size
    const double loop
        = timed(root, QStringLiteral("bash"),
                { QStringLiteral("-c"),
                  QStringLiteral("for i in $(seq 1 %1); do \"%2\" run -q trivial.sh $i >/dev/null || exit 1; done")
                      .arg(runs)
                      .arg(runbench) });
    const double sweep
        = timed(root, runbench,
                { QStringLiteral("sweep"), QStringLiteral("-q"), QStringLiteral("--parallel"), QStringLiteral("4"),
                  QStringLiteral("trivial.sh"), QStringLiteral("{1..%1}").arg(runs) });
    if (loop < 0 || sweep < 0) {
        std::fprintf(stderr, "a command failed\n");
        return 1;
    }
    std::printf("%d runs of a trivial script:\n", runs);
    std::printf("  runbench run, one after another (shell loop):  %8.1f s  (%.1f runs/s)\n", loop, runs / loop);
    std::printf("  runbench sweep --parallel 4:                   %8.1f s  (%.1f runs/s)\n", sweep, runs / sweep);
    std::printf("  ratio sweep/loop throughput: %.2f\n", loop / sweep);
    return 0;
}

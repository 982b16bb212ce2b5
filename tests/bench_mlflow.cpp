// Benchmark: MLflow's tracking calls through Runbench's stand-in next to the
// plain client's log() in the same Python process, and the import rate of a
// generated MLflow file store next to reading the same store alone (in the
// same run). Prints figures; passes or fails nothing.
//
//   bench_mlflow [RUNS] [STEPS]        (default 1,000 runs × 1,000 steps)
#include "mlflowimport.h"
#include "mlflowstore.h"
#include "project.h"
#include "runstore.h"

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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;
    const int steps = argc > 2 ? QByteArray(argv[2]).toInt() : 1000;
    QTemporaryDir dir;

    // 1. Calls per second, one Python process, the same metrics file.
    {
        const char *code = R"PY(
import os, time
import mlflow
from runbench import get_logger
N = 100000
log = get_logger()
t = time.perf_counter()
for i in range(N):
    log.log("loss", 1.0 / (i + 1))
plain = time.perf_counter() - t
with mlflow.start_run():
    t = time.perf_counter()
    for i in range(N):
        mlflow.log_metric("loss", 1.0 / (i + 1), step=i)
    shim = time.perf_counter() - t
print("%d %.6f %.6f" % (N, plain, shim))
)PY";
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(RUNBENCH_SOURCE_DIR "/resources/python"));
        env.insert(QStringLiteral("RUNBENCH_METRICS_FILE"), dir.filePath(QStringLiteral("calls.jsonl")));
        env.insert(QStringLiteral("RUNBENCH_MLFLOW_SHIM"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PYTHON3), { QStringLiteral("-c"), QString::fromUtf8(code) });
        if (!p.waitForFinished(600000) || p.exitCode() != 0) {
            std::fprintf(stderr, "python failed: %s\n", p.readAllStandardError().constData());
            return 1;
        }
        const QList<QByteArray> f = p.readAllStandardOutput().trimmed().split(' ');
        const double n = f.value(0).toDouble();
        const double plain = f.value(1).toDouble();
        const double shim = f.value(2).toDouble();
        std::printf("%.0f calls each, one process:\n", n);
        std::printf("  runbench log.log():         %8.0f calls/s  (%.2f us per call)\n", n / plain, plain / n * 1e6);
        std::printf("  mlflow.log_metric (shim):   %8.0f calls/s  (%.2f us per call)\n", n / shim, shim / n * 1e6);
        std::printf("  ratio shim/plain throughput: %.2f\n", plain / shim);
    }

    // 2. A generated store: RUNS runs of one experiment, each with 3
    // parameters, 2 tags and a "loss" of STEPS steps, and one artifact.
    const QString mlruns = dir.filePath(QStringLiteral("mlruns"));
    write(mlruns + QStringLiteral("/0/meta.yaml"), "experiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
    for (int r = 0; r < runs; ++r) {
        const QString id = QStringLiteral("%1").arg(r, 32, 16, QLatin1Char('0'));
        const QString run = mlruns + QStringLiteral("/0/") + id;
        const qint64 start = 1700000000000LL + qint64(r) * 60000;
        write(run + QStringLiteral("/meta.yaml"),
              QStringLiteral("run_id: %1\nrun_name: run-%2\nexperiment_id: '0'\nlifecycle_stage: active\nstatus: 3\n"
                             "start_time: %3\nend_time: %4\nuser_id: bench\n")
                  .arg(id)
                  .arg(r)
                  .arg(start)
                  .arg(start + 50000)
                  .toUtf8());
        write(run + QStringLiteral("/params/lr"), QByteArray::number(0.001 * (r + 1)));
        write(run + QStringLiteral("/params/batch_size"), "64");
        write(run + QStringLiteral("/params/optimizer"), "adam");
        write(run + QStringLiteral("/tags/mlflow.runName"), "run-" + QByteArray::number(r));
        write(run + QStringLiteral("/tags/team"), "bench");
        QByteArray loss;
        loss.reserve(steps * 32);
        for (int s = 0; s < steps; ++s)
            loss += QByteArray::number(start + s) + ' ' + QByteArray::number(1.0 / (s + 1 + r), 'g', 17) + ' '
                + QByteArray::number(s) + '\n';
        write(run + QStringLiteral("/metrics/loss"), loss);
        write(run + QStringLiteral("/artifacts/model.txt"), "weights " + QByteArray::number(r));
    }
    const qint64 points = qint64(runs) * steps;

    QElapsedTimer t;
    t.start();
    const MlflowStore::Contents contents = MlflowStore::read(mlruns);
    const double readMs = double(t.nsecsElapsed()) / 1e6;
    if (!contents.error.isEmpty() || contents.runs.size() != runs) {
        std::fprintf(stderr, "reading the store failed: %s\n", qPrintable(contents.error));
        return 1;
    }

    const QString root = dir.filePath(QStringLiteral("project"));
    QDir().mkpath(root);
    const Project project(root);
    QString error;
    RunStore store;
    if (!project.ensureDataDir(&error) || !store.open(project.historyLocation()) || !store.useProject(project)) {
        std::fprintf(stderr, "store: %s %s\n", qPrintable(error), qPrintable(store.lastError()));
        return 1;
    }
    t.restart();
    const MlflowImport::Result result = MlflowImport::importStore(&store, project, mlruns);
    const double importMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    const MlflowImport::Result again = MlflowImport::importStore(&store, project, mlruns);
    const double againMs = double(t.nsecsElapsed()) / 1e6;
    if (result.imported != runs || again.alreadyImported != runs) {
        std::fprintf(stderr, "import: %d imported, %d again\n", result.imported, again.alreadyImported);
        return 1;
    }
    std::printf("MLflow store of %d runs x %d steps (%lld points, 5 params/tags and 1 file per run):\n", runs, steps,
                points);
    std::printf("  reading the files alone:    %9.1f ms\n", readMs);
    std::printf("  import into the history:    %9.1f ms  (%.0f runs/s, %.0f points/s; %.2fx the read)\n", importMs,
                runs / (importMs / 1000), double(points) / (importMs / 1000), importMs / readMs);
    std::printf("  the same folder again:      %9.1f ms  (nothing added)\n", againMs);
    return 0;
}

// bench_slurm [RUNS]: runs on a throw-away one-node Slurm cluster (2 CPUs,
// tests/slurmcluster.h), next to bare sbatch jobs of the same work in the
// same run. Prints
//  - the time from Run to Running of a tracked run (snapshot, checkout,
//    sbatch, the scheduler starting it), against submitting the same
//    one-line job with a bare sbatch until it leaves PENDING;
//  - the time RUNS (50) small tracked runs take end to end, 2 at a time on
//    the node, against RUNS bare sbatch jobs of the same script.
// Both sides ask the scheduler every 0.2 s. Needs root (slurmd).
#include "jobqueue.h"
#include "project.h"
#include "runjob.h"
#include "runstore.h"
#include "slurmcluster.h"
#include "slurmsettings.h"
#include "testutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace {

const char kScript[] = "import json, os\n"
                       "with open(os.environ.get('RUNBENCH_METRICS_FILE', os.devnull), 'a') as f:\n"
                       "    f.write(json.dumps({'name': 'loss', 'value': 0.5}) + '\\n')\n";

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

QString squeueState(const QString &jobId)
{
    return QString::fromUtf8(SlurmCluster::output(QStringLiteral("squeue"),
                                                  { QStringLiteral("-h"), QStringLiteral("-t"), QStringLiteral("all"),
                                                    QStringLiteral("-j"), jobId, QStringLiteral("-o"),
                                                    QStringLiteral("%T") })
                                 .trimmed());
}

// A bare sbatch of the script, then squeue every 0.2 s until it leaves PENDING.
double bareSubmitToRunning(const QString &dir)
{
    QElapsedTimer clock;
    clock.start();
    const QString jobId = QString::fromUtf8(
        SlurmCluster::output(QStringLiteral("sbatch"),
                             { QStringLiteral("--parsable"), QStringLiteral("--chdir=") + dir,
                               QStringLiteral("--output=/dev/null"), QStringLiteral("--wrap"),
                               QStringLiteral("/usr/bin/python3 ") + dir + QStringLiteral("/train.py") })
            .trimmed());
    while (squeueState(jobId) == QLatin1String("PENDING") || squeueState(jobId).isEmpty())
        QThread::msleep(200);
    return double(clock.nsecsElapsed()) / 1e6;
}

bool waitUntil(const std::function<bool()> &done, int msecs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > msecs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 50;
    const QString unavailable = SlurmCluster::unavailable();
    if (!unavailable.isEmpty()) {
        std::printf("bench_slurm: not run: %s\n", qPrintable(unavailable));
        return 0;
    }
    SlurmCluster cluster;
    QString error;
    if (!cluster.start(&error)) {
        std::fprintf(stderr, "bench_slurm: the cluster did not start: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    const Project project(dir.path() + QStringLiteral("/project"));
    writeFile(project.root() + QStringLiteral("/train.py"), kScript);
    project.ensureDataDir(&error);
    project.setRunTarget(QStringLiteral("slurm"));
    SlurmSettings s;
    s.pollSeconds = 0.2;
    project.setSlurmSettings(s);
    project.setMaxParallelRuns(2);
    QSettings(project.iniPath(), QSettings::IniFormat)
        .setValue(QStringLiteral("interpreters/py"), QStringLiteral("/usr/bin/python3"));

    // Run → Running, five times each, alternating.
    QVector<double> bare, tracked;
    RunStore store;
    if (!store.open(project.databasePath())) {
        std::fprintf(stderr, "bench_slurm: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    for (int i = 0; i < 5; ++i) {
        bare.append(bareSubmitToRunning(project.root()));
        QElapsedTimer clock;
        clock.start();
        RunJob job(project, &store);
        double runningAt = -1;
        QObject::connect(&job, &RunJob::statusChanged, &job, [&](RunStatus status) {
            if (status == RunStatus::Running && runningAt < 0)
                runningAt = double(clock.nsecsElapsed()) / 1e6;
        });
        if (!job.submit(QStringLiteral("train.py"), {})) {
            std::fprintf(stderr, "bench_slurm: %s\n", qPrintable(job.errorString()));
            return 1;
        }
        QSignalSpy finished(&job, &RunJob::finished);
        job.start();
        if (!finished.wait(60000) || runningAt < 0) {
            std::fprintf(stderr, "bench_slurm: a run did not end (%s)\n", qPrintable(job.errorString()));
            return 1;
        }
        tracked.append(runningAt);
    }
    std::printf("Run to Running, median of 5:\n");
    std::printf("  tracked run (snapshot, sbatch, scheduler):  %8.1f ms\n", median(tracked));
    std::printf("  bare sbatch of the same job:                %8.1f ms\n", median(bare));
    std::printf("  ratio tracked/bare: %.2f\n", median(tracked) / median(bare));

    // RUNS small runs end to end, 2 at a time on the node.
    QElapsedTimer clock;
    clock.start();
    QStringList jobIds;
    for (int i = 0; i < runs; ++i)
        jobIds.append(QString::fromUtf8(
            SlurmCluster::output(QStringLiteral("sbatch"),
                                 { QStringLiteral("--parsable"), QStringLiteral("--chdir=") + project.root(),
                                   QStringLiteral("--output=/dev/null"), QStringLiteral("--wrap"),
                                   QStringLiteral("/usr/bin/python3 train.py") })
                .trimmed()));
    waitUntil(
        [&] {
            const QByteArray states = SlurmCluster::output(
                QStringLiteral("squeue"), { QStringLiteral("-h"), QStringLiteral("-t"), QStringLiteral("PD,R,CG"),
                                            QStringLiteral("-j"), jobIds.join(QLatin1Char(',')) });
            return states.trimmed().isEmpty();
        },
        600000);
    const double bareAll = double(clock.nsecsElapsed()) / 1e6;

    JobQueue queue;
    queue.setProject(project);
    int ended = 0, completed = 0;
    QObject::connect(&queue, &JobQueue::jobFinished, &queue, [&](int, const RunRecord &r) {
        ++ended;
        completed += r.status == RunStatus::Completed;
    });
    clock.restart();
    for (int i = 0; i < runs; ++i)
        queue.submit(QStringLiteral("train.py"), {});
    if (!waitUntil([&] { return ended == runs; }, 900000)) {
        std::fprintf(stderr, "bench_slurm: only %d of %d runs ended\n", ended, runs);
        return 1;
    }
    const double trackedAll = double(clock.nsecsElapsed()) / 1e6;
    std::printf("%d small runs end to end, 2 at a time on the node:\n", runs);
    std::printf("  tracked runs:  %8.1f ms  (%d completed, %.0f ms per run)\n", trackedAll, completed,
                trackedAll / runs);
    std::printf("  bare sbatch:   %8.1f ms  (%.0f ms per job)\n", bareAll, bareAll / runs);
    std::printf("  ratio tracked/bare: %.2f\n", trackedAll / bareAll);
    return completed == runs ? 0 : 1;
}

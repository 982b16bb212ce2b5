#include "lostruns.h"

#include "metricsingester.h"
#include "runstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>

int LostRuns::markLost(RunStore *store, const Project &project)
{
    int lost = 0;
    const QString host = QSysInfo::machineHostName();
    const QVector<RunStore::Owner> owners = store->activeRunOwners();
    for (const RunStore::Owner &owner : owners) {
        if (owner.host != host || owner.pid <= 0)
            continue; // another machine's run: only its own host can tell
        const QString started = RunStore::processStartTime(owner.pid);
        if (!started.isEmpty() && started == owner.started)
            continue; // the owner is alive and still tails it
        const auto run = store->run(owner.run);
        if (!run)
            continue;
        MetricsIngester ingester(store, run->id, project.runDir(run->runId) + QStringLiteral("/metrics.jsonl"));
        ingester.poll(true);
        const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
        if (store->setRunFinished(run->id, RunStatus::Lost, -1, now,
                                  QCoreApplication::translate("LostRuns",
                                                              "The program that ran it stopped before the run "
                                                              "ended (it was killed or crashed).")))
            ++lost;
    }
    return lost;
}

#include "lostruns.h"

#include "artifactfiles.h"
#include "metricsingester.h"
#include "regularfile.h"
#include "runjob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

std::optional<RunRecord> LostRuns::claim(RunStore *store, const RunStore::Owner &owner)
{
    auto record = store->run(owner.run);
    if (!record || !store->claimRun(owner))
        return std::nullopt;
    record->status = owner.status; // as stored, also when it read as stale
    record->stale = false;
    return record;
}

LostRuns::Result LostRuns::examine(RunStore *store, const Project &project)
{
    Result result;
    const QString host = Project::hostName();
    const QVector<RunStore::Owner> owners = store->activeRunOwners();
    for (const RunStore::Owner &owner : owners) {
        if (!owner.jobId.isEmpty()) {
            // The scheduler knows the job wherever its owner was; the owner
            // is gone when its process is (here) or it went silent (elsewhere).
            const bool ownerGone = owner.host == host
                ? owner.pid <= 0 || RunStore::processStartTime(owner.pid) != owner.started
                : store->run(owner.run).value_or(RunRecord()).stale;
            if (ownerGone)
                result.cluster.append(owner);
            continue;
        }
        if (owner.host != host || owner.pid <= 0)
            continue; // another machine's run: only its own host can tell
        const QString started = RunStore::processStartTime(owner.pid);
        if (!started.isEmpty() && started == owner.started)
            continue; // the owner is alive and still tails it
        if (owner.status == RunStatus::Running && owner.runPid > 0 && !owner.runStarted.isEmpty()
            && RunStore::processStartTime(owner.runPid) == owner.runStarted) {
            result.alive.append(owner);
            continue;
        }
        const auto run = store->run(owner.run);
        if (!run)
            continue;
        MetricsIngester ingester(store, run->id, project.runDir(run->runId) + QStringLiteral("/metrics.jsonl"));
        const bool ingested = ingester.poll(true);
        const QString workDir = project.workDir(run->runId);
        if (QFileInfo::exists(workDir)) {
            const QVector<ArtifactRecord> artifacts
                = ArtifactFiles::collectOutputs(workDir, project.runDir(run->runId));
            if (store->setArtifacts(run->id, artifacts))
                QDir(workDir).removeRecursively();
        }
        RunJob::Ending ending = RunJob::readEnding(RunJob::statusPath(project, run->runId), run->script);
        const QByteArray recordError = RegularFile::read(RunJob::recordErrorPath(project, run->runId), 64 * 1024);
        if (ending.known && !ingested && !recordError.isEmpty()) {
            ending.status = RunStatus::Failed;
            ending.error = QString::fromUtf8(recordError);
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
        // The launcher wrote its status file when the script ended.
        const qint64 endedAt
            = QFileInfo(RunJob::statusPath(project, run->runId)).lastModified().toMSecsSinceEpoch() * 1000;
        const bool recorded = ending.known
            ? store->setRunFinished(run->id, ending.status, ending.exitCode, endedAt, ending.error)
            : store->setRunFinished(run->id, RunStatus::Lost, -1, now,
                                    QCoreApplication::translate("LostRuns",
                                                                "The program that ran it stopped before the run "
                                                                "ended (it was killed or crashed)."));
        if (recorded)
            ++result.ended;
    }
    return result;
}

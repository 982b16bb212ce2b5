#include "rundetails.h"

#include "artifactfiles.h"
#include "runstore.h"
#include "snapshotstore.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>
#include <vector>

RunDetails RunDetails::load(const Project &project, const QString &runId)
{
    QString error;
    const QVector<RunDetails> runs = load(project, QStringList { runId }, &error);
    if (!runs.isEmpty())
        return runs.first();
    RunDetails d;
    d.error = error;
    return d;
}

QVector<RunDetails> RunDetails::load(const Project &project, const QStringList &runIds, QString *error)
{
    RunStore store; // this thread's own connection
    if (!store.open(project.historyLocation()) || !store.useProject(project)) {
        *error = store.lastError();
        return {};
    }
    QVector<RunDetails> runs;
    for (const QString &runId : runIds) {
        const auto run = store.findRun(runId);
        if (!run) {
            *error = QCoreApplication::translate("RunDetails", "There is no run %1 in this project.").arg(runId);
            return {};
        }
        RunDetails d = load(&store, project, *run);
        if (!d.error.isEmpty()) {
            *error = d.error;
            return {};
        }
        runs.append(d);
    }
    return runs;
}

RunDetails RunDetails::load(RunStore *store, const Project &project, const RunRecord &run, qint64 maxSeriesPoints)
{
    RunDetails d;
    d.run = run;
    const auto summaries = store->summaries(run.id);
    for (const MetricSummary &s : summaries)
        d.metrics.append(s);
    std::sort(d.metrics.begin(), d.metrics.end(),
              [](const MetricSummary &a, const MetricSummary &b) { return a.key < b.key; });
    for (const MetricSummary &s : std::as_const(d.metrics))
        if ((s.count > 1 || s.kind == MetricKind::List) && s.count <= maxSeriesPoints)
            d.series.insert(s.key, store->series(run.id, s.key));
    d.artifacts = store->artifacts(run.id);
    d.promotions = store->promotions(run.id);
    d.properties = store->properties(run.id);
    d.children = store->childRuns(run.runId);
    d.runDir = project.runDir(run.runId);
    d.logPath = d.runDir + QStringLiteral("/driver_log.txt");
    d.attachments = ArtifactFiles::attachments(d.runDir, d.artifacts);
    if (!run.commitId.isEmpty()) {
        SnapshotStore snapshots(project);
        if (snapshots.open(false))
            d.codeTree = snapshots.treeId(run.commitId);
    }
    return d;
}

QStringList RunDetails::chartKeys() const
{
    QStringList keys;
    for (const MetricSummary &s : metrics)
        if (s.kind != MetricKind::Text && s.role != ValueRole::Tag
            && (series.contains(s.key) || chartSeries.contains(s.key)))
            keys.append(s.key);
    return keys; // metrics are sorted by name
}

void RunDetails::makeChartSeries()
{
    for (const QString &key : chartKeys()) {
        if (chartSeries.contains(key))
            continue;
        auto lod = std::make_shared<SeriesLod>();
        const QVector<MetricPoint> points = series.value(key);
        // in pieces through the bulk append: the summary is built once per piece
        constexpr int kPiece = 65536;
        std::vector<double> steps(kPiece), times(kPiece), values(kPiece);
        for (int first = 0; first < points.size(); first += kPiece) {
            const int n = qMin(kPiece, int(points.size()) - first);
            for (int i = 0; i < n; ++i) {
                const MetricPoint &p = points.at(first + i);
                steps[size_t(i)] = double(p.step);
                times[size_t(i)] = p.time;
                values[size_t(i)] = p.value;
            }
            lod->append(steps.data(), times.data(), values.data(), n);
        }
        chartSeries.insert(key, lod);
        series.remove(key);
    }
}

QHash<QString, qint64> RunDetails::lastSteps() const
{
    QHash<QString, qint64> steps;
    for (auto it = chartSeries.cbegin(); it != chartSeries.cend(); ++it)
        if (!it.value()->isEmpty())
            steps.insert(it.key(), qint64(it.value()->step(it.value()->size() - 1)));
    return steps;
}

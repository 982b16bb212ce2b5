#pragma once

#include "project.h"
#include "runrecord.h"
#include "serieslod.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <limits>
#include <memory>

class RunStore;

// Everything known of one run, read in one go: what the details and compare
// views show and what `runbench history info` prints. load() does file and
// database I/O: call it off the GUI thread.
struct RunDetails
{
    RunRecord run;
    QVector<MetricSummary> metrics; // sorted by name
    // Every point of the values logged more than once, and of lists (up to
    // the limit given to load(); longer ones have their summary only).
    QHash<QString, QVector<MetricPoint>> series;
    // The same series as level-of-detail series for the charts, once
    // makeChartSeries() moved them here.
    QHash<QString, std::shared_ptr<SeriesLod>> chartSeries;
    QVector<ArtifactRecord> artifacts;
    QStringList attachments; // driver_log.txt, metrics.jsonl and the outputs, as the JSON lists them
    QVector<PromotionRecord> promotions;
    QMap<QString, QString> properties; // free properties ("MlflowRunId" of an imported run)
    QVector<RunRecord> children; // nested runs and a sweep's runs, oldest first
    QString runDir;
    QString logPath;
    QString codeTree; // the snapshot's tree id: the same for runs of the same code ("" if unknown)
    QString error; // why nothing could be read

    // The series a chart can draw (numbers and lists, not text), by name.
    QStringList chartKeys() const;
    // Moves the points of every chart key from series into chartSeries,
    // summarised for drawing: what a view does on its loading thread, so a
    // series of millions of points is held once, compactly.
    void makeChartSeries();
    // The last step of every series in chartSeries, for LiveSeries.
    QHash<QString, qint64> lastSteps() const;

    static RunDetails load(const Project &project, const QString &runId);
    // Several runs through one connection, in the order given; empty and a
    // sentence in error when one of them cannot be read.
    static QVector<RunDetails> load(const Project &project, const QStringList &runIds, QString *error);
    // With a store already open on the project; series longer than
    // maxSeriesPoints are left out.
    static RunDetails load(RunStore *store, const Project &project, const RunRecord &run,
                           qint64 maxSeriesPoints = std::numeric_limits<qint64>::max());
};

#pragma once

#include "project.h"
#include "runrecord.h"

#include <QHash>
#include <QString>
#include <QVector>

// Everything the details view shows of one run, read in one go. load() does
// file and database I/O: call it off the GUI thread.
struct RunDetails
{
    RunRecord run;
    QVector<MetricSummary> metrics; // sorted by name
    QHash<QString, QVector<MetricPoint>> series; // values logged more than once, and lists
    QVector<ArtifactRecord> artifacts;
    QVector<PromotionRecord> promotions;
    QString runDir;
    QString logPath;
    QString error; // why nothing could be read

    static RunDetails load(const Project &project, const QString &runId);
};

#pragma once

#include "project.h"
#include "rundetails.h"

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVector>

// Two or three runs side by side, row by row: the rows `runbench history
// compare` prints and the compare view shows, computed once. A row differs
// when its values are not all the same; in a metric row that differs, the
// best value (the highest, or the lowest for losses and errors or by the
// user's choice) is marked, ties all best.
class RunComparison
{
public:
    struct Row
    {
        QString field; // "run_id", "status", … for the run's fields; the metric's name for logged values
        bool metric = false; // a logged value (metric, parameter or tag)
        ValueRole role = ValueRole::Metric; // of a logged value: only metrics are ranked
        QStringList texts; // one per run; "" when the run has no such value
        QVariantList values; // the same, typed (number, bool, string; null when missing)
        bool differs = false;
        bool lowerIsBetter = false; // metric rows: which way "best" points
        QVector<bool> best; // per run
    };

    // The run fields compared, in their order, before the logged values.
    static const QStringList &runFields();

    // runs in the order given (each loaded by RunDetails::load()); project
    // supplies the user's "lower is better" choices.
    static QVector<Row> compare(const QVector<RunDetails> &runs, const Project &project);

    // Whether lower values of metric are better: the user's choice for the
    // project if there is one, else by its name (loss, error, rmse, time…).
    static bool lowerIsBetter(const Project &project, const QString &metric);
    static bool lowerIsBetterByName(const QString &metric);
    static void setLowerIsBetter(const Project &project, const QString &metric, bool lower);
};

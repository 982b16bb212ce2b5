#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

class RunFilterModel;
class RunModel;

// The values of a few chosen names for the runs the dashboard's filter keeps
// (the brushes aside), read once per change: what the parallel coordinates
// and the scatter draw. A name holding text is read as categories.
struct RunValueTable
{
    struct Column
    {
        QString key;
        bool text = false;
        QStringList categories; // sorted; a text value is its index here
        QVector<double> values; // one per run; NaN when the run has none
        double min = 0; // over the finite values
        double max = 0;
        bool anyValue = false;
        bool allPositive = true;
        // Positive values spread over two decades or more: a log axis reads them best.
        bool looksLogSpaced() const;
    };

    QStringList runIds;
    QVector<int> sourceRows;
    QVector<char> passesBrushes; // 0: the brushes leave the run out
    QVector<Column> columns;

    static RunValueTable read(const RunModel *model, const RunFilterModel *filter, const QStringList &keys);
    int columnOf(const QString &key) const;
};

#include "runvaluetable.h"

#include "runfiltermodel.h"
#include "runmodel.h"

#include <cmath>
#include <limits>

bool RunValueTable::Column::looksLogSpaced() const
{
    return !text && anyValue && allPositive && min > 0 && max / min >= 100;
}

int RunValueTable::columnOf(const QString &key) const
{
    for (int c = 0; c < columns.size(); ++c)
        if (columns.at(c).key == key)
            return c;
    return -1;
}

RunValueTable RunValueTable::read(const RunModel *model, const RunFilterModel *filter, const QStringList &keys)
{
    RunValueTable table;
    const int rows = model->rowCount();
    for (int row = 0; row < rows; ++row) {
        if (!filter->acceptsIgnoringBrushes(row))
            continue;
        table.sourceRows.append(row);
        table.runIds.append(model->run(row).runId);
        table.passesBrushes.append(filter->passesBrushes(row) ? 1 : 0);
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const QString &key : keys) {
        Column column;
        column.key = key;
        column.values.reserve(table.sourceRows.size());
        QVector<QString> texts;
        const int k = model->keyIndex(key);
        for (int row : std::as_const(table.sourceRows)) {
            double v = 0;
            if (model->numericValue(row, k, &v)) {
                column.values.append(std::isfinite(v) ? v : nan);
                texts.append(QString());
                continue;
            }
            const auto value = model->metricValue(row, key);
            column.values.append(nan);
            texts.append(value ? value->toString() : QString());
            if (value)
                column.text = true;
        }
        if (column.text) {
            // one kind per axis: numbers among text are read as their text
            for (int i = 0; i < column.values.size(); ++i)
                if (texts.at(i).isEmpty() && std::isfinite(column.values.at(i)))
                    texts[i] = model->metricValue(table.sourceRows.at(i), key).value_or(QVariant()).toString();
            for (const QString &t : std::as_const(texts))
                if (!t.isEmpty() && !column.categories.contains(t))
                    column.categories.append(t);
            column.categories.sort();
            for (int i = 0; i < column.values.size(); ++i)
                column.values[i] = texts.at(i).isEmpty() ? nan : double(column.categories.indexOf(texts.at(i)));
        }
        for (double v : std::as_const(column.values)) {
            if (!std::isfinite(v))
                continue;
            column.min = column.anyValue ? qMin(column.min, v) : v;
            column.max = column.anyValue ? qMax(column.max, v) : v;
            column.anyValue = true;
            if (v <= 0)
                column.allPositive = false;
        }
        table.columns.append(column);
    }
    return table;
}

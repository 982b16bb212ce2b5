#include "dashboardseries.h"

#include "runmodel.h"

#include <QAbstractProxyModel>
#include <QVarLengthArray>

#include <algorithm>
#include <limits>
#include <utility>

DashboardSeries::DashboardSeries(RunModel *model, QAbstractProxyModel *shown, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_shown(shown)
{
    connect(shown, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        readProxyRows(first, last);
        publish();
    });
    connect(shown, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                for (int r = first; r <= last; ++r) {
                    const int source = m_shown->mapToSource(m_shown->index(r, 0)).row();
                    if (source >= 0)
                        forgetRun(source);
                }
            });
    connect(shown, &QAbstractItemModel::rowsRemoved, this, &DashboardSeries::publish);
    connect(shown, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                readProxyRows(topLeft.row(), bottomRight.row());
                publish();
            });
    connect(shown, &QAbstractItemModel::modelReset, this, &DashboardSeries::rebuild);
    // A new order (a sort) changes no chart: points are in run order. The
    // filter adds and removes rows through the signals above; a layout change
    // with another number of rows is read anew.
    connect(shown, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_shown->rowCount() != m_known)
            rebuild();
    });
    // An aggregate changed (Min, Max, Mean of a column): that series anew.
    connect(model, &QAbstractItemModel::headerDataChanged, this, &DashboardSeries::rebuild);
    rebuild();
}

QStringList DashboardSeries::keys() const
{
    QStringList keys;
    for (const QString &key : m_model->metricKeys())
        if (!m_series.value(key).isEmpty())
            keys.append(key);
    keys.append(QString());
    return keys;
}

void DashboardSeries::rebuild()
{
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it)
        m_dirty.insert(it.key());
    m_series.clear();
    m_changes.clear(); // all whole
    m_numberOfRow.clear();
    m_numberOfRow.reserve(size_t(qMax(m_model->expectedRowCount(), m_model->rowCount())));
    m_known = 0;
    m_lastNumber = std::numeric_limits<int>::min();
    m_keysDirty = true;
    readProxyRows(0, m_shown->rowCount() - 1);
    publish();
}

void DashboardSeries::readProxyRows(int first, int last)
{
    // in the model's order, which is the runs' order: new runs are appended
    // to the series, whichever way the grid is sorted
    QVector<int> sources;
    sources.reserve(last - first + 1);
    for (int r = first; r <= last; ++r) {
        const int source = m_shown->mapToSource(m_shown->index(r, 0)).row();
        if (source >= 0)
            sources.append(source);
    }
    std::sort(sources.begin(), sources.end());
    for (qsizetype i = 0; i < sources.size();) {
        // the usual case, a page of new runs numbered after every point so
        // far: appended, each series in one go
        qsizetype end = i;
        int highest = m_lastNumber;
        while (end < sources.size()) {
            const int number = m_model->run(sources.at(end)).number;
            if (number <= highest || isKnown(sources.at(end)))
                break;
            highest = number;
            ++end;
        }
        if (end > i) {
            appendNewRuns(sources.mid(i, end - i));
            i = end;
        } else {
            readSourceRow(sources.at(i++));
        }
    }
}

// Runs not seen yet, in order, each numbered after every point of every
// series: what readSourceRow() would do for each, with each series and its
// change looked up once.
void DashboardSeries::appendNewRuns(const QVector<int> &sourceRows)
{
    m_rowsRead += sourceRows.size();
    QVector<const RunRecord *> runs;
    runs.reserve(sourceRows.size());
    for (int row : sourceRows) {
        runs.append(&m_model->run(row));
        setKnown(row, runs.constLast()->number);
    }
    m_lastNumber = runs.constLast()->number;
    const QStringList keys = m_model->metricKeys();
    for (int k = -1; k < keys.size(); ++k) {
        const QString key = k < 0 ? QString() : keys.at(k); // "": the duration
        QVector<Point> *series = nullptr;
        Change *change = nullptr;
        Point *out = nullptr; // the next new point, written in place
        for (qsizetype i = 0; i < sourceRows.size(); ++i) {
            const RunRecord &run = *runs.at(i);
            double y = 0;
            if (k < 0) {
                if (run.durationUs() < 0)
                    continue;
                y = double(run.durationUs()) / 1e6;
            } else if (!m_model->numericValue(sourceRows.at(i), k, &y)) {
                continue;
            }
            if (!series) {
                series = &m_series[key];
                change = &m_changes[key]; // a new entry is whole
                if (series->isEmpty())
                    m_keysDirty = true;
                if (change->appendedFrom < 0)
                    change->appendedFrom = int(series->size());
                // room for the runs the model expects, at once
                if (series->capacity() < series->size() + sourceRows.size()) {
                    series->reserve(qMax<qsizetype>(m_model->expectedRowCount(),
                                                    qMax(series->size() * 2, series->size() + sourceRows.size())));
                }
                m_dirty.insert(key);
                // room for a point per run, cut to those that had one below
                const qsizetype at = series->size();
                series->resize(at + sourceRows.size());
                out = series->data() + at;
            }
            *out++ = Point { double(run.number), y, sourceRows.at(i) };
        }
        if (series)
            series->resize(out - series->constData());
    }
}

DashboardSeries::Change DashboardSeries::takeChange(const QString &key)
{
    Change none;
    none.whole = false;
    const auto it = m_changes.find(key);
    if (it == m_changes.end())
        return m_series.contains(key) ? none : Change();
    return std::exchange(*it, none);
}

void DashboardSeries::readSourceRow(int sourceRow)
{
    ++m_rowsRead;
    const RunRecord &run = m_model->run(sourceRow);
    const int number = run.number;
    if (isKnown(sourceRow) && m_numberOfRow[size_t(sourceRow)] != number)
        forgetRun(sourceRow); // renumbered: its points move
    setKnown(sourceRow, number);
    const QStringList keys = m_model->metricKeys();
    QVarLengthArray<bool, 64> present(keys.size());
    for (int k = 0; k < keys.size(); ++k) {
        double y = 0;
        present[k] = m_model->numericValue(sourceRow, k, &y); // keys are metricKeys(), in order
        if (present[k]) {
            const Point p { double(number), y, sourceRow };
            setPoint(keys.at(k), number, &p);
        }
    }
    // a value that stopped being a number (or a key the run no longer has)
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        if (it.key().isEmpty())
            continue;
        const int k = int(keys.indexOf(it.key()));
        if ((k < 0 || !present[k]) && contains(*it, number))
            setPoint(it.key(), number, nullptr);
    }
    if (run.durationUs() >= 0) {
        const Point p { double(number), double(run.durationUs()) / 1e6, sourceRow };
        setPoint(QString(), number, &p);
    } else {
        setPoint(QString(), number, nullptr);
    }
}

void DashboardSeries::setKnown(int sourceRow, int number)
{
    if (sourceRow >= int(m_numberOfRow.size()))
        m_numberOfRow.resize(size_t(qMax(sourceRow + 1, m_model->rowCount())), kUnknown);
    int &known = m_numberOfRow[size_t(sourceRow)];
    if (known == kUnknown)
        ++m_known;
    known = number;
}

void DashboardSeries::forgetRun(int sourceRow)
{
    if (!isKnown(sourceRow))
        return;
    const int number = std::exchange(m_numberOfRow[size_t(sourceRow)], kUnknown);
    --m_known;
    for (auto s = m_series.begin(); s != m_series.end(); ++s)
        if (contains(*s, number))
            setPoint(s.key(), number, nullptr);
}

namespace {

QVector<DashboardSeries::Point>::iterator find(QVector<DashboardSeries::Point> &series, int number)
{
    return std::lower_bound(series.begin(), series.end(), double(number),
                            [](const DashboardSeries::Point &p, double x) { return p.x < x; });
}

} // namespace

bool DashboardSeries::contains(const QVector<Point> &series, int number)
{
    const auto it = std::lower_bound(series.cbegin(), series.cend(), double(number),
                                     [](const Point &p, double x) { return p.x < x; });
    return it != series.cend() && it->x == number;
}

void DashboardSeries::setPoint(const QString &key, int number, const Point *point)
{
    QVector<Point> &series = m_series[key];
    const bool wasEmpty = series.isEmpty();
    Change &change = m_changes[key]; // a new entry is whole
    if (point) {
        m_lastNumber = qMax(m_lastNumber, number);
        if (!series.isEmpty() && series.constLast().x < number) {
            if (change.appendedFrom < 0)
                change.appendedFrom = int(series.size());
            if (series.capacity() == series.size()) // room for the runs the model expects, at once
                series.reserve(qMax<qsizetype>(m_model->expectedRowCount(), series.size() * 2));
            series.append(*point); // a new run: the usual case
        } else {
            const auto it = find(series, number);
            if (it != series.end() && it->x == number) {
                if (it->y == point->y && it->run == point->run)
                    return; // unchanged: nothing to redraw
                *it = *point;
                const int index = int(it - series.begin());
                if (change.appendedFrom < 0 || index < change.appendedFrom)
                    change.changed.append(index);
                if (change.changed.size() > 10000)
                    change.whole = true;
            } else {
                series.insert(it, *point);
                change.whole = true;
            }
        }
    } else {
        const auto it = find(series, number);
        if (it == series.end() || it->x != number)
            return;
        series.erase(it);
        change.whole = true;
    }
    m_dirty.insert(key);
    if (wasEmpty != series.isEmpty())
        m_keysDirty = true;
}

void DashboardSeries::publish()
{
    if (m_keysDirty) {
        m_keysDirty = false;
        Q_EMIT keysChanged();
    }
    if (m_dirty.isEmpty())
        return;
    QStringList keys(m_dirty.cbegin(), m_dirty.cend());
    m_dirty.clear();
    Q_EMIT seriesChanged(keys);
}

#include "runfiltermodel.h"

#include "runmodel.h"

RunFilterModel::RunFilterModel(RunModel *model, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_model(model)
{
    // Connected before setSourceModel(), so the keys are fresh when the
    // proxy re-sorts for the same change.
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl, const QModelIndex &br) {
        if (m_keys.column < tl.column() || m_keys.column > br.column())
            return;
        if (m_keys.kind.size() != m_model->rowCount()) {
            m_keys.column = -1;
            return;
        }
        for (int r = tl.row(); r <= br.row(); ++r)
            computeKey(r);
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        if (m_keys.column < 0 || m_keys.kind.size() != first) {
            m_keys.column = -1;
            return;
        }
        m_keys.kind.resize(last + 1);
        m_keys.numbers.resize(last + 1);
        m_keys.texts.resize(last + 1);
        for (int r = first; r <= last; ++r)
            computeKey(r);
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_keys.column = -1; });
    connect(model, &QAbstractItemModel::layoutChanged, this, [this] { m_keys.column = -1; });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { m_keys.column = -1; });
    connect(model, &QAbstractItemModel::columnsInserted, this, [this] { m_keys.column = -1; });
    setSourceModel(model);
    setSortRole(RunModel::SortRole);
    setDynamicSortFilter(true);
}

void RunFilterModel::setScript(const QString &script)
{
    if (m_script == script)
        return;
    m_script = script;
    invalidateFilter();
}

bool RunFilterModel::setFilterText(const QString &text)
{
    RunFilter filter = RunFilter::parse(text, m_model->metricKeys());
    if (!filter.isValid()) {
        m_filterError = filter.errorString();
        return false;
    }
    m_filterError.clear();
    m_filter = filter;
    invalidateFilter();
    return true;
}

void RunFilterModel::setShowHidden(bool show)
{
    if (m_showHidden == show)
        return;
    m_showHidden = show;
    invalidateFilter();
}

void RunFilterModel::setBrush(const QString &key, const Brush &brush)
{
    if (m_brushes.contains(key) && m_brushes.value(key) == brush)
        return;
    m_brushes.insert(key, brush);
    brushesMoved();
}

void RunFilterModel::clearBrush(const QString &key)
{
    if (!m_brushes.remove(key))
        return;
    brushesMoved();
}

void RunFilterModel::clearBrushes()
{
    if (m_brushes.isEmpty())
        return;
    m_brushes.clear();
    brushesMoved();
}

void RunFilterModel::brushesMoved()
{
    m_changingBrushes = true;
    invalidateFilter();
    m_changingBrushes = false;
    Q_EMIT brushesChanged();
}

bool RunFilterModel::passesBrushes(int sourceRow) const
{
    for (auto it = m_brushes.cbegin(); it != m_brushes.cend(); ++it) {
        const Brush &brush = it.value();
        if (!brush.texts.isEmpty()) {
            const auto value = m_model->metricValue(sourceRow, it.key());
            if (!value || !brush.texts.contains(value->toString()))
                return false;
            continue;
        }
        double v = 0;
        if (!m_model->numericValue(sourceRow, it.key(), &v) || !(v >= brush.low && v <= brush.high))
            return false;
    }
    return true;
}

bool RunFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return acceptsIgnoringBrushes(sourceRow) && passesBrushes(sourceRow);
}

bool RunFilterModel::acceptsIgnoringBrushes(int sourceRow) const
{
    const RunRecord &run = m_model->run(sourceRow);
    if (run.hidden && !m_showHidden)
        return false;
    if (!m_script.isEmpty() && run.script != m_script)
        return false;
    if (m_filter.isEmpty())
        return true;
    return m_filter.matches(run,
                            [this, sourceRow](const QString &key) { return m_model->metricValue(sourceRow, key); });
}

void RunFilterModel::computeKey(int row) const
{
    const QVariant v = m_model->index(row, m_keys.column).data(RunModel::SortRole);
    if (!v.isValid()) {
        m_keys.kind[row] = 0;
        return;
    }
    const int type = v.userType();
    if (type == QMetaType::Double || type == QMetaType::Int || type == QMetaType::LongLong || type == QMetaType::Bool) {
        m_keys.kind[row] = 1;
        m_keys.numbers[row] = v.toDouble();
    } else {
        m_keys.kind[row] = 2;
        m_keys.texts[row] = v.toString().toCaseFolded();
    }
}

void RunFilterModel::ensureSortKeys(int column) const
{
    const int rows = m_model->rowCount();
    if (m_keys.column == column && m_keys.kind.size() == rows)
        return;
    m_keys.column = column;
    m_keys.kind = QVector<char>(rows, 0);
    m_keys.numbers = QVector<double>(rows, 0);
    m_keys.texts = QVector<QString>(rows);
    for (int r = 0; r < rows; ++r)
        computeKey(r);
}

bool RunFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    ensureSortKeys(left.column());
    const int l = left.row();
    const int r = right.row();
    const char lk = m_keys.kind.at(l);
    const char rk = m_keys.kind.at(r);
    if (lk == 0 || rk == 0) {
        // missing values last, whichever way the column is sorted
        if (lk == 0 && rk == 0)
            return false;
        return sortOrder() == Qt::AscendingOrder ? rk == 0 : lk == 0;
    }
    if (lk == 1 && rk == 1)
        return m_keys.numbers.at(l) < m_keys.numbers.at(r);
    if (lk != rk)
        return lk < rk; // numbers before text
    return m_keys.texts.at(l) < m_keys.texts.at(r);
}

#include "runfiltermodel.h"

#include "runmodel.h"

RunFilterModel::RunFilterModel(RunModel *model, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_model(model)
{
    setSourceModel(model);
    setDynamicSortFilter(true); // rows come and go as runs change
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

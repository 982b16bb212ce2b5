#include "runfiltermodel.h"

#include "runmodel.h"

RunFilterModel::RunFilterModel(RunModel *model, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_model(model)
{
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

bool RunFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const RunRecord &run = m_model->run(sourceRow);
    if (run.hidden && !m_showHidden)
        return false;
    if (!m_script.isEmpty() && run.script != m_script)
        return false;
    if (m_filter.isEmpty())
        return true;
    return m_filter.matches(run, [this, sourceRow](const QString &key) { return m_model->metricValue(sourceRow, key); });
}

bool RunFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(RunModel::SortRole);
    const QVariant r = right.data(RunModel::SortRole);
    const bool lMissing = !l.isValid();
    const bool rMissing = !r.isValid();
    if (lMissing || rMissing) {
        // missing values last, whichever way the column is sorted
        if (lMissing && rMissing)
            return false;
        return sortOrder() == Qt::AscendingOrder ? rMissing : lMissing;
    }
    bool lNumber = false;
    bool rNumber = false;
    const double ld = l.toDouble(&lNumber);
    const double rd = r.toDouble(&rNumber);
    if (lNumber && rNumber && l.userType() != QMetaType::QString && r.userType() != QMetaType::QString)
        return ld < rd;
    return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
}

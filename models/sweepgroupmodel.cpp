#include "sweepgroupmodel.h"

#include "argumentline.h"
#include "historyformat.h"
#include "runcomparison.h"
#include "runmodel.h"

#include <QLocale>
#include <QAbstractProxyModel>
#include <QTimer>

#include <algorithm>
#include <cmath>

SweepGroupModel::Stats SweepGroupModel::statsOf(const QVector<double> &values, bool lowerIsBetter)
{
    Stats s;
    double sum = 0;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        if (s.count == 0 || (lowerIsBetter ? v < s.best : v > s.best))
            s.best = v;
        sum += v;
        ++s.count;
    }
    if (s.count == 0)
        return s;
    s.mean = sum / s.count;
    double squares = 0;
    for (double v : values)
        if (std::isfinite(v))
            squares += (v - s.mean) * (v - s.mean);
    s.std = s.count > 1 ? std::sqrt(squares / (s.count - 1)) : 0;
    return s;
}

SweepGroupModel::SweepGroupModel(RunModel *model, QAbstractProxyModel *shown, QObject *parent)
    : QAbstractItemModel(parent)
    , m_model(model)
    , m_shown(shown)
{
    // Structure follows the filter's rows; values follow the runs' values.
    // While inactive, nothing is read.
    const auto structure = [this] {
        if (m_active)
            scheduleRebuild();
    };
    connect(shown, &QAbstractItemModel::rowsInserted, this, structure);
    connect(shown, &QAbstractItemModel::rowsRemoved, this, structure);
    connect(shown, &QAbstractItemModel::layoutChanged, this, structure);
    connect(shown, &QAbstractItemModel::modelReset, this, [this] {
        if (m_active)
            rebuild(); // at once: the old rows are gone
    });
    // New names are new columns: the views hear of them at once, as the
    // RunModel's own views do.
    connect(model, &QAbstractItemModel::columnsAboutToBeInserted, this, [this] { beginResetModel(); });
    connect(model, &QAbstractItemModel::columnsInserted, this, [this] {
        if (m_active)
            readNodes();
        endResetModel();
    });
    connect(model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_active || m_rebuildPending || m_nodes.isEmpty())
            return;
        computeStats();
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        for (int n = 0; n < m_nodes.size(); ++n) {
            const Node &node = m_nodes.at(n);
            if (!node.children.isEmpty())
                Q_EMIT dataChanged(createIndex(0, 0, quintptr(node.children.first())),
                                   createIndex(int(node.children.size()) - 1, columnCount() - 1,
                                               quintptr(node.children.last())));
        }
    });
}

void SweepGroupModel::setProject(const Project &project)
{
    m_project = project;
    m_lowerIsBetter.clear();
    if (m_active)
        rebuild();
}

void SweepGroupModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (active) {
        rebuild();
    } else {
        beginResetModel();
        m_nodes.clear();
        m_roots.clear();
        m_nodeOfRun.clear();
        endResetModel();
    }
}

void SweepGroupModel::scheduleRebuild()
{
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_rebuildPending && m_active)
            rebuild();
        m_rebuildPending = false;
    });
}

bool SweepGroupModel::lowerIsBetter(const QString &key) const
{
    const auto known = m_lowerIsBetter.constFind(key);
    if (known != m_lowerIsBetter.cend())
        return *known;
    const bool lower = m_project.isValid() ? RunComparison::lowerIsBetter(m_project, key)
                                           : RunComparison::lowerIsBetterByName(key);
    m_lowerIsBetter.insert(key, lower);
    return lower;
}

void SweepGroupModel::rebuild()
{
    beginResetModel();
    readNodes();
    endResetModel();
}

void SweepGroupModel::readNodes()
{
    m_rebuildPending = false;
    m_nodes.clear();
    m_roots.clear();
    m_nodeOfRun.clear();
    const auto addRunNode = [this](int sourceRow, int parent) {
        Node node;
        node.parent = parent;
        node.sourceRow = sourceRow;
        m_nodes.append(node);
        const int n = int(m_nodes.size()) - 1;
        m_nodeOfRun.insert(m_model->run(sourceRow).runId, n);
        return n;
    };
    // Children are gathered under their parent first, then split into
    // combinations once all are known.
    QHash<int, QVector<int>> childRows; // parent node → children's source rows
    QVector<int> parentOrder;
    const int shown = m_shown->rowCount();
    for (int r = 0; r < shown; ++r) {
        const int sourceRow = m_shown->mapToSource(m_shown->index(r, 0)).row();
        const RunRecord &run = m_model->run(sourceRow);
        const int parentRow = run.parentRunId.isEmpty() ? -1 : m_model->rowOfRunId(run.parentRunId);
        if (parentRow < 0) {
            if (!m_nodeOfRun.contains(run.runId))
                m_roots.append(addRunNode(sourceRow, -1));
            continue;
        }
        int parentNode = m_nodeOfRun.value(run.parentRunId, -1);
        if (parentNode < 0) { // the parent comes where its first child shown is
            parentNode = addRunNode(parentRow, -1);
            m_roots.append(parentNode);
        }
        if (!childRows.contains(parentNode))
            parentOrder.append(parentNode);
        childRows[parentNode].append(sourceRow);
    }
    for (int parentNode : std::as_const(parentOrder)) {
        const QVector<int> rows = childRows.value(parentNode);
        QStringList combinations;
        QHash<QString, QVector<int>> byCombination;
        for (int row : rows) {
            const QString arguments = ArgumentLine::join(m_model->run(row).arguments);
            if (!byCombination.contains(arguments))
                combinations.append(arguments);
            byCombination[arguments].append(row);
        }
        const bool repeated = combinations.size() < rows.size();
        for (const QString &arguments : std::as_const(combinations)) {
            const QVector<int> runs = byCombination.value(arguments);
            if (!repeated || runs.size() == 1) { // a combination the filter left one run of is that run
                const int child = addRunNode(runs.first(), parentNode); // may move m_nodes
                m_nodes[parentNode].children.append(child);
                continue;
            }
            Node combination;
            combination.parent = parentNode;
            combination.label = arguments;
            combination.runs = runs;
            m_nodes.append(combination);
            const int c = int(m_nodes.size()) - 1;
            m_nodes[parentNode].children.append(c);
            for (int row : runs) {
                const int child = addRunNode(row, c);
                m_nodes[c].children.append(child);
            }
        }
        m_nodes[parentNode].runs = rows;
    }
    computeStats();
}

void SweepGroupModel::computeStats()
{
    const QStringList keys = m_model->metricKeys();
    for (Node &node : m_nodes) {
        node.stats.clear();
        if (node.runs.isEmpty())
            continue;
        for (const QString &key : keys) {
            if (m_model->keyRole(key) != ValueRole::Metric)
                continue;
            QVector<double> values;
            values.reserve(node.runs.size());
            for (int row : std::as_const(node.runs)) {
                double v = 0;
                if (m_model->numericValue(row, key, &v))
                    values.append(v);
            }
            const Stats s = statsOf(values, lowerIsBetter(key));
            if (s.count > 0)
                node.stats.insert(key, s);
        }
    }
}

QModelIndex SweepGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    const QVector<int> &children = childrenOf(nodeOf(parent));
    if (row < 0 || row >= children.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column, quintptr(children.at(row)));
}

QModelIndex SweepGroupModel::parent(const QModelIndex &child) const
{
    const int node = nodeOf(child);
    if (node < 0 || node >= m_nodes.size())
        return {};
    const int parent = m_nodes.at(node).parent;
    if (parent < 0)
        return {};
    const QVector<int> &siblings = childrenOf(m_nodes.at(parent).parent);
    return createIndex(int(siblings.indexOf(parent)), 0, quintptr(parent));
}

int SweepGroupModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(nodeOf(parent)).size());
}

int SweepGroupModel::columnCount(const QModelIndex &) const { return m_model->columnCount(); }

QVariant SweepGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_model->headerData(section, orientation, role);
}

std::optional<SweepGroupModel::Stats> SweepGroupModel::stats(const QModelIndex &index, const QString &key) const
{
    const int node = nodeOf(index);
    if (node < 0 || node >= m_nodes.size())
        return std::nullopt;
    const auto it = m_nodes.at(node).stats.constFind(key);
    if (it == m_nodes.at(node).stats.cend())
        return std::nullopt;
    return *it;
}

QModelIndex SweepGroupModel::indexOfRun(const QString &runId) const
{
    const int node = m_nodeOfRun.value(runId, -1);
    if (node < 0)
        return {};
    const QVector<int> &siblings = childrenOf(m_nodes.at(node).parent);
    return createIndex(int(siblings.indexOf(node)), 0, quintptr(node));
}

QStringList SweepGroupModel::bestChildren(const QString &parentRunId, const QString &key, int n) const
{
    const int node = m_nodeOfRun.value(parentRunId, -1);
    if (node < 0)
        return {};
    const bool lower = lowerIsBetter(key);
    QVector<QPair<double, int>> ranked;
    for (int row : m_nodes.at(node).runs) {
        double v = 0;
        if (m_model->numericValue(row, key, &v) && std::isfinite(v))
            ranked.append({ lower ? v : -v, row });
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const QPair<double, int> &a, const QPair<double, int> &b) { return a.first < b.first; });
    QStringList ids;
    for (int i = 0; i < ranked.size() && i < n; ++i)
        ids.append(m_model->run(ranked.at(i).second).runId);
    return ids;
}

QVariant SweepGroupModel::data(const QModelIndex &index, int role) const
{
    const int n = nodeOf(index);
    if (n < 0 || n >= m_nodes.size())
        return {};
    const Node &node = m_nodes.at(n);
    if (role == NodeKeyRole) {
        if (node.sourceRow >= 0)
            return m_model->run(node.sourceRow).runId;
        return m_model->run(m_nodes.at(node.parent).sourceRow).runId + QLatin1Char('\n') + node.label;
    }
    const QString key = m_model->keyOfColumn(index.column());
    const auto stat = key.isEmpty() ? node.stats.constEnd() : node.stats.constFind(key);
    const bool group = stat != node.stats.constEnd();
    if (group && (role == Qt::DisplayRole || role == StatsTextRole || role == Qt::ToolTipRole)) {
        const Stats &s = *stat;
        const QLocale locale;
        if (role == Qt::DisplayRole)
            return tr("%1 ± %2 (best %3)")
                .arg(locale.toString(s.mean, 'g', 4), locale.toString(s.std, 'g', 2), locale.toString(s.best, 'g', 6));
        return tr("Across %1 runs: best %2 (%3 is better), mean %4, standard deviation %5")
            .arg(s.count)
            .arg(HistoryFormat::number(s.best), lowerIsBetter(key) ? tr("lower") : tr("higher"),
                 HistoryFormat::number(s.mean), HistoryFormat::number(s.std));
    }
    if (group && (role == RunModel::RawRole || role == RunModel::SortRole))
        return stat->mean;
    if (node.sourceRow >= 0) {
        if (node.sourceRow >= m_model->rowCount())
            return {};
        return m_model->index(node.sourceRow, index.column()).data(role);
    }
    // a combination of repeats: its arguments and the values its runs share
    const int first = node.children.isEmpty() ? -1 : m_nodes.at(node.children.first()).sourceRow;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == RunModel::NumberField)
            return tr("×%1").arg(node.runs.size());
        if (index.column() == RunModel::ArgumentsField)
            return node.label;
        if (!key.isEmpty() && m_model->keyRole(key) != ValueRole::Metric && first >= 0)
            return m_model->index(first, index.column()).data(role);
        return {};
    case Qt::TextAlignmentRole: return m_model->index(0, index.column()).data(role);
    case Qt::ToolTipRole:
        if (index.column() == RunModel::NumberField)
            return tr("%1 runs with the same arguments").arg(node.runs.size());
        return {};
    default: return {};
    }
}

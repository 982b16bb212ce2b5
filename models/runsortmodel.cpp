#include "runsortmodel.h"

#include "runfiltermodel.h"
#include "runmodel.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace {
// Up to this many rows go in or out one by one (each a search and a move of
// the rows after it); more go by one merge and one layout change.
constexpr int kOneByOne = 16;
} // namespace

RunSortModel::RunSortModel(RunModel *model, RunFilterModel *filter, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_model(model)
    , m_filter(filter)
{
    setSourceModel(model);
    // Which runs: the filter's rows. The filter hears the RunModel first (it
    // connected first), so its rows are current when these run.
    connect(filter, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { filterRowsInserted(first, last); });
    connect(filter, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { filterRowsAboutToBeRemoved(first, last); });
    connect(filter, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(filter, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        endResetModel();
    });
    connect(filter, &QAbstractItemModel::layoutChanged, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    // What they hold, and the columns: the RunModel's.
    connect(model, &QAbstractItemModel::dataChanged, this, &RunSortModel::sourceDataChanged);
    connect(model, &QAbstractItemModel::columnsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { beginInsertColumns(QModelIndex(), first, last); });
    connect(model, &QAbstractItemModel::columnsInserted, this, [this] { endInsertColumns(); });
    connect(model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    rebuild();
}

int RunSortModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int RunSortModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_model->columnCount();
}

QModelIndex RunSortModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex RunSortModel::parent(const QModelIndex &) const { return {}; }

bool RunSortModel::hasChildren(const QModelIndex &parent) const { return !parent.isValid() && !m_rows.isEmpty(); }

QVariant RunSortModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return m_model->headerData(section, orientation, role);
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
}

QModelIndex RunSortModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= m_rows.size())
        return {};
    return m_model->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex RunSortModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_model)
        return {};
    const int row = position(sourceIndex.row());
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

void RunSortModel::sort(int column, Qt::SortOrder order)
{
    if (column >= columnCount())
        column = -1;
    m_column = column;
    m_order = order;
    computeKeys();
    QVector<int> rows = m_rows;
    sortRows(&rows);
    reorder(rows);
}

void RunSortModel::computeKey(int sourceRow)
{
    if (m_keys.kind.size() <= sourceRow) {
        const int size = qMax(sourceRow + 1, m_model->rowCount());
        m_keys.kind.resize(size);
        m_keys.numbers.resize(size);
        if (!m_keys.texts.isEmpty())
            m_keys.texts.resize(size);
    }
    char kind = 0;
    double number = 0;
    QVariant v;
    if (!m_keys.name.isEmpty()) {
        // a logged value: read as a number without a QVariant when it is one
        if (m_model->numericValue(sourceRow, m_keys.name, &number))
            kind = 1;
        else if (const auto value = m_model->metricValue(sourceRow, m_keys.name))
            v = *value;
    } else {
        v = m_model->index(sourceRow, m_keys.column).data(RunModel::SortRole);
    }
    if (kind == 0 && v.isValid()) {
        const int type = v.userType();
        if (type == QMetaType::Double || type == QMetaType::Int || type == QMetaType::LongLong
            || type == QMetaType::Bool) {
            kind = 1;
            number = v.toDouble();
        } else {
            kind = 2;
            // made when the first text comes: a column of numbers has none
            if (m_keys.texts.size() < m_keys.kind.size())
                m_keys.texts.resize(m_keys.kind.size());
            // the runs of a script, a host, a status share one string: it
            // is folded once for all of them in a row
            const QString text = v.toString();
            if (text.constData() != m_keys.lastText.constData() || text.size() != m_keys.lastText.size()) {
                m_keys.lastText = text;
                m_keys.lastFolded = text.toCaseFolded();
            }
            m_keys.texts[sourceRow] = m_keys.lastFolded;
        }
    }
    if (kind == 1) {
        if (std::isnan(number))
            kind = 0; // not a number sorts with the missing values
        m_keys.numbers[sourceRow] = number;
    }
    m_keys.kind[sourceRow] = kind;
}

void RunSortModel::computeKeys()
{
    m_keys.column = m_column;
    m_keys.name = m_model->keyOfColumn(m_column);
    m_keys.lastText = m_keys.lastFolded = QString();
    m_keys.kind.clear();
    m_keys.numbers.clear();
    m_keys.texts.clear();
    if (m_column < 0)
        return;
    const int rows = m_model->rowCount();
    m_keys.kind.resize(rows);
    m_keys.numbers.resize(rows);
    for (int r = 0; r < rows; ++r)
        computeKey(r);
}

bool RunSortModel::before(int a, int b) const
{
    if (m_column < 0)
        return a < b;
    const char ka = m_keys.kind.at(a);
    const char kb = m_keys.kind.at(b);
    if (ka != kb) {
        if (ka == 0 || kb == 0)
            return kb == 0; // missing values last, whichever the order
        return m_order == Qt::AscendingOrder ? ka < kb : ka > kb; // numbers before text
    }
    bool less = false;
    if (ka == 1) {
        const double x = m_keys.numbers.at(a);
        const double y = m_keys.numbers.at(b);
        if (x == y)
            return a < b;
        less = x < y;
    } else if (ka == 2) {
        const int c = m_keys.texts.at(a).compare(m_keys.texts.at(b));
        if (c == 0)
            return a < b;
        less = c < 0;
    } else {
        return a < b;
    }
    return m_order == Qt::AscendingOrder ? less : !less;
}

void RunSortModel::sortRows(QVector<int> *rows) const
{
    if (m_column < 0) {
        std::sort(rows->begin(), rows->end());
        return;
    }
    // Numbers sort as a flat array of (value, row) pairs: the comparisons
    // read contiguous memory, not three arrays by index.
    QVector<int> numbers;
    QVector<int> texts;
    QVector<int> missing;
    for (int r : std::as_const(*rows)) {
        const char kind = m_keys.kind.at(r);
        (kind == 1 ? numbers : kind == 2 ? texts : missing).append(r);
    }
    std::vector<std::pair<double, int>> flat;
    flat.reserve(size_t(numbers.size()));
    for (int r : std::as_const(numbers))
        flat.emplace_back(m_order == Qt::AscendingOrder ? m_keys.numbers.at(r) : -m_keys.numbers.at(r), r);
    std::sort(flat.begin(), flat.end());
    for (int i = 0; i < numbers.size(); ++i)
        numbers[i] = flat[size_t(i)].second;
    sortTexts(&texts);
    std::sort(missing.begin(), missing.end());
    rows->clear();
    if (m_order == Qt::AscendingOrder)
        *rows += numbers + texts;
    else
        *rows += texts + numbers;
    *rows += missing;
}

// Texts by rank when they are few (a column of statuses or scripts holds a
// handful): the distinct texts are sorted once, then the rows as (rank, row)
// pairs. Many distinct texts (run ids) sort as (text, row) pairs.
void RunSortModel::sortTexts(QVector<int> *rows) const
{
    constexpr int kFew = 4096;
    const bool up = m_order == Qt::AscendingOrder;
    QHash<QString, int> ranks;
    for (int r : std::as_const(*rows)) {
        ranks.insert(m_keys.texts.at(r), 0);
        if (ranks.size() > kFew)
            break;
    }
    if (ranks.size() <= kFew) {
        QVector<const QString *> distinct;
        distinct.reserve(ranks.size());
        for (auto it = ranks.cbegin(); it != ranks.cend(); ++it)
            distinct.append(&it.key());
        std::sort(distinct.begin(), distinct.end(), [](const QString *a, const QString *b) { return *a < *b; });
        for (int i = 0; i < distinct.size(); ++i)
            ranks[*distinct.at(i)] = up ? i : -i;
        std::vector<std::pair<int, int>> flat;
        flat.reserve(size_t(rows->size()));
        for (int r : std::as_const(*rows))
            flat.emplace_back(ranks.value(m_keys.texts.at(r)), r);
        std::sort(flat.begin(), flat.end());
        for (int i = 0; i < rows->size(); ++i)
            (*rows)[i] = flat[size_t(i)].second;
        return;
    }
    // Many distinct texts (run ids, names): past the prefix they all share,
    // their next four UTF-16 units packed in a number decide most
    // comparisons, and only equal numbers compare the rest of the texts.
    qsizetype shared = m_keys.texts.at(rows->constFirst()).size();
    const QString &first = m_keys.texts.at(rows->constFirst());
    for (int r : std::as_const(*rows)) {
        const QString &t = m_keys.texts.at(r);
        qsizetype i = 0;
        const qsizetype n = qMin<qsizetype>(shared, t.size());
        while (i < n && t.at(i) == first.at(i))
            ++i;
        shared = i;
        if (shared == 0)
            break;
    }
    struct Key
    {
        quint64 head;
        const QString *text;
        int row;
    };
    std::vector<Key> flat;
    flat.reserve(size_t(rows->size()));
    for (int r : std::as_const(*rows)) {
        const QString &t = m_keys.texts.at(r);
        quint64 head = 0;
        for (qsizetype i = shared; i < shared + 4; ++i)
            head = (head << 16) | (i < t.size() ? t.at(i).unicode() : 0);
        flat.push_back({ head, &t, r });
    }
    std::sort(flat.begin(), flat.end(), [up, shared](const Key &a, const Key &b) {
        int c = a.head < b.head ? -1 : (a.head > b.head ? 1 : 0);
        if (c == 0)
            c = QStringView(*a.text).mid(shared).compare(QStringView(*b.text).mid(shared));
        if (c == 0)
            return a.row < b.row;
        return up ? c < 0 : c > 0;
    });
    for (int i = 0; i < rows->size(); ++i)
        (*rows)[i] = flat[size_t(i)].row;
}

// Places from from on are found again when next asked for: pages of new
// runs going in at the top, one after the other, renumber once, not once
// per page.
void RunSortModel::renumber(int from)
{
    if (m_position.size() < m_model->rowCount())
        m_position += QVector<int>(m_model->rowCount() - m_position.size(), -1);
    m_renumberFrom = qMin(m_renumberFrom, from);
}

int RunSortModel::position(int sourceRow) const
{
    if (m_renumberFrom < m_rows.size()) {
        for (int i = m_renumberFrom; i < m_rows.size(); ++i)
            m_position[m_rows.at(i)] = i;
    }
    m_renumberFrom = std::numeric_limits<int>::max();
    return sourceRow >= 0 && sourceRow < m_position.size() ? m_position.at(sourceRow) : -1;
}

// Puts the rows in a new order (the same rows), keeping persistent indexes
// (the selection, the current run) on their runs.
void RunSortModel::reorder(const QVector<int> &rows)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QVector<int> sourceRows;
    sourceRows.reserve(from.size());
    for (const QModelIndex &index : from)
        sourceRows.append(m_rows.value(index.row(), -1));
    m_rows = rows;
    renumber(0);
    QModelIndexList to;
    to.reserve(from.size());
    for (int i = 0; i < from.size(); ++i) {
        const int row = sourceRows.at(i) < 0 ? -1 : position(sourceRows.at(i));
        to.append(row < 0 ? QModelIndex() : index(row, from.at(i).column()));
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// The same rows as now, as two sorted lists merged into one order.
void RunSortModel::reorderMerging(const QVector<int> &sorted, const QVector<int> &more)
{
    QVector<int> merged(sorted.size() + more.size());
    std::merge(sorted.cbegin(), sorted.cend(), more.cbegin(), more.cend(), merged.begin(),
               [this](int a, int b) { return before(a, b); });
    reorder(merged);
}

void RunSortModel::rebuild()
{
    if (m_column >= m_model->columnCount())
        m_column = -1;
    computeKeys();
    m_rows.clear();
    m_rows.reserve(m_filter->rowCount());
    for (int r = 0; r < m_filter->rowCount(); ++r)
        m_rows.append(m_filter->mapToSource(m_filter->index(r, 0)).row());
    sortRows(&m_rows);
    m_position = QVector<int>(m_model->rowCount(), -1);
    renumber(0);
}

void RunSortModel::filterRowsInserted(int first, int last)
{
    QVector<int> fresh;
    fresh.reserve(last - first + 1);
    for (int r = first; r <= last; ++r)
        fresh.append(m_filter->mapToSource(m_filter->index(r, 0)).row());
    if (m_column >= 0)
        for (int row : std::as_const(fresh))
            computeKey(row);
    sortRows(&fresh);
    const auto less = [this](int a, int b) { return before(a, b); };
    if (fresh.size() <= kOneByOne) {
        for (int row : std::as_const(fresh)) {
            const int at = int(std::upper_bound(m_rows.cbegin(), m_rows.cend(), row, less) - m_rows.cbegin());
            beginInsertRows(QModelIndex(), at, at);
            m_rows.insert(at, row);
            renumber(at);
            endInsertRows();
        }
        return;
    }
    // A page of new runs usually goes in one place (the top or the end,
    // sorted by run or by start): one insertion.
    const int at = int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), fresh.constFirst(), less) - m_rows.cbegin());
    if (at == m_rows.size() || before(fresh.constLast(), m_rows.at(at))) {
        beginInsertRows(QModelIndex(), at, at + int(fresh.size()) - 1);
        m_rows.insert(at, fresh.size(), 0);
        std::copy(fresh.cbegin(), fresh.cend(), m_rows.begin() + at);
        renumber(at);
        endInsertRows();
        return;
    }
    // Spread among the others: in at the end, then merged into place.
    const int old = int(m_rows.size());
    beginInsertRows(QModelIndex(), old, old + int(fresh.size()) - 1);
    m_rows += fresh;
    renumber(old);
    endInsertRows();
    reorderMerging(m_rows.mid(0, old), fresh);
}

void RunSortModel::filterRowsAboutToBeRemoved(int first, int last)
{
    QVector<int> places;
    places.reserve(last - first + 1);
    for (int r = first; r <= last; ++r) {
        const int row = m_filter->mapToSource(m_filter->index(r, 0)).row();
        const int place = position(row);
        if (place >= 0)
            places.append(place);
    }
    if (places.isEmpty())
        return;
    std::sort(places.begin(), places.end());
    QVector<std::pair<int, int>> ranges; // first, last
    for (int place : std::as_const(places)) {
        if (!ranges.isEmpty() && ranges.constLast().second + 1 == place)
            ranges.last().second = place;
        else
            ranges.append({ place, place });
    }
    if (ranges.size() > kOneByOne) {
        // Scattered: to the end by one layout change, then out at once.
        QVector<bool> leaving(m_rows.size(), false);
        for (int place : std::as_const(places))
            leaving[place] = true;
        QVector<int> rows;
        rows.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            if (!leaving.at(i))
                rows.append(m_rows.at(i));
        for (int place : std::as_const(places))
            rows.append(m_rows.at(place));
        reorder(rows);
        ranges = { { int(m_rows.size() - places.size()), int(m_rows.size()) - 1 } };
    }
    for (auto it = ranges.crbegin(); it != ranges.crend(); ++it) {
        beginRemoveRows(QModelIndex(), it->first, it->second);
        for (int i = it->first; i <= it->second; ++i)
            m_position[m_rows.at(i)] = -1;
        m_rows.remove(it->first, it->second - it->first + 1);
        renumber(it->first);
        endRemoveRows();
    }
}

void RunSortModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                     const QVector<int> &roles)
{
    if (!topLeft.isValid())
        return;
    if (m_column >= topLeft.column() && m_column <= bottomRight.column()) {
        // New keys; the rows that now stand out of order move into place.
        QVector<int> moved;
        for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
            computeKey(r);
        const auto inPlace = [this](int row) {
            const int at = position(row);
            return at < 0
                || ((at == 0 || before(m_rows.at(at - 1), row))
                    && (at + 1 == m_rows.size() || before(row, m_rows.at(at + 1))));
        };
        bool sorted = true;
        for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
            if (position(r) >= 0)
                moved.append(r);
            sorted = sorted && inPlace(r);
        }
        if (!sorted) {
            QVector<bool> moving(m_model->rowCount(), false);
            for (int row : std::as_const(moved))
                moving[row] = true;
            QVector<int> staying;
            staying.reserve(m_rows.size());
            for (int row : std::as_const(m_rows))
                if (!moving.at(row))
                    staying.append(row);
            sortRows(&moved);
            reorderMerging(staying, moved);
        }
    }
    if (m_rows.isEmpty())
        return;
    if (bottomRight.row() - topLeft.row() >= kOneByOne) {
        Q_EMIT dataChanged(index(0, topLeft.column()), index(int(m_rows.size()) - 1, bottomRight.column()), roles);
        return;
    }
    for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
        const int at = position(r);
        if (at >= 0)
            Q_EMIT dataChanged(index(at, topLeft.column()), index(at, bottomRight.column()), roles);
    }
}

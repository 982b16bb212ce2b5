#include "runsortmodel.h"

#include "guiturn.h"
#include "runfiltermodel.h"
#include "runmodel.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <utility>

namespace {
// Up to this many rows go in or out one by one (each a search and a move of
// the rows after it); more go by one merge and one layout change.
constexpr int kOneByOne = 16;

// Room for at least n elements in a vector kept from sort to sort.
template<typename Array>
void reserveAtLeast(Array *array, size_t n)
{
    if (size_t(array->capacity()) < n)
        array->reserve(decltype(array->capacity())(n));
}

// What QString::toCaseFolded() makes of a unit of ASCII.
char16_t foldAscii(char16_t c) { return c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c; }

// A number's bits as an unsigned key in the numbers' order (-0 as 0).
quint64 orderedBits(double x)
{
    if (x == 0)
        x = 0;
    quint64 bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    return bits >> 63 ? ~bits : bits | (quint64(1) << 63);
}
} // namespace

// Sorts (key, row) pairs by key, keeping the order of equal keys: least
// significant digit first, 11 bits at a time, skipping the digits every key
// shares (the high ones of ranks, the exponent of numbers of one scale).
void RunSortModel::radixSort(std::vector<Keyed> *items) const
{
    constexpr int kBits = 11;
    constexpr int kBuckets = 1 << kBits;
    constexpr int kPasses = (64 + kBits - 1) / kBits;
    const size_t n = items->size();
    if (n < 2)
        return;
    // in order already, or in reverse without ties: a page of new runs,
    // sorted by run or by start time
    const auto byKey = [](const Keyed &a, const Keyed &b) { return a.key < b.key; };
    if (std::is_sorted(items->cbegin(), items->cend(), byKey))
        return;
    if (std::adjacent_find(items->cbegin(), items->cend(),
                           [](const Keyed &a, const Keyed &b) { return a.key <= b.key; })
        == items->cend()) {
        std::reverse(items->begin(), items->end());
        return;
    }
    std::vector<quint32> counts(size_t(kPasses) * kBuckets, 0);
    for (const Keyed &item : *items)
        for (int p = 0; p < kPasses; ++p)
            ++counts[size_t(p) * kBuckets + ((item.key >> (p * kBits)) & (kBuckets - 1))];
    std::vector<Keyed> &other = m_radixScratch;
    reserveAtLeast(&other, n);
    other.resize(n);
    for (int p = 0; p < kPasses; ++p) {
        quint32 *count = &counts[size_t(p) * kBuckets];
        if (count[(items->front().key >> (p * kBits)) & (kBuckets - 1)] == n)
            continue;
        quint32 offset = 0;
        for (int b = 0; b < kBuckets; ++b)
            offset += std::exchange(count[b], offset);
        for (const Keyed &item : *items)
            other[count[(item.key >> (p * kBits)) & (kBuckets - 1)]++] = item;
        items->swap(other);
    }
}

RunSortModel::RunSortModel(RunModel *model, RunFilterModel *filter, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_model(model)
    , m_filter(filter)
{
    setSourceModel(model);
    m_takeWaiting.setSingleShot(true);
    connect(&m_takeWaiting, &QTimer::timeout, this, [this] {
        if (GuiTurn::take(this))
            takeWaiting();
        else
            m_takeWaiting.start(0); // in the next pass
    });
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
    takeWaiting();
    if (column >= columnCount())
        column = -1;
    m_column = column;
    m_order = order;
    computeKeys();
    QVector<int> rows = m_rows;
    sortRows(&rows);
    reorder(rows);
}

int RunSortModel::Keys::appendText(QStringView raw)
{
    bool ascii = true;
    for (QChar c : raw)
        ascii = ascii && c.unicode() < 0x80;
    // the runs of a script, a host, a status share one text: one place for
    // all of them in a row
    const int last = textCount() - 1;
    if (ascii) {
        if (last >= 0 && text(last).size() == raw.size()) {
            const QStringView previous = text(last);
            qsizetype i = 0;
            while (i < raw.size() && foldAscii(raw[i].unicode()) == previous[i].unicode())
                ++i;
            if (i == raw.size())
                return last;
        }
        const qsizetype at = textData.size();
        textData.resize(at + raw.size());
        QChar *to = textData.data() + at;
        for (qsizetype i = 0; i < raw.size(); ++i)
            to[i] = QChar(foldAscii(raw[i].unicode()));
    } else {
        const QString folded = raw.toString().toCaseFolded();
        if (last >= 0 && text(last) == folded)
            return last;
        textData += folded;
    }
    textStart.append(textData.size());
    return last + 1;
}

void RunSortModel::computeKey(int sourceRow)
{
    // the texts of rows since changed pile up: start afresh now and then
    if (m_keys.textStart.size() > 2 * m_keys.kind.size() + 4096)
        computeKeys();
    if (m_keys.kind.size() <= sourceRow) {
        const int size = qMax(sourceRow + 1, m_model->rowCount());
        if (m_keys.kind.capacity() < size) { // the runs still to come too, in one step
            m_keys.kind.reserve(qMax(size, m_model->expectedRowCount()));
            m_keys.numbers.reserve(m_keys.kind.capacity());
        }
        m_keys.kind.resize(size);
        m_keys.numbers.resize(size);
        if (!m_keys.textIndex.isEmpty())
            m_keys.textIndex.resize(size);
    }
    double number = 0;
    QStringView text;
    QString made;
    char kind = 0;
    switch (m_model->sortKey(sourceRow, m_keys.column, &number, &text, &made)) {
    case RunModel::SortKind::Missing: break;
    case RunModel::SortKind::Number:
        kind = 1;
        m_keys.numbers[sourceRow] = number;
        break;
    case RunModel::SortKind::Text:
        kind = 2;
        // made when the first text comes: a column of numbers has none
        if (m_keys.textIndex.size() < m_keys.kind.size()) {
            reserveAtLeast(&m_keys.textIndex, size_t(m_keys.kind.capacity()));
            m_keys.textIndex.resize(m_keys.kind.size());
        }
        m_keys.textIndex[sourceRow] = m_keys.appendText(text);
        break;
    }
    m_keys.kind[sourceRow] = kind;
}

void RunSortModel::computeKeys()
{
    // The arrays keep their room from sort to sort: a sort allocates only
    // when the model has grown.
    m_keys.column = m_column;
    m_keys.kind.resize(0);
    m_keys.numbers.resize(0);
    m_keys.textIndex.resize(0);
    m_keys.textData.resize(0);
    m_keys.textStart.resize(1); // text i ends where text i + 1 starts; the first starts at 0
    if (m_column < 0)
        return;
    const int rows = m_model->rowCount();
    reserveAtLeast(&m_keys.kind, size_t(rows));
    reserveAtLeast(&m_keys.numbers, size_t(rows));
    m_keys.kind.resize(rows);
    m_keys.numbers.resize(rows);
    constexpr int kGuessEvery = 4096;
    for (int r = 0; r < rows; ++r) {
        // texts that mostly differ (run ids, names): room for all of them,
        // as long as the ones so far and an eighth more, at once;
        // more room only when they get longer than that (run 1,000,000's
        // id is longer than run 4,096's), not a copy at each doubling
        if (r > 0 && r % kGuessEvery == 0 && rows > 2 * kGuessEvery && m_keys.textCount() > r / 2) {
            const double perRow = double(m_keys.textData.size()) / r;
            if (double(m_keys.textData.capacity()) < perRow * rows) {
                reserveAtLeast(&m_keys.textData, size_t(perRow * rows * 1.125));
                reserveAtLeast(&m_keys.textStart, size_t(rows) + 1);
            }
        }
        m_model->prefetchSortKeys(r, m_column);
        computeKey(r);
    }
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
        const int c = m_keys.textOf(a).compare(m_keys.textOf(b));
        if (c == 0)
            return a < b;
        less = c < 0;
    } else {
        return a < b;
    }
    return m_order == Qt::AscendingOrder ? less : !less;
}

// The rows in run order: the sorts below keep the order of equal keys, so
// runs with equal values stay in run order.
QVector<int> RunSortModel::inRunOrder(const QVector<int> &rows) const
{
    QVector<int> ordered;
    const int all = m_model->rowCount();
    if (std::is_sorted(rows.cbegin(), rows.cend())) // a page, pages after one another
        return rows;
    if (rows.size() < all / 16) {
        ordered = rows;
        std::sort(ordered.begin(), ordered.end());
        return ordered;
    }
    std::vector<bool> in(size_t(all), false);
    for (int r : rows)
        in[size_t(r)] = true;
    ordered.reserve(rows.size());
    for (int r = 0; r < all; ++r)
        if (in[size_t(r)])
            ordered.append(r);
    return ordered;
}

void RunSortModel::sortRows(QVector<int> *rows) const
{
    if (m_column < 0) {
        std::sort(rows->begin(), rows->end());
        return;
    }
    // Numbers sort as (key, row) pairs, the key a number's bits in the
    // order of the numbers, by radix: a few sequential passes, no
    // comparisons.
    const bool up = m_order == Qt::AscendingOrder;
    std::vector<Keyed> &numbers = m_radixItems;
    numbers.clear();
    reserveAtLeast(&numbers, size_t(rows->size()));
    // room for the texts' rows at once, not grown by doubling
    QVector<int> texts;
    QVector<int> missing;
    const qsizetype textRows = std::count(m_keys.kind.cbegin(), m_keys.kind.cend(), char(2));
    reserveAtLeast(&texts, size_t(textRows));
    for (int r : inRunOrder(*rows)) {
        const char kind = m_keys.kind.at(r);
        if (kind == 1) {
            const quint64 key = orderedBits(m_keys.numbers.at(r));
            numbers.push_back({ up ? key : ~key, r });
        } else {
            (kind == 2 ? texts : missing).append(r);
        }
    }
    // the same rows, in place: numbers, then texts (the other way round
    // when descending), then missing values
    radixSort(&numbers);
    const qsizetype numberCount = qsizetype(numbers.size());
    int *out = rows->data();
    int *to = out + (up ? 0 : texts.size());
    for (const Keyed &k : numbers)
        *to++ = k.row;
    sortTexts(&texts); // with numbers' array
    std::copy(texts.cbegin(), texts.cend(), out + (up ? numberCount : 0));
    std::copy(missing.cbegin(), missing.cend(), out + numberCount + texts.size());
}

// Texts by rank when they are few (a column of statuses or scripts holds a
// handful): the distinct texts are sorted once, then the rows as (rank, row)
// pairs. Many distinct texts (run ids) sort by the first units past the
// prefix they share. rows come in run order.
void RunSortModel::sortTexts(QVector<int> *rows) const
{
    if (rows->isEmpty())
        return;
    constexpr int kFew = 4096;
    const bool up = m_order == Qt::AscendingOrder;
    const int texts = m_keys.textCount();
    QHash<QStringView, int> ranks;
    for (int i = 0; i < texts && ranks.size() <= kFew; ++i)
        ranks.insert(m_keys.text(i), 0);
    std::vector<Keyed> &flat = m_radixItems;
    flat.clear();
    reserveAtLeast(&flat, size_t(rows->size()));
    if (ranks.size() <= kFew) {
        QVector<QStringView> distinct;
        distinct.reserve(ranks.size());
        for (auto it = ranks.cbegin(); it != ranks.cend(); ++it)
            distinct.append(it.key());
        std::sort(distinct.begin(), distinct.end(), [](QStringView a, QStringView b) { return a.compare(b) < 0; });
        for (int i = 0; i < distinct.size(); ++i)
            ranks[distinct.at(i)] = up ? i : int(distinct.size()) - i;
        QVector<int> rankOfText(texts);
        for (int i = 0; i < texts; ++i)
            rankOfText[i] = ranks.value(m_keys.text(i));
        for (int r : std::as_const(*rows))
            flat.push_back({ quint64(rankOfText.at(m_keys.textIndex.at(r))), r });
        radixSort(&flat);
        for (int i = 0; i < rows->size(); ++i)
            (*rows)[i] = flat[size_t(i)].row;
        return;
    }
    // Many distinct texts (run ids, names): past the prefix they all share,
    // their next units packed in a number (eight when they are Latin-1,
    // four otherwise) decide most places, and only runs with equal numbers
    // compare the rest of their texts.
    const QStringView first = m_keys.textOf(rows->constFirst());
    qsizetype shared = first.size();
    bool narrow = true; // every text Latin-1
    for (int r : std::as_const(*rows)) {
        const QStringView t = m_keys.textOf(r);
        qsizetype i = 0;
        const qsizetype n = qMin<qsizetype>(shared, t.size());
        while (i < n && t[i] == first[i])
            ++i;
        shared = i;
        for (QChar c : t)
            narrow = narrow && c.unicode() < 0x100;
    }
    const int units = narrow ? 8 : 4;
    const int bits = narrow ? 8 : 16;
    for (int r : std::as_const(*rows)) {
        const QStringView t = m_keys.textOf(r);
        quint64 head = 0;
        for (qsizetype i = shared; i < shared + units; ++i)
            head = (head << bits) | (i < t.size() ? t[i].unicode() : 0);
        flat.push_back({ up ? head : ~head, r });
    }
    radixSort(&flat);
    for (size_t i = 0; i < flat.size();) {
        size_t j = i + 1;
        while (j < flat.size() && flat[j].key == flat[i].key)
            ++j;
        if (j - i > 1)
            std::sort(flat.begin() + qint64(i), flat.begin() + qint64(j),
                      [this, up, shared](const Keyed &a, const Keyed &b) {
                          const int c = m_keys.textOf(a.row).mid(shared).compare(m_keys.textOf(b.row).mid(shared));
                          if (c == 0)
                              return a.row < b.row;
                          return up ? c < 0 : c > 0;
                      });
        i = j;
    }
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
    m_waiting.clear(); // read below with the rest
    m_takeWaiting.stop();
    if (m_column >= m_model->columnCount())
        m_column = -1;
    computeKeys();
    m_rows.clear();
    m_rows.reserve(qMax(m_filter->rowCount(), m_model->expectedRowCount()));
    for (int r = 0; r < m_filter->rowCount(); ++r)
        m_rows.append(m_filter->mapToSource(m_filter->index(r, 0)).row());
    sortRows(&m_rows);
    m_position = QVector<int>(m_model->rowCount(), -1);
    m_position.reserve(m_model->expectedRowCount());
    renumber(0);
}

void RunSortModel::filterRowsInserted(int first, int last)
{
    QVector<int> fresh;
    fresh.reserve(last - first + 1);
    for (int r = first; r <= last; ++r)
        fresh.append(m_filter->mapToSource(m_filter->index(r, 0)).row());
    // the keys now, while the runs are fresh in the cache (a run read again
    // later waits for memory)
    if (m_column >= 0)
        for (int row : std::as_const(fresh))
            computeKey(row);
    if (m_model->isFilling()) { // more pages to come
        if (m_waiting.isEmpty())
            m_takeWaiting.start(waitMsecs());
        m_waiting += fresh;
        return;
    }
    if (!m_waiting.isEmpty()) { // the last page: in with the ones before it
        m_takeWaiting.stop();
        fresh = std::exchange(m_waiting, {}) + fresh;
    }
    insertFresh(std::move(fresh));
}

void RunSortModel::takeWaiting()
{
    m_takeWaiting.stop();
    if (!m_waiting.isEmpty())
        insertFresh(std::exchange(m_waiting, {}));
}

// Rows whose keys are known, into their places.
void RunSortModel::insertFresh(QVector<int> fresh)
{
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
    QVector<int> notIn; // yet: waiting
    for (int r = first; r <= last; ++r) {
        const int row = m_filter->mapToSource(m_filter->index(r, 0)).row();
        const int place = position(row);
        if (place >= 0)
            places.append(place);
        else
            notIn.append(row);
    }
    if (!notIn.isEmpty() && !m_waiting.isEmpty()) {
        std::sort(notIn.begin(), notIn.end());
        m_waiting.erase(
            std::remove_if(m_waiting.begin(), m_waiting.end(),
                           [&notIn](int row) { return std::binary_search(notIn.cbegin(), notIn.cend(), row); }),
            m_waiting.end());
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

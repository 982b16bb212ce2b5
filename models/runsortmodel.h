#pragma once

#include <QAbstractProxyModel>
#include <QTimer>
#include <QVector>

#include <limits>
#include <vector>

class RunFilterModel;
class RunModel;

// The grid's order: the runs a RunFilterModel keeps, sorted by one column of
// the RunModel. Sorting reads flat keys computed once per column (numbers
// before text, text case-folded, missing values last in both directions,
// ties in run order) instead of comparing QModelIndexes, and sorts them as
// 64-bit numbers by radix, so a million runs sort in well under a tenth of
// a second. New runs arrive in pages: a page goes in with one insertion and
// one merge, not a search per run. While the RunModel fills (a history's
// first load, page after page), new runs wait and go in together a few
// times a second: the grid and its header move every row after an insertion
// at the top, which for a million rows cost more than the page itself.
//
// Its source is the RunModel itself: mapToSource() gives the run's row.
class RunSortModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    RunSortModel(RunModel *model, RunFilterModel *filter, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const { return m_column; }
    Qt::SortOrder sortOrder() const { return m_order; }
    // Runs the filter shows that wait to go in (see above).
    int waitingCount() const { return int(m_waiting.size()); }
    // How long they may wait at most.
    static int waitMsecs() { return 100; }

private:
    // The sort column's key of every RunModel row.
    struct Keys
    {
        int column = -1;
        QVector<char> kind; // 0 missing, 1 number, 2 text
        QVector<double> numbers;
        // A text row's place among the texts; empty while no row has a
        // text. Rows in a row that share a text (a script, a status) share
        // a place.
        QVector<int> textIndex;
        // The texts, case-folded, one after the other in one string (a
        // million run ids in one block, not a million strings): text i is
        // textData from textStart[i] to textStart[i + 1].
        QString textData;
        QVector<qsizetype> textStart { 0 };

        int appendText(QStringView raw); // its place
        int textCount() const { return int(textStart.size()) - 1; }
        QStringView text(int i) const
        {
            return QStringView(textData).mid(textStart.at(i), textStart.at(i + 1) - textStart.at(i));
        }
        QStringView textOf(int row) const { return text(textIndex.at(row)); }
    };
    struct Keyed
    {
        quint64 key;
        int row;
    };
    void radixSort(std::vector<Keyed> *items) const;
    bool before(int a, int b) const; // RunModel rows, in the current order
    QVector<int> inRunOrder(const QVector<int> &rows) const;
    void computeKey(int sourceRow);
    void computeKeys();
    void sortRows(QVector<int> *rows) const;
    void sortTexts(QVector<int> *rows) const;
    void renumber(int from);
    int position(int sourceRow) const; // its place in m_rows, or -1
    void reorder(const QVector<int> &rows);
    void reorderMerging(const QVector<int> &sorted, const QVector<int> &more);
    void rebuild();
    void filterRowsInserted(int first, int last);
    void insertFresh(QVector<int> fresh);
    void takeWaiting();
    void filterRowsAboutToBeRemoved(int first, int last);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QVector<int> &roles);

    RunModel *m_model;
    RunFilterModel *m_filter;
    int m_column = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    Keys m_keys;
    // The (key, row) pairs a sort puts in order, and radixSort()'s other
    // array: kept from sort to sort, as large as the largest so far.
    mutable std::vector<Keyed> m_radixItems;
    mutable std::vector<Keyed> m_radixScratch;
    QVector<int> m_rows; // RunModel rows in the shown order
    // per RunModel row: its place in m_rows, or -1; the places from
    // m_rows[m_renumberFrom] on are out of date (see position())
    mutable QVector<int> m_position;
    mutable int m_renumberFrom = std::numeric_limits<int>::max();
    QVector<int> m_waiting; // RunModel rows the filter added while the model fills
    QTimer m_takeWaiting;
};

#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <limits>
#include <vector>

class QAbstractProxyModel;
class RunModel;

// The dashboard's chart series: one per logged number (with the grid's
// aggregate) and one for the duration (key ""), a point per run the filter
// shows, in run order. Kept from the models' change signals, incrementally:
// a changed run moves only its own points, a new run adds its own, a removed
// one takes them away; only a new filter result or aggregate reads every run
// again. seriesChanged() names the series that moved, so a view redraws
// only those.
class DashboardSeries : public QObject
{
    Q_OBJECT

public:
    struct Point
    {
        double x = 0; // the run number
        double y = 0;
        int run = -1; // the run's row in the model (rows stay where they are until a reset)
    };

    DashboardSeries(RunModel *model, QAbstractProxyModel *shown, QObject *parent = nullptr);

    // The keys that have at least one number, in the model's order, then ""
    // (the duration).
    QStringList keys() const;
    // Shared, not copied: a chart holds the same points.
    QVector<Point> points(const QString &key) const { return m_series.value(key); }
    // How many run rows were read since the start: what a benchmark counts.
    qint64 rowsRead() const { return m_rowsRead; }

    // What moved in a series since the last call, for a chart that keeps
    // its own copy: whole (take points() again), or the indices whose value
    // changed and where new runs were appended at the end (-1: none).
    struct Change
    {
        bool whole = true;
        QVector<int> changed;
        int appendedFrom = -1;
    };
    Change takeChange(const QString &key);

Q_SIGNALS:
    void keysChanged();
    void seriesChanged(const QStringList &keys);

private:
    void rebuild();
    void readProxyRows(int first, int last);
    void readSourceRow(int sourceRow);
    void appendNewRuns(const QVector<int> &sourceRows);
    void forgetRun(int sourceRow);
    bool isKnown(int sourceRow) const
    {
        return sourceRow < int(m_numberOfRow.size()) && m_numberOfRow[size_t(sourceRow)] != kUnknown;
    }
    void setKnown(int sourceRow, int number);
    void setPoint(const QString &key, int number, const Point *point);
    static bool contains(const QVector<Point> &series, int number);
    void publish();

    RunModel *m_model;
    QAbstractProxyModel *m_shown;
    // key → points sorted by run number (new runs come last: an append)
    QHash<QString, QVector<Point>> m_series;
    QHash<QString, Change> m_changes;
    // model row → the run number its points have, for the runs the filter
    // shows (kUnknown for the rest): rows, not run ids, so a million new
    // runs need no hash of strings
    static constexpr int kUnknown = std::numeric_limits<int>::min();
    std::vector<int> m_numberOfRow;
    int m_known = 0; // rows with a number in m_numberOfRow
    // at least the highest number a point had since the last rebuild: a
    // run numbered above it is appended to every series it has a value in
    int m_lastNumber = std::numeric_limits<int>::min();
    QSet<QString> m_dirty;
    bool m_keysDirty = false;
    qint64 m_rowsRead = 0;
};

// A point is plain numbers: a vector of a million of them is copied and
// grown as memory, with no reference count to touch per point.
Q_DECLARE_TYPEINFO(DashboardSeries::Point, Q_RELOCATABLE_TYPE);

#pragma once

#include "runidindex.h"
#include "runrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>
#include <vector>

// One row per run of the project, shared by every history view (through
// proxies). Fixed columns for the run's fields, then one column per logged
// name, added as names appear. Changes arrive incrementally (upsertRuns:
// beginInsertRows/beginInsertColumns/dataChanged); the only reset is the
// first load of a project.
class RunModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Field {
        NumberField,
        StatusField,
        ScriptField,
        ArgumentsField,
        DurationField,
        StartField,
        RunIdField,
        NameField,
        UserField, // who ran it and on which machine: a team's server history
        HostField, // holds runs of several (shown through Customize)
        TargetField, // this machine, or the cluster job that ran it
        FieldCount
    };
    enum Role {
        RawRole = Qt::UserRole + 1, // number, bool or text; invalid when missing
        RunIdRole,
        RunNumberRole,
        ColumnIdRole, // "field:status", "metric:Accuracy"
        ScriptRole,
        StatusRole, // RunStatus as int
        HiddenRole,
        SortRole, // raw, with missing values sorting last
    };
    // How a value logged many times shows in the grid and the charts.
    enum Aggregate { Last, Min, Max, Mean };

    struct Row
    {
        RunRecord run;
        QVector<MetricSummary> metrics;
    };

    explicit RunModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces everything (opening a project). expected: how many runs the
    // project holds, when more follow through upsertRuns(); the per-run
    // tables make room for them once (growing a hash of a million run ids
    // in steps would hold the window for a quarter second each time).
    void setRuns(const QVector<Row> &rows, int expected = 0);
    using RowPointers = std::vector<std::unique_ptr<Row>>;
    void setRuns(RowPointers rows, int expected = 0);
    int expectedRowCount() const { return m_expected; }
    // Whether more runs of the load are on their way (fewer rows than
    // expected); endFilling() says the load brought all there were.
    bool isFilling() const { return rowCount() < m_expected; }
    void endFilling() { m_expected = qMin(m_expected, rowCount()); }
    // Adds new runs and updates known ones, without a reset.
    void upsertRuns(const QVector<Row> &rows);
    // The same for rows made elsewhere (a page of the first load), which
    // the model takes over as they are.
    void upsertRuns(RowPointers rows);

    QStringList metricKeys() const { return m_keys; }
    // A name's place in metricKeys(), or -1: loops over many runs look a
    // name up once and read its values by place.
    int keyIndex(const QString &key) const { return m_keyIndex.value(key, -1); }
    // Whether a name holds a parameter, a tag or a logged metric (as its
    // first run with it says).
    ValueRole keyRole(const QString &key) const { return m_keyRoles.value(key, ValueRole::Metric); }
    int columnOfKey(const QString &key) const;
    QString keyOfColumn(int column) const; // "" for a field column
    QString columnId(int column) const;
    int columnOfId(const QString &id) const;
    static QString fieldName(Field field);

    void setAggregate(const QString &key, Aggregate aggregate);
    Aggregate aggregate(const QString &key) const { return m_aggregates.value(key, Last); }
    static QString aggregateName(Aggregate aggregate); // "last", "min", "max", "mean"

    const RunRecord &run(int row) const { return m_rows[size_t(row)]->run; }
    int rowOfRunId(const QString &runId) const
    {
        return m_rowOfRunId.find(runId, [this](int row) -> const QString & { return m_rows[size_t(row)]->run.runId; });
    }
    qint64 maxRunRowId() const { return m_maxId; }
    QVector<qint64> activeRunRowIds() const;
    // A run's value for a name, with the name's aggregate; nullopt if not logged.
    std::optional<QVariant> metricValue(int row, const QString &key) const;
    // The same for numbers only, without a QVariant: false when not a number.
    bool numericValue(int row, const QString &key, double *value) const;
    bool numericValue(int row, int keyIndex, double *value) const;

    // What a cell sorts by (SortRole), without a QVariant: sorting reads a
    // million of them. A text is a view of the run's own string, or of
    // *made when the text is made for the purpose (the arguments in a line).
    enum class SortKind : char { Missing, Number, Text };
    SortKind sortKey(int row, int column, double *number, QStringView *text, QString *made) const;
    // Reads ahead for a loop calling sortKey(row, column) for each row in
    // turn, called before each: rows lie all over the heap, and a million
    // of them read one after the other wait for memory most of the time.
    void prefetchSortKeys(int row, int column) const;

Q_SIGNALS:
    void metricKeysChanged();

private:
    QVariant fieldData(const RunRecord &run, int field, int role) const;
    void addKeys(const RowPointers &rows);

    void appendRows(RowPointers &&rows, const QVector<int> &fresh);
    void addNumberColumn(const QString &key);
    void readNumbers(int row);
    void readNumber(int keyIndex, int row, const MetricSummary &summary);

    // Each row where its maker put it: a page of runs read on the history's
    // thread comes in as pointers, and the window's thread never copies or
    // moves a record (which costs more than reading it from the store).
    std::vector<std::unique_ptr<Row>> m_rows;
    RunIdIndex m_rowOfRunId;
    QStringList m_keys; // in the order they appeared
    QHash<QString, int> m_keyIndex; // a name's place in m_keys
    // Per name (in m_keys' order), every row's number under the name's
    // aggregate, kept up to date as rows come and change: sorts, charts and
    // filters read a column in order instead of searching each run's
    // summaries, which lie all over the heap.
    struct NumberColumn
    {
        Aggregate aggregate = Last;
        std::vector<double> values;
        std::vector<char> kinds; // 0 no number, 1 a number, 2 a text or a bool
    };
    std::vector<NumberColumn> m_numbers;
    QHash<QString, ValueRole> m_keyRoles;
    QHash<QString, Aggregate> m_aggregates;
    qint64 m_maxId = 0;
    int m_expected = 0;
};

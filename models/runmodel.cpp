#include "runmodel.h"

#include "argumentline.h"
#include "historyformat.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

RunModel::RunModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int RunModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int RunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldCount + int(m_keys.size());
}

QString RunModel::fieldName(Field field)
{
    switch (field) {
    case NumberField: return tr("Run");
    case StatusField: return tr("Status");
    case ScriptField: return tr("Script");
    case ArgumentsField: return tr("Arguments");
    case DurationField: return tr("Duration");
    case StartField: return tr("Started");
    case RunIdField: return tr("Run id");
    case NameField: return tr("Name");
    case UserField: return tr("User");
    case HostField: return tr("Host");
    case TargetField: return tr("Target");
    case FieldCount: break;
    }
    return {};
}

QString RunModel::aggregateName(Aggregate aggregate)
{
    switch (aggregate) {
    case Last: return QStringLiteral("last");
    case Min: return QStringLiteral("min");
    case Max: return QStringLiteral("max");
    case Mean: return QStringLiteral("mean");
    }
    return QStringLiteral("last");
}

int RunModel::columnOfKey(const QString &key) const
{
    const int i = keyIndex(key);
    return i < 0 ? -1 : FieldCount + i;
}

QString RunModel::keyOfColumn(int column) const
{
    return column >= FieldCount ? m_keys.value(column - FieldCount) : QString();
}

QString RunModel::columnId(int column) const
{
    if (column < FieldCount) {
        static const char *const ids[]
            = { "run",     "status", "script", "arguments", "duration", "started",
                "run_id",  "name",   "user",   "host",      "target" };
        return QStringLiteral("field:") + QLatin1String(ids[column]);
    }
    return QStringLiteral("metric:") + keyOfColumn(column);
}

int RunModel::columnOfId(const QString &id) const
{
    for (int c = 0; c < columnCount(); ++c)
        if (columnId(c) == id)
            return c;
    return -1;
}

bool RunModel::numericValue(int row, const QString &key, double *value) const
{
    return numericValue(row, keyIndex(key), value);
}

bool RunModel::numericValue(int row, int keyIndex, double *value) const
{
    if (keyIndex < 0 || size_t(keyIndex) >= m_numbers.size())
        return false;
    const NumberColumn &column = m_numbers[size_t(keyIndex)];
    if (column.kinds[size_t(row)] != 1)
        return false;
    *value = column.values[size_t(row)];
    return true;
}

// What readNumbers() keeps of one summary: the number metricValue() gives.
void RunModel::readNumber(int keyIndex, int row, const MetricSummary &s)
{
    NumberColumn &column = m_numbers[size_t(keyIndex)];
    char kind = 1;
    double value = s.last;
    if (s.kind == MetricKind::Text || s.kind == MetricKind::Bool) {
        kind = 2;
    } else if (column.aggregate != Last) {
        kind = s.finiteCount > 0 ? 1 : 0;
        value = column.aggregate == Min ? s.min : column.aggregate == Max ? s.max : s.mean();
    }
    column.kinds[size_t(row)] = kind;
    column.values[size_t(row)] = value;
}

void RunModel::readNumbers(int row)
{
    for (NumberColumn &column : m_numbers)
        column.kinds[size_t(row)] = 0;
    // runs list their names in the same order, mostly: try the next place
    // before the hash
    int next = 0;
    for (const MetricSummary &s : m_rows[size_t(row)]->metrics) {
        const int k = next < m_keys.size() && m_keys.at(next) == s.key ? next : keyIndex(s.key);
        if (k < 0)
            continue;
        readNumber(k, row, s);
        next = k + 1;
    }
}

void RunModel::addNumberColumn(const QString &key)
{
    m_keyIndex.insert(key, int(m_keys.size()));
    m_keys.append(key);
    NumberColumn column;
    column.aggregate = aggregate(key);
    column.values.resize(m_rows.size());
    column.kinds.resize(m_rows.size());
    m_numbers.push_back(std::move(column));
}

std::optional<QVariant> RunModel::metricValue(int row, const QString &key) const
{
    for (const MetricSummary &s : m_rows[size_t(row)]->metrics) {
        if (s.key != key)
            continue;
        if (s.kind == MetricKind::Text || s.kind == MetricKind::Bool)
            return s.lastValue();
        switch (aggregate(key)) {
        case Min: return s.finiteCount ? QVariant(s.min) : QVariant();
        case Max: return s.finiteCount ? QVariant(s.max) : QVariant();
        case Mean: return s.finiteCount ? QVariant(s.mean()) : QVariant();
        case Last: break;
        }
        return QVariant(s.last);
    }
    return std::nullopt;
}

namespace {
// The run's own string a field column sorts by, or nullptr for a field of
// another kind. Only its address is taken: the record is not read.
const QString *ownText(const RunRecord &run, int column)
{
    switch (column) {
    case RunModel::ScriptField: return &run.script;
    case RunModel::RunIdField: return &run.runId;
    case RunModel::NameField: return &run.name;
    case RunModel::UserField: return &run.user;
    case RunModel::HostField: return &run.host;
    case RunModel::TargetField: return &run.target;
    default: return nullptr;
    }
}
} // namespace

RunModel::SortKind RunModel::sortKey(int row, int column, double *number, QStringView *text, QString *made) const
{
    const RunRecord &run = m_rows[size_t(row)]->run;
    const auto numberKey = [number](double value) {
        *number = value;
        return std::isnan(value) ? SortKind::Missing : SortKind::Number;
    };
    const auto madeKey = [text, made](QString value) {
        *made = std::move(value);
        *text = *made;
        return SortKind::Text;
    };
    if (const QString *own = ownText(run, column)) {
        *text = *own;
        return SortKind::Text;
    }
    // a run not started (or not ended) sorts after every run that has one
    constexpr double never = std::numeric_limits<double>::infinity();
    switch (column) {
    case NumberField: return numberKey(run.number);
    case StatusField: return madeKey(runStatusName(run.status));
    case ArgumentsField: return madeKey(ArgumentLine::join(run.arguments));
    case DurationField: return numberKey(run.durationUs() < 0 ? never : double(run.durationUs()) / 1e6);
    case StartField: return numberKey(run.startUs <= 0 ? never : double(run.startUs));
    default: break;
    }
    const int k = column - FieldCount;
    if (k < 0 || size_t(k) >= m_numbers.size())
        return SortKind::Missing;
    const NumberColumn &values = m_numbers[size_t(k)];
    switch (values.kinds[size_t(row)]) {
    case 1: return numberKey(values.values[size_t(row)]);
    case 2: {
        const auto value = metricValue(row, m_keys.at(k));
        if (!value || !value->isValid())
            return SortKind::Missing;
        if (value->userType() == QMetaType::Bool)
            return numberKey(value->toBool() ? 1 : 0);
        return madeKey(value->toString());
    }
    default: return SortKind::Missing;
    }
}

namespace {
// Where a field column's value lies in a record (its address only: the
// record is not read).
const void *fieldAddress(const RunRecord &run, int column)
{
    if (const QString *own = ownText(run, column))
        return own;
    switch (column) {
    case RunModel::NumberField: return &run.number;
    case RunModel::StatusField: return &run.status;
    case RunModel::ArgumentsField: return &run.arguments;
    case RunModel::DurationField:
    case RunModel::StartField: return &run.startUs;
    default: return nullptr;
    }
}
} // namespace

void RunModel::prefetchSortKeys(int row, int column) const
{
#if defined(__GNUC__)
    if (column >= FieldCount)
        return; // a number column is read in order
    // the field of the row sixteen rows on, and the text of the row eight
    // rows on (whose field came in eight rows ago)
    if (size_t(row) + 16 < m_rows.size())
        __builtin_prefetch(fieldAddress(m_rows[size_t(row) + 16]->run, column));
    if (size_t(row) + 8 >= m_rows.size())
        return;
    if (const QString *own = ownText(m_rows[size_t(row) + 8]->run, column))
        __builtin_prefetch(own->constData());
#else
    Q_UNUSED(row)
    Q_UNUSED(column)
#endif
}

QVariant RunModel::fieldData(const RunRecord &run, int field, int role) const
{
    const bool raw = role == RawRole;
    switch (field) {
    case NumberField: return run.number;
    case StatusField: return raw ? QVariant(runStatusName(run.status)) : QVariant(runStatusText(run.status));
    case ScriptField: return run.script;
    case ArgumentsField: return ArgumentLine::join(run.arguments);
    case DurationField:
        if (run.durationUs() < 0)
            return {};
        return raw ? QVariant(double(run.durationUs()) / 1e6) : QVariant(HistoryFormat::duration(run.durationUs()));
    case StartField:
        if (run.startUs <= 0)
            return {};
        return raw
            ? QVariant(run.startUs)
            : QVariant(QLocale().toString(QDateTime::fromMSecsSinceEpoch(run.startUs / 1000), QLocale::ShortFormat));
    case RunIdField: return run.runId;
    case NameField: return run.name;
    case UserField: return run.user;
    case HostField: return run.host;
    case TargetField:
        if (raw)
            return run.target;
        if (run.target != QLatin1String("slurm"))
            return tr("This machine");
        return run.jobId.isEmpty() ? tr("Slurm") : tr("Slurm job %1").arg(run.jobId);
    default: return {};
    }
}

QVariant RunModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_rows.size())
        return {};
    const Row &row = *m_rows[size_t(index.row())];
    switch (role) {
    case RunIdRole: return row.run.runId;
    case RunNumberRole: return row.run.number;
    case ColumnIdRole: return columnId(index.column());
    case ScriptRole: return row.run.script;
    case StatusRole: return int(row.run.status);
    case HiddenRole: return row.run.hidden;
    case Qt::TextAlignmentRole:
        return index.column() >= FieldCount || index.column() == NumberField
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant(int(Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole: {
        double number = 0;
        QStringView text;
        QString made;
        switch (sortKey(index.row(), index.column(), &number, &text, &made)) {
        case SortKind::Missing: return {};
        case SortKind::Number: return number;
        case SortKind::Text: return text.toString();
        }
        return {};
    }
    case Qt::DisplayRole:
    case RawRole: break;
    default: return {};
    }
    if (index.column() < FieldCount)
        return fieldData(row.run, index.column(), role);
    const auto value = metricValue(index.row(), keyOfColumn(index.column()));
    if (!value || !value->isValid())
        return {};
    if (role != Qt::DisplayRole)
        return *value;
    if (value->userType() == QMetaType::Double) {
        const double d = value->toDouble();
        return std::isfinite(d) ? QLocale().toString(d, 'g', 6) : HistoryFormat::number(d);
    }
    if (value->userType() == QMetaType::Bool)
        return value->toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value->toString();
}

QVariant RunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == ColumnIdRole)
        return columnId(section);
    if (role != Qt::DisplayRole)
        return {};
    if (section < FieldCount)
        return fieldName(Field(section));
    const QString key = keyOfColumn(section);
    const Aggregate a = aggregate(key);
    return a == Last ? key : aggregateName(a) + QLatin1Char(' ') + key;
}

namespace {
RunModel::RowPointers pointersTo(const QVector<RunModel::Row> &rows)
{
    RunModel::RowPointers pointers;
    pointers.reserve(size_t(rows.size()));
    for (const RunModel::Row &r : rows)
        pointers.push_back(std::make_unique<RunModel::Row>(r));
    return pointers;
}
} // namespace

void RunModel::setRuns(const QVector<Row> &rows, int expected) { setRuns(pointersTo(rows), expected); }

void RunModel::setRuns(RowPointers rows, int expected)
{
    beginResetModel();
    m_rows.clear();
    m_expected = qMax(expected, int(rows.size()));
    m_rows.reserve(size_t(m_expected));
    m_rowOfRunId.clear();
    m_rowOfRunId.reserve(m_expected);
    m_keys.clear();
    m_keyIndex.clear();
    m_keyRoles.clear();
    m_numbers.clear();
    m_maxId = 0;
    for (const std::unique_ptr<Row> &r : rows) {
        for (const MetricSummary &s : r->metrics) {
            if (!m_keyRoles.contains(s.key)) {
                addNumberColumn(s.key);
                m_keyRoles.insert(s.key, s.role);
            }
        }
    }
    QVector<int> all(qsizetype(rows.size()));
    std::iota(all.begin(), all.end(), 0);
    appendRows(std::move(rows), all);
    endResetModel();
    Q_EMIT metricKeysChanged();
}

// Appends rows[i] for each i in fresh, taking them over.
void RunModel::appendRows(RowPointers &&rows, const QVector<int> &fresh)
{
    const size_t size = m_rows.size() + size_t(fresh.size());
    for (NumberColumn &column : m_numbers) {
        // room for the runs still to come, in one step
        if (column.values.capacity() < size) {
            column.values.reserve(qMax(size, size_t(m_expected)));
            column.kinds.reserve(qMax(size, size_t(m_expected)));
        }
        column.values.resize(size);
        column.kinds.resize(size);
    }
    for (int i : fresh) {
        std::unique_ptr<Row> &r = rows[size_t(i)];
        m_rowOfRunId.insert(r->run.runId, int(m_rows.size()));
        m_maxId = qMax(m_maxId, r->run.id);
        m_rows.push_back(std::move(r));
        readNumbers(int(m_rows.size()) - 1);
    }
}

void RunModel::addKeys(const RowPointers &rows)
{
    QStringList added;
    QHash<QString, ValueRole> roles;
    for (const std::unique_ptr<Row> &r : rows) {
        for (const MetricSummary &s : r->metrics) {
            if (!m_keyRoles.contains(s.key) && !roles.contains(s.key)) {
                added.append(s.key);
                roles.insert(s.key, s.role);
            }
        }
    }
    if (added.isEmpty())
        return;
    const int first = columnCount();
    beginInsertColumns(QModelIndex(), first, first + int(added.size()) - 1);
    m_keyRoles.insert(roles);
    for (const QString &key : std::as_const(added))
        addNumberColumn(key);
    endInsertColumns();
    Q_EMIT metricKeysChanged();
}

void RunModel::upsertRuns(const QVector<Row> &rows) { upsertRuns(pointersTo(rows)); }

void RunModel::upsertRuns(RowPointers rows)
{
    addKeys(rows);
    QVector<int> fresh; // indices in rows
    for (size_t i = 0; i < rows.size(); ++i) {
        const int existing = rowOfRunId(rows[i]->run.runId);
        if (existing < 0) {
            fresh.append(int(i));
            continue;
        }
        *m_rows[size_t(existing)] = std::move(*rows[i]); // in place: a row stays where it is
        readNumbers(existing);
        Q_EMIT dataChanged(index(existing, 0), index(existing, columnCount() - 1));
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
    appendRows(std::move(rows), fresh);
    endInsertRows();
}

void RunModel::setAggregate(const QString &key, Aggregate aggregate)
{
    const int column = columnOfKey(key);
    if (column < 0 || this->aggregate(key) == aggregate)
        return;
    m_aggregates.insert(key, aggregate);
    const int k = keyIndex(key);
    m_numbers[size_t(k)].aggregate = aggregate;
    for (size_t row = 0; row < m_rows.size(); ++row) {
        m_numbers[size_t(k)].kinds[row] = 0;
        for (const MetricSummary &s : m_rows[row]->metrics)
            if (s.key == key)
                readNumber(k, int(row), s);
    }
    Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column));
}

QVector<qint64> RunModel::activeRunRowIds() const
{
    QVector<qint64> ids;
    for (const std::unique_ptr<Row> &r : m_rows)
        if (!isFinished(r->run.status))
            ids.append(r->run.id);
    return ids;
}

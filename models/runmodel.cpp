#include "runmodel.h"

#include "argumentline.h"
#include "historyformat.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>
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
    const int i = int(m_keys.indexOf(key));
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
    for (const MetricSummary &s : m_rows[size_t(row)]->metrics) {
        if (s.key != key)
            continue;
        if (s.kind == MetricKind::Text || s.kind == MetricKind::Bool)
            return false;
        switch (aggregate(key)) {
        case Min: *value = s.min; return s.finiteCount > 0;
        case Max: *value = s.max; return s.finiteCount > 0;
        case Mean: *value = s.mean(); return s.finiteCount > 0;
        case Last: break;
        }
        *value = s.last;
        return true;
    }
    return false;
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

QVariant RunModel::fieldData(const RunRecord &run, int field, int role) const
{
    const bool raw = role == RawRole || role == SortRole;
    switch (field) {
    case NumberField: return run.number;
    case StatusField: return raw ? QVariant(runStatusName(run.status)) : QVariant(runStatusText(run.status));
    case ScriptField: return run.script;
    case ArgumentsField: return ArgumentLine::join(run.arguments);
    case DurationField:
        if (run.durationUs() < 0)
            return role == SortRole ? QVariant(qInf()) : QVariant();
        return raw ? QVariant(double(run.durationUs()) / 1e6) : QVariant(HistoryFormat::duration(run.durationUs()));
    case StartField:
        if (run.startUs <= 0)
            return role == SortRole ? QVariant(qint64(std::numeric_limits<qint64>::max())) : QVariant();
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
    case Qt::DisplayRole:
    case RawRole:
    case SortRole: break;
    default: return {};
    }
    if (index.column() < FieldCount)
        return fieldData(row.run, index.column(), role);
    const auto value = metricValue(index.row(), keyOfColumn(index.column()));
    if (!value || !value->isValid())
        return role == SortRole ? QVariant() : QVariant();
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
    m_keyRoles.clear();
    m_maxId = 0;
    for (const std::unique_ptr<Row> &r : rows) {
        for (const MetricSummary &s : r->metrics) {
            if (!m_keyRoles.contains(s.key)) {
                m_keys.append(s.key);
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
    for (int i : fresh) {
        std::unique_ptr<Row> &r = rows[size_t(i)];
        m_rowOfRunId.insert(r->run.runId, int(m_rows.size()));
        m_maxId = qMax(m_maxId, r->run.id);
        m_rows.push_back(std::move(r));
    }
}

void RunModel::addKeys(const RowPointers &rows)
{
    QStringList added;
    for (const std::unique_ptr<Row> &r : rows) {
        for (const MetricSummary &s : r->metrics) {
            if (!m_keyRoles.contains(s.key)) {
                added.append(s.key);
                m_keyRoles.insert(s.key, s.role);
            }
        }
    }
    if (added.isEmpty())
        return;
    const int first = columnCount();
    beginInsertColumns(QModelIndex(), first, first + int(added.size()) - 1);
    m_keys += added;
    endInsertColumns();
    Q_EMIT metricKeysChanged();
}

void RunModel::upsertRuns(const QVector<Row> &rows) { upsertRuns(pointersTo(rows)); }

void RunModel::upsertRuns(RowPointers rows)
{
    addKeys(rows);
    QVector<int> fresh; // indices in rows
    for (size_t i = 0; i < rows.size(); ++i) {
        const int existing = m_rowOfRunId.value(rows[i]->run.runId, -1);
        if (existing < 0) {
            fresh.append(int(i));
            continue;
        }
        *m_rows[size_t(existing)] = std::move(*rows[i]); // in place: a row stays where it is
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

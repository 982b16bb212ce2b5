// RunStore: metric points and the per-run summaries kept up to date with them.
#include "runstore.h"

#include "sqlitereader.h"
#include "storevalues.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>
#include <map>
#include <tuple>
#include <utility>

using namespace StoreValues;

qint64 RunStore::keyId(const QString &name)
{
    const auto it = m_keyIds.constFind(name);
    if (it != m_keyIds.constEnd())
        return it.value();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO metric_keys (name) VALUES (?) ON CONFLICT (name) DO NOTHING"));
    insert.addBindValue(textValue(name));
    if (!exec(insert))
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM metric_keys WHERE name = ?"));
    q.addBindValue(textValue(name));
    if (!exec(q) || !q.next())
        return 0;
    const qint64 id = q.value(0).toLongLong();
    m_keyIds.insert(name, id);
    return id;
}

QSqlQuery &RunStore::prepared(const QString &sql)
{
    std::shared_ptr<QSqlQuery> &query = m_prepared[sql];
    if (!query) {
        query = std::make_shared<QSqlQuery>(m_db);
        query->prepare(sql);
    }
    return *query;
}

namespace {

QString tr(const char *text) { return QCoreApplication::translate("RunStore", text); }

// Points go in as multi-row INSERTs: one round trip per this many points
// instead of one per point (a server is a network hop away).
constexpr int kRowsPerInsert = 256;

struct Point
{
    qint64 run;
    qint64 key;
    qint64 step;
    QVariant num;
    QVariant txt;
    double time;
};

// PostgreSQL takes a whole column as one array value: many points in one
// statement, parsed once by the server.
constexpr int kPointsPerArrayInsert = 20000;

QString arrayNumber(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NULL");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QString::number(v, 'g', 17);
}

QString arrayText(const QVariant &v)
{
    if (v.isNull())
        return QStringLiteral("NULL");
    QString text = v.toString();
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString insertPoints(int rows)
{
    QStringList values;
    values.reserve(rows);
    for (int i = 0; i < rows; ++i)
        values.append(QStringLiteral("(?, ?, ?, ?, ?, ?)"));
    return QStringLiteral("INSERT INTO metrics (run, key, step, num, txt, time) VALUES ")
        + values.join(QStringLiteral(", "));
}

} // namespace

bool RunStore::appendMetrics(qint64 run, const QVector<MetricRecord> &records, QHash<QString, MetricSummary> *summaries,
                             qint64 newOffset, int skippedLines, const QString &lastSkipReason,
                             const QMap<QString, int> &skipReasons)
{
    SummariesByRun byRun;
    byRun.insert(run, *summaries);
    if (!appendMetrics(run, records, &byRun, newOffset, skippedLines, lastSkipReason, skipReasons))
        return false;
    *summaries = byRun.value(run);
    return true;
}

bool RunStore::appendMetrics(qint64 run, const QVector<MetricRecord> &records, SummariesByRun *summaries,
                             qint64 newOffset, int skippedLines, const QString &lastSkipReason,
                             const QMap<QString, int> &skipReasons)
{
    if (!begin())
        return false;
    SummariesByRun updated = *summaries;
    bool ok = writeValues(run, records, &updated);
    if (ok) {
        QSqlQuery offset(m_db);
        offset.prepare(QStringLiteral("UPDATE runs SET metrics_offset = ?, skipped_lines = skipped_lines + ?, "
                                      "last_skip_reason = CASE WHEN ? = '' THEN last_skip_reason ELSE ? END, "
                                      "skip_reasons = CASE WHEN ? = '' THEN skip_reasons ELSE ? END WHERE id = ?"));
        offset.addBindValue(newOffset);
        offset.addBindValue(skippedLines);
        offset.addBindValue(textValue(lastSkipReason));
        offset.addBindValue(textValue(lastSkipReason));
        const QString reasons = encodeSkipReasons(skipReasons);
        offset.addBindValue(textValue(reasons));
        offset.addBindValue(textValue(reasons));
        offset.addBindValue(run);
        // no such run: its points are not kept either
        ok = exec(offset) && (offset.numRowsAffected() == 1 || fail(tr("The run %1 is not in the history.").arg(run)));
    }
    if (!ok || !commit()) {
        const QString why = lastError();
        rollback();
        m_keyIds.clear(); // ids inserted in the rolled back transaction are gone
        return fail(why);
    }
    *summaries = updated;
    return true;
}

bool RunStore::writeValues(qint64 run, const QVector<MetricRecord> &records, SummariesByRun *summaries)
{
    QHash<qint64, QSet<QString>> touched;
    const double now = double(nowUs()) / 1e6;
    const QVariant nullText; // binds NULL
    QVector<Point> points;
    points.reserve(records.size());
    bool explicitSteps = false;
    for (const MetricRecord &record : records) {
        if (record.isRunEvent())
            continue;
        if (record.isProperty) {
            const QString text = record.kind == MetricKind::Text ? record.text
                : record.kind == MetricKind::Bool
                ? QString::fromLatin1(record.numbers.value(0) != 0 ? "true" : "false")
                : QString::number(record.numbers.value(0), 'g', QLocale::FloatingPointShortest);
            if (!setRunProperty(record.storeRun > 0 ? record.storeRun : run, record.name, text))
                return false;
            continue;
        }
        const qint64 key = keyId(record.name);
        if (key == 0)
            return false;
        const qint64 target = record.storeRun > 0 ? record.storeRun : run;
        MetricSummary &s = (*summaries)[target][record.name];
        if (s.count == 0) {
            s.key = record.name;
            s.kind = record.kind;
        } else if (s.kind != record.kind && s.kind != MetricKind::Text) {
            // A name logged with mixed kinds: a list stays a list, a scalar
            // logged again is a series; a text anywhere makes it text.
            if (record.kind == MetricKind::Text)
                s.kind = MetricKind::Text;
            else if (record.kind == MetricKind::List)
                s.kind = MetricKind::List;
        }
        s.role = record.role;
        touched[target].insert(record.name);
        const double time = record.time > 0 ? record.time : now;
        explicitSteps = explicitSteps || record.hasStep;
        qint64 step = record.hasStep ? record.step : s.maxStep + 1;
        if (record.kind == MetricKind::Text) {
            if (step >= s.maxStep) {
                s.lastText = record.text;
                s.last = std::numeric_limits<double>::quiet_NaN();
            }
            ++s.count;
            s.maxStep = qMax(s.maxStep, step);
            points.append(
                { target, key, step, QVariant(), record.text.isNull() ? nullText : QVariant(record.text), time });
        } else {
            for (double v : record.numbers) {
                const double last = s.last;
                addToSummary(&s, v);
                if (step < s.maxStep)
                    s.last = last; // an earlier step: the last value stays the one at the highest step
                ++s.count;
                s.maxStep = qMax(s.maxStep, step);
                points.append({ target, key, step++, numberValue(v),
                                std::isnan(v) ? QVariant(QStringLiteral("NaN")) : nullText, time });
            }
        }
    }
    if (explicitSteps) {
        // A value logged again at a step replaces the one there; one
        // statement may not write a row twice, so only the last one goes.
        std::map<std::tuple<qint64, qint64, qint64>, int> lastAt;
        for (int i = 0; i < points.size(); ++i)
            lastAt[{ points.at(i).run, points.at(i).key, points.at(i).step }] = i;
        if (qsizetype(lastAt.size()) < points.size()) {
            QVector<Point> unique;
            unique.reserve(lastAt.size());
            for (int i = 0; i < points.size(); ++i)
                if (lastAt.at({ points.at(i).run, points.at(i).key, points.at(i).step }) == i)
                    unique.append(points.at(i));
            points = unique;
        }
    }
    const QString onConflict = explicitSteps ? QStringLiteral(" ON CONFLICT (run, key, step) DO UPDATE SET "
                                                              "num = excluded.num, txt = excluded.txt, "
                                                              "time = excluded.time")
                                             : QString();
    bool ok = true;
    if (dialect() == Dialect::PostgreSQL) {
        QSqlQuery insert(m_db);
        insert.prepare(
            QStringLiteral(
                "INSERT INTO metrics (run, key, step, num, txt, time) SELECT r, k, s, n, t, tm FROM "
                "unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS DOUBLE PRECISION[]), "
                "CAST(? AS TEXT[]), CAST(? AS DOUBLE PRECISION[])) AS u(r, k, s, n, t, tm)")
            + onConflict);
        for (int at = 0; ok && at < points.size(); at += kPointsPerArrayInsert) {
            const int rows = int(qMin<qsizetype>(kPointsPerArrayInsert, points.size() - at));
            QStringList runs, keys, steps, nums, texts, times;
            for (int i = at; i < at + rows; ++i) {
                const Point &p = points.at(i);
                runs.append(QString::number(p.run));
                keys.append(QString::number(p.key));
                steps.append(QString::number(p.step));
                nums.append(p.num.isNull() ? QStringLiteral("NULL") : arrayNumber(p.num.toDouble()));
                texts.append(arrayText(p.txt));
                times.append(arrayNumber(p.time));
            }
            int column = 0;
            for (const QStringList *list : { &runs, &keys, &steps, &nums, &texts, &times })
                insert.bindValue(column++, QLatin1Char('{') + list->join(QLatin1Char(',')) + QLatin1Char('}'));
            ok = exec(insert);
        }
        points.clear();
    }
    // Statements of kRowsPerInsert points, then of halves (128, 64, … 1)
    // for the rest: a handful of statement sizes, each prepared once.
    for (int at = 0; ok && at < points.size();) {
        int rows = kRowsPerInsert;
        while (rows > points.size() - at)
            rows /= 2;
        QSqlQuery &insert = prepared(insertPoints(rows) + onConflict);
        for (int i = 0; i < rows; ++i) {
            const Point &p = points.at(at + i);
            insert.bindValue(i * 6, p.run);
            insert.bindValue(i * 6 + 1, p.key);
            insert.bindValue(i * 6 + 2, p.step);
            insert.bindValue(i * 6 + 3, p.num);
            insert.bindValue(i * 6 + 4, p.txt);
            insert.bindValue(i * 6 + 5, p.time);
        }
        ok = exec(insert);
        at += rows;
    }
    if (!ok)
        return false;
    QSqlQuery upsert(m_db);
    upsert.prepare(QStringLiteral(
        "INSERT INTO run_metrics (run, key, kind, count, last_num, last_txt, min_num, max_num, sum_num, finite_count, "
        "role, max_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (run, key) DO UPDATE SET kind = excluded.kind, count = excluded.count, "
        "last_num = excluded.last_num, last_txt = excluded.last_txt, min_num = excluded.min_num, "
        "max_num = excluded.max_num, sum_num = excluded.sum_num, finite_count = excluded.finite_count, "
        "role = excluded.role, max_step = excluded.max_step"));
    for (auto it = touched.cbegin(); it != touched.cend(); ++it) {
        for (const QString &name : it.value()) {
            const MetricSummary &s = (*summaries)[it.key()][name];
            upsert.bindValue(0, it.key());
            upsert.bindValue(1, keyId(name));
            upsert.bindValue(2, kindName(s.kind));
            upsert.bindValue(3, s.count);
            upsert.bindValue(4, numberValue(s.last));
            upsert.bindValue(5, s.kind == MetricKind::Text ? QVariant(s.lastText) : nullText);
            upsert.bindValue(6, s.finiteCount ? QVariant(s.min) : QVariant());
            upsert.bindValue(7, s.finiteCount ? QVariant(s.max) : QVariant());
            upsert.bindValue(8, s.sum);
            upsert.bindValue(9, s.finiteCount);
            upsert.bindValue(10, roleName(s.role));
            upsert.bindValue(11, s.maxStep);
            if (!exec(upsert))
                return false;
        }
    }
    return true;
}

QHash<QString, MetricSummary> RunStore::summaries(qint64 run)
{
    QHash<QString, MetricSummary> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT k.name, m.kind, m.count, m.last_num, m.last_txt, m.min_num, m.max_num, m.sum_num, "
                             "m.finite_count, m.role, m.max_step FROM run_metrics m JOIN metric_keys k ON k.id = m.key "
                             "WHERE m.run = ?"));
    q.addBindValue(run);
    if (!exec(q))
        return result;
    while (q.next()) {
        const MetricSummary s = readSummary(q, 0);
        result.insert(s.key, s);
    }
    return result;
}

QHash<qint64, QVector<MetricSummary>> RunStore::allSummaries()
{
    QHash<qint64, QVector<MetricSummary>> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.run, k.name, m.kind, m.count, m.last_num, m.last_txt, m.min_num, m.max_num, "
                             "m.sum_num, m.finite_count, m.role, m.max_step FROM run_metrics m "
                             "JOIN metric_keys k ON k.id = m.key "
                             "JOIN runs r ON r.id = m.run WHERE r.project_id = ?"));
    q.addBindValue(m_projectId);
    if (!exec(q))
        return result;
    while (q.next())
        result[q.value(0).toLongLong()].append(readSummary(q, 1));
    return result;
}

QHash<qint64, QVector<MetricSummary>> RunStore::summariesOf(const QVector<qint64> &runs)
{
    QHash<qint64, QVector<MetricSummary>> result;
    for (qint64 run : runs) {
        const auto s = summaries(run);
        QVector<MetricSummary> list;
        for (const MetricSummary &m : s)
            list.append(m);
        result.insert(run, list);
    }
    return result;
}

QHash<qint64, QVector<MetricSummary>> RunStore::summariesBetween(qint64 firstId, qint64 lastId)
{
    QHash<qint64, QVector<MetricSummary>> result;
    // key names through a small map: one string per name, not one per row
    QHash<qint64, QString> names;
    {
        QSqlQuery k(m_db);
        if (k.exec(QStringLiteral("SELECT id, name FROM metric_keys")))
            while (k.next())
                names.insert(k.value(0).toLongLong(), k.value(1).toString());
    }
    static const char sql[] = "SELECT run, key, kind, count, last_num, last_txt, min_num, max_num, sum_num, "
                              "finite_count, role, max_step FROM run_metrics WHERE run BETWEEN ? AND ? "
                              "ORDER BY run, key";
    // A run's rows come together (the primary key's order): one hash lookup
    // per run, not per value.
    result.reserve(int(qMin<qint64>(lastId - firstId + 1, 100000)));
    const auto readRows = [&result, &names](auto &q) {
        qint64 current = -1;
        QVector<MetricSummary> *summaries = nullptr;
        while (q.next()) {
            const qint64 run = q.integer(0);
            if (run != current || !summaries) {
                current = run;
                // runs tend to log the same names: room for as many as the last one
                const qsizetype room = summaries ? summaries->size() : 0;
                summaries = &result[run];
                summaries->reserve(room);
            }
            MetricSummary s;
            s.key = names.value(q.integer(1));
            s.kind = kindFromName(q.repeatedText(2));
            s.count = q.integer(3);
            s.last = q.number(4);
            s.lastText = q.repeatedText(5);
            s.min = q.real(6);
            s.max = q.real(7);
            s.sum = q.real(8);
            s.finiteCount = q.integer(9);
            s.role = roleFromName(q.repeatedText(10));
            s.maxStep = q.integer(11);
            summaries->append(std::move(s));
        }
    };
    if (SqliteReader *direct = reader()) {
        SqliteReader::Query q(*direct, sql);
        q.bind(1, firstId);
        q.bind(2, lastId);
        readRows(q);
        if (q.failed()) {
            failNative(QString::number(q.errorCode()), q.errorText());
            return {};
        }
        return result;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QLatin1String(sql));
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    if (!exec(q))
        return result;
    QueryColumns columns(q);
    readRows(columns);
    return result;
}

QVector<MetricPoint> RunStore::series(qint64 run, const QString &key)
{
    return seriesAfter(run, key, std::numeric_limits<qint64>::min());
}

QVector<MetricPoint> RunStore::seriesAfter(qint64 run, const QString &key, qint64 afterStep)
{
    QVector<MetricPoint> points;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.step, m.num, m.txt, m.time FROM metrics m "
                             "JOIN metric_keys k ON k.id = m.key WHERE m.run = ? AND k.name = ? AND m.step > ? "
                             "ORDER BY m.step"));
    q.addBindValue(run);
    q.addBindValue(key);
    q.addBindValue(afterStep);
    if (!exec(q))
        return points;
    while (q.next()) {
        MetricPoint p;
        p.step = q.value(0).toLongLong();
        p.value = readNumber(q.value(1));
        p.text = q.value(2).toString();
        p.time = q.value(3).toDouble();
        points.append(p);
    }
    return points;
}

QStringList RunStore::metricKeys()
{
    QStringList keys;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT k.name FROM metric_keys k JOIN run_metrics m ON m.key = k.id "
                             "JOIN runs r ON r.id = m.run WHERE r.project_id = ? ORDER BY k.name"));
    q.addBindValue(m_projectId);
    if (exec(q))
        while (q.next())
            keys.append(q.value(0).toString());
    return keys;
}

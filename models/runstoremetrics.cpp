// RunStore: metric points and the per-run summaries kept up to date with them.
#include "runstore.h"

#include "storevalues.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

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

bool RunStore::appendMetrics(qint64 run, const QVector<MetricRecord> &records, QHash<QString, MetricSummary> *summaries,
                             qint64 newOffset, int skippedLines, const QString &lastSkipReason)
{
    if (!begin())
        return false;
    QHash<QString, MetricSummary> updated = *summaries;
    QSet<QString> touched;
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO metrics (run, key, step, num, txt, time) VALUES (?, ?, ?, ?, ?, ?)"));
    const double now = double(nowUs()) / 1e6;
    const QVariant nullText; // binds NULL
    bool ok = true;
    for (const MetricRecord &record : records) {
        const qint64 key = keyId(record.name);
        if (key == 0) {
            ok = false;
            break;
        }
        MetricSummary &s = updated[record.name];
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
        touched.insert(record.name);
        const double time = record.time > 0 ? record.time : now;
        auto addPoint = [&](double num, const QString &text) {
            insert.bindValue(0, run);
            insert.bindValue(1, key);
            insert.bindValue(2, s.count);
            insert.bindValue(3, numberValue(num));
            insert.bindValue(4, text.isNull() ? nullText : QVariant(text));
            insert.bindValue(5, time);
            ++s.count;
            return exec(insert);
        };
        if (record.kind == MetricKind::Text) {
            s.lastText = record.text;
            s.last = std::numeric_limits<double>::quiet_NaN();
            ok = addPoint(std::numeric_limits<double>::quiet_NaN(), record.text);
        } else {
            for (double v : record.numbers) {
                addToSummary(&s, v);
                ok = addPoint(v, std::isnan(v) ? QStringLiteral("NaN") : QString());
                if (!ok)
                    break;
            }
        }
        if (!ok)
            break;
    }
    if (ok) {
        QSqlQuery upsert(m_db);
        upsert.prepare(
            QStringLiteral("INSERT INTO run_metrics (run, key, kind, count, last_num, last_txt, min_num, max_num, "
                           "sum_num, finite_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (run, key) DO UPDATE SET kind = excluded.kind, count = excluded.count, "
                           "last_num = excluded.last_num, last_txt = excluded.last_txt, min_num = excluded.min_num, "
                           "max_num = excluded.max_num, sum_num = excluded.sum_num, "
                           "finite_count = excluded.finite_count"));
        for (const QString &name : qAsConst(touched)) {
            const MetricSummary &s = updated[name];
            upsert.bindValue(0, run);
            upsert.bindValue(1, keyId(name));
            upsert.bindValue(2, kindName(s.kind));
            upsert.bindValue(3, s.count);
            upsert.bindValue(4, numberValue(s.last));
            upsert.bindValue(5, s.kind == MetricKind::Text ? QVariant(s.lastText) : nullText);
            upsert.bindValue(6, s.finiteCount ? QVariant(s.min) : QVariant());
            upsert.bindValue(7, s.finiteCount ? QVariant(s.max) : QVariant());
            upsert.bindValue(8, s.sum);
            upsert.bindValue(9, s.finiteCount);
            if (!(ok = exec(upsert)))
                break;
        }
    }
    if (ok) {
        QSqlQuery offset(m_db);
        offset.prepare(
            QStringLiteral("UPDATE runs SET metrics_offset = ?, skipped_lines = skipped_lines + ?, "
                           "last_skip_reason = CASE WHEN ? = '' THEN last_skip_reason ELSE ? END WHERE id = ?"));
        offset.addBindValue(newOffset);
        offset.addBindValue(skippedLines);
        offset.addBindValue(textValue(lastSkipReason));
        offset.addBindValue(textValue(lastSkipReason));
        offset.addBindValue(run);
        ok = exec(offset);
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

QHash<QString, MetricSummary> RunStore::summaries(qint64 run)
{
    QHash<QString, MetricSummary> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT k.name, m.kind, m.count, m.last_num, m.last_txt, m.min_num, m.max_num, m.sum_num, "
                             "m.finite_count FROM run_metrics m JOIN metric_keys k ON k.id = m.key WHERE m.run = ?"));
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
                             "m.sum_num, m.finite_count FROM run_metrics m JOIN metric_keys k ON k.id = m.key "
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
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT run, key, kind, count, last_num, last_txt, min_num, max_num, sum_num, finite_count "
                       "FROM run_metrics WHERE run BETWEEN ? AND ?"));
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    if (!exec(q))
        return result;
    while (q.next()) {
        MetricSummary s;
        s.key = names.value(q.value(1).toLongLong());
        s.kind = kindFromName(q.value(2).toString());
        s.count = q.value(3).toLongLong();
        s.last = readNumber(q.value(4));
        s.lastText = q.value(5).toString();
        s.min = q.value(6).toDouble();
        s.max = q.value(7).toDouble();
        s.sum = q.value(8).toDouble();
        s.finiteCount = q.value(9).toLongLong();
        result[q.value(0).toLongLong()].append(s);
    }
    return result;
}

QVector<MetricPoint> RunStore::series(qint64 run, const QString &key)
{
    QVector<MetricPoint> points;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.step, m.num, m.txt, m.time FROM metrics m "
                             "JOIN metric_keys k ON k.id = m.key WHERE m.run = ? AND k.name = ? "
                             "ORDER BY m.step"));
    q.addBindValue(run);
    q.addBindValue(key);
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

// RunStore: copying a project's whole history into another store.
#include "runstore.h"

#include "storevalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

using namespace StoreValues;

namespace {

QString tr(const char *text) { return QCoreApplication::translate("RunStore", text); }

// What a history export copies, table by table: the columns of each run's
// rows (the run column and metric keys are mapped to the destination's ids).
struct CopiedTable
{
    const char *table;
    const char *columns; // without the run column
    bool keyed; // has a metric "key" column, copied by name
};

const CopiedTable kExportedRunColumns {
    "runs",
    "run_id, run_number, script, status, created_us, start_us, end_us, exit_code, "
    "error, name, description, hidden, user_name, host, pid, target, commit_id, "
    "metrics_offset, skipped_lines, last_skip_reason, git_commit, git_dirty, left_out, "
    "owner_pid, owner_started, pid_started, heartbeat_us, skip_reasons, job_id, job_partition, node, job_state, "
    "parent_run_id, nested_key",
    false
};
const CopiedTable kRunRows[] = {
    { "run_arguments", "position, value", false },
    { "metrics", "step, num, txt, time", true },
    { "run_metrics", "kind, count, last_num, last_txt, min_num, max_num, sum_num, finite_count, role, max_step", true },
    { "artifacts", "path, size, sha256, link_target", false },
    { "promotions", "asset_path, artifact_path, sha256, time_us", false },
    { "run_tags", "tag", false },
    { "run_properties", "name, value", false },
};

} // namespace

QHash<QString, qint64> RunStore::projectRowCounts()
{
    QHash<QString, qint64> counts;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM runs WHERE project_id = ?"));
    q.addBindValue(m_projectId);
    if (exec(q) && q.next())
        counts.insert(QStringLiteral("runs"), q.value(0).toLongLong());
    for (const CopiedTable &t : kRunRows) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE run IN (SELECT id FROM runs WHERE project_id = ?)")
                      .arg(QLatin1String(t.table)));
        q.addBindValue(m_projectId);
        if (exec(q) && q.next())
            counts.insert(QLatin1String(t.table), q.value(0).toLongLong());
    }
    return counts;
}

bool RunStore::exportProject(RunStore *dest, const std::function<void(int, int)> &progress)
{
    const QHash<QString, qint64> before = dest->projectRowCounts();
    if (before.value(QStringLiteral("runs")) > 0)
        return fail(tr("%1 already has runs of this project; a history is exported only into one without them.")
                        .arg(displayLocation(dest->path())));
    QVector<qint64> ids;
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT id FROM runs WHERE project_id = ? ORDER BY id"));
        q.addBindValue(m_projectId);
        if (!exec(q))
            return false;
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    const QString runColumns = QLatin1String(kExportedRunColumns.columns);
    const int runColumnCount = int(runColumns.count(QLatin1Char(',')) + 1);
    for (int i = 0; i < ids.size(); ++i) {
        const qint64 id = ids.at(i);
        QSqlQuery src(m_db);
        src.prepare(QStringLiteral("SELECT %1 FROM runs WHERE id = ?").arg(runColumns));
        src.addBindValue(id);
        if (!exec(src) || !src.next())
            return false;
        if (!dest->begin())
            return fail(dest->lastError());
        QSqlQuery insert(dest->m_db);
        insert.prepare(QStringLiteral("INSERT INTO runs (project_id, %1) VALUES (?, %2) RETURNING id")
                           .arg(runColumns, placeholders(runColumnCount)));
        insert.addBindValue(dest->m_projectId);
        for (int c = 0; c < runColumnCount; ++c)
            insert.addBindValue(src.value(c));
        if (!dest->exec(insert) || !insert.next()) {
            dest->rollback();
            return fail(dest->lastError());
        }
        const qint64 newId = insert.value(0).toLongLong();
        insert.finish();
        for (const CopiedTable &t : kRunRows) {
            const QString columns = QLatin1String(t.columns);
            const int count = int(columns.count(QLatin1Char(',')) + 1);
            QSqlQuery rows(m_db);
            rows.setForwardOnly(true);
            rows.prepare(t.keyed
                             ? QStringLiteral("SELECT k.name, %1 FROM %2 JOIN metric_keys k ON k.id = %2.key "
                                              "WHERE %2.run = ?")
                                   .arg(columns, QLatin1String(t.table))
                             : QStringLiteral("SELECT %1 FROM %2 WHERE run = ?").arg(columns, QLatin1String(t.table)));
            rows.addBindValue(id);
            if (!exec(rows)) {
                dest->rollback();
                return false;
            }
            QSqlQuery put(dest->m_db);
            put.prepare(QStringLiteral("INSERT INTO %1 (run, %2%3) VALUES (?, %4)")
                            .arg(QLatin1String(t.table), t.keyed ? QStringLiteral("key, ") : QString(), columns,
                                 placeholders(count + (t.keyed ? 1 : 0))));
            while (rows.next()) {
                put.addBindValue(newId);
                int first = 0;
                if (t.keyed) {
                    const qint64 key = dest->keyId(rows.value(0).toString());
                    if (key == 0) {
                        dest->rollback();
                        return fail(dest->lastError());
                    }
                    put.addBindValue(key);
                    first = 1;
                }
                for (int c = 0; c < count; ++c)
                    put.addBindValue(rows.value(first + c));
                if (!dest->exec(put)) {
                    dest->rollback();
                    return fail(dest->lastError());
                }
            }
        }
        if (!dest->commit()) {
            dest->rollback();
            return fail(dest->lastError());
        }
        if (progress)
            progress(i + 1, int(ids.size()));
    }
    // Verified: every table holds as many of the project's rows on both sides.
    const QHash<QString, qint64> here = projectRowCounts();
    const QHash<QString, qint64> there = dest->projectRowCounts();
    for (auto it = here.cbegin(); it != here.cend(); ++it)
        if (there.value(it.key(), -1) != it.value())
            return fail(tr("The export is incomplete: %1 has %2 rows of %3 here and %4 there.")
                            .arg(displayLocation(dest->path()), QString::number(it.value()), it.key(),
                                 QString::number(there.value(it.key(), -1))));
    return true;
}

// RunStore: runs — creating them, recording their life, reading them back.
#include "runstore.h"

#include "sqlitereader.h"
#include "storevalues.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <deque>
#include <limits>
#include <utility>

using namespace StoreValues;

namespace {

QString tr(const char *text) { return QCoreApplication::translate("RunStore", text); }

} // namespace

RunStore::RunStore() = default;

RunStore::~RunStore() { close(); }

void RunStore::closed()
{
    m_prepared.clear();
    m_keyIds.clear();
    m_projectId = 0;
}

std::optional<RunRecord> RunStore::createRun(const QString &runIdPrefix, const QString &script,
                                             const QStringList &arguments, const QString &user, const QString &host,
                                             const QString &target, const QString &parentRunId,
                                             const QString &nestedKey)
{
    if (m_projectId == 0) {
        fail(tr("No project is selected in the run history."));
        return std::nullopt;
    }
    if (!begin())
        return std::nullopt;
    RunRecord r;
    r.script = script;
    r.arguments = arguments;
    r.user = user;
    r.host = host;
    r.target = target;
    r.parentRunId = parentRunId;
    r.nestedKey = nestedKey;
    const qint64 id = insertRun(runIdPrefix, r);
    if (id == 0 || !commit()) {
        rollback();
        return std::nullopt;
    }
    return run(id);
}

qint64 RunStore::insertRun(const QString &runIdPrefix, const RunRecord &r)
{
    const qint64 created = r.createdUs > 0 ? r.createdUs : nowUs();
    // Run ids are "<project>_<milliseconds>"; bump the time on a collision.
    qint64 ms = nowUs() / 1000;
    QString runId;
    for (;;) {
        runId = runIdPrefix + QLatin1Char('_') + QString::number(ms);
        QSqlQuery exists(m_db);
        exists.prepare(QStringLiteral("SELECT 1 FROM runs WHERE run_id = ?"));
        exists.addBindValue(textValue(runId));
        if (!exec(exists))
            return 0;
        if (!exists.next())
            break;
        ++ms;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO runs (project_id, run_id, run_number, script, status, created_us, heartbeat_us, user_name, "
        "host, owner_pid, owner_started, target, parent_run_id, nested_key, start_us, end_us, exit_code, error, "
        "name, description) "
        "SELECT ?, ?, COALESCE(MAX(run_number), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
        "FROM runs WHERE project_id = ? RETURNING id"));
    q.addBindValue(m_projectId);
    q.addBindValue(textValue(runId));
    q.addBindValue(textValue(r.script));
    q.addBindValue(runStatusName(r.status));
    q.addBindValue(created);
    q.addBindValue(created);
    q.addBindValue(textValue(r.user));
    q.addBindValue(textValue(r.host));
    q.addBindValue(qint64(QCoreApplication::applicationPid()));
    q.addBindValue(textValue(processStartTime(QCoreApplication::applicationPid())));
    q.addBindValue(textValue(r.target));
    q.addBindValue(textValue(r.parentRunId));
    q.addBindValue(textValue(r.nestedKey));
    q.addBindValue(r.startUs);
    q.addBindValue(r.endUs);
    q.addBindValue(r.exitCode);
    q.addBindValue(textValue(r.error));
    q.addBindValue(textValue(r.name));
    q.addBindValue(textValue(r.description));
    q.addBindValue(m_projectId);
    if (!exec(q))
        return 0;
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    QSqlQuery arg(m_db);
    arg.prepare(QStringLiteral("INSERT INTO run_arguments (run, position, value) VALUES (?, ?, ?)"));
    for (int i = 0; i < r.arguments.size(); ++i) {
        arg.bindValue(0, id);
        arg.bindValue(1, i);
        arg.bindValue(2, textValue(r.arguments.at(i)));
        if (!exec(arg))
            return 0;
    }
    return id;
}

bool RunStore::setRunStatus(qint64 run, RunStatus status)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET status = ? WHERE id = ?"));
    q.addBindValue(runStatusName(status));
    q.addBindValue(run);
    return exec(q);
}

bool RunStore::setRunStarted(qint64 run, qint64 pid, qint64 startUs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE runs SET status = ?, pid = ?, pid_started = ?, start_us = ?, heartbeat_us = ? WHERE id = ?"));
    q.addBindValue(runStatusName(RunStatus::Running));
    q.addBindValue(pid);
    q.addBindValue(textValue(processStartTime(pid)));
    q.addBindValue(startUs);
    q.addBindValue(nowUs());
    q.addBindValue(run);
    return exec(q);
}

bool RunStore::setRunSubmitted(qint64 run, const QString &jobId, const QString &partition)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE runs SET status = ?, job_id = ?, job_partition = ?, heartbeat_us = ? WHERE id = ?"));
    q.addBindValue(runStatusName(RunStatus::Queued));
    q.addBindValue(textValue(jobId));
    q.addBindValue(textValue(partition));
    q.addBindValue(nowUs());
    q.addBindValue(run);
    return exec(q);
}

bool RunStore::setRunScheduler(qint64 run, const QString &state, const QString &node, const QString &partition)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET job_state = ?, node = CASE WHEN ? = '' THEN node ELSE ? END, "
                             "job_partition = CASE WHEN ? = '' THEN job_partition ELSE ? END WHERE id = ?"));
    q.addBindValue(textValue(state));
    q.addBindValue(textValue(node));
    q.addBindValue(textValue(node));
    q.addBindValue(textValue(partition));
    q.addBindValue(textValue(partition));
    q.addBindValue(run);
    return exec(q);
}

bool RunStore::setRunSnapshot(qint64 run, const QString &commitId, const QString &gitCommit, int gitDirty,
                              const QStringList &leftOut)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE runs SET commit_id = ?, git_commit = ?, git_dirty = ?, left_out = ? WHERE id = ?"));
    q.addBindValue(textValue(commitId));
    q.addBindValue(textValue(gitCommit));
    q.addBindValue(gitDirty);
    q.addBindValue(textValue(leftOut.join(QLatin1Char('\n'))));
    q.addBindValue(run);
    return exec(q);
}

bool RunStore::setRunFinished(qint64 run, RunStatus status, int exitCode, qint64 endUs, const QString &error,
                              qint64 startUs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, exit_code = ?, end_us = ?, error = ?, "
                             "start_us = CASE WHEN start_us = 0 THEN ? ELSE start_us END WHERE id = ?"));
    q.addBindValue(runStatusName(status));
    q.addBindValue(exitCode);
    q.addBindValue(endUs);
    q.addBindValue(textValue(error));
    q.addBindValue(startUs);
    q.addBindValue(run);
    if (!exec(q))
        return false;
    // Nested runs its script left open end with it.
    QSqlQuery nested(m_db);
    nested.prepare(QStringLiteral("UPDATE runs SET status = ?, end_us = ?, start_us = CASE WHEN start_us = 0 THEN ? "
                                  "ELSE start_us END WHERE nested_key <> '' AND status IN ('Queued', 'Preparing', "
                                  "'Running') AND parent_run_id = (SELECT run_id FROM runs WHERE id = ?)"));
    nested.addBindValue(runStatusName(status));
    nested.addBindValue(endUs);
    nested.addBindValue(endUs);
    nested.addBindValue(run);
    return exec(nested);
}

namespace {
const QString kRunColumns = QStringLiteral(
    "r.id, r.run_id, r.run_number, p.experiment_id, r.script, r.status, r.created_us, r.start_us, "
    "r.end_us, r.exit_code, r.error, r.name, r.description, r.hidden, r.user_name, r.host, r.pid, "
    "r.target, r.commit_id, r.metrics_offset, r.skipped_lines, r.last_skip_reason, r.git_commit, r.git_dirty, "
    "r.left_out, r.heartbeat_us, r.skip_reasons, r.job_id, r.job_partition, r.node, r.job_state, "
    "r.parent_run_id, r.nested_key "
    "FROM runs r JOIN projects p ON p.id = r.project_id ");
}

QString RunStore::runColumns() { return kRunColumns; }

RunRecord RunStore::readRun(QSqlQuery &q)
{
    QueryColumns columns(q);
    RunRecord r;
    readRunInto(columns, r);
    return r;
}

// Texts that repeat from run to run (a script, a host) are read as such.
template <typename Columns>
void RunStore::readRunInto(Columns &q, RunRecord &r)
{
    r.id = q.integer(0);
    r.runId = q.text(1);
    r.number = int(q.integer(2));
    r.experimentId = q.repeatedText(3);
    r.script = q.repeatedText(4);
    r.status = runStatusFromName(q.repeatedText(5));
    r.createdUs = q.integer(6);
    r.startUs = q.integer(7);
    r.endUs = q.integer(8);
    r.exitCode = int(q.integer(9));
    r.error = q.repeatedText(10);
    r.name = q.text(11);
    r.description = q.repeatedText(12);
    r.hidden = q.integer(13) != 0;
    r.user = q.repeatedText(14);
    r.host = q.repeatedText(15);
    r.pid = q.integer(16);
    r.target = q.repeatedText(17);
    r.commitId = q.text(18);
    r.metricsOffset = q.integer(19);
    r.skippedLines = int(q.integer(20));
    r.lastSkipReason = q.repeatedText(21);
    r.gitCommit = q.repeatedText(22);
    r.gitDirty = int(q.integer(23));
    const QString leftOut = q.repeatedText(24);
    if (!leftOut.isEmpty())
        r.leftOut = leftOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.heartbeatUs = q.integer(25);
    const QString skipReasons = q.repeatedText(26);
    if (!skipReasons.isEmpty())
        r.skipReasons = decodeSkipReasons(skipReasons);
    r.jobId = q.text(27);
    r.partition = q.repeatedText(28);
    r.node = q.repeatedText(29);
    r.schedulerState = q.repeatedText(30);
    r.parentRunId = q.repeatedText(31);
    r.nestedKey = q.text(32);
    if (!isFinished(r.status) && r.heartbeatUs > 0 && nowUs() - r.heartbeatUs > m_lostAfterUs) {
        // Its owner has not been heard of for too long (its host is down or
        // cut off): Lost to everyone, until that host takes the run up again.
        r.status = RunStatus::Lost;
        r.stale = true;
        const QString since
            = QDateTime::fromMSecsSinceEpoch(r.heartbeatUs / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (r.error.isEmpty() && !r.jobId.isEmpty())
            r.error = tr("Nobody has watched cluster job %1 since %2. Opening the project, or “runbench history "
                         "list”, asks the scheduler about it again.")
                          .arg(r.jobId, since);
        else if (r.error.isEmpty())
            r.error = tr("No heartbeat from %1 since %2: the machine that ran it is down, or cannot reach the "
                         "history. It reads as running again once that machine opens the project.")
                          .arg(r.host.isEmpty() ? tr("its host") : r.host, since);
    }
}

QVector<RunRecord> RunStore::readRunsWithLists(QSqlQuery &q)
{
    QVector<RunRecord> result;
    while (q.next())
        result.append(readRun(q));
    q.finish();
    for (RunRecord &r : result) {
        r.arguments = readArguments(r.id);
        r.tags = readTags(r.id);
    }
    return result;
}

QStringList RunStore::readArguments(qint64 run)
{
    QStringList args;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT value FROM run_arguments WHERE run = ? ORDER BY position"));
    q.addBindValue(run);
    if (exec(q))
        while (q.next())
            args.append(q.value(0).toString());
    return args;
}

QStringList RunStore::readTags(qint64 run)
{
    QStringList tags;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT tag FROM run_tags WHERE run = ? ORDER BY tag"));
    q.addBindValue(run);
    if (exec(q))
        while (q.next())
            tags.append(q.value(0).toString());
    return tags;
}

bool RunStore::replaceRunRows(qint64 run, const QString &table, const QString &insert, int count,
                              const std::function<void(QSqlQuery &, int)> &bind)
{
    if (!begin())
        return false;
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE run = ?"));
    del.addBindValue(run);
    bool ok = exec(del);
    QSqlQuery q(m_db);
    q.prepare(insert);
    for (int i = 0; ok && i < count; ++i) {
        q.bindValue(0, run);
        bind(q, i);
        ok = exec(q);
    }
    if (!ok || !commit()) {
        rollback();
        return false;
    }
    return true;
}

void RunStore::readListsBetween(const QVector<RunRecord *> &runs, qint64 firstId, qint64 lastId)
{
    QHash<qint64, RunRecord *> index;
    index.reserve(runs.size());
    for (RunRecord *r : runs)
        index.insert(r->id, r);
    struct List
    {
        const char *sql;
        QStringList RunRecord::*member;
    };
    const List lists[] = {
        { "SELECT run, value FROM run_arguments WHERE run BETWEEN ? AND ? ORDER BY run, position",
          &RunRecord::arguments },
        { "SELECT run, tag FROM run_tags WHERE run BETWEEN ? AND ? ORDER BY run, tag", &RunRecord::tags },
    };
    if (SqliteReader *direct = reader()) {
        for (const List &list : lists) {
            SqliteReader::Query q(*direct, list.sql);
            q.bind(1, firstId);
            q.bind(2, lastId);
            while (q.next()) {
                const auto it = index.constFind(q.integer(0));
                if (it != index.constEnd())
                    (it.value()->*list.member).append(q.text(1));
            }
            if (q.failed())
                failNative(QString::number(q.errorCode()), q.errorText());
        }
        return;
    }
    for (const List &list : lists) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QLatin1String(list.sql));
        q.addBindValue(firstId);
        q.addBindValue(lastId);
        if (!exec(q))
            continue;
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toLongLong());
            if (it != index.constEnd())
                (it.value()->*list.member).append(q.value(1).toString());
        }
    }
}

std::optional<RunRecord> RunStore::run(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral("WHERE r.id = ?"));
    q.addBindValue(id);
    if (!exec(q) || !q.next())
        return std::nullopt;
    RunRecord r = readRun(q);
    r.arguments = readArguments(r.id);
    r.tags = readTags(r.id);
    return r;
}

std::optional<RunRecord> RunStore::findRun(const QString &idOrNumber)
{
    QSqlQuery q(m_db);
    bool isNumber = false;
    const int number = idOrNumber.toInt(&isNumber);
    if (idOrNumber == QLatin1String("last")) {
        q.prepare(QStringLiteral("SELECT ") + kRunColumns
                  + QStringLiteral("WHERE r.project_id = ? ORDER BY r.run_number DESC LIMIT 1"));
        q.addBindValue(m_projectId);
    } else if (isNumber) {
        q.prepare(QStringLiteral("SELECT ") + kRunColumns
                  + QStringLiteral("WHERE r.project_id = ? AND r.run_number = ?"));
        q.addBindValue(m_projectId);
        q.addBindValue(number);
    } else {
        q.prepare(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral("WHERE r.run_id = ?"));
        q.addBindValue(idOrNumber);
    }
    if (!exec(q) || !q.next())
        return std::nullopt;
    RunRecord r = readRun(q);
    r.arguments = readArguments(r.id);
    r.tags = readTags(r.id);
    return r;
}

QVector<RunRecord> RunStore::runs()
{
    std::deque<RunRecord> read; // growing never moves what is in
    if (!readRunsInto(QStringLiteral("WHERE r.project_id = ? ORDER BY r.run_number DESC"), { m_projectId }, [&read] {
            read.emplace_back();
            return &read.back();
        }))
        return {};
    QVector<RunRecord> result;
    result.reserve(qsizetype(read.size()));
    for (RunRecord &r : read)
        result.append(std::move(r));
    return result;
}

QVector<RunRecord> RunStore::runsAfter(qint64 afterId, const QVector<qint64> &ids)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral("WHERE r.project_id = ? AND (r.id > ?")
              + (ids.isEmpty() ? QString()
                               : QStringLiteral(" OR r.id IN (") + placeholders(int(ids.size())) + QLatin1Char(')'))
              + QStringLiteral(") ORDER BY r.id"));
    q.addBindValue(m_projectId);
    q.addBindValue(afterId);
    for (qint64 id : ids)
        q.addBindValue(id);
    if (!exec(q))
        return {};
    return readRunsWithLists(q);
}

qint64 RunStore::changeMark()
{
    QSqlQuery q(m_db);
    if (dialect() == Dialect::PostgreSQL)
        // Transactions older than the oldest one still running have all
        // ended: their stamps are visible to whoever reads now.
        return q.exec(QStringLiteral("SELECT txid_snapshot_xmin(txid_current_snapshot())")) && q.next()
            ? q.value(0).toLongLong()
            : -1;
    // SQLite's writers take turns: the next stamp is the counter's next value.
    return q.exec(QStringLiteral("SELECT value + 1 FROM change_counter WHERE id = 1")) && q.next()
        ? q.value(0).toLongLong()
        : -1;
}

RunStore::Changes RunStore::runsChangedSince(qint64 since)
{
    Changes changes;
    // The mark and the rows from one snapshot of the history.
    if (!execSql(dialect() == Dialect::PostgreSQL ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                                  : QStringLiteral("BEGIN")))
        return changes;
    changes.next = changeMark();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kRunColumns
              + QStringLiteral("WHERE r.project_id = ? AND r.changed >= ? ORDER BY r.id"));
    q.addBindValue(m_projectId);
    q.addBindValue(since);
    changes.ok = changes.next >= 0 && exec(q);
    if (changes.ok) {
        while (q.next())
            changes.runs.append(readRun(q));
        for (RunRecord &r : changes.runs) {
            r.arguments = readArguments(r.id);
            r.tags = readTags(r.id);
        }
    }
    q.finish();
    commit();
    if (!changes.ok)
        changes.next = since;
    return changes;
}

bool RunStore::editRun(qint64 run, const RunEdit &edit)
{
    if (edit.isEmpty())
        return true;
    if (!begin())
        return false;
    QStringList sets;
    QVariantList values;
    if (edit.name) {
        sets << QStringLiteral("name = ?");
        values << textValue(edit.name->trimmed());
    }
    if (edit.description) {
        sets << QStringLiteral("description = ?");
        values << textValue(*edit.description);
    }
    if (edit.hidden) {
        sets << QStringLiteral("hidden = ?");
        values << (*edit.hidden ? 1 : 0);
    }
    // The row is always written: its change stamp tells every reader.
    sets << QStringLiteral("id = id");
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET ") + sets.join(QStringLiteral(", "))
              + QStringLiteral(" WHERE id = ? AND project_id = ?"));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    q.addBindValue(run);
    q.addBindValue(m_projectId);
    bool ok = exec(q) && (q.numRowsAffected() == 1 || fail(tr("The run %1 is not in the history.").arg(run)));
    if (ok && (edit.tags || !edit.addTags.isEmpty() || !edit.removeTags.isEmpty())) {
        QStringList clean = RunEdit::cleanTags((edit.tags ? *edit.tags : readTags(run)) + edit.addTags);
        for (const QString &tag : edit.removeTags)
            clean.removeAll(tag.trimmed());
        QSqlQuery del(m_db);
        del.prepare(QStringLiteral("DELETE FROM run_tags WHERE run = ?"));
        del.addBindValue(run);
        ok = exec(del);
        QSqlQuery ins(m_db);
        ins.prepare(QStringLiteral("INSERT INTO run_tags (run, tag) VALUES (?, ?)"));
        for (int i = 0; ok && i < clean.size(); ++i) {
            ins.bindValue(0, run);
            ins.bindValue(1, clean.at(i));
            ok = exec(ins);
        }
    }
    if (!ok || !commit()) {
        const QString why = lastError();
        rollback();
        fail(why);
        return false;
    }
    return true;
}


bool RunStore::readRunsInto(const QString &where, const QVector<qint64> &values,
                            const std::function<RunRecord *()> &make)
{
    const QString sql = QStringLiteral("SELECT ") + kRunColumns + where;
    QVector<RunRecord *> read;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    const auto took = [&](RunRecord *r) {
        read.append(r);
        first = qMin(first, r->id);
        last = qMax(last, r->id);
    };
    if (SqliteReader *direct = reader()) {
        SqliteReader::Query q(*direct, sql.toUtf8().constData());
        for (int i = 0; i < values.size(); ++i)
            q.bind(i + 1, values.at(i));
        while (q.next()) {
            RunRecord *r = make();
            readRunInto(q, *r);
            took(r);
        }
        if (q.failed())
            return failNative(QString::number(q.errorCode()), q.errorText());
    } else {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(sql);
        for (qint64 value : values)
            q.addBindValue(value);
        if (!exec(q))
            return false;
        QueryColumns columns(q);
        while (q.next()) {
            RunRecord *r = make();
            readRunInto(columns, *r);
            took(r);
        }
    }
    if (!read.isEmpty())
        readListsBetween(read, first, last);
    return true;
}

bool RunStore::runsPage(qint64 afterId, int limit, const std::function<RunRecord *()> &make)
{
    // "+r.project_id" keeps SQLite off the index on (project_id, changed):
    // through it, every page would scan all the project's runs again and
    // sort them; along the ids, a page reads only its own rows.
    return readRunsInto(QStringLiteral("WHERE +r.project_id = ? AND r.id > ? ORDER BY r.id LIMIT ?"),
                        { m_projectId, afterId, limit }, make);
}

QVector<RunRecord> RunStore::runsPage(qint64 afterId, int limit)
{
    QVector<RunRecord> result;
    result.reserve(limit); // the records stay where make() put them
    if (!runsPage(afterId, limit, [&result] {
            result.append(RunRecord());
            return &result.last();
        }))
        return {};
    return result;
}

qint64 RunStore::runCount()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM runs WHERE project_id = ?"));
    q.addBindValue(m_projectId);
    return exec(q) && q.next() ? q.value(0).toLongLong() : 0;
}

QVector<qint64> RunStore::runsWithStatus(RunStatus status)
{
    QVector<qint64> ids;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM runs WHERE project_id = ? AND status = ?"));
    q.addBindValue(m_projectId);
    q.addBindValue(runStatusName(status));
    if (exec(q))
        while (q.next())
            ids.append(q.value(0).toLongLong());
    return ids;
}

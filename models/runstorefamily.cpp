// RunStore: runs nested in a run (started by its script), children of a
// parent run, and free properties of a run.
#include "runstore.h"

#include "storevalues.h"
#include "sweepspec.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace StoreValues;

std::optional<qint64> RunStore::nestedRun(const RunRecord &parent, const QString &key, const QString &name)
{
    QSqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT id, status FROM runs WHERE parent_run_id = ? AND nested_key = ?"));
    find.addBindValue(textValue(parent.runId));
    find.addBindValue(textValue(key));
    if (!exec(find))
        return std::nullopt;
    qint64 id = 0;
    bool queued = true;
    if (find.next()) {
        id = find.value(0).toLongLong();
        queued = runStatusFromName(find.value(1).toString()) == RunStatus::Queued;
    }
    find.finish();
    if (id == 0) {
        const qsizetype cut = parent.runId.lastIndexOf(QLatin1Char('_'));
        const QString prefix = cut > 0 ? parent.runId.left(cut) : parent.runId;
        const auto created = createRun(prefix, parent.script, parent.arguments, parent.user, parent.host, parent.target,
                                       parent.runId, key);
        if (!created)
            return std::nullopt;
        id = created->id;
    }
    if (queued) {
        // Created, but maybe not yet started (a process that died in
        // between): it takes the parent's code and starts now.
        QSqlQuery start(m_db);
        start.prepare(QStringLiteral("UPDATE runs SET status = ?, start_us = ?, heartbeat_us = ?, commit_id = ?, "
                                     "git_commit = ?, git_dirty = ?, name = ?, node = ? WHERE id = ?"));
        const qint64 now = nowUs();
        start.addBindValue(runStatusName(RunStatus::Running));
        start.addBindValue(now);
        start.addBindValue(now);
        start.addBindValue(textValue(parent.commitId));
        start.addBindValue(textValue(parent.gitCommit));
        start.addBindValue(parent.gitDirty);
        start.addBindValue(textValue(name));
        start.addBindValue(textValue(parent.node));
        start.addBindValue(id);
        if (!exec(start))
            return std::nullopt;
    } else if (!name.isEmpty()) {
        QSqlQuery rename(m_db);
        rename.prepare(QStringLiteral("UPDATE runs SET name = ? WHERE id = ? AND name = ''"));
        rename.addBindValue(textValue(name));
        rename.addBindValue(id);
        if (!exec(rename))
            return std::nullopt;
    }
    return id;
}

bool RunStore::setNestedRunFinished(qint64 run, RunStatus status, qint64 endUs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, end_us = ?, exit_code = ? WHERE id = ? AND status IN "
                             "('Queued', 'Preparing', 'Running')"));
    q.addBindValue(runStatusName(status));
    q.addBindValue(endUs);
    q.addBindValue(status == RunStatus::Completed ? 0 : (status == RunStatus::Canceled ? 130 : 1));
    q.addBindValue(run);
    return exec(q);
}

QVector<RunRecord> RunStore::childRuns(const QString &parentRunId)
{
    if (parentRunId.isEmpty())
        return {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + runColumns()
              + QStringLiteral("WHERE r.project_id = ? AND r.parent_run_id = ? ORDER BY r.run_number"));
    q.addBindValue(m_projectId);
    q.addBindValue(textValue(parentRunId));
    if (!exec(q))
        return {};
    return readRunsWithLists(q);
}

bool RunStore::setRunProperty(qint64 run, const QString &name, const QString &value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO run_properties (run, name, value) VALUES (?, ?, ?) "
                             "ON CONFLICT (run, name) DO UPDATE SET value = excluded.value"));
    q.addBindValue(run);
    q.addBindValue(textValue(name));
    q.addBindValue(textValue(value));
    return exec(q);
}

QMap<QString, QString> RunStore::properties(qint64 run)
{
    QMap<QString, QString> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, value FROM run_properties WHERE run = ?"));
    q.addBindValue(run);
    if (exec(q))
        while (q.next())
            result.insert(q.value(0).toString(), q.value(1).toString());
    return result;
}

qint64 RunStore::runWithProperty(const QString &name, const QString &value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT p.run FROM run_properties p JOIN runs r ON r.id = p.run "
                             "WHERE p.name = ? AND p.value = ? AND r.project_id = ?"));
    q.addBindValue(textValue(name));
    q.addBindValue(textValue(value));
    q.addBindValue(m_projectId);
    return exec(q) && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 RunStore::importRun(const QString &runIdPrefix, const ImportedRun &imported)
{
    if (m_projectId == 0) {
        fail(QCoreApplication::translate("RunStore", "No project is selected in the run history."));
        return 0;
    }
    if (!begin())
        return 0;
    const qint64 id = insertRun(runIdPrefix, imported.run);
    SummariesByRun summaries;
    bool ok = id > 0 && writeValues(id, imported.values, &summaries);
    for (auto it = imported.properties.cbegin(); ok && it != imported.properties.cend(); ++it)
        ok = setRunProperty(id, it.key(), it.value());
    if (ok && !imported.artifacts.isEmpty()) {
        QSqlQuery a(m_db);
        a.prepare(
            QStringLiteral("INSERT INTO artifacts (run, path, size, sha256, link_target) VALUES (?, ?, ?, ?, ?)"));
        for (const ArtifactRecord &r : imported.artifacts) {
            a.bindValue(0, id);
            a.bindValue(1, textValue(r.path));
            a.bindValue(2, r.size);
            a.bindValue(3, textValue(r.sha256));
            a.bindValue(4, textValue(r.linkTarget));
            if (!(ok = exec(a)))
                break;
        }
    }
    if (!ok || !commit()) {
        const QString why = lastError();
        rollback();
        m_keyIds.clear();
        fail(why);
        return 0;
    }
    return id;
}

bool RunStore::setSweepFinished(qint64 parent, const SweepSpec::Outcome &outcome, qint64 endUs)
{
    const RunStatus status = RunStatus(outcome.status());
    return setRunProperty(parent, QStringLiteral("SweepCompleted"), QString::number(outcome.completed))
        && setRunProperty(parent, QStringLiteral("SweepFailed"), QString::number(outcome.failed))
        && setRunProperty(parent, QStringLiteral("SweepCanceled"),
                          QString::number(outcome.canceled + outcome.notStarted()))
        && setRunFinished(parent, status, outcome.exitCode(), endUs,
                          status == RunStatus::Completed ? QString() : outcome.summary());
}

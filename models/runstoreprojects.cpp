// RunStore: projects, and the processes that own their runs.
#include "runstore.h"

#include "storevalues.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace StoreValues;

namespace {

QString tr(const char *text) { return QCoreApplication::translate("RunStore", text); }

} // namespace

QString RunStore::processStartTime(qint64 pid)
{
    // field 22 of /proc/<pid>/stat: when the process started, in clock ticks
    // since boot; with the pid it names one process, even after pid reuse
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    const int close = int(text.lastIndexOf(')'));
    if (close < 0)
        return {};
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // A zombie (state Z) has ended; only its reaping is pending.
    if (fields.size() <= 19 || fields.at(0) == "Z")
        return {};
    return QString::fromLatin1(fields.at(19));
}

QVector<RunStore::Owner> RunStore::activeRunOwners()
{
    QVector<Owner> owners;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT id, host, owner_pid, owner_started, status, pid, pid_started, job_id FROM runs "
                       "WHERE project_id = ? AND status IN ('Queued', 'Preparing', 'Running') AND nested_key = ''"));
    q.addBindValue(m_projectId);
    if (exec(q))
        while (q.next())
            owners.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                            q.value(3).toString(), runStatusFromName(q.value(4).toString()), q.value(5).toLongLong(),
                            q.value(6).toString(), q.value(7).toString() });
    return owners;
}

bool RunStore::claimRun(const Owner &owner)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET owner_pid = ?, owner_started = ? WHERE id = ? AND owner_pid = ? AND "
                             "owner_started = ? AND (status = 'Running' OR (status = 'Queued' AND job_id <> ''))"));
    q.addBindValue(qint64(QCoreApplication::applicationPid()));
    q.addBindValue(textValue(processStartTime(QCoreApplication::applicationPid())));
    q.addBindValue(owner.run);
    q.addBindValue(owner.pid);
    q.addBindValue(textValue(owner.started));
    return exec(q) && q.numRowsAffected() == 1;
}

bool RunStore::releaseRun(qint64 run)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET owner_pid = 0, owner_started = '' WHERE id = ? AND owner_pid = ?"));
    q.addBindValue(run);
    q.addBindValue(qint64(QCoreApplication::applicationPid()));
    return exec(q);
}

bool RunStore::useProject(const Project &project)
{
    QString error;
    const QString id = project.ensureId(&error);
    if (id.isEmpty())
        return fail(error);
    m_lostAfterUs = qint64(project.lostAfterSeconds()) * 1000000;
    return useProject(id, project.name(), project.root(), Project::hostName());
}

bool RunStore::useProject(const QString &name, const QString &root)
{
    // Known only by its path: an id of its own, derived from that path.
    const QUuid id = QUuid::createUuidV5(QUuid(QStringLiteral("{6f7c3c1e-52c4-4a87-9d43-6d3c1f0b2a10}")), root);
    return useProject(id.toString(QUuid::WithoutBraces), name, root, Project::hostName());
}

namespace {
const auto kLegacyPrefix = QStringLiteral("path:");
}

bool RunStore::useProject(const QString &projectId, const QString &name, const QString &root, const QString &host)
{
    m_projectId = 0;
    auto select = [this](QSqlQuery &q, const QString &where, const QVariant &value) {
        q.prepare(QStringLiteral("SELECT id, experiment_id, root, host, prev_root, prev_host FROM projects WHERE ")
                  + where);
        q.addBindValue(value);
        return exec(q);
    };
    QSqlQuery q(m_db);
    if (!select(q, QStringLiteral("uuid = ?"), projectId))
        return false;
    if (!q.next()) {
        // A history kept by path (before projects had ids) is adopted once:
        // the one recorded at this path, or, in the project's own file, the
        // only project it holds (the folder was moved or renamed since).
        QSqlQuery legacy(m_db);
        if (!select(legacy, QStringLiteral("uuid = ?"), kLegacyPrefix + root))
            return false;
        bool found = legacy.next();
        if (!found && dialect() == Dialect::SQLite) {
            if (!select(legacy, QStringLiteral("(SELECT COUNT(*) FROM projects) = 1 AND uuid LIKE ?"),
                        kLegacyPrefix + QLatin1Char('%')))
                return false;
            found = legacy.next();
        }
        const qint64 legacyId = found ? legacy.value(0).toLongLong() : 0;
        // No read stays open across a write: under WAL, SQLite cannot turn a
        // reader into a writer once someone else has written since.
        q.finish();
        legacy.finish();
        if (found) {
            QSqlQuery adopt(m_db);
            adopt.prepare(QStringLiteral("UPDATE projects SET uuid = ? WHERE id = ? AND uuid LIKE ?"));
            adopt.addBindValue(projectId);
            adopt.addBindValue(legacyId);
            adopt.addBindValue(kLegacyPrefix + QLatin1Char('%'));
            if (!exec(adopt))
                return false;
        } else {
            QSqlQuery insert(m_db);
            insert.prepare(QStringLiteral("INSERT INTO projects (uuid, name, root, host, experiment_id, created_us) "
                                          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING"));
            insert.addBindValue(projectId);
            insert.addBindValue(textValue(name));
            insert.addBindValue(textValue(root));
            insert.addBindValue(textValue(host));
            insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
            insert.addBindValue(nowUs());
            if (!exec(insert))
                return false;
        }
        if (!select(q, QStringLiteral("uuid = ?"), projectId) || !q.next())
            return fail(tr("The project could not be recorded in the run history."));
    }
    m_projectId = q.value(0).toLongLong();
    m_experimentId = q.value(1).toString();
    const QString seenRoot = q.value(2).toString();
    const QString seenHost = q.value(3).toString();
    m_previousRoot = q.value(4).toString();
    m_previousHost = q.value(5).toString();
    q.finish();
    if (seenRoot != root || seenHost != host) {
        // Only remembered: where the project is opened now, and where before.
        m_previousRoot = seenRoot;
        m_previousHost = seenHost;
        QSqlQuery seen(m_db);
        seen.prepare(QStringLiteral("UPDATE projects SET prev_root = root, prev_host = host, root = ?, host = ?, "
                                    "name = ? WHERE id = ? AND root = ? AND host = ?"));
        seen.addBindValue(textValue(root));
        seen.addBindValue(textValue(host));
        seen.addBindValue(textValue(name));
        seen.addBindValue(m_projectId);
        seen.addBindValue(textValue(seenRoot));
        seen.addBindValue(textValue(seenHost));
        if (!exec(seen))
            return false;
    }
    return true;
}

bool RunStore::heartbeat(const QVector<qint64> &runs)
{
    if (runs.isEmpty())
        return true;
    QSqlQuery q(m_db);
    // Nested runs live as long as their parent's script: they share its beat.
    q.prepare(QStringLiteral("UPDATE runs SET heartbeat_us = ? WHERE id IN (%1) OR (nested_key <> '' AND "
                             "parent_run_id IN (SELECT run_id FROM runs WHERE id IN (%1)))")
                  .arg(placeholders(int(runs.size()))));
    q.addBindValue(nowUs());
    for (int pass = 0; pass < 2; ++pass)
        for (qint64 run : runs)
            q.addBindValue(run);
    return exec(q);
}

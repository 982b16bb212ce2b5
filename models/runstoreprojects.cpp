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
    q.prepare(QStringLiteral("SELECT id, host, owner_pid, owner_started, status, pid, pid_started FROM runs "
                             "WHERE project_id = ? AND status IN ('Queued', 'Preparing', 'Running')"));
    q.addBindValue(m_projectId);
    if (exec(q))
        while (q.next())
            owners.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                            q.value(3).toString(), runStatusFromName(q.value(4).toString()), q.value(5).toLongLong(),
                            q.value(6).toString() });
    return owners;
}

bool RunStore::claimRun(const Owner &owner)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET owner_pid = ?, owner_started = ? WHERE id = ? AND owner_pid = ? AND "
                             "owner_started = ? AND status = 'Running'"));
    q.addBindValue(qint64(QCoreApplication::applicationPid()));
    q.addBindValue(textValue(processStartTime(QCoreApplication::applicationPid())));
    q.addBindValue(owner.run);
    q.addBindValue(owner.pid);
    q.addBindValue(textValue(owner.started));
    return exec(q) && q.numRowsAffected() == 1;
}

bool RunStore::useProject(const QString &name, const QString &root)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, experiment_id FROM projects WHERE root = ?"));
    q.addBindValue(root);
    if (!exec(q))
        return false;
    if (!q.next()) {
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO projects (name, root, experiment_id, created_us) "
                                      "VALUES (?, ?, ?, ?) ON CONFLICT (root) DO NOTHING"));
        insert.addBindValue(textValue(name));
        insert.addBindValue(root);
        insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        insert.addBindValue(nowUs());
        if (!exec(insert))
            return false;
        q.prepare(QStringLiteral("SELECT id, experiment_id FROM projects WHERE root = ?"));
        q.addBindValue(root);
        if (!exec(q) || !q.next())
            return fail(tr("The project could not be recorded in the run history."));
    }
    m_projectId = q.value(0).toLongLong();
    m_experimentId = q.value(1).toString();
    return true;
}

#pragma once

// A throw-away PostgreSQL server for the tests: initdb into a temporary
// folder, pg_ctl on a Unix socket in it (no TCP), stopped and removed at the
// end. As root (CI containers), the server runs as the "postgres" user, as
// PostgreSQL refuses to run as root.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <pwd.h>
#include <unistd.h>

class PgServer
{
public:
    ~PgServer() { stop(); }

    static QString binDir()
    {
        const QStringList versions
            = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &v : versions)
            if (QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/%1/bin/initdb").arg(v)))
                return QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
        return {};
    }

    bool start(QString *error)
    {
        const QString bin = binDir();
        if (bin.isEmpty()) {
            *error = QStringLiteral("PostgreSQL's initdb is not installed (Debian package postgresql)");
            return false;
        }
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        if (::getuid() == 0) {
            const passwd *pg = ::getpwnam("postgres");
            if (!pg || ::chown(QFile::encodeName(m_dir.path()).constData(), pg->pw_uid, pg->pw_gid) != 0) {
                *error = QStringLiteral("as root, the server needs the postgres user");
                return false;
            }
            m_runAs = true;
        }
        m_port = 20000 + int(::getpid() % 20000);
        const QString data = m_dir.path() + QStringLiteral("/data");
        if (!run(bin + QStringLiteral("/initdb"),
                 { QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                   QStringLiteral("runbench"), QStringLiteral("--no-sync"), QStringLiteral("-E"),
                   QStringLiteral("UTF8") },
                 error))
            return false;
        const QString options = QStringLiteral("-k %1 -c listen_addresses='' -p %2 -c fsync=off -c max_connections=50")
                                    .arg(m_dir.path())
                                    .arg(m_port);
        if (!run(bin + QStringLiteral("/pg_ctl"),
                 { QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                   m_dir.path() + QStringLiteral("/server.log"), QStringLiteral("-w"), QStringLiteral("start") },
                 error))
            return false;
        m_running = true;
        return true;
    }

    void stop()
    {
        if (!m_running)
            return;
        QString ignored;
        run(binDir() + QStringLiteral("/pg_ctl"),
            { QStringLiteral("-D"), m_dir.path() + QStringLiteral("/data"), QStringLiteral("-m"),
              QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop") },
            &ignored);
        m_running = false;
    }

    // A new, empty database on the server, as the URL Runbench opens.
    QString createDatabase(const QString &name, QString *error)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pgserver-admin"));
            db.setHostName(m_dir.path());
            db.setPort(m_port);
            db.setUserName(QStringLiteral("runbench"));
            db.setDatabaseName(QStringLiteral("postgres"));
            if (!db.open()) {
                *error = db.lastError().text();
                return {};
            }
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name))) {
                *error = q.lastError().text();
                return {};
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pgserver-admin"));
        return url(name);
    }

    QString url(const QString &database) const
    {
        return QStringLiteral("postgresql://runbench@/%1?host=%2&port=%3").arg(database, m_dir.path()).arg(m_port);
    }
    QString socketDir() const { return m_dir.path(); }
    int port() const { return m_port; }

private:
    bool run(const QString &program, const QStringList &arguments, QString *error)
    {
        QProcess p;
        if (m_runAs)
            p.start(QStringLiteral("runuser"),
                    QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program }
                        + arguments);
        else
            p.start(program, arguments);
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *error = QStringLiteral("%1 failed: %2")
                         .arg(QFileInfo(program).fileName(), QString::fromLocal8Bit(p.readAllStandardError()));
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    bool m_runAs = false;
    bool m_running = false;
    int m_port = 0;
};

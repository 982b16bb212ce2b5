// The connection under RunStore: opening a file or a server, transactions,
// errors as sentences, backups. The schema's migrations are in storeschema.cpp.
#include "storeconnection.h"

#include "sqlitereader.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <cstdio>
#include <optional>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("StoreConnection", text); }

} // namespace

StoreConnection::StoreConnection()
{
    static QAtomicInteger<int> counter;
    m_connectionName = QStringLiteral("runbench-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

StoreConnection::~StoreConnection() { close(); }

QString StoreConnection::sqliteVersion()
{
    // A connection of its own per call: safe from any thread at once.
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("runbench-version-%1").arg(counter.fetchAndAddRelaxed(1));
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
                version = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

bool StoreConnection::sqliteIsRecentEnough(const QString &version)
{
    // RETURNING (run numbers, metric keys) needs 3.35.
    const QStringList parts = version.split(QLatin1Char('.'));
    const int major = parts.value(0).toInt();
    const int minor = parts.value(1).toInt();
    return major > 3 || (major == 3 && minor >= 35);
}

namespace {
// How long a statement waits for another program holding the history.
constexpr int kBusyWaitMs = 30000;

// SQLite's "busy" and "locked" (primary result codes 5 and 6).
bool isBusy(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 5 || code == 6;
}
} // namespace

bool StoreConnection::fail(const QString &message)
{
    m_lastErrorKind = ErrorKind::Other;
    m_lastError = message;
    return false;
}

bool StoreConnection::open(const QString &path, int targetVersion)
{
    close();
    m_path = path;
    if (isServerLocation(path))
        return openServer(path, targetVersion);
    m_dialect = Dialect::SQLite;
    QDir().mkpath(QFileInfo(path).absolutePath());
    // A new history is made by one program at a time: the others wait here
    // and then open what it made, instead of meeting its schema half-written.
    std::optional<QLockFile> creating;
    if (QFileInfo(path).size() == 0) {
        creating.emplace(path + QStringLiteral(".lock"));
        if (!creating->tryLock(kBusyWaitMs))
            return fail(tr("The run history %1 is being created by another program for more than %2 seconds.")
                            .arg(QDir::toNativeSeparators(path))
                            .arg(kBusyWaitMs / 1000));
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyWaitMs));
    if (!m_db.open())
        return fail(
            tr("Cannot open the run history %1: %2").arg(QDir::toNativeSeparators(path), m_db.lastError().text()));
    // The first statement reads the file: a file that is not a database fails here.
    {
        QSqlQuery q(m_db);
        // Programs making a new history at once each switch it to WAL; SQLite
        // answers all but one "busy" at once, without waiting (they would
        // wait for each other), and the switch is done a moment later.
        QElapsedTimer waited;
        waited.start();
        bool busy = false;
        while (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))) {
            const QSqlError why = q.lastError();
            q.finish();
            busy = isBusy(why);
            if (busy && waited.elapsed() < kBusyWaitMs) {
                QThread::msleep(20);
                continue;
            }
            close();
            failQuery(why);
            const ErrorKind kind = m_lastErrorKind;
            if (busy)
                fail(tr("The run history %1 is held by another program for more than %2 seconds (%3).")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(kBusyWaitMs / 1000)
                         .arg(why.text()));
            else if (kind == ErrorKind::Corrupt)
                fail(tr("The run history %1 cannot be read (%2). It may be damaged.")
                         .arg(QDir::toNativeSeparators(path), why.text()));
            else // a busy or locked history is never called damaged
                fail(tr("The run history %1 cannot be read (%2).").arg(QDir::toNativeSeparators(path), why.text()));
            m_lastErrorKind = kind;
            return false;
        }
    }
    {
        QSqlQuery q(m_db);
        const QString version
            = q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next() ? q.value(0).toString() : QString();
        q.finish();
        if (!sqliteIsRecentEnough(version)) {
            close();
            return fail(tr("The SQLite library here is version %1; Runbench needs 3.35 or newer (it uses "
                           "RETURNING). Install a newer libsqlite3, or keep the history on a PostgreSQL server.")
                            .arg(version.isEmpty() ? tr("unknown") : version));
        }
    }
    execSql(QStringLiteral("PRAGMA synchronous=NORMAL"));
    execSql(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (!migrate(targetVersion < 0 ? latestSchemaVersion() : targetVersion)) {
        const QString why = m_lastError;
        const ErrorKind kind = m_lastErrorKind;
        close();
        fail(why);
        m_lastErrorKind = kind;
        return false;
    }
    return true;
}

void StoreConnection::close()
{
    // The queries a store keeps go first: they use the connection removed below.
    closed();
    m_reader.reset();
    m_readerFailed = false;
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool StoreConnection::isOpen() const { return m_db.isValid() && m_db.isOpen(); }

bool StoreConnection::isServerLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString StoreConnection::displayLocation(const QString &location)
{
    if (!isServerLocation(location))
        return QDir::toNativeSeparators(location);
    QUrl url(location);
    url.setPassword(QString()); // never shown
    return url.toString();
}

// postgresql://user@host:port/database, or for a Unix socket
// postgresql://user@/database?host=/socket/folder&port=5432. A password comes
// from the environment (PGPASSWORD) or ~/.pgpass, as libpq reads them.
bool StoreConnection::openServer(const QString &location, int targetVersion)
{
    m_dialect = Dialect::PostgreSQL;
    const QUrl url(location);
    const QUrlQuery query(url);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(tr("Runbench cannot reach PostgreSQL: the Qt PostgreSQL driver (QPSQL) is not installed."));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    const QString host = url.host().isEmpty() ? query.queryItemValue(QStringLiteral("host")) : url.host();
    const int port = url.port(query.queryItemValue(QStringLiteral("port")).toInt());
    if (!host.isEmpty())
        m_db.setHostName(host);
    if (port > 0)
        m_db.setPort(port);
    if (!url.userName().isEmpty())
        m_db.setUserName(url.userName());
    if (!url.password().isEmpty())
        m_db.setPassword(url.password());
    m_db.setDatabaseName(url.path().mid(1));
    m_db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return fail(tr("Cannot open the run history %1: %2").arg(displayLocation(location), why));
    }
    execSql(QStringLiteral("SET client_min_messages TO warning")); // no notices on stderr
    if (!migrate(targetVersion < 0 ? latestSchemaVersion() : targetVersion)) {
        const QString why = m_lastError;
        close();
        return fail(why);
    }
    return true;
}

QString StoreConnection::backupPath(const QString &path) { return path + QStringLiteral(".backup"); }

QVector<StoreConnection::Backup> StoreConnection::backups(const QString &path)
{
    const QFileInfo db(path);
    QVector<Backup> found;
    const QFileInfoList files = db.dir().entryInfoList(
        { db.fileName() + QStringLiteral(".backup"), db.fileName() + QStringLiteral(".bak-v*") }, QDir::Files);
    for (const QFileInfo &file : files)
        found.append({ file.absoluteFilePath(), file.lastModified() });
    std::sort(found.begin(), found.end(), [](const Backup &a, const Backup &b) { return a.time > b.time; });
    return found;
}

bool StoreConnection::writeBackup()
{
    if (m_dialect == Dialect::PostgreSQL)
        return true; // a server's backups are its administrator's
    // A whole, consistent copy (other writers wait or go on in the WAL),
    // renamed over the previous backup only once it is complete.
    const QString backup = backupPath(m_path);
    const QString temp = backup + QStringLiteral(".tmp");
    QFile::remove(temp);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(temp);
    if (!q.exec()) {
        QFile::remove(temp);
        return failQuery(q.lastError());
    }
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(backup).constData()) != 0) {
        QFile::remove(temp);
        return fail(tr("Could not write the backup %1.").arg(QDir::toNativeSeparators(backup)));
    }
    return true;
}

bool StoreConnection::restoreBackup(const QString &path, const QString &backup, QString *keptAs, QString *error)
{
    // The damaged file (and its WAL) is kept next to it, never deleted.
    const QString damaged
        = path + QStringLiteral(".damaged-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, damaged + suffix)) {
            *error = tr("Could not move the damaged run history %1 aside.").arg(QDir::toNativeSeparators(path));
            return false;
        }
    }
    if (!QFile::copy(backup, path)) {
        *error = tr("Could not copy the backup %1 to %2.")
                     .arg(QDir::toNativeSeparators(backup), QDir::toNativeSeparators(path));
        return false;
    }
    QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                               | QFileDevice::ReadOther);
    *keptAs = damaged;
    return true;
}

SqliteReader *StoreConnection::reader()
{
    if (m_reader)
        return m_reader.get();
    // ":memory:" and URI names would open another database than m_db's.
    if (m_readerFailed || !isOpen() || m_dialect != Dialect::SQLite || m_path.isEmpty()
        || m_path.startsWith(QLatin1Char(':')) || m_path.startsWith(QLatin1String("file:")))
        return nullptr;
    auto reader = std::make_unique<SqliteReader>();
    if (!reader->open(m_path, nullptr)) {
        m_readerFailed = true;
        return nullptr;
    }
    m_reader = std::move(reader);
    return m_reader.get();
}

bool StoreConnection::failQuery(const QSqlError &error) { return failNative(error.nativeErrorCode(), error.text()); }

bool StoreConnection::failNative(const QString &state, const QString &text)
{
    // SQLite's primary result codes: 10 I/O error (a write refused with EFBIG
    // or ENOSPC arrives as one), 13 database or disk is full, 11 corrupt,
    // 26 not a database.
    // On PostgreSQL, SQLSTATE class 53 is a lack of resources (53100: disk
    // full) and XX001/XX002 are damaged data or index.
    const int code = m_dialect == Dialect::SQLite ? state.toInt() & 0xff : 0;
    const ErrorKind kind
        = code == 10 || code == 13 || (m_dialect == Dialect::PostgreSQL && state.startsWith(QLatin1String("53")))
        ? ErrorKind::Storage
        : code == 11 || code == 26 || state == QLatin1String("XX001") || state == QLatin1String("XX002")
        ? ErrorKind::Corrupt
        : ErrorKind::Other;
    if (kind == ErrorKind::Storage)
        fail(tr("The run history %1 could not be written: the disk may be full or a file size limit was "
                "reached (%2).")
                 .arg(displayLocation(m_path), text));
    else if (kind == ErrorKind::Corrupt)
        fail(tr("The run history %1 is damaged (%2).").arg(displayLocation(m_path), text));
    else
        fail(tr("The run history could not be updated: %1").arg(text));
    m_lastErrorKind = kind;
    return false;
}

bool StoreConnection::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    return failQuery(query.lastError());
}

bool StoreConnection::execSql(const QString &sql)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    return failQuery(q.lastError());
}

// BEGIN IMMEDIATE takes the write lock up front, so two writers wait for each
// other (busy timeout) instead of failing when a read turns into a write.
//
// On PostgreSQL one transaction-scoped advisory lock plays that part: run
// numbers are allocated under it, so they stay unique and dense across
// machines.
bool StoreConnection::begin()
{
    if (m_dialect == Dialect::SQLite)
        return execSql(QStringLiteral("BEGIN IMMEDIATE"));
    if (!execSql(QStringLiteral("BEGIN")))
        return false;
    if (!execSql(QStringLiteral("SELECT pg_advisory_xact_lock(7262431)"))) {
        rollback();
        return false;
    }
    return true;
}

bool StoreConnection::commit() { return execSql(QStringLiteral("COMMIT")); }

void StoreConnection::rollback()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}


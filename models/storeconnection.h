#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <memory>

class QSqlError;
class SqliteReader;
class QSqlQuery;

// The layer under RunStore: one database connection (SQLite, the embedded
// default, or a PostgreSQL server), its dialect, transactions, errors as
// sentences, the schema and its migrations (storeschema.cpp), and the
// SQLite file's backups. A connection belongs to the thread that opened it;
// a worker thread opens its own on the same file or server.
class StoreConnection
{
public:
    StoreConnection();
    virtual ~StoreConnection();
    StoreConnection(const StoreConnection &) = delete;
    StoreConnection &operator=(const StoreConnection &) = delete;

    static int latestSchemaVersion();
    // The SQLite library's version, as the Qt driver reports it.
    static QString sqliteVersion(); // from any thread
    static bool sqliteIsRecentEnough(const QString &version); // 3.35 or newer

    // Opens (creating if needed) the database at path and migrates its schema
    // to the latest version, copying the file to "<path>.bak-v<N>" first.
    // path may also be a PostgreSQL server's URL
    // (postgresql://user@host:5432/database, see openServer()): same schema,
    // same queries. targetVersion is for tests that need an older schema.
    bool open(const QString &path, int targetVersion = -1);
    static bool isServerLocation(const QString &location);
    // The location as it may be shown: a folder, or a URL without password.
    static QString displayLocation(const QString &location);
    enum class Dialect { SQLite, PostgreSQL };
    Dialect dialect() const { return m_dialect; }
    void close();
    bool isOpen() const;

    // Backups of the history at path, newest first: the one writeBackup()
    // keeps ("<path>.backup") and the copies made before schema upgrades.
    struct Backup
    {
        QString path;
        QDateTime time;
    };
    static QVector<Backup> backups(const QString &path);
    static QString backupPath(const QString &path);
    // Copies the open history to backupPath(), replacing the previous backup
    // only once the copy is complete.
    bool writeBackup();
    // Puts a backup in place of a damaged history, which is renamed to
    // "<path>.damaged-<time>" (*keptAs), not deleted.
    static bool restoreBackup(const QString &path, const QString &backup, QString *keptAs, QString *error);
    QString lastError() const { return m_lastError; }
    // What kind of failure the last error was: the disk refusing writes
    // (full, or a file size limit), a damaged database file, or other.
    enum class ErrorKind { Other, Storage, Corrupt };
    ErrorKind lastErrorKind() const { return m_lastErrorKind; }
    QString path() const { return m_path; }
    int schemaVersion();

protected:
    // Called when the connection closes, for what a subclass keeps about it.
    virtual void closed() { }

    bool exec(QSqlQuery &query);
    bool execSql(const QString &sql);
    bool begin();
    bool commit();
    void rollback();
    bool fail(const QString &message);
    bool failQuery(const QSqlError &error);
    // The same for an error the database reported by its own code: SQLite's
    // result code as a number, or PostgreSQL's SQLSTATE.
    bool failNative(const QString &code, const QString &text);
    // A second connection for reading a whole SQLite history fast (see
    // SqliteReader), opened on first use; nullptr for a PostgreSQL server
    // or when it cannot be opened (the caller reads through m_db instead).
    SqliteReader *reader();

    QSqlDatabase m_db;

private:
    bool openServer(const QString &location, int targetVersion);
    bool migrate(int targetVersion);
    // A migration statement in the dialect's types.
    QString portable(const QString &sql) const;
    bool setSchemaVersion(int version);

    QString m_connectionName;
    std::unique_ptr<SqliteReader> m_reader;
    bool m_readerFailed = false;
    QString m_path;
    QString m_lastError;
    Dialect m_dialect = Dialect::SQLite;
    ErrorKind m_lastErrorKind = ErrorKind::Other;
};

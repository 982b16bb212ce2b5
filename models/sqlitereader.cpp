#include "sqlitereader.h"

#include <QCoreApplication>
#include <QFile>

#include <sqlite3.h>

#include <cstring>
#include <limits>

SqliteReader::~SqliteReader() { close(); }

bool SqliteReader::open(const QString &path, QString *error)
{
    close();
    // Never creates the file: the store's own connection has made it.
    const int code = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                                     SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        if (error)
            *error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(code));
        close();
        return false;
    }
    // as patient with a writer as the store's own connection
    sqlite3_busy_timeout(m_db, 30000);
    return true;
}

void SqliteReader::close()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

SqliteReader::Query::Query(const SqliteReader &reader, const char *sql)
    : m_db(reader.m_db)
{
    if (!m_db) {
        m_code = SQLITE_MISUSE;
        m_error = QCoreApplication::translate("SqliteReader", "The run history is not open.");
        return;
    }
    if (sqlite3_prepare_v2(m_db, sql, -1, &m_statement, nullptr) != SQLITE_OK) {
        setError();
        return;
    }
    m_last.resize(size_t(sqlite3_column_count(m_statement)));
}

SqliteReader::Query::~Query() { sqlite3_finalize(m_statement); }

void SqliteReader::Query::setError()
{
    m_code = sqlite3_extended_errcode(m_db);
    if (m_code == SQLITE_OK)
        m_code = SQLITE_ERROR;
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
}

void SqliteReader::Query::bind(int position, qint64 value)
{
    if (m_statement && sqlite3_bind_int64(m_statement, position, value) != SQLITE_OK)
        setError();
}

bool SqliteReader::Query::next()
{
    if (!m_statement || m_code != 0)
        return false;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code != SQLITE_DONE)
        setError();
    return false;
}

bool SqliteReader::Query::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteReader::Query::integer(int column) const { return sqlite3_column_int64(m_statement, column); }

double SqliteReader::Query::real(int column) const { return sqlite3_column_double(m_statement, column); }

double SqliteReader::Query::number(int column) const
{
    if (sqlite3_column_type(m_statement, column) == SQLITE_NULL)
        return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(m_statement, column);
}

QString SqliteReader::Query::text(int column) const
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    return bytes ? QString::fromUtf8(bytes, size) : QString();
}

QString SqliteReader::Query::repeatedText(int column)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    Last &last = m_last[size_t(column)];
    if (last.set && last.bytes.size() == size && (size == 0 || std::memcmp(last.bytes.constData(), bytes, size_t(size)) == 0))
        return last.text;
    last.set = true;
    last.bytes = bytes ? QByteArray(bytes, size) : QByteArray();
    last.text = bytes ? QString::fromUtf8(bytes, size) : QString();
    return last.text;
}

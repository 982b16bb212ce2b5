#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

// Reads an SQLite history through SQLite's own API, for the queries that
// read a whole history (a million runs, five million summaries): QSqlQuery
// makes a QVariant of every column and a UTF-16 copy of every text on the
// way, which costs several times what SQLite spends finding the rows. Here
// numbers are read as numbers, and a text column whose rows repeat (a
// script, a host, a status) makes one QString per change, not per row.
//
// A connection of its own on the history's file, opened when first needed
// and used only for reading; like the store's connection, it belongs to the
// thread that opened it.
class SqliteReader
{
public:
    SqliteReader() = default;
    ~SqliteReader();
    SqliteReader(const SqliteReader &) = delete;
    SqliteReader &operator=(const SqliteReader &) = delete;

    // path: an SQLite file; false (with why) when it cannot be opened.
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_db; }

    // One statement: bind, then next() until it returns false; failed()
    // tells an error from the end of the rows.
    class Query
    {
    public:
        Query(const SqliteReader &reader, const char *sql);
        ~Query();
        Query(const Query &) = delete;
        Query &operator=(const Query &) = delete;

        void bind(int position, qint64 value); // positions from 1, as SQLite's
        bool next();
        bool failed() const { return m_code != 0; }
        int errorCode() const { return m_code; } // SQLite's extended result code
        QString errorText() const { return m_error; }

        bool isNull(int column) const;
        qint64 integer(int column) const;
        double real(int column) const; // NULL reads as 0
        double number(int column) const; // NULL reads as NaN (how NaN is stored)
        QString text(int column) const;
        // The same text as the previous row's shares its QString.
        QString repeatedText(int column);

    private:
        void setError();

        sqlite3 *m_db;
        sqlite3_stmt *m_statement = nullptr;
        int m_code = 0;
        QString m_error;
        struct Last
        {
            QByteArray bytes;
            QString text;
            bool set = false;
        };
        std::vector<Last> m_last;
    };

private:
    sqlite3 *m_db = nullptr;
};

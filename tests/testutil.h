#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// Writes a file (creating folders), optionally executable.
inline bool writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(content);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return true;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Reads a process's standard output until text appears or msecs pass.
inline bool waitForOutput(QProcess *process, const QByteArray &text, int msecs = 30000)
{
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (!out.contains(text) && clock.elapsed() < msecs) {
        process->waitForReadyRead(500);
        out += process->readAllStandardOutput();
    }
    return out.contains(text);
}

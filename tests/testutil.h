#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

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

// A project folder under parent with a project.ini naming it, whose .py
// scripts run with Debian's Python (the one .ci/setup gives numpy and
// matplotlib); returns its path.
inline QString writeProject(const QString &parent, const QString &name)
{
    const QString root = parent + QLatin1Char('/') + name;
    writeFile(root + QStringLiteral("/.runbench/project.ini"),
              "[project]\nname=" + name.toUtf8() + "\n[interpreters]\npy=/usr/bin/python3\n");
    return root;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Keeps the event loop going until condition holds (true) or msecs pass.
inline bool waitFor(const std::function<bool()> &condition, int msecs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > msecs)
            return false;
        QTest::qWait(50);
    }
    return true;
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

// How a command ended: exit code (-1 if it crashed or did not end in time)
// and what it printed.
struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs program with args in dir, with env (the process's own when empty),
// and waits for its end.
inline Result runCommand(const QString &program, const QStringList &args, const QString &dir,
                         const QProcessEnvironment &env = QProcessEnvironment())
{
    QProcess p;
    p.setWorkingDirectory(dir);
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    Result r;
    if (!p.waitForFinished(180000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QTimer>
#include <QVector>

#include <algorithm>

#include <unistd.h>

// What the benchmarks share: milliseconds on a timer, the median and
// worst of a set of frames, the process's resident memory and its threads'
// CPU time.
inline double ms(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

struct Spread
{
    double median = 0;
    double worst = 0;
};

inline Spread spread(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return { values.at(values.size() / 2), values.last() };
}

// Runs the event loop until done() says so, as a program waits: the thread
// sleeps in the loop and wakes for each event. QTest::qWaitFor() sleeps ten
// milliseconds between its turns of the loop instead, and an event that
// comes meanwhile waits: a figure taken while it waits counts that sleep.
// done() is asked every 5 ms; false when it is not done within timeoutMs.
template<typename Done>
bool waitInLoop(Done done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(5);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

inline double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    return 0;
}

// CPU seconds (user and system) each thread of the process has used so far,
// and the memory pages it mapped in (minor faults, prefaults included), by
// thread id.
struct ThreadCpu
{
    QString name;
    double seconds = 0;
    qint64 faults = 0;
};

inline QHash<int, ThreadCpu> threadCpu()
{
    QHash<int, ThreadCpu> threads;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(task) + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "tid (name) state ppid …": minflt is the 10th field, utime and
        // stime the 14th and 15th
        const QByteArray line = stat.readAll();
        const int open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 13)
            continue;
        threads.insert(task.toInt(),
                       { QString::fromUtf8(line.mid(open + 1, close - open - 1)),
                         (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks, fields.at(7).toLongLong() });
    }
    return threads;
}

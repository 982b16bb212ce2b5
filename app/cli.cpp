#include "cli.h"

#include "lostruns.h"
#include "project.h"
#include "runjob.h"
#include "runstore.h"
#include "slurm.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

namespace Cli {

bool isCommand(const QString &first)
{
    static const QStringList commands { QStringLiteral("run"), QStringLiteral("sweep"), QStringLiteral("log"),
                                        QStringLiteral("history"), QStringLiteral("help") };
    return commands.contains(first);
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void addProjectOption(QCommandLineParser *parser)
{
    parser->addOption({ QStringLiteral("project"),
                        QCoreApplication::translate("Cli",
                                                    "The project folder (default: the nearest folder "
                                                    "at or above the current one that has .runbench/)."),
                        QCoreApplication::translate("Cli", "dir") });
}

Project projectFrom(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("project")))
        return Project(parser.value(QStringLiteral("project")));
    return Project::locate(QDir::currentPath());
}

int splitAtScript(const QStringList &arguments, const QStringList &valuedOptions, QStringList *own)
{
    int i = 0;
    for (; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--"))
            return i + 1;
        if (!a.startsWith(QLatin1Char('-')))
            break;
        own->append(a);
        if (valuedOptions.contains(a) && i + 1 < arguments.size())
            own->append(arguments.at(++i));
    }
    return i;
}

bool openHistory(const Project &project, RunStore *store, bool create)
{
    QString error;
    if (create && !project.hasHistory() && !project.ensureDataDir(&error)) {
        printErr(QStringLiteral("runbench: %1\n").arg(error));
        return false;
    }
    if (!project.hasHistory() && !create) {
        printErr(QCoreApplication::translate("Cli",
                                             "runbench: %1 has no run history yet; start one with "
                                             "“runbench run SCRIPT”.\n")
                     .arg(QDir::toNativeSeparators(project.root())));
        return false;
    }
    if (!store->open(project.historyLocation()) || !store->useProject(project)) {
        printErr(QStringLiteral("runbench: %1\n").arg(store->lastError()));
        printBackupAdvice(*store, project);
        return false;
    }
    settleClusterRuns(store, project, LostRuns::examine(store, project).cluster);
    return true;
}

void settleClusterRuns(RunStore *store, const Project &project, const QVector<RunStore::Owner> &owners, int timeoutMs)
{
    if (owners.isEmpty())
        return;
    SlurmMonitor monitor;
    monitor.setInterval(int(project.slurmSettings().pollSeconds * 1000));
    QEventLoop loop;
    std::vector<std::unique_ptr<RunJob>> jobs;
    QSet<RunJob *> waiting;
    const auto done = [&waiting, &loop](RunJob *job) {
        if (waiting.remove(job) && waiting.isEmpty())
            loop.quit();
    };
    for (const RunStore::Owner &owner : owners) {
        const auto record = LostRuns::claim(store, owner);
        if (!record)
            continue; // someone else watches it now
        auto job = std::make_unique<RunJob>(project, store);
        job->setSlurmMonitor(&monitor);
        RunJob *j = job.get();
        QObject::connect(j, &RunJob::finished, &loop, [j, done] { done(j); });
        QObject::connect(j, &RunJob::schedulerAnswered, &loop, [j, done] {
            // An ended job records its end first (finished() follows).
            QTimer::singleShot(0, j, [j, done] {
                if (j->isOnCluster())
                    done(j);
            });
        });
        if (j->adopt(*record, owner.runStarted)) {
            waiting.insert(j);
            jobs.push_back(std::move(job));
        }
    }
    if (waiting.isEmpty())
        return;
    QObject::connect(&monitor, &SlurmMonitor::schedulerUnreachable, &loop,
                     [](const QString &message) { printErr(QStringLiteral("runbench: %1\n").arg(message)); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    for (const auto &job : jobs)
        job->leaveOnCluster(); // those still going: the next command or window looks again
}

void printBackupAdvice(const RunStore &store, const Project &project)
{
    if (store.lastErrorKind() != RunStore::ErrorKind::Corrupt)
        return;
    const QVector<RunStore::Backup> backups = RunStore::backups(project.databasePath());
    if (backups.isEmpty()) {
        printErr(QCoreApplication::translate("Cli",
                                             "runbench: there is no backup of it; the runs' folders in %1 keep "
                                             "their logs, metrics and outputs.\n")
                     .arg(QDir::toNativeSeparators(project.dataDir() + QStringLiteral("/runs"))));
        return;
    }
    printErr(QCoreApplication::translate("Cli",
                                         "runbench: a backup of %1 is at %2. Opening the project in the window "
                                         "offers to put it in place, keeping the damaged file.\n")
                 .arg(QLocale().toString(backups.first().time, QLocale::ShortFormat),
                      QDir::toNativeSeparators(backups.first().path)));
}

bool parse(QCommandLineParser *parser, const QStringList &arguments, int *exitCode)
{
    if (!parser->parse(arguments)) {
        printErr(QStringLiteral("runbench: %1\n").arg(parser->errorText()));
        *exitCode = 2;
        return false;
    }
    if (parser->isSet(QStringLiteral("help"))) {
        printOut(parser->helpText());
        *exitCode = 0;
        return false;
    }
    return true;
}

static QString usage()
{
    return QCoreApplication::translate(
        "Cli",
        "Usage: runbench [PROJECT] [--details RUN] open the workbench window (on a run's details)\n"
        "       runbench run SCRIPT [ARGS…]        a tracked run of SCRIPT with ARGS\n"
        "       runbench sweep SCRIPT ARGS…        a run per combination of {sets} in ARGS\n"
        "       runbench log NAME VALUE            log a value from inside a tracked run\n"
        "                                          (--step N, --param or --tag)\n"
        "       runbench history COMMAND           list, last, info, compare, download, promote,\n"
        "                                          restore, diff, export, import\n"
        "       runbench --version\n"
        "       --lang ko|en                       the language of messages and the window\n"
        "\n"
        "Every command takes -h for its own help.\n");
}

int main(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("run"))
        return runCommand(rest);
    if (command == QLatin1String("log"))
        return logCommand(rest);
    if (command == QLatin1String("sweep"))
        return sweepCommand(rest);
    if (command == QLatin1String("history"))
        return historyCommand(rest);
    printOut(usage());
    return 0;
}

} // namespace Cli

// runbench run SCRIPT [ARGS…] and runbench log NAME VALUE
#include "cli.h"
#include "signalwatcher.h"

#include "historyformat.h"
#include "lostruns.h"
#include "metricline.h"
#include "project.h"
#include "regularfile.h"
#include "runjob.h"
#include "runstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QSocketNotifier>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>
#include <limits>
#include <memory>
#include <unistd.h>

namespace Cli {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Cli", text, disambiguation, n);
}

// The answer to "cancel the cluster job or leave it running?", read from
// standard input without stopping the event loop. An input that ends (not a
// terminal, or Ctrl-D) cancels, as Ctrl-C does for a local run.
class ClusterQuestion
{
public:
    bool isAsking() const { return m_notifier != nullptr; }
    void ask(const std::function<void(bool leave)> &answered)
    {
        m_answered = answered;
        m_notifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
            char c = 0;
            const ssize_t got = ::read(STDIN_FILENO, &c, 1);
            if (got == 1 && (c == ' ' || c == '\t'))
                return; // the answer comes after
            const bool leave = got == 1 && (c == 'l' || c == 'L');
            m_notifier->setEnabled(false);
            const auto callback = m_answered; // may end this question's life
            callback(leave);
        });
    }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::function<void(bool)> m_answered;
};
} // namespace

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs SCRIPT with ARGS as a tracked run: its arguments, logged metrics, console output, "
           "./outputs files and code are kept in the project's run history. The output streams "
           "here while it runs; Ctrl-C cancels the run. The exit code is the script's (128 + N "
           "when signal N stopped it, 127 when it could not start, 130 when canceled).\n"
           "On a Slurm cluster (--target slurm, or [run] target=slurm in project.ini) the run is a "
           "cluster job: its scheduler's state is printed as it changes, and Ctrl-C asks whether to "
           "cancel the job or leave it running (exit code 75: the job goes on, and any later "
           "runbench command or window records how it ends).\n"
           "Everything after SCRIPT is passed to it verbatim, never through a shell."));
    parser.addHelpOption();
    addProjectOption(&parser);
    parser.addOption(
        { { QStringLiteral("q"), QStringLiteral("quiet") }, tr("Do not print the run's id and status lines.") });
    parser.addOption({ QStringLiteral("target"),
                       tr("Where the script runs: local or slurm (default: the project's [run] target, %1).")
                           .arg(QStringLiteral("local")),
                       tr("target") });
    parser.addPositionalArgument(QStringLiteral("script"), tr("The script to run, relative to the project."));
    parser.addPositionalArgument(QStringLiteral("args"), tr("Arguments for the script."), QStringLiteral("[ARGS…]"));

    QStringList own { QStringLiteral("runbench run") };
    const int i = splitAtScript(arguments, { QStringLiteral("--project"), QStringLiteral("--target") }, &own);
    int exitCode = 0;
    if (!parse(&parser, own, &exitCode))
        return exitCode;
    if (i >= arguments.size()) {
        printErr(tr("runbench run: which script? Usage: runbench run SCRIPT [ARGS…]\n"));
        return 2;
    }
    const QString script = arguments.at(i);
    const QStringList scriptArguments = arguments.mid(i + 1);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));

    // A script path is relative to the current folder, as in a shell.
    const Project project = projectFrom(parser);
    const QString scriptPath = QDir::current().absoluteFilePath(script);
    RunStore store;
    QString error;
    if (!project.ensureDataDir(&error) || !store.open(project.historyLocation())) {
        printErr(QStringLiteral("runbench: %1\n").arg(error.isEmpty() ? store.lastError() : error));
        printBackupAdvice(store, project);
        return 1;
    }
    if (store.useProject(project))
        settleClusterRuns(&store, project, LostRuns::examine(&store, project).cluster);
    RunJob job(project, &store);
    if (parser.isSet(QStringLiteral("target")))
        job.setTarget(parser.value(QStringLiteral("target")).trimmed().toLower());
    if (!job.submit(QDir(project.root()).relativeFilePath(scriptPath), scriptArguments)) {
        printErr(QStringLiteral("runbench: %1\n").arg(job.errorString()));
        return job.record().id ? 1 : 2;
    }
    if (!quiet)
        printErr(tr("runbench: run %1 (number %2) of %3\n")
                     .arg(job.record().runId)
                     .arg(job.record().number)
                     .arg(job.record().script));

    QEventLoop loop;
    SignalWatcher interrupts;
    ClusterQuestion question;
    bool leftRunning = false;
    const auto cancel = [&job, quiet] {
        if (!quiet)
            printErr(tr("\nrunbench: canceling the run…\n"));
        job.cancel();
    };
    QObject::connect(&interrupts, &SignalWatcher::interrupted, &job, [&](int signalNumber) {
        // Ctrl-C on a cluster job asks first; a second one, or SIGTERM, cancels.
        if (signalNumber != SIGINT || !job.isOnCluster() || question.isAsking()) {
            cancel();
            return;
        }
        printErr(tr("\nrunbench: run %1 is Slurm job %2. Cancel the job (c), or leave it running and return "
                    "(l)? [c/l] ")
                     .arg(job.record().runId, job.record().jobId));
        question.ask([&](bool leave) {
            if (!leave) {
                cancel();
                return;
            }
            leftRunning = true;
            printErr(tr("runbench: Slurm job %1 goes on; “runbench history list” shows how it ends.\n")
                         .arg(job.record().jobId));
            loop.quit();
        });
    });
    QObject::connect(&job, &RunJob::schedulerStateChanged, &job, [&job, quiet](const QString &state) {
        if (!quiet)
            printErr(tr("runbench: Slurm job %1: %2\n").arg(job.record().jobId, state));
    });
    QObject::connect(&job, &RunJob::outputReceived, &job, [](const QByteArray &data) {
        std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        std::fflush(stdout);
    });
    QObject::connect(&job, &RunJob::finished, &loop, &QEventLoop::quit);
    job.start();
    if (!isFinished(job.status()) || job.record().id == 0)
        loop.exec();
    if (leftRunning) {
        job.leaveOnCluster(); // the next window or command adopts it at once
        return 75;
    }

    if (!quiet) {
        const RunRecord r = store.run(job.record().id).value_or(job.record());
        QString line = tr("runbench: run %1 %2 in %3")
                           .arg(r.runId, runStatusName(r.status), HistoryFormat::duration(r.durationUs()));
        if (!job.errorString().isEmpty())
            line += QStringLiteral(" — ") + job.errorString();
        if (job.skippedLines() > 0)
            line += QStringLiteral(" (") + tr("malformed metric lines skipped: %n", nullptr, job.skippedLines())
                + QLatin1Char(')');
        printErr(line + QLatin1Char('\n'));
    }
    return job.exitCode();
}

namespace {

// The VALUE of `runbench log`: a number (also NaN, inf), true/false, a JSON
// list of numbers, else a string.
QJsonValue parseValue(const QString &text)
{
    const QString t = text.trimmed();
    if (t == QLatin1String("true") || t == QLatin1String("false"))
        return t == QLatin1String("true");
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (ok)
        return v;
    if (t.startsWith(QLatin1Char('['))) {
        const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8());
        if (doc.isArray())
            return doc.array();
    }
    return text;
}

} // namespace

int logCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Logs VALUE under NAME for the tracked run this shell script belongs to, as the Python "
           "client's log() does. VALUE is a number, true/false, a list like [1,2,3], or text. "
           "Outside a tracked run the value is printed and nothing is stored."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("name"), tr("The metric's name."));
    parser.addPositionalArgument(QStringLiteral("value"), tr("The value."));
    parser.addOption({ QStringLiteral("step"),
                       tr("Log the value at this step (an integer; any order). Without it, the value lands after the "
                          "highest step so far."),
                       tr("N") });
    parser.addOption({ QStringLiteral("param"), tr("The value is a parameter of the run (never ranked best).") });
    parser.addOption({ QStringLiteral("tag"), tr("The value is a tag of the run.") });
    int exitCode = 0;
    if (!parse(&parser, QStringList { QStringLiteral("runbench log") } + arguments, &exitCode))
        return exitCode;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2) {
        printErr(tr("runbench log: usage: runbench log [--step N] [--param|--tag] NAME VALUE\n"));
        return 2;
    }
    QJsonObject record;
    record.insert(QStringLiteral("name"), pos.at(0));
    const QString valueText = pos.at(1);
    const QJsonValue value = parseValue(valueText);
    record.insert(QStringLiteral("value"), value);
    if (parser.isSet(QStringLiteral("param")) && parser.isSet(QStringLiteral("tag"))) {
        printErr(tr("runbench log: a value is a parameter or a tag, not both.\n"));
        return 2;
    }
    if (parser.isSet(QStringLiteral("step"))) {
        bool ok = false;
        const qint64 step = parser.value(QStringLiteral("step")).toLongLong(&ok);
        if (!ok || step > MetricLine::MaxStep || step < -MetricLine::MaxStep) {
            printErr(
                tr("runbench log: --step takes an integer, not “%1”.\n").arg(parser.value(QStringLiteral("step"))));
            return 2;
        }
        record.insert(QStringLiteral("step"), double(step));
    } else if (parser.isSet(QStringLiteral("param")) || parser.isSet(QStringLiteral("tag"))) {
        record.insert(QStringLiteral("step"), 0); // set again, replaced
    }
    if (parser.isSet(QStringLiteral("param")))
        record.insert(QStringLiteral("kind"), QStringLiteral("param"));
    else if (parser.isSet(QStringLiteral("tag")))
        record.insert(QStringLiteral("kind"), QStringLiteral("tag"));
    QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact);
    // QJson has no NaN/Infinity: write them as the Python client does.
    if (value.isDouble() && !std::isfinite(value.toDouble())) {
        const double v = value.toDouble();
        record.remove(QStringLiteral("value"));
        line = QJsonDocument(record).toJson(QJsonDocument::Compact);
        line.chop(1);
        line += ",\"value\":" + HistoryFormat::number(v).toLatin1() + '}';
    }
    MetricRecord check;
    QString why;
    if (!MetricLine::parse(line, &check, &why)) {
        printErr(tr("runbench log: %1\n").arg(why));
        return 2;
    }
    const QString metricsFile = qEnvironmentVariable("RUNBENCH_METRICS_FILE");
    if (metricsFile.isEmpty()) {
        printOut(QStringLiteral("[runbench] %1 = %2\n").arg(pos.at(0), valueText));
        return 0;
    }
    QFile file;
    QString error;
    if (!RegularFile::open(file, metricsFile, RegularFile::Mode::Append, &error)) {
        printErr(tr("runbench log: %1\n").arg(error));
        return 1;
    }
    line += '\n';
    return file.write(line) == line.size() ? 0 : 1;
}

} // namespace Cli

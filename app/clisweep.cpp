// runbench sweep SCRIPT ARGS-with-{sets}…: a parent run and one child run per
// combination of the value sets, dispatched a few at a time.
#include "cli.h"
#include "signalwatcher.h"

#include "argumentline.h"
#include "project.h"
#include "runjob.h"
#include "runstore.h"
#include "sweepspec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>
#include <unordered_map>

namespace Cli {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Cli", text, disambiguation, n);
}

qint64 nowUs() { return QDateTime::currentMSecsSinceEpoch() * 1000; }

} // namespace

int sweepCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs SCRIPT once per combination of the value sets in ARGS, as child runs of one parent run: "
           "{0.01,0.1,1} (a list), {1..5} (integers), {0.001..1:7} (7 values evenly spaced), "
           "{0.001..1:7:log} (7 values spaced on a log scale); several sets make a grid. Each child gets "
           "RUNBENCH_SWEEP_INDEX and RUNBENCH_REPEAT, and its arguments as parameters (--lr 0.1, --lr=0.1 "
           "and lr=0.1 are lr; others arg1, arg2…). The parent is Running until every child has ended, then "
           "Completed, or Failed when a child failed. Ctrl-C cancels the children not yet ended. Exit code: "
           "0 when every child completed, 1 when one failed, 130 when canceled. Write \\{ for a brace of the "
           "argument itself; `runbench run` never reads braces."));
    parser.addHelpOption();
    addProjectOption(&parser);
    parser.addOption({ QStringLiteral("random"), tr("Draw N combinations at random instead of the whole grid."),
                       QStringLiteral("N") });
    parser.addOption({ QStringLiteral("seed"), tr("The seed of --random: the same seed draws the same runs."),
                       QStringLiteral("S") });
    parser.addOption({ QStringLiteral("repeat"), tr("Run each combination K times."), QStringLiteral("K") });
    parser.addOption({ QStringLiteral("parallel"),
                       tr("Children running at once (default: the project's max_parallel_runs)."),
                       QStringLiteral("P") });
    parser.addOption({ QStringLiteral("target"), tr("Where the children run: local or slurm."), tr("target") });
    parser.addOption({ QStringLiteral("dry-run"), tr("Print every child's arguments and start nothing.") });
    parser.addOption({ { QStringLiteral("q"), QStringLiteral("quiet") }, tr("Print only the table at the end.") });
    parser.addPositionalArgument(QStringLiteral("script"), tr("The script to run, relative to the project."));
    parser.addPositionalArgument(QStringLiteral("args"), tr("Arguments, with value sets."), QStringLiteral("[ARGS…]"));

    QStringList own { QStringLiteral("runbench sweep") };
    const int i
        = splitAtScript(arguments,
                        { QStringLiteral("--project"), QStringLiteral("--random"), QStringLiteral("--seed"),
                          QStringLiteral("--repeat"), QStringLiteral("--parallel"), QStringLiteral("--target") },
                        &own);
    int exitCode = 0;
    if (!parse(&parser, own, &exitCode))
        return exitCode;
    if (i >= arguments.size()) {
        printErr(tr("runbench sweep: which script? Usage: runbench sweep SCRIPT ARGS-with-{sets}…\n"));
        return 2;
    }
    const auto count = [&parser](const char *option, int fallback, bool *ok) {
        if (!parser.isSet(QLatin1String(option)))
            return fallback;
        const int n = parser.value(QLatin1String(option)).toInt(ok);
        *ok = *ok && n >= 0;
        return n;
    };
    bool ok = true;
    SweepSpec::Options options;
    options.random = count("random", 0, &ok);
    options.repeat = ok ? count("repeat", 1, &ok) : 1;
    options.seed = ok ? quint32(count("seed", 0, &ok)) : 0;
    const QString script = arguments.at(i);
    const Project project = projectFrom(parser);
    const int parallel = ok ? count("parallel", project.maxParallelRuns(), &ok) : 1;
    if (!ok || parallel < 1) {
        printErr(tr("runbench sweep: --random, --seed, --repeat and --parallel take a whole number.\n"));
        return 2;
    }
    const QStringList sweepArguments = arguments.mid(i + 1);
    const SweepSpec::Plan plan = SweepSpec::expand(sweepArguments, options);
    if (!plan.error.isEmpty()) {
        printErr(tr("runbench sweep: %1\n").arg(plan.error));
        return 2;
    }
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    if (parser.isSet(QStringLiteral("dry-run"))) {
        for (const SweepSpec::Child &child : plan.children)
            printOut(QStringLiteral("%1\t%2\t%3\n")
                         .arg(child.index)
                         .arg(child.repeat)
                         .arg(ArgumentLine::join(child.arguments)));
        printErr(tr("runbench sweep: %1 runs (%2 combinations, %3 each); nothing started.\n")
                     .arg(plan.children.size())
                     .arg(plan.children.size() / options.repeat)
                     .arg(options.repeat));
        return 0;
    }

    const QString scriptPath = QDir::current().absoluteFilePath(script);
    const QString relative = QDir(project.root()).relativeFilePath(scriptPath);
    RunStore store;
    if (!openHistory(project, &store, true))
        return 1;
    const QString target = parser.value(QStringLiteral("target")).trimmed().toLower();
    {
        RunJob probe(project, &store); // a missing script leaves no parent behind
        if (!target.isEmpty())
            probe.setTarget(target);
        QString checked;
        if (!probe.check(relative, &checked)) {
            printErr(QStringLiteral("runbench: %1\n").arg(probe.errorString()));
            return 2;
        }
    }
    std::optional<RunRecord> parent; // made with the first child

    SweepSpec::Outcome counts;
    counts.total = int(plan.children.size());
    bool &canceling = counts.canceling;
    QEventLoop loop;
    SignalWatcher interrupts;
    int next = 0;
    std::unordered_map<RunJob *, std::unique_ptr<RunJob>> active;
    QTimer heartbeat;
    heartbeat.setInterval(5000);

    std::function<void()> dispatch;
    const auto childEnded = [&](RunJob *job) {
        const RunRecord r = store.run(job->record().id).value_or(job->record());
        counts.count(int(r.status));
        if (!quiet)
            printErr(tr("runbench: [%1/%2] run %3 %4: %5%6\n")
                         .arg(counts.ended)
                         .arg(plan.children.size())
                         .arg(r.number)
                         .arg(runStatusName(r.status), ArgumentLine::join(r.arguments),
                              job->errorString().isEmpty() ? QString() : QStringLiteral(" — ") + job->errorString()));
        // deleted once its finished() has returned, not inside it
        const auto it = active.find(job);
        it->second.release()->deleteLater();
        active.erase(it);
        QTimer::singleShot(0, &loop, [&] { dispatch(); });
    };
    dispatch = [&] {
        while (!canceling && next < plan.children.size() && int(active.size()) < parallel) {
            const SweepSpec::Child &child = plan.children.at(next++);
            auto job = std::make_unique<RunJob>(project, &store);
            if (!target.isEmpty())
                job->setTarget(target);
            if (parent)
                job->setParentRun(parent->runId);
            job->setExtraEnvironment({ { QStringLiteral("RUNBENCH_SWEEP_INDEX"), QString::number(child.index) },
                                       { QStringLiteral("RUNBENCH_REPEAT"), QString::number(child.repeat) } });
            if (!parent) {
                // the parent first, so that every child names it
                const auto created
                    = store.createRun(project.runIdPrefix(), relative, sweepArguments, RunJob::userName(),
                                      Project::hostName(), target.isEmpty() ? project.runTarget() : target);
                if (!created || !store.setRunStarted(created->id, QCoreApplication::applicationPid(), nowUs())) {
                    printErr(QStringLiteral("runbench: %1\n").arg(store.lastError()));
                    canceling = true;
                    break;
                }
                parent = store.run(created->id);
                store.setRunProperty(parent->id, QStringLiteral("SweepRuns"), QString::number(plan.children.size()));
                if (options.random > 0)
                    store.setRunProperty(parent->id, QStringLiteral("SweepSeed"), QString::number(options.seed));
                job->setParentRun(parent->runId);
                heartbeat.start();
                if (!quiet)
                    printErr(tr("runbench: sweep %1 (run %2): %3 runs of %4, %5 at a time\n")
                                 .arg(parent->runId)
                                 .arg(parent->number)
                                 .arg(plan.children.size())
                                 .arg(relative)
                                 .arg(parallel));
            }
            if (!job->submit(relative, child.arguments)) {
                printErr(QStringLiteral("runbench: %1\n").arg(job->errorString()));
                if (job->record().id == 0) { // nothing can start: the script or its interpreter is missing
                    canceling = true;
                    exitCode = 2;
                    break;
                }
                counts.count(int(RunStatus::Failed));
                continue;
            }
            QString why;
            if (!NamedParameters::appendToMetricsFile(job->metricsPath(), child.arguments, &why))
                printErr(
                    tr("runbench: the parameters of run %1 could not be written: %2\n").arg(job->record().runId, why));
            RunJob *raw = job.get();
            QObject::connect(raw, &RunJob::finished, &loop, [&, raw] { childEnded(raw); });
            active.emplace(raw, std::move(job));
            raw->start();
        }
        if (active.empty() && (canceling || next >= plan.children.size()))
            loop.quit();
    };
    QObject::connect(&heartbeat, &QTimer::timeout, &loop, [&] {
        if (parent)
            store.heartbeat({ parent->id });
    });
    QObject::connect(&interrupts, &SignalWatcher::interrupted, &loop, [&](int) {
        if (!quiet && !canceling)
            printErr(tr("\nrunbench: canceling the sweep (runs not yet ended: %1)…\n")
                         .arg(int(active.size()) + int(plan.children.size()) - next));
        canceling = true;
        for (auto &entry : active)
            entry.second->cancel();
        if (active.empty())
            loop.quit();
    });
    QTimer::singleShot(0, &loop, [&] { dispatch(); });
    loop.exec();
    heartbeat.stop();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the children's RunJobs
    if (!parent)
        return exitCode != 0 ? exitCode : 1;

    // The parent ends with its children: how many of them did what.
    const RunStatus status = RunStatus(counts.status());
    const QString summary = counts.summary();
    const int code = counts.exitCode();
    if (!store.setSweepFinished(parent->id, counts, nowUs()))
        printErr(QStringLiteral("runbench: %1\n").arg(store.lastError()));
    store.close();
    historyCommand({ QStringLiteral("list"), QStringLiteral("--parent"), parent->runId, QStringLiteral("-o"),
                     QStringLiteral("table"), QStringLiteral("--project"), project.root() });
    if (!quiet)
        printErr(tr("runbench: sweep %1 %2: %3\n").arg(parent->runId, runStatusName(status), summary));
    return code;
}

} // namespace Cli

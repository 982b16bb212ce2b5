// runbench history list | last | info | compare | download | promote
#include "cli.h"

#include "artifactfiles.h"
#include "historyformat.h"
#include "mlflowimport.h"
#include "project.h"
#include "promotion.h"
#include "runcomparison.h"
#include "rundetails.h"
#include "runstore.h"
#include "snapshotstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <functional>
#include <utility>

namespace Cli {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Cli", text, disambiguation, n);
}

enum class Output { Json, Table, Csv };

struct Context
{
    QCommandLineParser parser;
    Project project;
    RunStore store;
    Output output = Output::Json;
};

// Sets up the parser shared by the history commands and opens the history.
// Returns -1 to go on, or an exit code.
int prepare(Context *ctx, const QString &command, const QStringList &arguments, const QString &description,
            Output defaultOutput, const std::function<void(QCommandLineParser *)> &addOptions = {},
            bool createHistory = false)
{
    QCommandLineParser &p = ctx->parser;
    p.setApplicationDescription(description);
    p.addHelpOption();
    addProjectOption(&p);
    p.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
                  tr("Output format: json, table or csv. In JSON, a logged value named like a run field "
                     "(status, name, run_id…) is under \"metrics\", and infinities and NaN are the strings "
                     "\"Infinity\", \"-Infinity\" and \"NaN\". Table and CSV cells show control and "
                     "bidirectional characters as escapes (\\n, \\u202e)."),
                  QStringLiteral("format") });
    if (addOptions)
        addOptions(&p);
    int exitCode = 0;
    if (!parse(&p, QStringList { QStringLiteral("runbench history ") + command } + arguments, &exitCode))
        return exitCode;
    ctx->output = defaultOutput;
    if (p.isSet(QStringLiteral("output"))) {
        const QString o = p.value(QStringLiteral("output"));
        if (o == QLatin1String("json"))
            ctx->output = Output::Json;
        else if (o == QLatin1String("table"))
            ctx->output = Output::Table;
        else if (o == QLatin1String("csv"))
            ctx->output = Output::Csv;
        else {
            printErr(tr("runbench: unknown output format “%1”; use json, table or csv.\n").arg(o));
            return 2;
        }
    }
    ctx->project = projectFrom(p);
    return openHistory(ctx->project, &ctx->store, createHistory) ? -1 : 1;
}

std::optional<RunRecord> findRun(Context *ctx, const QString &idOrNumber)
{
    auto run = ctx->store.findRun(idOrNumber);
    if (!run)
        printErr(tr("runbench: no run “%1” in the history of %2.\n")
                     .arg(idOrNumber, QDir::toNativeSeparators(ctx->project.root())));
    return run;
}

RunDetails details(Context *ctx, const RunRecord &run)
{
    return RunDetails::load(&ctx->store, ctx->project, run, HistoryFormat::MaxSeriesInJson);
}

void printJson(const QJsonValue &value)
{
    const QByteArray text = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    printOut(QString::fromUtf8(text));
}

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return HistoryFormat::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QString();
}

// One run as a two-column table (field, value), for -o table|csv of info/last.
HistoryFormat::Table fieldTable(const QJsonObject &o)
{
    HistoryFormat::Table t;
    t.headers
        = QStringList { QCoreApplication::translate("Cli", "Field"), QCoreApplication::translate("Cli", "Value") };
    t.aligns = { HistoryFormat::Align::Left, HistoryFormat::Align::Left };
    for (auto it = o.begin(); it != o.end(); ++it)
        t.rows.append({ it.key(), valueText(it.value()) });
    return t;
}

void printTable(const HistoryFormat::Table &t, Output output)
{
    printOut(output == Output::Csv ? HistoryFormat::toCsv(t) : HistoryFormat::toText(t));
}

int showRun(Context *ctx, const QString &idOrNumber)
{
    const auto run = findRun(ctx, idOrNumber);
    if (!run)
        return 1;
    const QJsonObject o = HistoryFormat::runObject(details(ctx, *run));
    if (ctx->output == Output::Json)
        printJson(o);
    else
        printTable(fieldTable(o), ctx->output);
    return 0;
}

int list(const QStringList &arguments)
{
    Context ctx;
    const int rc = prepare(
        &ctx, QStringLiteral("list"), arguments,
        tr("Lists the project's runs, newest first: a column per logged value (its last "
           "value), then Duration, Run_id, Script_name, Start_time_utc and Status."),
        Output::Json, [](QCommandLineParser *p) {
            p->addOption({ QStringLiteral("all"), tr("Include hidden runs.") });
            p->addOption({ QStringLiteral("script"), tr("Only runs of this script."), tr("script") });
            p->addOption({ QStringLiteral("parent"),
                           tr("Only the child runs of this run (a sweep's, or those nested in it)."), tr("run") });
        });
    if (rc >= 0)
        return rc;
    QVector<RunRecord> runs = ctx.store.runs();
    const QString script = ctx.parser.value(QStringLiteral("script"));
    const bool all = ctx.parser.isSet(QStringLiteral("all"));
    QString parent;
    if (ctx.parser.isSet(QStringLiteral("parent"))) {
        const auto run = findRun(&ctx, ctx.parser.value(QStringLiteral("parent")));
        if (!run)
            return 1;
        parent = run->runId;
    }
    runs.erase(std::remove_if(runs.begin(), runs.end(),
                              [&](const RunRecord &r) {
                                  return (!all && r.hidden) || (!script.isEmpty() && r.script != script)
                                      || (!parent.isEmpty() && r.parentRunId != parent);
                              }),
               runs.end());
    const auto summaries = ctx.store.allSummaries();
    if (ctx.output == Output::Json) {
        const auto artifacts = ctx.store.allArtifacts();
        QJsonArray array;
        for (const RunRecord &r : std::as_const(runs)) {
            RunDetails d;
            d.run = r;
            d.attachments = ArtifactFiles::attachments(ctx.project.runDir(r.runId), artifacts.value(r.id));
            d.metrics = summaries.value(r.id);
            std::sort(d.metrics.begin(), d.metrics.end(),
                      [](const MetricSummary &a, const MetricSummary &b) { return a.key < b.key; });
            array.append(HistoryFormat::runObject(d));
        }
        printJson(array);
    } else {
        printTable(HistoryFormat::runTable(runs, summaries, ctx.output == Output::Csv), ctx.output);
    }
    return 0;
}

int info(const QStringList &arguments, bool last)
{
    Context ctx;
    const QString command = last ? QStringLiteral("last") : QStringLiteral("info");
    const int rc = prepare(&ctx, command, arguments,
                           last ? tr("Shows the most recent run as one JSON object: its logged values, "
                                     "then its fields.")
                                : tr("Shows one run (by run id or run number) as one JSON object: its "
                                     "logged values, then its fields."),
                           Output::Json, [last](QCommandLineParser *p) {
                               if (!last)
                                   p->addPositionalArgument(QStringLiteral("run"), tr("Run id or number."));
                           });
    if (rc >= 0)
        return rc;
    if (last)
        return showRun(&ctx, QStringLiteral("last"));
    const QStringList pos = ctx.parser.positionalArguments();
    if (pos.size() != 1) {
        printErr(tr("runbench history info: usage: runbench history info RUN\n"));
        return 2;
    }
    return showRun(&ctx, pos.first());
}

int edit(const QStringList &arguments)
{
    Context ctx;
    const int rc
        = prepare(&ctx, QStringLiteral("edit"), arguments,
                  tr("Changes a run's name, description, tags or whether it is hidden, in one step; open windows show "
                     "the change within a second. Prints the run as `info` does."),
                  Output::Json, [](QCommandLineParser *p) {
                      p->addPositionalArgument(QStringLiteral("run"), tr("Run id or number."));
                      p->addOption({ QStringLiteral("name"), tr("The run's name (\"\" clears it)."), tr("text") });
                      p->addOption({ QStringLiteral("description"), tr("The run's description."), tr("text") });
                      p->addOption({ QStringLiteral("tag"), tr("Add a tag (repeatable)."), tr("tag") });
                      p->addOption({ QStringLiteral("untag"), tr("Remove a tag (repeatable)."), tr("tag") });
                      p->addOption({ QStringLiteral("hidden"), tr("Hide the run (true) or show it again (false)."),
                                     QStringLiteral("true|false") });
                  });
    if (rc >= 0)
        return rc;
    const QStringList pos = ctx.parser.positionalArguments();
    if (pos.size() != 1) {
        printErr(tr("runbench history edit: usage: runbench history edit RUN [--name N] [--description D] "
                    "[--tag T] [--untag T] [--hidden true|false]\n"));
        return 2;
    }
    RunEdit change;
    if (ctx.parser.isSet(QStringLiteral("name")))
        change.name = ctx.parser.value(QStringLiteral("name"));
    if (ctx.parser.isSet(QStringLiteral("description")))
        change.description = ctx.parser.value(QStringLiteral("description"));
    change.addTags = ctx.parser.values(QStringLiteral("tag"));
    change.removeTags = ctx.parser.values(QStringLiteral("untag"));
    if (ctx.parser.isSet(QStringLiteral("hidden"))) {
        const QString hidden = ctx.parser.value(QStringLiteral("hidden")).toLower();
        if (hidden != QLatin1String("true") && hidden != QLatin1String("false")) {
            printErr(tr("runbench history edit: --hidden takes true or false, not “%1”.\n").arg(hidden));
            return 2;
        }
        change.hidden = hidden == QLatin1String("true");
    }
    if (change.isEmpty()) {
        printErr(tr("runbench history edit: nothing to change; give --name, --description, --tag, --untag or "
                    "--hidden.\n"));
        return 2;
    }
    const auto run = findRun(&ctx, pos.first());
    if (!run)
        return 1;
    if (!ctx.store.editRun(run->id, change)) {
        printErr(QStringLiteral("runbench: %1\n").arg(ctx.store.lastError()));
        return 1;
    }
    return showRun(&ctx, run->runId);
}

int compare(const QStringList &arguments)
{
    Context ctx;
    const int rc = prepare(&ctx, QStringLiteral("compare"), arguments,
                           tr("Compares two runs or more side by side: their fields and logged values, "
                              "row by row, as the compare view does. Rows whose values differ are marked with *; in "
                              "logged values that differ, the best is marked (best): the highest, or the lowest for "
                              "losses, errors and times (or as chosen in the compare view)."),
                           Output::Table, [](QCommandLineParser *p) {
                               p->addPositionalArgument(QStringLiteral("runs"), tr("Two runs or more."),
                                                        QStringLiteral("A B [C…]"));
                           });
    if (rc >= 0)
        return rc;
    const QStringList pos = ctx.parser.positionalArguments();
    if (pos.size() < 2) {
        printErr(tr("runbench history compare: give two runs or more.\n"));
        return 2;
    }
    QVector<RunDetails> runs;
    for (const QString &id : pos) {
        const auto run = findRun(&ctx, id);
        if (!run)
            return 1;
        RunDetails d = RunDetails::load(&ctx.store, ctx.project, *run); // the command's own connection
        if (!d.error.isEmpty()) {
            printErr(QStringLiteral("runbench: %1\n").arg(d.error));
            return 1;
        }
        runs.append(d);
    }
    // The same rows, differences and best values as the compare view.
    const QVector<RunComparison::Row> rows = RunComparison::compare(runs, ctx.project);
    if (ctx.output == Output::Json) {
        QJsonArray runIds;
        for (const RunDetails &d : std::as_const(runs))
            runIds.append(d.run.runId);
        QJsonArray rowArray;
        for (const RunComparison::Row &r : rows) {
            QJsonArray values;
            QJsonArray best;
            for (int c = 0; c < r.values.size(); ++c) {
                values.append(QJsonValue::fromVariant(r.values.at(c)));
                best.append(r.best.value(c));
            }
            QJsonObject row;
            row.insert(QStringLiteral("field"), r.field);
            row.insert(QStringLiteral("logged"), r.metric);
            row.insert(QStringLiteral("values"), values);
            row.insert(QStringLiteral("differs"), r.differs);
            if (r.metric) {
                row.insert(QStringLiteral("best"), best);
                row.insert(QStringLiteral("lower_is_better"), r.lowerIsBetter);
            }
            rowArray.append(row);
        }
        QJsonObject result;
        result.insert(QStringLiteral("runs"), runIds);
        result.insert(QStringLiteral("rows"), rowArray);
        printJson(result);
        return 0;
    }
    HistoryFormat::Table t;
    t.headers << QString() << tr("Field");
    t.aligns << HistoryFormat::Align::Left << HistoryFormat::Align::Left;
    for (const RunDetails &d : std::as_const(runs)) {
        t.headers << tr("Run %1").arg(d.run.number);
        t.aligns << HistoryFormat::Align::Left;
    }
    for (const RunComparison::Row &r : rows) {
        QStringList cells;
        for (int c = 0; c < r.texts.size(); ++c)
            cells << (r.best.value(c) ? r.texts.at(c) + QStringLiteral(" (best)") : r.texts.at(c));
        t.rows.append(QStringList { r.differs ? QStringLiteral("*") : QString(), r.field } + cells);
    }
    printTable(t, ctx.output);
    return 0;
}

int download(const QStringList &arguments)
{
    Context ctx;
    const int rc = prepare(&ctx, QStringLiteral("download"), arguments,
                           tr("Copies the files a run wrote to ./outputs into a folder, checking each "
                              "copy against the checksum recorded for the run."),
                           Output::Table, [](QCommandLineParser *p) {
                               p->addPositionalArgument(QStringLiteral("run"), tr("Run id or number."));
                               p->addOption({ { QStringLiteral("d"), QStringLiteral("destination") },
                                              tr("The folder to copy into (created if needed)."),
                                              tr("dir") });
                               p->addOption({ { QStringLiteral("f"), QStringLiteral("force") },
                                              tr("Overwrite files that exist in the folder.") });
                           });
    if (rc >= 0)
        return rc;
    const QStringList pos = ctx.parser.positionalArguments();
    if (pos.size() != 1 || !ctx.parser.isSet(QStringLiteral("destination"))) {
        printErr(tr("runbench history download: usage: runbench history download RUN -d DIR\n"));
        return 2;
    }
    const auto run = findRun(&ctx, pos.first());
    if (!run)
        return 1;
    const QString destination = QFileInfo(ctx.parser.value(QStringLiteral("destination"))).absoluteFilePath();
    const bool force = ctx.parser.isSet(QStringLiteral("force"));
    const QVector<ArtifactRecord> artifacts = ctx.store.artifacts(run->id);
    if (artifacts.isEmpty()) {
        printErr(tr("runbench: run %1 wrote no files to ./outputs.\n").arg(run->runId));
        return 0;
    }
    QString error;
    qint64 bytes = 0;
    const QStringList written
        = ArtifactFiles::download(QDir(ctx.project.runDir(run->runId)).canonicalPath(), artifacts, destination, force,
                                  &error, [&bytes](int, qint64 done) { bytes = done; });
    for (const QString &path : written)
        printOut(QDir::toNativeSeparators(path) + QLatin1Char('\n'));
    if (!error.isEmpty()) {
        printErr(QStringLiteral("runbench: %1%2\n").arg(error, force ? QString() : tr(" Use --force to overwrite.")));
        return 1;
    }
    printErr(tr("runbench: files of run %1 copied to %2: %n (%3).\n", nullptr, int(artifacts.size()))
                 .arg(run->runId, QDir::toNativeSeparators(destination), QLocale().formattedDataSize(bytes)));
    return 0;
}

int promote(const QStringList &arguments)
{
    Context ctx;
    const int rc = prepare(
        &ctx, QStringLiteral("promote"), arguments,
        tr("Copies one of a run's artifacts into the project's assets/ folder under "
           "NAME and records where it came from (run, artifact, sha256); "
           "`runbench history info RUN` lists it."),
        Output::Table, [](QCommandLineParser *p) {
            p->addPositionalArgument(QStringLiteral("run"), tr("Run id or number."));
            p->addPositionalArgument(QStringLiteral("artifact"), tr("The artifact, e.g. outputs/model.pkl."));
            p->addOption({ QStringLiteral("name"), tr("The asset's file name in assets/."), tr("name") });
            p->addOption({ { QStringLiteral("f"), QStringLiteral("force") }, tr("Replace an asset of that name.") });
        });
    if (rc >= 0)
        return rc;
    const QStringList pos = ctx.parser.positionalArguments();
    const QString name = ctx.parser.value(QStringLiteral("name"));
    if (pos.size() != 2 || name.isEmpty()) {
        printErr(tr("runbench history promote: usage: runbench history promote RUN ARTIFACT --name NAME\n"));
        return 2;
    }
    const auto run = findRun(&ctx, pos.at(0));
    if (!run)
        return 1;
    const Promotion::Result result
        = Promotion::promote(&ctx.store, ctx.project, *run, pos.at(1), name, ctx.parser.isSet(QStringLiteral("force")));
    switch (result.outcome) {
    case Promotion::Outcome::Done: break;
    case Promotion::Outcome::BadName: printErr(QStringLiteral("runbench: %1\n").arg(result.error)); return 2;
    case Promotion::Outcome::Exists:
        printErr(QStringLiteral("runbench: %1 %2\n").arg(result.error, tr("Use --force to replace it.")));
        return 1;
    default: printErr(QStringLiteral("runbench: %1\n").arg(result.error)); return 1;
    }
    printErr(tr("runbench: %1 of run %2 promoted to %3 (sha256 %4).\n")
                 .arg(result.record.artifactPath, run->runId, result.record.assetPath, result.record.sha256));
    return 0;
}

// Opens the snapshots repository for a run's commit; prints why it cannot.
bool openSnapshots(Context *ctx, const RunRecord &run, SnapshotStore *snapshots)
{
    if (run.commitId.isEmpty()) {
        printErr(tr("runbench: run %1 has no code snapshot (its snapshot failed, or it was recorded "
                    "before snapshots existed).\n")
                     .arg(run.runId));
        return false;
    }
    if (!snapshots->open(false)) {
        printErr(
            tr("runbench: cannot read the code snapshot of run %1: %2\n").arg(run.runId, snapshots->errorString()));
        return false;
    }
    Q_UNUSED(ctx)
    return true;
}

void printPlan(const SnapshotStore::RestorePlan &plan, Output output)
{
    if (output == Output::Json) {
        QJsonObject o;
        o.insert(QStringLiteral("overwrite"), QJsonArray::fromStringList(plan.overwrite));
        o.insert(QStringLiteral("create"), QJsonArray::fromStringList(plan.create));
        o.insert(QStringLiteral("delete"), QJsonArray::fromStringList(plan.remove));
        o.insert(QStringLiteral("keep"), QJsonArray::fromStringList(plan.keep));
        o.insert(QStringLiteral("changed_since_snapshot"), QJsonArray::fromStringList(plan.changedSinceSnapshot));
        printJson(o);
        return;
    }
    auto lines = [&](const QStringList &paths, const QString &verb) {
        for (const QString &path : paths) {
            QString line = QStringLiteral("  %1  %2").arg(verb.leftJustified(9), path);
            if (plan.changedSinceSnapshot.contains(path))
                line += tr("   (changed since the last snapshot)");
            printOut(line + QLatin1Char('\n'));
        }
    };
    lines(plan.overwrite, tr("overwrite"));
    lines(plan.create, tr("create"));
    lines(plan.remove, tr("delete"));
    lines(plan.keep, tr("keep"));
    if (!plan.keep.isEmpty())
        printOut(tr("  (kept files are in no snapshot: restore leaves them as they are)\n"));
}

int restore(const QStringList &arguments)
{
    Context ctx;
    const int rc
        = prepare(&ctx, QStringLiteral("restore"), arguments,
                  tr("Puts the project's files back to the code of a run. It first lists what "
                     "would be overwritten, created and deleted (only files inside the snapshot "
                     "scope: ignored files, .git/ and .runbench/ are never touched), then saves the "
                     "current state as a restore point, so that `restore --undo` puts it back."),
                  Output::Table, [](QCommandLineParser *p) {
                      p->addPositionalArgument(QStringLiteral("run"), tr("Run id or number."), QStringLiteral("[RUN]"));
                      p->addOption({ QStringLiteral("dry-run"), tr("Only list what would change.") });
                      p->addOption({ { QStringLiteral("f"), QStringLiteral("force") },
                                     tr("Also overwrite files changed since the last snapshot.") });
                      p->addOption({ QStringLiteral("undo"), tr("Undo the latest restore.") });
                  });
    if (rc >= 0)
        return rc;
    SnapshotStore snapshots(ctx.project);
    const QStringList pos = ctx.parser.positionalArguments();
    if (ctx.parser.isSet(QStringLiteral("undo"))) {
        SnapshotStore::RestorePlan done;
        if (!snapshots.open(false) || !snapshots.undoRestore(&done)) {
            printErr(QStringLiteral("runbench: %1\n").arg(snapshots.errorString()));
            return 1;
        }
        printPlan(done, ctx.output);
        printErr(tr("runbench: the latest restore was undone.\n"));
        return 0;
    }
    if (pos.size() != 1) {
        printErr(tr("runbench history restore: usage: runbench history restore RUN [--dry-run] [--force] | --undo\n"));
        return 2;
    }
    const auto run = findRun(&ctx, pos.first());
    if (!run)
        return 1;
    if (!openSnapshots(&ctx, *run, &snapshots))
        return 1;
    const auto plan = snapshots.planRestore(run->commitId);
    if (!plan) {
        printErr(tr("runbench: cannot restore run %1: %2\n").arg(run->runId, snapshots.errorString()));
        return 1;
    }
    if (plan->isEmpty()) {
        printErr(tr("runbench: the project's files already match run %1.\n").arg(run->runId));
        return 0;
    }
    printPlan(*plan, ctx.output);
    if (ctx.parser.isSet(QStringLiteral("dry-run")))
        return 0;
    const bool force = ctx.parser.isSet(QStringLiteral("force"));
    if (!plan->changedSinceSnapshot.isEmpty() && !force) {
        printErr(tr("runbench: files changed since the last snapshot would be overwritten or deleted (%n); "
                    "nothing was written. Use --force to restore anyway (the current state is kept as a "
                    "restore point).\n",
                    nullptr, int(plan->changedSinceSnapshot.size())));
        return 1;
    }
    if (!snapshots.restore(run->commitId, force)) {
        printErr(tr("runbench: cannot restore run %1: %2\n").arg(run->runId, snapshots.errorString()));
        return 1;
    }
    printErr(tr("runbench: the project now has the code of run %1 (number %2). "
                "Undo with `runbench history restore --undo`.\n")
                 .arg(run->runId)
                 .arg(run->number));
    return 0;
}

int diff(const QStringList &arguments)
{
    Context ctx;
    const int rc = prepare(&ctx, QStringLiteral("diff"), arguments,
                           tr("Shows what changed in the code between the snapshots of two runs, as a "
                              "unified diff. Paths after -- limit it to those files or folders."),
                           Output::Table, [](QCommandLineParser *p) {
                               p->addPositionalArgument(QStringLiteral("runs"), tr("Two runs, then optional paths."),
                                                        QStringLiteral("A B [-- PATH…]"));
                           });
    if (rc >= 0)
        return rc;
    const QStringList pos = ctx.parser.positionalArguments();
    if (pos.size() < 2) {
        printErr(tr("runbench history diff: usage: runbench history diff A B [-- PATH…]\n"));
        return 2;
    }
    const auto a = findRun(&ctx, pos.at(0));
    const auto b = a ? findRun(&ctx, pos.at(1)) : std::nullopt;
    if (!a || !b)
        return 1;
    SnapshotStore snapshots(ctx.project);
    if (!openSnapshots(&ctx, *a, &snapshots) || !openSnapshots(&ctx, *b, &snapshots))
        return 1;
    QVector<SnapshotStore::FileDiff> files;
    const QString patch = snapshots.diff(a->commitId, b->commitId, pos.mid(2), &files);
    if (patch.isNull() && !snapshots.errorString().isEmpty()) {
        printErr(QStringLiteral("runbench: %1\n").arg(snapshots.errorString()));
        return 1;
    }
    if (ctx.output == Output::Json) {
        QJsonArray list;
        for (const auto &f : std::as_const(files)) {
            QJsonObject o;
            o.insert(QStringLiteral("path"), f.path);
            o.insert(QStringLiteral("status"), QString(f.status));
            o.insert(QStringLiteral("additions"), f.additions);
            o.insert(QStringLiteral("deletions"), f.deletions);
            o.insert(QStringLiteral("binary"), f.binary);
            list.append(o);
        }
        QJsonObject o;
        o.insert(QStringLiteral("files"), list);
        o.insert(QStringLiteral("patch"), patch);
        printJson(o);
    } else {
        printOut(patch);
    }
    return 0;
}

// The history of the project, copied into another store: a PostgreSQL
// server (a team's shared history) or a SQLite file, and back.
int exportHistory(const QStringList &arguments)
{
    Context ctx;
    const int rc = prepare(&ctx, QStringLiteral("export"), arguments,
                           tr("Copies the project's whole run history (runs, arguments, metrics, artifact records, "
                              "promotions, tags) into another store: postgresql://user@host:5432/database for a "
                              "team's server, or sqlite:PATH for a file. The destination must hold no runs of the "
                              "project yet. Row counts are compared at the end. Run folders are not copied: point "
                              "[store] artifact_root at a folder every machine sees."),
                           Output::Table, [](QCommandLineParser *p) {
                               p->addOption({ QStringLiteral("to"), tr("Where to copy the history."), tr("store") });
                           });
    if (rc >= 0)
        return rc;
    QString to = ctx.parser.value(QStringLiteral("to"));
    if (to.isEmpty() || !ctx.parser.positionalArguments().isEmpty()) {
        printErr(tr("runbench history export: usage: runbench history export --to postgresql://…|sqlite:PATH\n"));
        return 2;
    }
    if (to.startsWith(QLatin1String("sqlite:")))
        to = QFileInfo(to.mid(7)).absoluteFilePath();
    else if (!RunStore::isServerLocation(to)) {
        printErr(tr("runbench: “%1” is neither postgresql://… nor sqlite:PATH.\n").arg(to));
        return 2;
    }
    RunStore destination;
    if (!destination.open(to) || !destination.useProject(ctx.project)) {
        printErr(QStringLiteral("runbench: %1\n").arg(destination.lastError()));
        return 1;
    }
    const bool ok = ctx.store.exportProject(&destination, [](int done, int total) {
        printErr(QLatin1Char('\r') + tr("runbench: exported %1 of %2 runs").arg(done).arg(total));
    });
    if (!ok) {
        printErr(QStringLiteral("\nrunbench: %1\n").arg(ctx.store.lastError()));
        return 1;
    }
    const QHash<QString, qint64> counts = ctx.store.projectRowCounts();
    printErr(tr("\nrunbench: %1 runs, %2 metric values and %3 artifact records copied to %4; the counts of every "
                "table match.\n")
                 .arg(counts.value(QStringLiteral("runs")))
                 .arg(counts.value(QStringLiteral("metrics")))
                 .arg(counts.value(QStringLiteral("artifacts")))
                 .arg(RunStore::displayLocation(to)));
    return 0;
}

// Runs of an MLflow file store (mlruns/) become runs of the project.
int importHistory(const QStringList &arguments)
{
    Context ctx;
    const int rc = prepare(
        &ctx, QStringLiteral("import"), arguments,
        tr("Imports every run of an MLflow file store (an mlruns/ folder) into the project: "
           "parameters, metrics with every step and time, tags, status, start and end, and "
           "artifacts (copied into the run's outputs). MLflow's run id is kept as the property "
           "MlflowRunId: importing the same folder again adds nothing. A damaged run is "
           "reported and skipped, never half imported."),
        Output::Table,
        [](QCommandLineParser *p) {
            p->addPositionalArgument(QStringLiteral("mlruns"), tr("The MLflow store folder."));
        },
        true);
    if (rc >= 0)
        return rc;
    const QStringList pos = ctx.parser.positionalArguments();
    if (pos.size() != 1) {
        printErr(tr("runbench history import: usage: runbench history import MLRUNS\n"));
        return 2;
    }
    const MlflowImport::Result result = MlflowImport::importStore(
        &ctx.store, ctx.project, QFileInfo(pos.first()).absoluteFilePath(), [](int done, int total) {
            printErr(QLatin1Char('\r') + tr("runbench: %1%").arg(total > 0 ? 100 * done / total : 100));
        });
    printErr(QStringLiteral("\n"));
    if (!result.error.isEmpty()) {
        printErr(QStringLiteral("runbench: %1\n").arg(result.error));
        return 1;
    }
    for (const QString &note : result.notes)
        printErr(QStringLiteral("runbench: %1\n").arg(note));
    for (const MlflowStore::Problem &p : result.problems)
        printErr(tr("runbench: skipped %1: %2\n").arg(QDir::toNativeSeparators(p.path), p.reason));
    QStringList counts { tr("%1 imported").arg(result.imported) };
    if (result.alreadyImported > 0)
        counts.append(tr("%1 imported before, left as they are").arg(result.alreadyImported));
    if (result.deletedRuns > 0)
        counts.append(tr("%1 deleted in MLflow, left out").arg(result.deletedRuns));
    if (!result.problems.isEmpty())
        counts.append(tr("%1 damaged, skipped").arg(result.problems.size()));
    printErr(tr("runbench: MLflow runs: %1; %2 values.\n").arg(counts.join(QStringLiteral(", "))).arg(result.values));
    return result.problems.isEmpty() ? 0 : 1;
}

QString historyUsage()
{
    return tr("Usage: runbench history COMMAND [options]\n"
              "\n"
              "Commands:\n"
              "  list                 the project's runs, newest first\n"
              "  last                 the most recent run\n"
              "  info RUN             one run (run id or number)\n"
              "  edit RUN [--name N] [--description D] [--tag T] [--untag T] [--hidden true|false]\n"
              "                       rename, describe, tag or hide a run\n"
              "  compare A B [C…]     two runs or more side by side\n"
              "  download RUN -d DIR  copy a run's ./outputs files into DIR\n"
              "  promote RUN ARTIFACT --name NAME   copy an artifact into assets/, recording its origin\n"
              "  restore RUN [--dry-run] [--force]  put the project's code back to a run's snapshot\n"
              "  restore --undo       undo the latest restore\n"
              "  diff A B [-- PATH…]  the code changes between two runs' snapshots\n"
              "  export --to STORE    copy the history to postgresql://… or sqlite:PATH\n"
              "  import MLRUNS        import the runs of an MLflow file store (mlruns/ folder)\n"
              "\n"
              "Options for all: -o json|table|csv, --project DIR, -h.\n");
}

} // namespace

int historyCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("last"))
        return info(rest, true);
    if (sub == QLatin1String("info"))
        return info(rest, false);
    if (sub == QLatin1String("compare"))
        return compare(rest);
    if (sub == QLatin1String("edit"))
        return edit(rest);
    if (sub == QLatin1String("download"))
        return download(rest);
    if (sub == QLatin1String("promote"))
        return promote(rest);
    if (sub == QLatin1String("restore"))
        return restore(rest);
    if (sub == QLatin1String("diff"))
        return diff(rest);
    if (sub == QLatin1String("export"))
        return exportHistory(rest);
    if (sub == QLatin1String("import"))
        return importHistory(rest);
    if (sub.isEmpty() || sub == QLatin1String("-h") || sub == QLatin1String("--help")) {
        printOut(historyUsage());
        return 0;
    }
    printErr(tr("runbench history: unknown command “%1”.\n").arg(sub) + historyUsage());
    return 2;
}

} // namespace Cli

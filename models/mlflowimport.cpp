#include "mlflowimport.h"

#include "artifactfiles.h"
#include "historyformat.h"
#include "project.h"
#include "runstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("MlflowImport", text); }
QString tr(const char *text, const char *comment, int n)
{
    return QCoreApplication::translate("MlflowImport", text, comment, n);
}

QByteArray jsonString(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == '"' || u == '\\')
            out += QLatin1Char('\\') + c;
        else if (u < 0x20)
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    out += QLatin1Char('"');
    return out.toUtf8();
}

QByteArray jsonNumber(double v)
{
    return HistoryFormat::number(v).toUtf8(); // NaN, Infinity, -Infinity as Python writes them
}

// One line of the logging contract for a record (see metricline.h).
QByteArray contractLine(const MetricRecord &r)
{
    QByteArray line = "{";
    if (r.isRunEvent()) {
        line += "\"run\": " + jsonString(r.run) + ", \"status\": " + jsonString(r.runStatus);
        if (!r.name.isEmpty())
            line += ", \"name\": " + jsonString(r.name);
        if (r.time > 0)
            line += ", \"time\": " + QByteArray::number(r.time, 'f', 3);
        return line + "}\n";
    }
    line += "\"name\": " + jsonString(r.name) + ", \"value\": ";
    if (r.kind == MetricKind::Text)
        line += jsonString(r.text);
    else if (r.kind == MetricKind::Bool)
        line += r.numbers.value(0) != 0 ? "true" : "false";
    else
        line += jsonNumber(r.numbers.value(0));
    if (r.time > 0)
        line += ", \"time\": " + QByteArray::number(r.time, 'f', 3);
    if (r.hasStep)
        line += ", \"step\": " + QByteArray::number(r.step);
    if (r.isProperty)
        line += ", \"kind\": \"property\"";
    else if (r.role == ValueRole::Param)
        line += ", \"kind\": \"param\"";
    else if (r.role == ValueRole::Tag)
        line += ", \"kind\": \"tag\"";
    if (!r.run.isEmpty())
        line += ", \"run\": " + jsonString(r.run);
    return line + "}\n";
}

MetricRecord property(const QString &name, const QString &value, const QString &run = QString())
{
    MetricRecord r;
    r.name = name;
    r.kind = MetricKind::Text;
    r.text = value;
    r.isProperty = true;
    r.run = run;
    return r;
}

QString statusEvent(RunStatus status)
{
    switch (status) {
    case RunStatus::Failed: return QStringLiteral("Failed");
    case RunStatus::Canceled: return QStringLiteral("Canceled");
    default: return QStringLiteral("Completed");
    }
}

} // namespace

MlflowImport::Result MlflowImport::importStore(RunStore *store, const Project &project, const QString &mlrunsDir,
                                               const std::function<void(int, int)> &progress,
                                               const std::atomic<bool> *canceled)
{
    Result result;
    // The runs listed first (meta.yaml and tags), then read whole one at a
    // time: runs imported before are never read again, and one run's values
    // are in memory at once.
    const MlflowStore::Contents contents = MlflowStore::read(
        mlrunsDir,
        [&](int done, int total) {
            if (progress)
                progress(done, 2 * total);
        },
        MlflowStore::Depth::MetaAndTags);
    if (!contents.error.isEmpty()) {
        result.error = contents.error;
        return result;
    }
    result.problems = contents.problems;
    result.deletedRuns = contents.deletedRuns;
    const int total = int(contents.runs.size());
    QHash<QString, QString> ourRunId; // MLflow's run id → ours, for the runs nested in it
    int done = 0;
    for (const MlflowStore::Run &listed : contents.runs) {
        if (canceled && canceled->load(std::memory_order_relaxed)) {
            result.error = tr("The import was stopped after %n run(s); importing again adds the rest.", nullptr,
                              result.imported);
            return result;
        }
        if (progress)
            progress(total + done, 2 * total);
        ++done;
        if (const qint64 known = store->runWithProperty(QStringLiteral("MlflowRunId"), listed.runId)) {
            ++result.alreadyImported;
            if (const auto r = store->run(known))
                ourRunId.insert(listed.runId, r->runId);
            continue;
        }
        MlflowStore::Run run;
        QString damaged;
        if (!MlflowStore::readRun(listed.folder, listed.experimentName, &run, &damaged)) {
            result.problems.append({ listed.folder, damaged });
            continue;
        }
        RunStore::ImportedRun imported;
        RunRecord &r = imported.run;
        r.script = run.source.isEmpty() ? QString() : QFileInfo(run.source).fileName();
        r.status = run.status;
        r.startUs = run.startUs;
        r.endUs = run.endUs > 0 ? run.endUs : run.startUs;
        r.createdUs = run.startUs;
        r.exitCode = run.status == RunStatus::Completed ? 0 : (run.status == RunStatus::Canceled ? 130 : 1);
        if (run.status == RunStatus::Lost)
            r.error = tr("The run was still going in MLflow (RUNNING or SCHEDULED) when it was imported.");
        r.name = run.name;
        r.description = run.description;
        r.user = run.user;
        r.parentRunId = ourRunId.value(run.parentRunId);
        imported.values = run.values;
        imported.properties.insert(QStringLiteral("MlflowRunId"), run.runId);
        imported.properties.insert(QStringLiteral("MlflowExperiment"), run.experimentName);
        imported.properties.insert(QStringLiteral("MlflowExperimentId"), run.experimentId);
        // Files first, into a folder of their own beside the runs: the
        // history names them only once they are all there.
        const QString staging = project.runDir(QStringLiteral(".import-") + run.runId);
        QDir(staging).removeRecursively();
        QString why;
        if (!run.artifactsDir.isEmpty()) {
            if (!QDir().mkpath(staging + QStringLiteral("/outputs"))
                || !ArtifactFiles::copyTree(run.artifactsDir, staging + QStringLiteral("/outputs"), &why)) {
                QDir(staging).removeRecursively();
                result.problems.append(
                    { run.artifactsDir, why.isEmpty() ? tr("Cannot create %1.").arg(staging) : why });
                continue;
            }
            imported.artifacts = ArtifactFiles::collectOutputs(staging + QStringLiteral("/none"), staging);
        }
        const qint64 id = store->importRun(project.runIdPrefix(), imported);
        const auto stored = id > 0 ? store->run(id) : std::nullopt;
        if (!stored) {
            QDir(staging).removeRecursively();
            result.problems.append({ run.folder, store->lastError() });
            continue;
        }
        if (!run.artifactsDir.isEmpty()) {
            const QString runDir = project.runDir(stored->runId);
            QDir().mkpath(QFileInfo(runDir).absolutePath());
            if (!QDir().rename(staging, runDir))
                result.problems.append(
                    { staging,
                      tr("The run was imported as #%1, but its files stay in %2: it "
                         "could not be renamed to %3.")
                          .arg(stored->number)
                          .arg(QDir::toNativeSeparators(staging), QDir::toNativeSeparators(runDir)) });
        }
        ourRunId.insert(run.runId, stored->runId);
        ++result.imported;
        result.values += run.values.size();
        for (const QString &note : run.notes)
            result.notes.append(tr("Run #%1 (%2): %3").arg(stored->number).arg(run.runId, note));
    }
    if (progress)
        progress(2 * total, 2 * total);
    return result;
}

bool MlflowImport::appendToMetricsFile(const QString &mlrunsDir, const QString &metricsFile, const QString &outputsDir,
                                       QString *error, QStringList *problems)
{
    const MlflowStore::Contents contents = MlflowStore::read(mlrunsDir);
    if (!contents.error.isEmpty()) {
        *error = contents.error;
        return false;
    }
    if (problems)
        for (const MlflowStore::Problem &p : contents.problems)
            problems->append(p.reason);
    QByteArray lines;
    bool first = true;
    for (const MlflowStore::Run &run : contents.runs) {
        // The first top-level run is this run; every other one is nested in it.
        const QString label = first && run.parentRunId.isEmpty() ? QString() : run.runId;
        first = false;
        if (!label.isEmpty()) {
            MetricRecord start;
            start.run = label;
            start.runStatus = QStringLiteral("Running");
            start.name = run.name;
            lines += contractLine(start);
        }
        lines += contractLine(property(QStringLiteral("MlflowRunId"), run.runId, label));
        lines += contractLine(property(QStringLiteral("MlflowExperiment"), run.experimentName, label));
        for (MetricRecord value : run.values) {
            value.run = label;
            lines += contractLine(value);
        }
        if (!label.isEmpty()) {
            MetricRecord end;
            end.run = label;
            end.runStatus = statusEvent(run.status);
            end.time = run.endUs > 0 ? double(run.endUs) / 1e6 : 0;
            lines += contractLine(end);
        }
        if (!run.artifactsDir.isEmpty()) {
            const QString to = label.isEmpty()
                ? outputsDir
                : outputsDir + QLatin1Char('/') + (run.name.isEmpty() ? label : run.name);
            QString why;
            if (!QDir().mkpath(to) || !ArtifactFiles::copyTree(run.artifactsDir, to, &why)) {
                *error = why.isEmpty() ? tr("Cannot create %1.").arg(QDir::toNativeSeparators(to)) : why;
                return false;
            }
        }
    }
    QFile file(metricsFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(lines) != lines.size()) {
        *error
            = tr("Cannot add MLflow's values to %1: %2").arg(QDir::toNativeSeparators(metricsFile), file.errorString());
        return false;
    }
    return true;
}

#include "mlflowstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("MlflowStore", text); }

// The flat "key: value" lines of MLflow's meta.yaml (a scalar per key; the
// one list MLflow writes there, "tags: []", is read as text). Quoted values
// are unquoted; null and ~ are empty. False on a line that is none of these.
bool readMeta(const QString &path, QHash<QString, QString> *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.exists()
            ? QCoreApplication::translate("MlflowStore", "%1 cannot be read: %2")
                  .arg(QDir::toNativeSeparators(path), file.errorString())
            : QCoreApplication::translate("MlflowStore", "%1 is missing.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (file.size() > 1 << 20) {
        *error = QCoreApplication::translate("MlflowStore", "%1 is larger than 1 MB: no meta.yaml MLflow writes is.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    int number = 0;
    for (const QString &raw : lines) {
        ++number;
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (raw.startsWith(QLatin1Char(' ')) || raw.startsWith(QLatin1Char('-')))
            continue; // inside a list or mapping of the previous key: not read
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            *error = QCoreApplication::translate("MlflowStore", "%1, line %2: “%3” is not a “key: value” line.")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(number)
                         .arg(line.left(80));
            return false;
        }
        const QString key = line.left(colon).trimmed();
        QString value = line.mid(colon + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\''))) {
            value = value.mid(1, value.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
        } else if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"'))) {
            value = value.mid(1, value.size() - 2);
            value.replace(QStringLiteral("\\\""), QStringLiteral("\""))
                .replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        } else if (value.startsWith(QLatin1Char('\'')) || value.startsWith(QLatin1Char('"'))) {
            *error = QCoreApplication::translate("MlflowStore", "%1, line %2: a quoted value is not closed.")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(number);
            return false;
        } else if (value == QLatin1String("null") || value == QLatin1String("~")) {
            value.clear();
        }
        out->insert(key, value);
    }
    return true;
}

// "name" files below folder (keys may hold '/'): key → the file's text.
bool readKeyFiles(const QString &folder, QMap<QString, QByteArray> *out, QString *error)
{
    if (!QFileInfo(folder).isDir())
        return true;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    const QDir base(folder);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QCoreApplication::translate("MlflowStore", "%1 cannot be read: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
            return false;
        }
        out->insert(base.relativeFilePath(path), file.readAll());
    }
    return true;
}

double parseValue(const QByteArray &text, bool *ok)
{
    const double v = text.toDouble(ok); // the C locale's numbers, whatever the user's
    if (*ok)
        return v;
    const QByteArray t = text.toLower();
    *ok = true;
    if (t == "nan")
        return std::numeric_limits<double>::quiet_NaN();
    if (t == "inf" || t == "infinity")
        return std::numeric_limits<double>::infinity();
    if (t == "-inf" || t == "-infinity")
        return -std::numeric_limits<double>::infinity();
    return text.toDouble(ok);
}

struct Point
{
    qint64 timestampMs;
    double value;
    qint64 step;
};

RunStatus statusOf(const QString &code)
{
    // MLflow's RunStatus: 1 RUNNING, 2 SCHEDULED, 3 FINISHED, 4 FAILED, 5 KILLED (or the names)
    const QString c = code.toUpper();
    if (c == QLatin1String("3") || c == QLatin1String("FINISHED"))
        return RunStatus::Completed;
    if (c == QLatin1String("4") || c == QLatin1String("FAILED"))
        return RunStatus::Failed;
    if (c == QLatin1String("5") || c == QLatin1String("KILLED"))
        return RunStatus::Canceled;
    return RunStatus::Lost; // still RUNNING or SCHEDULED in MLflow: nothing of ours runs it
}

// A parameter or tag as a value: numbers stay numbers, the rest is text.
MetricRecord textValue(const QString &name, const QString &text, ValueRole role, double time)
{
    MetricRecord r;
    r.name = name;
    r.role = role;
    r.hasStep = true;
    r.step = 0;
    r.time = time;
    bool number = false;
    const double v = text.toDouble(&number);
    if (number && role == ValueRole::Param && std::isfinite(v) && text.trimmed() == text) {
        r.kind = MetricKind::Number;
        r.numbers = { v };
    } else {
        r.kind = MetricKind::Text;
        r.text = text.left(MetricLine::MaxTextLength);
    }
    return r;
}

} // namespace

bool MlflowStore::readRun(const QString &runDir, const QString &experimentName, Run *out, QString *error, Depth depth)
{
    QHash<QString, QString> meta;
    if (!readMeta(runDir + QStringLiteral("/meta.yaml"), &meta, error))
        return false;
    Run run;
    run.folder = runDir;
    run.runId = meta.value(QStringLiteral("run_id"), meta.value(QStringLiteral("run_uuid")));
    if (run.runId.isEmpty()) {
        *error = tr("%1 names no run_id.").arg(QDir::toNativeSeparators(runDir + QStringLiteral("/meta.yaml")));
        return false;
    }
    run.experimentId = meta.value(QStringLiteral("experiment_id"));
    run.deleted = meta.value(QStringLiteral("lifecycle_stage")) == QLatin1String("deleted");
    run.experimentName = experimentName;
    run.name = meta.value(QStringLiteral("run_name"));
    run.user = meta.value(QStringLiteral("user_id"));
    run.status = statusOf(meta.value(QStringLiteral("status")));
    bool ok = true;
    const QString start = meta.value(QStringLiteral("start_time"));
    const QString end = meta.value(QStringLiteral("end_time"));
    run.startUs = start.isEmpty() ? 0 : start.toLongLong(&ok) * 1000;
    if (ok && !end.isEmpty())
        run.endUs = end.toLongLong(&ok) * 1000;
    if (!ok) {
        *error = tr("%1: start_time or end_time is not a number of milliseconds.")
                     .arg(QDir::toNativeSeparators(runDir + QStringLiteral("/meta.yaml")));
        return false;
    }
    const double time = run.startUs > 0 ? double(run.startUs) / 1e6 : 0;

    QMap<QString, QByteArray> params, tags, metrics;
    const bool everything = depth == Depth::Everything;
    if ((everything && !readKeyFiles(runDir + QStringLiteral("/params"), &params, error))
        || !readKeyFiles(runDir + QStringLiteral("/tags"), &tags, error)
        || (everything && !readKeyFiles(runDir + QStringLiteral("/metrics"), &metrics, error)))
        return false;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        run.values.append(textValue(it.key(), QString::fromUtf8(it.value()), ValueRole::Param, time));
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        const QString value = QString::fromUtf8(it.value());
        if (it.key() == QLatin1String("mlflow.runName") && run.name.isEmpty())
            run.name = value;
        else if (it.key() == QLatin1String("mlflow.parentRunId"))
            run.parentRunId = value.trimmed();
        else if (it.key() == QLatin1String("mlflow.note.content"))
            run.description = value;
        else if (it.key() == QLatin1String("mlflow.source.name"))
            run.source = value;
        else if (it.key() == QLatin1String("mlflow.user") && run.user.isEmpty())
            run.user = value;
        run.values.append(textValue(it.key(), value, ValueRole::Tag, time));
    }
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it) {
        QVector<Point> points;
        int number = 0;
        const QByteArray &text = it.value();
        for (qsizetype at = 0; at < text.size();) {
            qsizetype nl = text.indexOf('\n', at);
            if (nl < 0)
                nl = text.size();
            ++number;
            // the fields, without a copy of the line
            QByteArray fields[4];
            int count = 0;
            for (qsizetype i = at; i < nl && count < 4;) {
                while (i < nl && (text.at(i) == ' ' || text.at(i) == '\t' || text.at(i) == '\r'))
                    ++i;
                const qsizetype first = i;
                while (i < nl && text.at(i) != ' ' && text.at(i) != '\t' && text.at(i) != '\r')
                    ++i;
                if (i > first)
                    fields[count++] = QByteArray::fromRawData(text.constData() + first, int(i - first));
            }
            const QByteArray line = QByteArray::fromRawData(text.constData() + at, int(nl - at));
            at = nl + 1;
            if (count == 0)
                continue;
            bool okTime = false, okValue = false, okStep = true;
            Point p { 0, 0, 0 };
            if (count == 2 || count == 3) {
                p.timestampMs = fields[0].toLongLong(&okTime);
                p.value = parseValue(fields[1], &okValue);
                if (count == 3)
                    p.step = fields[2].toLongLong(&okStep);
            }
            if (!okTime || !okValue || !okStep) {
                *error = tr("%1, line %2: “%3” is not “timestamp value step”.")
                             .arg(QDir::toNativeSeparators(runDir + QStringLiteral("/metrics/") + it.key()))
                             .arg(number)
                             .arg(QString::fromUtf8(line.trimmed()).left(80));
                return false;
            }
            points.append(p);
        }
        std::stable_sort(points.begin(), points.end(), [](const Point &a, const Point &b) {
            return a.step != b.step ? a.step < b.step : a.timestampMs < b.timestampMs;
        });
        // MLflow logs every value without a step at step 0: values sharing
        // a step are numbered in order of step and time, so none is lost.
        bool shared = false;
        for (int i = 1; i < points.size() && !shared; ++i)
            shared = points.at(i).step == points.at(i - 1).step;
        if (shared) {
            for (int i = 0; i < points.size(); ++i)
                points[i].step = i;
            run.notes.append(tr("%1: several values shared a step; they were numbered 0 to %2 in order of step "
                                "and time.")
                                 .arg(it.key())
                                 .arg(points.size() - 1));
        }
        for (const Point &p : std::as_const(points)) {
            MetricRecord r;
            r.name = it.key();
            r.kind = MetricKind::Number;
            r.numbers = { p.value };
            r.hasStep = true;
            r.step = p.step;
            r.time = double(p.timestampMs) / 1000.0;
            run.values.append(r);
        }
    }
    const QString artifacts = runDir + QStringLiteral("/artifacts");
    if (QFileInfo(artifacts).isDir()
        && !QDir(artifacts).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        run.artifactsDir = artifacts;
    *out = run;
    return true;
}

MlflowStore::Contents MlflowStore::read(const QString &mlrunsDir, const std::function<void(int, int)> &progress,
                                        Depth depth)
{
    Contents contents;
    const QDir root(mlrunsDir);
    if (!root.exists()) {
        contents.error = tr("%1 does not exist.").arg(QDir::toNativeSeparators(mlrunsDir));
        return contents;
    }
    struct Pending
    {
        QString dir;
        QString experiment;
    };
    QVector<Pending> pending;
    const QStringList entries = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &entry : entries) {
        if (entry.startsWith(QLatin1Char('.')) || entry == QLatin1String("models"))
            continue; // .trash (deleted), registered models
        const QString experimentDir = root.filePath(entry);
        if (!QFileInfo::exists(experimentDir + QStringLiteral("/meta.yaml")))
            continue; // not an experiment
        QHash<QString, QString> meta;
        QString why;
        if (!readMeta(experimentDir + QStringLiteral("/meta.yaml"), &meta, &why)) {
            contents.problems.append({ experimentDir, why });
            continue;
        }
        if (meta.value(QStringLiteral("lifecycle_stage")) == QLatin1String("deleted"))
            continue;
        ++contents.experiments;
        const QString name = meta.value(QStringLiteral("name"), entry);
        const QStringList runs = QDir(experimentDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &run : runs) {
            const QString runDir = experimentDir + QLatin1Char('/') + run;
            if (run == QLatin1String("tags") || run == QLatin1String("datasets") || run == QLatin1String("traces")
                || run == QLatin1String("models"))
                continue; // an experiment's own folders in newer MLflow versions
            pending.append({ runDir, name });
        }
    }
    if (contents.experiments == 0 && contents.problems.isEmpty()) {
        contents.error
            = tr("%1 holds no MLflow experiment (no <experiment>/meta.yaml).").arg(QDir::toNativeSeparators(mlrunsDir));
        return contents;
    }
    int done = 0;
    for (const Pending &p : std::as_const(pending)) {
        Run run;
        QString why;
        if (!readRun(p.dir, p.experiment, &run, &why, depth))
            contents.problems.append({ p.dir, why });
        else if (run.deleted)
            ++contents.deletedRuns;
        else
            contents.runs.append(run);
        if (progress)
            progress(++done, int(pending.size()));
    }
    // Parents go before the runs nested in them.
    QSet<QString> ids;
    for (const Run &run : std::as_const(contents.runs))
        ids.insert(run.runId);
    QVector<Run> ordered;
    QSet<QString> placed;
    while (ordered.size() < contents.runs.size()) {
        const qsizetype before = ordered.size();
        for (const Run &run : std::as_const(contents.runs)) {
            if (placed.contains(run.runId))
                continue;
            if (run.parentRunId.isEmpty() || !ids.contains(run.parentRunId) || placed.contains(run.parentRunId)) {
                ordered.append(run);
                placed.insert(run.runId);
            }
        }
        if (ordered.size() == before) { // a loop of parents: taken as they are
            for (const Run &run : std::as_const(contents.runs))
                if (!placed.contains(run.runId)) {
                    ordered.append(run);
                    placed.insert(run.runId);
                }
        }
    }
    contents.runs = ordered;
    return contents;
}

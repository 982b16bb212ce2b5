#include "project.h"

#include "argumentline.h"
#include "slurmsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSettings>
#include <QSysInfo>
#include <QUrl>
#include <QUuid>

#include <sys/stat.h>

namespace {
const auto kDataDirName = QStringLiteral(".runbench");

QString defaultInterpreter(const QString &suffix)
{
    if (suffix == QLatin1String("py"))
        return QStringLiteral("python3");
    if (suffix == QLatin1String("sh"))
        return QStringLiteral("bash");
    if (suffix == QLatin1String("R") || suffix == QLatin1String("r"))
        return QStringLiteral("Rscript");
    return {};
}
} // namespace

Project::Project(const QString &root)
    : m_root(QDir::cleanPath(QFileInfo(root).absoluteFilePath()))
{ }

Project Project::locate(const QString &startDir)
{
    QDir dir(QFileInfo(startDir).absoluteFilePath());
    for (;;) {
        if (QFileInfo(dir.filePath(kDataDirName)).isDir())
            return Project(dir.absolutePath());
        if (!dir.cdUp())
            break;
    }
    return Project(startDir);
}

QString Project::value(const QString &key, const QString &fallback) const
{
    const QSettings ini(iniPath(), QSettings::IniFormat);
    return ini.value(key, fallback).toString();
}

QString Project::name() const { return value(QStringLiteral("project/name"), QFileInfo(m_root).fileName()); }

QString Project::dataDir() const { return m_root + QLatin1Char('/') + kDataDirName; }
QString Project::iniPath() const { return dataDir() + QStringLiteral("/project.ini"); }
QString Project::databasePath() const { return dataDir() + QStringLiteral("/history.sqlite"); }
QString Project::historyLocation() const
{
    const QString fromEnvironment = qEnvironmentVariable("RUNBENCH_DATABASE_URL");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString configured = value(QStringLiteral("store/url"), QString());
    return configured.isEmpty() ? databasePath() : configured;
}

bool Project::usesServer() const { return historyLocation() != databasePath(); }

bool Project::hasHistory() const { return usesServer() || QFileInfo::exists(databasePath()); }

QString Project::runsDir() const
{
    const QString shared = value(QStringLiteral("store/artifact_root"), QString());
    return (shared.isEmpty() ? dataDir() : shared) + QStringLiteral("/runs");
}
QString Project::runDir(const QString &runId) const { return runsDir() + QLatin1Char('/') + runId; }
QString Project::workDir(const QString &runId) const { return dataDir() + QStringLiteral("/working/") + runId; }
QString Project::sharedDir() const { return dataDir() + QStringLiteral("/shared"); }
QString Project::clientDir() const { return dataDir() + QStringLiteral("/client"); }
QString Project::assetsDir() const { return m_root + QStringLiteral("/assets"); }
QString Project::workbenchSettingsPath() const { return dataDir() + QStringLiteral("/workbench.ini"); }

QStringList Project::interpreterFor(const QString &scriptPath) const
{
    const QString suffix = QFileInfo(scriptPath).suffix();
    if (!suffix.isEmpty()) {
        const QString configured = value(QStringLiteral("interpreters/") + suffix, defaultInterpreter(suffix));
        if (!configured.isEmpty())
            return ArgumentLine::split(configured);
    }
    return {};
}

QMap<QString, QString> Project::interpreters() const
{
    QMap<QString, QString> result;
    for (const char *ext : { "py", "sh", "R" })
        result.insert(QLatin1String(ext), defaultInterpreter(QLatin1String(ext)));
    QSettings ini(iniPath(), QSettings::IniFormat);
    ini.beginGroup(QStringLiteral("interpreters"));
    const QStringList keys = ini.childKeys();
    for (const QString &key : keys)
        result.insert(key, ini.value(key).toString());
    return result;
}

void Project::setInterpreters(const QMap<QString, QString> &interpreters) const
{
    QSettings ini(iniPath(), QSettings::IniFormat);
    ini.remove(QStringLiteral("interpreters"));
    ini.beginGroup(QStringLiteral("interpreters"));
    for (auto it = interpreters.cbegin(); it != interpreters.cend(); ++it)
        if (!it.key().trimmed().isEmpty())
            ini.setValue(it.key().trimmed(), it.value().trimmed());
}

void Project::setMaxParallelRuns(int runs) const
{
    QSettings ini(iniPath(), QSettings::IniFormat);
    ini.setValue(QStringLiteral("project/max_parallel_runs"), qMax(1, runs));
}

void Project::setLostAfterSeconds(int seconds) const
{
    QSettings ini(iniPath(), QSettings::IniFormat);
    ini.setValue(QStringLiteral("runs/lost_after_seconds"), qMax(1, seconds));
}

QString Project::runTarget() const
{
    const QString target = value(QStringLiteral("run/target"), QString()).trimmed().toLower();
    return runTargets().contains(target) ? target : QStringLiteral("local");
}

void Project::setRunTarget(const QString &target) const
{
    QSettings ini(iniPath(), QSettings::IniFormat);
    ini.setValue(QStringLiteral("run/target"), target);
}

namespace {
// A multi-line value: written with "\n" escapes; a hand-written line with
// commas reads back as QSettings' list, joined again.
QStringList lines(const QVariant &value)
{
    return SlurmSettings::lines(value.userType() == QMetaType::QStringList
                                    ? value.toStringList().join(QStringLiteral(", "))
                                    : value.toString());
}
} // namespace

SlurmSettings Project::slurmSettings() const
{
    const QSettings ini(iniPath(), QSettings::IniFormat);
    SlurmSettings s;
    s.partition = ini.value(QStringLiteral("slurm/partition")).toString().trimmed();
    s.timeLimit = ini.value(QStringLiteral("slurm/time")).toString().trimmed();
    s.cpusPerTask = qMax(0, ini.value(QStringLiteral("slurm/cpus_per_task")).toInt());
    s.memory = ini.value(QStringLiteral("slurm/mem")).toString().trimmed();
    s.gres = ini.value(QStringLiteral("slurm/gres")).toString().trimmed();
    s.extraOptions = lines(ini.value(QStringLiteral("slurm/options")));
    s.setupLines = lines(ini.value(QStringLiteral("slurm/setup")));
    bool ok = false;
    const double poll = ini.value(QStringLiteral("slurm/poll_seconds")).toDouble(&ok);
    s.pollSeconds = ok && poll > 0 ? qBound(0.05, poll, 600.0) : 2.0;
    return s;
}

void Project::setSlurmSettings(const SlurmSettings &s) const
{
    QSettings ini(iniPath(), QSettings::IniFormat);
    ini.beginGroup(QStringLiteral("slurm"));
    const auto set = [&ini](const QString &key, const QString &value) {
        if (value.isEmpty())
            ini.remove(key);
        else
            ini.setValue(key, value);
    };
    set(QStringLiteral("partition"), s.partition);
    set(QStringLiteral("time"), s.timeLimit);
    set(QStringLiteral("cpus_per_task"), s.cpusPerTask > 0 ? QString::number(s.cpusPerTask) : QString());
    set(QStringLiteral("mem"), s.memory);
    set(QStringLiteral("gres"), s.gres);
    set(QStringLiteral("options"), s.extraOptions.join(QLatin1Char('\n')));
    set(QStringLiteral("setup"), s.setupLines.join(QLatin1Char('\n')));
    set(QStringLiteral("poll_seconds"), qFuzzyCompare(s.pollSeconds, 2.0) ? QString() : QString::number(s.pollSeconds));
}

QString Project::hostName()
{
    const QString configured = qEnvironmentVariable("RUNBENCH_HOST");
    return configured.isEmpty() ? QSysInfo::machineHostName() : configured;
}

bool Project::setHistoryServer(const QString &url, const QString &artifactRoot, QString *error) const
{
    const QUrl parsed(url);
    if (!url.isEmpty()
        && (!parsed.isValid()
            || (parsed.scheme() != QLatin1String("postgresql") && parsed.scheme() != QLatin1String("postgres")))) {
        *error = QCoreApplication::translate("Project", "“%1” is not a postgresql://user@host:5432/database URL.")
                     .arg(url);
        return false;
    }
    if (!parsed.password().isEmpty()) {
        *error = QCoreApplication::translate("Project",
                                             "Passwords are never stored in project.ini: leave it out of the URL "
                                             "and put it in ~/.pgpass, or in PGPASSWORD.");
        return false;
    }
    QSettings ini(iniPath(), QSettings::IniFormat);
    for (const auto &[key, value] :
         { std::pair<QString, QString> { QStringLiteral("store/url"), url },
           std::pair<QString, QString> { QStringLiteral("store/artifact_root"), artifactRoot } }) {
        if (value.isEmpty())
            ini.remove(key);
        else
            ini.setValue(key, value);
    }
    ini.sync();
    return true;
}

QString Project::historyServer() const { return value(QStringLiteral("store/url"), QString()); }

QString Project::artifactRoot() const { return value(QStringLiteral("store/artifact_root"), QString()); }

bool Project::isRunnable(const QString &relativePath) const { return isRunnable(relativePath, interpreters()); }

bool Project::isRunnable(const QString &relativePath, const QMap<QString, QString> &interpreters) const
{
    const QFileInfo info(QDir(m_root).filePath(relativePath));
    if (!info.isFile())
        return false;
    const QString suffix = info.suffix();
    if (!suffix.isEmpty() && !interpreters.value(suffix).isEmpty())
        return true;
    return info.isExecutable();
}

int Project::maxParallelRuns() const
{
    bool ok = false;
    const int n = value(QStringLiteral("project/max_parallel_runs"), QString()).toInt(&ok);
    return ok && n > 0 ? n : 4;
}

QStringList Project::ignorePatterns() const
{
    const QSettings ini(iniPath(), QSettings::IniFormat);
    return ini.value(QStringLiteral("snapshot/ignore")).toStringList();
}

qint64 Project::snapshotFileSizeLimit() const
{
    bool ok = false;
    const double mb = value(QStringLiteral("snapshot/max_file_size_mb"), QString()).toDouble(&ok);
    return qint64((ok && mb > 0 ? mb : 50.0) * 1024 * 1024);
}

unsigned Project::privateFolderMode() const
{
    struct stat project;
    if (::stat(QFile::encodeName(m_root).constData(), &project) != 0 || !(project.st_mode & S_IRGRP))
        return 0700;
    return 0700 | (unsigned(project.st_mode) & 0070);
}

bool Project::makePrivateFolder(const QString &path) const
{
    if (QFileInfo(path).isDir())
        return true; // as the user left it
    return QDir().mkpath(path) && ::chmod(QFile::encodeName(path).constData(), mode_t(privateFolderMode())) == 0;
}

bool Project::ensureDataDir(QString *error) const
{
    QString why;
    if (id(&why).isEmpty() && !why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    const QStringList dirs { dataDir(), runsDir(), sharedDir(), dataDir() + QStringLiteral("/working") };
    for (const QString &d : dirs) {
        if (!makePrivateFolder(d)) {
            if (error)
                *error = QCoreApplication::translate("Project", "Cannot create the folder %1.")
                             .arg(QDir::toNativeSeparators(d));
            return false;
        }
    }
    if (QFileInfo::exists(iniPath()))
        return true;
    // Under the lock ensureId() takes: programs starting a project's first
    // runs at once write its id once, and every one reads that id after.
    QLockFile lock(idLockPath());
    if (!lock.tryLock(10000)) {
        if (error)
            *error = QCoreApplication::translate("Project", "%1 is locked by another program.")
                         .arg(QDir::toNativeSeparators(iniPath()));
        return false;
    }
    if (!QFileInfo::exists(iniPath())) {
        QSettings ini(iniPath(), QSettings::IniFormat);
        ini.setValue(QStringLiteral("project/id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        ini.setValue(QStringLiteral("project/name"), QFileInfo(m_root).fileName());
        ini.setValue(QStringLiteral("project/max_parallel_runs"), 4);
        ini.setValue(QStringLiteral("interpreters/py"), QStringLiteral("python3"));
        ini.setValue(QStringLiteral("interpreters/sh"), QStringLiteral("bash"));
        ini.setValue(QStringLiteral("interpreters/R"), QStringLiteral("Rscript"));
        ini.sync();
        if (ini.status() != QSettings::NoError) {
            if (error)
                *error = QCoreApplication::translate("Project", "Cannot write %1.")
                             .arg(QDir::toNativeSeparators(iniPath()));
            return false;
        }
    }
    return true;
}

QString Project::runIdPrefix() const
{
    QString prefix;
    for (const QChar c : name())
        prefix += c.isLetterOrNumber() || c == QLatin1Char('-') ? c : QLatin1Char('_');
    return prefix.isEmpty() ? QStringLiteral("run") : prefix;
}

#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

struct SlurmSettings;

// A user's project folder and its .runbench/ data folder (see DESIGN.md,
// "The user's project on disk"). Settings come from .runbench/project.ini;
// every getter has a sensible default so a bare folder is a valid project.
class Project
{
public:
    Project() = default;
    explicit Project(const QString &root);

    // The nearest folder at or above startDir that has a .runbench/ folder,
    // or startDir itself when none has one (it becomes a project on first run).
    static Project locate(const QString &startDir);

    bool isValid() const { return !m_root.isEmpty(); }
    QString root() const { return m_root; }
    QString name() const;
    // What its run ids start with: the name, as "IrisDemo_1504832281116" does.
    QString runIdPrefix() const;

    QString dataDir() const;
    QString iniPath() const;
    // The SQLite file of the project's own history.
    QString databasePath() const;
    // Where the history is kept: $RUNBENCH_DATABASE_URL, else [store] url of
    // project.ini (a PostgreSQL server's URL, without password: libpq reads
    // it from ~/.pgpass or PGPASSWORD), else databasePath().
    QString historyLocation() const;
    bool usesServer() const;
    // The history exists: a server always does, a file once a run wrote it.
    bool hasHistory() const;
    // The run folders (logs, metrics, outputs): [store] artifact_root/runs
    // when the team shares one folder every machine sees, else .runbench/runs.
    QString runsDir() const;
    QString runDir(const QString &runId) const;
    QString workDir(const QString &runId) const;
    QString sharedDir() const;
    QString clientDir() const;
    QString assetsDir() const;
    // The window's per-project choices (argument history, grid columns).
    QString workbenchSettingsPath() const;

    // The command that runs a script: interpreter program and its own
    // arguments, chosen by the script's extension ("py", "sh", "R") from the
    // [interpreters] group of project.ini. An executable script without a
    // known extension runs as itself (empty result).
    QStringList interpreterFor(const QString &scriptPath) const;
    // The interpreter commands by extension, defaults included ("py" → "python3").
    QMap<QString, QString> interpreters() const;
    void setInterpreters(const QMap<QString, QString> &interpreters) const;
    void setMaxParallelRuns(int runs) const;
    // [store] url and artifact_root ("" removes them). A URL with a password
    // is refused: *error says why and nothing is written.
    bool setHistoryServer(const QString &url, const QString &artifactRoot, QString *error) const;
    QString historyServer() const; // [store] url, "" for the project's own file
    QString artifactRoot() const;
    // Files a user would run: by an interpreter's extension, or executable.
    bool isRunnable(const QString &relativePath) const;
    bool isRunnable(const QString &relativePath, const QMap<QString, QString> &interpreters) const;
    int maxParallelRuns() const;
    // Where the Run button runs scripts: "local" (default) or "slurm"
    // ([run] target), and the sbatch options of the [slurm] group.
    QString runTarget() const;
    void setRunTarget(const QString &target) const;
    SlurmSettings slurmSettings() const;
    void setSlurmSettings(const SlurmSettings &settings) const;
    static QStringList runTargets() { return { QStringLiteral("local"), QStringLiteral("slurm") }; }
    QStringList ignorePatterns() const;
    qint64 snapshotFileSizeLimit() const;

    // Who the project is, wherever it lives: "[project] id" of project.ini
    // (a UUID). "" when there is none yet; a malformed one also sets *error
    // to a sentence naming the file and the line.
    QString id(QString *error = nullptr) const;
    // The id, written into project.ini first (a new UUID, under "[project]",
    // the rest of the file untouched) when there is none. "" and *error when
    // project.ini holds a malformed one: nothing is written then.
    QString ensureId(QString *error) const;
    // A run whose owner (window, `runbench run`) has not written a heartbeat
    // for this long reads as Lost on every machine: [runs] lost_after_seconds.
    int lostAfterSeconds() const;
    void setLostAfterSeconds(int seconds) const;
    // This machine's name in run histories: $RUNBENCH_HOST, else the host
    // name. Runs and projects remember it; only a run's own host checks its
    // processes.
    static QString hostName();

    // Creates .runbench/ and its sub folders, and a project.ini with the
    // defaults and an id when there is none. Fails, creating nothing, when
    // project.ini holds a malformed id.
    // Runbench's folders hold copies of every file of the project, private
    // ones included: only the owner reads them (0700), or also the project's
    // group when the project folder is readable by it; never others.
    unsigned privateFolderMode() const;
    // Creates path with that mode; an existing folder is left as it is.
    bool makePrivateFolder(const QString &path) const;
    bool ensureDataDir(QString *error) const;

private:
    QString value(const QString &key, const QString &fallback) const;
    // The lock under which a project's id is written, by whichever program comes first.
    QString idLockPath() const;

    QString m_root;
};

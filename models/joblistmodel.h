#pragma once

#include "runrecord.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QSet>
#include <QVector>

class JobQueue;
class QTimer;

// The job panel's rows: every job this window submitted, newest first, with
// its live state. Fed by JobQueue's signals; changes arrive as
// beginInsertRows/dataChanged, never as a reset. Output and the elapsed
// time are refreshed at most a few times a second.
class JobListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        RunColumn,
        ScriptColumn,
        ArgumentsColumn,
        TargetColumn,
        ElapsedColumn,
        OutputColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1,
        StatusRole, // RunStatus as int; -1 while the submission is checked, -2 when rejected
        RunIdRole,
        LogPathRole,
        TailRole, // the last lines of output
        ErrorRole,
        ExitCodeRole,
    };
    static constexpr int Rejected = -2;
    static constexpr int Submitting = -1;

    explicit JobListModel(JobQueue *queue, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOfKey(int key) const;
    // Still to end: being submitted, queued, preparing or running.
    static bool isActive(int status);
    // The keys of the jobs still to end, newest first.
    QVector<int> activeKeys() const;
    static QString elapsedText(qint64 msecs);

private:
    struct Job
    {
        int key = 0;
        int status = Submitting;
        QString script;
        QStringList arguments;
        QString runId;
        int number = 0;
        QString logPath;
        QString error;
        int exitCode = -1;
        QString target; // "local" or "slurm", once created
        QString jobId; // on a cluster
        QString node;
        QString schedulerState;
        QString problem; // the scheduler does not answer, or refused a cancel
        QByteArray tail;
        QElapsedTimer clock;
        qint64 elapsedMs = -1; // frozen at the end
    };

    void submitted(int key, const QString &script, const QStringList &arguments);
    void rejected(int key, const QString &error);
    void created(int key, const RunRecord &record);
    void statusChanged(int key, RunStatus status);
    void schedulerStateChanged(int key, const RunRecord &record);
    void schedulerProblem(int key, const QString &message);
    void output(int key, const QByteArray &data);
    void finished(int key, const RunRecord &record, int exitCode, const QString &error);
    void refresh();
    void changed(int row, int firstColumn, int lastColumn, const QVector<int> &roles = {});
    QString lastLine(const Job &job) const;
    static QString statusText(const Job &job);
    static QString targetText(const Job &job);

    JobQueue *m_queue;
    QVector<Job> m_jobs; // newest first
    QSet<int> m_dirtyOutput;
    QTimer *m_refresh;
};

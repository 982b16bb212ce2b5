#pragma once

#include "runrecord.h"

#include <QHash>
#include <QString>

class RunStore;

// Tails one run's metrics file into the store. The byte offset of the first
// line not yet stored is committed together with the lines before it, so a
// process that dies and comes back (or another one) resumes exactly there:
// nothing is lost or stored twice. A line still being written (no newline
// yet) is left for the next poll; malformed lines are skipped and counted.
// Lines naming a nested run ("run": "n1") create it as a child of this run
// on first sight and go to it; its events end it.
class MetricsIngester
{
public:
    // Lines longer than this are skipped without being held in memory.
    static constexpr qsizetype MaxLineBytes = 1 << 20;

    MetricsIngester(RunStore *store, qint64 run, const QString &metricsFile);

    // Stores every complete line after the committed offset. With
    // finalPoll, a last line without its newline is taken as well (the
    // writer is gone). Returns false when the store refused the batch.
    bool poll(bool finalPoll = false);

    qint64 offset() const { return m_offset; }
    qint64 storedRecords() const { return m_storedRecords; }
    int skippedLines() const { return m_skippedLines; }
    QString lastSkipReason() const { return m_lastSkipReason; }
    QMap<QString, int> skipReasons() const { return m_skipReasons; }
    QString lastError() const { return m_lastError; }

private:
    void takeLine(const char *data, qsizetype size);
    void skipLongLine();
    bool flush(qint64 offset);

    RunStore *m_store;
    qint64 m_run;
    QString m_path;
    qint64 m_offset = 0;
    qint64 m_storedRecords = 0;
    int m_skippedLines = 0; // in total, for this run
    int m_pendingSkipped = 0; // not yet committed
    QString m_lastSkipReason;
    QString m_pendingSkipReason;
    QMap<QString, int> m_skipReasons; // committed and pending
    QMap<QString, int> m_committedSkipReasons;
    QString m_lastError;
    // Creates (or finds) the nested runs the pending lines name and applies
    // their events; false when the store refused.
    bool resolveNestedRuns();

    QVector<MetricRecord> m_pending;
    QHash<qint64, QHash<QString, MetricSummary>> m_summaries; // by run row: this run and its nested runs
    QHash<QString, qint64> m_nestedRuns; // the script's name of a nested run → its row
};

#include "metricsingester.h"

#include "regularfile.h"
#include "runstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cstring>

namespace {
constexpr qint64 kChunkBytes = 4 << 20;
constexpr int kBatchRecords = 50000;
} // namespace

MetricsIngester::MetricsIngester(RunStore *store, qint64 run, const QString &metricsFile)
    : m_store(store)
    , m_run(run)
    , m_path(metricsFile)
{
    if (const auto record = store->run(run)) {
        m_offset = record->metricsOffset;
        m_skippedLines = record->skippedLines;
        m_lastSkipReason = record->lastSkipReason;
        m_skipReasons = m_committedSkipReasons = record->skipReasons;
    }
    m_summaries.insert(run, store->summaries(run));
}

bool MetricsIngester::resolveNestedRuns()
{
    std::optional<RunRecord> parent;
    for (MetricRecord &record : m_pending) {
        if (record.run.isEmpty())
            continue;
        auto it = m_nestedRuns.find(record.run);
        if (it == m_nestedRuns.end() || (record.isRunEvent() && record.runStatus == QLatin1String("Running"))) {
            if (!parent && !(parent = m_store->run(m_run))) {
                m_lastError = m_store->lastError();
                return false;
            }
            const auto row = m_store->nestedRun(*parent, record.run, record.isRunEvent() ? record.name : QString());
            if (!row) {
                m_lastError = m_store->lastError();
                return false;
            }
            if (it == m_nestedRuns.end()) {
                it = m_nestedRuns.insert(record.run, *row);
                m_summaries.insert(*row, m_store->summaries(*row));
            }
        }
        record.storeRun = it.value();
        if (record.isRunEvent() && record.runStatus != QLatin1String("Running")) {
            const qint64 endUs
                = record.time > 0 ? qint64(record.time * 1e6) : QDateTime::currentMSecsSinceEpoch() * 1000;
            if (!m_store->setNestedRunFinished(record.storeRun, runStatusFromName(record.runStatus), endUs)) {
                m_lastError = m_store->lastError();
                return false;
            }
        }
    }
    return true;
}

void MetricsIngester::takeLine(const char *data, qsizetype size)
{
    if (size > 0 && data[size - 1] == '\r')
        --size;
    bool blank = true;
    for (qsizetype i = 0; i < size && blank; ++i)
        blank = data[i] == ' ' || data[i] == '\t';
    if (blank)
        return;
    MetricRecord record;
    QString why;
    if (MetricLine::parse(data, size, &record, &why)) {
        m_pending.append(std::move(record));
    } else {
        ++m_pendingSkipped;
        m_pendingSkipReason = why;
        ++m_skipReasons[why];
    }
}

void MetricsIngester::skipLongLine()
{
    ++m_pendingSkipped;
    m_pendingSkipReason
        = QCoreApplication::translate("MetricsIngester", "A line is longer than %1 bytes.").arg(MaxLineBytes);
    ++m_skipReasons[m_pendingSkipReason];
}

bool MetricsIngester::flush(qint64 offset)
{
    if (m_pending.isEmpty() && m_pendingSkipped == 0 && offset == m_offset)
        return true;
    if (!resolveNestedRuns())
        return false;
    if (!m_store->appendMetrics(m_run, m_pending, &m_summaries, offset, m_pendingSkipped, m_pendingSkipReason,
                                m_pendingSkipped > 0 ? m_skipReasons : QMap<QString, int>())) {
        m_lastError = m_store->lastError();
        return false;
    }
    m_storedRecords += m_pending.size();
    m_skippedLines += m_pendingSkipped;
    if (!m_pendingSkipReason.isEmpty())
        m_lastSkipReason = m_pendingSkipReason;
    m_committedSkipReasons = m_skipReasons;
    m_pending.clear();
    m_pendingSkipped = 0;
    m_pendingSkipReason.clear();
    m_offset = offset;
    return true;
}

bool MetricsIngester::poll(bool finalPoll)
{
    if (!QFileInfo::exists(m_path) && !QFileInfo(m_path).isSymLink())
        return true;
    QFile file;
    if (!RegularFile::open(file, m_path, RegularFile::Mode::Read, &m_lastError))
        return false;
    if (file.size() < m_offset) {
        m_lastError = QCoreApplication::translate("MetricsIngester",
                                                  "%1 is shorter than what was already stored from it; "
                                                  "it was replaced or cut, and is not read again.")
                          .arg(m_path);
        return false;
    }
    if (!file.seek(m_offset))
        return false;
    // Everything after the committed offset is read (again, after a refused
    // batch): nothing of an earlier attempt is kept.
    m_pending.clear();
    m_pendingSkipped = 0;
    m_pendingSkipReason.clear();
    m_skipReasons = m_committedSkipReasons;

    qint64 pos = m_offset; // file position of buffer[0]
    QByteArray buffer;
    bool skipping = false; // inside a line longer than MaxLineBytes
    for (;;) {
        const QByteArray chunk = file.read(kChunkBytes);
        const bool atEnd = chunk.isEmpty();
        if (skipping && !atEnd) {
            const qsizetype nl = chunk.indexOf('\n');
            if (nl < 0) {
                pos += chunk.size();
                continue;
            }
            pos += nl + 1;
            skipping = false;
            skipLongLine();
            buffer = chunk.mid(nl + 1);
        } else {
            buffer += chunk;
        }
        const char *data = buffer.constData();
        qsizetype start = 0;
        for (;;) {
            const void *found = std::memchr(data + start, '\n', size_t(buffer.size() - start));
            if (!found)
                break;
            const qsizetype nl = static_cast<const char *>(found) - data;
            takeLine(data + start, nl - start);
            start = nl + 1;
            if (m_pending.size() >= kBatchRecords && !flush(pos + start))
                return false;
        }
        pos += start;
        buffer.remove(0, start);
        if (atEnd) {
            // An unterminated last line waits for its newline, unless the
            // writer is gone (final poll).
            if (finalPoll) {
                if (skipping)
                    skipLongLine();
                else if (!buffer.isEmpty())
                    takeLine(buffer.constData(), buffer.size());
                pos += buffer.size();
            }
            break;
        }
        if (buffer.size() > MaxLineBytes) {
            // Store what came before, then read past the long line without
            // keeping it; it counts as skipped once its end is seen.
            if (!flush(pos))
                return false;
            pos += buffer.size();
            buffer.clear();
            skipping = true;
        }
    }
    if (skipping && !finalPoll)
        return true; // the long line is read again, from its start, next time
    return flush(pos);
}

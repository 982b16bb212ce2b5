// libFuzzer target: one line of a run's metrics file, as MetricsIngester
// hands it to the parser. Whatever the bytes, the parser answers (a record or
// an error sentence) and what it accepts obeys the logging contract.
#include "metricline.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    MetricRecord record;
    QString error;
    if (MetricLine::parse(reinterpret_cast<const char *>(data), qsizetype(size), &record, &error)) {
        if (record.name.trimmed().isEmpty() || record.name.size() > MetricLine::MaxNameLength)
            std::abort();
        if (record.kind == MetricKind::Text && record.text.size() > MetricLine::MaxTextLength)
            std::abort();
        if (record.kind != MetricKind::List && record.kind != MetricKind::Text && record.numbers.size() != 1)
            std::abort();
    } else if (error.isEmpty()) {
        std::abort(); // a refused line always says why
    }
    return 0;
}

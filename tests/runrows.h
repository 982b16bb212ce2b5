#pragma once

#include "runrecord.h"

// The summary of a value logged once.
inline MetricSummary scalarSummary(const QString &key, double value)
{
    MetricSummary s;
    s.key = key;
    s.count = 1;
    s.last = s.min = s.max = s.sum = value;
    s.finiteCount = 1;
    return s;
}

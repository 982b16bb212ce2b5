#pragma once

#include <QElapsedTimer>
#include <QVector>

#include <algorithm>

// What the benchmarks share: milliseconds on a timer, and the median and
// worst of a set of frames.
inline double ms(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

struct Spread
{
    double median = 0;
    double worst = 0;
};

inline Spread spread(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return { values.at(values.size() / 2), values.last() };
}

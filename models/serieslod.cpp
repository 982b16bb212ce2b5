#include "serieslod.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool drawable(double v, bool positiveOnly) { return std::isfinite(v) && (!positiveOnly || v > 0); }

} // namespace

// A short series keeps a small last chunk that grows as it fills (a
// dashboard of a hundred runs' short series must not take half a megabyte
// each); copies keep the buffer they saw, so growing never disturbs them.
qint64 SeriesLod::Column::makeRoom(qint64 wanted, bool ahead)
{
    const bool fresh = size_t(size >> kChunkBits) == chunks.size();
    const qint64 offset = size & (kChunk - 1);
    if (!fresh && (offset + qMax<qint64>(wanted, 1) <= capacityOfLast || capacityOfLast == kChunk))
        return capacityOfLast - offset;
    // a new chunk starts small, after a full one whole; a full one grows
    // four times over, at once as far as wanted needs
    qint64 grown = fresh ? (chunks.empty() ? 64 : kChunk) : capacityOfLast * 4;
    while (grown < kChunk && grown < offset + wanted)
        grown *= 4;
    grown = qMin(kChunk, grown);
    std::shared_ptr<double[]> bigger;
    if (grown == kChunk && spare.chunk) {
        bigger.reset(spare.chunk.release());
    } else {
        bigger.reset(new double[size_t(grown)]);
    }
    if (ahead && grown == kChunk) {
        spare.chunk.reset(new double[size_t(kChunk)]);
    }
    if (fresh) {
        chunks.push_back(std::move(bigger));
    } else {
        std::memcpy(bigger.get(), chunks.back().get(), size_t(offset) * sizeof(double));
        chunks.back() = std::move(bigger);
    }
    capacityOfLast = grown;
    return capacityOfLast - offset;
}

void SeriesLod::Column::append(double v)
{
    makeRoom(1);
    chunks.back()[size_t(size & (kChunk - 1))] = v;
    ++size;
    if ((size & (kChunk - 1)) == 0)
        capacityOfLast = 0; // full: the next value starts a chunk
}

void SeriesLod::Column::append(const double *v, qint64 count)
{
    while (count > 0) {
        const qint64 taken = qMin(count, makeRoom(count, count >= kAheadFrom));
        std::memcpy(chunks.back().get() + (size & (kChunk - 1)), v, size_t(taken) * sizeof(double));
        size += taken;
        v += taken;
        count -= taken;
        if ((size & (kChunk - 1)) == 0)
            capacityOfLast = 0;
    }
}

void SeriesLod::Column::set(qint64 i, double v)
{
    std::shared_ptr<double[]> &chunk = chunks[size_t(i >> kChunkBits)];
    if (chunk.use_count() > 1) {
        const bool last = size_t(i >> kChunkBits) == chunks.size() - 1;
        const qint64 length = last && capacityOfLast > 0 ? capacityOfLast : kChunk;
        std::shared_ptr<double[]> own(new double[size_t(length)]);
        std::memcpy(own.get(), chunk.get(), size_t(length) * sizeof(double));
        chunk = std::move(own);
    }
    chunk[size_t(i & (kChunk - 1))] = v;
}

// One block of a level, from the values (level 0) or the blocks below.
void SeriesLod::Summary::computeBlock(size_t level, size_t b)
{
    double low = kInf, high = -kInf, lowPositive = kInf;
    if (level == 0) {
        const qint64 end = qMin(values.size, qint64(b + 1) << kBlockBits);
        for (qint64 j = qint64(b) << kBlockBits; j < end; ++j) {
            const double v = values.at(j);
            if (std::isfinite(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
                if (v > 0)
                    lowPositive = std::min(lowPositive, v);
            }
        }
    } else {
        const Level &below = levels[level - 1];
        const size_t end = qMin(below.low.size(), (b + 1) << kBlockBits);
        for (size_t c = b << kBlockBits; c < end; ++c) {
            low = std::min(low, below.low[c]);
            high = std::max(high, below.high[c]);
            lowPositive = std::min(lowPositive, below.lowPositive[c]);
        }
    }
    Level &l = levels[level];
    l.low[b] = low;
    l.high[b] = high;
    l.lowPositive[b] = lowPositive;
}

void SeriesLod::Summary::resummarise(qint64 i)
{
    for (size_t level = 0; level < levels.size(); ++level)
        computeBlock(level, size_t(i >> (kBlockBits * int(level + 1))));
}

void SeriesLod::Summary::append(double v)
{
    values.append(v);
    summarise(values.size - 1);
}

// Brings every level up to date for the values from index from on: the
// blocks they fall in are computed again from the level below (a level is
// made, whole, once the one below has two blocks).
void SeriesLod::Summary::summarise(qint64 from)
{
    const qint64 n = values.size;
    if (n <= from)
        return;
    for (size_t level = 0;; ++level) {
        const int shift = kBlockBits * int(level + 1);
        size_t firstBlock = size_t(from >> shift);
        if (level == levels.size()) {
            if (((n - 1) >> (shift - kBlockBits)) == 0)
                break;
            levels.emplace_back();
            firstBlock = 0;
        }
        Level &l = levels[level];
        const size_t blocks = size_t(((n - 1) >> shift) + 1);
        l.low.resize(blocks);
        l.high.resize(blocks);
        l.lowPositive.resize(blocks);
        for (size_t b = firstBlock; b < blocks; ++b)
            computeBlock(level, b);
    }
}

bool SeriesLod::Summary::extremes(qint64 first, qint64 last, bool positiveOnly, double *low, double *high) const
{
    double lo = kInf, hi = -kInf;
    qint64 i = qMax<qint64>(0, first);
    last = qMin(last, values.size);
    while (i < last) {
        // the largest summary block that starts at i and ends by last
        int level = -1;
        while (level + 1 < int(levels.size())) {
            const qint64 block = qint64(1) << (kBlockBits * (level + 2));
            if ((i & (block - 1)) != 0 || i + block > last)
                break;
            ++level;
        }
        if (level < 0) {
            const double v = values.at(i);
            if (drawable(v, positiveOnly)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            ++i;
            continue;
        }
        const Level &l = levels[size_t(level)];
        const size_t block = size_t(i >> (kBlockBits * (level + 1)));
        const double blockLow = positiveOnly ? l.lowPositive[block] : l.low[block];
        if (blockLow != kInf) { // the block has a value to draw
            lo = std::min(lo, blockLow);
            hi = std::max(hi, l.high[block]);
        }
        i += qint64(1) << (kBlockBits * (level + 1));
    }
    if (lo == kInf)
        return false;
    *low = lo;
    *high = hi;
    return true;
}

void SeriesLod::Smoothed::extend(const Column &raw, qint64 to)
{
    const qint64 start = values.size;
    for (; done < to; ++done) {
        const double v = raw.at(done);
        if (!std::isfinite(v)) {
            values.append(v); // as TensorBoard: a value that is not finite stays as it is
            continue;
        }
        accumulated = accumulated * weight + (1 - weight) * v;
        decay *= weight;
        ++counted;
        values.append(accumulated / (1 - decay));
    }
    summarise(start);
}

SeriesLod::SeriesLod() = default;

double SeriesLod::smoothedValue(qint64 i) const { return m_smoothed ? m_smoothed->values.at(i) : value(i); }

bool SeriesLod::append(double step, double time, double value)
{
    if (m_step.size > 0 && step <= m_step.at(m_step.size - 1)) {
        ++m_outOfOrder;
        return false;
    }
    m_step.append(step);
    m_time.append(m_time.size > 0 ? std::max(time, m_time.at(m_time.size - 1)) : time);
    m_raw.append(value);
    countValue(value, 1);
    if (m_smoothed)
        m_smoothed->extend(m_raw.values, m_raw.values.size);
    return true;
}

qint64 SeriesLod::append(const double *steps, const double *times, const double *values, qint64 count)
{
    const qint64 start = size();
    double lastStep = start > 0 ? m_step.at(start - 1) : 0;
    double lastTime = start > 0 ? m_time.at(start - 1) : 0;
    // The usual case, steps and times after the last and in order: each
    // column in one copy.
    bool inOrder = count > 0 && (start == 0 || (steps[0] > lastStep && times[0] >= lastTime));
    for (qint64 i = 1; inOrder && i < count; ++i)
        inOrder = steps[i] > steps[i - 1] && times[i] >= times[i - 1];
    if (inOrder) {
        m_step.append(steps, count);
        m_time.append(times, count);
        m_raw.values.append(values, count);
        for (qint64 i = 0; i < count; ++i)
            countValue(values[i], 1);
    }
    for (qint64 i = 0; !inOrder && i < count; ++i) {
        const bool first = m_step.size == 0;
        if (!first && steps[i] <= lastStep) {
            ++m_outOfOrder;
            continue;
        }
        lastStep = steps[i];
        lastTime = first ? times[i] : std::max(times[i], lastTime);
        m_step.append(lastStep);
        m_time.append(lastTime);
        m_raw.values.append(values[i]);
        countValue(values[i], 1);
    }
    m_raw.summarise(start);
    if (m_smoothed)
        m_smoothed->extend(m_raw.values, m_raw.values.size);
    return size() - start;
}

void SeriesLod::countValue(double value, int by)
{
    if (std::isfinite(value)) {
        m_finite += by;
        if (value <= 0)
            m_nonPositive += by;
    }
}

void SeriesLod::setValue(qint64 i, double value)
{
    if (i < 0 || i >= size())
        return;
    const double old = m_raw.values.at(i);
    countValue(old, -1);
    countValue(value, 1);
    m_raw.values.set(i, value);
    m_raw.resummarise(i);
    m_smoothed.reset();
}

void SeriesLod::setSmoothing(double weight)
{
    weight = qBound(0.0, weight, 0.99);
    if (weight <= 0) {
        m_smoothed.reset();
        return;
    }
    auto track = std::make_shared<Smoothed>();
    track->weight = weight;
    track->extend(m_raw.values, m_raw.values.size);
    m_smoothed = std::move(track);
}

std::shared_ptr<SeriesLod> SeriesLod::shareValues() const
{
    auto copy = std::make_shared<SeriesLod>();
    copy->m_step = m_step;
    copy->m_time = m_time;
    copy->m_raw.values = m_raw.values;
    if (m_smoothed) {
        auto smoothed = std::make_shared<Smoothed>();
        smoothed->values = m_smoothed->values;
        smoothed->weight = m_smoothed->weight;
        copy->m_smoothed = std::move(smoothed);
    }
    return copy;
}

void SeriesLod::adoptSmoothing(const SeriesLod &copy)
{
    m_smoothed = copy.m_smoothed;
    if (m_smoothed)
        m_smoothed->extend(m_raw.values, m_raw.values.size); // what came meanwhile
}

qint64 SeriesLod::lowerBound(X axis, double value, qint64 from, qint64 to) const
{
    const Column &c = axis == X::Step ? m_step : m_time;
    qint64 lo = qMax<qint64>(0, from), hi = qMin(to, c.size);
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        if (c.at(mid) < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool SeriesLod::extremes(Track track, qint64 first, qint64 last, bool positiveOnly, double *low, double *high) const
{
    const Summary &s = track == Track::Smoothed && m_smoothed ? *m_smoothed : m_raw;
    return s.extremes(first, last, positiveOnly, low, high);
}

QVector<QPointF> SeriesLod::reduce(X axis, double xOffset, double x0, double x1, int columns, Track track,
                                   bool positiveOnly) const
{
    QVector<QPointF> out;
    if (isEmpty() || !(x1 >= x0))
        return out;
    const qint64 first = lowerBound(axis, x0 + xOffset);
    qint64 end = lowerBound(axis, x1 + xOffset, first, size());
    if (end < size() && x(axis, end) - xOffset <= x1)
        ++end; // x1 itself is in the range
    auto add = [&](qint64 i) {
        const double v = y(track, i);
        if (drawable(v, positiveOnly))
            out.append(QPointF(x(axis, i) - xOffset, v));
    };
    // the neighbours outside, so the line runs on to the edges
    if (first > 0)
        add(first - 1);
    columns = qMax(1, columns);
    if (end - first <= 4 * qint64(columns)) {
        out.reserve(int(end - first) + 2);
        for (qint64 i = first; i < end; ++i)
            add(i);
    } else {
        out.reserve(columns * 4 + 2);
        const double width = (x1 - x0) / columns;
        qint64 i = first;
        for (int c = 0; c < columns && i < end; ++c) {
            const qint64 j = c == columns - 1 ? end : lowerBound(axis, x0 + (c + 1) * width + xOffset, i, end);
            if (j - i <= 4) {
                for (qint64 k = i; k < j; ++k)
                    add(k);
            } else if (j > i) {
                add(i);
                double low = 0, high = 0;
                if (extremes(track, i + 1, j - 1, positiveOnly, &low, &high)) {
                    const double middle = (x(axis, i) + x(axis, j - 1)) / 2 - xOffset;
                    // the order that draws the shorter zig-zag
                    const double a = y(track, i), b = y(track, j - 1);
                    const bool highFirst = std::isfinite(a) && std::isfinite(b)
                        && std::abs(a - high) + std::abs(b - low) < std::abs(a - low) + std::abs(b - high);
                    out.append(QPointF(middle, highFirst ? high : low));
                    out.append(QPointF(middle, highFirst ? low : high));
                }
                add(j - 1);
            }
            i = j;
        }
    }
    if (end < size())
        add(end);
    return out;
}

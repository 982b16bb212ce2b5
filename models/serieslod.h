#pragma once

#include <QPointF>
#include <QVector>

#include <memory>
#include <vector>

// One series of any length (steps ascending) with a level-of-detail
// summary: the lowest, highest and lowest positive value of every block of
// 16, 256, 4096, … points. A chart asks reduce() for the part it shows and
// gets a few points per pixel column (the first, lowest, highest and last
// of the column), found through the summary in O(columns · log n), so
// zooming and panning a ten-million-point series never walks it.
//
// Values live in chunks of 64K points that copies share: a worker can read
// a copy (to smooth it, to write it out) while the owner goes on appending,
// which only writes past the copy's end or into a grown buffer of its own;
// setValue() copies a shared chunk before writing into it.
class SeriesLod
{
public:
    enum class X {
        Step,
        Time, // the logged time (seconds since the epoch); never goes back (a clock set back holds it still)
    };
    enum class Track {
        Raw,
        Smoothed, // the exponential moving average of setSmoothing()
    };

    SeriesLod();

    qint64 size() const { return m_step.size; }
    bool isEmpty() const { return m_step.size == 0; }
    double step(qint64 i) const { return m_step.at(i); }
    double time(qint64 i) const { return m_time.at(i); }
    double x(X axis, qint64 i) const { return axis == X::Step ? m_step.at(i) : m_time.at(i); }
    double value(qint64 i) const { return m_raw.values.at(i); }
    double smoothedValue(qint64 i) const;
    double y(Track track, qint64 i) const { return track == Track::Raw ? value(i) : smoothedValue(i); }

    // A point after the last one (steps in order; an older step is ignored
    // and counted). Values that are not finite are kept and never drawn.
    bool append(double step, double time, double value);
    // Many at once (how a loaded series is summarised: the summary is built
    // level by level, not point by point); returns how many were taken.
    qint64 append(const double *steps, const double *times, const double *values, qint64 count);
    qint64 outOfOrder() const { return m_outOfOrder; }
    // Another value at a point already there (a run's new last value in the
    // dashboard's chart): the summary's blocks over it are made again. The
    // smoothing, if any, is dropped (it would have to be made again).
    void setValue(qint64 i, double value);
    // Values that are zero or negative: what a log scale leaves out.
    qint64 nonPositiveCount() const { return m_nonPositive; }
    qint64 finiteCount() const { return m_finite; }

    // TensorBoard's smoothing: an exponential moving average with weight
    // 0…0.99 on the last value, debiased at the start. 0 switches it off.
    // Recomputes the whole smoothed track here: for a long series, call
    // smoothedCopy() on a worker and adoptSmoothing() on the owner.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothed ? m_smoothed->weight : 0; }
    bool hasSmoothing() const { return m_smoothed != nullptr; }
    // A copy sharing this series' steps, times and values (raw and
    // smoothed), taken on the owner's thread and safe to read anywhere while
    // the original is appended to: for writing it out, or for smoothing it
    // on a worker (setSmoothing() on the copy, then adoptSmoothing() on the
    // owner, which brings the track up to the series' end). The copy has no
    // summary: reduce() and extremes() are not for it.
    std::shared_ptr<SeriesLod> shareValues() const;
    void adoptSmoothing(const SeriesLod &copy);

    // First index whose x is at least value (size() if none).
    qint64 lowerBound(X axis, double value) const { return lowerBound(axis, value, 0, size()); }
    qint64 lowerBound(X axis, double value, qint64 from, qint64 to) const;
    // The lowest and highest drawable value (finite; positive when
    // positiveOnly) of a track in [first, last); false if there is none.
    bool extremes(Track track, qint64 first, qint64 last, bool positiveOnly, double *low, double *high) const;

    // The points to draw for x in [x0, x1] (x is x(axis, i) - xOffset) on
    // columns pixel columns: every point when there are few, else per
    // column its first, lowest, highest and last; one point beyond each
    // end so the line reaches the edges. Every extreme of the range is in
    // it: no spike is lost. Values a log scale cannot show are left out
    // when positiveOnly.
    QVector<QPointF> reduce(X axis, double xOffset, double x0, double x1, int columns, Track track,
                            bool positiveOnly) const;

private:
    void countValue(double value, int by); // into the finite and non-positive counts (by 1 or -1)
    static constexpr int kChunkBits = 16;
    static constexpr qint64 kChunk = qint64(1) << kChunkBits;
    static constexpr qint64 kAheadFrom = 1024; // a block this long: the column fills in bulk
    static constexpr int kBlockBits = 4; // 16 points per summary block, 16 blocks per block above
    struct Column
    {
        std::vector<std::shared_ptr<double[]>> chunks;
        qint64 size = 0;
        qint64 capacityOfLast = 0;
        double at(qint64 i) const { return chunks[size_t(i >> kChunkBits)][size_t(i & (kChunk - 1))]; }
        void append(double v);
        void append(const double *v, qint64 count);
        void set(qint64 i, double v); // copies the chunk first if a copy shares it
        // free places in the last chunk after growing it, at least one; with
        // ahead, a column filled in blocks has its next chunk allocated
        // already
        qint64 makeRoom(qint64 wanted, bool ahead = false);

        // That next chunk: never shared, a copy of the column starts without.
        struct Spare
        {
            std::unique_ptr<double[]> chunk;
            Spare() = default;
            Spare(const Spare &) { }
            Spare(Spare &&) = default;
            Spare &operator=(const Spare &other)
            {
                if (this != &other)
                    chunk.reset();
                return *this;
            }
            Spare &operator=(Spare &&) = default;
            ~Spare() = default;
        };
        Spare spare;
    };
    struct Level
    {
        std::vector<double> low, high, lowPositive;
    };
    struct Summary
    {
        Column values;
        std::vector<Level> levels; // levels[0] summarises 16 values, levels[1] 256, …
        void append(double v);
        void summarise(qint64 from);
        void resummarise(qint64 i); // the blocks over one value
        void computeBlock(size_t level, size_t block);
        bool extremes(qint64 first, qint64 last, bool positiveOnly, double *low, double *high) const;
    };
    struct Smoothed : Summary
    {
        double weight = 0;
        double accumulated = 0; // the running average before debiasing
        double decay = 1; // weight to the power of counted
        qint64 counted = 0; // finite values averaged so far
        qint64 done = 0; // values of the series already in the track
        void extend(const Column &raw, qint64 to);
    };

    Column m_step;
    Column m_time;
    Summary m_raw;
    std::shared_ptr<Smoothed> m_smoothed;
    qint64 m_outOfOrder = 0;
    qint64 m_nonPositive = 0;
    qint64 m_finite = 0;
};

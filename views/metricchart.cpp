#include "metricchart.h"

#include "historyformat.h"
#include "lineraster.h"
#include "mouseposition.h"
#include "plotaxis.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QSaveFile>
#include <QStaticText>
#include <QSvgGenerator>
#include <QTextStream>
#include <QToolTip>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

namespace {

constexpr int kMarkerLimit = 500; // markers while they can be told apart
constexpr qint64 kSmoothHere = 200000; // longer series are smoothed on a worker
const QColor kHighlight(255, 140, 0);

// Steps and run numbers: 1,500 → "1.5k"; whole numbers stay whole.
QString compactNumber(double v)
{
    const double a = std::abs(v);
    const QLocale locale;
    if (a >= 1e9)
        return locale.toString(v / 1e9, 'g', 4) + QLatin1Char('G');
    if (a >= 1e6)
        return locale.toString(v / 1e6, 'g', 4) + QLatin1Char('M');
    if (a >= 1e4)
        return locale.toString(v / 1e3, 'g', 4) + QLatin1Char('k');
    return locale.toString(v, 'g', 6);
}

QString durationLabel(double seconds, double step)
{
    const bool negative = seconds < 0;
    seconds = std::abs(seconds);
    QString text;
    if (step < 1) {
        text = QLocale().toString(seconds, 'f', step < 0.1 ? 2 : 1) + QStringLiteral(" s");
    } else {
        const qint64 s = qint64(std::llround(seconds));
        const qint64 h = s / 3600, m = (s / 60) % 60, sec = s % 60;
        text = h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(sec, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(m).arg(sec, 2, 10, QLatin1Char('0'));
    }
    return negative ? QLatin1Char('-') + text : text;
}

// A tick spacing for times: whole seconds, minutes, hours, days.
double timeStep(double span, int most)
{
    static const double steps[] = { 0.01, 0.02, 0.05, 0.1,   0.2,   0.5,   1,     2,     5,     10,    15,
                                    30,   60,   120,  300,   600,   900,   1800,  3600,  7200,  10800, 21600,
                                    43200, 86400, 172800, 604800, 2592000 };
    for (double s : steps)
        if (span / s <= most)
            return s;
    return std::pow(10.0, std::ceil(std::log10(span / most)));
}

double niceStep(double span, int most)
{
    const double raw = span / qMax(1, most);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : { 1.0, 2.0, 2.5, 5.0, 10.0 })
        if (span / (m * magnitude) <= most)
            return m * magnitude;
    return 10 * magnitude;
}

} // namespace

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setMinimumSize(280, 220);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

MetricChart::~MetricChart() = default;

void MetricChart::setTitle(const QString &title)
{
    m_title = title;
    update();
}

// ---- data ----------------------------------------------------------------

namespace {

// Points from index from on, appended to a runs chart's series a block at a
// time: the summary is brought up to date once per block, not per point.
void appendRuns(SeriesLod *series, const QVector<MetricChart::Point> &points, qsizetype from,
                const TaskState *state = nullptr)
{
    constexpr qsizetype kBlock = 4096;
    const qsizetype count = points.size();
    std::vector<double> xs, times, ys;
    xs.reserve(size_t(qMin(kBlock, count - from)));
    ys.reserve(xs.capacity());
    times.assign(xs.capacity(), 0.0); // the runs chart has no times
    for (qsizetype i = from; i < count; i += kBlock) {
        if (state && state->isCanceled())
            return; // the chart is gone or wants another summary
        const qsizetype end = qMin(count, i + kBlock);
        xs.clear();
        ys.clear();
        for (qsizetype j = i; j < end; ++j) {
            xs.push_back(points.at(j).x);
            ys.push_back(points.at(j).y);
        }
        series->append(xs.data(), times.data(), ys.data(), qint64(xs.size()));
    }
}

std::shared_ptr<SeriesLod> runsSeries(const QVector<MetricChart::Point> &points, const TaskState *state = nullptr)
{
    auto series = std::make_shared<SeriesLod>();
    appendRuns(series.get(), points, 0, state);
    return series;
}

} // namespace

void MetricChart::setPoints(const QVector<Point> &points)
{
    if (m_building && points.size() > reductionThreshold()) {
        m_buildAgain = true; // asked for again when the summary is done
        return;
    }
    m_points = points;
    m_runsChart = true;
    m_xAxis = XAxis::Run;
    if (points.size() <= reductionThreshold()) {
        ++m_generation; // a summary still being made is out of date
        setRunsSeries(runsSeries(points), points);
        return;
    }
    // a million runs: summarised on a worker, one summary at a time (pages
    // of runs arrive faster than that); the chart shows the last one
    // meanwhile. The points are copied here, a chart at a time, not where
    // the sender next appends to the array it shares: there all charts'
    // copies fell into one page of runs.
    if (!m_points.isDetached()) {
        QVector<Point> own;
        own.reserve(m_points.size());
        // element by element: Qt 5 would share an array appended to an
        // empty one
        std::copy(m_points.cbegin(), m_points.cend(), std::back_inserter(own));
        m_points = std::move(own);
    }
    buildRunsSeries();
}

void MetricChart::updatePoints(const QVector<Point> &points, const QVector<int> &changed, int appendedFrom)
{
    const int known = appendedFrom >= 0 ? appendedFrom : int(points.size());
    const bool inPlace = m_runsChart && !m_building && !m_lines.isEmpty() && m_points.size() == known
        && m_shownPoints.size() == known && points.size() >= known
        && std::all_of(changed.cbegin(), changed.cend(), [known](int i) { return i >= 0 && i < known; });
    if (!inPlace) {
        setPoints(points);
        return;
    }
    m_shownPoints = QVector<Point>(); // m_points alone: changed in place, not copied
    SeriesLod &series = *m_lines[0].series;
    for (int i : changed) {
        m_points[i] = points.at(i);
        series.setValue(i, points.at(i).y);
    }
    if (m_points.capacity() < points.size()) { // pages of runs come one after another
        m_points.reserve(qMax(points.capacity(), points.size()));
    }
    m_points.resize(points.size());
    std::copy(points.cbegin() + known, points.cend(), m_points.begin() + known);
    appendRuns(&series, points, known);
    m_shownPoints = m_points;
    if (m_highlightIndex < 0 || m_highlightIndex >= m_shownPoints.size()
        || m_shownPoints.at(m_highlightIndex).run != m_highlightRun)
        findHighlighted();
    applyAutoRanges();
    invalidate();
}

void MetricChart::buildRunsSeries()
{
    m_building = true;
    m_buildAgain = false;
    const QVector<Point> points = m_points;
    const int generation = m_generation;
    auto *watcher = new QFutureWatcher<std::shared_ptr<SeriesLod>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<SeriesLod>>::finished, this,
            [this, watcher, generation, points] {
                watcher->deleteLater();
                m_building = false;
                if (generation != m_generation)
                    return;
                setRunsSeries(watcher->result(), points);
                if (std::exchange(m_buildAgain, false))
                    Q_EMIT pointsWanted();
            });
    // on Qt's pool, which the application drains before it ends; a chart
    // that goes cancels it (m_tasks)
    const std::shared_ptr<TaskState> state = m_tasks.newState();
    const QFuture<std::shared_ptr<SeriesLod>> future
        = QtConcurrent::run([points, state] { return runsSeries(points, state.get()); });
    m_tasks.track(future);
    watcher->setFuture(future);
}

void MetricChart::setRunsSeries(const std::shared_ptr<SeriesLod> &series, const QVector<Point> &points)
{
    m_shownPoints = points;
    findHighlighted();
    if (m_lines.isEmpty())
        m_lines.append(Line { QString(), QColor(31, 119, 180), series, 0, true, {}, {} });
    else
        m_lines[0].series = series;
    applyAutoRanges();
    invalidate();
}

int MetricChart::addLine(const QString &name, const std::shared_ptr<SeriesLod> &series, const QColor &color,
                         double timeOrigin)
{
    if (timeOrigin <= 0 && !series->isEmpty())
        timeOrigin = series->time(0);
    m_lines.append(Line { name, color, series, timeOrigin, true, {}, {} });
    const int line = int(m_lines.size()) - 1;
    if (m_smoothing > 0)
        smoothLine(line);
    applyAutoRanges();
    relayout(); // a legend entry more
    return line;
}

int MetricChart::addLine(const QString &name, const QVector<QPointF> &points, const QColor &color)
{
    auto series = std::make_shared<SeriesLod>();
    for (const QPointF &p : points)
        series->append(p.x(), 0, p.y());
    return addLine(name, series, color);
}

void MetricChart::appendToLine(int line, const QVector<MetricPoint> &points)
{
    if (line < 0 || line >= m_lines.size())
        return;
    Line &l = m_lines[line];
    if (l.series->isEmpty() && !points.isEmpty() && l.timeOrigin <= 0)
        l.timeOrigin = points.first().time;
    for (const MetricPoint &p : points)
        l.series->append(double(p.step), p.time, p.value);
    applyAutoRanges();
    invalidate();
}

void MetricChart::clearLines()
{
    m_lines.clear();
    m_points.clear();
    m_shownPoints.clear();
    ++m_generation;
    applyAutoRanges();
    relayout();
}

const SeriesLod *MetricChart::lineSeries(int line) const
{
    return line >= 0 && line < m_lines.size() ? m_lines.at(line).series.get() : nullptr;
}

QString MetricChart::lineName(int line) const { return line >= 0 && line < m_lines.size() ? m_lines.at(line).name : QString(); }

QVector<QPointF> MetricChart::linePoints(int line) const
{
    QVector<QPointF> out;
    const SeriesLod *s = lineSeries(line);
    if (!s)
        return out;
    for (qint64 i = 0; i < s->size(); ++i)
        if (std::isfinite(s->value(i)))
            out.append(QPointF(s->step(i), s->value(i)));
    return out;
}

bool MetricChart::isLineVisible(int line) const { return line >= 0 && line < m_lines.size() && m_lines.at(line).visible; }

void MetricChart::setLineVisible(int line, bool visible)
{
    if (line < 0 || line >= m_lines.size() || m_lines.at(line).visible == visible)
        return;
    m_lines[line].visible = visible;
    applyAutoRanges();
    invalidate();
    Q_EMIT lineVisibilityChanged(line, visible);
}

// ---- axes and ranges --------------------------------------------------------

SeriesLod::X MetricChart::seriesAxis() const
{
    return m_xAxis == XAxis::RelativeTime || m_xAxis == XAxis::WallTime ? SeriesLod::X::Time : SeriesLod::X::Step;
}

double MetricChart::xOffset(const Line &line) const { return m_xAxis == XAxis::RelativeTime ? line.timeOrigin : 0; }

QString MetricChart::xTitle() const
{
    switch (m_xAxis) {
    case XAxis::Run:
        return tr("run");
    case XAxis::Step:
        return tr("step");
    case XAxis::RelativeTime:
        return tr("time since the run started");
    case XAxis::WallTime:
        return tr("time");
    }
    return QString();
}

void MetricChart::setXAxis(XAxis axis)
{
    if (m_runsChart || axis == m_xAxis || axis == XAxis::Run)
        return;
    m_xAxis = axis;
    m_xAuto = m_yAuto = true; // a range in steps means nothing in time
    applyAutoRanges();
    invalidate();
    emitXRange();
}

void MetricChart::setLogY(bool log)
{
    if (log == m_logY)
        return;
    m_logY = log;
    m_yAuto = true;
    applyAutoRanges();
    invalidate();
}

qint64 MetricChart::hiddenByLogScale() const
{
    qint64 n = 0;
    for (const Line &l : std::as_const(m_lines))
        if (l.visible)
            n += l.series->nonPositiveCount();
    return n;
}

void MetricChart::setSmoothing(double weight)
{
    weight = qBound(0.0, weight, 0.99);
    if (qFuzzyCompare(weight + 1, m_smoothing + 1))
        return;
    m_smoothing = weight;
    if (m_runsChart)
        return; // runs are not a series in time
    for (int i = 0; i < m_lines.size(); ++i)
        smoothLine(i);
    invalidate();
}

void MetricChart::smoothLine(int line)
{
    const std::shared_ptr<SeriesLod> series = m_lines.at(line).series;
    const double weight = m_smoothing;
    if (series->size() <= kSmoothHere) {
        series->setSmoothing(weight);
        Q_EMIT smoothingApplied();
        return;
    }
    // the values are shared, not copied; the track is adopted when done
    const std::shared_ptr<SeriesLod> copy = series->shareValues();
    ++m_smoothingJobs;
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, series, copy, weight] {
        watcher->deleteLater();
        --m_smoothingJobs;
        if (qFuzzyCompare(weight + 1, m_smoothing + 1)) {
            series->adoptSmoothing(*copy);
            invalidate();
        }
        if (m_smoothingJobs == 0)
            Q_EMIT smoothingApplied();
    });
    watcher->setFuture(QtConcurrent::run([copy, weight] { copy->setSmoothing(weight); }));
}

bool MetricChart::dataXRange(double *from, double *to) const
{
    bool any = false;
    for (const Line &l : std::as_const(m_lines)) {
        if (!l.visible || l.series->isEmpty())
            continue;
        const double a = l.series->x(seriesAxis(), 0) - xOffset(l);
        const double b = l.series->x(seriesAxis(), l.series->size() - 1) - xOffset(l);
        *from = any ? qMin(*from, a) : a;
        *to = any ? qMax(*to, b) : b;
        any = true;
    }
    return any;
}

bool MetricChart::dataYRange(double from, double to, double *low, double *high) const
{
    bool any = false;
    for (const Line &l : std::as_const(m_lines)) {
        if (!l.visible || l.series->isEmpty())
            continue;
        const qint64 first = qMax<qint64>(0, l.series->lowerBound(seriesAxis(), from + xOffset(l)) - 1);
        const qint64 end = qMin(l.series->size(), l.series->lowerBound(seriesAxis(), to + xOffset(l)) + 1);
        for (SeriesLod::Track track : { SeriesLod::Track::Raw, SeriesLod::Track::Smoothed }) {
            double lo = 0, hi = 0;
            if (!l.series->extremes(track, first, end, m_logY, &lo, &hi))
                continue;
            *low = any ? qMin(*low, lo) : lo;
            *high = any ? qMax(*high, hi) : hi;
            any = true;
        }
    }
    return any;
}

void MetricChart::applyAutoRanges()
{
    if (m_xAuto) {
        double from = 0, to = 1;
        if (dataXRange(&from, &to)) {
            const double pad = m_runsChart ? 0.5 : (to > from ? 0 : 0.5);
            from -= pad;
            to += pad;
        }
        m_x0 = from;
        m_x1 = to;
    }
    if (m_yAuto) {
        double low = 0, high = 1;
        if (dataYRange(m_x0, m_x1, &low, &high)) {
            if (m_logY) {
                // a little room in decades
                const double span = std::log10(high) - std::log10(low);
                const double pad = span > 0 ? span * 0.05 : 0.5;
                low = std::pow(10.0, std::log10(low) - pad);
                high = std::pow(10.0, std::log10(high) + pad);
            } else {
                const double pad = high > low ? (high - low) * 0.06 : (std::abs(high) > 0 ? std::abs(high) * 0.1 : 1);
                // no negative axis for values that are never negative
                low = low >= 0 ? qMax(0.0, low - pad) : low - pad;
                high += pad;
            }
        } else if (m_logY) {
            low = 0.1;
            high = 10;
        }
        m_y0 = low;
        m_y1 = high;
    }
}

void MetricChart::invalidate()
{
    m_reduced = false;
    update();
}

void MetricChart::relayout()
{
    m_plotValid = false;
    invalidate();
}

void MetricChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        relayout();
    QWidget::changeEvent(event);
}

void MetricChart::ensureReduced() const
{
    if (m_reduced)
        return;
    m_reduced = true;
    const int columns = qMax(50, plotRect().width());
    for (Line &l : m_lines) {
        if (!l.visible) {
            l.drawn.clear();
            l.drawnSmoothed.clear();
            continue;
        }
        const double offset = xOffset(l);
        l.drawn = l.series->reduce(seriesAxis(), offset, m_x0, m_x1, columns, SeriesLod::Track::Raw, m_logY);
        l.drawnSmoothed = l.series->hasSmoothing() && !m_runsChart
            ? l.series->reduce(seriesAxis(), offset, m_x0, m_x1, columns, SeriesLod::Track::Smoothed, m_logY)
            : QVector<QPointF>();
    }
}

QVector<QPointF> MetricChart::drawnPoints() const
{
    ensureReduced();
    return m_lines.isEmpty() ? QVector<QPointF>() : m_lines.first().drawn;
}

QVector<QPointF> MetricChart::drawnSmoothedPoints() const
{
    ensureReduced();
    return m_lines.isEmpty() ? QVector<QPointF>() : m_lines.first().drawnSmoothed;
}

void MetricChart::setXRange(double from, double to)
{
    if (!(to > from) || !std::isfinite(from) || !std::isfinite(to))
        return;
    m_xAuto = false;
    m_x0 = from;
    m_x1 = to;
    applyAutoRanges();
    invalidate();
    emitXRange();
}

QPair<double, double> MetricChart::xRange() const { return { m_x0, m_x1 }; }
QPair<double, double> MetricChart::yRange() const { return { m_y0, m_y1 }; }

void MetricChart::resetView()
{
    m_xAuto = m_yAuto = true;
    applyAutoRanges();
    invalidate();
    emitXRange();
}

void MetricChart::emitXRange() { Q_EMIT xRangeChanged(m_x0, m_x1, m_xAuto); }

void MetricChart::zoomAt(const QPoint &pos, double factor)
{
    const double at = toValue(pos).x();
    setXRange(at - (at - m_x0) * factor, at + (m_x1 - at) * factor);
}

void MetricChart::panBy(const QPoint &pixels)
{
    const QRect plot = plotRect();
    if (plot.width() <= 0 || plot.height() <= 0)
        return;
    const double dx = -pixels.x() * (m_x1 - m_x0) / plot.width();
    if (!m_yAuto) {
        // y moves with the mouse too, in the scale's own terms
        const double units = double(pixels.y()) / plot.height();
        if (m_logY) {
            const double d = (std::log10(m_y1) - std::log10(m_y0)) * units;
            m_y0 *= std::pow(10.0, d);
            m_y1 *= std::pow(10.0, d);
        } else {
            const double d = (m_y1 - m_y0) * units;
            m_y0 += d;
            m_y1 += d;
        }
    }
    setXRange(m_x0 + dx, m_x1 + dx);
}

// ---- geometry ---------------------------------------------------------------

QRect MetricChart::plotRect() const
{
    // asked for every point drawn: measured once per size, font and legend
    if (m_plotValid)
        return m_plot;
    m_plot = layoutPlot();
    m_plotValid = true;
    return m_plot;
}

QRect MetricChart::layoutPlot() const
{
    const QFontMetrics fm = fontMetrics();
    int top = fm.height() + 8; // the title, then the legend's rows
    for (int i = int(m_lines.size()) - 1; i >= 0; --i) {
        const QRect entry = legendRect(i);
        if (!entry.isNull()) {
            top = entry.bottom() + 6;
            break;
        }
    }
    const int left = fm.horizontalAdvance(QStringLiteral("-0.0000e+00")) * 3 / 4 + 8;
    const int bottom = 2 * fm.height() + 10;
    return QRect(left, top, qMax(10, width() - left - 12), qMax(10, height() - top - bottom));
}

QRect MetricChart::legendRect(int line) const
{
    const QFontMetrics fm = fontMetrics();
    int row = -1;
    int x = 8;
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).name.isEmpty())
            continue;
        const int w = fm.horizontalAdvance(m_lines.at(i).name) + 28;
        if (row < 0 || x + w > width() - 8) {
            ++row;
            x = 8;
        }
        if (i == line)
            return QRect(x, fm.height() + 8 + row * (fm.height() + 4), w - 6, fm.height() + 2);
        x += w;
    }
    return QRect();
}

QPointF MetricChart::toPixel(double x, double y) const
{
    const QRect plot = plotRect();
    const double u = (x - m_x0) / (m_x1 - m_x0);
    const double v = m_logY ? (std::log10(y) - std::log10(m_y0)) / (std::log10(m_y1) - std::log10(m_y0))
                            : (y - m_y0) / (m_y1 - m_y0);
    return QPointF(plot.left() + u * plot.width(), plot.bottom() + 1 - v * plot.height());
}

QPointF MetricChart::toValue(const QPointF &pixel) const
{
    const QRect plot = plotRect();
    const double u = (pixel.x() - plot.left()) / plot.width();
    const double v = (plot.bottom() + 1 - pixel.y()) / plot.height();
    const double y = m_logY ? std::pow(10.0, std::log10(m_y0) + v * (std::log10(m_y1) - std::log10(m_y0)))
                            : m_y0 + v * (m_y1 - m_y0);
    return QPointF(m_x0 + u * (m_x1 - m_x0), y);
}

QPoint MetricChart::positionOf(const QString &runId) const
{
    const int run = runOfId(runId);
    if (run < 0)
        return QPoint(-1, -1);
    for (const Point &p : m_shownPoints)
        if (p.run == run && std::isfinite(p.y))
            return toPixel(p.x, p.y).toPoint();
    return QPoint(-1, -1);
}

QString MetricChart::xLabel(double x, double step) const
{
    switch (m_xAxis) {
    case XAxis::Run:
    case XAxis::Step:
        return compactNumber(x);
    case XAxis::RelativeTime:
        return durationLabel(x, step);
    case XAxis::WallTime: {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(x * 1000)));
        if (step >= 86400)
            return QLocale().toString(t.date(), QLocale::ShortFormat);
        return t.toString(step < 1 ? QStringLiteral("HH:mm:ss.z") : QStringLiteral("HH:mm:ss"));
    }
    }
    return QString();
}

QVector<QPair<double, QString>> MetricChart::xTicks(int most) const
{
    QVector<QPair<double, QString>> ticks;
    const double span = m_x1 - m_x0;
    if (!(span > 0))
        return ticks;
    const bool time = m_xAxis == XAxis::RelativeTime || m_xAxis == XAxis::WallTime;
    double step = time ? timeStep(span, most) : niceStep(span, most);
    if (!time)
        step = qMax(step, 1.0); // whole steps and runs
    double origin = 0;
    if (m_xAxis == XAxis::WallTime && step >= 60) // minutes and hours on the local clock
        origin = QDateTime::fromMSecsSinceEpoch(qint64(m_x0 * 1000)).offsetFromUtc();
    for (double v = std::ceil((m_x0 + origin) / step) * step - origin; v <= m_x1 + step * 1e-9; v += step)
        ticks.append({ v, xLabel(std::abs(v) < step * 1e-9 ? 0 : v, step) });
    return ticks;
}

// ---- painting ---------------------------------------------------------------

void MetricChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paintTo(p);
}

void MetricChart::paintTo(QPainter &p) const
{
    ensureReduced();
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QRect plot = plotRect();
    p.fillRect(rect(), pal.color(QPalette::Base));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(8, 4, width() - 16, fm.height() + 2), Qt::AlignHCenter | Qt::AlignVCenter,
               QFontMetrics(bold).elidedText(m_title, Qt::ElideMiddle, width() - 16));
    p.setFont(font());

    // the legend: a swatch and a name per line, dimmed while hidden
    for (int i = 0; i < m_lines.size(); ++i) {
        const QRect r = legendRect(i);
        if (r.isNull())
            continue;
        QColor c = m_lines.at(i).color;
        QColor text = pal.color(QPalette::Text);
        if (!m_lines.at(i).visible) {
            c.setAlphaF(0.25f);
            text.setAlphaF(0.4f);
        }
        p.fillRect(QRect(r.left(), r.center().y() - 5, 14, 10), c);
        p.setPen(text);
        p.drawText(r.adjusted(20, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, m_lines.at(i).name);
    }

    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(28);
    // labels from a cache of laid-out text (panning shows the same ones
    // again and again), grid lines in one call
    auto text = [&](const QString &s, const QPointF &anchor, Qt::Alignment align) {
        QStaticText &laid = m_labelCache[s];
        if (laid.text().isEmpty() && !s.isEmpty()) {
            laid.setText(s);
            laid.setTextFormat(Qt::PlainText);
            laid.prepare(QTransform(), font());
        }
        const QSizeF size = laid.size();
        QPointF at = anchor;
        if (align & Qt::AlignRight)
            at.rx() -= size.width();
        else if (align & Qt::AlignHCenter)
            at.rx() -= size.width() / 2;
        if (align & Qt::AlignVCenter)
            at.ry() -= size.height() / 2;
        p.drawStaticText(at, laid);
    };
    if (m_labelCache.size() > 2000)
        m_labelCache.clear();
    QVector<QLine> gridLines;
    PlotAxis yAxis;
    yAxis.setRange(m_y0, m_y1, m_logY);
    p.setPen(pal.color(QPalette::Text));
    for (const auto &[unit, label] : yAxis.ticks(qMax(2, plot.height() / (fm.height() * 2)))) {
        const int y = int(std::lround(plot.bottom() + 1 - unit * plot.height()));
        gridLines.append(QLine(plot.left(), y, plot.right(), y));
        text(fm.elidedText(label, Qt::ElideRight, plot.left() - 6), QPointF(plot.left() - 6, y),
             Qt::AlignRight | Qt::AlignVCenter);
    }
    const int labelWidth = qMax(fm.horizontalAdvance(QStringLiteral("00:00:00")) + 16, 60);
    for (const auto &[x, label] : xTicks(qMax(2, plot.width() / labelWidth))) {
        const int px = int(std::lround(toPixel(x, m_y0).x()));
        if (px < plot.left() - 1 || px > plot.right() + 1)
            continue;
        gridLines.append(QLine(px, plot.top(), px, plot.bottom()));
        text(label, QPointF(px, plot.bottom() + 4), Qt::AlignHCenter);
    }
    text(xTitle(), QPointF(plot.center().x(), plot.bottom() + fm.height() + 6), Qt::AlignHCenter);
    QColor frame = pal.color(QPalette::Text);
    frame.setAlpha(90);
    const QRect edge = plot.adjusted(0, 0, -1, -1);
    const QVector<QLine> frameLines
        = { QLine(edge.topLeft(), edge.topRight()), QLine(edge.topRight(), edge.bottomRight()),
            QLine(edge.bottomRight(), edge.bottomLeft()), QLine(edge.bottomLeft(), edge.topLeft()) };

    p.save();
    p.setClipRect(plot);
    p.setRenderHint(QPainter::Antialiasing);
    // The lines go through LineRaster (thin antialiased lines straight into
    // an image): QPainter strokes a wide polyline into one polygon first,
    // which for the zig-zag of a min/max reduction costs seconds, and even
    // one-pixel pens cost it 20–40 ms a frame here. An SVG gets vector lines.
    const bool vector = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::SVG;
    const qreal dpr = vector ? 1.0 : p.device()->devicePixelRatioF();
    LineRaster raster(vector ? QSize(1, 1) : QSize(qCeil(plot.width() * dpr), qCeil(plot.height() * dpr)));
    // the frame and the grid under the lines, in the image too: each
    // QPainter line costs the raster engine ~0.1 ms, and one taller than a
    // few dozen pixels (the frame's sides) it hands to Qt's thread pool and
    // waits, a CPU away when the history is being read
    if (vector) {
        p.setPen(frame);
        p.drawLines(frameLines);
        p.setPen(grid);
        p.drawLines(gridLines);
    } else {
        const auto imageLine = [&](const QLine &g, const QColor &color) {
            const QPointF a = QPointF(g.p1() - plot.topLeft()) * dpr, b = QPointF(g.p2() - plot.topLeft()) * dpr;
            raster.drawLine(QPointF(std::round(a.x()), std::round(a.y())),
                            QPointF(std::round(b.x()), std::round(b.y())), color, color.alphaF());
        };
        for (const QLine &g : frameLines)
            imageLine(g, frame);
        for (const QLine &g : std::as_const(gridLines))
            imageLine(g, grid);
    }
    auto polyline = [&](const QVector<QPointF> &values, const QColor &color, double opacity, bool thick) {
        if (values.isEmpty())
            return;
        QVector<QPointF> pixels;
        pixels.reserve(values.size());
        for (const QPointF &v : values)
            pixels.append(vector ? toPixel(v.x(), v.y()) : (toPixel(v.x(), v.y()) - plot.topLeft()) * dpr);
        if (pixels.size() == 1)
            pixels.append(pixels.first() + QPointF(dpr, 0));
        if (vector) {
            QColor c = color;
            c.setAlphaF(float(opacity));
            p.setPen(QPen(c, thick ? 1.8 : 1.2));
            p.drawPolyline(pixels.constData(), int(pixels.size()));
            return;
        }
        for (int i = 1; i < pixels.size(); ++i) {
            raster.drawLine(pixels.at(i - 1), pixels.at(i), color, opacity);
            if (thick) // a second line half a pixel down: bolder
                raster.drawLine(pixels.at(i - 1) + QPointF(0, 0.6 * dpr), pixels.at(i) + QPointF(0, 0.6 * dpr), color,
                                opacity);
        }
    };
    for (const Line &l : std::as_const(m_lines)) {
        if (!l.visible)
            continue;
        if (!l.drawnSmoothed.isEmpty()) {
            polyline(l.drawn, l.color, 0.3, false);
            polyline(l.drawnSmoothed, l.color, 1.0, true);
        } else {
            polyline(l.drawn, l.color, 1.0, m_lines.size() > 1 || dpr > 1.5);
        }
    }
    if (!vector) {
        QImage lines = raster.image();
        lines.setDevicePixelRatio(dpr);
        p.drawImage(plot.topLeft(), lines);
    }
    for (const Line &l : std::as_const(m_lines)) {
        if (!l.visible)
            continue;
        if (m_runsChart && l.drawn.size() <= kMarkerLimit) {
            p.setPen(QPen(l.color.darker(130), 1));
            p.setBrush(l.color);
            for (const QPointF &v : l.drawn)
                p.drawEllipse(toPixel(v.x(), v.y()), 3.5, 3.5);
        }
    }
    if (m_runsChart && m_highlightIndex >= 0 && m_highlightIndex < m_shownPoints.size()) {
        const Point &pt = m_shownPoints.at(m_highlightIndex);
        if (std::isfinite(pt.y) && (!m_logY || pt.y > 0)) {
            p.setPen(QPen(kHighlight.darker(160), 1.2));
            p.setBrush(kHighlight);
            p.drawEllipse(toPixel(pt.x, pt.y), 6.5, 6.5);
        }
    }
    // the crosshair: a line at the mouse and a dot on every line there
    if (!m_runsChart && m_drag == Drag::None && plot.contains(m_mouse)) {
        QColor cross = pal.color(QPalette::Text);
        cross.setAlpha(110);
        p.setPen(QPen(cross, 1, Qt::DashLine));
        p.drawLine(QPointF(m_mouse.x() + 0.5, plot.top()), QPointF(m_mouse.x() + 0.5, plot.bottom()));
        const double x = toValue(m_mouse).x();
        for (const Line &l : std::as_const(m_lines)) {
            if (!l.visible || l.series->isEmpty())
                continue;
            const SeriesLod &s = *l.series;
            const qint64 j = nearestIndex(l, x);
            const double y = s.y(l.drawnSmoothed.isEmpty() ? SeriesLod::Track::Raw : SeriesLod::Track::Smoothed, j);
            if (!std::isfinite(y) || (m_logY && y <= 0))
                continue;
            p.setPen(QPen(pal.color(QPalette::Base), 1.5));
            p.setBrush(l.color);
            p.drawEllipse(toPixel(s.x(seriesAxis(), j) - xOffset(l), y), 4, 4);
        }
    }
    if (m_drag == Drag::Band) {
        QColor band = pal.color(QPalette::Highlight);
        band.setAlpha(50);
        p.setPen(QPen(pal.color(QPalette::Highlight), 1));
        p.setBrush(band);
        p.drawRect(QRect(m_pressAt, m_mouse).normalized());
    }
    p.restore();
    if (m_lines.isEmpty() || std::all_of(m_lines.cbegin(), m_lines.cend(), [](const Line &l) { return l.series->isEmpty(); })) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("No values yet."));
    }
}

// The point of a (non-empty) line whose x is nearest to x: where the crosshair marks it.
qint64 MetricChart::nearestIndex(const Line &line, double x) const
{
    const SeriesLod &s = *line.series;
    const double offset = xOffset(line);
    const qint64 i = qBound<qint64>(0, s.lowerBound(seriesAxis(), x + offset), s.size() - 1);
    if (i > 0 && std::abs(s.x(seriesAxis(), i - 1) - offset - x) < std::abs(s.x(seriesAxis(), i) - offset - x))
        return i - 1;
    return i;
}

QString MetricChart::crosshairText(const QPoint &pos) const
{
    if (m_runsChart || !plotRect().contains(pos))
        return QString();
    const double x = toValue(pos).x();
    QStringList lines;
    double shownX = x;
    bool haveX = false;
    for (const Line &l : std::as_const(m_lines)) {
        if (!l.visible || l.series->isEmpty())
            continue;
        const SeriesLod &s = *l.series;
        const double off = xOffset(l);
        const qint64 i = nearestIndex(l, x);
        if (!haveX) {
            shownX = s.x(seriesAxis(), i) - off;
            haveX = true;
        }
        QString value = HistoryFormat::number(s.value(i));
        if (s.hasSmoothing())
            value = tr("%1 (smoothed %2)").arg(value, HistoryFormat::number(s.smoothedValue(i)));
        const QString name = l.name.isEmpty() ? m_title : l.name;
        lines.append(tr("%1: %2 at step %3").arg(name, value, compactNumber(s.step(i))));
    }
    if (lines.isEmpty())
        return QString();
    const bool time = m_xAxis == XAxis::RelativeTime || m_xAxis == XAxis::WallTime;
    lines.prepend(QStringLiteral("%1 %2").arg(xTitle(), xLabel(shownX, time ? 0.01 : 1)));
    if (m_logY && hiddenByLogScale() > 0)
        lines.append(tr("%1 values ≤ 0 are left out of the log scale.").arg(hiddenByLogScale()));
    return lines.join(QLatin1Char('\n'));
}

// ---- the mouse and keys -----------------------------------------------------

int MetricChart::legendLineAt(const QPoint &pos) const
{
    for (int i = 0; i < m_lines.size(); ++i)
        if (legendRect(i).contains(pos))
            return i;
    return -1;
}

int MetricChart::nearestRun(const QPoint &pos) const
{
    if (!m_runsChart || m_shownPoints.isEmpty())
        return -1;
    const double x = toValue(pos).x();
    // points are sorted by x: look around the x under the mouse
    auto it = std::lower_bound(m_shownPoints.cbegin(), m_shownPoints.cend(), x, [](const Point &p, double v) { return p.x < v; });
    const int center = int(it - m_shownPoints.cbegin());
    int best = -1;
    double bestDistance = 10; // pixels
    for (int i = qMax(0, center - 64); i < qMin(int(m_shownPoints.size()), center + 64); ++i) {
        const Point &p = m_shownPoints.at(i);
        if (!std::isfinite(p.y) || (m_logY && p.y <= 0))
            continue;
        const QPointF at = toPixel(p.x, p.y);
        const double d = std::hypot(at.x() - pos.x(), at.y() - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

void MetricChart::hoverAt(const QPoint &pos, const QPoint &globalPos)
{
    m_mouse = pos;
    if (m_runsChart) {
        const int i = nearestRun(pos);
        const QString runId = i >= 0 ? idOfRun(m_shownPoints.at(i).run) : QString();
        if (i >= 0 && !globalPos.isNull() && m_tooltip)
            QToolTip::showText(globalPos, m_tooltip(m_shownPoints.at(i)), this);
        else if (runId.isEmpty() && !m_hovered.isEmpty())
            QToolTip::hideText();
        if (runId != m_hovered) {
            m_hovered = runId;
            Q_EMIT pointHovered(runId);
        }
        return;
    }
    const QString text = crosshairText(pos);
    if (!text.isEmpty() && !globalPos.isNull())
        QToolTip::showText(globalPos + QPoint(16, 16), text, this);
    else if (text.isEmpty())
        QToolTip::hideText();
    update();
}

void MetricChart::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = MousePosition::local(event);
    m_pressAt = m_lastDrag = m_mouse = pos;
    const int legend = legendLineAt(pos);
    if (event->button() == Qt::LeftButton && legend >= 0) {
        setLineVisible(legend, !isLineVisible(legend));
        return;
    }
    if (!plotRect().contains(pos))
        return;
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)))
        m_drag = Drag::Pan;
    else if (event->button() == Qt::LeftButton)
        m_drag = Drag::Band;
}

void MetricChart::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = MousePosition::local(event);
    if (m_drag == Drag::Pan) {
        panBy(pos - m_lastDrag);
        m_lastDrag = m_mouse = pos;
        return;
    }
    if (m_drag == Drag::Band) {
        m_mouse = pos;
        update();
        return;
    }
    hoverAt(pos, MousePosition::global(event));
}

void MetricChart::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = MousePosition::local(event);
    const Drag drag = std::exchange(m_drag, Drag::None);
    if (drag == Drag::Band) {
        const QRect band = QRect(m_pressAt, pos).normalized().intersected(plotRect());
        if (band.width() > 4) {
            const QPointF a = toValue(band.bottomLeft());
            const QPointF b = toValue(band.topRight());
            if (band.height() > 4) { // a rectangle sets y too; a flat band zooms x only
                m_yAuto = false;
                m_y0 = a.y();
                m_y1 = b.y();
            }
            setXRange(a.x(), b.x());
            return;
        }
        if (event->button() == Qt::LeftButton) {
            const int i = nearestRun(pos);
            if (i >= 0)
                Q_EMIT pointClicked(idOfRun(m_shownPoints.at(i).run));
        }
    }
    update();
}

void MetricChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (plotRect().contains(MousePosition::local(event)))
        resetView();
}

void MetricChart::wheelEvent(QWheelEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!plotRect().contains(pos) || event->angleDelta().y() == 0) {
        event->ignore(); // the page around scrolls
        return;
    }
    zoomAt(pos, std::pow(0.999, event->angleDelta().y())); // a notch is 120: 11% in or out
    event->accept();
}

void MetricChart::leaveEvent(QEvent *event)
{
    hoverAt(QPoint(-1000, -1000), QPoint());
    QWidget::leaveEvent(event);
}

void MetricChart::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && isZoomed()) {
        resetView();
        return;
    }
    QWidget::keyPressEvent(event);
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout(); // the reduction depends on the width
}

void MetricChart::setHighlightedRun(const QString &runId)
{
    if (runId == m_highlighted)
        return;
    m_highlighted = runId;
    findHighlighted();
    update();
}

void MetricChart::setRunIds(std::function<QString(int)> idOfRun, std::function<int(const QString &)> runOfId)
{
    m_idOfRun = std::move(idOfRun);
    m_runOfId = std::move(runOfId);
    findHighlighted();
}

QString MetricChart::idOfRun(int run) const
{
    if (m_idOfRun)
        return m_idOfRun(run);
    return run >= 0 ? QString::number(run) : QString();
}

int MetricChart::runOfId(const QString &runId) const
{
    if (m_runOfId)
        return m_runOfId(runId);
    bool ok = false;
    const int run = runId.toInt(&ok);
    return ok && run >= 0 ? run : -1;
}

void MetricChart::findHighlighted()
{
    m_highlightIndex = -1;
    m_highlightRun = m_highlighted.isEmpty() ? -1 : runOfId(m_highlighted);
    if (m_highlightRun < 0)
        return;
    for (int i = 0; i < m_shownPoints.size(); ++i)
        if (m_shownPoints.at(i).run == m_highlightRun) {
            m_highlightIndex = i;
            return;
        }
}

// ---- export -----------------------------------------------------------------

bool MetricChart::exportTo(const QString &path) const
{
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return exportCsv(path);
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size());
        svg.setViewBox(rect());
        svg.setTitle(title());
        QPainter painter(&svg);
        paintTo(painter);
        return painter.end();
    }
    return const_cast<MetricChart *>(this)->grab().save(path);
}

namespace {

struct CsvLine
{
    QString name;
    std::shared_ptr<SeriesLod> series; // a copy sharing the values
};

bool writeCsv(const QString &path, const QVector<CsvLine> &lines, bool smoothed)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    QTextStream out(&file);
    auto number = [](double v) { return QString::number(v, 'g', 17); };
    out << "line,step,time,value" << (smoothed ? ",smoothed\n" : "\n");
    for (const CsvLine &l : lines) {
        const SeriesLod &s = *l.series;
        for (qint64 i = 0; i < s.size(); ++i) {
            out << l.name << ',' << number(s.step(i)) << ',' << number(s.time(i)) << ',' << number(s.value(i));
            if (smoothed)
                out << ',' << number(s.smoothedValue(i));
            out << '\n';
        }
    }
    out.flush();
    return out.status() == QTextStream::Ok && file.commit();
}

QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

} // namespace

std::function<bool()> MetricChart::csvWriter(const QString &path) const
{
    if (!m_runsChart) {
        QVector<CsvLine> lines;
        for (const Line &l : std::as_const(m_lines))
            if (l.visible)
                lines.append({ csvField(l.name.isEmpty() ? m_title : l.name), l.series->shareValues() });
        const bool smoothed = m_smoothing > 0;
        return [path, lines, smoothed] { return writeCsv(path, lines, smoothed); };
    }
    // the run ids here, where the names are: the file is written elsewhere
    QStringList ids;
    ids.reserve(m_shownPoints.size());
    for (const Point &p : m_shownPoints)
        ids.append(idOfRun(p.run));
    const QVector<Point> points = m_shownPoints;
    return [path, points, ids] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
            return false;
        QTextStream out(&file);
        out << "run_id,run,value\n";
        for (qsizetype i = 0; i < points.size(); ++i)
            out << csvField(ids.at(i)) << ',' << QString::number(points.at(i).x, 'g', 17) << ','
                << QString::number(points.at(i).y, 'g', 17) << '\n';
        out.flush();
        return out.status() == QTextStream::Ok && file.commit();
    };
}

bool MetricChart::exportCsv(const QString &path) const { return csvWriter(path)(); }

void MetricChart::contextMenuEvent(QContextMenuEvent *event) { showMenu(event->globalPos()); }

void MetricChart::showMenu(const QPoint &globalPos)
{
    QMenu *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *reset = menu->addAction(tr("Show everything"), this, &MetricChart::resetView);
    reset->setEnabled(isZoomed());
    QAction *log = menu->addAction(tr("Log scale"), this, [this](bool on) { setLogY(on); });
    log->setCheckable(true);
    log->setChecked(m_logY);
    menu->addSeparator();
    auto exportAs = [this](const QString &filter, const QString &suffix) {
        auto *dialog = new QFileDialog(this, tr("Export chart"), title() + suffix, filter);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
            if (!path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
                exportTo(path);
                return;
            }
            // every point of millions is written off the GUI thread
            auto *watcher = new QFutureWatcher<bool>(this);
            connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, path] {
                watcher->deleteLater();
                if (!watcher->result())
                    QToolTip::showText(mapToGlobal(QPoint(8, 8)), tr("%1 could not be written.").arg(path), this);
            });
            watcher->setFuture(QtConcurrent::run(csvWriter(path)));
        });
        dialog->open();
    };
    menu->addAction(tr("Export as PNG…"), this,
                    [exportAs] { exportAs(tr("PNG image (*.png)"), QStringLiteral(".png")); });
    menu->addAction(tr("Export as SVG…"), this,
                    [exportAs] { exportAs(tr("SVG image (*.svg)"), QStringLiteral(".svg")); });
    menu->addAction(tr("Export data as CSV…"), this,
                    [exportAs] { exportAs(tr("Comma-separated values (*.csv)"), QStringLiteral(".csv")); });
    menu->popup(globalPos);
}

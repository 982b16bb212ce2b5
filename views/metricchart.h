#pragma once

#include "dashboardseries.h"
#include "runrecord.h"
#include "serieslod.h"
#include "taskowner.h"

#include <QColor>
#include <QHash>
#include <QPointF>
#include <QStaticText>
#include <QString>
#include <QVector>
#include <QWidget>

#include <functional>
#include <memory>

// One chart of logged values, drawn by itself (no Qt Charts): the
// dashboard's one point per run (x = run number), or lines of series
// (x = step or time) for the details and compare views.
//
// Every line is a SeriesLod: what is drawn is reduce()d for the visible
// range and the plot's width, so zooming and panning a ten-million-point
// series re-reduces only what shows, and no spike is lost. Lines take new
// points while shown (appendToLine()); a chart the user zoomed into stays
// where it is, one left alone follows the new points.
//
// The mouse: drag a rectangle to zoom (a flat one zooms x only), the wheel
// zooms x around the cursor, Shift+drag or the middle button pans,
// double-click or Esc shows everything again. Hovering a line chart shows
// a crosshair with every line's value at that x.
class MetricChart : public QWidget
{
    Q_OBJECT

public:
    // x the run number, y the value, and the run as a number of the
    // dashboard's own (its model's row); the dashboard's points, shared with it.
    using Point = DashboardSeries::Point;
    enum class XAxis {
        Run, // the dashboard's charts
        Step,
        RelativeTime, // seconds since the run started
        WallTime,
    };

    explicit MetricChart(QWidget *parent = nullptr);
    ~MetricChart() override;

    void setTitle(const QString &title);
    QString title() const { return m_title; }
    // Makes the tooltip of a run's point when the mouse reaches it (never for all points up front).
    void setTooltipProvider(std::function<QString(const Point &)> provider) { m_tooltip = std::move(provider); }
    // Which run id a point's run is, and which run a run id: what the
    // signals, the highlight and the CSV speak in. Without them a run's
    // id is its number written out.
    void setRunIds(std::function<QString(int run)> idOfRun, std::function<int(const QString &runId)> runOfId);

    // The dashboard's chart: one point per run, sorted by x (the run number).
    // Many runs are summarised on a worker. Points handed over meanwhile are
    // not kept: holding them would keep the sender's array shared, and its
    // next append would copy it whole. pointsWanted() asks for the newest
    // when the summary is done.
    void setPoints(const QVector<Point> &points);
    const QVector<Point> &points() const { return m_points; }
    // The same points after a few changed (indices into points) and new
    // ones were appended from appendedFrom (-1: none): the summary is
    // updated in place, not made again. Anything else goes to setPoints().
    void updatePoints(const QVector<Point> &points, const QVector<int> &changed, int appendedFrom);

    // A line of a series; name "" keeps it out of the legend. timeOrigin is
    // when the run started (for relative time; 0: its first point).
    int addLine(const QString &name, const std::shared_ptr<SeriesLod> &series, const QColor &color,
                double timeOrigin = 0);
    // The same from points (step, value) made here.
    int addLine(const QString &name, const QVector<QPointF> &points, const QColor &color);
    void appendToLine(int line, const QVector<MetricPoint> &points);
    void clearLines();
    int lineCount() const { return int(m_lines.size()); }
    const SeriesLod *lineSeries(int line) const;
    QString lineName(int line) const;
    // Every finite (step, value) of a line.
    QVector<QPointF> linePoints(int line) const;
    // A click on a line's legend entry hides it (the entry dims) or shows it again.
    void setLineVisible(int line, bool visible);
    bool isLineVisible(int line) const;
    // Where a line's legend entry is (for a click).
    QRect legendRect(int line) const;

    // What the first line draws now, reduced for the visible range.
    QVector<QPointF> drawnPoints() const;
    QVector<QPointF> drawnSmoothedPoints() const;

    void setXAxis(XAxis axis);
    XAxis xAxis() const { return m_xAxis; }
    QString xTitle() const;
    void setLogY(bool log);
    bool isLogY() const { return m_logY; }
    // Values a log scale leaves out (zero or negative), over the lines shown.
    qint64 hiddenByLogScale() const;
    // 0 (off) … 0.99: an exponential moving average drawn over the raw line,
    // which stays faintly visible. Long series are smoothed off the GUI thread.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }
    bool isSmoothingPending() const { return m_smoothingJobs > 0; }

    // The visible x range. setXRange() zooms (the y range follows the
    // values shown unless a rectangle set it); resetView() shows all.
    void setXRange(double from, double to);
    QPair<double, double> xRange() const;
    QPair<double, double> yRange() const;
    bool isZoomed() const { return !m_xAuto || !m_yAuto; }
    void resetView();
    // Zooms x by factor (< 1: in) around the x at a widget position.
    void zoomAt(const QPoint &pos, double factor);
    // Moves the visible range by pixels.
    void panBy(const QPoint &pixels);

    void setHighlightedRun(const QString &runId);
    QString highlightedRun() const { return m_highlighted; }
    // The widget that receives the mouse, and where a run's point is in it.
    QWidget *plotWidget() const { return const_cast<MetricChart *>(this); }
    QPoint positionOf(const QString &runId) const;
    QRect plotRect() const;
    // Value coordinates ↔ widget pixels.
    QPointF toPixel(double x, double y) const;
    QPointF toValue(const QPointF &pixel) const;
    // The crosshair's text at a widget position ("" off the plot).
    QString crosshairText(const QPoint &pos) const;

    // PNG, SVG or CSV (every point of the lines shown), by the file's extension.
    bool exportTo(const QString &path) const;
    bool exportCsv(const QString &path) const;

    static int reductionThreshold() { return 4000; }

Q_SIGNALS:
    void pointHovered(const QString &runId); // "" when the mouse leaves the points
    void pointClicked(const QString &runId);
    void lineVisibilityChanged(int line, bool visible);
    // The user (or setXRange()) moved the x range; automatic when it shows everything again.
    void xRangeChanged(double from, double to, bool automatic);
    void smoothingApplied();
    // A summary is done, and points came while it was made: setPoints() again.
    void pointsWanted();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Line
    {
        QString name;
        QColor color;
        std::shared_ptr<SeriesLod> series;
        double timeOrigin = 0;
        bool visible = true;
        QVector<QPointF> drawn; // reduced for the view, in values
        QVector<QPointF> drawnSmoothed;
    };
    SeriesLod::X seriesAxis() const;
    double xOffset(const Line &line) const;
    qint64 nearestIndex(const Line &line, double x) const;
    bool dataXRange(double *from, double *to) const;
    bool dataYRange(double from, double to, double *low, double *high) const;
    void ensureReduced() const;
    void invalidate();
    void relayout();
    QRect layoutPlot() const;
    void applyAutoRanges();
    void emitXRange();
    void smoothLine(int line);
    void buildRunsSeries();
    void setRunsSeries(const std::shared_ptr<SeriesLod> &series, const QVector<Point> &points);
    int nearestRun(const QPoint &pos) const;
    void hoverAt(const QPoint &pos, const QPoint &globalPos);
    int legendLineAt(const QPoint &pos) const;
    QString xLabel(double x, double step) const;
    QVector<QPair<double, QString>> xTicks(int most) const;
    void paintTo(QPainter &p) const;
    void findHighlighted();
    QString idOfRun(int run) const;
    int runOfId(const QString &runId) const;
    // Writes the CSV when called, from copies taken now: safe on a worker.
    std::function<bool()> csvWriter(const QString &path) const;
    void showMenu(const QPoint &globalPos);

    QString m_title;
    QVector<Point> m_points; // the latest given
    QVector<Point> m_shownPoints; // those drawn now (the summary of the latest may be on its way)
    bool m_building = false;
    bool m_buildAgain = false;
    bool m_runsChart = false;
    int m_generation = 0;
    TaskOwner m_tasks; // the summary of a large runs chart
    mutable QVector<Line> m_lines;
    mutable bool m_reduced = false;
    mutable QRect m_plot;
    mutable QHash<QString, QStaticText> m_labelCache;
    mutable bool m_plotValid = false;
    std::function<QString(const Point &)> m_tooltip;
    std::function<QString(int)> m_idOfRun;
    std::function<int(const QString &)> m_runOfId;

    XAxis m_xAxis = XAxis::Step;
    bool m_logY = false;
    double m_smoothing = 0;
    int m_smoothingJobs = 0;
    bool m_xAuto = true;
    bool m_yAuto = true;
    double m_x0 = 0, m_x1 = 1, m_y0 = 0, m_y1 = 1;

    QString m_highlighted;
    int m_highlightRun = -1; // m_highlighted's run, as the points name it
    int m_highlightIndex = -1; // in m_points
    QString m_hovered;
    QPoint m_mouse = QPoint(-1, -1);
    QPoint m_pressAt;
    QPoint m_lastDrag;
    enum class Drag { None, Band, Pan } m_drag = Drag::None;
};

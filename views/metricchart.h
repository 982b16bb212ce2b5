#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <QVector>
#include <QWidget>

#include <functional>

class ChartView;

// One chart of one value across runs (x = run number). The only class that
// touches Qt Charts, which is deprecated from Qt 6.10: replacing it means
// replacing this file pair. Points are fed in one replace(); long series are
// drawn as a min/max-per-pixel reduction computed off the GUI thread, while
// hover and click still find every original point.
class MetricChart : public QWidget
{
    Q_OBJECT

public:
    struct Point
    {
        double x = 0;
        double y = 0;
        QString runId;
    };
    // Makes the tooltip of a point when the mouse reaches it (never for all points up front).
    void setTooltipProvider(std::function<QString(const Point &)> provider) { m_tooltip = std::move(provider); }

    explicit MetricChart(QWidget *parent = nullptr);
    ~MetricChart() override;

    void setTitle(const QString &title);
    QString title() const;
    // Points sorted by x.
    void setPoints(const QVector<Point> &points);
    const QVector<Point> &points() const { return m_points; }
    // What the series draws now (the reduction, for long series).
    QVector<QPointF> drawnPoints() const;

    // Extra named lines over the main points, each in its own colour, with a
    // legend (the compare view overlays one line per run).
    void addOverlay(const QString &name, const QVector<QPointF> &points, const QColor &color);
    void clearOverlays();
    int overlayCount() const;
    QVector<QPointF> overlayPoints(int index) const;
    // A click on a line's legend entry hides it (the entry dims) or shows it again.
    void setOverlayVisible(int index, bool visible);
    bool isOverlayVisible(int index) const;

    void setHighlightedRun(const QString &runId);
    QString highlightedRun() const { return m_highlighted; }
    // The widget that receives the mouse, and where a run's point is in it.
    QWidget *plotWidget() const;
    QPoint positionOf(const QString &runId) const;

    // PNG or SVG, by the file's extension.
    bool exportTo(const QString &path) const;

    static int reductionThreshold() { return 4000; }

Q_SIGNALS:
    void pointHovered(const QString &runId); // "" when the mouse leaves the points
    void pointClicked(const QString &runId);
    void overlayVisibilityChanged(int index, bool visible);

private:
    friend class ChartView;
    int nearestPoint(const QPoint &viewPos) const;
    void hoverAt(const QPoint &viewPos, const QPoint &globalPos);
    void clickAt(const QPoint &viewPos);
    void updateAxes();
    void draw(const QVector<QPointF> &points);
    void showMenu(const QPoint &globalPos);

    ChartView *m_view;
    QVector<Point> m_points;
    QString m_highlighted;
    QString m_hovered;
    int m_generation = 0;
    std::function<QString(const Point &)> m_tooltip;
    QVector<QVector<QPointF>> m_overlayPoints;
};

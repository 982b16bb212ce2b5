#include "metricchart.h"

#include "mouseposition.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <utility>

#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
QT_CHARTS_USE_NAMESPACE
#endif

class ChartView : public QChartView
{
public:
    ChartView(MetricChart *owner)
        : QChartView(new QChart)
        , m_owner(owner)
    {
        setRenderHint(QPainter::Antialiasing);
        setMouseTracking(true);
        viewport()->setMouseTracking(true);
        chart()->setAnimationOptions(QChart::NoAnimation);
        chart()->legend()->hide();
        chart()->setMargins(QMargins(4, 4, 4, 4));
        line = new QLineSeries(chart());
        scatter = new QScatterSeries(chart());
        highlight = new QScatterSeries(chart());
        QPen pen = line->pen();
        pen.setWidthF(1.2);
        line->setPen(pen);
        scatter->setMarkerSize(7);
        highlight->setMarkerSize(13);
        chart()->addSeries(line);
        chart()->addSeries(scatter);
        chart()->addSeries(highlight);
        const QColor blue(31, 119, 180);
        line->setColor(blue);
        scatter->setColor(blue);
        scatter->setBorderColor(blue);
        highlight->setColor(QColor(255, 140, 0));
        highlight->setBorderColor(QColor(160, 70, 0));
        xAxis = new QValueAxis(chart());
        yAxis = new QValueAxis(chart());
        xAxis->setLabelFormat(QStringLiteral("%d"));
        xAxis->setTitleText(MetricChart::tr("run"));
        chart()->addAxis(xAxis, Qt::AlignBottom);
        chart()->addAxis(yAxis, Qt::AlignLeft);
        for (QAbstractSeries *s : { static_cast<QAbstractSeries *>(line), static_cast<QAbstractSeries *>(scatter),
                                    static_cast<QAbstractSeries *>(highlight) }) {
            s->attachAxis(xAxis);
            s->attachAxis(yAxis);
        }
    }

    QLineSeries *line;
    QList<QLineSeries *> overlays;
    QScatterSeries *scatter;
    QScatterSeries *highlight;
    QValueAxis *xAxis;
    QValueAxis *yAxis;

protected:
    void mouseMoveEvent(QMouseEvent *event) override
    {
        m_owner->hoverAt(MousePosition::local(event), MousePosition::global(event));
        QChartView::mouseMoveEvent(event);
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            m_owner->clickAt(MousePosition::local(event));
        QChartView::mousePressEvent(event);
    }
    void leaveEvent(QEvent *event) override
    {
        m_owner->hoverAt(QPoint(-1000, -1000), QPoint());
        QChartView::leaveEvent(event);
    }
    void contextMenuEvent(QContextMenuEvent *event) override { m_owner->showMenu(event->globalPos()); }
    void resizeEvent(QResizeEvent *event) override
    {
        QChartView::resizeEvent(event);
        if (m_owner->m_points.size() > MetricChart::reductionThreshold())
            m_owner->setPoints(m_owner->m_points); // the reduction depends on the width
    }

private:
    MetricChart *m_owner;
};

namespace {

// Per pixel column, the first, lowest, highest and last point: every spike
// stays visible, unlike sampling.
QVector<QPointF> reduce(const QVector<QPointF> &points, int columns)
{
    if (points.size() <= 2 || columns <= 0)
        return points;
    const double x0 = points.first().x();
    const double span = points.last().x() - x0;
    if (span <= 0)
        return points;
    QVector<QPointF> out;
    out.reserve(columns * 4);
    int i = 0;
    while (i < points.size()) {
        const int bucket = int((points.at(i).x() - x0) / span * (columns - 1));
        QPointF first = points.at(i), low = first, high = first, last = first;
        int j = i + 1;
        while (j < points.size() && int((points.at(j).x() - x0) / span * (columns - 1)) == bucket) {
            const QPointF &p = points.at(j);
            if (p.y() < low.y())
                low = p;
            if (p.y() > high.y())
                high = p;
            last = p;
            ++j;
        }
        out.append(first);
        if (low.x() <= high.x()) {
            out.append(low);
            out.append(high);
        } else {
            out.append(high);
            out.append(low);
        }
        out.append(last);
        i = j;
    }
    return out;
}

} // namespace

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new ChartView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setMinimumSize(280, 220);
}

MetricChart::~MetricChart() = default;

void MetricChart::setTitle(const QString &title) { m_view->chart()->setTitle(title); }
QString MetricChart::title() const { return m_view->chart()->title(); }

QVector<QPointF> MetricChart::drawnPoints() const
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return m_view->line->points();
#else
    return m_view->line->pointsVector();
#endif
}

void MetricChart::setPoints(const QVector<Point> &points)
{
    m_points = points;
    const int generation = ++m_generation;
    QVector<QPointF> xy;
    xy.reserve(points.size());
    for (const Point &p : points)
        if (std::isfinite(p.y))
            xy.append(QPointF(p.x, p.y));
    updateAxes();
    if (xy.size() <= reductionThreshold()) {
        draw(xy);
    } else {
        const int columns = qMax(100, int(m_view->chart()->plotArea().width()));
        auto *watcher = new QFutureWatcher<QVector<QPointF>>(this);
        connect(watcher, &QFutureWatcher<QVector<QPointF>>::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            if (generation == m_generation)
                draw(watcher->result());
        });
        watcher->setFuture(QtConcurrent::run([xy, columns] { return reduce(xy, columns); }));
    }
    setHighlightedRun(m_highlighted);
}

void MetricChart::draw(const QVector<QPointF> &points)
{
    m_view->line->replace(points);
    // markers only while they can be told apart
    m_view->scatter->replace(points.size() <= 500 ? points : QVector<QPointF>());
}

void MetricChart::addOverlay(const QString &name, const QVector<QPointF> &points, const QColor &color)
{
    auto *series = new QLineSeries(m_view->chart());
    series->setName(name);
    m_view->chart()->addSeries(series);
    series->attachAxis(m_view->xAxis);
    series->attachAxis(m_view->yAxis);
    QPen pen = series->pen();
    pen.setColor(color);
    pen.setWidthF(1.6);
    series->setPen(pen);
    series->replace(points.size() > reductionThreshold()
                        ? reduce(points, qMax(100, int(m_view->chart()->plotArea().width())))
                        : points);
    m_view->overlays.append(series);
    m_overlayPoints.append(points);
    m_view->chart()->legend()->setVisible(true);
    const int index = int(m_view->overlays.size()) - 1;
    for (QLegendMarker *marker : m_view->chart()->legend()->markers(series))
        connect(marker, &QLegendMarker::clicked, this,
                [this, index] { setOverlayVisible(index, !isOverlayVisible(index)); });
    // only the overlays in the legend
    for (QAbstractSeries *own :
         { static_cast<QAbstractSeries *>(m_view->line), static_cast<QAbstractSeries *>(m_view->scatter),
           static_cast<QAbstractSeries *>(m_view->highlight) })
        for (QLegendMarker *marker : m_view->chart()->legend()->markers(own))
            marker->setVisible(false);
    updateAxes();
}

void MetricChart::clearOverlays()
{
    for (QLineSeries *s : std::as_const(m_view->overlays)) {
        m_view->chart()->removeSeries(s);
        delete s;
    }
    m_view->overlays.clear();
    m_overlayPoints.clear();
    m_view->chart()->legend()->setVisible(false);
    updateAxes();
}

int MetricChart::overlayCount() const { return int(m_overlayPoints.size()); }

bool MetricChart::isOverlayVisible(int index) const
{
    return index >= 0 && index < m_view->overlays.size() && m_view->overlays.at(index)->isVisible();
}

void MetricChart::setOverlayVisible(int index, bool visible)
{
    if (index < 0 || index >= m_view->overlays.size() || isOverlayVisible(index) == visible)
        return;
    QLineSeries *series = m_view->overlays.at(index);
    series->setVisible(visible);
    // the entry stays in the legend, dimmed, to be clicked again
    for (QLegendMarker *marker : m_view->chart()->legend()->markers(series)) {
        marker->setVisible(true);
        QColor label = palette().color(QPalette::WindowText);
        label.setAlphaF(visible ? 1.0f : 0.4f);
        marker->setLabelBrush(label);
        QColor fill = series->color();
        fill.setAlphaF(visible ? 1.0f : 0.25f);
        marker->setBrush(fill);
        marker->setPen(QPen(fill));
    }
    Q_EMIT overlayVisibilityChanged(index, visible);
}
QVector<QPointF> MetricChart::overlayPoints(int index) const { return m_overlayPoints.value(index); }

void MetricChart::updateAxes()
{
    double minX = 0, maxX = 1, minY = 0, maxY = 1;
    bool first = true;
    auto include = [&](double x, double y) {
        if (!std::isfinite(y))
            return;
        if (first) {
            minX = maxX = x;
            minY = maxY = y;
            first = false;
        }
        minX = qMin(minX, x);
        maxX = qMax(maxX, x);
        minY = qMin(minY, y);
        maxY = qMax(maxY, y);
    };
    for (const Point &p : std::as_const(m_points))
        include(p.x, p.y);
    for (const QVector<QPointF> &overlay : std::as_const(m_overlayPoints))
        for (const QPointF &p : overlay)
            include(p.x(), p.y());
    const double padY = maxY > minY ? (maxY - minY) * 0.08 : (std::abs(maxY) > 0 ? std::abs(maxY) * 0.1 : 1);
    // no negative axis for values that are never negative
    m_view->yAxis->setRange(minY >= 0 ? qMax(0.0, minY - padY) : minY - padY, maxY + padY);
    m_view->yAxis->applyNiceNumbers();
    m_view->xAxis->setRange(minX - 0.5, maxX + 0.5);
    if (m_points.isEmpty() && !m_overlayPoints.isEmpty())
        m_view->xAxis->setTitleText(tr("step"));
    // whole run numbers only: a tick every 1, 2, 5, 10, … runs
    const double span = maxX - minX + 1;
    double step = 1;
    while (span / step > 10)
        step *= (QString::number(step).startsWith(QLatin1Char('2')) ? 2.5 : 2);
    m_view->xAxis->setTickType(QValueAxis::TicksDynamic);
    m_view->xAxis->setTickAnchor(0);
    m_view->xAxis->setTickInterval(std::ceil(step));
}

void MetricChart::setHighlightedRun(const QString &runId)
{
    m_highlighted = runId;
    QVector<QPointF> mark;
    for (const Point &p : std::as_const(m_points))
        if (!runId.isEmpty() && p.runId == runId && std::isfinite(p.y))
            mark.append(QPointF(p.x, p.y));
    m_view->highlight->replace(mark);
}

QWidget *MetricChart::plotWidget() const { return m_view->viewport(); }

QPoint MetricChart::positionOf(const QString &runId) const
{
    for (const Point &p : m_points)
        if (p.runId == runId)
            return m_view->mapFromScene(m_view->chart()->mapToPosition(QPointF(p.x, p.y), m_view->scatter));
    return QPoint(-1, -1);
}

int MetricChart::nearestPoint(const QPoint &viewPos) const
{
    if (m_points.isEmpty())
        return -1;
    const QPointF value = m_view->chart()->mapToValue(m_view->mapToScene(viewPos), m_view->scatter);
    // points are sorted by x: look around the x under the mouse
    auto it = std::lower_bound(m_points.cbegin(), m_points.cend(), value.x(),
                               [](const Point &p, double x) { return p.x < x; });
    const int center = int(it - m_points.cbegin());
    int best = -1;
    double bestDistance = 10; // pixels
    for (int i = qMax(0, center - 64); i < qMin(int(m_points.size()), center + 64); ++i) {
        const Point &p = m_points.at(i);
        if (!std::isfinite(p.y))
            continue;
        const QPointF pos = m_view->mapFromScene(m_view->chart()->mapToPosition(QPointF(p.x, p.y), m_view->scatter));
        const double d = std::hypot(pos.x() - viewPos.x(), pos.y() - viewPos.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

void MetricChart::hoverAt(const QPoint &viewPos, const QPoint &globalPos)
{
    const int i = nearestPoint(viewPos);
    const QString runId = i >= 0 ? m_points.at(i).runId : QString();
    if (i >= 0 && !globalPos.isNull() && m_tooltip)
        QToolTip::showText(globalPos, m_tooltip(m_points.at(i)), m_view);
    else if (runId.isEmpty() && !m_hovered.isEmpty())
        QToolTip::hideText();
    if (runId != m_hovered) {
        m_hovered = runId;
        Q_EMIT pointHovered(runId);
    }
}

void MetricChart::clickAt(const QPoint &viewPos)
{
    const int i = nearestPoint(viewPos);
    if (i >= 0)
        Q_EMIT pointClicked(m_points.at(i).runId);
}

bool MetricChart::exportTo(const QString &path) const
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(m_view->size());
        svg.setViewBox(QRect(QPoint(0, 0), m_view->size()));
        svg.setTitle(title());
        QPainter painter(&svg);
        m_view->render(&painter);
        return painter.end();
    }
    return m_view->grab().save(path);
}

void MetricChart::showMenu(const QPoint &globalPos)
{
    QMenu *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    auto exportAs = [this](const QString &filter, const QString &suffix) {
        auto *dialog = new QFileDialog(this, tr("Export chart"), title() + suffix, filter);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { exportTo(path); });
        dialog->open();
    };
    menu->addAction(tr("Export as PNG…"), this,
                    [exportAs] { exportAs(tr("PNG image (*.png)"), QStringLiteral(".png")); });
    menu->addAction(tr("Export as SVG…"), this,
                    [exportAs] { exportAs(tr("SVG image (*.svg)"), QStringLiteral(".svg")); });
    menu->popup(globalPos);
}

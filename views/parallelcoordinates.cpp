#include "parallelcoordinates.h"

#include "mouseposition.h"

#include "lineraster.h"
#include "runfiltermodel.h"
#include "runmodel.h"

#include <QContextMenuEvent>
#include <QFutureWatcher>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QSettings>
#include <QThread>
#include <QTimer>
#include <QToolTip>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <utility>

namespace {

const auto kAxesKey = QStringLiteral("parallel/axes");
const auto kLogKey = QStringLiteral("parallel/log");
const auto kLinearKey = QStringLiteral("parallel/linear");
const auto kColorKey = QStringLiteral("parallel/color");

QSet<QString> toSet(const QStringList &list) { return QSet<QString>(list.cbegin(), list.cend()); }
QStringList toList(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

} // namespace

ParallelCoordinates::ParallelCoordinates(RunModel *model, RunFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(filter)
    , m_reload(new QTimer(this))
    , m_linesWatcher(new QFutureWatcher<QImage>(this))
{
    connect(m_linesWatcher, &QFutureWatcher<QImage>::finished, this, [this] {
        m_lines = m_linesWatcher->result();
        update();
        if (m_linesDirty || m_lines.size() != size())
            redrawLines();
        else
            Q_EMIT linesDrawn();
    });
    setObjectName(QStringLiteral("parallelCoordinates"));
    m_axes = defaultAxes(); // the runs already there, until a project says otherwise
    setMouseTracking(true);
    setMinimumHeight(220);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    m_reload->setSingleShot(true);
    m_reload->setInterval(30); // many changes at once become one read
    // Read again when the runs change, while shown; a hidden chart reads
    // when it is shown again.
    connect(m_reload, &QTimer::timeout, this, [this] {
        if (isVisible())
            reload();
        else
            m_stale = true;
    });
    const auto later = [this] {
        if (!m_filter->isChangingBrushes())
            m_reload->start();
    };
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &RunModel::metricKeysChanged, this, [this] {
        if (!m_axesChosen)
            m_axes = defaultAxes();
        m_reload->start();
    });
    // the filter's own choices change which runs are drawn; brushes only
    // which of them are grey
    connect(filter, &QAbstractItemModel::rowsInserted, this, later);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, later);
    connect(filter, &QAbstractItemModel::modelReset, this, later);
    connect(filter, &RunFilterModel::brushesChanged, this, &ParallelCoordinates::refreshPasses);
}

void ParallelCoordinates::setProject(const Project &project)
{
    m_project = project;
    m_axesChosen = false;
    m_log.clear();
    m_linear.clear();
    m_colorKey.clear();
    if (project.isValid()) {
        const QSettings ui(project.workbenchSettingsPath(), QSettings::IniFormat);
        m_axesChosen = ui.contains(kAxesKey);
        m_axes = ui.value(kAxesKey).toStringList();
        m_log = toSet(ui.value(kLogKey).toStringList());
        m_linear = toSet(ui.value(kLinearKey).toStringList());
        m_colorKey = ui.value(kColorKey).toString();
    }
    if (!m_axesChosen)
        m_axes = defaultAxes();
    m_reload->start();
}

// The parameters first (what was varied), then what was measured; at most
// eight axes, as many as fit on a screen.
QStringList ParallelCoordinates::defaultAxes() const
{
    QStringList params;
    QStringList metrics;
    for (const QString &key : m_model->metricKeys()) {
        if (key.startsWith(QLatin1String("mlflow.")))
            continue;
        const ValueRole role = m_model->keyRole(key);
        if (role == ValueRole::Param)
            params.append(key);
        else if (role == ValueRole::Metric)
            metrics.append(key);
    }
    return (params + metrics).mid(0, 8);
}

void ParallelCoordinates::save() const
{
    if (!m_project.isValid())
        return;
    QSettings ui(m_project.workbenchSettingsPath(), QSettings::IniFormat);
    ui.setValue(kAxesKey, m_axes);
    ui.setValue(kLogKey, toList(m_log));
    ui.setValue(kLinearKey, toList(m_linear));
    ui.setValue(kColorKey, m_colorKey);
}

void ParallelCoordinates::setAxes(const QStringList &keys)
{
    m_axes = keys;
    m_axesChosen = true;
    for (const QString &key : m_filter->brushes().keys())
        if (!keys.contains(key))
            m_filter->clearBrush(key); // a brush nobody sees filters nothing
    save();
    reload();
}

bool ParallelCoordinates::isLogAxis(const QString &key) const
{
    if (m_log.contains(key))
        return true;
    if (m_linear.contains(key))
        return false;
    const int c = m_table.columnOf(key);
    return c >= 0 && m_table.columns.at(c).looksLogSpaced();
}

void ParallelCoordinates::setLogAxis(const QString &key, bool log)
{
    m_log.remove(key);
    m_linear.remove(key);
    (log ? m_log : m_linear).insert(key);
    save();
    refreshScales();
    update();
}

void ParallelCoordinates::setColorKey(const QString &key)
{
    m_colorKey = key;
    save();
    reload();
}

// The user's choice, else the first metric shown (what the sweep measured),
// else the last axis.
QString ParallelCoordinates::colorBy() const
{
    if (!m_colorKey.isEmpty())
        return m_colorKey;
    for (const QString &key : m_axes)
        if (m_model->keyRole(key) == ValueRole::Metric)
            return key;
    return m_axes.value(m_axes.size() - 1);
}

void ParallelCoordinates::setHighlightedRun(const QString &runId)
{
    if (m_highlighted == runId)
        return;
    m_highlighted = runId;
    update();
}

void ParallelCoordinates::reload()
{
    m_reload->stop();
    m_stale = false;
    QStringList keys = m_axes;
    const QString color = colorBy();
    if (!color.isEmpty() && !keys.contains(color))
        keys.append(color);
    m_table = RunValueTable::read(m_model, m_filter, keys);
    refreshScales();
    update();
}

void ParallelCoordinates::refreshPasses()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    for (int i = 0; i < m_table.sourceRows.size(); ++i) {
        const int row = m_table.sourceRows.at(i);
        if (row >= m_model->rowCount()) {
            m_reload->start();
            return;
        }
        m_table.passesBrushes[i] = m_filter->passesBrushes(row) ? 1 : 0;
    }
    redrawLines();
    update();
}

void ParallelCoordinates::refreshScales()
{
    m_scales.clear();
    for (const RunValueTable::Column &column : std::as_const(m_table.columns)) {
        PlotAxis scale;
        if (column.text)
            scale.setCategories(column.categories);
        else
            scale.setRange(column.min, column.max, isLogAxis(column.key));
        m_scales.append(scale);
    }
    redrawLines();
}

bool ParallelCoordinates::linesPending() const
{
    return m_linesWatcher->isRunning() || m_linesDirty || (!m_axes.isEmpty() && m_lines.size() != size());
}

int ParallelCoordinates::runsPassingBrushes() const
{
    int n = 0;
    for (char p : m_table.passesBrushes)
        n += p;
    return n;
}

QRect ParallelCoordinates::plotRect() const
{
    const int title = fontMetrics().height() * 2 + 6;
    return rect().adjusted(56, title, -56, -fontMetrics().height() - 6);
}

int ParallelCoordinates::axisX(int axis) const
{
    const QRect plot = plotRect();
    const int n = int(m_axes.size());
    return n <= 1 ? plot.center().x() : plot.left() + plot.width() * axis / (n - 1);
}

int ParallelCoordinates::axisAt(const QPoint &pos) const
{
    const QRect plot = plotRect().adjusted(0, -4, 0, 4);
    if (pos.y() < plot.top() || pos.y() > plot.bottom())
        return -1;
    for (int a = 0; a < m_axes.size(); ++a)
        if (std::abs(pos.x() - axisX(a)) <= 10)
            return a;
    return -1;
}

double ParallelCoordinates::yOf(int run, int axis) const
{
    const int c = m_table.columnOf(m_axes.at(axis));
    if (c < 0)
        return std::nan("");
    const double unit = m_scales.at(c).toUnit(m_table.columns.at(c).values.at(run));
    const QRect plot = plotRect();
    return plot.bottom() - unit * plot.height();
}

QPoint ParallelCoordinates::axisPoint(const QString &key, double value) const
{
    const int axis = int(m_axes.indexOf(key));
    const int c = m_table.columnOf(key);
    if (axis < 0 || c < 0)
        return {};
    const QRect plot = plotRect();
    return QPoint(axisX(axis), int(std::lround(plot.bottom() - m_scales.at(c).toUnit(value) * plot.height())));
}

// What the lines are drawn from: copies, so that a worker thread draws them
// while the widget goes on.
struct ParallelCoordinates::LinesInput
{
    QSize size;
    QRect plot;
    QVector<int> axisX;
    QVector<int> columnOfAxis; // the table's column of each axis (-1: none)
    int colorColumn = -1;
    RunValueTable table;
    QVector<PlotAxis> scales;
    QColor grey;
};

std::atomic<int> ParallelCoordinates::s_drawingThreads { 0 };

void ParallelCoordinates::setDrawingThreads(int threads) { s_drawingThreads = threads; }

// The lines of runs first to last that pass (1) or not (0): grey when the
// brushes leave a run out, else in the colour of its value.
void ParallelCoordinates::drawPass(const LinesInput &in, int first, int last, int pass, LineRaster *raster)
{
    const int n = int(in.table.runIds.size());
    const int axes = int(in.axisX.size());
    const double opacity = n > 2000 ? 0.25 : n > 200 ? 0.5 : 0.9;
    QVector<double> ys(axes);
    for (int r = first; r < last; ++r) {
        if (in.table.passesBrushes.at(r) != pass)
            continue;
        QColor color = in.grey;
        if (pass == 1 && in.colorColumn >= 0)
            color = PlotAxis::colorAt(
                in.scales.at(in.colorColumn).toUnit(in.table.columns.at(in.colorColumn).values.at(r)));
        for (int a = 0; a < axes; ++a) {
            const int c = in.columnOfAxis.at(a);
            ys[a] = c < 0 ? qQNaN()
                          : in.plot.bottom() - in.scales.at(c).toUnit(in.table.columns.at(c).values.at(r))
                                * in.plot.height();
        }
        for (int a = 0; a + 1 < axes; ++a)
            if (std::isfinite(ys.at(a)) && std::isfinite(ys.at(a + 1)))
                raster->drawLine(QPointF(in.axisX.at(a), ys.at(a)), QPointF(in.axisX.at(a + 1), ys.at(a + 1)), color,
                                 pass == 0 ? qMin(opacity, 0.15) : opacity);
    }
}

QImage ParallelCoordinates::drawLines(const LinesInput &in)
{
    const int n = int(in.table.runIds.size());
    // grey first, the runs kept over them; many runs in two halves at once
    // when a core is left for the GUI thread, each half's layers put
    // together in the same order
    const auto layers = [&in](int first, int last) {
        LineRaster grey(in.size);
        LineRaster kept(in.size);
        drawPass(in, first, last, 0, &grey);
        drawPass(in, first, last, 1, &kept);
        return std::make_pair(grey.image(), kept.image());
    };
    const int chosen = s_drawingThreads.load();
    const int threads = chosen > 0 ? chosen : QThread::idealThreadCount() >= 3 ? 2 : 1;
    if (n < 2000 || threads < 2) {
        auto [grey, kept] = layers(0, n);
        QPainter p(&grey);
        p.drawImage(0, 0, kept);
        p.end();
        return grey;
    }
    QFuture<std::pair<QImage, QImage>> second = QtConcurrent::run([layers, n] { return layers(n / 2, n); });
    const auto a = layers(0, n / 2);
    const auto b = second.result();
    QImage out = a.first;
    QPainter p(&out);
    p.drawImage(0, 0, b.first);
    p.drawImage(0, 0, a.second);
    p.drawImage(0, 0, b.second);
    p.end();
    return out;
}

// The lines are drawn off the GUI thread, one drawing at a time; what
// changes meanwhile is drawn next, and the widget shows the last lines
// drawn until then.
void ParallelCoordinates::redrawLines()
{
    m_linesDirty = !m_axes.isEmpty(); // no axes, no lines
    if (m_linesWatcher->isRunning() || m_axes.isEmpty())
        return;
    m_linesDirty = false;
    LinesInput in;
    in.size = size();
    in.plot = plotRect();
    for (int a = 0; a < m_axes.size(); ++a) {
        in.axisX.append(axisX(a));
        in.columnOfAxis.append(m_table.columnOf(m_axes.at(a)));
    }
    in.colorColumn = m_table.columnOf(colorBy());
    in.table = m_table;
    in.scales = m_scales;
    in.grey = palette().color(QPalette::Text);
    m_linesWatcher->setFuture(QtConcurrent::run([in] { return drawLines(in); }));
}

void ParallelCoordinates::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect plot = plotRect();
    const QPalette pal = palette();
    if (m_axes.isEmpty() || m_table.runIds.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   m_axes.isEmpty() ? tr("No parameters or metrics yet. Runs of a sweep (runbench sweep) give "
                                         "one axis per parameter; right-click to choose axes.")
                                    : tr("No runs to draw: the filter keeps none."));
        return;
    }
    const int n = int(m_table.runIds.size());
    if (m_lines.size() != size() && !m_linesWatcher->isRunning())
        redrawLines();
    p.drawImage(0, 0, m_lines);
    const int highlighted = m_highlighted.isEmpty() ? -1 : int(m_table.runIds.indexOf(m_highlighted));
    if (highlighted >= 0) {
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(255, 140, 0), 3));
        for (int a = 0; a + 1 < m_axes.size(); ++a) {
            const double y0 = yOf(highlighted, a);
            const double y1 = yOf(highlighted, a + 1);
            if (std::isfinite(y0) && std::isfinite(y1))
                p.drawLine(QLineF(axisX(a), y0, axisX(a + 1), y1));
        }
    }
    // axes, their titles, ticks and brushes over the lines
    p.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics fm = fontMetrics();
    const int spacing = m_axes.size() > 1 ? plot.width() / (int(m_axes.size()) - 1) : plot.width();
    const QHash<QString, RunFilterModel::Brush> brushes = m_filter->brushes();
    for (int a = 0; a < m_axes.size(); ++a) {
        const QString &key = m_axes.at(a);
        const int x = axisX(a);
        const int c = m_table.columnOf(key);
        p.setPen(QPen(pal.color(QPalette::Text), 1));
        p.drawLine(x, plot.top(), x, plot.bottom());
        QString title = key;
        if (m_model->keyRole(key) == ValueRole::Param)
            title = tr("%1 (parameter)").arg(key);
        if (c >= 0 && m_scales.at(c).isLog())
            title += tr(" · log");
        const int titleWidth = qMax(60, spacing - 8);
        QFont bold = font();
        bold.setBold(key == colorBy());
        p.setFont(bold);
        const QFontMetrics titleMetrics(bold);
        const int left = qBound(0, x - titleWidth / 2, qMax(0, width() - titleWidth)); // the outer titles stay inside
        const QString shown = titleMetrics.elidedText(title, Qt::ElideMiddle, titleWidth);
        const int textWidth = titleMetrics.horizontalAdvance(shown);
        const int textLeft = qBound(left, x - textWidth / 2, left + titleWidth - textWidth);
        p.drawText(QRect(textLeft, 2, textWidth + 2, plot.top() - 8), Qt::AlignLeft | Qt::AlignBottom, shown);
        p.setFont(font());
        if (c < 0)
            continue;
        const auto ticks = m_scales.at(c).ticks(qMax(2, plot.height() / (fm.height() * 2)));
        QColor halo = pal.color(QPalette::Base);
        halo.setAlpha(200);
        for (const auto &[unit, label] : ticks) {
            const int y = int(plot.bottom() - unit * plot.height());
            p.drawLine(x - 3, y, x, y);
            const QString text = fm.elidedText(label, Qt::ElideRight, 52);
            const int w = fm.horizontalAdvance(text);
            const QRect box(x - 6 - w, y - fm.height() / 2, w + 2, fm.height());
            p.fillRect(box, halo); // readable over the lines
            p.drawText(box, Qt::AlignRight | Qt::AlignVCenter, text);
        }
        const auto brush = brushes.constFind(key);
        if (brush == brushes.cend())
            continue;
        double top = 0;
        double bottom = 1;
        if (!brush->texts.isEmpty()) {
            top = 1;
            bottom = 0;
            for (int i = 0; i < m_table.columns.at(c).categories.size(); ++i) {
                if (!brush->texts.contains(m_table.columns.at(c).categories.at(i)))
                    continue;
                const double u = m_scales.at(c).toUnit(i);
                top = qMin(top, u - 0.02);
                bottom = qMax(bottom, u + 0.02);
            }
            std::swap(top, bottom);
        } else {
            top = m_scales.at(c).toUnit(brush->high);
            bottom = m_scales.at(c).toUnit(brush->low);
        }
        const QRectF band(x - 7, plot.bottom() - top * plot.height(), 14, (top - bottom) * plot.height());
        QColor fill = pal.color(QPalette::Highlight);
        fill.setAlpha(90);
        p.fillRect(band, fill);
        p.setPen(QPen(pal.color(QPalette::Highlight), 1));
        p.drawRect(band);
    }
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), fm.height() + 2), Qt::AlignRight,
               tr("%1 of %2 runs in the brushed ranges").arg(runsPassingBrushes()).arg(n));
}

QString ParallelCoordinates::runAt(const QPoint &pos) const
{
    if (m_axes.size() < 2 || pos.x() < axisX(0) || pos.x() > axisX(int(m_axes.size()) - 1))
        return {};
    int a = 0;
    while (a + 2 < m_axes.size() && pos.x() > axisX(a + 1))
        ++a;
    const double t = double(pos.x() - axisX(a)) / qMax(1, axisX(a + 1) - axisX(a));
    QString best;
    double bestDistance = 6;
    for (int r = 0; r < m_table.runIds.size(); ++r) {
        const double y0 = yOf(r, a);
        const double y1 = yOf(r, a + 1);
        if (!std::isfinite(y0) || !std::isfinite(y1))
            continue;
        const double d = std::abs(y0 + (y1 - y0) * t - pos.y());
        if (d < bestDistance || (d == bestDistance && m_table.passesBrushes.at(r))) {
            bestDistance = d;
            best = m_table.runIds.at(r);
        }
    }
    return best;
}

void ParallelCoordinates::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const int axis = axisAt(MousePosition::local(event));
    if (axis >= 0) {
        m_brushAxis = axis;
        m_brushStart = MousePosition::local(event).y();
        m_brushMoved = false;
        return;
    }
    const QString run = runAt(MousePosition::local(event));
    if (!run.isEmpty())
        Q_EMIT runClicked(run);
}

void ParallelCoordinates::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = MousePosition::local(event);
    if (m_brushAxis >= 0) {
        if (std::abs(pos.y() - m_brushStart) >= 3)
            m_brushMoved = true;
        if (m_brushMoved)
            brushTo(m_brushAxis, m_brushStart, pos.y());
        return;
    }
    setCursor(axisAt(pos) >= 0 ? Qt::SizeVerCursor : Qt::ArrowCursor);
    const QString run = runAt(pos);
    if (run == m_hovered)
        return;
    m_hovered = run;
    Q_EMIT runHovered(run);
    const int row = run.isEmpty() ? -1 : m_model->rowOfRunId(run);
    if (row >= 0) {
        const RunRecord &record = m_model->run(row);
        QToolTip::showText(mapToGlobal(pos), tr("Run %1 — %2").arg(record.number).arg(record.arguments.join(QLatin1Char(' '))),
                           this);
    } else {
        QToolTip::hideText();
    }
}

void ParallelCoordinates::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_brushAxis < 0)
        return;
    if (m_brushMoved)
        brushTo(m_brushAxis, m_brushStart, MousePosition::local(event).y());
    else
        m_filter->clearBrush(m_axes.at(m_brushAxis)); // a click clears
    m_brushAxis = -1;
}

void ParallelCoordinates::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_stale, false))
        reload();
}

void ParallelCoordinates::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        redrawLines(); // the grey follows the palette
    QWidget::changeEvent(event);
}

void ParallelCoordinates::leaveEvent(QEvent *)
{
    if (m_hovered.isEmpty())
        return;
    m_hovered.clear();
    Q_EMIT runHovered(QString());
}

void ParallelCoordinates::brushTo(int axis, int y0, int y1)
{
    const QString key = m_axes.at(axis);
    const int c = m_table.columnOf(key);
    if (c < 0)
        return;
    const QRect plot = plotRect();
    const double u0 = qBound(0.0, double(plot.bottom() - qMax(y0, y1)) / plot.height(), 1.0);
    const double u1 = qBound(0.0, double(plot.bottom() - qMin(y0, y1)) / plot.height(), 1.0);
    const PlotAxis &scale = m_scales.at(c);
    RunFilterModel::Brush brush;
    if (m_table.columns.at(c).text) {
        const QStringList &categories = m_table.columns.at(c).categories;
        for (int i = 0; i < categories.size(); ++i) {
            const double u = scale.toUnit(i);
            if (u >= u0 && u <= u1)
                brush.texts.insert(categories.at(i));
        }
        if (brush.texts.isEmpty())
            brush.texts.insert(QString()); // nothing: no run matches an empty text
    } else {
        brush.low = scale.fromUnit(u0);
        brush.high = scale.fromUnit(u1);
    }
    m_filter->setBrush(key, brush);
}

void ParallelCoordinates::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const int axis = axisAt(event->pos());
    if (axis >= 0) {
        const QString key = m_axes.at(axis);
        const int c = m_table.columnOf(key);
        QAction *log = menu.addAction(tr("Log scale"));
        log->setCheckable(true);
        log->setChecked(isLogAxis(key));
        log->setEnabled(c >= 0 && !m_table.columns.at(c).text && m_table.columns.at(c).allPositive);
        connect(log, &QAction::toggled, this, [this, key](bool on) { setLogAxis(key, on); });
        connect(menu.addAction(tr("Colour the lines by %1").arg(key)), &QAction::triggered, this,
                [this, key] { setColorKey(key); });
        QAction *left = menu.addAction(tr("Move left"));
        left->setEnabled(axis > 0);
        connect(left, &QAction::triggered, this, [this, axis] {
            QStringList keys = m_axes;
            keys.swapItemsAt(axis, axis - 1);
            setAxes(keys);
        });
        QAction *right = menu.addAction(tr("Move right"));
        right->setEnabled(axis + 1 < m_axes.size());
        connect(right, &QAction::triggered, this, [this, axis] {
            QStringList keys = m_axes;
            keys.swapItemsAt(axis, axis + 1);
            setAxes(keys);
        });
        connect(menu.addAction(tr("Remove this axis")), &QAction::triggered, this, [this, key] {
            QStringList keys = m_axes;
            keys.removeAll(key);
            setAxes(keys);
        });
        menu.addSeparator();
    }
    QMenu *axes = menu.addMenu(tr("Axes"));
    for (const QString &key : m_model->metricKeys()) {
        QAction *action = axes->addAction(key);
        action->setCheckable(true);
        action->setChecked(m_axes.contains(key));
        connect(action, &QAction::toggled, this, [this, key](bool on) {
            QStringList keys = m_axes;
            if (on)
                keys.append(key);
            else
                keys.removeAll(key);
            setAxes(keys);
        });
    }
    QAction *clear = menu.addAction(tr("Clear all brushes"));
    clear->setEnabled(!m_filter->brushes().isEmpty());
    connect(clear, &QAction::triggered, m_filter, &RunFilterModel::clearBrushes);
    menu.exec(event->globalPos());
}

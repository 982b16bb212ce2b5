#include "parameterscatter.h"

#include "mouseposition.h"

#include "runfiltermodel.h"
#include "runmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QSettings>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace {
const auto kXKey = QStringLiteral("scatter/x");
const auto kYKey = QStringLiteral("scatter/y");
const auto kLogKey = QStringLiteral("scatter/log");
const auto kLinearKey = QStringLiteral("scatter/linear");
} // namespace

class ScatterCanvas : public QWidget
{
public:
    explicit ScatterCanvas(ParameterScatter *owner)
        : QWidget(owner)
        , m_owner(owner)
    {
        setObjectName(QStringLiteral("scatterPlot"));
        setMouseTracking(true);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
        setMinimumHeight(200);
    }

    QRect plotRect() const
    {
        const int h = fontMetrics().height();
        return rect().adjusted(64, 10, -16, -2 * h - 10);
    }

    QPointF positionOf(int run) const
    {
        const RunValueTable &t = m_owner->m_table;
        if (t.columns.size() < 2)
            return { qQNaN(), qQNaN() };
        const double ux = m_owner->m_xScale.toUnit(t.columns.at(0).values.at(run));
        const double uy = m_owner->m_yScale.toUnit(t.columns.at(1).values.at(run));
        const QRect plot = plotRect();
        return { plot.left() + ux * plot.width(), plot.bottom() - uy * plot.height() };
    }

    int runAt(const QPoint &pos) const
    {
        int best = -1;
        double bestDistance = 8 * 8;
        for (int r = 0; r < m_owner->m_table.runIds.size(); ++r) {
            const QPointF p = positionOf(r);
            const double d = (p.x() - pos.x()) * (p.x() - pos.x()) + (p.y() - pos.y()) * (p.y() - pos.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = r;
            }
        }
        return best;
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const RunValueTable &t = m_owner->m_table;
        const QPalette pal = palette();
        const QRect plot = plotRect();
        if (t.columns.size() < 2 || !t.columns.at(0).anyValue || !t.columns.at(1).anyValue) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                       ParameterScatter::tr("Choose two names both logged by some run shown."));
            return;
        }
        const QFontMetrics fm = fontMetrics();
        p.setPen(pal.color(QPalette::Text));
        p.drawLine(plot.bottomLeft(), plot.bottomRight());
        p.drawLine(plot.bottomLeft(), plot.topLeft());
        QColor grid = pal.color(QPalette::Text);
        grid.setAlpha(30);
        for (const auto &[unit, label] : m_owner->m_xScale.ticks(qMax(2, plot.width() / 90))) {
            const int x = int(plot.left() + unit * plot.width());
            p.setPen(grid);
            p.drawLine(x, plot.top(), x, plot.bottom());
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(x - 45, plot.bottom() + 3, 90, fm.height()), Qt::AlignHCenter,
                       fm.elidedText(label, Qt::ElideRight, 90));
        }
        for (const auto &[unit, label] : m_owner->m_yScale.ticks(qMax(2, plot.height() / (fm.height() * 2)))) {
            const int y = int(plot.bottom() - unit * plot.height());
            p.setPen(grid);
            p.drawLine(plot.left(), y, plot.right(), y);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(0, y - fm.height() / 2, plot.left() - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(label, Qt::ElideRight, plot.left() - 4));
        }
        p.drawText(QRect(plot.left(), plot.bottom() + fm.height() + 4, plot.width(), fm.height()), Qt::AlignHCenter,
                   t.columns.at(0).key);
        p.save();
        p.translate(12, plot.center().y());
        p.rotate(-90);
        p.drawText(QRect(-plot.height() / 2, -fm.height() / 2 - 2, plot.height(), fm.height() + 4), Qt::AlignHCenter,
                   fm.elidedText(t.columns.at(1).key, Qt::ElideMiddle, plot.height()));
        p.restore();
        p.setRenderHint(QPainter::Antialiasing, t.runIds.size() <= 5000);
        const int radius = t.runIds.size() > 2000 ? 2 : 4;
        QColor grey = pal.color(QPalette::Text);
        grey.setAlpha(50);
        const QColor blue(31, 119, 180, t.runIds.size() > 2000 ? 120 : 200);
        int highlighted = -1;
        for (int pass = 0; pass < 2; ++pass) { // grey first, the runs kept over them
            p.setPen(Qt::NoPen);
            p.setBrush(pass == 0 ? grey : blue);
            for (int r = 0; r < t.runIds.size(); ++r) {
                if (t.passesBrushes.at(r) != pass)
                    continue;
                if (t.runIds.at(r) == m_owner->m_highlighted)
                    highlighted = r;
                const QPointF pt = positionOf(r);
                if (std::isfinite(pt.x()) && std::isfinite(pt.y()))
                    p.drawEllipse(pt, radius, radius);
            }
        }
        if (highlighted >= 0) {
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(QColor(255, 140, 0));
            p.setPen(QPen(QColor(160, 70, 0), 1.5));
            p.drawEllipse(positionOf(highlighted), 7, 7);
        }
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const int r = runAt(MousePosition::local(event));
        const QString run = r < 0 ? QString() : m_owner->m_table.runIds.at(r);
        if (run == m_owner->m_hovered)
            return;
        m_owner->m_hovered = run;
        Q_EMIT m_owner->runHovered(run);
        if (r < 0) {
            QToolTip::hideText();
            return;
        }
        const RunValueTable &t = m_owner->m_table;
        const RunRecord &record = m_owner->m_model->run(t.sourceRows.at(r));
        QToolTip::showText(mapToGlobal(MousePosition::local(event)),
                           ParameterScatter::tr("Run %1\n%2: %3\n%4: %5")
                               .arg(record.number)
                               .arg(t.columns.at(0).key, m_owner->m_xScale.label(t.columns.at(0).values.at(r)),
                                    t.columns.at(1).key, m_owner->m_yScale.label(t.columns.at(1).values.at(r))),
                           this);
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        const int r = event->button() == Qt::LeftButton ? runAt(MousePosition::local(event)) : -1;
        if (r >= 0)
            Q_EMIT m_owner->runClicked(m_owner->m_table.runIds.at(r));
    }
    void leaveEvent(QEvent *) override
    {
        if (m_owner->m_hovered.isEmpty())
            return;
        m_owner->m_hovered.clear();
        Q_EMIT m_owner->runHovered(QString());
    }

private:
    ParameterScatter *m_owner;
};

ParameterScatter::ParameterScatter(RunModel *model, RunFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(filter)
    , m_x(new QComboBox(this))
    , m_y(new QComboBox(this))
    , m_logX(new QCheckBox(tr("Log"), this))
    , m_logY(new QCheckBox(tr("Log"), this))
    , m_canvas(new ScatterCanvas(this))
    , m_reload(new QTimer(this))
{
    setObjectName(QStringLiteral("parameterScatter"));
    m_x->setObjectName(QStringLiteral("scatterX"));
    m_y->setObjectName(QStringLiteral("scatterY"));
    m_logX->setObjectName(QStringLiteral("scatterLogX"));
    m_logY->setObjectName(QStringLiteral("scatterLogY"));
    m_x->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_y->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Across:"), this));
    bar->addWidget(m_x);
    bar->addWidget(m_logX);
    bar->addSpacing(16);
    bar->addWidget(new QLabel(tr("Up:"), this));
    bar->addWidget(m_y);
    bar->addWidget(m_logY);
    bar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);

    m_reload->setSingleShot(true);
    m_reload->setInterval(30);
    connect(m_reload, &QTimer::timeout, this, [this] {
        if (isVisible())
            reload();
        else
            m_stale = true; // read when shown
    });
    const auto later = [this] { m_reload->start(); };
    connect(m_x, qOverload<int>(&QComboBox::activated), this, &ParameterScatter::chosen);
    connect(m_y, qOverload<int>(&QComboBox::activated), this, &ParameterScatter::chosen);
    for (QCheckBox *box : { m_logX, m_logY })
        connect(box, &QCheckBox::toggled, this, [this] {
            if (m_loading)
                return;
            save();
            reload();
        });
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &RunModel::metricKeysChanged, this, &ParameterScatter::fillKeys);
    connect(filter, &QAbstractItemModel::layoutChanged, this, later);
    connect(filter, &QAbstractItemModel::rowsInserted, this, later);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, later);
    connect(filter, &QAbstractItemModel::modelReset, this, later);
    connect(filter, &RunFilterModel::brushesChanged, this, later);
}

QWidget *ParameterScatter::plotWidget() const { return m_canvas; }
QString ParameterScatter::xKey() const { return m_x->currentText(); }
QString ParameterScatter::yKey() const { return m_y->currentText(); }
bool ParameterScatter::isLog(Qt::Orientation axis) const
{
    return (axis == Qt::Horizontal ? m_logX : m_logY)->isChecked();
}
int ParameterScatter::pointCount() const { return int(m_table.runIds.size()); }

void ParameterScatter::setProject(const Project &project)
{
    m_project = project;
    fillKeys();
}

// The names in the model's order; the choice kept for the project, else the
// first parameter across and the first metric up.
void ParameterScatter::fillKeys()
{
    QString x = m_x->currentText();
    QString y = m_y->currentText();
    if (x.isEmpty() && m_project.isValid()) {
        const QSettings ui(m_project.workbenchSettingsPath(), QSettings::IniFormat);
        x = ui.value(kXKey).toString();
        y = ui.value(kYKey).toString();
    }
    QStringList keys;
    QString firstParam;
    QString firstMetric;
    for (const QString &key : m_model->metricKeys()) {
        if (key.startsWith(QLatin1String("mlflow.")))
            continue;
        keys.append(key);
        if (firstParam.isEmpty() && m_model->keyRole(key) == ValueRole::Param)
            firstParam = key;
        if (firstMetric.isEmpty() && m_model->keyRole(key) == ValueRole::Metric)
            firstMetric = key;
    }
    if (!keys.contains(x))
        x = firstParam.isEmpty() ? keys.value(0) : firstParam;
    if (!keys.contains(y))
        y = firstMetric.isEmpty() ? keys.value(1) : firstMetric;
    m_loading = true;
    m_x->clear();
    m_y->clear();
    m_x->addItems(keys);
    m_y->addItems(keys);
    m_x->setCurrentIndex(int(keys.indexOf(x)));
    m_y->setCurrentIndex(int(keys.indexOf(y)));
    m_loading = false;
    reload();
}

void ParameterScatter::setKeys(const QString &x, const QString &y)
{
    m_x->setCurrentIndex(m_x->findText(x));
    m_y->setCurrentIndex(m_y->findText(y));
    chosen();
}

void ParameterScatter::chosen()
{
    m_table = {};
    m_loading = true;
    m_logX->setChecked(false);
    m_logY->setChecked(false);
    m_loading = false;
    reload(); // picks the scales the values call for, or the kept ones
    save();
}

void ParameterScatter::setLog(Qt::Orientation axis, bool log)
{
    (axis == Qt::Horizontal ? m_logX : m_logY)->setChecked(log);
}

void ParameterScatter::save() const
{
    if (!m_project.isValid() || m_loading)
        return;
    QSettings ui(m_project.workbenchSettingsPath(), QSettings::IniFormat);
    ui.setValue(kXKey, xKey());
    ui.setValue(kYKey, yKey());
    QStringList log = ui.value(kLogKey).toStringList();
    QStringList linear = ui.value(kLinearKey).toStringList();
    for (const auto &[key, on] : { qMakePair(xKey(), isLog(Qt::Horizontal)), qMakePair(yKey(), isLog(Qt::Vertical)) }) {
        log.removeAll(key);
        linear.removeAll(key);
        (on ? log : linear).append(key);
    }
    ui.setValue(kLogKey, log);
    ui.setValue(kLinearKey, linear);
}

void ParameterScatter::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_stale, false))
        reload();
}

void ParameterScatter::reload()
{
    m_reload->stop();
    m_stale = false;
    const bool fresh = m_table.columns.isEmpty(); // names just chosen: scales as kept, or as the values call for
    m_table = RunValueTable::read(m_model, m_filter, { xKey(), yKey() });
    if (fresh && m_table.columns.size() == 2) {
        QStringList log;
        QStringList linear;
        if (m_project.isValid()) {
            const QSettings ui(m_project.workbenchSettingsPath(), QSettings::IniFormat);
            log = ui.value(kLogKey).toStringList();
            linear = ui.value(kLinearKey).toStringList();
        }
        m_loading = true;
        for (int c = 0; c < 2; ++c) {
            const RunValueTable::Column &column = m_table.columns.at(c);
            const bool on = log.contains(column.key) || (!linear.contains(column.key) && column.looksLogSpaced());
            (c == 0 ? m_logX : m_logY)->setChecked(on);
        }
        m_loading = false;
    }
    for (int c = 0; c < m_table.columns.size(); ++c) {
        const RunValueTable::Column &column = m_table.columns.at(c);
        PlotAxis &scale = c == 0 ? m_xScale : m_yScale;
        QCheckBox *box = c == 0 ? m_logX : m_logY;
        box->setEnabled(!column.text && column.allPositive && column.anyValue);
        if (column.text)
            scale.setCategories(column.categories);
        else
            scale.setRange(column.min, column.max, box->isChecked());
    }
    m_canvas->update();
}

void ParameterScatter::setHighlightedRun(const QString &runId)
{
    if (m_highlighted == runId)
        return;
    m_highlighted = runId;
    m_canvas->update();
}

QPoint ParameterScatter::positionOf(const QString &runId) const
{
    const int r = int(m_table.runIds.indexOf(runId));
    if (r < 0)
        return {};
    const QPointF p = m_canvas->positionOf(r);
    if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
        return {};
    return p.toPoint();
}

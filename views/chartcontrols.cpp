#include "chartcontrols.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSlider>

#include <cmath>

namespace {

const auto kXKey = QStringLiteral("charts/x");
const auto kLogKey = QStringLiteral("charts/log");
const auto kSmoothingKey = QStringLiteral("charts/smoothing");
const auto kLinkKey = QStringLiteral("charts/link_x");

} // namespace

ChartControls::ChartControls(QWidget *parent)
    : QWidget(parent)
    , m_x(new QComboBox(this))
    , m_log(new QCheckBox(tr("Log scale"), this))
    , m_smoothing(new QSlider(Qt::Horizontal, this))
    , m_smoothingValue(new QLabel(this))
    , m_link(new QCheckBox(tr("Zoom all charts together"), this))
{
    m_x->addItem(tr("Step"), int(MetricChart::XAxis::Step));
    m_x->addItem(tr("Time since the run started"), int(MetricChart::XAxis::RelativeTime));
    m_x->addItem(tr("Time of day"), int(MetricChart::XAxis::WallTime));
    m_x->setObjectName(QStringLiteral("chartX"));
    m_log->setObjectName(QStringLiteral("chartLog"));
    m_link->setObjectName(QStringLiteral("chartLink"));
    m_link->setChecked(true);
    m_smoothing->setObjectName(QStringLiteral("chartSmoothing"));
    m_smoothing->setRange(0, 99);
    m_smoothing->setMinimumWidth(120);
    m_smoothing->setToolTip(tr("An exponential moving average drawn over the values; the raw line stays faint "
                               "behind it. 0 is off."));
    m_smoothingValue->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 4);
    auto *label = new QLabel(tr("X axis:"), this);
    label->setBuddy(m_x);
    auto *smoothingLabel = new QLabel(tr("Smoothing:"), this);
    smoothingLabel->setBuddy(m_smoothing);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_x);
    layout->addSpacing(12);
    layout->addWidget(m_log);
    layout->addSpacing(12);
    layout->addWidget(smoothingLabel);
    layout->addWidget(m_smoothing, 1);
    layout->addWidget(m_smoothingValue);
    layout->addSpacing(12);
    layout->addWidget(m_link);
    layout->addStretch();
    auto changed = [this] {
        apply();
        save();
    };
    connect(m_x, QOverload<int>::of(&QComboBox::currentIndexChanged), this, changed);
    connect(m_log, &QCheckBox::toggled, this, changed);
    connect(m_smoothing, &QSlider::valueChanged, this, changed);
    connect(m_link, &QCheckBox::toggled, this, changed);
    apply();
}

void ChartControls::setProject(const Project &project)
{
    m_project = project;
    const QSettings ui(project.workbenchSettingsPath(), QSettings::IniFormat);
    m_loading = true;
    const int x = m_x->findData(ui.value(kXKey, int(MetricChart::XAxis::Step)).toInt());
    m_x->setCurrentIndex(qMax(0, x));
    m_log->setChecked(ui.value(kLogKey, false).toBool());
    m_smoothing->setValue(int(std::lround(ui.value(kSmoothingKey, 0.0).toDouble() * 100)));
    m_link->setChecked(ui.value(kLinkKey, true).toBool());
    m_loading = false;
    apply();
}

void ChartControls::setCharts(const QList<MetricChart *> &charts)
{
    for (MetricChart *c : std::as_const(m_charts))
        if (c)
            disconnect(c, nullptr, this, nullptr);
    m_charts.clear();
    for (MetricChart *c : charts) {
        m_charts.append(c);
        connect(c, &MetricChart::xRangeChanged, this,
                [this, c](double from, double to, bool automatic) { follow(c, from, to, automatic); });
    }
    apply();
}

MetricChart::XAxis ChartControls::xAxis() const { return MetricChart::XAxis(m_x->currentData().toInt()); }
void ChartControls::setXAxis(MetricChart::XAxis axis) { m_x->setCurrentIndex(qMax(0, m_x->findData(int(axis)))); }
bool ChartControls::isLogY() const { return m_log->isChecked(); }
void ChartControls::setLogY(bool log) { m_log->setChecked(log); }
double ChartControls::smoothing() const { return m_smoothing->value() / 100.0; }
void ChartControls::setSmoothing(double weight) { m_smoothing->setValue(int(std::lround(weight * 100))); }
bool ChartControls::isLinked() const { return m_link->isChecked(); }
void ChartControls::setLinked(bool linked) { m_link->setChecked(linked); }

void ChartControls::apply()
{
    m_smoothingValue->setText(QLocale().toString(smoothing(), 'f', 2));
    for (MetricChart *c : std::as_const(m_charts)) {
        if (!c)
            continue;
        c->setXAxis(xAxis());
        c->setLogY(isLogY());
        c->setSmoothing(smoothing());
    }
}

void ChartControls::save()
{
    if (m_loading || m_project.root().isEmpty())
        return;
    QSettings ui(m_project.workbenchSettingsPath(), QSettings::IniFormat);
    ui.setValue(kXKey, int(xAxis()));
    ui.setValue(kLogKey, isLogY());
    ui.setValue(kSmoothingKey, smoothing());
    ui.setValue(kLinkKey, isLinked());
}

void ChartControls::follow(MetricChart *source, double from, double to, bool automatic)
{
    if (m_following || !isLinked())
        return;
    m_following = true;
    for (MetricChart *c : std::as_const(m_charts)) {
        if (!c || c == source)
            continue;
        if (automatic)
            c->resetView();
        else
            c->setXRange(from, to);
    }
    m_following = false;
}

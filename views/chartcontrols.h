#pragma once

#include "metricchart.h"
#include "project.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

// The bar over a view's series charts: what x is (step, time since the run
// started, time of day), a log scale, the smoothing (0–0.99, as
// TensorBoard's) and whether zooming one chart zooms all of them in x.
// Kept per project; applied to every chart handed to setCharts().
class ChartControls : public QWidget
{
    Q_OBJECT

public:
    explicit ChartControls(QWidget *parent = nullptr);

    void setProject(const Project &project);
    void setCharts(const QList<MetricChart *> &charts);

    MetricChart::XAxis xAxis() const;
    void setXAxis(MetricChart::XAxis axis);
    bool isLogY() const;
    void setLogY(bool log);
    double smoothing() const;
    void setSmoothing(double weight);
    bool isLinked() const;
    void setLinked(bool linked);

    QSlider *smoothingSlider() const { return m_smoothing; }

private:
    void apply();
    void save();
    void follow(MetricChart *source, double from, double to, bool automatic);

    Project m_project;
    QList<QPointer<MetricChart>> m_charts;
    QComboBox *m_x;
    QCheckBox *m_log;
    QSlider *m_smoothing;
    QLabel *m_smoothingValue;
    QCheckBox *m_link;
    bool m_loading = false;
    bool m_following = false;
};

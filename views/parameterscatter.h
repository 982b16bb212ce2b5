#pragma once

#include "plotaxis.h"
#include "project.h"
#include "runvaluetable.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QTimer;
class RunFilterModel;
class RunModel;
class ScatterCanvas;

// Run history → Dashboard → Scatter: one parameter (or metric) against a
// metric, a point per run the filter keeps (grey outside the parallel
// coordinates' brushes), log axes where the values are log-spaced. The
// names and scales are kept per project.
class ParameterScatter : public QWidget
{
    Q_OBJECT

public:
    ParameterScatter(RunModel *model, RunFilterModel *filter, QWidget *parent = nullptr);

    void setProject(const Project &project);
    void setKeys(const QString &x, const QString &y);
    QString xKey() const;
    QString yKey() const;
    void setLog(Qt::Orientation axis, bool log);
    bool isLog(Qt::Orientation axis) const;
    void setHighlightedRun(const QString &runId);
    // Where a run's point is, in the plot widget; invalid when not drawn.
    QPoint positionOf(const QString &runId) const;
    QWidget *plotWidget() const;
    int pointCount() const;
    void reload();

Q_SIGNALS:
    void runHovered(const QString &runId);
    void runClicked(const QString &runId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    friend class ScatterCanvas;
    void fillKeys();
    void save() const;
    void chosen();

    RunModel *m_model;
    RunFilterModel *m_filter;
    Project m_project;
    QComboBox *m_x;
    QComboBox *m_y;
    QCheckBox *m_logX;
    QCheckBox *m_logY;
    ScatterCanvas *m_canvas;
    QTimer *m_reload;
    RunValueTable m_table;
    PlotAxis m_xScale;
    PlotAxis m_yScale;
    QString m_highlighted;
    QString m_hovered;
    bool m_loading = false;
    bool m_stale = false; // the runs changed while hidden
};

#pragma once

#include "project.h"

#include <QSet>
#include <QStringList>
#include <QWidget>

class MetricChart;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class DashboardSeries;
class RunFilterModel;
class RunModel;

// Run history → Dashboard: a chart per logged value (and the duration)
// across runs, and below them a grid of the runs whose columns the user
// chooses. Both show the shared RunModel through one RunFilterModel (script,
// filter box, sorting), and follow it live.
class RunDashboard : public QWidget
{
    Q_OBJECT

public:
    explicit RunDashboard(RunModel *model, QWidget *parent = nullptr);

    // Where the column choice is kept (.runbench/workbench.ini).
    void setProject(const Project &project);

    RunFilterModel *proxy() const { return m_proxy; }
    DashboardSeries *series() const { return m_series; }
    QTableView *grid() const { return m_grid; }
    QList<MetricChart *> charts() const { return m_charts; }
    MetricChart *chart(const QString &key) const; // "" for the duration chart
    QStringList visibleColumnIds() const;
    void setVisibleColumns(const QStringList &columnIds);
    QStringList selectedRunIds() const;

    void setFilterText(const QString &text);
    QString filterError() const;
    // The grid as CSV: the visible columns in their order, the rows as sorted.
    QString gridCsv() const;
    bool exportCsv(const QString &path) const;
    void customize();

Q_SIGNALS:
    void detailsRequested(const QString &runId);
    void compareRequested(const QStringList &runIds);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuildCharts();
    void layoutCharts();
    void updateScripts();
    void hovered(const QString &runId);
    void applyColumns(const QStringList &ids);
    void saveColumns() const;
    void loadColumns();
    void sizeColumns();
    QStringList defaultColumns() const;

    RunModel *m_model;
    RunFilterModel *m_proxy;
    Project m_project;
    QComboBox *m_script;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QCheckBox *m_showHidden;
    QPushButton *m_customize;
    QPushButton *m_export;
    QPushButton *m_compare;
    QWidget *m_chartArea;
    QGridLayout *m_chartGrid;
    QList<MetricChart *> m_charts;
    QTableView *m_grid;
    QTimer *m_rebuild;
    DashboardSeries *m_series;
    QSet<QString> m_dirtySeries; // series to hand to their charts again
    bool m_chartKeysChanged = false;
    QString m_hovered;
    int m_chartColumns = 0;
    bool m_columnsLoaded = false;
};

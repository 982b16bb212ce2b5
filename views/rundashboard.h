#pragma once

#include "project.h"

#include <QSet>
#include <QStringList>
#include <QWidget>

class MetricChart;
class ParallelCoordinates;
class ParameterScatter;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeView;
class DashboardSeries;
class RunFilterModel;
class RunSortModel;
class RunModel;
class SweepGroupModel;

// Run history → Dashboard: a chart per logged value (and the duration)
// across runs, the parallel coordinates and a scatter for sweeps, and below
// them a grid of the runs whose columns the user chooses, flat or grouped by
// sweep. All show the shared RunModel through one RunFilterModel (script,
// filter box, brushes, sorting), and follow it live.
class RunDashboard : public QWidget
{
    Q_OBJECT

public:
    explicit RunDashboard(RunModel *model, QWidget *parent = nullptr);

    // Where the column choice is kept (.runbench/workbench.ini).
    void setProject(const Project &project);

    RunFilterModel *proxy() const { return m_proxy; }
    RunSortModel *sorted() const { return m_sorted; } // the grid's model
    DashboardSeries *series() const { return m_series; }
    QTableView *grid() const { return m_grid; }
    QTreeView *groupedGrid() const { return m_groupedGrid; }
    SweepGroupModel *groups() const { return m_groups; }
    ParallelCoordinates *parallelCoordinates() const { return m_parallel; }
    ParameterScatter *scatter() const { return m_scatter; }
    QTabWidget *chartTabs() const { return m_chartTabs; }
    // The grid with a sweep's runs under their parent row.
    void setGroupedBySweep(bool grouped);
    bool isGroupedBySweep() const;
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
    // The script picker gains the scripts of rows first..last (all by default).
    void updateScripts(int first = 0, int last = -1);
    void hovered(const QString &runId);
    void applyColumns(const QStringList &ids);
    void saveColumns() const;
    void loadColumns();
    void sizeColumns();
    void updateEmptyState();
    QStringList defaultColumns() const;
    void syncGroupedColumns();
    void groupedMenu(const QPoint &pos);
    QString currentRunId() const;

    RunModel *m_model;
    RunFilterModel *m_proxy;
    RunSortModel *m_sorted;
    Project m_project;
    QComboBox *m_script;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QLabel *m_empty; // what to do when there are no runs
    QList<QLabel *> m_noMatch; // over each grid, when the filter hides every run
    QWidget *m_content = nullptr; // the charts and the grid
    QCheckBox *m_showHidden;
    QPushButton *m_customize;
    QPushButton *m_export;
    QPushButton *m_compare;
    QCheckBox *m_group;
    QTabWidget *m_chartTabs;
    ParallelCoordinates *m_parallel;
    ParameterScatter *m_scatter;
    QStackedWidget *m_grids;
    QTreeView *m_groupedGrid;
    SweepGroupModel *m_groups;
    QSet<QString> m_expanded; // group rows open in the grouped grid, by node key
    QWidget *m_chartArea;
    QGridLayout *m_chartGrid;
    QList<MetricChart *> m_charts;
    QTableView *m_grid;
    QTimer *m_rebuild;
    DashboardSeries *m_series;
    QSet<QString> m_dirtySeries; // series to hand to their charts again
    QSet<QString> m_wholeSeries; // of those, the ones a chart wants whole
    bool m_chartKeysChanged = false;
    int m_nextChart = 0; // where rebuildCharts() goes on
    QString m_hovered;
    int m_chartColumns = 0;
    bool m_columnsLoaded = false;
};

#pragma once

#include "plotaxis.h"
#include "project.h"
#include "runvaluetable.h"

#include <QImage>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <atomic>

class LineRaster;
class QTimer;
template<typename T>
class QFutureWatcher;
class RunFilterModel;
class RunModel;

// Run history → Dashboard → Parallel coordinates: one vertical axis per
// chosen parameter or metric, one line per run the filter keeps, coloured by
// a metric. Dragging along an axis brushes a range: the dashboard's filter
// then keeps only the runs inside every brush (the grid and the other charts
// follow), and the lines outside turn grey. A click on an axis clears its
// brush. The axes, their order, log or linear scale and the colour are
// chosen in the context menu and kept per project.
class ParallelCoordinates : public QWidget
{
    Q_OBJECT

public:
    ParallelCoordinates(RunModel *model, RunFilterModel *filter, QWidget *parent = nullptr);

    void setProject(const Project &project);

    QStringList axes() const { return m_axes; }
    void setAxes(const QStringList &keys);
    bool isLogAxis(const QString &key) const;
    void setLogAxis(const QString &key, bool log);
    QString colorKey() const { return m_colorKey; } // "" until chosen: see colorBy()
    QString colorBy() const;
    void setColorKey(const QString &key);
    void setHighlightedRun(const QString &runId);

    // Where a value sits on an axis in widget coordinates (for tests and
    // the benchmark's brushing); an invalid point for an unknown axis.
    QPoint axisPoint(const QString &key, double value) const;
    int runsDrawn() const { return int(m_table.runIds.size()); }
    int runsPassingBrushes() const;
    // Reads the runs again now rather than at the next idle moment.
    void reload();
    // The lines are being drawn (off the GUI thread) for a change not shown yet.
    bool linesPending() const;
    // Every run's line as last drawn, without axes and text.
    QImage linesImage() const { return m_lines; }
    // Threads that draw the lines of many runs: 0 (the default) for two when
    // the machine has a core to spare for the GUI thread, else one. For tests.
    static void setDrawingThreads(int threads);

Q_SIGNALS:
    void runHovered(const QString &runId); // "" when the mouse leaves the lines
    void runClicked(const QString &runId);
    // The lines shown are those of the runs, brushes and axes as they are now.
    void linesDrawn();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct LinesInput;
    static QImage drawLines(const LinesInput &in);
    static void drawPass(const LinesInput &in, int first, int last, int pass, LineRaster *raster);
    void redrawLines();
    QRect plotRect() const;
    int axisX(int axis) const;
    int axisAt(const QPoint &pos) const; // -1 when not on an axis
    double yOf(int run, int axis) const; // widget y, NaN when the run has no value there
    QString runAt(const QPoint &pos) const;
    void refreshScales();
    void refreshPasses();
    void brushTo(int axis, int y0, int y1);
    QStringList defaultAxes() const;
    void save() const;

    RunModel *m_model;
    RunFilterModel *m_filter;
    Project m_project;
    QTimer *m_reload;
    RunValueTable m_table;
    QVector<PlotAxis> m_scales;
    static std::atomic<int> s_drawingThreads;
    QImage m_lines; // every run's line, drawn once per change
    QFutureWatcher<QImage> *m_linesWatcher;
    bool m_linesDirty = false; // changed while lines were being drawn
    bool m_stale = false; // the runs changed while hidden
    QStringList m_axes;
    bool m_axesChosen = false; // by the user, or kept from before
    QSet<QString> m_log;
    QSet<QString> m_linear; // linear although the values look log-spaced
    QString m_colorKey;
    QString m_highlighted;
    QString m_hovered;
    int m_brushAxis = -1;
    int m_brushStart = 0;
    bool m_brushMoved = false;
};

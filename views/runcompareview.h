#pragma once

#include "project.h"
#include "rundetails.h"

#include <QHash>
#include <QImage>
#include <QStringList>
#include <QVector>
#include <QWidget>

class ChartControls;
class CodeViewer;
class LiveSeries;
class MetricChart;
class QComboBox;
class QLineEdit;
class QVBoxLayout;
class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;

// Run history → Compare: any number of runs side by side. Values: every
// field and logged value in a row, the names pinned while the runs scroll
// past, differing rows marked, the best value of each metric in bold (lower
// is better for names like loss or error, higher otherwise), and a switch to
// show differences only. Series: a line per run, toggled from the legend.
// Outputs: files of the same name next to each other, images at the same
// scale, a page of runs at a time. Code: the diff between the runs'
// snapshots. Loaded off the GUI thread.
class RunCompareView : public QWidget
{
    Q_OBJECT

public:
    explicit RunCompareView(QWidget *parent = nullptr);

    void setProject(const Project &project);
    void showRuns(const QStringList &runIds);
    QStringList runIds() const;

    // The default by name: lower is better for loss, error, rmse, time …
    // The user's choice for this project, else the default.
    bool isLowerBetter(const QString &metric) const;
    void setLowerIsBetter(const QString &metric, bool lower);

    QTableWidget *valuesTable() const { return m_values; }
    QList<MetricChart *> seriesCharts() const;
    // Puts another run (id or number) in the place of the run at column index.
    void swapRun(int index, const QString &runId);
    QString codeDiff() const;
    void setDifferencesOnly(bool on);
    // The outputs show this many runs at once, from the page's first.
    static int runsPerOutputPage() { return 4; }
    void showOutputPage(int page);
    int outputPage() const { return m_outputPage; }
    // The names' columns that stay in place while the runs scroll.
    QTableView *pinnedNames() const { return m_pinned; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void loaded();

private:
    struct Loaded
    {
        QVector<RunDetails> runs;
        QVector<QHash<QString, QImage>> images; // per run: artifact path → scaled image
        QString diff;
        QString error;
    };
    void fill(const Loaded &result);
    void fillValues();
    void fillOutputs();
    void fillCharts();
    void applyDifferencesOnly();
    void syncPinned();
    void toggleDirection(int row, int column);

    Project m_project;
    QVector<RunDetails> m_runs;
    QVector<QHash<QString, QImage>> m_images;
    int m_generation = 0;
    QLabel *m_title;
    QCheckBox *m_differencesOnly;
    QTabWidget *m_tabs;
    ChartControls *m_chartControls;
    LiveSeries *m_live;
    QTableWidget *m_values;
    QTableView *m_pinned;
    QWidget *m_chartsArea;
    QVBoxLayout *m_chartsLayout;
    QComboBox *m_swapWhich;
    QLineEdit *m_swapWith;
    QWidget *m_outputsArea;
    QGridLayout *m_outputsGrid;
    QLabel *m_outputsRange;
    QPushButton *m_previousRuns;
    QPushButton *m_nextRuns;
    int m_outputPage = 0;
    CodeViewer *m_code;
};

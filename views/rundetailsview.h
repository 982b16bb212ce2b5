#pragma once

#include "project.h"
#include "rundetails.h"
#include "taskowner.h"

#include <QWidget>

class ChartControls;
class CodeViewer;
class LiveSeries;
class MetricChart;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;
class QVBoxLayout;

// Run history → Details: one run's fields and logged values, its series as
// charts, its output files with a preview, and its driver log; Download,
// Restore (with a confirmation listing what changes; undone from the Edit
// menu) and Rerun. Everything is read and written off the GUI thread.
class RunHistoryLoader;

class RunDetailsView : public QWidget
{
    Q_OBJECT

public:
    explicit RunDetailsView(QWidget *parent = nullptr);

    void setProject(const Project &project);
    void showRun(const QString &runId);
    const RunDetails &details() const { return m_details; }

    // What the buttons do once the user has chosen.
    void downloadTo(const QString &folder);
    // A download in flight: isBusy() until it has stopped after cancelWork().
    bool isBusy() const;
    void cancelWork();
    void restore(); // asks first
    // Edits go through the history's editor (one transaction, on its
    // thread); without one the view cannot save.
    void setHistory(RunHistoryLoader *history);
    // Saves the name, description, tags and hidden flag as typed.
    void saveInfo();

    QString previewText() const; // for tests: what the preview shows
    bool previewHasImage() const;

Q_SIGNALS:
    void loaded(const QString &runId);
    void rerunRequested(const QString &script, const QStringList &arguments);
    // The run shown is to stop: run is its row id, jobId its cluster job ("" local).
    void cancelRequested(qint64 run, const QString &jobId);
    void compareRequested(const QStringList &runIds);
    void downloaded(const QStringList &files, const QString &error);
    void restored(bool ok, const QString &message);
    void infoSaved(const QString &error);

private:
    void fill();
    void fillOverview();
    void fillCharts();
    MetricChart *addChart(const QString &key, std::shared_ptr<SeriesLod> series);
    void addLivePoints(const QString &runId, const QString &key, const QVector<MetricPoint> &points);
    void preview(int row);
    void findInLog();

    Project m_project;
    RunDetails m_details;
    TaskOwner m_tasks; // downloads: canceled and waited for before the view goes
    int m_generation = 0;
    QLabel *m_title;
    QLabel *m_message;
    QProgressBar *m_progress;
    QPushButton *m_download;
    QPushButton *m_restore;
    QPushButton *m_rerun;
    QPushButton *m_cancel;
    QTabWidget *m_tabs;
    ChartControls *m_chartControls;
    LiveSeries *m_live;
    QTreeWidget *m_overview;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QLineEdit *m_tags;
    RunHistoryLoader *m_history = nullptr;
    qint64 m_savingRun = 0; // the run whose edit is on its way
    QStringList tagsTyped() const;
    QPushButton *m_compareWith;
    QCheckBox *m_hidden;
    QPushButton *m_saveInfo;
    QWidget *m_chartsArea;
    QVBoxLayout *m_chartsLayout;
    QListWidget *m_outputs;
    QStackedWidget *m_preview;
    QLabel *m_imagePreview;
    CodeViewer *m_textPreview;
    QLabel *m_noPreview;
    CodeViewer *m_log;
    QLineEdit *m_logSearch;
};

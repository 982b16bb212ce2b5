#pragma once

#include <QWidget>

class CodeViewer;
class JobListModel;
class QModelIndex;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

// The job panel: every job of this window with its status, script,
// arguments, elapsed time and last output line; the selected job's output
// follows live below. It asks for cancels and details; it owns no process.
class JobPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JobPanel(JobListModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    int currentKey() const;
    void selectKey(int key);

Q_SIGNALS:
    void cancelRequested(int key);
    void detailsRequested(const QString &runId);

private:
    void currentChanged();
    void updateTail();
    void updateButtons();
    void openLog();

    JobListModel *m_model;
    QTreeView *m_view;
    QPushButton *m_cancel;
    QPushButton *m_openLog;
    QPushButton *m_details;
    QPlainTextEdit *m_tail;
};

#pragma once

#include "project.h"

#include <QDialog>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

// Project settings, on three tabs. Scripts: the interpreter for each script
// extension and how many runs may execute at once. Target: where the Run
// button runs scripts, this machine or a Slurm cluster, with the sbatch
// options people set (partition, time limit, CPUs, memory, GPUs, more
// options, set-up lines run on the node). History: where the run history is
// kept (the project's own file, or a team's PostgreSQL server with a shared
// folder for the run folders), when a run whose owner fell silent counts as
// Lost, and who the project is (its id) and where its history last saw it.
// Written to .runbench/project.ini on OK.
class ProjectSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProjectSettingsDialog(const Project &project, QWidget *parent = nullptr);

    void accept() override;
    // Where the run history last saw the project before (see
    // RunHistoryLoader::projectSeen), shown beside the project's id.
    void setLastSeen(const QString &root, const QString &host);

private:
    void addRow(const QString &extension, const QString &command);
    QWidget *targetPage(const Project &project);

    Project m_project;
    QTableWidget *m_interpreters;
    QSpinBox *m_maxParallel;
    QLineEdit *m_server;
    QLineEdit *m_artifactRoot;
    QSpinBox *m_lostAfter;
    QLabel *m_lastSeen;
    QLabel *m_error;
    QComboBox *m_target;
    QGroupBox *m_slurm;
    QLineEdit *m_partition;
    QLineEdit *m_timeLimit;
    QSpinBox *m_cpus;
    QLineEdit *m_memory;
    QLineEdit *m_gres;
    QPlainTextEdit *m_sbatchOptions;
    QPlainTextEdit *m_setupLines;
};

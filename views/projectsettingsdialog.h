#pragma once

#include "project.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

// Project settings: the interpreter for each script extension, how many
// runs may execute at once, and where the run history is kept (the project's
// own file, or a team's PostgreSQL server with a shared folder for the run
// folders), when a run whose owner fell silent counts as Lost; and who the
// project is (its id) and where its history last saw it. Written to
// .runbench/project.ini on OK.
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

    Project m_project;
    QTableWidget *m_interpreters;
    QSpinBox *m_maxParallel;
    QLineEdit *m_server;
    QLineEdit *m_artifactRoot;
    QSpinBox *m_lostAfter;
    QLabel *m_lastSeen;
    QLabel *m_error;
};

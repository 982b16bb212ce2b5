#pragma once

#include "project.h"

#include <QDialog>

class QSpinBox;
class QTableWidget;

// Project settings: the interpreter for each script extension and how many
// runs may execute at once. Written to .runbench/project.ini on OK.
class ProjectSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProjectSettingsDialog(const Project &project, QWidget *parent = nullptr);

    void accept() override;

private:
    void addRow(const QString &extension, const QString &command);

    Project m_project;
    QTableWidget *m_interpreters;
    QSpinBox *m_maxParallel;
};

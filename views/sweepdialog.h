#pragma once

#include "sweepspec.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

// Project → Sweep…: a script's arguments with value sets ({0.01,0.1,1},
// {1..5}, {0.001..1:7:log}), random draws with a seed, repeats and how many
// run at once. Every child's arguments are listed before anything starts.
class SweepDialog : public QDialog
{
    Q_OBJECT

public:
    SweepDialog(const QString &script, const QString &arguments, int parallel, QWidget *parent = nullptr);

    QString script() const { return m_script; }
    QStringList arguments() const; // as typed, with the value sets
    SweepSpec::Options options() const;
    int parallel() const;
    // What would start now: the children, or an error.
    const SweepSpec::Plan &plan() const { return m_plan; }
    QTableWidget *preview() const { return m_preview; }
    static int previewLimit() { return 1000; } // rows listed; the count says the rest

private:
    void refresh();

    QString m_script;
    QLineEdit *m_arguments;
    QSpinBox *m_random;
    QSpinBox *m_seed;
    QSpinBox *m_repeat;
    QSpinBox *m_parallel;
    QLabel *m_count;
    QTableWidget *m_preview;
    QDialogButtonBox *m_buttons;
    SweepSpec::Plan m_plan;
};

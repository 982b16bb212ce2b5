#pragma once

#include <QDialog>
#include <QMap>
#include <QStringList>

class QListWidget;
class QListWidgetItem;
class RunModel;

// "Customize list view": every run field and every logged name with a check
// box; the checked ones, in the list's order, are the grid's columns. A name
// logged many times shows as its last, min, max or mean value.
class CustomizeColumnsDialog : public QDialog
{
    Q_OBJECT

public:
    CustomizeColumnsDialog(const RunModel *model, const QStringList &visibleColumnIds, QWidget *parent = nullptr);

    QStringList visibleColumnIds() const; // in order
    QMap<QString, int> aggregates() const; // metric key → RunModel::Aggregate

    QListWidget *list() const { return m_list; }

private:
    void move(int delta);

    const RunModel *m_model;
    QListWidget *m_list;
};

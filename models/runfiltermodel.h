#pragma once

#include "runfilter.h"

#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

class RunModel;

// Which runs the dashboard shows: one script or all, the filter box's
// expression, hidden runs out unless asked for, and the ranges brushed on the
// parallel coordinates' axes. Its rows keep the RunModel's order (new runs
// come last); the grid's order is a RunSortModel over it.
class RunFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RunFilterModel(RunModel *model, QObject *parent = nullptr);

    void setScript(const QString &script); // "" for all scripts
    QString script() const { return m_script; }
    // Returns false, keeping the previous filter, when the text does not parse.
    bool setFilterText(const QString &text);
    QString filterError() const { return m_filterError; }
    void setShowHidden(bool show);

    // A range brushed on one name's axis: runs whose value lies outside it
    // (or that have none) are left out. Text values match by membership.
    struct Brush
    {
        double low = 0;
        double high = 0;
        QSet<QString> texts; // non-empty: the text values kept
        bool operator==(const Brush &o) const { return low == o.low && high == o.high && texts == o.texts; }
    };
    void setBrush(const QString &key, const Brush &brush);
    void clearBrush(const QString &key);
    void clearBrushes();
    QHash<QString, Brush> brushes() const { return m_brushes; }
    // For the charts that draw the runs the brushes leave out in grey:
    // whether the script, filter and hidden choices keep a run, brushes aside,
    // and whether the brushes keep it.
    bool acceptsIgnoringBrushes(int sourceRow) const;
    bool passesBrushes(int sourceRow) const;
    // True while rows come and go because a brush moved (those charts keep
    // drawing every run, and need not read them again).
    bool isChangingBrushes() const { return m_changingBrushes; }

Q_SIGNALS:
    void brushesChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void brushesMoved();

    RunModel *m_model;
    QString m_script;
    RunFilter m_filter;
    QString m_filterError;
    bool m_showHidden = false;
    QHash<QString, Brush> m_brushes;
    bool m_changingBrushes = false;
};

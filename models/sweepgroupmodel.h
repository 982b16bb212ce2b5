#pragma once

#include "project.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QStringList>
#include <QVector>

#include <optional>

class QAbstractProxyModel;
class RunModel;

// The dashboard's grid grouped by sweep: the runs the filter shows, in its
// order, with every run that has a parent (a sweep's children, MLflow's
// nested runs) under that parent. A parent row shows, for each logged
// metric, the best, mean and standard deviation across its children shown;
// when a sweep repeated its combinations, the children of one combination
// sit under a row of their own with the same figures across the repeats.
// A parent the filter leaves out still holds the children it keeps, at the
// place of the first of them. Same columns as the RunModel.
class SweepGroupModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        StatsTextRole = Qt::UserRole + 100, // "best …, mean …, standard deviation …"
        NodeKeyRole, // stays the same across rebuilds: the view keeps rows expanded by it
    };

    struct Stats
    {
        int count = 0;
        double best = 0;
        double mean = 0;
        double std = 0; // the sample standard deviation (0 for one value)
    };
    // Of the finite values among values.
    static Stats statsOf(const QVector<double> &values, bool lowerIsBetter);

    SweepGroupModel(RunModel *model, QAbstractProxyModel *shown, QObject *parent = nullptr);

    // Where "lower is better" choices for best are kept.
    void setProject(const Project &project);
    // Follows the filter only while active (the grid is grouped); becoming
    // active reads every run shown once.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A group row's figures for a metric; nullopt on a run without children
    // or for a name no child logged as a number.
    std::optional<Stats> stats(const QModelIndex &index, const QString &key) const;
    QModelIndex indexOfRun(const QString &runId) const;
    // A parent's children shown, best first by key's value (the project's
    // choice of lower or higher is better), at most n.
    QStringList bestChildren(const QString &parentRunId, const QString &key, int n) const;

private:
    struct Node
    {
        int parent = -1;
        int sourceRow = -1; // the RunModel's row; -1 for a combination of repeats
        QString label; // a combination's arguments
        QVector<int> children; // node indexes
        QVector<int> runs; // every run below, at any depth (source rows)
        QHash<QString, Stats> stats;
    };
    void scheduleRebuild();
    void rebuild();
    void readNodes(); // inside a reset
    void computeStats();
    int nodeOf(const QModelIndex &index) const { return index.isValid() ? int(index.internalId()) : -1; }
    const QVector<int> &childrenOf(int node) const { return node < 0 ? m_roots : m_nodes.at(node).children; }
    bool lowerIsBetter(const QString &key) const;

    RunModel *m_model;
    QAbstractProxyModel *m_shown;
    Project m_project;
    QVector<Node> m_nodes;
    QVector<int> m_roots;
    QHash<QString, int> m_nodeOfRun; // run id → node
    mutable QHash<QString, bool> m_lowerIsBetter;
    bool m_active = false;
    bool m_rebuildPending = false;
};

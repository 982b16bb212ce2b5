#include "rundashboard.h"

#include "customizecolumnsdialog.h"
#include "dashboardseries.h"
#include "guiturn.h"
#include "historyformat.h"
#include "icons.h"
#include "metricchart.h"
#include "parallelcoordinates.h"
#include "parameterscatter.h"
#include "runfiltermodel.h"
#include "runmodel.h"
#include "runsortmodel.h"
#include "sweepgroupmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QElapsedTimer>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>
#include <functional>
#include <utility>

namespace {

// Paints the row of the run under the mouse in a chart, and each run's
// status with its icon.
class HoverDelegate : public QStyledItemDelegate
{
public:
    HoverDelegate(const QString *hovered, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_hovered(hovered)
    { }
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        static const QString status = QStringLiteral("field:status");
        const QVariant statusOfRun = index.data(RunModel::StatusRole);
        if (statusOfRun.isValid() && index.data(RunModel::ColumnIdRole).toString() == status) {
            option->icon = Icons::forStatus(statusOfRun.toInt());
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
    }
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (!m_hovered->isEmpty() && index.data(RunModel::RunIdRole).toString() == *m_hovered)
            painter->fillRect(option.rect, QColor(255, 140, 0, 70));
        QStyledItemDelegate::paint(painter, option, index);
    }

private:
    const QString *m_hovered;
};

const auto kColumnsKey = QStringLiteral("dashboard/columns");
const auto kAggregatesKey = QStringLiteral("dashboard/aggregates");
const auto kGroupedKey = QStringLiteral("dashboard/grouped");

} // namespace

RunDashboard::RunDashboard(RunModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new RunFilterModel(model, this))
    , m_sorted(new RunSortModel(model, m_proxy, this))
    , m_script(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_filterError(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_showHidden(new QCheckBox(tr("Show hidden"), this))
    , m_customize(new QPushButton(tr("Customize…"), this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_compare(new QPushButton(tr("Compare"), this))
    , m_group(new QCheckBox(tr("Group by sweep"), this))
    , m_chartTabs(new QTabWidget(this))
    , m_parallel(new ParallelCoordinates(model, m_proxy, this))
    , m_scatter(new ParameterScatter(model, m_proxy, this))
    , m_grids(new QStackedWidget(this))
    , m_groupedGrid(new QTreeView(this))
    , m_groups(new SweepGroupModel(model, m_sorted, this))
    , m_chartArea(new QWidget(this))
    , m_chartGrid(new QGridLayout(m_chartArea))
    , m_grid(new QTableView(this))
    , m_rebuild(new QTimer(this))
    , m_series(new DashboardSeries(model, m_proxy, this))
{
    m_chartKeysChanged = true;
    const QStringList initial = m_series->keys();
    m_dirtySeries = QSet<QString>(initial.cbegin(), initial.cend());
    m_script->setObjectName(QStringLiteral("dashboardScript"));
    m_script->addItem(tr("All scripts"), QString());
    connect(m_script, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { m_proxy->setScript(m_script->currentData().toString()); });
    m_filter->setObjectName(QStringLiteral("dashboardFilter"));
    m_filter->setPlaceholderText(tr("Filter: Accuracy > 0.65 status:Completed script:iris text"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("All terms must hold. NAME > 0.5 (also >=, <, <=, =, !=; names with spaces in "
                            "quotes), status:Completed, script:NAME, name:TEXT, run>=3, duration<10 (seconds), "
                            "exit=0, or any text."));
    connect(m_filter, &QLineEdit::textChanged, this, &RunDashboard::setFilterText);
    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_filterError->setWordWrap(true);
    m_filterError->hide();
    connect(m_showHidden, &QCheckBox::toggled, m_proxy, &RunFilterModel::setShowHidden);
    m_customize->setObjectName(QStringLiteral("customizeColumns"));
    m_customize->setIcon(Icons::icon(Icons::Columns));
    m_export->setIcon(Icons::icon(Icons::Export));
    m_compare->setIcon(Icons::icon(Icons::Compare));
    connect(m_customize, &QPushButton::clicked, this, &RunDashboard::customize);
    m_export->setObjectName(QStringLiteral("exportCsv"));
    connect(m_export, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Export runs"), QStringLiteral("runs.csv"), tr("CSV files (*.csv)"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { exportCsv(path); });
        dialog->open();
    });
    m_compare->setObjectName(QStringLiteral("compareRuns"));
    m_compare->setEnabled(false);
    m_compare->setToolTip(tr("Select two runs or more in the grid"));
    connect(m_compare, &QPushButton::clicked, this, [this] { Q_EMIT compareRequested(selectedRunIds()); });

    m_grid->setObjectName(QStringLiteral("runGrid"));
    m_grid->setModel(m_sorted);
    m_grid->setSortingEnabled(true);
    m_grid->sortByColumn(RunModel::NumberField, Qt::DescendingOrder);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setWordWrap(false);
    m_grid->setItemDelegate(new HoverDelegate(&m_hovered, m_grid));
    m_grid->verticalHeader()->hide();
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // never measures rows
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 8);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_grid->horizontalHeader()->setSectionsMovable(true);
    m_grid->horizontalHeader()->setHighlightSections(false);
    connect(m_grid, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { Q_EMIT detailsRequested(index.data(RunModel::RunIdRole).toString()); });
    const auto selectionChanged = [this] {
        m_compare->setEnabled(selectedRunIds().size() >= 2);
        hovered(m_hovered);
    };
    connect(m_grid->selectionModel(), &QItemSelectionModel::selectionChanged, this, selectionChanged);

    // Grouped by sweep: the same columns, a sweep's runs under their parent.
    m_group->setObjectName(QStringLiteral("groupBySweep"));
    m_group->setToolTip(tr("Show a sweep as one row with the best, mean and standard deviation of each metric "
                           "across its runs; open it for the runs."));
    m_groupedGrid->setObjectName(QStringLiteral("groupedGrid"));
    m_groupedGrid->setModel(m_groups);
    m_groupedGrid->setUniformRowHeights(true);
    m_groupedGrid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_groupedGrid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_groupedGrid->setItemDelegate(new HoverDelegate(&m_hovered, m_groupedGrid));
    m_groupedGrid->setContextMenuPolicy(Qt::CustomContextMenu);
    m_groupedGrid->header()->setSectionsMovable(false); // the flat grid's order
    m_groupedGrid->header()->setStretchLastSection(false);
    connect(m_groupedGrid, &QTreeView::customContextMenuRequested, this, &RunDashboard::groupedMenu);
    // a click on a column sorts, as in the flat grid (whose proxy both follow)
    m_groupedGrid->header()->setSectionsClickable(true);
    m_groupedGrid->header()->setSortIndicatorShown(true);
    connect(m_groupedGrid->header(), &QHeaderView::sectionClicked, this, [this](int column) {
        const QHeaderView *flat = m_grid->horizontalHeader();
        const Qt::SortOrder order = flat->sortIndicatorSection() == column && flat->sortIndicatorOrder() == Qt::DescendingOrder
            ? Qt::AscendingOrder
            : Qt::DescendingOrder;
        m_grid->sortByColumn(column, order);
        m_groupedGrid->header()->setSortIndicator(column, order);
    });
    connect(m_groupedGrid, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString runId = index.data(RunModel::RunIdRole).toString();
        if (!runId.isEmpty() && !m_groupedGrid->model()->hasChildren(index.siblingAtColumn(0)))
            Q_EMIT detailsRequested(runId);
    });
    connect(m_groupedGrid->selectionModel(), &QItemSelectionModel::selectionChanged, this, selectionChanged);
    connect(m_groupedGrid, &QTreeView::expanded, this,
            [this](const QModelIndex &index) { m_expanded.insert(index.data(SweepGroupModel::NodeKeyRole).toString()); });
    connect(m_groupedGrid, &QTreeView::collapsed, this,
            [this](const QModelIndex &index) { m_expanded.remove(index.data(SweepGroupModel::NodeKeyRole).toString()); });
    connect(m_groups, &QAbstractItemModel::modelReset, this, [this] {
        // rows come back open as they were
        const QSet<QString> open = m_expanded;
        std::function<void(const QModelIndex &)> expand = [&](const QModelIndex &under) {
            for (int r = 0; r < m_groups->rowCount(under); ++r) {
                const QModelIndex index = m_groups->index(r, 0, under);
                if (open.contains(index.data(SweepGroupModel::NodeKeyRole).toString())) {
                    m_groupedGrid->expand(index);
                    expand(index);
                }
            }
        };
        expand(QModelIndex());
        syncGroupedColumns();
    });
    connect(m_group, &QCheckBox::toggled, this, [this](bool on) {
        setGroupedBySweep(on);
        if (m_project.isValid())
            QSettings(m_project.workbenchSettingsPath(), QSettings::IniFormat).setValue(kGroupedKey, on);
    });
    m_grids->addWidget(m_grid);
    m_grids->addWidget(m_groupedGrid);

    connect(m_parallel, &ParallelCoordinates::runHovered, this, &RunDashboard::hovered);
    connect(m_parallel, &ParallelCoordinates::runClicked, this, &RunDashboard::detailsRequested);
    connect(m_scatter, &ParameterScatter::runHovered, this, &RunDashboard::hovered);
    connect(m_scatter, &ParameterScatter::runClicked, this, &RunDashboard::detailsRequested);

    // Many changes within 30 ms become one redraw (100 ms while a history's
    // pages are still coming: each redraw of a million-run chart costs the
    // same however few runs came). The first change starts the wait and
    // later ones join it, without starting it again: pages of runs arriving
    // every few milliseconds would otherwise hold the charts back until the
    // last one.
    m_rebuild->setSingleShot(true);
    connect(m_rebuild, &QTimer::timeout, this, &RunDashboard::rebuildCharts);
    const auto rebuildSoon = [this] {
        if (!m_rebuild->isActive())
            m_rebuild->start(m_model->isFilling() ? 100 : 30);
    };
    // The series are kept by the model layer, a run at a time; the charts
    // redraw only the series that moved.
    connect(m_series, &DashboardSeries::keysChanged, this, [this, rebuildSoon] {
        m_chartKeysChanged = true;
        rebuildSoon();
    });
    connect(m_series, &DashboardSeries::seriesChanged, this, [this, rebuildSoon](const QStringList &keys) {
        for (const QString &key : keys)
            m_dirtySeries.insert(key);
        rebuildSoon();
    });
    connect(m_model, &RunModel::metricKeysChanged, this, [this] {
        updateScripts();
        if (!m_columnsLoaded)
            loadColumns();
        else
            applyColumns(visibleColumnIds()); // new names stay hidden until chosen
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_columnsLoaded = false;
        loadColumns();
        updateScripts();
        sizeColumns();
    });
    // only the new runs: a page of a million-run history must not read them all
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { updateScripts(first, last); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_script);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_showHidden);
    bar->addWidget(m_group);
    bar->addWidget(m_customize);
    bar->addWidget(m_export);
    bar->addWidget(m_compare);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_chartArea);
    scroll->setFrameShape(QFrame::NoFrame);
    m_chartTabs->setObjectName(QStringLiteral("chartTabs"));
    m_chartTabs->setDocumentMode(true);
    m_chartTabs->addTab(scroll, tr("Charts"));
    m_chartTabs->addTab(m_parallel, tr("Parallel coordinates"));
    m_chartTabs->addTab(m_scatter, tr("Scatter"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("dashboardSplitter"));
    splitter->addWidget(m_chartTabs);
    splitter->addWidget(m_grids);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 480, 300 });
    m_chartTabs->setMinimumHeight(240);
    m_content = splitter;
    m_empty->setObjectName(QStringLiteral("dashboardEmpty"));
    m_empty->setText(tr("No runs yet. Choose a script on the Project page and press Run (Ctrl+R): every run "
                        "shows here as it starts, with a chart for each value it logs."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(24);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    // over the grids, so that nothing above them moves
    for (QAbstractItemView *view : std::initializer_list<QAbstractItemView *> { m_grid, m_groupedGrid }) {
        auto *noMatch = new QLabel(tr("No run matches the filter and the script chosen above."), view->viewport());
        noMatch->setObjectName(QStringLiteral("dashboardNoMatch"));
        noMatch->setForegroundRole(QPalette::PlaceholderText);
        noMatch->hide();
        auto *center = new QVBoxLayout(view->viewport());
        center->addWidget(noMatch, 0, Qt::AlignCenter);
        m_noMatch.append(noMatch);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_filterError);
    layout->addWidget(m_empty, 1);
    layout->addWidget(splitter, 1);
    for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *> { m_model, m_sorted }) {
        connect(m, &QAbstractItemModel::rowsInserted, this, &RunDashboard::updateEmptyState);
        connect(m, &QAbstractItemModel::rowsRemoved, this, &RunDashboard::updateEmptyState);
        connect(m, &QAbstractItemModel::modelReset, this, &RunDashboard::updateEmptyState);
    }
    connect(m_sorted, &QAbstractItemModel::layoutChanged, this, &RunDashboard::updateEmptyState);
    updateEmptyState();
}

// No runs at all: say how to make one, in place of empty charts and grid.
// Runs that the filter hides: say so in the empty grid.
void RunDashboard::updateEmptyState()
{
    const bool noRuns = m_model->rowCount() == 0;
    m_content->setVisible(!noRuns);
    m_empty->setVisible(noRuns);
    for (QLabel *noMatch : std::as_const(m_noMatch))
        noMatch->setVisible(!noRuns && m_sorted->rowCount() == 0);
}

void RunDashboard::setProject(const Project &project)
{
    m_project = project;
    m_columnsLoaded = false;
    loadColumns();
    m_groups->setProject(project);
    m_parallel->setProject(project);
    m_scatter->setProject(project);
    m_expanded.clear();
    const bool grouped = project.isValid()
        && QSettings(project.workbenchSettingsPath(), QSettings::IniFormat).value(kGroupedKey).toBool();
    setGroupedBySweep(grouped);
}

void RunDashboard::setGroupedBySweep(bool grouped)
{
    if (m_group->isChecked() != grouped) {
        m_group->setChecked(grouped); // comes back here through toggled
        return;
    }
    m_groups->setActive(grouped);
    m_grids->setCurrentWidget(grouped ? static_cast<QWidget *>(m_groupedGrid) : m_grid);
    syncGroupedColumns();
    m_compare->setEnabled(selectedRunIds().size() >= 2);
}

bool RunDashboard::isGroupedBySweep() const { return m_group->isChecked(); }

// The grouped grid shows the flat grid's columns, in its order and widths.
void RunDashboard::syncGroupedColumns()
{
    if (!m_groups->isActive())
        return;
    QHeaderView *flat = m_grid->horizontalHeader();
    QHeaderView *tree = m_groupedGrid->header();
    tree->setSortIndicator(flat->sortIndicatorSection(), flat->sortIndicatorOrder());
    for (int visual = 0; visual < flat->count(); ++visual) {
        const int logical = flat->logicalIndex(visual);
        if (logical >= tree->count())
            continue;
        tree->setSectionHidden(logical, flat->isSectionHidden(logical));
        tree->moveSection(tree->visualIndex(logical), visual);
        int width = qMax(flat->sectionSize(logical), logical == RunModel::NumberField ? 90 : 0);
        // a sweep's figures are longer than one run's value: measured on a sample of rows
        for (int r = 0; r < qMin(50, m_groups->rowCount()) && logical >= RunModel::FieldCount; ++r) {
            const QString text = m_groups->index(r, logical).data().toString();
            width = qMax(width, qMin(320, m_groupedGrid->fontMetrics().horizontalAdvance(text) + 16));
        }
        tree->resizeSection(logical, width);
    }
}

QString RunDashboard::currentRunId() const
{
    const QModelIndex current = isGroupedBySweep() ? m_groupedGrid->currentIndex() : m_grid->currentIndex();
    return current.isValid() ? current.data(RunModel::RunIdRole).toString() : QString();
}

// On a sweep's row: compare its best children by a metric, in one click.
void RunDashboard::groupedMenu(const QPoint &pos)
{
    const QModelIndex index = m_groupedGrid->indexAt(pos).siblingAtColumn(0);
    const QString runId = index.data(RunModel::RunIdRole).toString();
    if (runId.isEmpty() || !m_groups->hasChildren(index))
        return;
    QMenu menu(this);
    QMenu *best = menu.addMenu(tr("Compare the best 5 runs by"));
    QMenu *bestTen = menu.addMenu(tr("Compare the best 10 runs by"));
    for (const QString &key : m_model->metricKeys()) {
        if (m_model->keyRole(key) != ValueRole::Metric || !m_groups->stats(index, key))
            continue;
        for (auto [submenu, n] : { qMakePair(best, 5), qMakePair(bestTen, 10) }) {
            connect(submenu->addAction(key), &QAction::triggered, this, [this, runId, key, n = n] {
                Q_EMIT compareRequested(m_groups->bestChildren(runId, key, n));
            });
        }
    }
    best->setEnabled(!best->isEmpty());
    bestTen->setEnabled(!bestTen->isEmpty());
    connect(menu.addAction(tr("Details of the sweep")), &QAction::triggered, this,
            [this, runId] { Q_EMIT detailsRequested(runId); });
    menu.exec(m_groupedGrid->viewport()->mapToGlobal(pos));
}

void RunDashboard::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    if (m_proxy->setFilterText(text)) {
        m_filterError->hide();
        m_filterError->clear();
    } else {
        m_filterError->setText(m_proxy->filterError());
        m_filterError->show();
    }
}

QString RunDashboard::filterError() const { return m_filterError->isVisible() ? m_filterError->text() : QString(); }

void RunDashboard::updateScripts(int first, int last)
{
    if (last < 0)
        last = m_model->rowCount() - 1;
    QStringList scripts;
    for (int r = first; r <= last; ++r)
        if (!scripts.contains(m_model->run(r).script))
            scripts.append(m_model->run(r).script);
    for (const QString &s : std::as_const(scripts)) {
        if (m_script->findData(s) >= 0)
            continue;
        int at = 1; // after "All scripts", in order
        while (at < m_script->count() && m_script->itemData(at).toString() < s)
            ++at;
        m_script->insertItem(at, s, s);
    }
}

MetricChart *RunDashboard::chart(const QString &key) const
{
    for (MetricChart *c : m_charts)
        if (c->property("metricKey").toString() == key)
            return c;
    return nullptr;
}

// One chart per logged number (with the grid's aggregate) and the duration,
// showing the series DashboardSeries keeps; only the series that moved are
// handed to their charts again.
namespace {
constexpr int kRebuildBudgetMs = 12;
} // namespace

void RunDashboard::rebuildCharts()
{
    if (!GuiTurn::take(this)) {
        m_rebuild->start(0); // in the next pass
        return;
    }
    const QStringList keys = m_series->keys();
    bool changedLayout = false;
    if (m_chartKeysChanged) {
        m_chartKeysChanged = false;
        for (const QString &key : keys) {
            if (chart(key))
                continue;
            auto *c = new MetricChart(m_chartArea);
            c->setProperty("metricKey", key);
            c->setTooltipProvider([this, c](const MetricChart::Point &p) {
                if (p.run < 0 || p.run >= m_model->rowCount())
                    return QString();
                const RunRecord &run = m_model->run(p.run);
                return tr("Run %1 — %2\n%3: %4\nArguments: %5\n%6")
                    .arg(run.number)
                    .arg(run.runId, c->title(), HistoryFormat::number(p.y), run.arguments.join(QLatin1Char(' ')),
                         runStatusText(run.status));
            });
            // a point's run is its row in the model
            c->setRunIds(
                [this](int row) { return row >= 0 && row < m_model->rowCount() ? m_model->run(row).runId : QString(); },
                [this](const QString &runId) { return m_model->rowOfRunId(runId); });
            c->setObjectName(key.isEmpty() ? QStringLiteral("chart:duration") : QStringLiteral("chart:") + key);
            connect(c, &MetricChart::pointsWanted, this, [this, key] {
                m_wholeSeries.insert(key);
                m_dirtySeries.insert(key);
                if (!m_rebuild->isActive())
                    m_rebuild->start(0);
            });
            connect(c, &MetricChart::pointHovered, this, &RunDashboard::hovered);
            connect(c, &MetricChart::pointClicked, this, &RunDashboard::detailsRequested);
            m_charts.append(c);
            m_dirtySeries.insert(key);
            changedLayout = true;
        }
        // duration last, the rest in the order the values appeared
        std::stable_sort(m_charts.begin(), m_charts.end(), [&keys](MetricChart *a, MetricChart *b) {
            return keys.indexOf(a->property("metricKey").toString())
                < keys.indexOf(b->property("metricKey").toString());
        });
    }
    // A few charts at a time: the window's thread stays free for input and
    // for the next page of runs; the rest follow at once, after them.
    QElapsedTimer budget;
    budget.start();
    // and from where the last call stopped, so that every chart has its turn
    // while pages keep coming
    for (int i = 0; i < m_charts.size(); ++i) {
        const int at = (m_nextChart + i) % int(m_charts.size());
        MetricChart *c = m_charts.at(at);
        const QString key = c->property("metricKey").toString();
        if (!m_dirtySeries.contains(key))
            continue;
        if (budget.elapsed() >= kRebuildBudgetMs) {
            m_nextChart = at;
            m_rebuild->start(0);
            break;
        }
        m_dirtySeries.remove(key);
        const int column = key.isEmpty() ? int(RunModel::DurationField) : m_model->columnOfKey(key);
        c->setTitle(key.isEmpty() ? tr("Duration (s)") : m_model->headerData(column, Qt::Horizontal).toString());
        const DashboardSeries::Change change = m_series->takeChange(key);
        const bool wanted = m_wholeSeries.remove(key); // by the chart, after a summary
        if (change.whole || wanted)
            c->setPoints(m_series->points(key));
        else // a run's new value, new runs: the chart's summary changes in place
            c->updatePoints(m_series->points(key), change.changed, change.appendedFrom);
    }
    if (changedLayout)
        layoutCharts();
}

void RunDashboard::layoutCharts()
{
    const int columns = qBound(1, width() / 380, 3);
    m_chartColumns = columns;
    for (MetricChart *c : std::as_const(m_charts))
        m_chartGrid->removeWidget(c);
    for (int i = 0; i < m_charts.size(); ++i)
        m_chartGrid->addWidget(m_charts.at(i), i / columns, i % columns);
    for (int c = 0; c < 3; ++c)
        m_chartGrid->setColumnStretch(c, c < columns ? 1 : 0);
}

void RunDashboard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (qBound(1, width() / 380, 3) != m_chartColumns)
        layoutCharts();
}

void RunDashboard::hovered(const QString &runId)
{
    m_hovered = runId;
    const QString shown = runId.isEmpty() ? currentRunId() : runId;
    for (MetricChart *c : std::as_const(m_charts))
        c->setHighlightedRun(shown);
    m_parallel->setHighlightedRun(shown);
    m_scatter->setHighlightedRun(shown);
    m_grid->viewport()->update();
    m_groupedGrid->viewport()->update();
    if (runId.isEmpty())
        return;
    if (isGroupedBySweep()) {
        const QModelIndex index = m_groups->indexOfRun(runId);
        if (index.isValid())
            m_groupedGrid->scrollTo(index);
        return;
    }
    const int row = m_model->rowOfRunId(runId);
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_grid->scrollTo(index);
}

QStringList RunDashboard::selectedRunIds() const
{
    QStringList ids;
    const QAbstractItemView *view
        = isGroupedBySweep() ? static_cast<QAbstractItemView *>(m_groupedGrid) : m_grid;
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const QString id = index.data(RunModel::RunIdRole).toString();
        if (!id.isEmpty() && !ids.contains(id)) // a combination of repeats is no run
            ids.append(id);
    }
    return ids;
}

QStringList RunDashboard::defaultColumns() const
{
    // as the product page's table: the logged values, then the run's fields
    // (MLflow's own tags, mlflow.source.name and the like, only when chosen)
    QStringList ids { QStringLiteral("field:run") };
    for (const QString &key : m_model->metricKeys())
        if (!key.startsWith(QLatin1String("mlflow.")))
            ids.append(QStringLiteral("metric:") + key);
    ids << QStringLiteral("field:duration") << QStringLiteral("field:run_id") << QStringLiteral("field:script")
        << QStringLiteral("field:started") << QStringLiteral("field:status");
    return ids;
}

QStringList RunDashboard::visibleColumnIds() const
{
    QHeaderView *header = m_grid->horizontalHeader();
    QStringList ids;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            ids.append(m_model->columnId(logical));
    }
    return ids;
}

void RunDashboard::applyColumns(const QStringList &ids)
{
    QHeaderView *header = m_grid->horizontalHeader();
    for (int c = 0; c < m_model->columnCount(); ++c)
        header->setSectionHidden(c, !ids.contains(m_model->columnId(c)));
    int visual = 0;
    for (const QString &id : ids) {
        const int logical = m_model->columnOfId(id);
        if (logical < 0)
            continue;
        header->moveSection(header->visualIndex(logical), visual++);
    }
}

void RunDashboard::setVisibleColumns(const QStringList &columnIds)
{
    applyColumns(columnIds);
    saveColumns();
    sizeColumns();
    syncGroupedColumns();
}

void RunDashboard::saveColumns() const
{
    if (!m_project.isValid())
        return;
    QSettings ui(m_project.workbenchSettingsPath(), QSettings::IniFormat);
    ui.setValue(kColumnsKey, visibleColumnIds());
    QStringList aggregates;
    for (const QString &key : m_model->metricKeys())
        if (m_model->aggregate(key) != RunModel::Last)
            aggregates.append(key + QLatin1Char('=') + RunModel::aggregateName(m_model->aggregate(key)));
    ui.setValue(kAggregatesKey, aggregates);
}

void RunDashboard::loadColumns()
{
    if (!m_project.isValid())
        return;
    const QSettings ui(m_project.workbenchSettingsPath(), QSettings::IniFormat);
    if (!ui.contains(kColumnsKey)) {
        applyColumns(defaultColumns());
        m_columnsLoaded = m_model->columnCount() > RunModel::FieldCount;
        return;
    }
    const QStringList aggregates = ui.value(kAggregatesKey).toStringList();
    for (const QString &entry : aggregates) {
        const int eq = int(entry.lastIndexOf(QLatin1Char('=')));
        const QString name = entry.mid(eq + 1);
        for (int a = RunModel::Last; a <= RunModel::Mean; ++a)
            if (RunModel::aggregateName(RunModel::Aggregate(a)) == name)
                m_model->setAggregate(entry.left(eq), RunModel::Aggregate(a));
    }
    applyColumns(ui.value(kColumnsKey).toStringList());
    m_columnsLoaded = true;
}

// Widths from the header text and a sample of rows: never every row.
// What ResizeToContents would do, on a sample: the header and the first 50
// rows through the grid's delegate (font, icon, margins), not every run of a
// 100,000-run history. The status column fits its longest state.
void RunDashboard::sizeColumns()
{
    QStyleOptionViewItem option;
    option.initFrom(m_grid);
    option.font = m_grid->font();
    option.fontMetrics = m_grid->fontMetrics();
    const int iconSide = m_grid->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_grid);
    option.decorationSize = QSize(iconSide, iconSide);
    QAbstractItemDelegate *delegate = m_grid->itemDelegate();
    const int rows = qMin(50, m_sorted->rowCount());
    const int room = 8;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        int width = m_grid->horizontalHeader()->sectionSizeHint(c);
        for (int r = 0; r < rows; ++r)
            width = qMax(width, delegate->sizeHint(option, m_sorted->index(r, c)).width() + room);
        if (c == RunModel::StatusField) {
            for (RunStatus s : { RunStatus::Queued, RunStatus::Preparing, RunStatus::Running, RunStatus::Completed,
                                 RunStatus::Failed, RunStatus::Canceled, RunStatus::Lost })
                width = qMax(width, option.fontMetrics.horizontalAdvance(runStatusText(s)) + iconSide + 3 * room);
        }
        m_grid->setColumnWidth(c, qMin(width, 45 * option.fontMetrics.averageCharWidth()));
    }
}

void RunDashboard::customize()
{
    auto *dialog = new CustomizeColumnsDialog(m_model, visibleColumnIds(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QMap<QString, int> aggregates = dialog->aggregates();
        for (auto it = aggregates.cbegin(); it != aggregates.cend(); ++it)
            m_model->setAggregate(it.key(), RunModel::Aggregate(it.value()));
        setVisibleColumns(dialog->visibleColumnIds());
    });
    dialog->open();
}

QString RunDashboard::gridCsv() const
{
    HistoryFormat::Table table;
    QVector<int> columns;
    for (const QString &id : visibleColumnIds()) {
        const int c = m_model->columnOfId(id);
        columns.append(c);
        table.headers.append(m_model->headerData(c, Qt::Horizontal).toString());
    }
    for (int r = 0; r < m_sorted->rowCount(); ++r) {
        QStringList row;
        const RunRecord &run = m_model->run(m_sorted->mapToSource(m_sorted->index(r, 0)).row());
        for (int c : std::as_const(columns)) {
            // as `runbench history list -o csv` writes them
            if (c == RunModel::DurationField) {
                row.append(HistoryFormat::duration(run.durationUs()));
            } else if (c == RunModel::StartField) {
                row.append(HistoryFormat::utcTime(run.startUs));
            } else {
                const QVariant raw = m_sorted->index(r, c).data(RunModel::RawRole);
                row.append(raw.userType() == QMetaType::Double ? HistoryFormat::number(raw.toDouble())
                                                               : m_sorted->index(r, c).data().toString());
            }
        }
        table.rows.append(row);
    }
    return HistoryFormat::toCsv(table);
}

bool RunDashboard::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    const QByteArray bytes = gridCsv().toUtf8();
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

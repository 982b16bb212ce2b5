#include "runcompareview.h"

#include "argumentline.h"
#include "chartcontrols.h"
#include "codeviewer.h"
#include "historyformat.h"
#include "icons.h"
#include "liveseries.h"
#include "metricchart.h"
#include "regularfile.h"
#include "runcomparison.h"
#include "snapshotstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

namespace {
constexpr int kImageWidth = 360;

// Ten distinct colours (matplotlib's), then hues spread around the circle.
QColor runColor(int i)
{
    static const QColor tab10[] = { QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                                    QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75),
                                    QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34),
                                    QColor(23, 190, 207) };
    if (i < 10)
        return tab10[i];
    return QColor::fromHsv(int(i * 137.508) % 360, 170, 200);
}
} // namespace

RunCompareView::RunCompareView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Select two runs or more in the dashboard and press Compare."), this))
    , m_differencesOnly(new QCheckBox(tr("Differences only"), this))
    , m_tabs(new QTabWidget(this))
    , m_chartControls(new ChartControls(this))
    , m_live(new LiveSeries(this))
    , m_values(new QTableWidget(this))
    , m_pinned(new QTableView(m_values))
    , m_chartsArea(new QWidget(this))
    , m_chartsLayout(new QVBoxLayout(m_chartsArea))
    , m_swapWhich(new QComboBox(this))
    , m_swapWith(new QLineEdit(this))
    , m_outputsArea(new QWidget(this))
    , m_outputsGrid(new QGridLayout(m_outputsArea))
    , m_outputsRange(new QLabel(this))
    , m_previousRuns(new QPushButton(tr("‹ Previous runs"), this))
    , m_nextRuns(new QPushButton(tr("Next runs ›"), this))
    , m_code(new CodeViewer(this))
{
    m_title->setObjectName(QStringLiteral("compareTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true); // a long run name wraps rather than widening the window
    m_differencesOnly->setObjectName(QStringLiteral("differencesOnly"));
    connect(m_differencesOnly, &QCheckBox::toggled, this, &RunCompareView::applyDifferencesOnly);
    m_values->setObjectName(QStringLiteral("compareValues"));
    m_values->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_values->verticalHeader()->hide();
    m_values->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_values->horizontalHeader()->setStretchLastSection(true);
    connect(m_values, &QTableWidget::cellDoubleClicked, this, &RunCompareView::toggleDirection);
    // The mark and the names stay in place over the values while the runs
    // scroll sideways: a second view of the same model on top of the first.
    m_pinned->setObjectName(QStringLiteral("comparePinnedNames"));
    m_pinned->setModel(m_values->model());
    m_pinned->setSelectionModel(m_values->selectionModel());
    m_pinned->setFocusPolicy(Qt::NoFocus);
    m_pinned->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pinned->verticalHeader()->hide();
    m_pinned->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_pinned->verticalHeader()->setDefaultSectionSize(m_values->verticalHeader()->defaultSectionSize());
    m_pinned->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_pinned->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pinned->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pinned->setFrameShape(QFrame::NoFrame);
    m_values->viewport()->stackUnder(m_pinned);
    connect(m_pinned->verticalScrollBar(), &QScrollBar::valueChanged, m_values->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_values->verticalScrollBar(), &QScrollBar::valueChanged, m_pinned->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_pinned, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { toggleDirection(index.row(), index.column()); });
    connect(m_values->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
        if (column < 2)
            syncPinned();
    });
    m_values->installEventFilter(this);

    m_outputsRange->setObjectName(QStringLiteral("outputsRange"));
    m_previousRuns->setObjectName(QStringLiteral("previousRuns"));
    m_nextRuns->setObjectName(QStringLiteral("nextRuns"));
    connect(m_previousRuns, &QPushButton::clicked, this, [this] { showOutputPage(m_outputPage - 1); });
    connect(m_nextRuns, &QPushButton::clicked, this, [this] { showOutputPage(m_outputPage + 1); });
    auto *outputsScroll = new QScrollArea(this);
    outputsScroll->setWidgetResizable(true);
    outputsScroll->setWidget(m_outputsArea);
    auto *outputsPage = new QWidget(this);
    auto *pager = new QHBoxLayout;
    pager->addWidget(m_previousRuns);
    pager->addWidget(m_outputsRange, 1, Qt::AlignCenter);
    pager->addWidget(m_nextRuns);
    auto *outputsLayout = new QVBoxLayout(outputsPage);
    outputsLayout->setContentsMargins(0, 0, 0, 0);
    outputsLayout->addLayout(pager);
    outputsLayout->addWidget(outputsScroll, 1);
    m_code->setObjectName(QStringLiteral("compareCode"));
    auto *chartsScroll = new QScrollArea(this);
    chartsScroll->setWidgetResizable(true);
    chartsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the charts take the width there is
    chartsScroll->setWidget(m_chartsArea);
    auto *chartsPage = new QWidget(this);
    auto *chartsPageLayout = new QVBoxLayout(chartsPage);
    chartsPageLayout->setContentsMargins(0, 4, 0, 0);
    chartsPageLayout->addWidget(m_chartControls);
    chartsPageLayout->addWidget(chartsScroll, 1);
    connect(m_live, &LiveSeries::pointsArrived, this,
            [this](const QString &runId, const QString &key, const QVector<MetricPoint> &points) {
                auto *chart = m_chartsArea->findChild<MetricChart *>(QStringLiteral("overlay:") + key);
                const QVariant line = chart ? chart->property(qPrintable(QStringLiteral("line:") + runId)) : QVariant();
                if (line.isValid())
                    chart->appendToLine(line.toInt(), points);
            });
    m_tabs->addTab(m_values, tr("Values"));
    m_tabs->addTab(chartsPage, tr("Series"));
    m_tabs->addTab(outputsPage, tr("Outputs"));
    m_tabs->addTab(m_code, tr("Code"));
    m_swapWhich->setObjectName(QStringLiteral("swapWhich"));
    m_swapWith->setObjectName(QStringLiteral("swapWith"));
    m_swapWith->setPlaceholderText(tr("run number or id"));
    m_swapWith->setMaximumWidth(170);
    auto *swap = new QPushButton(tr("Swap"), this);
    swap->setObjectName(QStringLiteral("swapRun"));
    auto doSwap = [this] {
        if (!m_swapWith->text().trimmed().isEmpty())
            swapRun(m_swapWhich->currentIndex(), m_swapWith->text().trimmed());
    };
    connect(swap, &QPushButton::clicked, this, doSwap);
    connect(m_swapWith, &QLineEdit::returnPressed, this, doSwap);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(new QLabel(tr("Replace"), this));
    bar->addWidget(m_swapWhich);
    bar->addWidget(new QLabel(tr("with"), this));
    bar->addWidget(m_swapWith);
    bar->addWidget(swap);
    bar->addSpacing(12);
    bar->addWidget(m_differencesOnly);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);
}

void RunCompareView::setProject(const Project &project)
{
    m_project = project;
    m_chartControls->setProject(project);
    m_live->stop();
    ++m_generation;
    fill({});
}

QStringList RunCompareView::runIds() const
{
    QStringList ids;
    for (const RunDetails &d : m_runs)
        ids.append(d.run.runId);
    return ids;
}

void RunCompareView::showRuns(const QStringList &runIds)
{
    const int generation = ++m_generation;
    const Project project = m_project;
    m_title->setText(tr("Loading…"));
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation) {
            fill(watcher->result());
            Q_EMIT loaded();
        }
    });
    watcher->setFuture(QtConcurrent::run([project, runIds]() -> Loaded {
        Loaded result;
        const QVector<RunDetails> runs = RunDetails::load(project, runIds, &result.error); // one connection
        for (const RunDetails &d : runs) {
            // images decoded and scaled here, not on the GUI thread
            QHash<QString, QImage> images;
            for (const ArtifactRecord &a : d.artifacts) {
                if (a.isLink())
                    continue; // never followed
                // The format is told from the first bytes; only images are decoded.
                QFile file;
                if (!RegularFile::open(file, d.runDir + QLatin1Char('/') + a.path, RegularFile::Mode::Read))
                    continue;
                QImageReader reader(&file);
                if (!reader.canRead())
                    continue;
                const QImage image = reader.read();
                if (!image.isNull())
                    images.insert(a.path, image.scaledToWidth(kImageWidth, Qt::SmoothTransformation));
            }
            result.images.append(images);
            result.runs.append(d);
            result.runs.last().makeChartSeries();
        }
        // the code: what each later run changed against the first (oldest)
        std::vector<int> order(size_t(result.runs.size()));
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&result](int a, int b) { return result.runs.at(a).run.number < result.runs.at(b).run.number; });
        QVector<RunDetails> sorted;
        QVector<QHash<QString, QImage>> sortedImages;
        for (int i : order) {
            sorted.append(result.runs.at(i));
            sortedImages.append(result.images.at(i));
        }
        result.runs = sorted;
        result.images = sortedImages;
        SnapshotStore snapshots(project);
        if (result.runs.size() >= 2 && snapshots.open(false)) {
            for (int i = 1; i < result.runs.size(); ++i) {
                const RunRecord &a = result.runs.first().run;
                const RunRecord &b = result.runs.at(i).run;
                if (a.commitId.isEmpty() || b.commitId.isEmpty())
                    continue;
                const QString patch = snapshots.diff(a.commitId, b.commitId);
                result.diff += tr("# run %1 → run %2\n").arg(a.number).arg(b.number)
                    + (patch.isEmpty() ? tr("# (the same code)\n") : patch) + QLatin1Char('\n');
            }
        }
        return result;
    }));
}

void RunCompareView::fill(const Loaded &result)
{
    // oldest run first, whatever order they were picked in
    QVector<int> order;
    for (int i = 0; i < result.runs.size(); ++i)
        order.append(i);
    std::sort(order.begin(), order.end(),
              [&result](int a, int b) { return result.runs.at(a).run.number < result.runs.at(b).run.number; });
    m_runs.clear();
    m_images.clear();
    for (int i : std::as_const(order)) {
        m_runs.append(result.runs.at(i));
        m_images.append(result.images.value(i));
    }
    if (!result.error.isEmpty())
        m_title->setText(result.error);
    else if (m_runs.isEmpty())
        m_title->setText(tr("Select two runs or more in the dashboard and press Compare."));
    else if (m_runs.size() <= 4) {
        QStringList names;
        for (const RunDetails &d : std::as_const(m_runs))
            names.append(tr("run %1").arg(d.run.number));
        m_title->setText(tr("Comparing %1").arg(names.join(QStringLiteral(", "))));
    } else {
        m_title->setText(tr("Comparing %1 runs, from run %2 to run %3")
                             .arg(m_runs.size())
                             .arg(m_runs.first().run.number)
                             .arg(m_runs.last().run.number));
    }
    m_outputPage = 0;
    m_swapWhich->clear();
    for (const RunDetails &d : std::as_const(m_runs))
        m_swapWhich->addItem(tr("run %1").arg(d.run.number));
    fillValues();
    fillOutputs();
    fillCharts();
    m_code->showText(result.diff.isEmpty() && m_runs.size() >= 2 ? tr("(no code snapshots to compare)") : result.diff,
                     QStringLiteral("changes.diff"));
}

QString RunCompareView::codeDiff() const { return m_code->toPlainText(); }

void RunCompareView::fillValues()
{
    m_values->clear();
    const int n = int(m_runs.size());
    m_values->setColumnCount(n + 2);
    QStringList headers { QString(), tr("Field") };
    for (const RunDetails &d : std::as_const(m_runs))
        headers.append(tr("Run %1").arg(d.run.number));
    m_values->setHorizontalHeaderLabels(headers);
    const QHash<QString, QString> labels {
        { QStringLiteral("run_id"), tr("Run id") },
        { QStringLiteral("run_number"), tr("Run number") },
        { QStringLiteral("script_name"), tr("Script") },
        { QStringLiteral("arguments"), tr("Arguments") },
        { QStringLiteral("status"), tr("Status") },
        { QStringLiteral("exit_code"), tr("Exit code") },
        { QStringLiteral("duration"), tr("Duration") },
        { QStringLiteral("start_time_utc"), tr("Started") },
        { QStringLiteral("commit_id"), tr("Snapshot") },
        { QStringLiteral("name"), tr("Name") },
        { QStringLiteral("description"), tr("Description") },
        { QStringLiteral("hidden"), tr("Hidden") },
        { QStringLiteral("user_id"), tr("User") },
    };
    const QVector<RunComparison::Row> rows = RunComparison::compare(m_runs, m_project);
    m_values->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const RunComparison::Row &row = rows.at(r);
        auto *mark = new QTableWidgetItem(row.differs ? QStringLiteral("≠") : QString());
        mark->setData(Qt::UserRole, row.differs);
        m_values->setItem(r, 0, mark);
        auto *name = new QTableWidgetItem(row.metric ? row.field : labels.value(row.field, row.field));
        name->setData(Qt::UserRole, row.field);
        if (row.metric && row.role == ValueRole::Metric) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
            name->setToolTip(row.lowerIsBetter ? tr("Best: the lowest. Double-click for the highest.")
                                               : tr("Best: the highest. Double-click for the lowest."));
        } else if (row.metric) {
            name->setText(row.role == ValueRole::Param ? tr("%1 (parameter)").arg(row.field)
                                                       : tr("%1 (tag)").arg(row.field));
            name->setToolTip(row.role == ValueRole::Param ? tr("A parameter the run was given: never ranked.")
                                                          : tr("A tag the run was given: never ranked."));
        }
        m_values->setItem(r, 1, name);
        for (int c = 0; c < row.texts.size(); ++c) {
            // For people: the status in their language, the start in their time.
            QString text = row.texts.at(c);
            if (row.field == QLatin1String("status") && !row.metric)
                text = runStatusText(m_runs.at(c).run.status);
            else if (row.field == QLatin1String("start_time_utc") && !row.metric)
                text = HistoryFormat::localTime(m_runs.at(c).run.startUs);
            else if (row.field == QLatin1String("commit_id") && !row.metric)
                text = text.left(12);
            auto *cell = new QTableWidgetItem(text);
            // amber under the text and green for the best value, in shades
            // that read on a light palette and on a dark one
            if (row.differs)
                cell->setBackground(QColor(255, 193, 7, 80));
            if (row.best.value(c)) {
                QFont bold = cell->font();
                bold.setBold(true);
                cell->setFont(bold);
                cell->setForeground(Icons::isDark(palette()) ? QColor(120, 220, 140) : QColor(0, 110, 40));
                cell->setToolTip(row.lowerIsBetter ? tr("best: the lowest") : tr("best: the highest"));
                cell->setData(Qt::UserRole, true);
            }
            m_values->setItem(r, c + 2, cell);
        }
    }
    m_values->setColumnWidth(0, 28);
    m_values->setColumnWidth(1, 200);
    // a few runs share the width; many scroll past the pinned names
    const int columnWidth = n <= 3 ? 260 : n <= 8 ? 170 : 130;
    for (int c = 0; c < n; ++c)
        m_values->setColumnWidth(c + 2, columnWidth);
    m_values->horizontalHeader()->setStretchLastSection(n <= 3);
    applyDifferencesOnly();
    syncPinned();
}

void RunCompareView::toggleDirection(int row, int column)
{
    QTableWidgetItem *item = m_values->item(row, 1);
    if (column != 1 || !item || !item->font().bold())
        return; // only the logged values have a direction
    setLowerIsBetter(item->text(), !isLowerBetter(item->text()));
}

void RunCompareView::syncPinned()
{
    for (int c = 0; c < m_values->columnCount(); ++c)
        m_pinned->setColumnHidden(c, c >= 2);
    m_pinned->setColumnWidth(0, m_values->columnWidth(0));
    m_pinned->setColumnWidth(1, m_values->columnWidth(1));
    for (int r = 0; r < m_values->rowCount(); ++r)
        m_pinned->setRowHidden(r, m_values->isRowHidden(r));
    const int frame = m_values->frameWidth();
    m_pinned->setGeometry(frame, frame, m_values->columnWidth(0) + m_values->columnWidth(1),
                          m_values->viewport()->height() + m_values->horizontalHeader()->height());
    m_pinned->verticalScrollBar()->setValue(m_values->verticalScrollBar()->value());
}

bool RunCompareView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_values && event->type() == QEvent::Resize)
        syncPinned();
    return QWidget::eventFilter(watched, event);
}

void RunCompareView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_runs.isEmpty())
        fillValues(); // the best values' green for the new palette
}

bool RunCompareView::isLowerBetter(const QString &metric) const
{
    return RunComparison::lowerIsBetter(m_project, metric);
}

void RunCompareView::setLowerIsBetter(const QString &metric, bool lower)
{
    RunComparison::setLowerIsBetter(m_project, metric, lower);
    fillValues();
}

void RunCompareView::swapRun(int index, const QString &runId)
{
    QStringList ids = runIds();
    if (index < 0 || index >= ids.size())
        return;
    ids[index] = runId;
    m_swapWith->clear();
    showRuns(ids);
}

QList<MetricChart *> RunCompareView::seriesCharts() const { return m_chartsArea->findChildren<MetricChart *>(); }

// One chart per value logged more than once, a line per run.
void RunCompareView::fillCharts()
{
    while (QLayoutItem *item = m_chartsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QStringList keys;
    for (const RunDetails &d : std::as_const(m_runs))
        for (const QString &key : d.chartKeys())
            if (!keys.contains(key))
                keys.append(key);
    keys.sort(Qt::CaseInsensitive);
    for (const QString &key : std::as_const(keys)) {
        auto *chart = new MetricChart(m_chartsArea);
        chart->setObjectName(QStringLiteral("overlay:") + key);
        chart->setTitle(key);
        chart->setMinimumHeight(280);
        for (int i = 0; i < m_runs.size(); ++i) {
            const RunDetails &d = m_runs.at(i);
            const std::shared_ptr<SeriesLod> series = d.chartSeries.value(key);
            if (!series)
                continue;
            const int line = chart->addLine(tr("run %1").arg(d.run.number), series, runColor(i),
                                            double(d.run.startUs) / 1e6);
            chart->setProperty(qPrintable(QStringLiteral("line:") + d.run.runId), line);
        }
        m_chartsLayout->addWidget(chart);
    }
    if (keys.isEmpty())
        m_chartsLayout->addWidget(new QLabel(tr("None of these runs logged a value more than once."), m_chartsArea));
    m_chartsLayout->addStretch();
    m_chartControls->setCharts(seriesCharts());
    // runs still going: their lines grow (a value first charted later waits for the next opening)
    QVector<RunRecord> running;
    QHash<QString, QHash<QString, qint64>> lastSteps;
    for (const RunDetails &d : std::as_const(m_runs)) {
        running.append(d.run);
        lastSteps.insert(d.run.runId, d.lastSteps());
    }
    m_live->follow(m_project, running, lastSteps);
}

void RunCompareView::setDifferencesOnly(bool on) { m_differencesOnly->setChecked(on); }

void RunCompareView::applyDifferencesOnly()
{
    for (int r = 0; r < m_values->rowCount(); ++r)
        m_values->setRowHidden(r, m_differencesOnly->isChecked() && !m_values->item(r, 0)->data(Qt::UserRole).toBool());
    syncPinned();
}

void RunCompareView::showOutputPage(int page)
{
    const int pages = qMax(1, (int(m_runs.size()) + runsPerOutputPage() - 1) / runsPerOutputPage());
    m_outputPage = qBound(0, page, pages - 1);
    fillOutputs();
}

void RunCompareView::fillOutputs()
{
    while (QLayoutItem *item = m_outputsGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // a page of runs side by side; the files of every run compared are rows
    const int first = m_outputPage * runsPerOutputPage();
    const int last = qMin(int(m_runs.size()), first + runsPerOutputPage()); // one past
    m_outputsRange->setText(m_runs.size() <= runsPerOutputPage()
                                ? QString()
                                : tr("Runs %1–%2 of %3").arg(first + 1).arg(last).arg(m_runs.size()));
    m_previousRuns->setVisible(m_runs.size() > runsPerOutputPage());
    m_nextRuns->setVisible(m_runs.size() > runsPerOutputPage());
    m_previousRuns->setEnabled(first > 0);
    m_nextRuns->setEnabled(last < m_runs.size());
    QStringList names;
    for (const RunDetails &d : std::as_const(m_runs))
        for (const ArtifactRecord &a : d.artifacts)
            if (!names.contains(a.path))
                names.append(a.path);
    names.sort();
    // one width for every image, so that all are at the same scale and fit
    const int columns = qMax(1, last - first);
    const int width = qBound(160, (m_tabs->width() - 240) / columns - 12, kImageWidth);
    for (int c = first; c < last; ++c) {
        auto *header = new QLabel(tr("Run %1").arg(m_runs.at(c).run.number), m_outputsArea);
        header->setAlignment(Qt::AlignCenter);
        m_outputsGrid->addWidget(header, 0, c - first + 1);
    }
    int row = 1;
    for (const QString &name : std::as_const(names)) {
        m_outputsGrid->addWidget(new QLabel(name, m_outputsArea), row, 0, Qt::AlignTop);
        for (int c = first; c < last; ++c) {
            const RunDetails &d = m_runs.at(c);
            const QString path = d.runDir + QLatin1Char('/') + name;
            auto *cell = new QLabel(m_outputsArea);
            cell->setObjectName(QStringLiteral("output:%1:%2").arg(c).arg(name));
            cell->setAlignment(Qt::AlignCenter);
            const auto artifact = std::find_if(d.artifacts.cbegin(), d.artifacts.cend(),
                                               [&name](const ArtifactRecord &a) { return a.path == name; });
            const QImage image = m_images.value(c).value(name);
            if (artifact == d.artifacts.cend())
                cell->setText(tr("(not written by this run)"));
            else if (artifact->isLink())
                cell->setText(tr("link → %1").arg(artifact->linkTarget));
            else if (!image.isNull())
                cell->setPixmap(QPixmap::fromImage(
                    image.width() > width ? image.scaledToWidth(width, Qt::SmoothTransformation) : image));
            else if (!QFileInfo::exists(path))
                cell->setText(tr("(missing from the run folder)"));
            else
                cell->setText(QLocale().formattedDataSize(QFileInfo(path).size()));
            m_outputsGrid->addWidget(cell, row, c - first + 1);
        }
        ++row;
    }
    m_outputsGrid->setRowStretch(row, 1);
}

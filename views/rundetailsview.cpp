#include "rundetailsview.h"

#include "argumentline.h"
#include "artifactfiles.h"
#include "chartcontrols.h"
#include "codeviewer.h"
#include "historyformat.h"
#include "icons.h"
#include "liveseries.h"
#include "metricchart.h"
#include "runhistoryloader.h"
#include "snapshotstore.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <utility>

namespace {

bool isImage(const QString &path)
{
    static const QStringList images { QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                      QStringLiteral("gif"), QStringLiteral("bmp"), QStringLiteral("svg") };
    return images.contains(QFileInfo(path).suffix().toLower());
}

bool isText(const QString &path)
{
    static const QStringList texts { QStringLiteral("txt"),  QStringLiteral("log"),   QStringLiteral("csv"),
                                     QStringLiteral("json"), QStringLiteral("jsonl"), QStringLiteral("md"),
                                     QStringLiteral("py"),   QStringLiteral("yaml"),  QStringLiteral("yml"),
                                     QStringLiteral("ini"),  QStringLiteral("xml"),   QStringLiteral("html"),
                                     QStringLiteral("sh"),   QStringLiteral("tsv"),   QStringLiteral("R") };
    return texts.contains(QFileInfo(path).suffix(), Qt::CaseInsensitive);
}

} // namespace

RunDetailsView::RunDetailsView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_download(new QPushButton(tr("Download…"), this))
    , m_restore(new QPushButton(tr("Restore…"), this))
    , m_rerun(new QPushButton(tr("Rerun"), this))
    , m_cancel(new QPushButton(tr("Cancel run"), this))
    , m_tabs(new QTabWidget(this))
    , m_chartControls(new ChartControls(this))
    , m_live(new LiveSeries(this))
    , m_overview(new QTreeWidget(this))
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_tags(new QLineEdit(this))
    , m_compareWith(new QPushButton(tr("Compare with…"), this))
    , m_hidden(new QCheckBox(tr("Hidden from the dashboard"), this))
    , m_saveInfo(new QPushButton(tr("Save"), this))
    , m_chartsArea(new QWidget(this))
    , m_chartsLayout(new QVBoxLayout(m_chartsArea))
    , m_outputs(new QListWidget(this))
    , m_preview(new QStackedWidget(this))
    , m_imagePreview(new QLabel(this))
    , m_textPreview(new CodeViewer(this))
    , m_noPreview(new QLabel(this))
    , m_log(new CodeViewer(this))
    , m_logSearch(new QLineEdit(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true); // a long run name wraps rather than widening the window
    m_title->setText(tr("Choose a run in the dashboard or the job panel."));
    m_message->setObjectName(QStringLiteral("detailsMessage"));
    m_message->setWordWrap(true);
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(220);
    m_download->setObjectName(QStringLiteral("downloadOutputs"));
    m_restore->setObjectName(QStringLiteral("restoreRun"));
    m_rerun->setObjectName(QStringLiteral("rerunRun"));
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_download->setIcon(Icons::icon(Icons::Download));
    m_restore->setIcon(Icons::icon(Icons::Restore));
    m_rerun->setIcon(Icons::icon(Icons::Rerun));
    m_cancel->setIcon(Icons::icon(Icons::Stop));
    m_compareWith->setIcon(Icons::icon(Icons::Compare));
    m_cancel->setToolTip(tr("Stop the run (on a cluster: cancel its job)"));
    for (QPushButton *b : { m_download, m_restore, m_rerun, m_cancel })
        b->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_message->setText(m_details.run.jobId.isEmpty() ? tr("Canceling run %1…").arg(m_details.run.number)
                                                         : tr("Canceling Slurm job %1…").arg(m_details.run.jobId));
        Q_EMIT cancelRequested(m_details.run.id, m_details.run.jobId);
    });
    m_download->setToolTip(
        tr("Copy the files the run wrote to ./outputs (the selected ones, if several are selected) into a folder"));
    m_restore->setToolTip(tr("Put the project's code back as it was for this run"));
    connect(m_download, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Download the outputs of run %1").arg(m_details.run.number));
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &RunDetailsView::downloadTo);
        dialog->open();
    });
    connect(m_restore, &QPushButton::clicked, this, &RunDetailsView::restore);
    m_compareWith->setObjectName(QStringLiteral("compareWith"));
    m_compareWith->setEnabled(false);
    connect(m_compareWith, &QPushButton::clicked, this, [this] {
        auto *dialog = new QInputDialog(this);
        dialog->setObjectName(QStringLiteral("compareWithDialog"));
        dialog->setWindowTitle(tr("Compare run %1 with…").arg(m_details.run.number));
        dialog->setLabelText(tr("Other runs (numbers or ids, separated by spaces):"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
            QStringList ids { m_details.run.runId };
            for (const QString &id : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                ids.append(id);
            if (ids.size() >= 2)
                Q_EMIT compareRequested(ids);
        });
        dialog->open();
    });
    connect(m_rerun, &QPushButton::clicked, this,
            [this] { Q_EMIT rerunRequested(m_details.run.script, m_details.run.arguments); });

    m_overview->setObjectName(QStringLiteral("detailsOverview"));
    m_overview->setHeaderLabels({ tr("Field"), tr("Value") });
    m_overview->setRootIsDecorated(false);
    m_overview->setUniformRowHeights(true);
    m_overview->header()->resizeSection(0, 220);

    auto *chartsScroll = new QScrollArea(this);
    chartsScroll->setWidgetResizable(true);
    chartsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the charts take the width there is
    chartsScroll->setWidget(m_chartsArea);
    auto *chartsPage = new QWidget(this);
    auto *chartsPageLayout = new QVBoxLayout(chartsPage);
    chartsPageLayout->setContentsMargins(0, 4, 0, 0);
    chartsPageLayout->addWidget(m_chartControls);
    chartsPageLayout->addWidget(chartsScroll, 1);
    connect(m_live, &LiveSeries::pointsArrived, this, &RunDetailsView::addLivePoints);
    connect(m_live, &LiveSeries::runEnded, this, [this](const RunRecord &record) { showRun(record.runId); });

    m_outputs->setObjectName(QStringLiteral("detailsOutputs"));
    m_outputs->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_outputs, &QListWidget::currentRowChanged, this, &RunDetailsView::preview);
    connect(m_outputs, &QListWidget::itemDoubleClicked, this, [this] {
        const int row = m_outputs->currentRow();
        if (row >= 0 && row < m_details.artifacts.size() && !m_details.artifacts.at(row).isLink())
            QDesktopServices::openUrl(
                QUrl::fromLocalFile(m_details.runDir + QLatin1Char('/') + m_details.artifacts.at(row).path));
    });
    m_imagePreview->setAlignment(Qt::AlignCenter);
    m_imagePreview->setMinimumSize(200, 200);
    m_noPreview->setAlignment(Qt::AlignCenter);
    m_noPreview->setWordWrap(true);
    m_preview->addWidget(m_noPreview);
    m_preview->addWidget(m_imagePreview);
    m_preview->addWidget(m_textPreview);
    auto *outputs = new QSplitter(this);
    outputs->setObjectName(QStringLiteral("outputsSplitter"));
    outputs->addWidget(m_outputs);
    outputs->addWidget(m_preview);
    outputs->setStretchFactor(1, 3);

    m_log->setObjectName(QStringLiteral("detailsLog"));
    m_log->setProperty("followEnd", true);
    m_logSearch->setPlaceholderText(tr("Find in the log (Enter: next)"));
    connect(m_logSearch, &QLineEdit::returnPressed, this, &RunDetailsView::findInLog);
    auto *logPage = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPage);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_logSearch);
    logLayout->addWidget(m_log);

    m_name->setObjectName(QStringLiteral("runName"));
    m_name->setPlaceholderText(tr("a name for this run"));
    m_description->setObjectName(QStringLiteral("runDescription"));
    m_description->setPlaceholderText(tr("what this run tried"));
    m_hidden->setObjectName(QStringLiteral("runHidden"));
    m_saveInfo->setObjectName(QStringLiteral("saveRunInfo"));
    m_saveInfo->setEnabled(false);
    m_tags->setObjectName(QStringLiteral("runTags"));
    m_tags->setPlaceholderText(tr("tags, separated by commas"));
    for (QLineEdit *edit : { m_name, m_description, m_tags })
        connect(edit, &QLineEdit::textEdited, this, [this] { m_saveInfo->setEnabled(true); });
    connect(m_hidden, &QCheckBox::clicked, this, [this] { m_saveInfo->setEnabled(true); });
    connect(m_saveInfo, &QPushButton::clicked, this, &RunDetailsView::saveInfo);
    auto *overviewPage = new QWidget(this);
    auto *info = new QHBoxLayout;
    info->addWidget(new QLabel(tr("Name"), this));
    info->addWidget(m_name, 1);
    info->addWidget(new QLabel(tr("Description"), this));
    info->addWidget(m_description, 2);
    info->addWidget(new QLabel(tr("Tags"), this));
    info->addWidget(m_tags, 1);
    info->addWidget(m_hidden);
    info->addWidget(m_saveInfo);
    auto *overviewLayout = new QVBoxLayout(overviewPage);
    overviewLayout->setContentsMargins(0, 4, 0, 0);
    overviewLayout->addLayout(info);
    overviewLayout->addWidget(m_overview);
    m_tabs->addTab(overviewPage, tr("Overview"));
    m_tabs->addTab(chartsPage, tr("Charts"));
    m_tabs->addTab(outputs, tr("Outputs"));
    m_tabs->addTab(logPage, tr("Driver log"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_download);
    bar->addWidget(m_restore);
    bar->addWidget(m_compareWith);
    bar->addWidget(m_rerun);
    bar->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
}

void RunDetailsView::setProject(const Project &project)
{
    m_project = project;
    m_chartControls->setProject(project);
    m_live->stop();
    m_details = RunDetails();
    ++m_generation;
    fill();
}

void RunDetailsView::showRun(const QString &runId)
{
    const int generation = ++m_generation;
    m_message->setText(tr("Loading run %1…").arg(runId));
    const Project project = m_project;
    auto *watcher = new QFutureWatcher<RunDetails>(this);
    connect(watcher, &QFutureWatcher<RunDetails>::finished, this, [this, watcher, generation, runId] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // another run was asked for meanwhile
        m_details = watcher->result();
        fill();
        Q_EMIT loaded(runId);
    });
    watcher->setFuture(QtConcurrent::run([project, runId] {
        RunDetails d = RunDetails::load(project, runId);
        d.makeChartSeries();
        return d;
    }));
}

void RunDetailsView::fill()
{
    const RunRecord &r = m_details.run;
    const bool haveRun = !r.runId.isEmpty();
    m_message->setText(m_details.error);
    m_title->setText(haveRun ? tr("Run %1 — %2 (%3)").arg(r.number).arg(r.runId, runStatusText(r.status))
                             : tr("Choose a run in the dashboard or the job panel."));
    m_download->setEnabled(haveRun && !m_details.artifacts.isEmpty());
    m_restore->setEnabled(haveRun && !r.commitId.isEmpty());
    m_rerun->setEnabled(haveRun);
    m_cancel->setEnabled(haveRun && !isFinished(r.status));
    m_name->setText(r.name);
    m_tags->setText(r.tags.join(QStringLiteral(", ")));
    m_description->setText(r.description);
    m_hidden->setChecked(r.hidden);
    m_compareWith->setEnabled(haveRun);
    for (QWidget *w : std::initializer_list<QWidget *> { m_name, m_description, m_tags, m_hidden })
        w->setEnabled(haveRun);
    m_saveInfo->setEnabled(false);
    fillOverview();
    fillCharts();
    m_outputs->clear();
    for (const ArtifactRecord &a : std::as_const(m_details.artifacts)) {
        auto *item = new QListWidgetItem(a.isLink() ? tr("%1  → %2 (link)").arg(a.path, a.linkTarget)
                                                    : QStringLiteral("%1  (%2)").arg(a.path, QLocale().formattedDataSize(a.size)),
                                         m_outputs);
        item->setIcon(Icons::forFile(a.path));
    }
    m_noPreview->setText(m_details.artifacts.isEmpty() && haveRun ? tr("The run wrote no files to ./outputs.")
                                                                  : tr("Choose a file to preview it."));
    m_preview->setCurrentWidget(m_noPreview);
    if (!m_details.artifacts.isEmpty())
        m_outputs->setCurrentRow(0);
    if (haveRun)
        m_log->showFile(m_details.logPath, 8 << 20, true);
    else
        m_log->showText(QString());
}

void RunDetailsView::fillOverview()
{
    m_overview->clear();
    const RunRecord &r = m_details.run;
    if (r.runId.isEmpty())
        return;
    auto add = [this](const QString &field, const QString &value) {
        new QTreeWidgetItem(m_overview, { field, value });
    };
    add(tr("Run id"), r.runId);
    add(tr("Run number"), QString::number(r.number));
    add(tr("Status"), runStatusText(r.status));
    add(tr("Script"), r.script);
    add(tr("Arguments"), ArgumentLine::join(r.arguments));
    add(tr("Started"), HistoryFormat::localTime(r.startUs));
    add(tr("Ended"), HistoryFormat::localTime(r.endUs));
    add(tr("Duration"), HistoryFormat::duration(r.durationUs()));
    add(tr("Exit code"),
        isFinished(r.status) && r.status != RunStatus::Canceled ? QString::number(r.exitCode) : QString());
    if (!r.error.isEmpty())
        add(tr("Error"), r.error);
    add(tr("User"), r.user);
    add(tr("Host"), r.host);
    if (r.target == QLatin1String("slurm")) {
        add(tr("Target"), r.jobId.isEmpty() ? tr("Slurm (not submitted)") : tr("Slurm job %1").arg(r.jobId));
        add(tr("Partition"), r.partition);
        add(tr("Node"), r.node);
        if (!isFinished(r.status) && !r.schedulerState.isEmpty())
            add(tr("Scheduler"), r.schedulerState);
    } else {
        add(tr("Target"), tr("This machine"));
    }
    add(tr("Snapshot"), r.commitId);
    if (!r.gitCommit.isEmpty())
        add(tr("Git commit"), r.gitCommit + (r.gitDirty == 1 ? tr(" (with uncommitted changes)") : QString()));
    if (!r.leftOut.isEmpty())
        add(tr("Left out of the snapshot"), r.leftOut.join(QStringLiteral(", ")));
    if (r.skippedLines > 0) {
        QStringList reasons;
        for (auto it = r.skipReasons.cbegin(); it != r.skipReasons.cend(); ++it)
            reasons.append(tr("%1 × %2").arg(it.value()).arg(it.key()));
        if (reasons.isEmpty()) // recorded before every reason was kept
            reasons.append(r.lastSkipReason);
        add(tr("Malformed metric lines skipped"),
            QStringLiteral("%1 (%2)").arg(r.skippedLines).arg(reasons.join(QStringLiteral("; "))));
    }
    for (const PromotionRecord &p : m_details.promotions)
        add(tr("Promoted"), tr("%1 → %2").arg(p.artifactPath, p.assetPath));
    if (!r.parentRunId.isEmpty())
        add(r.nestedKey.isEmpty() ? tr("Parent run") : tr("Nested in"), r.parentRunId);
    if (!m_details.children.isEmpty()) {
        QStringList children;
        for (const RunRecord &c : m_details.children)
            children.append(
                tr("#%1 %2 (%3)").arg(c.number).arg(c.name.isEmpty() ? c.runId : c.name, runStatusText(c.status)));
        add(tr("Child runs"), children.join(QStringLiteral(", ")));
    }
    for (auto it = m_details.properties.cbegin(); it != m_details.properties.cend(); ++it)
        add(it.key(), it.value());
    if (m_details.metrics.isEmpty()) {
        add(tr("Logged values"), tr("No values were logged."));
        return;
    }
    // What the run was given (parameters), what it measured (metrics, in
    // bold), then its tags.
    for (const ValueRole role : { ValueRole::Param, ValueRole::Metric, ValueRole::Tag }) {
        for (const MetricSummary &s : m_details.metrics) {
            if (s.role != role)
                continue;
            QString value;
            if (s.kind == MetricKind::Text)
                value = s.lastText;
            else if (s.kind == MetricKind::Bool)
                value = s.last != 0 ? QStringLiteral("true") : QStringLiteral("false");
            else
                value = HistoryFormat::number(s.last);
            if (s.count > 1 && s.finiteCount > 0 && role == ValueRole::Metric)
                value += tr("   (last of %1; min %2, max %3, mean %4)")
                             .arg(s.count)
                             .arg(HistoryFormat::number(s.min), HistoryFormat::number(s.max),
                                  HistoryFormat::number(s.mean()));
            const QString name = role == ValueRole::Param ? tr("%1 (parameter)").arg(s.key)
                : role == ValueRole::Tag                  ? tr("%1 (tag)").arg(s.key)
                                                          : s.key;
            auto *item = new QTreeWidgetItem(m_overview, { name, value });
            QFont font = item->font(0);
            font.setBold(role == ValueRole::Metric);
            item->setFont(0, font);
        }
    }
}

void RunDetailsView::fillCharts()
{
    // the same run again (it ended, or was edited): each chart keeps its zoom
    QHash<QString, QPair<double, double>> zoomed;
    for (MetricChart *c : m_chartsArea->findChildren<MetricChart *>())
        if (c->isZoomed() && c->property("runId").toString() == m_details.run.runId)
            zoomed.insert(c->title(), c->xRange());
    while (QLayoutItem *item = m_chartsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList keys = m_details.chartKeys();
    for (const QString &key : keys)
        addChart(key, m_details.chartSeries.value(key));
    if (keys.isEmpty())
        m_chartsLayout->addWidget(new QLabel(isFinished(m_details.run.status)
                                                 ? tr("No value of this run was logged more than once.")
                                                 : tr("No value of this run was logged more than once yet: charts "
                                                      "appear here as the run logs them."),
                                             m_chartsArea));
    m_chartsLayout->addStretch();
    m_chartControls->setCharts(m_chartsArea->findChildren<MetricChart *>());
    for (MetricChart *c : m_chartsArea->findChildren<MetricChart *>())
        if (zoomed.contains(c->title()))
            c->setXRange(zoomed.value(c->title()).first, zoomed.value(c->title()).second);
    // a run still going: its charts take its new points as they come
    if (!m_details.run.runId.isEmpty() && !isFinished(m_details.run.status))
        m_live->follow(m_project, { m_details.run }, { { m_details.run.runId, m_details.lastSteps() } });
    else
        m_live->stop();
}

MetricChart *RunDetailsView::addChart(const QString &key, std::shared_ptr<SeriesLod> series)
{
    if (!series)
        series = std::make_shared<SeriesLod>();
    auto *chart = new MetricChart(m_chartsArea);
    chart->setObjectName(QStringLiteral("series:") + key);
    chart->setProperty("runId", m_details.run.runId);
    chart->setTitle(key);
    chart->setMinimumHeight(260);
    chart->addLine(QString(), series, QColor(31, 119, 180), double(m_details.run.startUs) / 1e6);
    // after the others, before the stretch at the end once there is one
    const int count = m_chartsLayout->count();
    const bool stretch = count > 0 && m_chartsLayout->itemAt(count - 1)->spacerItem();
    m_chartsLayout->insertWidget(stretch ? count - 1 : count, chart);
    return chart;
}

void RunDetailsView::addLivePoints(const QString &runId, const QString &key, const QVector<MetricPoint> &points)
{
    if (runId != m_details.run.runId)
        return;
    auto *chart = m_chartsArea->findChild<MetricChart *>(QStringLiteral("series:") + key);
    if (!chart) {
        // a value logged for the second time: its chart appears
        if (QLabel *none = m_chartsArea->findChild<QLabel *>())
            none->hide();
        chart = addChart(key, nullptr);
        m_chartControls->setCharts(m_chartsArea->findChildren<MetricChart *>());
    }
    chart->appendToLine(0, points);
}

void RunDetailsView::preview(int row)
{
    if (row < 0 || row >= m_details.artifacts.size()) {
        m_preview->setCurrentWidget(m_noPreview);
        return;
    }
    const QString path = m_details.runDir + QLatin1Char('/') + m_details.artifacts.at(row).path;
    if (m_details.artifacts.at(row).isLink()) {
        m_noPreview->setText(tr("The run left a link to %1 here. Runbench records the link and never follows it: "
                                "what it points to is not part of the run.")
                                 .arg(m_details.artifacts.at(row).linkTarget));
        m_preview->setCurrentWidget(m_noPreview);
        return;
    }
    if (!QFileInfo::exists(path)) {
        m_noPreview->setText(tr("%1 is missing from the run's folder (deleted or moved since the run).")
                                 .arg(m_details.artifacts.at(row).path));
        m_preview->setCurrentWidget(m_noPreview);
        return;
    }
    if (isImage(path)) {
        // decoded off the GUI thread, scaled to the preview
        const int generation = m_generation;
        const QSize box = m_preview->size().expandedTo(QSize(400, 300));
        auto *watcher = new QFutureWatcher<QImage>(this);
        connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, generation, row] {
            watcher->deleteLater();
            if (generation != m_generation || m_outputs->currentRow() != row)
                return;
            const QImage image = watcher->result();
            if (image.isNull()) {
                m_noPreview->setText(tr("This image cannot be shown."));
                m_preview->setCurrentWidget(m_noPreview);
                return;
            }
            m_imagePreview->setPixmap(QPixmap::fromImage(image));
            m_preview->setCurrentWidget(m_imagePreview);
        });
        watcher->setFuture(QtConcurrent::run([path, box] {
            QImageReader reader(path);
            QImage image = reader.read();
            return image.isNull() ? image : image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        }));
        return;
    }
    if (isText(path)) {
        m_textPreview->showFile(path, 2 << 20);
        m_preview->setCurrentWidget(m_textPreview);
        return;
    }
    m_noPreview->setText(tr("No preview for %1: double-click to open it with the system's application.")
                             .arg(QFileInfo(path).fileName()));
    m_preview->setCurrentWidget(m_noPreview);
}

QString RunDetailsView::previewText() const
{
    if (m_preview->currentWidget() == m_textPreview)
        return m_textPreview->toPlainText();
    if (m_preview->currentWidget() == m_noPreview)
        return m_noPreview->text();
    return QString();
}

bool RunDetailsView::previewHasImage() const
{
    return m_preview->currentWidget() == m_imagePreview && m_imagePreview->pixmap(Qt::ReturnByValue).width() > 0;
}

void RunDetailsView::findInLog()
{
    const QString text = m_logSearch->text();
    if (text.isEmpty())
        return;
    if (!m_log->find(text)) {
        m_log->moveCursor(QTextCursor::Start);
        m_log->find(text);
    }
}

void RunDetailsView::downloadTo(const QString &folder)
{
    const QString runDir = m_details.runDir;
    // the selected files, or all of them
    QVector<ArtifactRecord> artifacts;
    const QList<QListWidgetItem *> selected = m_outputs->selectedItems();
    for (int i = 0; i < m_details.artifacts.size(); ++i)
        if (selected.size() <= 1 || selected.contains(m_outputs->item(i)))
            artifacts.append(m_details.artifacts.at(i));
    qint64 total = 0;
    for (const ArtifactRecord &a : artifacts)
        total += a.size;
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_download->setEnabled(false);
    struct Result
    {
        QStringList files;
        QString error;
    };
    const std::shared_ptr<TaskState> state = m_tasks.newState();
    state->progress(0, total);
    // the bar reads the task's state here; nothing is posted from the worker
    auto *follow = new QTimer(this);
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(follow, &QTimer::timeout, this, [this, state] { m_progress->setValue(state->fraction(1000)); });
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, follow, folder] {
        watcher->deleteLater();
        follow->deleteLater();
        const Result result = watcher->result();
        m_progress->setVisible(false);
        m_download->setEnabled(true);
        m_message->setText(result.error.isEmpty() ? tr("%n file(s) copied to %1.", nullptr, int(result.files.size()))
                                                        .arg(QDir::toNativeSeparators(folder))
                                                  : result.error);
        Q_EMIT downloaded(result.files, result.error);
    });
    follow->start(100);
    const QFuture<Result> future = QtConcurrent::run([runDir, artifacts, folder, total, state] {
        Result result;
        result.files = ArtifactFiles::download(
            runDir, artifacts, folder, false, &result.error,
            [&state, total](int, qint64 bytes) { state->progress(bytes, total); }, &state->canceled);
        return result;
    });
    m_tasks.track(future);
    watcher->setFuture(future);
}

bool RunDetailsView::isBusy() const { return m_tasks.isBusy(); }

void RunDetailsView::cancelWork() { m_tasks.cancel(); }

void RunDetailsView::setHistory(RunHistoryLoader *history)
{
    if (m_history)
        m_history->disconnect(this);
    m_history = history;
    if (!history)
        return;
    connect(history, &RunHistoryLoader::runEdited, this, [this](qint64 run, const QString &error) {
        if (run != m_savingRun)
            return; // another view's edit
        m_savingRun = 0;
        if (error.isEmpty()) {
            m_details.run.name = m_name->text().trimmed();
            m_details.run.description = m_description->text();
            m_details.run.hidden = m_hidden->isChecked();
            m_details.run.tags = tagsTyped();
            m_message->setText(tr("Saved."));
        } else {
            m_message->setText(tr("Not saved: %1").arg(error));
            m_saveInfo->setEnabled(true);
        }
        Q_EMIT infoSaved(error);
    });
}

QStringList RunDetailsView::tagsTyped() const { return RunEdit::cleanTags(m_tags->text().split(QLatin1Char(','))); }

void RunDetailsView::saveInfo()
{
    if (!m_history || m_details.run.id == 0) {
        m_message->setText(tr("Not saved: no run history is open."));
        Q_EMIT infoSaved(m_message->text());
        return;
    }
    RunEdit edit;
    edit.name = m_name->text();
    edit.description = m_description->text();
    edit.hidden = m_hidden->isChecked();
    edit.tags = tagsTyped();
    m_saveInfo->setEnabled(false);
    m_savingRun = m_details.run.id;
    m_history->editRun(m_details.run.id, edit);
}

void RunDetailsView::restore()
{
    const Project project = m_project;
    const QString commit = m_details.run.commitId;
    const RunRecord run = m_details.run;
    m_restore->setEnabled(false);
    m_message->setText(tr("Comparing the project with the snapshot of run %1…").arg(run.number));
    struct Plan
    {
        std::optional<SnapshotStore::RestorePlan> plan;
        QString error;
    };
    auto *watcher = new QFutureWatcher<Plan>(this);
    connect(watcher, &QFutureWatcher<Plan>::finished, this, [this, watcher, project, commit, run] {
        watcher->deleteLater();
        m_restore->setEnabled(true);
        const Plan result = watcher->result();
        if (!result.plan) {
            m_message->setText(tr("Run %1 cannot be restored: %2").arg(run.number).arg(result.error));
            return;
        }
        const SnapshotStore::RestorePlan &plan = *result.plan;
        if (plan.isEmpty()) {
            m_message->setText(tr("The project's files already match run %1.").arg(run.number));
            return;
        }
        QString list;
        auto lines = [&list, &plan](const QStringList &paths, const QString &verb) {
            for (const QString &p : paths)
                list += verb + QStringLiteral("  ") + p
                    + (plan.changedSinceSnapshot.contains(p) ? tr("   (changed since the last snapshot)") : QString())
                    + QLatin1Char('\n');
        };
        lines(plan.overwrite, tr("overwrite"));
        lines(plan.create, tr("create"));
        lines(plan.remove, tr("delete"));
        auto *box
            = new QMessageBox(QMessageBox::Question, tr("Restore run %1").arg(run.number),
                              tr("Restore the project's code to run %1?").arg(run.number), QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("restoreConfirm"));
        box->setInformativeText(
            (plan.changedSinceSnapshot.isEmpty() ? QString() : tr("Some files changed since the last snapshot. "))
            + tr("The current state is kept first: Edit → Undo last restore puts it back."));
        box->setDetailedText(list);
        QPushButton *yes = box->addButton(tr("Restore"), QMessageBox::AcceptRole);
        yes->setObjectName(QStringLiteral("confirmRestore"));
        box->addButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::buttonClicked, this, [this, yes, project, commit, run](QAbstractButton *button) {
            if (button != yes)
                return;
            auto *done = new QFutureWatcher<QString>(this);
            connect(done, &QFutureWatcher<QString>::finished, this, [this, done, run] {
                done->deleteLater();
                const QString error = done->result();
                const QString message = error.isEmpty()
                    ? tr("The project now has the code of run %1. Edit → Undo last restore puts it back.")
                          .arg(run.number)
                    : tr("Run %1 was not restored: %2").arg(run.number).arg(error);
                m_message->setText(message);
                Q_EMIT restored(error.isEmpty(), message);
            });
            done->setFuture(QtConcurrent::run([project, commit]() -> QString {
                SnapshotStore store(project);
                if (!store.open(false) || !store.restore(commit, true))
                    return store.errorString();
                return QString();
            }));
        });
        box->open();
    });
    watcher->setFuture(QtConcurrent::run([project, commit]() -> Plan {
        Plan result;
        SnapshotStore store(project);
        if (!store.open(false)) {
            result.error = store.errorString();
            return result;
        }
        result.plan = store.planRestore(commit);
        if (!result.plan)
            result.error = store.errorString();
        return result;
    }));
}

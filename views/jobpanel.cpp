#include "jobpanel.h"

#include "codeviewer.h"
#include "icons.h"
#include "joblistmodel.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Paints a status icon next to the status text.
class StatusDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != JobListModel::StatusColumn)
            return;
        option->icon = Icons::forStatus(index.data(JobListModel::StatusRole).toInt());
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
};

} // namespace

JobPanel::JobPanel(JobListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_openLog(new QPushButton(tr("Open log"), this))
    , m_details(new QPushButton(tr("Open details"), this))
    , m_tail(new QPlainTextEdit(this))
{
    m_view->setObjectName(QStringLiteral("jobList"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setItemDelegate(new StatusDelegate(m_view));
    m_view->header()->setStretchLastSection(true);
    const QFontMetrics fm = m_view->fontMetrics();
    // As wide as the longer states (a cluster's reason for the wait, say).
    const int statusWidth = qMax(fm.horizontalAdvance(JobListModel::tr("Failed (exit %1)").arg(255)),
                                 fm.horizontalAdvance(JobListModel::tr("Queued (%1)").arg(QStringLiteral("Resources"))));
    m_view->setColumnWidth(JobListModel::StatusColumn, statusWidth + 40);
    m_view->setColumnWidth(JobListModel::TargetColumn,
                           fm.horizontalAdvance(JobListModel::tr("Slurm job %1").arg(1234567)) + 12);
    m_view->setColumnWidth(JobListModel::RunColumn, fm.horizontalAdvance(QStringLiteral("00000")) + 12);
    m_view->setColumnWidth(JobListModel::ScriptColumn, fm.horizontalAdvance(QStringLiteral("iris_sklearn.py__")) + 12);
    m_view->setColumnWidth(JobListModel::ArgumentsColumn, fm.horizontalAdvance(QStringLiteral("0.078125 --long")) + 12);
    m_view->setColumnWidth(JobListModel::ElapsedColumn, fm.horizontalAdvance(QStringLiteral("00:00:00")) + 12);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &JobPanel::currentChanged);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString runId = index.data(JobListModel::RunIdRole).toString();
        if (!runId.isEmpty())
            Q_EMIT detailsRequested(runId);
    });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_view->currentIndex().row();
                if (row >= topLeft.row() && row <= bottomRight.row()) {
                    updateTail();
                    updateButtons();
                }
            });
    // a new job becomes the current one, so its output shows at once
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] { m_view->setCurrentIndex(m_model->index(0, 0)); });
    // until the first job: what shows here
    auto *none = new QLabel(tr("Runs started from this window show here: Run on the toolbar (Ctrl+R)."),
                            m_view->viewport());
    none->setObjectName(QStringLiteral("noJobs"));
    none->setForegroundRole(QPalette::PlaceholderText);
    auto *center = new QVBoxLayout(m_view->viewport());
    center->addWidget(none, 0, Qt::AlignCenter);
    none->setVisible(model->rowCount() == 0);
    connect(model, &QAbstractItemModel::rowsInserted, none, &QWidget::hide);

    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_openLog->setObjectName(QStringLiteral("openLog"));
    m_details->setObjectName(QStringLiteral("openDetails"));
    m_cancel->setIcon(Icons::icon(Icons::Stop));
    m_openLog->setIcon(Icons::icon(Icons::Log));
    m_details->setIcon(Icons::icon(Icons::Details));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (currentKey() > 0)
            Q_EMIT cancelRequested(currentKey());
    });
    connect(m_openLog, &QPushButton::clicked, this, &JobPanel::openLog);
    connect(m_details, &QPushButton::clicked, this, [this] {
        const QString runId = m_view->currentIndex().data(JobListModel::RunIdRole).toString();
        if (!runId.isEmpty())
            Q_EMIT detailsRequested(runId);
    });

    m_tail->setObjectName(QStringLiteral("jobOutput"));
    m_tail->setReadOnly(true);
    m_tail->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tail->setPlaceholderText(tr("The selected job's output appears here while it runs."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_openLog);
    buttons->addWidget(m_details);
    buttons->addStretch();
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_view);
    topLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("jobSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(m_tail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    updateButtons();
}

int JobPanel::currentKey() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(JobListModel::KeyRole).toInt() : 0;
}

void JobPanel::selectKey(int key)
{
    const int row = m_model->rowOfKey(key);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void JobPanel::currentChanged()
{
    updateTail();
    updateButtons();
}

void JobPanel::updateTail()
{
    const QString tail = m_view->currentIndex().data(JobListModel::TailRole).toString();
    if (tail == m_tail->toPlainText())
        return;
    QScrollBar *bar = m_tail->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_tail->setPlainText(tail);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void JobPanel::updateButtons()
{
    const QModelIndex index = m_view->currentIndex();
    const int status = index.data(JobListModel::StatusRole).toInt();
    m_cancel->setEnabled(index.isValid() && JobListModel::isActive(status));
    const QString log = index.data(JobListModel::LogPathRole).toString();
    m_openLog->setEnabled(!log.isEmpty());
    m_details->setEnabled(!index.data(JobListModel::RunIdRole).toString().isEmpty());
}

void JobPanel::openLog()
{
    const QString path = m_view->currentIndex().data(JobListModel::LogPathRole).toString();
    if (path.isEmpty())
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("logDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Driver log — %1").arg(QFileInfo(QFileInfo(path).path()).fileName()));
    auto *viewer = new CodeViewer(dialog);
    viewer->setProperty("followEnd", true);
    viewer->showFile(path, 8 << 20, true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    auto *reload = buttons->addButton(tr("Reload"), QDialogButtonBox::ActionRole);
    connect(reload, &QPushButton::clicked, viewer, [viewer, path] { viewer->showFile(path, 8 << 20, true); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(viewer);
    layout->addWidget(buttons);
    dialog->resize(820, 520);
    dialog->show();
}

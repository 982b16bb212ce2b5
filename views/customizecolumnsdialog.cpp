#include "customizecolumnsdialog.h"

#include "runmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr int AggregateRole = Qt::UserRole + 2;
} // namespace

CustomizeColumnsDialog::CustomizeColumnsDialog(const RunModel *model, const QStringList &visibleColumnIds,
                                               QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("customizeColumnsDialog"));
    setWindowTitle(tr("Customize list view"));
    m_list->setObjectName(QStringLiteral("columnList"));
    // the visible columns first, in their order, then the others
    QStringList ids = visibleColumnIds;
    for (int c = 0; c < model->columnCount(); ++c)
        if (!ids.contains(model->columnId(c)))
            ids.append(model->columnId(c));
    for (const QString &id : std::as_const(ids)) {
        const int column = model->columnOfId(id);
        if (column < 0)
            continue;
        auto *item = new QListWidgetItem(m_list);
        item->setData(IdRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(visibleColumnIds.contains(id) ? Qt::Checked : Qt::Unchecked);
        const QString key = model->keyOfColumn(column);
        item->setData(AggregateRole, key.isEmpty() ? -1 : int(model->aggregate(key)));
        item->setText(model->headerData(column, Qt::Horizontal).toString());
    }
    auto *up = new QPushButton(tr("Move up"), this);
    auto *down = new QPushButton(tr("Move down"), this);
    auto *aggregate = new QComboBox(this);
    aggregate->setObjectName(QStringLiteral("aggregateBox"));
    for (int a = RunModel::Last; a <= RunModel::Mean; ++a)
        aggregate->addItem(RunModel::aggregateName(RunModel::Aggregate(a)), a);
    aggregate->setEnabled(false);
    connect(up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(down, &QPushButton::clicked, this, [this] { move(+1); });
    connect(m_list, &QListWidget::currentItemChanged, this, [aggregate](QListWidgetItem *item) {
        const int a = item ? item->data(AggregateRole).toInt() : -1;
        aggregate->setEnabled(a >= 0);
        if (a >= 0)
            aggregate->setCurrentIndex(a);
    });
    connect(aggregate, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        QListWidgetItem *item = m_list->currentItem();
        if (!item || item->data(AggregateRole).toInt() < 0)
            return;
        item->setData(AggregateRole, index);
        const QString key = m_model->keyOfColumn(m_model->columnOfId(item->data(IdRole).toString()));
        item->setText(index == RunModel::Last
                          ? key
                          : RunModel::aggregateName(RunModel::Aggregate(index)) + QLatin1Char(' ') + key);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *side = new QVBoxLayout;
    side->addWidget(up);
    side->addWidget(down);
    side->addSpacing(12);
    side->addWidget(new QLabel(tr("Value shown"), this));
    side->addWidget(aggregate);
    side->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Check the columns to show; their order is the grid's."), this));
    layout->addLayout(row);
    layout->addWidget(buttons);
    resize(420, 440);
}

void CustomizeColumnsDialog::move(int delta)
{
    const int row = m_list->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_list->count())
        return;
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(target, item);
    m_list->setCurrentRow(target);
}

QStringList CustomizeColumnsDialog::visibleColumnIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids.append(m_list->item(i)->data(IdRole).toString());
    return ids;
}

QMap<QString, int> CustomizeColumnsDialog::aggregates() const
{
    QMap<QString, int> result;
    for (int i = 0; i < m_list->count(); ++i) {
        const int a = m_list->item(i)->data(AggregateRole).toInt();
        if (a >= 0)
            result.insert(m_model->keyOfColumn(m_model->columnOfId(m_list->item(i)->data(IdRole).toString())), a);
    }
    return result;
}

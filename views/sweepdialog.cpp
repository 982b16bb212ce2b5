#include "sweepdialog.h"

#include "argumentline.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

SweepDialog::SweepDialog(const QString &script, const QString &arguments, int parallel, QWidget *parent)
    : QDialog(parent)
    , m_script(script)
    , m_arguments(new QLineEdit(arguments, this))
    , m_random(new QSpinBox(this))
    , m_seed(new QSpinBox(this))
    , m_repeat(new QSpinBox(this))
    , m_parallel(new QSpinBox(this))
    , m_count(new QLabel(this))
    , m_preview(new QTableWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sweep %1").arg(script));
    m_arguments->setObjectName(QStringLiteral("sweepArguments"));
    m_arguments->setPlaceholderText(tr("e.g. {0.078125..10:8:log} or --lr {0.01,0.1} --layers {1..3}"));
    m_arguments->setToolTip(tr("{0.01,0.1,1} a list, {1..5} integers, {0.001..1:7} 7 values evenly spaced, "
                               "{0.001..1:7:log} 7 values on a log scale; several sets make a grid. \\{ is a brace "
                               "of the argument itself."));
    m_random->setObjectName(QStringLiteral("sweepRandom"));
    m_random->setRange(0, int(SweepSpec::MaxChildren));
    m_random->setSpecialValueText(tr("every combination"));
    m_seed->setObjectName(QStringLiteral("sweepSeed"));
    m_seed->setRange(0, 999999999);
    m_repeat->setObjectName(QStringLiteral("sweepRepeat"));
    m_repeat->setRange(1, 1000);
    m_parallel->setObjectName(QStringLiteral("sweepParallel"));
    m_parallel->setRange(1, 256);
    m_parallel->setValue(qMax(1, parallel));
    m_count->setObjectName(QStringLiteral("sweepCount"));
    m_count->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("sweepPreview"));
    m_preview->setColumnCount(3);
    m_preview->setHorizontalHeaderLabels({ tr("Run"), tr("Repeat"), tr("Arguments") });
    m_preview->verticalHeader()->hide();
    m_preview->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    for (int column : { 0, 1 })
        m_preview->setColumnWidth(column, m_preview->fontMetrics().horizontalAdvance(QStringLiteral("000000")) + 16);

    auto *form = new QFormLayout;
    form->addRow(tr("Script"), new QLabel(script, this));
    form->addRow(tr("Arguments"), m_arguments);
    form->addRow(tr("Random draws"), m_random);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Repeat each"), m_repeat);
    form->addRow(tr("At once"), m_parallel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_count);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_arguments, &QLineEdit::textChanged, this, &SweepDialog::refresh);
    for (QSpinBox *box : { m_random, m_seed, m_repeat })
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &SweepDialog::refresh);
    connect(m_random, qOverload<int>(&QSpinBox::valueChanged), this,
            [this](int n) { m_seed->setEnabled(n > 0); });
    m_seed->setEnabled(false);
    resize(640, 520);
    refresh();
}

QStringList SweepDialog::arguments() const { return ArgumentLine::split(m_arguments->text()); }

SweepSpec::Options SweepDialog::options() const
{
    SweepSpec::Options o;
    o.random = m_random->value();
    o.seed = quint32(m_seed->value());
    o.repeat = m_repeat->value();
    return o;
}

int SweepDialog::parallel() const { return m_parallel->value(); }

// The children as they would start; nothing starts before OK.
void SweepDialog::refresh()
{
    const SweepSpec::Options o = options();
    m_plan = SweepSpec::expand(arguments(), o);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    const int n = int(m_plan.children.size());
    if (!m_plan.error.isEmpty()) {
        m_count->setText(m_plan.error);
        m_count->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    } else {
        m_count->setStyleSheet(QString());
        m_count->setText(o.repeat > 1 ? tr("%1 runs: %2 combinations, %3 times each.").arg(n).arg(n / o.repeat).arg(o.repeat)
                                      : tr("%1 runs.").arg(n));
    }
    ok->setEnabled(m_plan.error.isEmpty() && n > 0);
    ok->setText(n > 0 && m_plan.error.isEmpty() ? tr("Start %1 runs").arg(n) : tr("Start"));
    const int shown = qMin(n, previewLimit());
    m_preview->setRowCount(shown + (n > shown ? 1 : 0));
    for (int r = 0; r < shown; ++r) {
        const SweepSpec::Child &child = m_plan.children.at(r);
        m_preview->setItem(r, 0, new QTableWidgetItem(QString::number(child.index + 1)));
        m_preview->setItem(r, 1, new QTableWidgetItem(QString::number(child.repeat + 1)));
        m_preview->setItem(r, 2, new QTableWidgetItem(ArgumentLine::join(child.arguments)));
    }
    if (n > shown) {
        m_preview->setItem(shown, 0, new QTableWidgetItem(QString()));
        m_preview->setItem(shown, 1, new QTableWidgetItem(QString()));
        m_preview->setItem(shown, 2, new QTableWidgetItem(tr("… and %1 more").arg(n - shown)));
    }
    m_preview->setColumnHidden(1, o.repeat <= 1);
}

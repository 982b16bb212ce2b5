#include "projectsettingsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

ProjectSettingsDialog::ProjectSettingsDialog(const Project &project, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_interpreters(new QTableWidget(0, 2, this))
    , m_maxParallel(new QSpinBox(this))
    , m_server(new QLineEdit(project.historyServer(), this))
    , m_artifactRoot(new QLineEdit(project.artifactRoot(), this))
    , m_lostAfter(new QSpinBox(this))
    , m_lastSeen(new QLabel(this))
    , m_error(new QLabel(this))
{
    m_lostAfter->setObjectName(QStringLiteral("lostAfterSeconds"));
    m_lostAfter->setRange(10, 7 * 24 * 3600);
    m_lostAfter->setValue(project.lostAfterSeconds());
    m_lostAfter->setSuffix(tr(" s"));
    m_lostAfter->setToolTip(tr("A run whose window or terminal has not been heard of for this long shows as Lost on "
                               "every machine, until its own machine opens the project again."));
    m_lastSeen->setObjectName(QStringLiteral("projectIdentity"));
    m_lastSeen->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lastSeen->setWordWrap(true);
    setLastSeen(QString(), QString());
    m_server->setObjectName(QStringLiteral("historyServer"));
    m_server->setPlaceholderText(tr("empty: the project's own file; or postgresql://user@host:5432/database"));
    m_artifactRoot->setObjectName(QStringLiteral("artifactRoot"));
    m_artifactRoot->setPlaceholderText(tr("empty: .runbench/runs; or a folder every machine sees"));
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    setWindowTitle(tr("Project settings — %1").arg(project.name()));
    setObjectName(QStringLiteral("projectSettingsDialog"));
    m_interpreters->setObjectName(QStringLiteral("interpreterTable"));
    m_interpreters->setHorizontalHeaderLabels({ tr("Extension"), tr("Interpreter command") });
    m_interpreters->horizontalHeader()->setStretchLastSection(true);
    m_interpreters->verticalHeader()->hide();
    const QMap<QString, QString> interpreters = project.interpreters();
    for (auto it = interpreters.cbegin(); it != interpreters.cend(); ++it)
        addRow(it.key(), it.value());

    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow(QString(), QString());
        m_interpreters->editItem(m_interpreters->item(m_interpreters->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_interpreters->currentRow() >= 0)
            m_interpreters->removeRow(m_interpreters->currentRow());
    });

    m_maxParallel->setObjectName(QStringLiteral("maxParallelRuns"));
    m_maxParallel->setRange(1, 64);
    m_maxParallel->setValue(project.maxParallelRuns());

    auto *hint = new QLabel(tr("A script runs with the command for its extension (for example "
                               "“/usr/bin/python3” for .py). Files without one run as programs "
                               "when they are executable."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Runs at once"), m_maxParallel);
    form->addRow(tr("Run history server"), m_server);
    form->addRow(tr("Shared run folders"), m_artifactRoot);
    form->addRow(tr("Silent runs are Lost after"), m_lostAfter);
    form->addRow(tr("Project"), m_lastSeen);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Interpreters"), this));
    layout->addWidget(m_interpreters);
    layout->addLayout(rowButtons);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(620, 440);
}

void ProjectSettingsDialog::setLastSeen(const QString &root, const QString &host)
{
    QString text = tr("id %1 (in project.ini: every copy with this id shares one history)")
                       .arg(m_project.id().isEmpty() ? tr("not given yet") : m_project.id());
    if (!root.isEmpty()) // another clone, or the folder before a move
        text += QLatin1Char('\n')
            + (host.isEmpty()
                   ? tr("Before, its history saw it at %1.").arg(QDir::toNativeSeparators(root))
                   : tr("Before, its history saw it at %1 on %2.").arg(QDir::toNativeSeparators(root), host));
    m_lastSeen->setText(text);
}

void ProjectSettingsDialog::addRow(const QString &extension, const QString &command)
{
    const int row = m_interpreters->rowCount();
    m_interpreters->insertRow(row);
    m_interpreters->setItem(row, 0, new QTableWidgetItem(extension));
    m_interpreters->setItem(row, 1, new QTableWidgetItem(command));
}

void ProjectSettingsDialog::accept()
{
    QString error;
    if (!m_project.setHistoryServer(m_server->text().trimmed(), m_artifactRoot->text().trimmed(), &error)) {
        m_error->setText(error);
        m_error->show();
        m_server->setFocus();
        return;
    }
    QMap<QString, QString> interpreters;
    for (int row = 0; row < m_interpreters->rowCount(); ++row) {
        QString ext = m_interpreters->item(row, 0) ? m_interpreters->item(row, 0)->text().trimmed() : QString();
        if (ext.startsWith(QLatin1Char('.')))
            ext.remove(0, 1);
        const QString command
            = m_interpreters->item(row, 1) ? m_interpreters->item(row, 1)->text().trimmed() : QString();
        if (!ext.isEmpty())
            interpreters.insert(ext, command);
    }
    m_project.setInterpreters(interpreters);
    m_project.setMaxParallelRuns(m_maxParallel->value());
    m_project.setLostAfterSeconds(m_lostAfter->value());
    QDialog::accept();
}

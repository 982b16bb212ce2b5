#include "projectsettingsdialog.h"

#include "slurmsettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
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
    , m_target(new QComboBox(this))
    , m_slurm(new QGroupBox(tr("Slurm"), this))
    , m_partition(new QLineEdit(this))
    , m_timeLimit(new QLineEdit(this))
    , m_cpus(new QSpinBox(this))
    , m_memory(new QLineEdit(this))
    , m_gres(new QLineEdit(this))
    , m_sbatchOptions(new QPlainTextEdit(this))
    , m_setupLines(new QPlainTextEdit(this))
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
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f"));
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
    auto *scripts = new QWidget(this);
    auto *scriptsLayout = new QVBoxLayout(scripts);
    scriptsLayout->addWidget(new QLabel(tr("Interpreters"), scripts));
    scriptsLayout->addWidget(m_interpreters);
    scriptsLayout->addLayout(rowButtons);
    scriptsLayout->addWidget(hint);
    auto *scriptsForm = new QFormLayout;
    scriptsForm->addRow(tr("Runs at once"), m_maxParallel);
    scriptsLayout->addLayout(scriptsForm);

    auto *history = new QWidget(this);
    auto *historyForm = new QFormLayout(history);
    historyForm->addRow(tr("Run history server"), m_server);
    historyForm->addRow(tr("Shared run folders"), m_artifactRoot);
    historyForm->addRow(tr("Silent runs are Lost after"), m_lostAfter);
    historyForm->addRow(tr("Project"), m_lastSeen);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("settingsTabs"));
    tabs->addTab(scripts, tr("Scripts"));
    tabs->addTab(targetPage(project), tr("Target"));
    tabs->addTab(history, tr("History"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(660, 480);
}

QWidget *ProjectSettingsDialog::targetPage(const Project &project)
{
    auto *page = new QWidget(this);
    m_target->setObjectName(QStringLiteral("runTarget"));
    m_target->addItem(tr("This machine"), QStringLiteral("local"));
    m_target->addItem(tr("A Slurm cluster"), QStringLiteral("slurm"));
    m_target->setCurrentIndex(m_target->findData(project.runTarget()));
    const SlurmSettings s = project.slurmSettings();
    m_slurm->setObjectName(QStringLiteral("slurmSettings"));
    m_partition->setObjectName(QStringLiteral("slurmPartition"));
    m_partition->setText(s.partition);
    m_partition->setPlaceholderText(tr("the cluster's default"));
    m_timeLimit->setObjectName(QStringLiteral("slurmTime"));
    m_timeLimit->setText(s.timeLimit);
    m_timeLimit->setPlaceholderText(tr("the partition's limit; e.g. 30, 2:00:00 or 1-0"));
    m_cpus->setObjectName(QStringLiteral("slurmCpus"));
    m_cpus->setRange(0, 4096);
    m_cpus->setSpecialValueText(tr("Slurm's default"));
    m_cpus->setValue(s.cpusPerTask);
    m_memory->setObjectName(QStringLiteral("slurmMemory"));
    m_memory->setText(s.memory);
    m_memory->setPlaceholderText(tr("e.g. 8G"));
    m_gres->setObjectName(QStringLiteral("slurmGres"));
    m_gres->setText(s.gres);
    m_gres->setPlaceholderText(tr("e.g. gpu:1"));
    m_sbatchOptions->setObjectName(QStringLiteral("slurmOptions"));
    m_sbatchOptions->setPlainText(s.extraOptions.join(QLatin1Char('\n')));
    m_sbatchOptions->setPlaceholderText(tr("one option per line, e.g. --qos=high"));
    m_setupLines->setObjectName(QStringLiteral("slurmSetup"));
    m_setupLines->setPlainText(s.setupLines.join(QLatin1Char('\n')));
    m_setupLines->setPlaceholderText(tr("shell lines run on the node first, e.g. module load python/3.11"));
    for (QPlainTextEdit *edit : { m_sbatchOptions, m_setupLines })
        edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 5);

    auto *form = new QFormLayout(m_slurm);
    form->addRow(tr("Partition"), m_partition);
    form->addRow(tr("Time limit"), m_timeLimit);
    form->addRow(tr("CPUs per task"), m_cpus);
    form->addRow(tr("Memory"), m_memory);
    form->addRow(tr("GPUs and other resources"), m_gres);
    form->addRow(tr("More sbatch options"), m_sbatchOptions);
    form->addRow(tr("Set-up lines"), m_setupLines);
    auto *note = new QLabel(tr("Cluster runs are submitted with sbatch and run in the project folder: it must be on a "
                               "file system the cluster's nodes see, as must the shared run folders when the "
                               "project has them. Closing the window leaves cluster runs running; opening the "
                               "project again picks them up."),
                            page);
    note->setWordWrap(true);
    const auto update = [this] { m_slurm->setEnabled(m_target->currentData().toString() == QLatin1String("slurm")); };
    connect(m_target, qOverload<int>(&QComboBox::currentIndexChanged), this, update);
    update();
    auto *targetForm = new QFormLayout;
    targetForm->addRow(tr("Run scripts on"), m_target);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(targetForm);
    layout->addWidget(m_slurm);
    layout->addWidget(note);
    layout->addStretch();
    return page;
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
    m_project.setRunTarget(m_target->currentData().toString());
    SlurmSettings s = m_project.slurmSettings(); // keeps what the dialog does not show
    s.partition = m_partition->text().trimmed();
    s.timeLimit = m_timeLimit->text().trimmed();
    s.cpusPerTask = m_cpus->value();
    s.memory = m_memory->text().trimmed();
    s.gres = m_gres->text().trimmed();
    s.extraOptions = SlurmSettings::lines(m_sbatchOptions->toPlainText());
    s.setupLines = SlurmSettings::lines(m_setupLines->toPlainText());
    m_project.setSlurmSettings(s);
    QDialog::accept();
}

#include "projectdashboard.h"

#include "argumentline.h"
#include "codeviewer.h"
#include "icons.h"
#include "sweepdialog.h"
#include "projectscope.h"
#include "projectsettingsdialog.h"
#include "slurmsettings.h"

#include <QComboBox>
#include <QDir>
#include <QFileSystemModel>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int kArgumentHistory = 20;

// Hides the project's .runbench/ folder from the file tree.
class HideDataDir : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        return index.data().toString() != QLatin1String(".runbench")
            || !static_cast<QFileSystemModel *>(sourceModel())->isDir(index);
    }
};

} // namespace

ProjectDashboard::ProjectDashboard(QWidget *parent)
    : QWidget(parent)
    , m_files(new QFileSystemModel(this))
    , m_visibleFiles(new HideDataDir(this))
    , m_tree(new QTreeView(this))
    , m_script(new QComboBox(this))
    , m_interpreter(new QLabel(this))
    , m_settingsButton(new QToolButton(this))
    , m_arguments(new QComboBox(this))
    , m_runButton(new QPushButton(tr("&Run"), this))
    , m_sweepButton(new QPushButton(tr("S&weep…"), this))
    , m_viewer(new CodeViewer(this))
{
    m_files->setFilter(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    m_files->setReadOnly(true);
    m_visibleFiles->setSourceModel(m_files);
    m_tree->setModel(m_visibleFiles);
    m_tree->setObjectName(QStringLiteral("projectFiles"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    for (int c = 1; c < m_files->columnCount(); ++c)
        m_tree->hideColumn(c);
    connect(m_tree, &QTreeView::clicked, this, &ProjectDashboard::fileActivated);
    connect(m_tree, &QTreeView::activated, this, &ProjectDashboard::fileActivated);

    m_script->setObjectName(QStringLiteral("scriptPicker"));
    m_script->setMinimumContentsLength(24);
    m_script->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_script, &QComboBox::currentTextChanged, this, &ProjectDashboard::scriptChanged);
    m_interpreter->setObjectName(QStringLiteral("interpreterLabel"));
    m_interpreter->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_settingsButton->setText(tr("Settings…"));
    m_settingsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_settingsButton->setToolTip(tr("Interpreters and parallel runs of this project"));
    connect(m_settingsButton, &QToolButton::clicked, this, &ProjectDashboard::editSettings);

    m_arguments->setObjectName(QStringLiteral("argumentsBox"));
    m_arguments->setEditable(true);
    m_arguments->setInsertPolicy(QComboBox::NoInsert);
    m_arguments->lineEdit()->setPlaceholderText(tr("arguments for the script, e.g. 0.01"));
    m_arguments->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_arguments->lineEdit(), &QLineEdit::returnPressed, this, &ProjectDashboard::run);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setIcon(Icons::icon(Icons::Run));
    m_sweepButton->setIcon(Icons::icon(Icons::Sweep));
    m_settingsButton->setIcon(Icons::icon(Icons::Settings));
    m_runButton->setToolTip(tr("Start a tracked run (Ctrl+R)"));
    m_runButton->setDefault(true);
    connect(m_runButton, &QPushButton::clicked, this, &ProjectDashboard::run);
    m_sweepButton->setObjectName(QStringLiteral("sweepButton"));
    m_sweepButton->setToolTip(tr("Many runs at once: arguments with value sets such as {0.01,0.1,1}"));
    connect(m_sweepButton, &QPushButton::clicked, this, &ProjectDashboard::sweep);

    m_viewer->setObjectName(QStringLiteral("codeViewer"));

    auto *scriptRow = new QHBoxLayout;
    scriptRow->addWidget(m_script, 1);
    scriptRow->addWidget(m_interpreter);
    scriptRow->addWidget(m_settingsButton);
    auto *argumentsRow = new QHBoxLayout;
    argumentsRow->addWidget(m_arguments, 1);
    argumentsRow->addWidget(m_runButton);
    argumentsRow->addWidget(m_sweepButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Script"), scriptRow);
    form->addRow(tr("Arguments"), argumentsRow);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 4, 4, 0);
    rightLayout->addLayout(form);
    rightLayout->addWidget(m_viewer, 1);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("projectSplitter"));
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({ 220, 700 });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setEnabled(false);
}

void ProjectDashboard::setLastSeen(const QString &root, const QString &host)
{
    m_lastSeenRoot = root;
    m_lastSeenHost = host;
}

void ProjectDashboard::setProject(const Project &project)
{
    m_project = project;
    m_lastSeenRoot.clear();
    m_lastSeenHost.clear();
    setEnabled(project.isValid());
    const QModelIndex root = m_files->setRootPath(project.root());
    m_tree->setRootIndex(m_visibleFiles->mapFromSource(root));
    m_viewer->showText(QString());
    scanScripts();
}

QString ProjectDashboard::currentScript() const { return m_script->currentText(); }

void ProjectDashboard::selectScript(const QString &relativePath)
{
    if (m_script->findText(relativePath) < 0)
        m_script->addItem(relativePath);
    m_script->setCurrentText(relativePath);
}

QStringList ProjectDashboard::currentArguments() const { return ArgumentLine::split(m_arguments->currentText()); }

QStringList ProjectDashboard::argumentHistory(const QString &script) const
{
    const QSettings ui(m_project.workbenchSettingsPath(), QSettings::IniFormat);
    return ui.value(QStringLiteral("arguments/") + script).toStringList();
}

void ProjectDashboard::rememberArguments(const QString &script, const QString &arguments)
{
    QStringList history = argumentHistory(script);
    history.removeAll(arguments);
    history.prepend(arguments);
    while (history.size() > kArgumentHistory)
        history.removeLast();
    QSettings ui(m_project.workbenchSettingsPath(), QSettings::IniFormat);
    ui.setValue(QStringLiteral("arguments/") + script, history);
}

void ProjectDashboard::fileActivated(const QModelIndex &index)
{
    const QModelIndex source = m_visibleFiles->mapToSource(index);
    if (m_files->isDir(source))
        return;
    const QString path = m_files->filePath(source);
    const QString rel = QDir(m_project.root()).relativeFilePath(path);
    m_viewer->showFile(path);
    if (m_project.isRunnable(rel))
        selectScript(rel);
}

void ProjectDashboard::scriptChanged()
{
    const QString script = currentScript();
    const QString keep = m_arguments->currentText();
    m_arguments->clear();
    m_arguments->addItems(argumentHistory(script));
    m_arguments->setEditText(keep);
    if (script.isEmpty()) {
        m_interpreter->clear();
        m_runButton->setEnabled(false);
        m_sweepButton->setEnabled(false);
        Q_EMIT runnableChanged(false);
        return;
    }
    m_runButton->setEnabled(true);
    m_sweepButton->setEnabled(true);
    Q_EMIT runnableChanged(true);
    const QStringList command = m_project.interpreterFor(script);
    QString how = command.isEmpty() ? tr("runs as a program") : tr("with %1").arg(command.join(QLatin1Char(' ')));
    if (m_project.runTarget() == QLatin1String("slurm")) {
        const QString partition = m_project.slurmSettings().partition;
        how += QStringLiteral(" · ")
            + (partition.isEmpty() ? tr("on the Slurm cluster") : tr("on the Slurm cluster, partition %1").arg(partition));
        m_runButton->setToolTip(tr("Submit a tracked run to the Slurm cluster (Ctrl+R)"));
    } else {
        m_runButton->setToolTip(tr("Start a tracked run (Ctrl+R)"));
    }
    m_interpreter->setText(how);
    const QString path = QDir(m_project.root()).filePath(script);
    if (m_viewer->filePath() != path)
        m_viewer->showFile(path);
}

// Lists the runnable files of the project off the GUI thread.
void ProjectDashboard::scanScripts()
{
    const int generation = ++m_scanGeneration;
    const Project project = m_project;
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_scanGeneration)
            return;
        const QString current = currentScript();
        QSignalBlocker blocker(m_script);
        m_script->clear();
        m_script->addItems(watcher->result());
        if (!current.isEmpty())
            selectScript(current);
        blocker.unblock();
        scriptChanged();
    });
    watcher->setFuture(QtConcurrent::run([project] {
        QStringList scripts;
        if (!project.isValid())
            return scripts;
        const ProjectScope scope = ProjectScope::collect(project);
        const QMap<QString, QString> interpreters = project.interpreters();
        for (const QString &file : scope.files)
            if (project.isRunnable(file, interpreters))
                scripts.append(file);
        return scripts;
    }));
}

void ProjectDashboard::run()
{
    const QString script = currentScript();
    if (script.isEmpty() || !m_project.isValid())
        return;
    rememberArguments(script, m_arguments->currentText().trimmed());
    const QString text = m_arguments->currentText();
    Q_EMIT runRequested(script, ArgumentLine::split(text));
    // keep the history list in step without losing what was typed
    const QSignalBlocker blocker(m_arguments);
    m_arguments->clear();
    m_arguments->addItems(argumentHistory(script));
    m_arguments->setEditText(text);
}

void ProjectDashboard::editSettings()
{
    auto *dialog = new ProjectSettingsDialog(m_project, this);
    dialog->setLastSeen(m_lastSeenRoot, m_lastSeenHost);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        scanScripts();
        Q_EMIT settingsChanged();
    });
    dialog->open();
}

void ProjectDashboard::sweep()
{
    const QString script = currentScript();
    if (script.isEmpty() || !m_project.isValid() || m_sweepDialog)
        return;
    m_sweepDialog = new SweepDialog(script, m_arguments->currentText(), m_project.maxParallelRuns(), this);
    m_sweepDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_sweepDialog, &QDialog::accepted, this, [this, script] {
        rememberArguments(script, ArgumentLine::join(m_sweepDialog->arguments()));
        Q_EMIT sweepRequested(script, m_sweepDialog->arguments(), m_sweepDialog->plan(), m_sweepDialog->options(),
                              m_sweepDialog->parallel());
    });
    connect(m_sweepDialog, &QObject::destroyed, this, [this] { m_sweepDialog = nullptr; });
    m_sweepDialog->open();
}

#include "cli.h"
#include "gitutil.h"
#include "icons.h"
#include "mainwindow.h"
#include "sampleproject.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QThreadPool>

#include <csignal>
#include <memory>

// The application icon, built into the runbench_app library.
static void initIconResources() { Q_INIT_RESOURCE(icons); }

namespace {

bool isCommandLine(const QString &first)
{
    return Cli::isCommand(first) || first == QLatin1String("-h") || first == QLatin1String("--help")
        || first == QLatin1String("--version") || first == QLatin1String("-v");
}

int runWindow(int argc, char **argv, const QString &language)
{
    QApplication app(argc, argv);
    initIconResources();
    // before any widget: buttons size themselves for their icons once
    Icons::setUp();
    MainWindow::applyColors(MainWindow::chosenColors());
    // the installed theme's icon where there is one, else the built-in copy
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("io.github.runbench.Runbench"), QIcon(QStringLiteral(":/icons/runbench.svg"))));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.runbench.Runbench"));
    const QString chosenLanguage = Translations::chosen(language);
    if (!Translations::install(&app, chosenLanguage) && !chosenLanguage.isEmpty())
        Cli::printErr(
            QStringLiteral("runbench: no translation for “%1”; the window stays in English.\n").arg(chosenLanguage));
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
                                                             "Opens the Runbench workbench on PROJECT "
                                                             "(default: the last project, or the bundled "
                                                             "sample on first start)."));
    parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "A project folder."),
                                 QStringLiteral("[PROJECT]"));
    parser.addOption({ QStringLiteral("details"),
                       QApplication::translate("main", "Open the details of RUN (run id or number)."),
                       QStringLiteral("RUN") });
    parser.process(app);

    int exitCode = 0;
    {
        MainWindow window;
        QString folder = parser.positionalArguments().value(0);
        if (folder.isEmpty())
            folder = QSettings().value(QStringLiteral("lastProject")).toString();
        if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
            folder = SampleProject::defaultLocation();
            QString error;
            if (!SampleProject::copyTo(folder, &error))
                Cli::printErr(QStringLiteral("runbench: %1\n").arg(error));
        }
        window.openProject(folder);
        if (parser.isSet(QStringLiteral("details")))
            window.showDetails(parser.value(QStringLiteral("details")));
        window.show();
        exitCode = app.exec();
    }
    // The window has canceled and waited for its own tasks; what was left on
    // Qt's pool (a read whose view is gone) ends here, while the application
    // and the libraries are all still there.
    QThreadPool::globalInstance()->waitForDone();
    return exitCode;
}

} // namespace

int main(int argc, char **argv)
{
    // A file size limit reached while writing the history must be an error
    // Runbench reports (SQLite sees EFBIG), not a signal that kills it.
    std::signal(SIGXFSZ, SIG_IGN);
    // first, on this thread, before any other exists
    const Git::Library git;
    QCoreApplication::setApplicationName(QStringLiteral("runbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("Runbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RUNBENCH_VERSION));

    const QString language = Translations::takeLanguageOption(&argc, argv);
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (!isCommandLine(first))
        return runWindow(argc, argv, language);

    QCoreApplication app(argc, argv);
    Translations::install(&app, Translations::chosen(language));
    QStringList arguments = app.arguments();
    arguments.removeFirst();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        Cli::printOut(MainWindow::versionReport() + QLatin1Char('\n'));
        return 0;
    }
    const int exitCode = Cli::main(arguments);
    QThreadPool::globalInstance()->waitForDone();
    return exitCode;
}

#include "cli.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <cstdio>

namespace {

QString versionText()
{
    return QStringLiteral("runbench %1\nQt %2 (built with %3)\nSQLite driver: %4\n")
        .arg(QStringLiteral(RUNBENCH_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")) ? QStringLiteral("available")
                                                                        : QStringLiteral("missing"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("runbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("Runbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RUNBENCH_VERSION));

    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const QString first = arguments.value(0);

    QCoreApplication app(argc, argv);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        Cli::printOut(versionText());
        return 0;
    }
    if (Cli::isCommand(first) || first == QLatin1String("-h") || first == QLatin1String("--help"))
        return Cli::main(arguments);
    Cli::printErr(QStringLiteral("runbench: the workbench window is not part of this build; "
                                 "use the command line (runbench -h).\n"));
    return 2;
}

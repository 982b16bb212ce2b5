// The installed layout: `cmake --install` into a prefix, the desktop entry
// and the AppStream metainfo through their validators, the icons, the
// manual page against every command's -h, and the installed copy moved to
// another prefix running --version and a tracked run with its own launcher.
#include "testutil.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

namespace {

const QString kAppId = QStringLiteral("io.github.runbench.Runbench");

Result run(const QString &program, const QStringList &arguments, const QString &directory = QString(),
           const QProcessEnvironment &environment = QProcessEnvironment())
{
    return runCommand(program, arguments, directory, environment);
}

// The long options a help text lists under "Options:".
QSet<QString> longOptions(const QString &help)
{
    QSet<QString> options;
    static const QRegularExpression option(QStringLiteral("^\\s+(?:-\\w, )?(--[a-z][a-z-]*)"));
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        const auto m = option.match(line);
        if (m.hasMatch() && m.captured(1) != QLatin1String("--help-all"))
            options.insert(m.captured(1));
    }
    return options;
}

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layout();
    void validators();
    void manualPageDocumentsEveryOption();
    void movedPrefixRunsOnItsOwn();

private:
    QTemporaryDir m_dir;
    QString m_prefix;
};

void TestInstall::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_prefix = m_dir.filePath(QStringLiteral("usr"));
    const Result install = runCommand(QStringLiteral("cmake"),
                            { QStringLiteral("--install"), QStringLiteral(RUNBENCH_BUILD_DIR), QStringLiteral("--prefix"), m_prefix }, QString());
    QVERIFY2(install.exitCode == 0, qPrintable(install.err));
}

void TestInstall::layout()
{
    for (const QString &file :
         { QStringLiteral("bin/runbench"), QStringLiteral("libexec/runbench/runbench-launch"),
           QStringLiteral("share/applications/") + kAppId + QStringLiteral(".desktop"),
           QStringLiteral("share/metainfo/") + kAppId + QStringLiteral(".metainfo.xml"),
           QStringLiteral("share/icons/hicolor/scalable/apps/") + kAppId + QStringLiteral(".svg"),
           QStringLiteral("share/man/man1/runbench.1"),
           QStringLiteral("share/runbench/python/runbench/__init__.py") })
        QVERIFY2(QFileInfo::exists(m_prefix + QLatin1Char('/') + file), qPrintable(file));
    QVERIFY(QFileInfo(m_prefix + QStringLiteral("/bin/runbench")).isExecutable());
    QVERIFY(!QFileInfo::exists(m_prefix + QStringLiteral("/bin/runbench-launch"))); // not on the PATH
    for (int size : { 16, 22, 24, 32, 48, 64, 128, 256 }) {
        const QImage icon(m_prefix + QStringLiteral("/share/icons/hicolor/%1x%1/apps/").arg(size) + kAppId
                          + QStringLiteral(".png"));
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.pixelColor(size / 2, size / 2).alpha() == 255); // drawn, not empty
    }
}

void TestInstall::validators()
{
    const Result desktop = run(QStringLiteral("desktop-file-validate"),
                            { m_prefix + QStringLiteral("/share/applications/") + kAppId + QStringLiteral(".desktop") });
    QVERIFY2(desktop.exitCode == 0 && desktop.out.isEmpty() && desktop.err.isEmpty(),
             qPrintable(desktop.out + desktop.err));
    const Result metainfo = run(QStringLiteral("appstreamcli"),
                             { QStringLiteral("validate"), QStringLiteral("--no-net"),
                               m_prefix + QStringLiteral("/share/metainfo/") + kAppId + QStringLiteral(".metainfo.xml") });
    QVERIFY2(metainfo.exitCode == 0, qPrintable(metainfo.out + metainfo.err));
    // the screenshots it names are the README's
    const QByteArray xml = readFile(m_prefix + QStringLiteral("/share/metainfo/") + kAppId + QStringLiteral(".metainfo.xml"));
    static const QRegularExpression image(QStringLiteral("resources/screenshots/([a-z0-9-]+\\.png)"));
    int screenshots = 0;
    for (auto it = image.globalMatch(QString::fromUtf8(xml)); it.hasNext(); ++screenshots)
        QVERIFY(QFileInfo::exists(QStringLiteral(RUNBENCH_SOURCE_DIR "/resources/screenshots/") + it.next().captured(1)));
    QVERIFY(screenshots >= 3);
    QVERIFY(xml.contains("<release version=\"" RUNBENCH_VERSION "\""));
}

// Every command and every long option its -h lists is in the manual page.
void TestInstall::manualPageDocumentsEveryOption()
{
    const QString page = QString::fromUtf8(readFile(m_prefix + QStringLiteral("/share/man/man1/runbench.1")))
                             .remove(QLatin1Char('\\'));
    QVERIFY(!page.isEmpty());
    const QString runbench = m_prefix + QStringLiteral("/bin/runbench");
    const Result top = run(runbench, { QStringLiteral("-h") });
    QCOMPARE(top.exitCode, 0);
    QStringList commands = { QStringLiteral("run"), QStringLiteral("sweep"), QStringLiteral("log") };
    const Result history = run(runbench, { QStringLiteral("history"), QStringLiteral("-h") });
    QCOMPARE(history.exitCode, 0);
    static const QRegularExpression historyCommand(QStringLiteral("^  ([a-z]+)\\b"));
    QStringList historyCommands;
    for (const QString &line : history.out.split(QLatin1Char('\n'))) {
        const auto m = historyCommand.match(line);
        if (m.hasMatch() && !historyCommands.contains(m.captured(1)))
            historyCommands.append(m.captured(1));
    }
    QVERIFY(historyCommands.size() >= 10);
    for (const QString &c : std::as_const(historyCommands))
        commands.append(QStringLiteral("history ") + c);
    // the top-level help names every command; the page has each
    for (const QString &c : { QStringLiteral("run"), QStringLiteral("sweep"), QStringLiteral("log"), QStringLiteral("history") })
        QVERIFY(top.out.contains(QStringLiteral("runbench ") + c));
    for (const QString &command : std::as_const(commands)) {
        QVERIFY2(page.contains(command), qPrintable(QStringLiteral("no %1 in the manual page").arg(command)));
        QStringList arguments = command.split(QLatin1Char(' '));
        arguments << QStringLiteral("-h");
        const Result help = run(runbench, arguments);
        QVERIFY2(help.exitCode == 0, qPrintable(command));
        const QSet<QString> options = longOptions(help.out);
        QVERIFY2(!options.isEmpty(), qPrintable(command));
        for (const QString &option : options)
            QVERIFY2(page.contains(option),
                     qPrintable(QStringLiteral("%1 of `runbench %2` is not in the manual page").arg(option, command)));
    }
    for (const QString &option : { QStringLiteral("--details"), QStringLiteral("--lang"), QStringLiteral("--version") })
        QVERIFY(page.contains(option));
}

// The prefix moved elsewhere, as a relocated install would be: the copy
// finds its own launcher, and a tracked run works from it.
void TestInstall::movedPrefixRunsOnItsOwn()
{
    const QString moved = m_dir.filePath(QStringLiteral("opt/runbench"));
    QVERIFY(QDir().mkpath(QFileInfo(moved).absolutePath()));
    const QString copy = m_dir.filePath(QStringLiteral("copy"));
    QVERIFY(run(QStringLiteral("cp"), { QStringLiteral("-a"), m_prefix, copy }).exitCode == 0);
    QVERIFY(QDir().rename(copy, moved));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("RUNBENCH_LAUNCHER"));
    const QString runbench = moved + QStringLiteral("/bin/runbench");
    const Result version = run(runbench, { QStringLiteral("--version") }, QString(), environment);
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("Runbench " RUNBENCH_VERSION)));
    // its own launcher, not the build tree's
    QVERIFY2(version.out.contains(QStringLiteral("Launcher: %1/libexec/runbench/runbench-launch\n").arg(moved)),
             qPrintable(version.out));

    const QString project = m_dir.filePath(QStringLiteral("project"));
    QVERIFY(writeFile(project + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Installed\n"));
    QVERIFY(writeFile(project + QStringLiteral("/train.sh"),
                      "#!/bin/sh\nmkdir -p outputs\necho \"$1\" > outputs/arg.txt\n\"$RUNBENCH_BIN\" log loss 0.5\n", true));
    environment.insert(QStringLiteral("RUNBENCH_BIN"), runbench);
    const Result tracked = run(runbench, { QStringLiteral("run"), QStringLiteral("--quiet"), QStringLiteral("train.sh"),
                                        QStringLiteral("it's $(installed)") },
                            project, environment);
    QVERIFY2(tracked.exitCode == 0, qPrintable(tracked.err));
    const Result last = run(runbench, { QStringLiteral("history"), QStringLiteral("last") }, project, environment);
    QCOMPARE(last.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(last.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
    QCOMPARE(json.value(QStringLiteral("loss")).toDouble(), 0.5);
    const QString runDir = project + QStringLiteral("/.runbench/runs/") + json.value(QStringLiteral("run_id")).toString();
    QCOMPARE(readFile(runDir + QStringLiteral("/outputs/arg.txt")), QByteArray("it's $(installed)\n"));
}

QTEST_MAIN(TestInstall)
#include "tst_install.moc"

// The workbench in Korean: with the translation installed, no English is
// left in the window's menus, buttons, tabs and headers, and the command
// line speaks Korean too.
#include "icons.h"
#include "mainwindow.h"
#include "projectsettingsdialog.h"
#include "rundashboard.h"
#include "runhelper.h"
#include "runmodel.h"
#include "testutil.h"
#include "translations.h"
#include "widgetcheck.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

class TestKorean : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noEnglishInTheWindow();
    void commandLineSpeaksKorean();
    void settingsDialogSpeaksKoreanUnclipped();
    void windowUnclipped();

private:
    QStringList englishIn(const QString &where, const QString &text) const;
    void collectMenu(QMenu *menu, const QString &path, QStringList *found) const;

    QTemporaryDir m_home;
};

void TestKorean::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("RunbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("runbench-korean"));
    QVERIFY(Translations::available().contains(QStringLiteral("ko")));
    QVERIFY(Translations::install(qApp, QStringLiteral("ko")));
    QCOMPARE(QLocale().language(), QLocale::Korean);
    Icons::setUp(); // as the application does before its first widget
}

// Words of two or more Latin letters, but for names that stay as they are.
QStringList TestKorean::englishIn(const QString &where, const QString &text) const
{
    static const QStringList kept { QStringLiteral("Runbench"), QStringLiteral("CSV"),    QStringLiteral("PNG"),
                                    QStringLiteral("SVG"),      QStringLiteral("Git"),    QStringLiteral("ID"),
                                    QStringLiteral("Ctrl"),     QStringLiteral("Slurm"),  QStringLiteral("CPU"),
                                    QStringLiteral("GPU"),      QStringLiteral("sbatch"), QStringLiteral("MLflow") };
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    QStringList found;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QString w = it.next().captured();
        if (!kept.contains(w))
            found.append(QStringLiteral("%1: “%2” (%3)").arg(where, text, w));
    }
    return found;
}

void TestKorean::collectMenu(QMenu *menu, const QString &path, QStringList *found) const
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->isSeparator())
            continue;
        if (menu->objectName() == QLatin1String("languageMenu") && !action->data().toString().isEmpty())
            continue; // each language in its own name ("English", "한국어")
        if (action->text().contains(QLatin1Char('/')))
            continue; // a recent project's path
        *found += englishIn(path + QStringLiteral(" → ") + action->text(), action->text());
        if (action->menu())
            collectMenu(action->menu(), path + QStringLiteral(" → ") + action->text(), found);
    }
}

void TestKorean::noEnglishInTheWindow()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path() + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Korean\n"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(dir.path()));
    QStringList found;
    const QList<QAction *> top = window.menuBar()->actions();
    for (QAction *action : top) {
        found += englishIn(QStringLiteral("menu"), action->text());
        if (action->menu())
            collectMenu(action->menu(), action->text(), &found);
    }
    int checked = 0;
    for (int page = 0; page < 4; ++page) {
        window.showPage(MainWindow::Page(page));
        QCoreApplication::processEvents();
        const QList<QAbstractButton *> buttons = window.findChildren<QAbstractButton *>();
        for (QAbstractButton *button : buttons) {
            found += englishIn(QStringLiteral("button"), button->text());
            ++checked;
        }
        const QList<QTabBar *> tabBars = window.findChildren<QTabBar *>();
        for (QTabBar *tabs : tabBars)
            for (int i = 0; i < tabs->count(); ++i)
                found += englishIn(QStringLiteral("tab"), tabs->tabText(i));
        const QList<QAbstractItemView *> views = window.findChildren<QAbstractItemView *>();
        for (QAbstractItemView *view : views) {
            auto *header = qobject_cast<QHeaderView *>(view);
            if (!header || !header->model() || header->orientation() != Qt::Horizontal)
                continue;
            for (int s = 0; s < header->count(); ++s)
                if (!header->isSectionHidden(s)) {
                    found += englishIn(QStringLiteral("header"),
                                       header->model()->headerData(s, Qt::Horizontal).toString());
                    ++checked;
                }
        }
        const QList<QTreeWidget *> trees = window.findChildren<QTreeWidget *>();
        for (QTreeWidget *tree : trees)
            for (QTreeWidgetItemIterator it(tree); *it; ++it)
                found += englishIn(QStringLiteral("navigation"), (*it)->text(0));
    }
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    QVERIFY(checked > 20); // the walk did reach the widgets
    QVERIFY(window.menuBar()->actions().first()->text().contains(QStringLiteral("파일")));
}

// Every tab of Project settings in Korean, every label whole.
void TestKorean::settingsDialogSpeaksKoreanUnclipped()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path() + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Korean\n"));
    ProjectSettingsDialog dialog { Project(dir.path()) };
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
    QVERIFY(tabs);
    QStringList found;
    int labels = 0;
    for (int t = 0; t < tabs->count(); ++t) {
        tabs->setCurrentIndex(t);
        QCoreApplication::processEvents();
        found += englishIn(QStringLiteral("tab"), tabs->tabText(t));
        const QList<QLabel *> all = tabs->currentWidget()->findChildren<QLabel *>();
        for (QLabel *label : all) {
            if (!label->isVisible() || label->objectName() == QLatin1String("projectIdentity"))
                continue; // the project's id and paths are data
            // Paths and file extensions in examples ("/usr/bin/python3", ".py") are data.
            static const QRegularExpression paths(QStringLiteral("\\S*[/.]\\w\\S*"));
            found += englishIn(QStringLiteral("label"), QString(label->text()).remove(paths));
            if (!label->wordWrap() && label->width() < label->sizeHint().width())
                found.append(QStringLiteral("clipped: “%1”").arg(label->text()));
            ++labels;
        }
        const QList<QComboBox *> combos = tabs->currentWidget()->findChildren<QComboBox *>();
        for (QComboBox *combo : combos)
            for (int i = 0; i < combo->count(); ++i)
                found += englishIn(QStringLiteral("choice"), combo->itemText(i));
        const QString shots = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            dialog.grab().save(shots + QStringLiteral("/settings-ko-%1.png").arg(t));
    }
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    QVERIFY(labels > 10);
}

// Every page of a 1280×800 window (as many logical pixels at 200% scale,
// where CTest runs this once more with QT_SCALE_FACTOR=2), with a finished
// run in the grid: no button, label or grid cell cuts its Korean text.
void TestKorean::windowUnclipped()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path() + QStringLiteral("/.runbench/project.ini"), "[project]\nname=Korean\n"));
    QVERIFY(writeFile(dir.path() + QStringLiteral("/train.py"), "print('학습 끝')\n"));
    QVERIFY(!runTracked(dir.path(), QStringLiteral("train.py")).isEmpty());
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(dir.path()));
    QTRY_COMPARE(window.runModel()->rowCount(), 1);
    QStringList found;
    for (int page = 0; page < 4; ++page) {
        window.showPage(MainWindow::Page(page));
        QCoreApplication::processEvents();
        // a window that cannot be as narrow as the screen runs off its edge
        if (window.width() > 1280)
            found.append(QStringLiteral("page %1 needs a window %2 px wide").arg(page).arg(window.width()));
        const QString shots = qEnvironmentVariable("RUNBENCH_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            window.grab().save(shots + QStringLiteral("/window-ko-%1.png").arg(page));
        for (const QString &problem : clippedTextIn(&window))
            found.append(QStringLiteral("page %1: %2").arg(page).arg(problem));
    }
    auto *grid = window.runDashboard()->findChild<QTableView *>(QStringLiteral("runGrid"));
    QVERIFY(grid);
    QCOMPARE(grid->model()->rowCount(), 1);
    found += clippedCellsIn(grid);
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestKorean::commandLineSpeaksKorean()
{
    QTemporaryDir dir;
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.start(QStringLiteral(RUNBENCH_BINARY),
            { QStringLiteral("--lang"), QStringLiteral("ko"), QStringLiteral("history"), QStringLiteral("list"),
              QStringLiteral("--project"), dir.path() });
    QVERIFY(p.waitForFinished(30000));
    const QString errors = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(errors.contains(QStringLiteral("실행 기록이 없습니다")), qPrintable(errors));

    p.start(QStringLiteral(RUNBENCH_BINARY),
            { QStringLiteral("--lang=ko"), QStringLiteral("run"), QStringLiteral("-h") });
    QVERIFY(p.waitForFinished(30000));
    const QString help = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(help.contains(QStringLiteral("추적되는 실행")), qPrintable(help));

    // Without --lang, in an English locale, it stays English.
    p.start(QStringLiteral(RUNBENCH_BINARY), { QStringLiteral("run"), QStringLiteral("-h") });
    QVERIFY(p.waitForFinished(30000));
    QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("tracked run")));
}

QTEST_MAIN(TestKorean)
#include "tst_korean.moc"

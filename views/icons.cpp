#include "icons.h"

#include "joblistmodel.h"
#include "runrecord.h"

#include <QGuiApplication>
#include <QMimeDatabase>
#include <QPalette>

static void initBreezeIcons() { Q_INIT_RESOURCE(breeze_icons); }

namespace {

const auto kLightSet = QStringLiteral("runbench-breeze");
const auto kDarkSet = QStringLiteral("runbench-breeze-dark");

const char *const kNames[Icons::IconCount] = {
    "media-playback-start", // Run
    "view-grid", // Sweep: a run for every cell of the grid of values
    "process-stop", // Stop
    "document-open-folder", // OpenProject
    "document-new", // NewProject
    "document-save-as", // SaveCopy
    "document-import", // Import
    "document-export", // Export
    "edit-undo", // Undo
    "application-exit", // Quit
    "help-about", // About
    "preferences-desktop-locale", // Language
    "color-management", // Colors
    "view-list-details", // JobPanel
    "project-development", // Project
    "view-history", // History
    "view-statistics", // Dashboard
    "documentinfo", // Details
    "view-split-left-right", // Compare
    "configure", // Settings
    "view-refresh", // Rerun
    "document-revert", // Restore
    "download", // Download
    "view-list-details", // Columns
    "document-preview", // Log
    "folder", // Folder
};

} // namespace

QString Icons::name(Icon icon) { return QString::fromLatin1(kNames[icon]); }

QIcon Icons::icon(Icon icon) { return QIcon::fromTheme(name(icon)); }

QIcon Icons::forStatus(int status)
{
    const char *themeName = "data-information";
    switch (status) {
    case JobListModel::Submitting: themeName = "chronometer"; break;
    case JobListModel::Rejected: themeName = "data-warning"; break;
    case int(RunStatus::Queued): themeName = "chronometer"; break;
    case int(RunStatus::Preparing): themeName = "chronometer"; break;
    case int(RunStatus::Running): themeName = "media-playback-start"; break;
    case int(RunStatus::Completed): themeName = "data-success"; break;
    case int(RunStatus::Failed): themeName = "data-error"; break;
    case int(RunStatus::Canceled): themeName = "dialog-cancel"; break;
    case int(RunStatus::Lost): themeName = "data-warning"; break;
    default: break;
    }
    return QIcon::fromTheme(QString::fromLatin1(themeName));
}

QIcon Icons::forFile(const QString &path)
{
    static const QMimeDatabase mimes;
    // by name only: no file is read on the window's thread
    const QMimeType type = mimes.mimeTypeForFile(path, QMimeDatabase::MatchExtension);
    for (const QString &candidate : { type.iconName(), type.genericIconName() }) {
        if (QIcon::hasThemeIcon(candidate))
            return QIcon::fromTheme(candidate);
    }
    return QIcon::fromTheme(QStringLiteral("unknown"));
}

bool Icons::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void Icons::setUp()
{
    initBreezeIcons();
    QStringList paths = QIcon::themeSearchPaths();
    if (!paths.contains(QStringLiteral(":/icons"))) {
        paths.append(QStringLiteral(":/icons"));
        QIcon::setThemeSearchPaths(paths);
    }
    followPalette(QGuiApplication::palette());
}

void Icons::followPalette(const QPalette &palette)
{
    const bool dark = isDark(palette);
    QString theme = QIcon::themeName();
    // Breeze itself comes in both: the one that suits the palette.
    if (theme == QLatin1String("breeze") && dark)
        theme = QStringLiteral("breeze-dark");
    else if (theme == QLatin1String("breeze-dark") && !dark)
        theme = QStringLiteral("breeze");
    const QString fallback = dark ? kDarkSet : kLightSet;
    // Without a desktop theme Qt looks nowhere, not even in the fallback:
    // then the built-in set is the theme.
    if (theme.isEmpty() || theme == kLightSet || theme == kDarkSet)
        theme = fallback;
    if (theme == QIcon::themeName() && fallback == QIcon::fallbackThemeName())
        return;
    QIcon::setFallbackThemeName(fallback);
    // Qt keeps each theme it read with the fallback of that moment: setting
    // the search paths again drops them, and the theme name makes the icons
    // already made look again.
    QIcon::setThemeSearchPaths(QIcon::themeSearchPaths());
    QIcon::setThemeName(theme);
}

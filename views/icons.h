#pragma once

#include <QIcon>

class QPalette;

// The window's icons by what they stand for. Each comes from the desktop's
// icon theme when it has one by that freedesktop name, else from the Breeze
// icons built into Runbench (resources/icons/breeze, LGPL-3+): the light set
// on a light palette, the dark set on a dark one.
namespace Icons {

enum Icon {
    Run,
    Sweep,
    Stop,
    OpenProject,
    NewProject,
    SaveCopy,
    Import,
    Export,
    Undo,
    Quit,
    About,
    Language,
    Colors,
    JobPanel,
    Project,
    History,
    Dashboard,
    Details,
    Compare,
    Settings,
    Rerun,
    Restore,
    Download,
    Columns,
    Log,
    Folder,
    IconCount
};

// The freedesktop icon name of icon, e.g. "media-playback-start" for Run.
QString name(Icon icon);
QIcon icon(Icon icon);
// A run's or a job's state (RunStatus as an int; JobListModel's own states
// Submitting and Rejected too).
QIcon forStatus(int status);
// The icon of a file's type, from its name (no file is read).
QIcon forFile(const QString &path);

// Makes the built-in icons findable; once, after the application exists.
void setUp();
// Picks the light or dark built-in set (and the light or dark Breeze of the
// desktop's theme) for palette; called again whenever the palette changes.
void followPalette(const QPalette &palette);
bool isDark(const QPalette &palette);

} // namespace Icons

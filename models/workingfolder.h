#pragma once

#include <QString>
#include <QStringList>

// A run's working folder shows the whole project (DESIGN.md, "A run's
// life", step 2). The code comes from the snapshot's checkout; everything
// the snapshot left out — ignored files and folders, files over the size
// limit, special files — is linked in at the same path: a hard link for a
// file on the same file system, a symbolic link otherwise, one link for a
// whole folder that has nothing recorded in it. Nothing is copied, followed
// or written through.
//
// All of it is file I/O: call it off the GUI thread.
namespace WorkingFolder {

struct Result
{
    // What the snapshot does not record, as a user reads it: "big.bin",
    // "data/" (a folder), "data -> /mnt/datasets" (a link leaving the
    // project), "fifo (special file)", "secret.txt (unreadable: …)".
    QStringList leftOut;
    QString error; // empty on success
};

// Links into workDir (the snapshot's checkout) what projectRoot has and
// workDir does not. .runbench/, outputs/ and .git/ at the top stay out.
Result linkLeftOut(const QString &projectRoot, const QString &workDir);

// The target a link of the project gets in a working folder: a target that
// stays inside the project is kept as it is (it resolves to the working
// folder's copy); a relative one that leaves the project becomes the
// absolute path it names, so it reaches the same place from the working
// folder. relativePath is the link's path in the project, with '/'.
QString linkTargetFor(const QString &projectRoot, const QString &relativePath, const QString &target);

// True when target, read from a link at relativePath, names a place outside
// projectRoot (absolute, or with enough "..").
bool leavesProject(const QString &projectRoot, const QString &relativePath, const QString &target);

} // namespace WorkingFolder

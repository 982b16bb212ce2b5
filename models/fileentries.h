#pragma once

#include <QString>
#include <QStringList>

// The few file system calls that must not follow links, shared by the
// working folder, the project copy and the outputs' collection.
namespace FileEntries {

// The names in a folder, sorted, without "." and ".."; false (errno set)
// when the folder cannot be read.
bool list(const QString &folder, QStringList *names);

// The target a symbolic link holds, as it is written; "" (errno set) when
// path is not a link.
QString readLink(const QString &path);

// The process's file creation mask (read without changing it).
unsigned umask();

// The permission bits a file gets when created with the default mode
// (0666, or 0777 for an executable) under the process's mask.
unsigned defaultMode(bool executable);

} // namespace FileEntries

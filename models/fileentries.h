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

} // namespace FileEntries

#pragma once

#include <QString>
#include <QStringList>

// The Arguments box's text and an argument list, converted both ways with
// POSIX shell quoting rules ('single', "double", backslash), but never
// through a shell: no variables, globs or command separators are expanded.
namespace ArgumentLine {
// Splits "0.01 --name 'two words'" into { "0.01", "--name", "two words" }.
// *ok is false for an unclosed quote (the rest is taken as one argument).
QStringList split(const QString &line, bool *ok = nullptr);
// The inverse: quotes each argument that needs it.
QString join(const QStringList &arguments);
} // namespace ArgumentLine

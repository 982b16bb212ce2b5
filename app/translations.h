#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

// The interface language: Runbench's own translations (translations/*.ts,
// compiled into the program) and Qt's for its standard dialogs. Chosen by
// `--lang`, else the "language" setting (View → Language), else the
// system's locale.
namespace Translations {
// Removes "--lang X" / "--lang=X" from argv (so the other parsers never see
// it) and returns X, or "" when absent.
QString takeLanguageOption(int *argc, char **argv);
// The language to use: the option if given, else the setting, else "" (the
// system's). Needs the application's organization and name set.
QString chosen(const QString &option);
// Installs the translators for language ("" = the system's locale; "en" =
// none) on app and makes that locale the default for dates and numbers.
// Returns false if a language other than English has no translation.
bool install(QCoreApplication *app, const QString &language);
// Languages with a translation, as codes ("ko"), English first.
QStringList available();
// A language's own name ("한국어"), as its speakers write it.
QString nativeName(const QString &code);
} // namespace Translations

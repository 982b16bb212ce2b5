#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstring>

static void initTranslationResources() { Q_INIT_RESOURCE(runbench_translations); }

namespace {

QString qtTranslationsPath()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
#else
    return QLibraryInfo::location(QLibraryInfo::TranslationsPath);
#endif
}

} // namespace

QString Translations::takeLanguageOption(int *argc, char **argv)
{
    QString language;
    int out = 1;
    for (int i = 1; i < *argc; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < *argc) {
            language = QString::fromLocal8Bit(argv[++i]);
            continue;
        }
        if (std::strncmp(argv[i], "--lang=", 7) == 0) {
            language = QString::fromLocal8Bit(argv[i] + 7);
            continue;
        }
        argv[out++] = argv[i];
    }
    for (int i = out; i < *argc; ++i)
        argv[i] = nullptr;
    *argc = out;
    return language;
}

QString Translations::chosen(const QString &option)
{
    if (!option.isEmpty())
        return option;
    return QSettings().value(QStringLiteral("language")).toString();
}

bool Translations::install(QCoreApplication *app, const QString &language)
{
    initTranslationResources();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtTranslationsPath()))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(app);
    if (own->load(locale, QStringLiteral("runbench"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

QStringList Translations::available()
{
    initTranslationResources();
    QStringList codes { QStringLiteral("en") };
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({ QStringLiteral("runbench_*.qm") });
    for (const QString &file : files)
        codes.append(file.mid(9, file.size() - 12)); // runbench_ko.qm → ko
    return codes;
}

QString Translations::nativeName(const QString &code)
{
    const QLocale locale(code);
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? code : name;
}

#include "domain/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace ww {

namespace {

struct Installed
{
    QString code;
    QString dir = QStringLiteral(":/i18n");
    std::unique_ptr<QTranslator> own;
    std::unique_ptr<QTranslator> qt;
};

Installed& installed()
{
    static Installed i;
    return i;
}

void removeTranslators()
{
    Installed& i = installed();
    if (i.own) {
        QCoreApplication::removeTranslator(i.own.get());
        i.own.reset();
    }
    if (i.qt) {
        QCoreApplication::removeTranslator(i.qt.get());
        i.qt.reset();
    }
}

} // namespace

QStringList shippedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString languageName(const QString& code)
{
    if (code == u"de")
        return QStringLiteral("Deutsch");
    if (code == u"zh_CN")
        return QStringLiteral("中文（简体）");
    if (code == u"en")
        return QStringLiteral("English");
    return code;
}

bool installLanguage(const QString& code)
{
    Installed& i = installed();
    const bool system = code.isEmpty();
    if (!system && !shippedLanguages().contains(code)) {
        installLanguage(QStringLiteral("en"));
        return false;
    }
    const QLocale locale = system ? QLocale::system() : QLocale(code);
    removeTranslators();
    QLocale::setDefault(locale);
    i.code = code;
    // English is the source text: no translator. The system's locale picks the closest shipped one.
    if (code == u"en" || (system && locale.language() == QLocale::English))
        return true;
    auto own = std::make_unique<QTranslator>();
    const bool loaded = system ? own->load(locale, QStringLiteral("wardwatch"), QStringLiteral("_"), i.dir)
                               : own->load(QStringLiteral("wardwatch_") + code, i.dir);
    if (!loaded && system)
        return true; // a system locale WardWatch has no translation for: English
    if (!loaded) {
        QLocale::setDefault(QLocale(QLocale::English));
        i.code = QStringLiteral("en");
        return false;
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        i.qt = std::move(qt);
    }
    QCoreApplication::installTranslator(own.get());
    i.own = std::move(own);
    return true;
}

QString installedLanguage()
{
    return installed().code;
}

void setTranslationsDirectory(const QString& dir)
{
    installed().dir = dir;
}

} // namespace ww

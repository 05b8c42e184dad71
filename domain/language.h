#pragma once
// The program's language: one translator of WardWatch's own strings and one of Qt's (standard
// buttons, dialogs), swapped at run time, and the default QLocale (numbers, dates) set with them.
// Qt Core only, so the programs without a window set their language the same way.
#include <QString>
#include <QStringList>

namespace ww {

// The languages WardWatch ships: "en" (the source strings), "de", "zh_CN".
[[nodiscard]] QStringList shippedLanguages();
// A language's name in that language ("Deutsch", "中文（简体）"), for a menu that anyone can read.
[[nodiscard]] QString languageName(const QString& code);
// Installs the language of code ("" = the system's locale, "en", "de", "zh_CN"): the previous
// translators are removed, the new ones installed (Qt sends LanguageChange to every widget), and
// QLocale::setDefault follows. False, and English, when code is none of the shipped languages or
// its translation cannot be loaded; the system's locale in a language WardWatch lacks is English.
bool installLanguage(const QString& code);
// The code installed ("" while the system's locale is followed).
[[nodiscard]] QString installedLanguage();
// Where the compiled translations are: ":/i18n" (the program's resources) unless set (tests point
// it at the build's .qm files).
void setTranslationsDirectory(const QString& dir);

} // namespace ww

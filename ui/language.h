#pragma once
// Switching the station's language while it runs: the translators and the default locale swapped
// (domain/language.h); every window follows through Qt's LanguageChange (the main window builds
// itself again from the models). A settings dialog's languageChanged(code) connects to
// switchLanguage.
#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace ww {

// "" = the system's locale, "en", "de", "zh_CN". False (and English) for a language not shipped.
bool switchLanguage(const QString& code);
// View > Language: the system's language and each shipped one by its own name, the installed one
// checked; choosing one switches at once and is remembered for the next start (ui/language).
[[nodiscard]] QMenu* languageMenu(QWidget* parent);
// A window that stays open while the language is switched sets its texts in retranslate: run now,
// and again each time a LanguageChange reaches widget (Qt sends it to every top-level window and
// on to their children). What retranslate captures must live as long as widget.
void onLanguageChange(QWidget* widget, std::function<void()> retranslate);

} // namespace ww

#pragma once
// The station's look, applied live to the whole application: a light or a dark palette (on the
// Fusion style, which draws with the palette everywhere), or the desktop's choice, and large type
// (every font 1.5 times, the fonts widgets set themselves included). The colours that carry a
// meaning follow the scheme through models/stationcolours.h.
#include <QObject>
#include <QPalette>
#include <QString>
#include <optional>

class QWidget;

namespace ww {

enum class ThemeChoice { Auto, Light, Dark };

struct Appearance
{
    ThemeChoice theme = ThemeChoice::Auto;
    bool largeType = false;
};

inline constexpr double LargeTypeFactor = 1.5;

// The desktop's preference as far as Qt 6.4 can tell: the freedesktop portal's color-scheme
// (org.freedesktop.appearance, read asynchronously once Auto is applied; 1 = dark, 2 = light),
// otherwise the lightness of the system palette's window colour.
[[nodiscard]] bool desktopPrefersDark();
// Palette, style, fonts and the meaningful colours of the whole application, now; widgets
// repaint, and AppearanceNotifier::changed() tells those that keep colours of their own.
void applyAppearance(const Appearance& appearance);
[[nodiscard]] Appearance currentAppearance();
[[nodiscard]] bool darkThemeActive(); // what the last applyAppearance chose (Auto resolved)
[[nodiscard]] double fontScale();     // 1, or LargeTypeFactor in large type
// The palette of each theme (tst_theme checks its text contrast).
[[nodiscard]] QPalette themePalette(bool dark);

[[nodiscard]] QString themeName(ThemeChoice choice); // "auto", "light", "dark"
[[nodiscard]] std::optional<ThemeChoice> parseTheme(const QString& text);

// Text that says something by its colour (a fault in red): the colour follows the theme.
enum class TextTone { Normal, Error, Warning, Muted };
void setTextTone(QWidget* widget, TextTone tone, bool bold = false);
// Bold or not, the size still inherited (a style sheet's font-weight would freeze the whole font:
// large type would pass it by).
void setBoldFont(QWidget* widget, bool bold);

class AppearanceNotifier : public QObject
{
    Q_OBJECT
public:
    static AppearanceNotifier& instance();

Q_SIGNALS:
    void changed(); // after the palette and fonts changed

private:
    using QObject::QObject;
};

} // namespace ww

#include "ui/theme.h"
#include "models/stationcolours.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QEvent>
#include <QLoggingCategory>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
#include <QThreadPool>
#include <QWidget>
#include <cmath>

Q_LOGGING_CATEGORY(lcTheme, "ww.theme", QtWarningMsg)

namespace ww {

namespace {

constexpr auto PortalService = "org.freedesktop.portal.Desktop";
constexpr auto PortalPath = "/org/freedesktop/portal/desktop";
constexpr auto PortalInterface = "org.freedesktop.portal.Settings";
constexpr auto AppearanceGroup = "org.freedesktop.appearance";
constexpr auto ColorSchemeKey = "color-scheme";
// A widget's own font size before large type, and the size large type gave it.
constexpr auto BasePointSize = "wwBasePointSize";
constexpr auto ScaledPointSize = "wwScaledPointSize";
constexpr auto ToneProperty = "wwTextTone";

struct ThemeState
{
    Appearance appearance;
    bool applied = false;
    bool dark = false;
    double scale = 1;
    bool applying = false;          // fonts changed by applyAppearance itself
    std::optional<QPalette> system; // the desktop's palette, before any theme was applied
    std::optional<QFont> baseFont;  // the application font before large type
    std::optional<bool> portalDark; // the portal's answer (nullopt: none, or "no preference")
    bool portalAsked = false;
};

ThemeState& state()
{
    static ThemeState s;
    return s;
}

void rememberSystemLook()
{
    ThemeState& s = state();
    if (!s.system)
        s.system = QGuiApplication::palette();
    if (!s.baseFont)
        s.baseFont = QGuiApplication::font();
}

bool hasOwnSize(const QWidget* w)
{
    return (w->font().resolveMask() & QFont::SizeResolved) && w->font().pointSizeF() > 0;
}

// Scales a widget's own font size (one it set itself) to the current factor. A size the widget set
// since the last scaling is its new unscaled size.
void scaleOwnFont(QWidget* w)
{
    if (!hasOwnSize(w))
        return;
    const double now = w->font().pointSizeF();
    const QVariant scaled = w->property(ScaledPointSize);
    const double base = scaled.isValid() && std::abs(scaled.toDouble() - now) < 0.01 ? w->property(BasePointSize).toDouble() : now;
    const double want = base * state().scale;
    w->setProperty(BasePointSize, base);
    w->setProperty(ScaledPointSize, want);
    if (std::abs(want - now) >= 0.01) {
        QFont f = w->font();
        f.setPointSizeF(want);
        w->setFont(f);
    }
}

void applyTone(QWidget* w)
{
    const QVariant tone = w->property(ToneProperty);
    if (!tone.isValid())
        return;
    QPalette pal = w->palette();
    QColor c;
    switch (TextTone(tone.toInt())) {
    case TextTone::Normal: c = QApplication::palette(w).color(QPalette::WindowText); break;
    case TextTone::Error: c = errorTextColour(); break;
    case TextTone::Warning: c = warningTextColour(); break;
    case TextTone::Muted: c = mutedColour(); break;
    }
    pal.setColor(QPalette::WindowText, c);
    pal.setColor(QPalette::Text, c);
    w->setPalette(pal);
}

// Sees every font a widget sets: in large type, the widget's own size is scaled when it sets one
// (a dialog opened later, a banner made after the theme was applied).
class FontScaler : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::FontChange && !state().applying && watched->isWidgetType())
            scaleOwnFont(static_cast<QWidget*>(watched));
        return QObject::eventFilter(watched, event);
    }
};

void ensureFontScaler()
{
    static QPointer<FontScaler> scaler;
    if (scaler || !qApp)
        return;
    scaler = new FontScaler(qApp);
    qApp->installEventFilter(scaler);
}

void setRole(QPalette& p, QPalette::ColorRole role, const QColor& active, const QColor& disabled)
{
    p.setColor(QPalette::Active, role, active);
    p.setColor(QPalette::Inactive, role, active);
    p.setColor(QPalette::Disabled, role, disabled);
}

} // namespace

// Receives the portal's SettingChanged signal (QtDBus connects slots by name only).
class PortalListener : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    static PortalListener& instance()
    {
        static auto* listener = new PortalListener(qApp);
        return *listener;
    }
    static std::optional<bool> darkFrom(QVariant v)
    {
        while (v.userType() == qMetaTypeId<QDBusVariant>())
            v = v.value<QDBusVariant>().variant();
        bool ok = false;
        const uint scheme = v.toUInt(&ok);
        if (!ok || scheme == 0 || scheme > 2)
            return std::nullopt; // no preference: the palette decides
        return scheme == 1;
    }
    static void answered(std::optional<bool> dark)
    {
        ThemeState& s = state();
        const bool before = desktopPrefersDark();
        s.portalDark = dark;
        qCDebug(lcTheme) << "portal color-scheme: dark" << dark.value_or(false) << "known" << dark.has_value();
        if (s.applied && s.appearance.theme == ThemeChoice::Auto && desktopPrefersDark() != before)
            applyAppearance(s.appearance);
    }

public Q_SLOTS:
    void settingChanged(const QString& group, const QString& key, const QDBusVariant& value)
    {
        if (group == QLatin1String(AppearanceGroup) && key == QLatin1String(ColorSchemeKey))
            answered(darkFrom(value.variant()));
    }
};

namespace {

// Asks the portal on a worker thread (connecting to the session bus and the call itself may
// wait), hears its changes from then on, and answers on the GUI thread.
void askPortal()
{
    ThemeState& s = state();
    if (s.portalAsked || !qApp)
        return;
    s.portalAsked = true;
    QPointer<PortalListener> listener(&PortalListener::instance());
    QThreadPool::globalInstance()->start([listener] {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected()) {
            qCDebug(lcTheme) << "no session bus: the palette decides";
            return;
        }
        QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(PortalService), QLatin1String(PortalPath),
                                                           QLatin1String(PortalInterface), QStringLiteral("Read"));
        call << QLatin1String(AppearanceGroup) << QLatin1String(ColorSchemeKey);
        const QDBusMessage reply = bus.call(call, QDBus::Block, 2000);
        std::optional<bool> dark;
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
            dark = PortalListener::darkFrom(reply.arguments().constFirst());
        else
            qCDebug(lcTheme) << "portal not answering:" << reply.errorMessage();
        if (listener)
            bus.connect(QLatin1String(PortalService), QLatin1String(PortalPath), QLatin1String(PortalInterface),
                        QStringLiteral("SettingChanged"), listener.data(), SLOT(settingChanged(QString, QString, QDBusVariant)));
        QMetaObject::invokeMethod(qApp, [dark] { PortalListener::answered(dark); }, Qt::QueuedConnection);
    });
}

} // namespace

AppearanceNotifier& AppearanceNotifier::instance()
{
    static auto* notifier = new AppearanceNotifier(qApp);
    return *notifier;
}

bool desktopPrefersDark()
{
    const ThemeState& s = state();
    if (s.portalDark)
        return *s.portalDark;
    const QPalette system = s.system ? *s.system : QGuiApplication::palette();
    return system.color(QPalette::Window).lightnessF() < 0.5;
}

QPalette themePalette(bool dark)
{
    QPalette p;
    if (!dark) {
        const QColor text(0x00, 0x00, 0x00), off(0x8c, 0x8c, 0x8c);
        setRole(p, QPalette::Window, QColor(0xef, 0xef, 0xef), QColor(0xef, 0xef, 0xef));
        setRole(p, QPalette::WindowText, text, off);
        setRole(p, QPalette::Base, Qt::white, QColor(0xef, 0xef, 0xef));
        setRole(p, QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5), QColor(0xef, 0xef, 0xef));
        setRole(p, QPalette::Text, text, off);
        setRole(p, QPalette::Button, QColor(0xef, 0xef, 0xef), QColor(0xef, 0xef, 0xef));
        setRole(p, QPalette::ButtonText, text, off);
        setRole(p, QPalette::BrightText, Qt::white, Qt::white);
        setRole(p, QPalette::Light, Qt::white, Qt::white);
        setRole(p, QPalette::Midlight, QColor(0xca, 0xca, 0xca), QColor(0xca, 0xca, 0xca));
        setRole(p, QPalette::Mid, QColor(0xb8, 0xb8, 0xb8), QColor(0xb8, 0xb8, 0xb8));
        setRole(p, QPalette::Dark, QColor(0x9f, 0x9f, 0x9f), QColor(0x9f, 0x9f, 0x9f));
        setRole(p, QPalette::Shadow, QColor(0x76, 0x76, 0x76), QColor(0x76, 0x76, 0x76));
        setRole(p, QPalette::Highlight, QColor(0x1f, 0x5f, 0xa6), QColor(0x91, 0x91, 0x91));
        setRole(p, QPalette::HighlightedText, Qt::white, Qt::white);
        setRole(p, QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc), QColor(0xff, 0xff, 0xdc));
        setRole(p, QPalette::ToolTipText, text, text);
        setRole(p, QPalette::PlaceholderText, QColor(0x66, 0x66, 0x66), off);
        setRole(p, QPalette::Link, QColor(0x0b, 0x57, 0xa8), off);
        setRole(p, QPalette::LinkVisited, QColor(0x6b, 0x2a, 0x9b), off);
        return p;
    }
    const QColor text(0xe8, 0xe8, 0xe8), off(0x80, 0x80, 0x80);
    setRole(p, QPalette::Window, QColor(0x35, 0x35, 0x35), QColor(0x35, 0x35, 0x35));
    setRole(p, QPalette::WindowText, text, off);
    setRole(p, QPalette::Base, QColor(0x24, 0x24, 0x24), QColor(0x2c, 0x2c, 0x2c));
    setRole(p, QPalette::AlternateBase, QColor(0x2c, 0x2c, 0x2c), QColor(0x2c, 0x2c, 0x2c));
    setRole(p, QPalette::Text, text, off);
    setRole(p, QPalette::Button, QColor(0x40, 0x40, 0x40), QColor(0x35, 0x35, 0x35));
    setRole(p, QPalette::ButtonText, text, off);
    setRole(p, QPalette::BrightText, Qt::white, Qt::white);
    setRole(p, QPalette::Light, QColor(0x5a, 0x5a, 0x5a), QColor(0x4a, 0x4a, 0x4a));
    setRole(p, QPalette::Midlight, QColor(0x4a, 0x4a, 0x4a), QColor(0x40, 0x40, 0x40));
    setRole(p, QPalette::Mid, QColor(0x2a, 0x2a, 0x2a), QColor(0x2a, 0x2a, 0x2a));
    setRole(p, QPalette::Dark, QColor(0x1e, 0x1e, 0x1e), QColor(0x1e, 0x1e, 0x1e));
    setRole(p, QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a), QColor(0x0a, 0x0a, 0x0a));
    setRole(p, QPalette::Highlight, QColor(0x2a, 0x64, 0xa8), QColor(0x50, 0x50, 0x50));
    setRole(p, QPalette::HighlightedText, Qt::white, QColor(0xc0, 0xc0, 0xc0));
    setRole(p, QPalette::ToolTipBase, QColor(0x45, 0x45, 0x45), QColor(0x45, 0x45, 0x45));
    setRole(p, QPalette::ToolTipText, QColor(0xf0, 0xf0, 0xf0), QColor(0xf0, 0xf0, 0xf0));
    setRole(p, QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0), off);
    setRole(p, QPalette::Link, QColor(0x7a, 0xb8, 0xff), off);
    setRole(p, QPalette::LinkVisited, QColor(0xc0, 0x9c, 0xf0), off);
    return p;
}

void applyAppearance(const Appearance& appearance)
{
    if (!qApp)
        return;
    ThemeState& s = state();
    rememberSystemLook();
    ensureFontScaler();
    if (appearance.theme == ThemeChoice::Auto)
        askPortal();
    if (QString::compare(QApplication::style()->name(), QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    s.appearance = appearance;
    s.applied = true;
    s.dark = appearance.theme == ThemeChoice::Dark || (appearance.theme == ThemeChoice::Auto && desktopPrefersDark());
    s.scale = appearance.largeType ? LargeTypeFactor : 1.0;
    setColourScheme(s.dark ? ColourScheme::Dark : ColourScheme::Light);

    s.applying = true;
    QFont font = *s.baseFont;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(s.baseFont->pointSizeF() * s.scale);
    else
        font.setPixelSize(int(std::lround(s.baseFont->pixelSize() * s.scale)));
    QApplication::setFont(font);
    QApplication::setPalette(themePalette(s.dark));
    // Qt 6.4 tells the windows' children, not always the windows themselves (a window shown
    // before the change kept the old palette and font): every window is told here.
    for (QWidget* window : QApplication::topLevelWidgets()) {
        QEvent paletteChange(QEvent::ApplicationPaletteChange);
        QCoreApplication::sendEvent(window, &paletteChange);
        QEvent fontChange(QEvent::ApplicationFontChange);
        QCoreApplication::sendEvent(window, &fontChange);
    }
    s.applying = false;
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget* w : widgets) {
        scaleOwnFont(w);
        applyTone(w);
    }
    Q_EMIT AppearanceNotifier::instance().changed();
}

Appearance currentAppearance()
{
    return state().appearance;
}

bool darkThemeActive()
{
    return state().dark;
}

double fontScale()
{
    return state().scale;
}

QString themeName(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Auto: return QStringLiteral("auto");
    case ThemeChoice::Light: return QStringLiteral("light");
    case ThemeChoice::Dark: return QStringLiteral("dark");
    }
    return {};
}

std::optional<ThemeChoice> parseTheme(const QString& text)
{
    for (ThemeChoice c : {ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark})
        if (text.trimmed().compare(themeName(c), Qt::CaseInsensitive) == 0)
            return c;
    return std::nullopt;
}

void setTextTone(QWidget* widget, TextTone tone, bool bold)
{
    if (!widget)
        return;
    if (tone == TextTone::Normal && !bold && !widget->property(ToneProperty).isValid())
        return; // never toned: it keeps inheriting its colours
    // Normal too is set from the application's palette, and again at each change of theme.
    widget->setProperty(ToneProperty, int(tone));
    applyTone(widget);
    setBoldFont(widget, bold);
}

void setBoldFont(QWidget* widget, bool bold)
{
    if (!widget || bold == widget->font().bold())
        return;
    QFont f = widget->font();
    f.setBold(bold);
    widget->setFont(f);
}

} // namespace ww

#include "theme.moc"

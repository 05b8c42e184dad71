// Night shift, offscreen: every text colour on its background meets WCAG AA (4.5:1) in the light
// and the dark theme (alarm priorities, the palettes' ordinary pairs, "no signal" and error text);
// the dark theme applied live darkens the window and lightens the text; large type makes every font
// 1.5 times as large (the banner's own big font included) and back; the alarm shortcuts exist once,
// clash with no standard key and trigger their actions; the alarm controls have accessible names.
// WW_THEME_SHOTS=DIR: the main window in dark, dark + large type and light saved into DIR.
#include "ui_station.h"
#include "ui/ackdialogs.h"
#include "ui/alarmwidgets.h"
#include "ui/floorplanview.h"
#include "ui/mainwindow.h"
#include "ui/shortcuts.h"
#include "ui/theme.h"

#include <QAbstractButton>
#include <QDBusConnection>
#include <QDBusVariant>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QStyle>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace ww;

namespace {

// Contrast failures of one scheme: "what: ratio" for every pair below 4.5.
QStringList contrastFailures(bool dark)
{
    const ColourScheme scheme = dark ? ColourScheme::Dark : ColourScheme::Light;
    QStringList failures;
    auto check = [&](const QString& what, const QColor& text, const QColor& background) {
        const double ratio = contrastRatio(text, background);
        if (ratio < 4.5)
            failures << QStringLiteral("%1: %2 on %3 is %4:1").arg(what, text.name(), background.name()).arg(ratio, 0, 'f', 2);
    };
    auto pair = [&](const QString& what, const ColourPair& p) { check(what, p.text, p.background); };
    for (Priority p : {Priority::High, Priority::Medium, Priority::Low}) {
        pair(QStringLiteral("priority %1 signalling").arg(int(p)), priorityColours(p, true, scheme));
        pair(QStringLiteral("priority %1 quiet").arg(int(p)), priorityColours(p, false, scheme));
    }
    pair(QStringLiteral("banner, no alarm"), bannerClearColours(scheme));
    pair(QStringLiteral("banner, dark phase"), bannerUnlitColours(scheme));
    pair(QStringLiteral("acknowledge cell"), actionCellColours(scheme));
    pair(QStringLiteral("out of target"), noticeColours(scheme));
    const QPalette pal = themePalette(dark);
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive}) {
        const QString group = g == QPalette::Active ? QStringLiteral("active") : QStringLiteral("inactive");
        auto role = [&](const char* what, QPalette::ColorRole text, QPalette::ColorRole background) {
            check(group + QLatin1Char(' ') + QLatin1String(what), pal.color(g, text), pal.color(g, background));
        };
        role("Text/Base", QPalette::Text, QPalette::Base);
        role("Text/AlternateBase", QPalette::Text, QPalette::AlternateBase);
        role("WindowText/Window", QPalette::WindowText, QPalette::Window);
        role("ButtonText/Button", QPalette::ButtonText, QPalette::Button);
        role("HighlightedText/Highlight", QPalette::HighlightedText, QPalette::Highlight);
        role("ToolTipText/ToolTipBase", QPalette::ToolTipText, QPalette::ToolTipBase);
        role("PlaceholderText/Base", QPalette::PlaceholderText, QPalette::Base);
        role("Link/Base", QPalette::Link, QPalette::Base);
        role("LinkVisited/Base", QPalette::LinkVisited, QPalette::Base);
        role("BrightText/Highlight", QPalette::BrightText, QPalette::Highlight);
    }
    // Text that means something, on every background it is drawn on (tables, dialogs, status bar).
    for (QPalette::ColorRole background : {QPalette::Base, QPalette::AlternateBase, QPalette::Window}) {
        const QColor bg = pal.color(QPalette::Active, background);
        check(QStringLiteral("no signal on %1").arg(int(background)), noSignalColour(scheme), bg);
        check(QStringLiteral("muted on %1").arg(int(background)), mutedColour(scheme), bg);
        check(QStringLiteral("error on %1").arg(int(background)), errorTextColour(scheme), bg);
        check(QStringLiteral("warning on %1").arg(int(background)), warningTextColour(scheme), bg);
    }
    return failures;
}

AlarmState alarmOf(const Site& site, Priority p, int n, qint64 now, bool acknowledged = false)
{
    const Patient& patient = site.patients[size_t(n) % site.patients.size()];
    AlarmState a;
    a.id = QStringLiteral("theme-%1-%2").arg(int(p)).arg(n);
    a.rule = QStringLiteral("vitals.spo2-low");
    a.category = AlarmCategory::Patient;
    a.priority = p;
    a.subject = patient.name;
    a.patientId = patient.id;
    a.condition = p == Priority::High ? QStringLiteral("SpO2 84 < 88") : p == Priority::Medium ? QStringLiteral("HR 128 > 120")
                                                                                               : QStringLiteral("Temp 37.9 > 37.8");
    const Room& room = site.rooms[size_t(n * 3 + 2) % site.rooms.size()];
    a.roomId = room.id;
    a.place = room.name;
    a.onsetMs = now - 60'000 * (n + 1);
    if (acknowledged) {
        a.ackedAtMs = now - 10'000;
        a.ackedBy = site.staff[1].id;
        a.ackedByName = site.staff[1].name;
        a.ackedStation = QStringLiteral("theme-station");
    }
    return a;
}

// Two alarms of each priority (one of them acknowledged), in rooms of the ward.
void raiseAlarms(test::UiStation& st)
{
    const qint64 now = st.clock.nowMs();
    int n = 0;
    for (Priority p : {Priority::High, Priority::Medium, Priority::Low}) {
        st.alarms.alarms().apply(alarmOf(st.site, p, n++, now));
        st.alarms.alarms().apply(alarmOf(st.site, p, n++, now, true));
    }
    QCoreApplication::processEvents();
}

QList<QKeySequence> keysIn(const QWidget& w)
{
    QList<QKeySequence> keys;
    for (const QAction* a : w.findChildren<QAction*>())
        keys << a->shortcuts();
    for (const QShortcut* s : w.findChildren<QShortcut*>())
        keys << s->keys();
    for (const QAbstractButton* b : w.findChildren<QAbstractButton*>())
        if (!b->shortcut().isEmpty())
            keys << b->shortcut();
    return keys;
}

double bannerBigFont(const AlarmBanner& banner)
{
    double size = 0;
    for (const QLabel* l : banner.findChildren<QLabel*>())
        size = std::max(size, l->font().pointSizeF());
    return size;
}

} // namespace

// The freedesktop portal's Settings interface as a desktop serves it: color-scheme 1 (dark) or 2
// (light), the value wrapped twice (as the portal's Read does), SettingChanged when it changes.
class FakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 1;
    int reads = 0;

public Q_SLOTS:
    QDBusVariant Read(const QString& group, const QString& key)
    {
        ++reads;
        if (group != QLatin1String("org.freedesktop.appearance") || key != QLatin1String("color-scheme"))
            return {};
        return QDBusVariant(QVariant::fromValue(QDBusVariant(scheme)));
    }

Q_SIGNALS:
    void SettingChanged(const QString& group, const QString& key, const QDBusVariant& value);
};

class TestTheme : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings(m_settings.path());
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    }
    void cleanup() { applyAppearance({.theme = ThemeChoice::Light, .largeType = false}); }

    void contrastFormula()
    {
        QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
        // WCAG's own example: #767676 is the lightest grey on white with 4.5:1.
        QVERIFY(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
        QVERIFY(contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
    }

    void contrastInBothThemes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void contrastInBothThemes()
    {
        QFETCH(bool, dark);
        const QStringList failures = contrastFailures(dark);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
        // The priorities keep their hue in both themes: high red, medium yellow, low cyan.
        const ColourScheme scheme = dark ? ColourScheme::Dark : ColourScheme::Light;
        for (bool signalling : {true, false}) {
            const int high = priorityColours(Priority::High, signalling, scheme).background.hslHue();
            const int medium = priorityColours(Priority::Medium, signalling, scheme).background.hslHue();
            const int low = priorityColours(Priority::Low, signalling, scheme).background.hslHue();
            QVERIFY2(high <= 10 || high >= 350, qPrintable(QString::number(high)));
            QVERIFY2(medium >= 45 && medium <= 60, qPrintable(QString::number(medium)));
            QVERIFY2(low >= 180 && low <= 195, qPrintable(QString::number(low)));
        }
    }

    void themeNames()
    {
        for (ThemeChoice c : {ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark})
            QVERIFY(parseTheme(themeName(c)) == c);
        QVERIFY(parseTheme(QStringLiteral(" Dark ")) == ThemeChoice::Dark);
        QVERIFY(!parseTheme(QStringLiteral("night")));
    }

    void darkAppliedLive()
    {
        test::UiStation st(QStringLiteral("theme-station"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        raiseAlarms(st);
        auto* label = new QLabel(QStringLiteral("text"), w.alarmPanel());
        label->show();
        auto* status = w.findChild<QLabel*>(QStringLiteral("connectionState")); // "Broker: disconnected", in red
        QVERIFY(status);
        applyAppearance({.theme = ThemeChoice::Light});
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.8);
        QVERIFY(label->palette().color(QPalette::WindowText).lightnessF() < 0.2);
        const QColor lightError = status->palette().color(QPalette::WindowText);
        QCOMPARE(lightError, errorTextColour(ColourScheme::Light));

        applyAppearance({.theme = ThemeChoice::Dark});
        QVERIFY(darkThemeActive());
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.3);
        QVERIFY(w.palette().color(QPalette::Window).lightnessF() < 0.3);
        QVERIFY(label->palette().color(QPalette::WindowText).lightnessF() > 0.8);
        QCOMPARE(status->palette().color(QPalette::WindowText), errorTextColour(ColourScheme::Dark));
        // The list's acknowledged rows take the dark scheme's tint, their text stays readable.
        const QModelIndex quiet = st.alarms.alarms().index(st.alarms.alarms().rowCount() - 1, AlarmListModel::PriorityCol);
        const QColor bg = quiet.data(Qt::BackgroundRole).value<QBrush>().color();
        const QColor fg = quiet.data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY2(bg.lightnessF() < 0.4, qPrintable(bg.name()));
        QVERIFY(contrastRatio(fg, bg) >= 4.5);
        // Drawn: the census table's background is dark on screen.
        QTableView* census = w.findChild<QTableView*>(QStringLiteral("census"));
        w.showTab(QStringLiteral("census"));
        QTRY_VERIFY(census->isVisible());
        // Most of it, not one pixel: a pixel may fall on a glyph of whatever a cell says.
        const QImage shot = census->viewport()->grab().toImage();
        qint64 dark = 0;
        for (int y = 0; y < shot.height(); y += 2)
            for (int x = 0; x < shot.width(); x += 2)
                dark += shot.pixelColor(x, y).lightnessF() < 0.3;
        QVERIFY2(dark > qint64(shot.width() / 2) * (shot.height() / 2) * 8 / 10, qPrintable(QString::number(dark)));

        applyAppearance({.theme = ThemeChoice::Light});
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.8);
        QVERIFY(label->palette().color(QPalette::WindowText).lightnessF() < 0.2);
        QCOMPARE(status->palette().color(QPalette::WindowText), lightError);
    }

    void autoFollowsThePalette()
    {
        // No portal here (no session bus, or none answering): the system palette's lightness decides.
        applyAppearance({.theme = ThemeChoice::Auto});
        QCOMPARE(darkThemeActive(), desktopPrefersDark());
    }

    // Under dbus-run-session (ctest tst_theme_portal): Auto asks the portal without waiting for it,
    // turns dark when it answers 1, and light when it signals 2.
    void portalFollowed()
    {
        // Only on a bus of its own: a desktop session has a portal of its own.
        if (qEnvironmentVariable("WW_FAKE_PORTAL") != QLatin1String("1"))
            QFAIL("needs a private session bus with WW_FAKE_PORTAL=1: ctest runs it under dbus-run-session as tst_theme_portal");
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY(bus.isConnected());
        FakePortal portal;
        QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), &portal,
                                   QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.5); // the palette alone says light
        applyAppearance({.theme = ThemeChoice::Auto});
        QVERIFY(!darkThemeActive()); // not waited for: the palette decides until the portal answers
        QTRY_VERIFY(darkThemeActive());
        QCOMPARE(portal.reads, 1);
        QVERIFY(desktopPrefersDark());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.3);
        // The desktop switches to light: the station follows, live.
        Q_EMIT portal.SettingChanged(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("color-scheme"),
                                     QDBusVariant(uint(2)));
        QTRY_VERIFY(!darkThemeActive());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.8);
        // Chosen themes ignore the desktop.
        applyAppearance({.theme = ThemeChoice::Dark});
        Q_EMIT portal.SettingChanged(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("color-scheme"),
                                     QDBusVariant(uint(2)));
        // Nothing may happen here, and no signal says "nothing happened": the portal's signal is given
        // time to arrive (it arrived within the QTRY above) before the theme is checked unchanged.
        QTest::qWait(200);
        QVERIFY(darkThemeActive());
        bus.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
        bus.unregisterObject(QStringLiteral("/org/freedesktop/portal/desktop"));
    }

    void largeType()
    {
        applyAppearance({.theme = ThemeChoice::Light, .largeType = false});
        test::UiStation st(QStringLiteral("theme-station"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        raiseAlarms(st);
        const double app = QApplication::font().pointSizeF();
        const double big = bannerBigFont(*w.banner());
        QCOMPARE(big, 22.0); // the banner's own size, readable from 4 m
        auto* plain = w.findChild<QLabel*>(QStringLiteral("connectionState"));
        const double plainSize = plain->font().pointSizeF();
        QCOMPARE(plainSize, app);

        applyAppearance({.theme = ThemeChoice::Light, .largeType = true});
        QCOMPARE(QApplication::font().pointSizeF(), app * 1.5);
        QCOMPARE(bannerBigFont(*w.banner()), big * 1.5);
        QCOMPARE(plain->font().pointSizeF(), plainSize * 1.5);
        QVERIFY(plain->font().bold()); // a toned label keeps its weight
        // Still on a 1280-pixel station screen: the banner elides, the plan's bar takes two rows.
        QCoreApplication::processEvents();
        QVERIFY2(w.minimumSizeHint().width() <= 1280, qPrintable(QString::number(w.minimumSizeHint().width())));
        // A floor button coloured by its alarms follows large type too (no style sheet freezing its font).
        auto* floor1 = w.floorPlan()->findChild<QAbstractButton*>(QStringLiteral("floor1"));
        QVERIFY(floor1);
        QCOMPARE(floor1->font().pointSizeF(), app * 1.5);
        QCOMPARE(floor1->palette().color(QPalette::Button), priorityColour(Priority::High));
        // Made while large type is on: its own size is scaled too.
        AlarmBanner later(st.alarms);
        QCOMPARE(bannerBigFont(later), big * 1.5);
        QLabel own(QStringLiteral("own size"));
        QFont f = own.font();
        f.setPointSizeF(20);
        own.setFont(f);
        QCOMPARE(own.font().pointSizeF(), 30.0);

        applyAppearance({.theme = ThemeChoice::Light, .largeType = false});
        QCOMPARE(QApplication::font().pointSizeF(), app);
        QCOMPARE(bannerBigFont(*w.banner()), big);
        QCOMPARE(bannerBigFont(later), big);
        QCOMPARE(plain->font().pointSizeF(), plainSize);
        QCOMPARE(own.font().pointSizeF(), 20.0);
    }

    void shortcuts()
    {
        test::UiStation st(QStringLiteral("theme-station"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        const QList<QKeySequence> ours{shortcuts::acknowledgeTop(), shortcuts::acknowledgeSelected(), shortcuts::pauseAudio(),
                                       shortcuts::findOnPlan()};
        const QList<QKeySequence> all = keysIn(w);
        for (const QKeySequence& key : ours)
            QVERIFY2(all.count(key) == 1, qPrintable(QStringLiteral("%1 bound %2 times").arg(key.toString()).arg(all.count(key))));
        // None is a standard key of this platform (copy, undo, select all ...), Find being Find.
        for (int k = QKeySequence::HelpContents; k <= QKeySequence::Cancel; ++k) {
            const auto standard = QKeySequence::StandardKey(k);
            for (const QKeySequence& key : QKeySequence::keyBindings(standard))
                for (const QKeySequence& mine : ours)
                    QVERIFY2(key != mine || (standard == QKeySequence::Find && mine == shortcuts::findOnPlan()),
                             qPrintable(QStringLiteral("%1 is standard key %2").arg(mine.toString()).arg(k)));
        }
        // Each shows its key where the action is offered.
        auto* ackButton = w.banner()->findChild<QPushButton*>(QStringLiteral("bannerAcknowledge"));
        QVERIFY(ackButton->toolTip().contains(QStringLiteral("F8")));
        QVERIFY(w.banner()->findChild<QPushButton*>(QStringLiteral("bannerPauseAudio"))->toolTip().contains(QStringLiteral("F9")));
        QVERIFY(w.alarmPanel()->findChild<QPushButton*>(QStringLiteral("acknowledgeSelected"))->toolTip().contains(QStringLiteral("Shift+F8")));
        auto* find = w.floorPlan()->findChild<QLineEdit*>(QStringLiteral("find"));
        QVERIFY(find->placeholderText().contains(QStringLiteral("Ctrl+F")));

        raiseAlarms(st);
        auto* message = w.alarmPanel()->findChild<QLabel*>(QStringLiteral("alarmMessage"));
        // F8, nobody signed in: refused with the reason (the acknowledge path ran).
        QTest::keyClick(&w, Qt::Key_F8);
        QTRY_VERIFY2(message->text().contains(QStringLiteral("Sign in")), qPrintable(message->text()));
        // Shift+F8 with no row selected: says so.
        message->clear();
        QTest::keyClick(&w, Qt::Key_F8, Qt::ShiftModifier);
        QTRY_COMPARE(message->text(), QStringLiteral("Select an alarm first."));
        // Signed in: F8 asks for the comment of the banner's alarm, Shift+F8 for the selected row's.
        st.alarms.signIn(st.site.staff[1].id, QStringLiteral("246802"));
        QTRY_VERIFY(!st.alarms.operatorId().isEmpty());
        QTest::keyClick(&w, Qt::Key_F8);
        CommentDialog* ack = nullptr;
        QTRY_VERIFY((ack = w.findChild<CommentDialog*>(QStringLiteral("acknowledgeDialog"))) != nullptr);
        QVERIFY(ack->findChild<QLabel*>()->text().contains(QStringLiteral("SpO2 84 < 88")));
        ack->reject();
        QTRY_VERIFY(!w.findChild<CommentDialog*>(QStringLiteral("acknowledgeDialog")));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTableView* list = w.alarmPanel()->view();
        const int mediumRow = [&] {
            for (int r = 0; r < list->model()->rowCount(); ++r)
                if (list->model()->index(r, AlarmListModel::ConditionCol).data().toString().startsWith(QStringLiteral("HR 128")))
                    return r;
            return -1;
        }();
        QVERIFY(mediumRow >= 0);
        list->setCurrentIndex(list->model()->index(mediumRow, 0));
        QTest::keyClick(&w, Qt::Key_F8, Qt::ShiftModifier);
        QTRY_VERIFY((ack = w.findChild<CommentDialog*>(QStringLiteral("acknowledgeDialog"))) != nullptr);
        QVERIFY(ack->findChild<QLabel*>()->text().contains(QStringLiteral("HR 128")));
        ack->reject();
        QTRY_VERIFY(!w.findChild<CommentDialog*>(QStringLiteral("acknowledgeDialog")));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        // F9: audio pause (a high alarm sounding needs a comment: its dialog opens).
        QTest::keyClick(&w, Qt::Key_F9);
        QTRY_VERIFY(w.findChild<CommentDialog*>(QStringLiteral("pauseAudioDialog")) || st.alarms.audio()->paused());
        if (auto* pause = w.findChild<CommentDialog*>(QStringLiteral("pauseAudioDialog")))
            pause->reject();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        // Ctrl+F from another tab: the plan, its search field focused.
        w.showTab(QStringLiteral("census"));
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(w.tabs()->currentWidget(), static_cast<QWidget*>(w.floorPlan()));
        QTRY_VERIFY(find->hasFocus());
    }

    void accessibleNames()
    {
        test::UiStation st(QStringLiteral("theme-station"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.banner()->accessibleName().contains(QStringLiteral("no active alarms")));
        raiseAlarms(st);
        const QString name = w.banner()->accessibleName();
        QVERIFY2(name.contains(QStringLiteral("HIGH")) && name.contains(QStringLiteral("SpO2 84 < 88")) &&
                     name.contains(st.site.patients[0].name),
                 qPrintable(name));
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w.banner());
        QVERIFY(iface);
        QCOMPARE(iface->text(QAccessible::Name), name);
        QVERIFY(!w.banner()->accessibleDescription().isEmpty());
        const QList<QWidget*> controls{
            w.banner()->findChild<QPushButton*>(QStringLiteral("bannerAcknowledge")),
            w.banner()->findChild<QPushButton*>(QStringLiteral("bannerPauseAudio")),
            w.alarmPanel()->view(),
            w.alarmPanel()->technicalView(),
            w.alarmPanel()->findChild<QPushButton*>(QStringLiteral("acknowledgeSelected")),
            w.alarmPanel()->findChild<QPushButton*>(QStringLiteral("pauseAudio")),
            w.alarmPanel()->findChild<QPushButton*>(QStringLiteral("showOnPlan")),
            w.floorPlan()->findChild<QLineEdit*>(QStringLiteral("find")),
        };
        for (QWidget* c : controls) {
            QVERIFY(c);
            QVERIFY2(!c->accessibleName().isEmpty(), qPrintable(c->objectName()));
            QCOMPARE(QAccessible::queryAccessibleInterface(c)->text(QAccessible::Name), c->accessibleName());
        }
    }

    // Not a check: pictures of the main window for the eye (WW_THEME_SHOTS=DIR).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("WW_THEME_SHOTS");
        if (dir.isEmpty())
            QFAIL("set WW_THEME_SHOTS=DIR: this function only takes pictures (ctest leaves it out)");
        test::UiStation st(QStringLiteral("theme-station"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        raiseAlarms(st);
        st.alarms.signIn(st.site.staff[1].id, QStringLiteral("246802"));
        QTRY_VERIFY(!st.alarms.operatorId().isEmpty());
        auto shoot = [&](const Appearance& look, const QString& name) {
            applyAppearance(look);
            for (const QString& tab : {QStringLiteral("alarms"), QStringLiteral("floorplan"), QStringLiteral("census")}) {
                w.showTab(tab);
                QTest::qWait(300); // the flash clock lights the banner on its own beat
                QTRY_VERIFY(w.banner()->lit());
                QVERIFY(w.grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, name, tab)));
            }
        };
        shoot({.theme = ThemeChoice::Dark, .largeType = false}, QStringLiteral("theme-dark"));
        shoot({.theme = ThemeChoice::Dark, .largeType = true}, QStringLiteral("theme-dark-large"));
        shoot({.theme = ThemeChoice::Light, .largeType = false}, QStringLiteral("theme-light"));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"

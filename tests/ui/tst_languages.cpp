// The station's languages, offscreen: the main window with live models and alarms of each kind
// (a fall through the core, a refusal, the station's own technical alarms, vital signs, NEWS2,
// fridge, door, room climate and pressure, locations, devices, census), switched at run time to
// German and to Chinese; every tab's widgets, menus, headers, the alarm list's cells, the plan's
// labels and the charts' axes are walked, and no English source string of the .ts files may be
// left (English in the other language is allowed where the .ts says so: units, ids, symbols).
// Back in English, English is shown again.
#include "alarms/alarmengine.h"
#include "app/appsettings.h"
#include "core/wardcore.h"
#include "domain/conditiontext.h"
#include "domain/language.h"
#include "domain/units.h"
#include "records/climaterecord.h"
#include "fakes.h"
#include "ui_station.h"
#include "ui/alarmwidgets.h"
#include "ui/climatereportview.h"
#include "ui/language.h"
#include "ui/theme.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QXmlStreamReader>
#include <qcustomplot.h>

using namespace ww;

namespace {

// One message of a .ts file: its source and its translation in that file's language.
struct Message
{
    QString source, translation;
};

QList<Message> readTs(const QString& path)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&f);
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source")
            m.source = xml.readElementText();
        else if (xml.name() == u"translation") {
            m.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out << m;
            m = {};
        }
    }
    return out;
}

QString plain(QString text)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.remove(tags);
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&")).replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    text.replace(QStringLiteral("&gt;"), QStringLiteral(">")).replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    text.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    return text;
}

// Source strings whose translation differs: shown as they are, they are English left over. A
// source with placeholders is matched as a pattern when its literal words are English words.
class EnglishDetector
{
public:
    explicit EnglishDetector(const QList<Message>& messages)
    {
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
        for (const Message& m : messages) {
            if (m.translation == m.source)
                continue; // the same in both languages (a unit, a symbol): not English left over
            if (!m.source.contains(QRegularExpression(QStringLiteral("%\\d")))) {
                m_exact.insert(m.source.trimmed());
                m_exact.insert(QString(m.source).remove(u'&').trimmed());
                continue;
            }
            QString literal = m.source;
            literal.remove(QRegularExpression(QStringLiteral("%L?\\d")));
            if (!literal.contains(word))
                continue;
            // Untranslated (empty): Qt shows the source, which the source's pattern alone finds.
            m_patterns << std::make_pair(toPattern(m.source), toPattern(m.translation.isEmpty() ? QStringLiteral("\x01") : m.translation));
        }
    }
    // Why text is English ("" when it is not).
    [[nodiscard]] QString english(const QString& shown) const
    {
        const QString text = plain(shown).trimmed();
        if (text.isEmpty())
            return {};
        QStringList parts{text, QString(text).remove(u'&')};
        parts << text.split(u'\n', Qt::SkipEmptyParts);
        for (const QString& p : std::as_const(parts)) {
            if (m_exact.contains(p.trimmed()))
                return QStringLiteral("\"%1\"").arg(p.trimmed());
            for (const auto& [source, translated] : m_patterns)
                if (source.match(p.trimmed()).hasMatch() && !translated.match(p.trimmed()).hasMatch())
                    return QStringLiteral("\"%1\" (pattern %2)").arg(p.trimmed(), source.pattern());
        }
        return {};
    }

private:
    static QRegularExpression toPattern(const QString& text)
    {
        QString re = QStringLiteral("^");
        const QStringList pieces = text.split(QRegularExpression(QStringLiteral("%L?\\d")));
        for (int i = 0; i < pieces.size(); ++i)
            re += (i ? QStringLiteral(".+") : QString()) + QRegularExpression::escape(pieces[i]);
        return QRegularExpression(re + QStringLiteral("$"), QRegularExpression::DotMatchesEverythingOption);
    }
    QSet<QString> m_exact;
    QList<std::pair<QRegularExpression, QRegularExpression>> m_patterns;
};

// Everything a person can read in the window: widgets of the tab shown, menus, headers, cells.
class Walker
{
public:
    QStringList texts; // "where: text"

    void add(const QString& where, const QString& text)
    {
        if (!text.trimmed().isEmpty())
            texts << where + QStringLiteral(": ") + text;
    }
    void menu(QMenu* m, const QString& where)
    {
        add(where, m->title());
        for (QAction* a : m->actions()) {
            if (a->isSeparator())
                continue;
            add(where + QStringLiteral(" > action"), a->text());
            add(where + QStringLiteral(" > tooltip"), a->toolTip());
            add(where + QStringLiteral(" > status tip"), a->statusTip());
            if (a->menu())
                menu(a->menu(), where + QStringLiteral(" > ") + a->menu()->title());
        }
    }
    void model(QAbstractItemModel* m, const QString& where, const QAbstractItemView* view)
    {
        for (int c = 0; c < m->columnCount(); ++c) {
            add(where + QStringLiteral(" header"), m->headerData(c, Qt::Horizontal).toString());
            add(where + QStringLiteral(" header tooltip"), m->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
        }
        for (int r = 0; r < std::min(m->rowCount(), 120); ++r)
            for (int c = 0; c < m->columnCount(); ++c) {
                const QModelIndex i = m->index(r, c);
                if (auto* table = qobject_cast<const QTableView*>(view); table && table->isRowHidden(r))
                    continue;
                add(where + QStringLiteral(" cell"), m->data(i).toString());
                add(where + QStringLiteral(" cell tooltip"), m->data(i, Qt::ToolTipRole).toString());
            }
    }
    void widget(QWidget* w, const QString& where)
    {
        const QString name = where + QChar(u'/') + (w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName());
        add(name + QStringLiteral(" tooltip"), w->toolTip());
        for (QAction* a : w->actions())
            add(name + QStringLiteral(" action"), a->text());
        if (auto* l = qobject_cast<QLabel*>(w))
            add(name, l->text());
        else if (auto* b = qobject_cast<QAbstractButton*>(w))
            add(name, b->text());
        else if (auto* g = qobject_cast<QGroupBox*>(w))
            add(name, g->title());
        else if (auto* c = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < c->count(); ++i)
                add(name + QStringLiteral(" item"), c->itemText(i));
            if (c->lineEdit())
                add(name + QStringLiteral(" placeholder"), c->lineEdit()->placeholderText());
        } else if (auto* e = qobject_cast<QLineEdit*>(w))
            add(name + QStringLiteral(" placeholder"), e->placeholderText());
        else if (auto* t = qobject_cast<QTabWidget*>(w)) {
            for (int i = 0; i < t->count(); ++i) {
                add(name + QStringLiteral(" tab"), t->tabText(i));
                add(name + QStringLiteral(" tab tooltip"), t->tabToolTip(i));
            }
        } else if (auto* v = qobject_cast<QAbstractItemView*>(w)) {
            if (v->model())
                model(v->model(), name, v);
        } else if (auto* chart = qobject_cast<QChartView*>(w)) {
            add(name + QStringLiteral(" title"), chart->chart()->title());
            for (QAbstractAxis* axis : chart->chart()->axes())
                add(name + QStringLiteral(" axis"), axis->titleText());
            for (QAbstractSeries* s : chart->chart()->series())
                add(name + QStringLiteral(" series"), s->name());
        } else if (auto* plot = qobject_cast<QCustomPlot*>(w)) {
            for (QCPAxisRect* r : plot->axisRects())
                for (QCPAxis* axis : r->axes())
                    add(name + QStringLiteral(" axis"), axis->label());
            for (int i = 0; i < plot->graphCount(); ++i)
                add(name + QStringLiteral(" graph"), plot->graph(i)->name());
            for (int i = 0; i < plot->plottableCount(); ++i)
                add(name + QStringLiteral(" plottable"), plot->plottable(i)->name());
            for (int i = 0; i < plot->itemCount(); ++i)
                if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
                    add(name + QStringLiteral(" text"), text->text());
        } else if (auto* gv = qobject_cast<QGraphicsView*>(w); gv && gv->scene()) {
            for (QGraphicsItem* item : gv->scene()->items()) {
                if (!item->isVisible())
                    continue;
                add(name + QStringLiteral(" item tooltip"), item->toolTip());
                if (auto* s = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                    add(name + QStringLiteral(" label"), s->text());
                else if (auto* ti = dynamic_cast<QGraphicsTextItem*>(item))
                    add(name + QStringLiteral(" label"), ti->toPlainText());
            }
        }
        for (QObject* child : w->children())
            if (auto* cw = qobject_cast<QWidget*>(child); cw && cw->isVisible() && !cw->isWindow())
                widget(cw, name);
    }
    // The window: every tab in turn, the menus and the status bar.
    void window(MainWindow& w)
    {
        add(QStringLiteral("title"), w.windowTitle());
        for (QAction* a : w.menuBar()->actions())
            if (a->menu())
                menu(a->menu(), QStringLiteral("menu ") + a->menu()->title());
        QTabWidget* tabs = w.tabs();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            widget(w.centralWidget(), QStringLiteral("tab ") + tabs->widget(i)->objectName());
        }
        widget(w.statusBar(), QStringLiteral("status"));
    }
};

AlarmState alarm(const QString& id, Priority p, AlarmCategory c, const QString& code, const QStringList& args,
                 const QString& subject, const QString& place, qint64 onset)
{
    AlarmRaise r;
    r.setCondition(code, args);
    AlarmState a;
    a.id = id;
    a.rule = QStringLiteral("rule.") + id;
    a.priority = p;
    a.category = c;
    a.condition = r.condition;
    a.conditionCode = r.conditionCode;
    a.conditionArgs = r.conditionArgs;
    a.subject = subject;
    a.place = place;
    a.onsetMs = onset;
    a.stationId = QStringLiteral("lang-station");
    a.revision = 1;
    return a;
}

} // namespace

class TestLanguages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings(m_settings.path());
        setTranslationsDirectory(QStringLiteral(WW_QM_DIR));
    }

    void everyTabInEachLanguage()
    {
        test::UiStation st(QStringLiteral("lang-station"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setPositioningEngines({});
        w.setConnectionState(MqttState::Connecting, {});
        // Alarms of each kind: a fall through the core, a refusal, the station's own technical ones,
        // and the others' conditions as another station publishes them.
        const Patient& p = st.site.patients.front();
        const qint64 now = st.clock.nowMs();
        st.core.apply(QVector<Decoded>{test::deviceEvent(p.wristband, DeviceEventKind::Fall, now, now, 1, 9)});
        st.core.apply(QVector<Decoded>{RefusedMsg{QStringLiteral("ww/v1/x/alarm/a"), QString(), QStringLiteral("not signed")}});
        st.core.setLocalCondition(QStringLiteral("tech.alone"), QStringLiteral("alone"), true, QStringLiteral("station.alone"));
        const QString bedSubject = p.name + QStringLiteral(" (bed %1)").arg(p.bed);
        AlarmListModel& list = st.alarms.alarms();
        int n = 0;
        auto add = [&](Priority pr, AlarmCategory c, const QString& code, const QStringList& args, const QString& subject = {},
                       const QString& place = {}) {
            ++n;
            list.apply(alarm(QStringLiteral("a%1").arg(n), pr, c, code, args, subject, place, now - n * 60'000));
        };
        add(Priority::High, AlarmCategory::Patient, QStringLiteral("vital.low"), {QStringLiteral("SpO2"), QStringLiteral("84"), QStringLiteral("90")}, bedSubject);
        add(Priority::Medium, AlarmCategory::Patient, QStringLiteral("news2.band.partial"), {QStringLiteral("6"), QStringLiteral("5"), QStringLiteral("SBP, pulse, temp")}, bedSubject);
        add(Priority::Medium, AlarmCategory::Environment, QStringLiteral("fridge.high"), {QStringLiteral("9.1"), QStringLiteral("8.0")}, QStringLiteral("Fridge"));
        add(Priority::Low, AlarmCategory::Environment, QStringLiteral("door.open"), {QStringLiteral("75"), QStringLiteral("60")});
        add(Priority::Low, AlarmCategory::Environment, QStringLiteral("climate.pressure-occupied"),
            {QStringLiteral("-1.0"), QStringLiteral(">="), QStringLiteral("2.5"), p.name});
        add(Priority::Medium, AlarmCategory::Location, QStringLiteral("location.exit"), {QStringLiteral("Exit")}, bedSubject);
        add(Priority::Low, AlarmCategory::Technical, QStringLiteral("device.silent"), {QStringLiteral("wristband"), QStringLiteral("300")});
        add(Priority::Low, AlarmCategory::Technical, QStringLiteral("station.broker-lost"), {QStringLiteral("no answer for 12 s")},
            QStringLiteral("Station s2"));
        add(Priority::Low, AlarmCategory::Environment, QStringLiteral("asset.par-low"),
            {QStringLiteral("Infusion pump"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4")}, {},
            QStringLiteral("clean utility rooms"));
        add(Priority::Low, AlarmCategory::Patient, QStringLiteral("reminder"), {QStringLiteral("NEWS2 3: observations 4-hourly")}, bedSubject);
        st.flush();
        QVERIFY(list.rowCount() >= 12);
        // Conditions in the reader's language, their arguments too (a list of inputs, a decimal).
        auto shown = [&](const QString& id) { return shownCondition(*list.find(id)); };

        const QList<Message> german = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_de.ts"));
        const QList<Message> chinese = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_zh_CN.ts"));
        QVERIFY(german.size() > 500);
        QVERIFY(chinese.size() == german.size());

        Walker english;
        english.window(w);
        const QString alarmsTab = w.tabs()->tabText(0);
        QCOMPARE(alarmsTab, QStringLiteral("Alarms"));

        const struct
        {
            const char* code;
            const QList<Message>& messages;
            const char* alarmsTab;
        } languages[] = {{"de", german, "Alarme"}, {"zh_CN", chinese, "报警"}};
        for (const auto& language : languages) {
            QSignalSpy rebuilt(&w, &MainWindow::retranslated);
            QVERIFY(switchLanguage(QString::fromLatin1(language.code)));
            QVERIFY(rebuilt.wait(5000));
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCOMPARE(w.tabs()->tabText(0), QString::fromUtf8(language.alarmsTab));
            QVERIFY(QLocale().name().startsWith(QLatin1String(language.code)));
            if (QLatin1String(language.code) == u"de") {
                QCOMPARE(shown(QStringLiteral("a2")), QStringLiteral("NEWS2 6 ≥ 5 (unvollständig: ohne RRsys, Puls, Temp)"));
                QCOMPARE(shown(QStringLiteral("a3")), QStringLiteral("Kühlschrank 9,1 °C > 8,0 °C"));
            }
            Walker walked;
            walked.window(w);
            QVERIFY2(walked.texts.size() > english.texts.size() / 2, qPrintable(QString::number(walked.texts.size())));
            const EnglishDetector detector(language.messages);
            QStringList left;
            for (const QString& t : std::as_const(walked.texts)) {
                const qsizetype colon = t.indexOf(QStringLiteral(": "));
                if (const QString why = detector.english(t.mid(colon + 2)); !why.isEmpty())
                    left << t.left(colon) + QStringLiteral(": ") + why;
            }
            left.removeDuplicates();
            // WW_LANGUAGE_SCREENSHOTS=DIR: the alarm list in this language as DIR/ui-CODE.png (docs/).
            // Also DIR/ui-CODE-dark-large-TAB.png: the alarms, census and plan in the night theme and large type.
            if (const QString dir = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS"); !dir.isEmpty()) {
                w.showTab(QStringLiteral("alarms"));
                QCoreApplication::processEvents();
                QVERIFY(w.grab().save(dir + QStringLiteral("/ui-%1.png").arg(QLatin1String(language.code))));
                applyAppearance({.theme = ThemeChoice::Dark, .largeType = true});
                for (const auto* tab : {"alarms", "census", "floorplan"}) {
                    w.showTab(QLatin1String(tab));
                    QCoreApplication::processEvents();
                    QVERIFY(w.grab().save(dir + QStringLiteral("/ui-%1-dark-large-%2.png").arg(QLatin1String(language.code), QLatin1String(tab))));
                }
                applyAppearance({.theme = ThemeChoice::Light, .largeType = false});
                w.showTab(QStringLiteral("alarms"));
            }
            QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("%1: English left in %2 places:\n%3")
                                                    .arg(QLatin1String(language.code)).arg(left.size()).arg(left.join(u'\n'))));
        }
        // Back to English: English again, as before the switches.
        QSignalSpy rebuilt(&w, &MainWindow::retranslated);
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QVERIFY(rebuilt.wait(5000));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(w.tabs()->tabText(0), QStringLiteral("Alarms"));
        Walker again;
        again.window(w);
        const QSet<QString> before(english.texts.begin(), english.texts.end()), after(again.texts.begin(), again.texts.end());
        QVERIFY(after.contains(QStringLiteral("menu &Help: &Help")));
        QVERIFY2(after.size() * 10 >= before.size() * 9, qPrintable(QStringLiteral("%1 of %2").arg(after.size()).arg(before.size())));
    }

    // The View > Language menu switches, and the window keeps the tab that was shown.
    void theMenuSwitchesAndKeepsTheTab()
    {
        test::UiStation st(QStringLiteral("lang-menu"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showTab(QStringLiteral("environment"));
        auto* german = w.findChild<QAction*>(QStringLiteral("language_de"));
        QVERIFY(german);
        QSignalSpy rebuilt(&w, &MainWindow::retranslated);
        german->trigger();
        QVERIFY(rebuilt.wait(5000));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(w.tabs()->currentWidget()->objectName(), QStringLiteral("environment"));
        QCOMPARE(installedLanguage(), QStringLiteral("de"));
        // Remembered: the next start reads it from the settings (ui/language) and installs it.
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        {
            QCommandLineParser parser;
            AppSettings next;
            QCOMPARE(AppSettings::load(parser, {QStringLiteral("wardwatch")}, next), QString());
            QCOMPARE(next.language, QStringLiteral("de"));
        }
        auto* checked = w.findChild<QAction*>(QStringLiteral("language_de"));
        QVERIFY(checked && checked->isChecked());
        // Numbers by the locale: a German decimal comma.
        QCOMPARE(QLocale().toString(36.5, 'f', 1), QStringLiteral("36,5"));
        QVERIFY(!switchLanguage(QStringLiteral("xx")));
        QCOMPARE(installedLanguage(), QStringLiteral("en"));
        QVERIFY(rebuilt.wait(5000));
        // The system's language from the menu is remembered as "" (follow the system; the test's C
        // locale is English as now, so nothing is rebuilt).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        auto* system = w.findChild<QAction*>(QStringLiteral("language_system"));
        QVERIFY(system);
        system->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("ui/language"), QStringLiteral("unset")).toString(), QString());
    }

    // The climate compliance report as the station shows it (a room with an excursion of its
    // temperature and pressure while its door opened), opened in German and in Chinese: no English
    // source string of the .ts files and none of the report's English words are left; its
    // temperatures follow the unit (°F in Chinese here), its numbers the locale. In English it
    // reads as before. WW_LANGUAGE_SCREENSHOTS=DIR saves DIR/climate-report-de.png.
    void theClimateReportInEachLanguage()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("climate.sqlite"));
        constexpr qint64 Hour = 3'600'000;
        const qint64 now = (QDateTime::currentMSecsSinceEpoch() / Hour) * Hour;
        const QString room = QStringLiteral("R211");
        QVERIFY(site.room(room) && site.room(room)->kind == RoomKind::Isolation);
        const auto door = std::find_if(site.sensors.begin(), site.sensors.end(),
                                       [&](const Sensor& s) { return s.kind == SensorKind::Door && s.room == room; });
        QVERIFY(door != site.sensors.end());
        std::vector<ClimateReading> batch;
        for (qint64 t = now - 6 * Hour; t < now; t += 60'000) {
            // The door open for ten minutes three hours ago; the room 26.5 °C for an hour before that.
            const bool open = t >= now - 3 * Hour && t < now - 3 * Hour + 600'000;
            const bool hot = t >= now - 4 * Hour && t < now - 3 * Hour;
            ClimateReading r{QStringLiteral("env-r211"), room, t, {}, {}};
            r.values[int(ClimateQuantity::Temperature)] = hot ? 26.5 : 22.0;
            r.values[int(ClimateQuantity::Humidity)] = 45;
            r.values[int(ClimateQuantity::DiffPressure)] = open ? -0.5 : -6.0;
            batch.push_back(r);
            batch.push_back(ClimateReading{door->id, room, t, {}, open});
        }
        {
            ClimateRecord rec(path);
            QVERIFY2(rec.write(batch), qPrintable(rec.lastError()));
        }
        // The report as a person sees it: opened, loaded, its text field.
        auto shown = [&](QString* out) {
            auto* d = new ClimateReportDialog(site, path, {}, {room}, now - 6 * Hour, now, now);
            d->resize(1100, 640);
            QSignalSpy loadedSpy(d, &ClimateReportDialog::loaded);
            QVERIFY(loadedSpy.wait(20000));
            QCOMPARE(loadedSpy.back().at(0).toInt(), 1);
            *out = d->findChild<QPlainTextEdit*>()->toPlainText();
            if (const QString shots = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS"); !shots.isEmpty()) {
                d->show();
                QVERIFY(QTest::qWaitForWindowExposed(d));
                QVERIFY(d->grab().save(shots + QStringLiteral("/climate-report-%1.png").arg(installedLanguage())));
            }
            delete d;
        };
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QString english;
        shown(&english);
        QVERIFY(!english.isEmpty());
        QVERIFY2(english.contains(QStringLiteral("Room climate compliance: ")) && english.contains(QStringLiteral("(isolation)")),
                 qPrintable(english));
        QVERIFY2(english.contains(QStringLiteral("temperature above from")), qPrintable(english));
        QVERIFY2(english.contains(QStringLiteral("peak 26.5 °C")), qPrintable(english));
        QVERIFY2(english.contains(QStringLiteral("Door openings: 1, 1 longer than 5 min")), qPrintable(english));

        // English words of the report that a translated one must not keep (besides the .ts's sources).
        static const QRegularExpression words(QStringLiteral(
            "\\b(above|below|from|peak|acknowledged|Excursions|Period|readings|covered|quantity|target|Door|door|opened|times|"
            "temperature|humidity|pressure|difference|patient|isolation|still outside|longer than|in all|longest|holds|Room climate)\\b"));
        const struct
        {
            const char* code;
            TemperatureUnit unit;
            const char* kind;
            const char* peak;
        } languages[] = {{"de", TemperatureUnit::Celsius, "Isolierzimmer", "26,5 °C"}, {"zh_CN", TemperatureUnit::Fahrenheit, "隔离病房", "79.7 °F"}};
        for (const auto& language : languages) {
            const QList<Message> messages = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_%1.ts").arg(QLatin1String(language.code)));
            QVERIFY(!messages.isEmpty());
            QVERIFY(switchLanguage(QString::fromLatin1(language.code)));
            setTemperatureUnit(language.unit);
            QString text;
            shown(&text);
            setTemperatureUnit(TemperatureUnit::Celsius);
            QVERIFY(!text.isEmpty());
            const EnglishDetector detector(messages);
            QStringList left;
            for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
                if (const QString why = detector.english(line); !why.isEmpty())
                    left << why;
                if (const QRegularExpressionMatch m = words.match(line); m.hasMatch())
                    left << QStringLiteral("\"%1\" in \"%2\"").arg(m.captured(1), line);
            }
            QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("%1: English left:\n%2\n\n%3").arg(QLatin1String(language.code), left.join(u'\n'), text)));
            QVERIFY2(text.contains(QString::fromUtf8(language.kind)), qPrintable(text));
            QVERIFY2(text.contains(QString::fromUtf8(language.peak)), qPrintable(text));
        }
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QString again;
        shown(&again);
        QCOMPARE(again, english);
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"

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
#include "records/alarmlog.h"
#include "records/climaterecord.h"
#include "records/shiftreport.h"
#include "fakes.h"
#include "ui_station.h"
#include "ui/alarmwidgets.h"
#include "ui/climatereportview.h"
#include "ui/climatereview.h"
#include "ui/coldchainreport.h"
#include "ui/floorplanview.h"
#include "ui/patientview.h"
#include "ui/setpointdialog.h"
#include "ui/shiftreportview.h"
#include "ui/trendviews.h"
#include "ui/language.h"
#include "ui/theme.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
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
#include <QTextBrowser>
#include <QTextDocument>
#include <QXmlStreamReader>
#include <qcustomplot.h>

#include <array>

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

// Alarms of each kind: a fall through the core, a refusal, the station's own technical ones, and
// the others' conditions as another station publishes them.
void raiseAlarms(test::UiStation& st)
{
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
}

// Switches the language and waits for the main window to be built again in it.
bool switchAndWait(MainWindow& w, const QString& code)
{
    // English with no translator installed (the tests' C locale): nothing changes, nothing is built again.
    if (installedLanguage() == code || (code == u"en" && installedLanguage().isEmpty()))
        return switchLanguage(code);
    QSignalSpy rebuilt(&w, &MainWindow::retranslated);
    if (!switchLanguage(code) || !rebuilt.wait(5000))
        return false;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return true;
}

// The walked texts the detector takes for English, with where they are.
QStringList englishLeft(const Walker& walked, const EnglishDetector& detector)
{
    QStringList left;
    for (const QString& t : std::as_const(walked.texts)) {
        const qsizetype colon = t.indexOf(QStringLiteral(": "));
        if (const QString why = detector.english(t.mid(colon + 2)); !why.isEmpty())
            left << t.left(colon) + QStringLiteral(": ") + why;
    }
    left.removeDuplicates();
    return left;
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
        raiseAlarms(st);
        AlarmListModel& list = st.alarms.alarms();
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
            const QStringList left = englishLeft(walked, EnglishDetector(language.messages));
            // WW_LANGUAGE_SCREENSHOTS=DIR: the alarm list in this language as DIR/ui-CODE.png (docs/);
            // the night theme's pictures are taken by largeTypeFitsA1280PixelScreen.
            if (const QString dir = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS"); !dir.isEmpty()) {
                w.showTab(QStringLiteral("alarms"));
                QCoreApplication::processEvents();
                QVERIFY(w.grab().save(dir + QStringLiteral("/ui-%1.png").arg(QLatin1String(language.code))));
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

    // The shift report of a log with a fall, a low SpO2 (acknowledged after 75 s), a high heart
    // rate that ended by itself in 2.5 s and a reminder, all with condition codes and arguments,
    // opened in German and in Chinese: no English source string of the .ts files, none of the
    // conditions as logged in English and none of the report's English words are left; its numbers
    // follow the locale (a decimal comma in German). The PDF prints the view's text. In English it
    // reads as before. WW_LANGUAGE_SCREENSHOTS=DIR saves DIR/shift-report-de.png.
    void theShiftReportInEachLanguage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shift.sqlite"));
        constexpr qint64 Hour = 3'600'000;
        const qint64 from = (QDateTime::currentMSecsSinceEpoch() / Hour) * Hour - 12 * Hour, to = from + 12 * Hour;
        const QString patient = QStringLiteral("P-lang"), subject = QStringLiteral("Anna Berg (bed 3-A)");
        QStringList logged; // the conditions' English texts, as the log keeps them
        QList<std::pair<QString, QStringList>> coded; // and their codes and arguments
        {
            AlarmLog log(path);
            auto write = [&](qint64 at, const char* kind, const AlarmState& s) {
                LogEntry e;
                e.utcMs = at;
                e.kind = QLatin1String(kind);
                e.state = s;
                e.station = QStringLiteral("st-lang");
                return log.append(e);
            };
            auto alarmOf = [&](const char* id, const char* rule, Priority p, const QString& code, const QStringList& args, qint64 onset) {
                AlarmRaise r;
                r.setCondition(code, args);
                AlarmState s;
                s.id = QLatin1String(id);
                s.rule = QLatin1String(rule);
                s.priority = p;
                s.condition = r.condition;
                s.conditionCode = r.conditionCode;
                s.conditionArgs = r.conditionArgs;
                s.subject = subject;
                s.place = QStringLiteral("Room 3");
                s.patientId = patient;
                s.onsetMs = onset;
                logged << r.condition;
                coded.append({code, args});
                return s;
            };
            AlarmState fall = alarmOf("f1", "event.fall", Priority::High, QStringLiteral("event"),
                                      {QStringLiteral("fall"), QStringLiteral("wb-001")}, from + Hour);
            QVERIFY(write(fall.onsetMs, "raised", fall));
            fall.ackedAtMs = fall.onsetMs + 30'000;
            fall.ackedBy = QStringLiteral("N1");
            fall.ackedByName = QStringLiteral("Nora Lind");
            QVERIFY(write(fall.ackedAtMs, "acknowledged", fall));
            AlarmState spo2 = alarmOf("v1", "vital.spo2", Priority::High, QStringLiteral("vital.low"),
                                      {QStringLiteral("SpO2"), QStringLiteral("84"), QStringLiteral("90")}, from + 2 * Hour);
            QVERIFY(write(spo2.onsetMs, "raised", spo2));
            spo2.ackedAtMs = spo2.onsetMs + 75'000;
            spo2.ackedBy = QStringLiteral("N1");
            spo2.ackedByName = QStringLiteral("Nora Lind");
            QVERIFY(write(spo2.ackedAtMs, "acknowledged", spo2));
            AlarmState hr = alarmOf("v2", "vital.hr", Priority::Medium, QStringLiteral("vital.high"),
                                    {QStringLiteral("HR"), QStringLiteral("131"), QStringLiteral("130")}, from + 3 * Hour);
            QVERIFY(write(hr.onsetMs, "raised", hr));
            hr.endedMs = hr.onsetMs + 2'500;
            QVERIFY(write(hr.endedMs, "ended", hr));
            AlarmState due = alarmOf("r1", "reminder.obs", Priority::Low, QStringLiteral("reminder"),
                                     {QStringLiteral("NEWS2 3: observations 4-hourly")}, from + 4 * Hour);
            QVERIFY(write(due.onsetMs, "raised", due));
        }
        QCOMPARE(logged.size(), 4);
        ShiftReportOptions options;
        options.occupiedAtStart = {QStringLiteral("3-A")};
        options.occupiedAtStartGiven = true; // one bed for 12 hours: 0.50 bed-days, 6.00 alarms per bed-day
        // The report as a person sees it: loaded, its text, status and buttons; the PDF's text.
        auto shown = [&](QString* out) {
            auto* view = new ShiftReportView;
            view->resize(1000, 980);
            QSignalSpy loadedSpy(view, &ShiftReportView::loaded);
            view->load(path, from, to, options);
            QVERIFY(loadedSpy.wait(20000));
            QCOMPARE(loadedSpy.back().at(0).toBool(), true);
            QCOMPARE(view->report().alarmsRaised, 3);
            const QString text = view->findChild<QTextBrowser*>()->toPlainText();
            QTextDocument printed;
            printed.setHtml(ShiftReportView::toHtml(view->report()));
            QCOMPARE(printed.toPlainText(), text);
            QStringList all{view->windowTitle(), text};
            for (QLabel* l : view->findChildren<QLabel*>())
                all << l->text();
            for (QPushButton* b : view->findChildren<QPushButton*>())
                all << b->text();
            *out = all.join(u'\n');
            if (const QString shots = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS"); !shots.isEmpty()) {
                view->show();
                QVERIFY(QTest::qWaitForWindowExposed(view));
                QVERIFY(view->grab().save(shots + QStringLiteral("/shift-report-%1.png").arg(installedLanguage())));
            }
            delete view;
        };
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QString english;
        shown(&english);
        for (const QString& c : std::as_const(logged))
            QVERIFY2(english.contains(c), qPrintable(c + QStringLiteral("\n\n") + english));
        for (const char* t : {"0.50", "6.00", "2.5 s", "1 min 15 s", "Anna Berg (bed 3-A)", "census record"})
            QVERIFY2(english.contains(QLatin1String(t)), qPrintable(QLatin1String(t) + QStringLiteral("\n\n") + english));

        // English words of the report that a translated one must not keep (besides the .ts's sources);
        // ids ("reminder.obs") are not words. Units (s, min) are the same in German.
        static const QRegularExpression words(QStringLiteral(
            "(?<![.\\w])(bed|beds|census|record|station|start|entry|occupied|reminders?|done|missed|never|from|observations|"
            "hourly|Due|acknowledged)(?![.\\w])"));
        const struct
        {
            const char* code;
            const char* decimals[3]; // bed-days, alarms per bed-day, the nuisance alarm's 2.5 s
        } languages[] = {{"de", {"0,50", "6,00", "2,5"}}, {"zh_CN", {"0.50", "6.00", "2.5"}}};
        for (const auto& language : languages) {
            const QString code = QString::fromLatin1(language.code);
            const QList<Message> messages = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_%1.ts").arg(code));
            QVERIFY(!messages.isEmpty());
            QVERIFY(switchLanguage(code));
            QString text;
            shown(&text);
            QVERIFY(!text.isEmpty());
            const EnglishDetector detector(messages);
            QStringList translated; // the logged texts that read otherwise in this language ("SpO2 84 < 90" does not)
            for (qsizetype i = 0; i < logged.size(); ++i)
                if (renderCondition(coded[i].first, coded[i].second) != logged[i])
                    translated << logged[i];
            QVERIFY(translated.size() >= 2);
            QStringList left;
            for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
                if (const QString why = detector.english(line); !why.isEmpty())
                    left << why;
                if (const QRegularExpressionMatch m = words.match(line); m.hasMatch())
                    left << QStringLiteral("\"%1\" in \"%2\"").arg(m.captured(1), line);
                for (const QString& c : std::as_const(translated))
                    if (line.contains(c))
                        left << QStringLiteral("logged \"%1\" in \"%2\"").arg(c, line);
            }
            QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("%1: English left:\n%2\n\n%3").arg(code, left.join(u'\n'), text)));
            // The conditions rendered from their codes, as the alarm lists show them; the subject too.
            for (const auto& [c, args] : {std::pair(QStringLiteral("event"), QStringList{QStringLiteral("fall"), QStringLiteral("wb-001")}),
                                          std::pair(QStringLiteral("vital.low"), QStringList{QStringLiteral("SpO2"), QStringLiteral("84"), QStringLiteral("90")})})
                QVERIFY2(text.contains(renderCondition(c, args)), qPrintable(renderCondition(c, args) + QStringLiteral("\n\n") + text));
            QVERIFY2(text.contains(shownData(subject)) && shownData(subject) != subject, qPrintable(text));
            for (const char* d : language.decimals)
                QVERIFY2(text.contains(QLatin1String(d)), qPrintable(code + QStringLiteral(": no ") + QLatin1String(d) + QStringLiteral("\n\n") + text));
        }
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QString again;
        shown(&again);
        QCOMPARE(again, english);
    }

    // The windows the main window opens stay open across a switch and follow it: every text they
    // own in the new language, what was chosen or typed in them kept; back in English, English.
    void openWindowsFollowTheLanguage()
    {
        test::UiStation st(QStringLiteral("lang-windows"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        raiseAlarms(st);
        const QString patient = st.site.patients.front().id;
        QVERIFY(w.showPatient(patient));
        w.patientView(patient)->findChild<QPushButton*>(QStringLiteral("limits"))->click(); // its NEWS2 inputs and limits
        QVERIFY(w.findChild<PatientAlarmDialog*>());
        // The environment's windows: a room's setpoint and climate review (of a record with no
        // readings yet), a fridge's record.
        QVERIFY(ClimateRecord(climatePathFor(st.log)).open());
        w.showTab(QStringLiteral("environment"));
        auto rowOf = [&](EnvKind kind) {
            for (int r = 0; r < st.models.environment.rowCount(); ++r)
                if (st.models.environment.rowAt(r).kind == kind && (kind != EnvKind::Fridge || st.site.fridge(st.models.environment.rowAt(r).id)))
                    return r;
            return -1;
        };
        const int room = rowOf(EnvKind::Room), fridge = rowOf(EnvKind::Fridge);
        QVERIFY(room >= 0 && fridge >= 0);
        auto click = [&](const char* button) {
            auto* b = w.environmentChart()->findChild<QPushButton*>(QLatin1String(button));
            QVERIFY(b && b->isEnabled());
            b->click();
        };
        w.selectRow(QStringLiteral("environment"), room);
        click("setpoint");
        click("climateReview");
        w.selectRow(QStringLiteral("environment"), fridge);
        click("complianceReport");
        auto* setpoint = w.findChild<SetpointDialog*>();
        auto* review = w.findChild<ClimateReviewDialog*>();
        auto* coldChain = w.findChild<ColdChainReportDialog*>();
        QVERIFY(setpoint && review && coldChain);
        QSignalSpy reported(coldChain, &ColdChainReportDialog::loaded);
        QVERIFY(reported.wait(5000));
        review->findChild<QPushButton*>(QStringLiteral("floorReport"))->click();
        auto* climateReport = review->findChild<ClimateReportDialog*>();
        QVERIFY(climateReport);
        // The shift's windows (signed in: they are an operator's), the user guide and an alarm's
        // details on the plan.
        st.alarms.signIn(st.site.staff[1].id, QStringLiteral("246802"));
        QTRY_VERIFY(!st.alarms.operatorId().isEmpty());
        st.alarms.takeCharge(); // the charge nurse assigns
        QTRY_COMPARE(st.alarms.chargeNurseId(), st.alarms.operatorId());
        for (const char* action : {"takePatients", "assign", "shiftReport"}) {
            auto* a = w.findChild<QAction*>(QLatin1String(action));
            QVERIFY2(a, action);
            a->trigger();
        }
        w.showUserGuide();
        QVERIFY(w.floorPlan()->showAlarmDetails(QStringLiteral("a1")));
        auto shiftReport = [] {
            for (QWidget* t : QApplication::topLevelWidgets())
                if (auto* r = qobject_cast<ShiftReportView*>(t))
                    return r;
            return static_cast<ShiftReportView*>(nullptr);
        };
        QVERIFY(shiftReport());
        // What the nurse chose or typed, to be kept.
        setpoint->temperature()->setValue(23.5);
        setpoint->reason()->setText(QStringLiteral("too warm"));
        setpoint->ventilation()->setCurrentIndex(2);
        coldChain->findChild<QComboBox*>()->setCurrentIndex(3);
        w.floorPlan()->findChild<QDialog*>(QStringLiteral("alarmDetails"))->findChild<QLineEdit*>(QStringLiteral("ackComment"))->setText(QStringLiteral("on my way"));
        QCoreApplication::processEvents();

        // Every window by its name, walked; the alarm's details and the patient are the plan's and
        // the window's again after a switch (they are built again, with what was typed).
        auto windows = [&] {
            QList<std::pair<QString, QWidget*>> out;
            auto add = [&out](const char* name, QWidget* window) { out.append({QLatin1String(name), window}); };
            add("setpoint", w.findChild<SetpointDialog*>());
            add("review", w.findChild<ClimateReviewDialog*>());
            add("climate report", w.findChild<ClimateReportDialog*>());
            add("cold chain", w.findChild<ColdChainReportDialog*>());
            add("take patients", w.findChild<QDialog*>(QStringLiteral("takePatients")));
            add("assign", w.findChild<QDialog*>(QStringLiteral("assignDialog")));
            add("shift report", shiftReport());
            add("user guide", w.findChild<QDialog*>(QStringLiteral("userGuide")));
            add("patient", w.patientView(patient));
            add("patient limits", w.findChild<PatientAlarmDialog*>());
            add("alarm details", w.floorPlan()->findChild<QDialog*>(QStringLiteral("alarmDetails")));
            return out;
        };
        auto walk = [&] {
            Walker walked;
            for (const auto& [name, window] : windows()) {
                if (!window || !window->isVisible()) {
                    walked.add(QStringLiteral("missing"), name);
                    continue;
                }
                walked.add(name + QStringLiteral(" title"), window->windowTitle());
                walked.widget(window, name);
            }
            return walked;
        };
        const QPointer<QWidget> kept[] = {setpoint, review, climateReport, coldChain, shiftReport(), w.findChild<PatientAlarmDialog*>()};
        // The reports and the review are read again in the new language: their readings come back.
        QSignalSpy coldChainRead(coldChain, &ColdChainReportDialog::loaded), climateRead(climateReport, &ClimateReportDialog::loaded),
            chartRead(review, &ClimateReviewDialog::chartLoaded), heatMapRead(review, &ClimateReviewDialog::heatMapLoaded);
        const std::array<QSignalSpy*, 4> reads{&coldChainRead, &climateRead, &chartRead, &heatMapRead};
        auto switchAndRead = [&](const QString& code) {
            for (QSignalSpy* spy : reads)
                spy->clear();
            if (!switchAndWait(w, code))
                return false;
            for (QSignalSpy* spy : reads)
                if (spy->isEmpty() && !spy->wait(5000))
                    return false;
            return true;
        };
        const Walker english = walk();
        QVERIFY2(english.texts.filter(QStringLiteral("missing: ")).isEmpty(), qPrintable(english.texts.filter(QStringLiteral("missing: ")).join(u'\n')));
        QMap<QString, QString> englishTitles;
        for (const auto& [name, window] : windows())
            englishTitles.insert(name, window->windowTitle());

        const QList<Message> german = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_de.ts"));
        const QList<Message> chinese = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_zh_CN.ts"));
        const std::pair<const char*, const QList<Message>*> languages[] = {{"de", &german}, {"zh_CN", &chinese}};
        for (const auto& [code, messages] : languages) {
            QVERIFY(switchAndRead(QString::fromLatin1(code)));
            for (const QPointer<QWidget>& k : kept)
                QVERIFY2(k && k->isVisible(), qPrintable(QString::fromLatin1(code)));
            const Walker walked = walk();
            QVERIFY2(walked.texts.filter(QStringLiteral("missing: ")).isEmpty(), qPrintable(walked.texts.filter(QStringLiteral("missing: ")).join(u'\n')));
            // WW_LANGUAGE_SCREENSHOTS=DIR: each window as DIR/window-CODE-NAME.png, to look at.
            if (const QString dir = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS"); !dir.isEmpty())
                for (const auto& [name, window] : windows())
                    QVERIFY(window->grab().save(QStringLiteral("%1/window-%2-%3.png").arg(dir, QLatin1String(code), QString(name).replace(u' ', u'-'))));
            // The shift report's text is written again in the language (its headings too).
            const QString report = shiftReport()->findChild<QTextBrowser*>()->toPlainText();
            for (const char* heading : {"Shift report", "Time to acknowledge", "Most frequent conditions", "Likely nuisance alarms", "Priority"})
                QVERIFY2(!report.contains(QLatin1String(heading)), heading);
            const QStringList left = englishLeft(walked, EnglishDetector(*messages));
            QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("%1: English left in %2 places:\n%3")
                                                    .arg(QLatin1String(code)).arg(left.size()).arg(left.join(u'\n'))));
        }
        // Kept: the values typed and chosen.
        QCOMPARE(setpoint->temperature()->value(), 23.5);
        QCOMPARE(setpoint->reason()->text(), QStringLiteral("too warm"));
        QCOMPARE(setpoint->ventilation()->currentIndex(), 2);
        QCOMPARE(coldChain->findChild<QComboBox*>()->currentIndex(), 3);
        QCOMPARE(w.floorPlan()->findChild<QDialog*>(QStringLiteral("alarmDetails"))->findChild<QLineEdit*>(QStringLiteral("ackComment"))->text(),
                 QStringLiteral("on my way"));

        QVERIFY(switchAndRead(QStringLiteral("en")));
        for (const auto& [name, window] : windows())
            QCOMPARE(window->windowTitle(), englishTitles.value(name));
        QVERIFY(shiftReport()->findChild<QTextBrowser*>()->toPlainText().contains(QStringLiteral("Time to acknowledge")));
        const Walker again = walk();
        const QSet<QString> before(english.texts.begin(), english.texts.end()), after(again.texts.begin(), again.texts.end());
        QVERIFY2(after.size() * 10 >= before.size() * 9, qPrintable(QStringLiteral("%1 of %2").arg(after.size()).arg(before.size())));
        if (ShiftReportView* r = shiftReport())
            r->close();
    }

    // The plan built again in the new language shows the floor, the zoom and the place the nurse
    // left it at: shown during the switch, and hidden (applied when the plan is shown again).
    void planKeepsFloorAndZoom()
    {
        test::UiStation st(QStringLiteral("lang-plan"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showTab(QStringLiteral("floorplan"));
        QTRY_VERIFY(w.floorPlan()->isVisible());
        FloorPlanView* plan = w.floorPlan();
        const std::optional<int> first = plan->floor();
        QVERIFY(first);
        std::optional<int> other;
        for (const Floor& f : st.site.floors)
            if (f.level != *first)
                other = f.level;
        QVERIFY(other); // a floor the plan does not open on
        plan->showFloor(*other);
        plan->view()->zoomBy(1.7);
        plan->view()->horizontalScrollBar()->setValue(plan->view()->horizontalScrollBar()->value() + 60);
        plan->view()->verticalScrollBar()->setValue(plan->view()->verticalScrollBar()->value() + 35);
        const double scale = plan->view()->scale();
        const QPointF centre = plan->centre();
        auto same = [&](const char* when) {
            FloorPlanView* now = w.floorPlan();
            QVERIFY2(now->floor() == other, when);
            QVERIFY2(qFuzzyCompare(now->view()->scale(), scale), qPrintable(QStringLiteral("%1: %2, not %3").arg(QLatin1String(when)).arg(now->view()->scale()).arg(scale)));
            // Within a pixel of where it was.
            const QPointF moved = (now->centre() - centre) * scale;
            QVERIFY2(std::abs(moved.x()) <= 1.5 && std::abs(moved.y()) <= 1.5,
                     qPrintable(QStringLiteral("%1: moved %2, %3 px").arg(QLatin1String(when)).arg(moved.x()).arg(moved.y())));
        };
        QVERIFY(switchAndWait(w, QStringLiteral("de")));
        QTRY_VERIFY(w.floorPlan()->isVisible());
        QCOMPARE(w.tabs()->currentWidget()->objectName(), QStringLiteral("floorplan"));
        same("shown");
        // Switched while the plan is hidden: kept for when it is shown.
        w.showTab(QStringLiteral("alarms"));
        QVERIFY(switchAndWait(w, QStringLiteral("zh_CN")));
        QCoreApplication::processEvents();
        w.showTab(QStringLiteral("floorplan"));
        QTRY_VERIFY(w.floorPlan()->isVisible());
        same("hidden");
        // A fit still fits (the plan is not stuck at the zoom it took over).
        w.floorPlan()->fit();
        QVERIFY(!qFuzzyCompare(w.floorPlan()->view()->scale(), scale));
        QVERIFY(switchAndWait(w, QStringLiteral("en")));
    }

    // Large type (1.5×) on a 1280 × 800 station screen, in each language: the alarm lists fit their
    // width (no sideways scrolling), every header's text fits its column, and the buttons of the
    // alarm panel (Acknowledge selected, F8) are whole and in view. WW_LANGUAGE_SCREENSHOTS=DIR:
    // DIR/ui-CODE-dark-large-TAB.png, the alarms, census and plan in the night theme.
    // An unsure location reads whole in the census, the staff list and the asset list in each
    // language: "unknown, near Room 115" (a dead gateway) and "Room 115 (last heard 14:02:10)" fit
    // their location column (never "unknow…"), and the cell's tooltip carries the text too.
    void unsureLocationsFitTheirColumn()
    {
        test::UiStation st(QStringLiteral("lang-near"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1280, 800); // the station's first size
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        int patientRow = -1, assetRow = -1;
        for (int r = 0; r < st.models.patients.rowCount() && patientRow < 0; ++r)
            if (!st.models.patients.rowAt(r).wristband.isEmpty())
                patientRow = r;
        for (int r = 0; r < st.models.assets.rowCount() && assetRow < 0; ++r)
            if (!st.models.assets.rowAt(r).tag.isEmpty())
                assetRow = r;
        QVERIFY(patientRow >= 0 && assetRow >= 0);
        const QString patientTag = st.models.patients.rowAt(patientRow).wristband;
        const QString assetTag = st.models.assets.rowAt(assetRow).tag;
        const Room& room = *st.site.room(QStringLiteral("R115"));
        // Known first (the columns sized to "Room 115"), then the gateway dies.
        auto position = [&](const QString& tag, RoomState state, const QString& roomId, const QString& near) {
            const qint64 t = st.clock.nowMs();
            const int index = st.directory.tag(tag.toStdString());
            PositionMsg m{tag, t, room.centre().x(), room.centre().y(), room.floor, roomId, 3.0, 0.3, QStringLiteral("eng-a"), state, near, {}};
            st.core.apply(QVector<Decoded>{BeaconBatch{0, t, t, {{index, t, -70, -59}}, 0}, m});
        };
        const QString badge = st.site.staff[0].badge;
        // Every tag located (no "not heard yet" to widen a column), so the columns fit "Room 115".
        QStringList tags;
        for (const PatientRow& p : st.models.patients.rows())
            if (!p.wristband.isEmpty())
                tags << p.wristband;
        for (const StaffRow& s : st.models.staff.rows())
            tags << s.badge;
        for (const AssetRow& a : st.models.assets.rows())
            if (!a.tag.isEmpty())
                tags << a.tag;
        auto deadGateway = [&] {
            for (const QString& tag : std::as_const(tags))
                position(tag, RoomState::Known, room.id, QString());
            st.flush();
            QCoreApplication::processEvents(); // the columns sized to "Room 115"
            st.clock.advance(120'000);
            position(patientTag, RoomState::UnknownNear, QString(), room.id);
            position(badge, RoomState::UnknownNear, QString(), room.id);
            position(assetTag, RoomState::Stale, room.id, QString());
            st.flush();
        };
        const struct
        {
            const char* table;
            int row, column;
        } cells[] = {{"census", patientRow, PatientModel::LocationCol}, {"staff", 0, StaffModel::LocationCol},
                     {"assets", assetRow, AssetModel::LocationCol}};
        const QString dir = qEnvironmentVariable("WW_SCREENSHOT_DIR");
        for (const char* code : {"en", "de", "zh_CN"}) {
            QVERIFY(switchAndWait(w, QString::fromLatin1(code)));
            deadGateway();
            for (const auto& cell : cells) {
                const QString where = QStringLiteral("%1 %2").arg(QLatin1String(code), QLatin1String(cell.table));
                w.showTab(QLatin1String(cell.table));
                auto* view = w.findChild<QTableView*>(QLatin1String(cell.table));
                QVERIFY2(view, qPrintable(where));
                QCoreApplication::processEvents();
                const QModelIndex index = view->model()->index(cell.row, cell.column);
                const QString text = index.data().toString();
                QVERIFY2(text.contains(room.name), qPrintable(where + u' ' + text));
                QCOMPARE(index.data(Qt::ToolTipRole).toString(), text);
                // The cell's text rectangle: the section less the item view's text margins.
                const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
                const int needed = view->fontMetrics().horizontalAdvance(text) + 2 * margin + (view->showGrid() ? 1 : 0);
                QTRY_VERIFY2(view->columnWidth(cell.column) >= needed,
                             qPrintable(QStringLiteral("%1: \"%2\" needs %3 px, has %4").arg(where, text).arg(needed).arg(view->columnWidth(cell.column))));
                // And in sight: not behind a sideways scroll (the census shares its width with the
                // trends; in English nothing scrolls sideways).
                QTRY_VERIFY2(view->visualRect(index).right() < view->viewport()->width(),
                             qPrintable(QStringLiteral("%1: the location ends at %2 px of %3").arg(where).arg(view->visualRect(index).right()).arg(view->viewport()->width())));
                QVERIFY(view->visualRect(index).left() >= 0);
                if (QLatin1String(code) == u"en")
                    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
                if (!dir.isEmpty() && QLatin1String(cell.table) == u"census") {
                    view->scrollTo(index);
                    QCoreApplication::processEvents();
                    QVERIFY(w.grab().save(dir + QStringLiteral("/unknown-near-census-%1.png").arg(QLatin1String(code))));
                }
            }
        }
        QVERIFY(switchAndWait(w, QStringLiteral("en")));
    }

    void largeTypeFitsA1280PixelScreen()
    {
        test::UiStation st(QStringLiteral("lang-large"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setPositioningEngines({});
        w.setConnectionState(MqttState::Connecting, {});
        raiseAlarms(st);
        applyAppearance({.theme = ThemeChoice::Dark, .largeType = true});
        const QString dir = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS");
        for (const char* code : {"en", "de", "zh_CN"}) {
            QVERIFY(switchAndWait(w, QString::fromLatin1(code)));
            w.showTab(QStringLiteral("alarms"));
            QCoreApplication::processEvents();
            QCOMPARE(w.width(), 1280);
            for (QTableView* view : {w.alarmPanel()->view(), w.alarmPanel()->technicalView()}) {
                const QString where = QStringLiteral("%1 %2").arg(QLatin1String(code), view->objectName());
                QTRY_VERIFY2(view->horizontalScrollBar()->maximum() == 0,
                             qPrintable(QStringLiteral("%1: scrolls sideways by %2 px").arg(where).arg(view->horizontalScrollBar()->maximum())));
                QHeaderView* header = view->horizontalHeader();
                const QFontMetrics fm(header->font());
                const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
                QStringList cut;
                for (int c = 0; c < header->count(); ++c) {
                    if (header->isSectionHidden(c))
                        continue;
                    // On one line or wrapped at its spaces onto lines the header is high enough for.
                    const QString text = view->model()->headerData(c, Qt::Horizontal).toString();
                    const int inner = header->sectionSize(c) - margins;
                    const QRect needed = fm.boundingRect(QRect(0, 0, inner, 10'000), Qt::AlignCenter | Qt::TextWordWrap, text);
                    if (needed.width() > inner || needed.height() > header->height())
                        cut << QStringLiteral("%1 (%2 × %3 px in %4 × %5)")
                                   .arg(text)
                                   .arg(needed.width())
                                   .arg(needed.height())
                                   .arg(inner)
                                   .arg(header->height());
                }
                QVERIFY2(cut.isEmpty(), qPrintable(where + QStringLiteral(": headers cut: ") + cut.join(QStringLiteral(", "))));
            }
            for (const char* name : {"acknowledgeSelected", "pauseAudio", "showOnPlan"}) {
                auto* b = w.alarmPanel()->findChild<QPushButton*>(QLatin1String(name));
                QVERIFY(b && b->isVisible());
                const QRect in(b->mapTo(&w, QPoint()), b->size());
                QVERIFY2(w.rect().contains(in) && b->width() >= b->sizeHint().width(),
                         qPrintable(QStringLiteral("%1 %2: %3 px of %4").arg(QLatin1String(code), QLatin1String(name)).arg(b->width()).arg(b->sizeHint().width())));
            }
            QVERIFY2(w.minimumSizeHint().width() <= 1280, qPrintable(QString::number(w.minimumSizeHint().width())));
            if (!dir.isEmpty() && QLatin1String(code) != u"en")
                for (const auto* tab : {"alarms", "census", "floorplan"}) {
                    w.showTab(QLatin1String(tab));
                    QCoreApplication::processEvents();
                    QVERIFY(w.grab().save(dir + QStringLiteral("/ui-%1-dark-large-%2.png").arg(QLatin1String(code), QLatin1String(tab))));
                }
        }
        applyAppearance({.theme = ThemeChoice::Light, .largeType = false});
        QVERIFY(switchAndWait(w, QStringLiteral("en")));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"

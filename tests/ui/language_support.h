#pragma once
// What the language tests share: the .ts files' messages, the detector of English source strings
// left over in a translated text, the walker that collects every text a person can read in a window,
// alarms of each kind raised on a UI station, and the switch that waits for the main window to be
// built again in the new language.
#include "alarms/alarmengine.h"
#include "domain/language.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui_station.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTableView>
#include <QXmlStreamReader>
#include <qcustomplot.h>

#include <algorithm>
#include <utility>

namespace ww::test {


// One message of a .ts file: its source and its translation in that file's language.
struct Message
{
    QString source, translation;
};

inline QList<Message> readTs(const QString& path)
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

inline QString plain(QString text)
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

inline AlarmState alarm(const QString& id, Priority p, AlarmCategory c, const QString& code, const QStringList& args,
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
inline void raiseAlarms(UiStation& st)
{
    const Patient& p = st.site.patients.front();
    const qint64 now = st.clock.nowMs();
    st.core.apply(QVector<Decoded>{deviceEvent(p.wristband, DeviceEventKind::Fall, now, now, 1, 9)});
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
inline bool switchAndWait(MainWindow& w, const QString& code)
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
inline QStringList englishLeft(const Walker& walked, const EnglishDetector& detector)
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

// WW_LANGUAGE_SCREENSHOTS=DIR: the widget shown and saved as DIR/NAME-CODE.png, CODE the language
// installed. False when that failed; true when saved or not asked for.
inline bool saveLanguageShot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS");
    if (dir.isEmpty())
        return true;
    widget->show();
    return QTest::qWaitForWindowExposed(widget) && widget->grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, name, installedLanguage()));
}

} // namespace ww::test

#include "ui/shiftreportview.h"
#include "domain/conditiontext.h"
#include "models/alarmlistmodel.h"
#include "ui/language.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPageLayout>
#include <QPdfWriter>
#include <QPointer>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QThreadPool>
#include <QVBoxLayout>

namespace ww {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString when(qint64 ms, bool withDate = false)
{
    if (ms == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("HH:mm:ss"));
}

QString priorityCell(Priority p)
{
    const char* colour = p == Priority::High ? "#c62828" : p == Priority::Medium ? "#b26a00" : "#00838f";
    return QStringLiteral("<td><b><font color=\"%1\">%2</font></b></td>").arg(QLatin1String(colour), esc(priorityText(p)));
}

// Who acknowledged, as the alarm lists show people and the texts the core writes as data.
QString who(const ShiftReport::Alarm& a)
{
    const QString id = shownData(a.ackedBy), name = shownData(a.ackedByName);
    if (name.isEmpty())
        return esc(id);
    return id.isEmpty() ? esc(name) : QStringLiteral("%1 (%2)").arg(esc(name), esc(id));
}

// The condition as the alarm lists show it: its code and arguments rendered in the reader's
// language. The logged English text where the code is unknown to this program (a newer one's) or
// the row has none (a log written before codes were kept).
QString condition(const QString& code, const QStringList& args, const QString& logged)
{
    return knownCondition(code) ? renderCondition(code, args) : logged;
}

QString condition(const ShiftReport::Alarm& a)
{
    return condition(a.conditionCode, a.conditionArgs, a.condition);
}

// Numbers in the locale of the language shown (the default locale, set with the language).
QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString fixed(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

QString score(double v)
{
    return QLocale().toString(v, 'g', 6);
}

QString score(const std::optional<double>& v)
{
    return v ? score(*v) : QStringLiteral("–");
}

// A duration as shiftDurationText writes it for the records ("12.5 s", "3 min 05 s", "2 h 10 min"),
// in the reader's language and locale.
QString duration(qint64 ms)
{
    if (ms < 60'000)
        return ShiftReportView::tr("%1 s").arg(fixed(double(ms) / 1000.0, 1));
    const qint64 s = (ms + 500) / 1000;
    const QLocale l;
    const QChar zero = l.zeroDigit().size() == 1 ? l.zeroDigit().front() : QChar(u'0');
    if (s < 3600)
        return ShiftReportView::tr("%1 min %2 s").arg(number(s / 60)).arg(l.toString(s % 60).rightJustified(2, zero));
    return ShiftReportView::tr("%1 h %2 min").arg(number(s / 3600)).arg(l.toString((s % 3600) / 60).rightJustified(2, zero));
}

QString duration(const std::optional<qint64>& ms)
{
    return ms ? duration(*ms) : QStringLiteral("–");
}

// How the bed-days were counted, from the report's basis (its bedDaysNote is the records' English).
QString bedDaysNote(const ShiftReport& r)
{
    QString note;
    if (r.bedDaysBasis == u"beds-option")
        return ShiftReportView::tr("beds occupied throughout the period: %1 (--beds; the census record has no entries)")
            .arg(number(r.bedsOption));
    if (r.bedDaysBasis == u"census-record+station-census")
        note = ShiftReportView::tr("the census record, with the station's census at the start (beds occupied: %1) for beds "
                                   "the record has no entry for before the start")
                   .arg(number(r.bedsAtStart));
    else if (r.bedDaysBasis == u"census-record")
        note = ShiftReportView::tr("the census record only: a bed with no entry before the start counts as vacant until its "
                                   "first entry");
    else
        return r.bedDaysNote; // a basis this program does not know: the report's own words
    if (r.bedsOption > 0)
        note += ShiftReportView::tr(" (--beds %1 not used: the census record has entries)").arg(number(r.bedsOption));
    return note;
}

QString tableStart(const QStringList& headers)
{
    QString h = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"98%\"><tr bgcolor=\"#e8eaf0\">");
    for (const QString& c : headers)
        h += QStringLiteral("<th align=\"left\">%1</th>").arg(esc(c));
    return h + QStringLiteral("</tr>");
}

} // namespace

ShiftReportView::ShiftReportView(QWidget* parent)
    : QWidget(parent), m_status(new QLabel(this)), m_text(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("shiftReport"));
    auto* layout = new QVBoxLayout(this);
    m_text->setOpenLinks(false);
    m_text->setMinimumSize(760, 480);
    layout->addWidget(m_text, 1);
    auto* buttons = new QHBoxLayout;
    auto* pdf = new QPushButton(this);
    auto* csv = new QPushButton(this);
    pdf->setObjectName(QStringLiteral("savePdf"));
    csv->setObjectName(QStringLiteral("saveCsv"));
    buttons->addWidget(m_status, 1);
    buttons->addWidget(pdf);
    buttons->addWidget(csv);
    layout->addLayout(buttons);
    const auto stem = [this] {
        return QStringLiteral("shift-report-%1").arg(QDateTime::fromMSecsSinceEpoch(m_report.fromMs).toString(QStringLiteral("yyyyMMdd-HHmm")));
    };
    connect(pdf, &QPushButton::clicked, this, [this, stem] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save the shift report as PDF"), stem() + QStringLiteral(".pdf"),
                                                          tr("PDF (*.pdf)"));
        QString error;
        if (!file.isEmpty())
            m_status->setText(writePdf(m_report, file, &error) ? tr("Saved %1").arg(file) : error);
    });
    connect(csv, &QPushButton::clicked, this, [this, stem] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save the shift report as CSV"), stem() + QStringLiteral(".csv"),
                                                          tr("CSV (*.csv)"));
        QString error;
        if (!file.isEmpty())
            m_status->setText(writeCsv(m_report, file, &error) ? tr("Saved %1").arg(file) : error);
    });
    // The texts in the language shown; a report shown is written again in the new one.
    onLanguageChange(this, [this, pdf, csv] {
        setWindowTitle(tr("Shift report"));
        pdf->setText(tr("Save PDF…"));
        csv->setText(tr("Save CSV…"));
        if (m_hasReport)
            setReport(m_report);
    });
}

void ShiftReportView::setReport(const ShiftReport& report)
{
    m_report = report;
    m_hasReport = true;
    m_text->setHtml(toHtml(report));
    m_status->setText(tr("%1 to %2").arg(when(report.fromMs, true), when(report.toMs, true)));
}

void ShiftReportView::load(const QString& logPath, qint64 fromMs, qint64 toMs, const ShiftReportOptions& options)
{
    const int generation = ++m_generation;
    m_status->setText(tr("Loading…"));
    QPointer<ShiftReportView> self(this);
    // The log is read and the figures computed on a worker; the report comes back to the GUI thread.
    QThreadPool::globalInstance()->start([self, logPath, fromMs, toMs, options, generation] {
        QString error;
        ShiftReport report = buildShiftReport(logPath, fromMs, toMs, options, &error);
        QMetaObject::invokeMethod(qApp, [self, report = std::move(report), error, generation] {
            if (!self || generation != self->m_generation)
                return;
            if (!error.isEmpty()) {
                self->m_report = report;
                self->m_hasReport = false;
                self->m_text->setPlainText(tr("The log could not be read: %1").arg(error));
                self->m_status->setText(tr("Error"));
            } else {
                self->setReport(report);
            }
            Q_EMIT self->loaded(error.isEmpty());
        });
    });
}

QString ShiftReportView::toHtml(const ShiftReport& r)
{
    QString h;
    // In the reader's language, as the window and its PDF are read by people (the CSV stays one format).
    h += QStringLiteral("<h2>%1</h2><p>%2 (%3) &nbsp; <small>%4</small></p>")
             .arg(esc(tr("Shift report")), esc(tr("%1 to %2").arg(when(r.fromMs, true), when(r.toMs, true))),
                  esc(QDateTime::fromMSecsSinceEpoch(r.fromMs).timeZoneAbbreviation()), esc(tr("Log: %1").arg(r.logPath)));

    h += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"3\">").arg(esc(tr("Ward")));
    auto figure = [&h](const QString& name, const QString& value, const QString& note = {}) {
        h += QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td><td><small>%3</small></td></tr>")
                 .arg(esc(name), esc(value), esc(note));
    };
    figure(tr("Alarms per bed-day"), r.alarmsPerBedDay ? fixed(*r.alarmsPerBedDay, 2) : tr("n/a"),
           r.alarmsPerBedDay ? QString() : tr("under one occupied bed-hour"));
    figure(tr("Alarms raised"), number(r.alarmsRaised),
           tr("reminders not counted; station technical alarms left out: %1").arg(number(r.localAlarms)));
    figure(tr("Occupied bed-days"), fixed(r.occupiedBedDays, 2), bedDaysNote(r));
    figure(tr("Likely nuisance"), number(qint64(r.nuisance.size())),
           tr("ended by themselves within 10 s of onset, unacknowledged"));
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Time to acknowledge")));
    h += tableStart({tr("Priority"), tr("Raised"), tr("Acknowledged"), tr("Never acknowledged"), tr("p50"), tr("p90")});
    for (const auto& f : r.priorities)
        h += QStringLiteral("<tr>%1<td align=\"right\">%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td>"
                            "<td align=\"right\">%5</td><td align=\"right\">%6</td></tr>")
                 .arg(priorityCell(f.priority), number(f.raised), number(f.acknowledged), number(f.neverAcknowledged),
                      duration(f.ackP50Ms), duration(f.ackP90Ms));
    h += QStringLiteral("</table><p><small>%1</small></p>")
             .arg(tr("From onset to acknowledgement, alarms raised in the period; percentiles by nearest rank."));

    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Most frequent conditions")));
    if (r.topConditions.empty()) {
        h += QStringLiteral("<p>%1</p>").arg(tr("No alarms in this period."));
    } else {
        h += tableStart({QStringLiteral("#"), tr("Rule"), tr("Condition"), tr("Example"), tr("Count")});
        for (size_t i = 0; i < r.topConditions.size(); ++i) {
            const auto& c = r.topConditions[i];
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td align=\"right\"><b>%5</b></td></tr>")
                     .arg(number(qint64(i + 1)), esc(c.rule), esc(c.conditionCode),
                          esc(condition(c.conditionCode, c.exampleArgs, c.example)), number(c.count));
        }
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Likely nuisance alarms")));
    if (r.nuisance.empty()) {
        h += QStringLiteral("<p>%1</p>").arg(tr("None."));
    } else {
        QStringList rules;
        for (const auto& [rule, count] : r.nuisanceRules)
            rules << QStringLiteral("%1 <b>%2</b>").arg(esc(rule), number(count));
        h += QStringLiteral("<p>%1</p>").arg(tr("By rule: %1").arg(rules.join(tr(", "))));
        h += tableStart({tr("Onset"), tr("Rule"), tr("Subject"), tr("Lasted")});
        for (const auto& a : r.nuisance)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td align=\"right\">%4</td></tr>")
                     .arg(when(a.onsetMs), esc(a.rule), esc(shownData(a.subject)), duration(a.endedMs - a.onsetMs));
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Patients")));
    if (!r.anyNews2)
        h += QStringLiteral("<p><i>%1</i></p>").arg(tr("The log has no NEWS2 scores for this period."));
    if (r.patients.empty())
        h += QStringLiteral("<p>%1</p>").arg(tr("No patient alarms, reminders or scores in this period."));
    for (const auto& p : r.patients) {
        h += QStringLiteral("<h4 style=\"margin-top:18px\">%1 <small>(%2)</small></h4>").arg(esc(shownData(p.name)), esc(p.id));
        if (p.news2.empty()) {
            h += QStringLiteral("<p>%1</p>").arg(tr("NEWS2: no scores logged"));
        } else {
            QStringList points;
            for (const auto& n : p.news2)
                points << QStringLiteral("%1&nbsp;<b>%2</b>").arg(when(n.timeMs).left(5), score(n.score));
            h += QStringLiteral("<p>%1<br><small>%2</small></p>")
                     .arg(tr("NEWS2: first %1, last %2, min %3, max %4")
                              .arg(score(p.news2First()), score(p.news2Last()), score(p.news2Min()), score(p.news2Max())),
                          points.join(QStringLiteral(" · ")));
        }
        if (!p.alarms.empty()) {
            h += tableStart({tr("Onset"), tr("Priority"), tr("Alarm"), tr("Acknowledged"), tr("By"), tr("Comment")});
            for (const auto& a : p.alarms)
                h += QStringLiteral("<tr><td>%1</td>%2<td>%3<br><small>%4</small></td><td>%5</td><td>%6</td><td>%7</td></tr>")
                         .arg(a.raisedInPeriod ? when(a.onsetMs) : when(a.onsetMs, true))
                         .arg(priorityCell(a.priority))
                         .arg(esc(condition(a).isEmpty() ? a.rule : condition(a)), esc(a.rule),
                              a.ackedAtMs ? when(a.ackedAtMs) : tr("never"), who(a), esc(a.ackComment));
            h += QStringLiteral("</table>");
        }
        h += QStringLiteral("<p>%1</p>").arg(tr("Reminders: %1 done, %2 missed").arg(number(p.remindersDone), number(p.remindersMissed)));
        if (!p.reminders.empty()) {
            h += tableStart({tr("Due"), tr("Reminder"), tr("Status"), tr("Done at"), tr("By"), tr("Comment")});
            for (const auto& a : p.reminders) {
                const bool done = a.ackedAtMs != 0;
                const QString what = condition(a);
                h += QStringLiteral("<tr><td>%1</td><td>%2</td><td><b>%3</b></td><td>%4</td><td>%5</td><td>%6</td></tr>")
                         .arg(when(a.onsetMs),
                              what.isEmpty() ? esc(a.rule) : QStringLiteral("%1<br><small>%2</small>").arg(esc(what), esc(a.rule)),
                              done ? tr("done") : QStringLiteral("<font color=\"#c62828\">%1</font>").arg(tr("missed")),
                              done ? when(a.ackedAtMs) : QString(), who(a), esc(a.ackComment));
            }
            h += QStringLiteral("</table>");
        }
    }
    return h;
}

bool ShiftReportView::writePdf(const ShiftReport& report, const QString& path, QString* error)
{
    {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        pdf.setTitle(tr("Shift report"));
        pdf.setCreator(QStringLiteral("WardWatch"));
        // The report's HTML on A4; the document paginates itself.
        QTextDocument doc;
        doc.setHtml(toHtml(report));
        doc.print(&pdf);
    }
    if (QFile(path).size() <= 0) {
        if (error)
            *error = tr("%1: could not be written").arg(path);
        return false;
    }
    return true;
}

bool ShiftReportView::writeCsv(const ShiftReport& report, const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(toCsv(report)) < 0 || !f.flush()) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace ww

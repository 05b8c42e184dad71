#include "ui/climatereportview.h"
#include "domain/site.h"
#include "domain/units.h"
#include "ui/language.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QPageSize>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTextDocument>
#include <QThreadPool>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

namespace ww {

ClimateReportDialog::ClimateReportDialog(const Site& site, QString climatePath, QString logPath, QStringList roomIds, qint64 fromMs,
                                         qint64 toMs, qint64 nowMs, QWidget* parent)
    : QDialog(parent), m_text(new QPlainTextEdit(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("climateReport"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* pdf = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    auto* csv = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(pdf, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save the climate report as PDF"), {}, tr("PDF (*.pdf)"));
        if (!file.isEmpty())
            m_status->setText(savePdf(file) ? tr("Saved %1").arg(file) : tr("Could not write %1").arg(file));
    });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save the climate report as CSV"), {}, tr("CSV (*.csv)"));
        if (!file.isEmpty())
            m_status->setText(saveCsv(file) ? tr("Saved %1").arg(file) : tr("Could not write %1").arg(file));
    });
    auto* v = new QVBoxLayout(this);
    v->addWidget(m_text, 1);
    v->addWidget(m_status);
    v->addWidget(buttons);
    resize(980, 640);
    // Another temperature unit: the same reports in it.
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, [this] {
        if (!m_reports.empty())
            m_text->setPlainText(text());
    });

    // The finest tier still covering the period; a reading of an aggregate tier holds its step.
    const ClimateRetention& keep = site.climateRecord;
    const ClimateTier tier = fromMs >= nowMs - qint64(keep.rawDays) * 86'400'000     ? ClimateTier::Raw
                             : fromMs >= nowMs - qint64(keep.minuteDays) * 86'400'000 ? ClimateTier::Minute
                                                                                       : ClimateTier::Hour;
    const qint64 maxGapMs = tier == ClimateTier::Raw ? 15 * 60'000 : tier == ClimateTier::Minute ? 5 * 60'000 : 2 * 3'600'000;
    struct Place
    {
        QString id, name, kind;
        ClimateTargets targets;
        bool door = false; // the room has a door contact: its openings are in the report
    };
    // Read (again after a language switch: the report is written in the language shown); an
    // older reading still on its way is dropped.
    auto generation = std::make_shared<int>(0);
    auto load = [this, ward = &site, generation, climatePath, logPath, roomIds, fromMs, toMs, tier, maxGapMs] {
        const int reading = ++*generation;
        std::vector<Place> places;
        for (const QString& id : roomIds)
            if (const Room* r = ward->room(id))
                places.push_back({id, QCoreApplication::translate("site", r->name.toUtf8().constData()), toString(r->kind),
                                  ward->climateTargets.value(r->kind),
                                  std::any_of(ward->sensors.begin(), ward->sensors.end(),
                                              [&](const Sensor& s) { return s.kind == SensorKind::Door && s.room == id; })});
        const qint64 doorLimitMs = 1000 * qint64(ward->alarms.roomDoorOpenLimitS);
        m_status->setText(tr("Loading…"));
        QPointer<ClimateReportDialog> self(this);
        QThreadPool::globalInstance()->start([self, places, climatePath, logPath, fromMs, toMs, tier, maxGapMs, doorLimitMs, generation, reading] {
            QString error, logError;
            std::vector<ClimateReport> reports;
            LogFilter f;
            f.fromMs = fromMs;
            f.toMs = toMs + 86'400'000; // an excursion's alarm may be acknowledged after the period
            f.text = QStringLiteral("env."); // the rooms' climate and pressure alarms
            f.alarmsOnly = true;
            f.limit = 200'000;
            const auto log = logPath.isEmpty() ? std::vector<LogEntry>{} : AlarmLog::query(logPath, f, &logError);
            for (const Place& p : places) {
                const auto series = ClimateRecord::query(climatePath, p.id, fromMs, toMs, tier, &error);
                if (!series)
                    break;
                ClimateReport r = buildClimateReport(p.name, p.kind, series->quantities, p.targets, fromMs, toMs, maxGapMs);
                attachAcknowledgements(r, p.id, log);
                if (p.door) {
                    const auto doors = ClimateRecord::doors(climatePath, p.id, fromMs, toMs, &error);
                    if (!doors)
                        break;
                    attachDoors(r, *doors, doorLimitMs);
                }
                reports.push_back(std::move(r));
            }
            QMetaObject::invokeMethod(qApp, [self, reports = std::move(reports), error, logError, count = int(places.size()), generation, reading] {
                if (!self || *generation != reading)
                    return;
                self->m_reports = reports;
                self->m_logError = logError;
                self->m_text->setPlainText(self->text());
                self->m_status->setText(int(reports.size()) != count ? tr("The climate record cannot be read: %1").arg(error)
                                        : !logError.isEmpty()        ? tr("%n room(s); who acknowledged is unknown: the alarm log cannot be read (%1)", nullptr, count)
                                                                           .arg(logError)
                                                                     : tr("%n room(s)", nullptr, count));
                Q_EMIT self->loaded(int(reports.size()));
            }, Qt::QueuedConnection);
        });
    };
    onLanguageChange(this, [this, pdf, csv, load] {
        setWindowTitle(tr("Room climate compliance"));
        pdf->setText(tr("Save PDF…"));
        csv->setText(tr("Save CSV…"));
        load();
    });
}

QString ClimateReportDialog::text() const
{
    QStringList parts;
    for (const ClimateReport& r : m_reports)
        parts << r.text(temperatureUnit(), QLocale());
    if (!m_logError.isEmpty())
        parts << tr("Acknowledgements unavailable: the alarm log cannot be read (%1)").arg(m_logError) + QChar(u'\n');
    return parts.join(QStringLiteral("\n") + QString(100, u'-') + QStringLiteral("\n")) +
           QChar(u'\n') + tr("Reviewed by: ______________________   Signature: ______________   Date: __________") + QChar(u'\n');
}

bool ClimateReportDialog::savePdf(const QString& file) const
{
    QPdfWriter pdf(file);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setTitle(windowTitle());
    pdf.setCreator(QStringLiteral("WardWatch"));
    QTextDocument doc;
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(7);
    doc.setDefaultFont(mono);
    doc.setPlainText(text());
    doc.print(&pdf);
    return QFile(file).size() > 0;
}

bool ClimateReportDialog::saveCsv(const QString& file) const
{
    QByteArray bytes;
    for (size_t i = 0; i < m_reports.size(); ++i)
        bytes += m_reports[i].csv(i == 0);
    QFile f(file);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace ww

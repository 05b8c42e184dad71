#include "ui/coldchainreport.h"
#include "records/envrecord.h"
#include "domain/units.h"
#include "ui/language.h"
#include "ui/trendviews.h"

#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTextDocument>
#include <QThreadPool>
#include <QUrl>
#include <QVBoxLayout>

namespace ww {

ColdChainReportDialog::ColdChainReportDialog(const Fridge& fridge, QString recordPath, QWidget* parent)
    : QDialog(parent), m_fridge(fridge), m_path(std::move(recordPath)), m_period(new QComboBox(this)),
      m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this)), m_chartView(new QChartView(this)),
      m_chart(new TemperatureChart), m_text(new QPlainTextEdit(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("coldChainReport"));
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    for (int period = 0; period <= 4; ++period) // last 24 hours, today, yesterday, last 7 days, from – to
        m_period->addItem(QString(), period);
    for (QDateTimeEdit* e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setEnabled(false);
    }
    auto* periodLabel = new QLabel(this);
    row->addWidget(periodLabel);
    row->addWidget(m_period);
    row->addWidget(m_from);
    row->addWidget(m_to);
    auto* show = new QPushButton(this);
    row->addWidget(show);
    row->addStretch(1);
    layout->addLayout(row);
    // The period's readings above the record (the PDF carries the same picture).
    m_chartView->setChart(m_chart);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(760, 260);
    layout->addWidget(m_chartView, 1);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMinimumSize(760, 360);
    layout->addWidget(m_text, 1);
    auto* buttons = new QHBoxLayout;
    auto* pdf = new QPushButton(this);
    auto* json = new QPushButton(this);
    auto* close = new QPushButton(this);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(pdf);
    buttons->addWidget(json);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    auto choose = [this] {
        const QDateTime now = QDateTime::currentDateTime();
        const QDateTime midnight(now.date(), QTime(0, 0));
        switch (m_period->currentData().toInt()) {
        case 0: showPeriod(now.addDays(-1).toMSecsSinceEpoch(), now.toMSecsSinceEpoch()); break;
        case 1: showPeriod(midnight.toMSecsSinceEpoch(), now.toMSecsSinceEpoch()); break;
        case 2: showPeriod(midnight.addDays(-1).toMSecsSinceEpoch(), midnight.toMSecsSinceEpoch()); break;
        case 3: showPeriod(now.addDays(-7).toMSecsSinceEpoch(), now.toMSecsSinceEpoch()); break;
        default: break;
        }
        m_from->setEnabled(m_period->currentData().toInt() == 4);
        m_to->setEnabled(m_period->currentData().toInt() == 4);
    };
    connect(m_period, &QComboBox::currentIndexChanged, this, choose);
    connect(show, &QPushButton::clicked, this, [this] {
        showPeriod(m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch());
    });
    connect(pdf, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save the record as PDF"),
                                                          QStringLiteral("%1-cold-chain.pdf").arg(m_fridge.id), tr("PDF (*.pdf)"));
        if (!file.isEmpty())
            m_status->setText(savePdf(file) ? tr("Saved %1").arg(file) : tr("Could not write %1").arg(file));
    });
    connect(json, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save the record as JSON"),
                                                          QStringLiteral("%1-cold-chain.json").arg(m_fridge.id), tr("JSON (*.json)"));
        if (!file.isEmpty())
            m_status->setText(saveJson(file) ? tr("Saved %1").arg(file) : tr("Could not write %1").arg(file));
    });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    // Another temperature unit: the record and its chart again.
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, &ColdChainReportDialog::load);
    // The texts in the language shown; after a switch the period chosen is read again, the record
    // and the chart's legend then in the new language.
    onLanguageChange(this, [this, periodLabel, show, pdf, json, close] {
        setWindowTitle(tr("Cold-chain record: %1").arg(m_fridge.name));
        const QString periods[] = {tr("Last 24 hours"), tr("Today"), tr("Yesterday"), tr("Last 7 days"), tr("From – to")};
        for (int i = 0; i < m_period->count(); ++i)
            m_period->setItemText(i, periods[i]);
        periodLabel->setText(tr("Period:"));
        show->setText(tr("Show"));
        pdf->setText(tr("Save PDF…"));
        json->setText(tr("Save JSON…"));
        close->setText(tr("Close"));
        if (m_generation > 0) {
            // A chart made in the new language (its series' names) shows the period again.
            QChart* old = m_chartView->chart();
            m_chart = new TemperatureChart;
            m_chartView->setChart(m_chart);
            delete old;
            load();
        }
    });
    choose();
}

void ColdChainReportDialog::setPeriod(qint64 fromMs, qint64 toMs)
{
    // A period given from outside is a "from – to" period: the chooser says so.
    const QSignalBlocker block(m_period);
    m_period->setCurrentIndex(m_period->count() - 1);
    m_from->setEnabled(true);
    m_to->setEnabled(true);
    showPeriod(fromMs, toMs);
}

void ColdChainReportDialog::showPeriod(qint64 fromMs, qint64 toMs)
{
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
    load();
}

int ColdChainReportDialog::chartPoints() const
{
    return m_chart->points();
}

QString ColdChainReportDialog::text() const
{
    return m_text->toPlainText();
}

void ColdChainReportDialog::load()
{
    const qint64 from = m_from->dateTime().toMSecsSinceEpoch(), to = m_to->dateTime().toMSecsSinceEpoch();
    const int generation = ++m_generation;
    m_status->setText(tr("Loading…"));
    QPointer<ColdChainReportDialog> self(this);
    const QString path = m_path;
    const Fridge fridge = m_fridge;
    const TemperatureUnit unit = temperatureUnit();
    const QLocale locale;
    // The query and the computation run on a worker; only the text comes back to the GUI thread.
    QThreadPool::globalInstance()->start([self, path, fridge, from, to, generation, unit, locale] {
        QString error;
        coldchain::Report report;
        const auto series = EnvRecord::query(path, fridge.id, from, to, &error);
        if (series) {
            coldchain::Options o;
            o.minC = fridge.minC;
            o.maxC = fridge.maxC;
            o.doorOpenLimitMs = qint64(fridge.doorOpenLimitS) * 1000;
            report = coldchain::buildReport(series->temperatures, series->doors, from, to, o, &error);
        }
        const QString text = error.isEmpty() ? coldchain::toText(report, fridge.name, unit, locale) : QString();
        QList<QPointF> points;
        if (series)
            for (const coldchain::Sample& t : series->temperatures)
                points.append(QPointF(double(std::max(t.timeMs, from)), t.temperatureC));
        QMetaObject::invokeMethod(qApp, [self, report, text, error, generation, points, from, to] {
            if (!self || generation != self->m_generation)
                return;
            self->m_report = report;
            self->m_chart->show(points, Range{self->m_fridge.minC, self->m_fridge.maxC}, from, to);
            self->m_text->setPlainText(error.isEmpty() ? text : tr("The record could not be read: %1").arg(error));
            self->m_status->setText(error.isEmpty() ? (report.compliant() ? tr("Within range, no gaps") : tr("Not compliant: see the record"))
                                                    : tr("Error"));
            Q_EMIT self->loaded(error.isEmpty());
        });
    });
}

bool ColdChainReportDialog::savePdf(const QString& file) const
{
    QPdfWriter pdf(file);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setTitle(windowTitle());
    pdf.setCreator(QStringLiteral("WardWatch"));
    // The chart as the dialog draws it, then the record as plain text; the document paginates itself.
    const QImage chart = m_chartView->grab().toImage();
    QTextDocument doc;
    doc.setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart.png")), chart);
    doc.setHtml(QStringLiteral("<img src=\"chart.png\" width=\"600\"><pre>%1</pre>").arg(text().toHtmlEscaped()));
    doc.print(&pdf);
    return QFile(file).size() > 0;
}

bool ColdChainReportDialog::saveJson(const QString& file) const
{
    QFile f(file);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(coldchain::toJson(m_report, m_fridge.name)) > 0;
}

} // namespace ww

#include "ui/trendviews.h"
#include "ui/chartpalette.h"
#include "ui/climatereview.h"
#include "ui/theme.h"
#include "ui/setpointdialog.h"
#include "ui/coldchainreport.h"
#include "records/envrecord.h"
#include "domain/units.h"

#include <QApplication>
#include <QCoreApplication>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPointer>
#include <QPushButton>
#include <QThreadPool>
#include <QValueAxis>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace ww {

namespace {

constexpr int RefreshMs = 1000; // charts follow the data at most once a second

QComboBox* windowChooser(QWidget* parent, int selectedMinutes)
{
    auto* box = new QComboBox(parent);
    for (int m : TrendWindowsMin)
        box->addItem(m < 60 ? QObject::tr("%1 min").arg(m) : QObject::tr("%1 h").arg(m / 60), m);
    box->setCurrentIndex(std::max(0, box->findData(selectedMinutes)));
    return box;
}

struct Panel
{
    const char* label;
    std::vector<VitalKind> kinds;
    double lo, hi; // the axis shows at least this range
};

// The panels, top to bottom, and the colours a monitor's trend uses (dark enough on white).
const Panel Panels[] = {
    {QT_TRANSLATE_NOOP("ww::VitalsTrendView", "HR /min"), {VitalKind::HeartRate, VitalKind::PulseRate}, 40, 140},
    {QT_TRANSLATE_NOOP("ww::VitalsTrendView", "SpO₂ %"), {VitalKind::SpO2}, 85, 100},
    {QT_TRANSLATE_NOOP("ww::VitalsTrendView", "RR /min"), {VitalKind::RespRate}, 5, 35},
    {QT_TRANSLATE_NOOP("ww::VitalsTrendView", "BP mmHg"), {VitalKind::SystolicBp, VitalKind::DiastolicBp}, 40, 180},
    {QT_TRANSLATE_NOOP("ww::VitalsTrendView", "Temp %1"), {VitalKind::Temperature}, 35, 40}, // %1: the unit shown, °C
    {QT_TRANSLATE_NOOP("ww::VitalsTrendView", "NEWS2"), {}, 0, 8}, // the aggregate score (no vital kind)
};

QColor colourOf(VitalKind k)
{
    switch (k) {
    case VitalKind::HeartRate: return QColor(0x00, 0x80, 0x00);
    case VitalKind::PulseRate: return QColor(0x60, 0xb0, 0x60);
    case VitalKind::SpO2: return QColor(0x00, 0x66, 0xcc);
    case VitalKind::RespRate: return QColor(0x99, 0x77, 0x00);
    case VitalKind::SystolicBp: return QColor(0xc0, 0x00, 0x00);
    case VitalKind::DiastolicBp: return QColor(0xe0, 0x70, 0x70);
    case VitalKind::MeanBp: return QColor(0xa0, 0x40, 0x40);
    case VitalKind::Temperature: return QColor(0xc0, 0x50, 0x00);
    }
    return Qt::black;
}

bool isTemperature(const Panel& p)
{
    return p.kinds.size() == 1 && p.kinds.front() == VitalKind::Temperature;
}

// A panel's name in the language and, for the temperature, the unit shown.
QString panelName(const Panel& p)
{
    const QString name = QCoreApplication::translate("ww::VitalsTrendView", p.label);
    return isTemperature(p) ? name.arg(shownTemperatureSymbol()) : name;
}

// The line above a chart: its title in bold, then the window chooser (and whatever the chart adds).
QHBoxLayout* chartHeader(QWidget* chart, QLabel* title, QComboBox* window, QWidget* chartBody)
{
    auto* layout = new QVBoxLayout(chart);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* head = new QHBoxLayout;
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setWordWrap(true); // a long title (large type, a longer language) takes two lines, not the table's width
    head->addWidget(title, 1);
    head->addWidget(new QLabel(QObject::tr("Window:"), chart));
    head->addWidget(window);
    layout->addLayout(head);
    layout->addWidget(chartBody, 1);
    return head;
}

} // namespace

VitalsTrendView::VitalsTrendView(WardModels& models, QWidget* parent)
    : QWidget(parent), m_models(models), m_plot(new QCustomPlot(this)), m_title(new QLabel(this)),
      m_window(windowChooser(this, 60))
{
    setObjectName(QStringLiteral("vitalsTrend"));
    m_title->setObjectName(QStringLiteral("trendTitle"));
    chartHeader(this, m_title, m_window, m_plot);

    m_plot->plotLayout()->clear();
    auto* margins = new QCPMarginGroup(m_plot);
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm"));
    int i = 0;
    for (const Panel& p : Panels) {
        auto* rect = new QCPAxisRect(m_plot);
        m_plot->plotLayout()->addElement(i++, 0, rect);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->axis(QCPAxis::atBottom)->setTicker(ticker);
        rect->axis(QCPAxis::atBottom)->setTickLabels(&p == &Panels[std::size(Panels) - 1]);
        // The panel's name inside it, across: a rotated axis name longer than a short panel (large
        // type, a small screen) would run into the next one.
        auto* name = new QCPItemText(m_plot);
        name->setClipAxisRect(rect);
        name->position->setAxisRect(rect);
        name->position->setType(QCPItemPosition::ptAxisRectRatio);
        name->position->setCoords(0.005, 0.0);
        name->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        name->setPadding(QMargins(3, 1, 3, 1));
        name->setText(panelName(p));
        m_names.push_back(name);
        rect->axis(QCPAxis::atLeft)->setRange(p.lo, p.hi);
        rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(4);
        for (VitalKind k : p.kinds) {
            QCPGraph* g = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            g->setPen(QPen(colourOf(k), 2));
            g->setName(QCoreApplication::translate("ww::VitalKind", toString(k).toUtf8().constData())); // the legend: "HF" in German
            g->setLineStyle(QCPGraph::lsLine);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));
            m_graphs[size_t(k)] = g;
        }
        if (p.kinds.empty()) {
            // NEWS2 as steps (a score holds until the next), with the response thresholds 5 and 7.
            m_news2 = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            m_news2->setPen(QPen(QColor(0x40, 0x40, 0x40), 2));
            m_news2->setLineStyle(QCPGraph::lsStepLeft);
            for (double level : {5.0, 7.0}) {
                auto* line = new QCPItemStraightLine(m_plot);
                line->setClipAxisRect(rect);
                line->point1->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
                line->point2->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
                line->point1->setCoords(0, level);
                line->point2->setCoords(1, level);
                line->setPen(QPen(level >= 7 ? QColor(0xc0, 0, 0) : QColor(0xc0, 0x90, 0), 1, Qt::DashLine));
            }
        }
    }
    // Axes, labels and the NEWS2 steps in the palette's text colour, the background its base.
    followPalette(m_plot);
    auto ink = [this] {
        const QPalette pal = QApplication::palette();
        m_news2->setPen(QPen(pal.color(QPalette::Text), 2));
        QColor under = pal.color(QPalette::Base);
        under.setAlpha(200);
        for (QCPItemText* name : m_names) {
            name->setColor(pal.color(QPalette::Text));
            name->setBrush(under);
            name->setFont(m_plot->font());
        }
        // Fewer numbers on a panel's axis in large type: they would overlap.
        for (QCPAxisRect* rect : m_plot->axisRects())
            rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(fontScale() > 1 ? 2 : 4);
    };
    ink();
    connect(&AppearanceNotifier::instance(), &AppearanceNotifier::changed, this, ink);
    m_plot->setMinimumHeight(320);
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(RefreshMs);
    connect(&m_throttle, &QTimer::timeout, this, &VitalsTrendView::refreshNow);
    connect(&m_models, &WardModels::applied, this, &VitalsTrendView::scheduleRefresh);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] { setWindowMinutes(m_window->currentData().toInt()); });
    // Another temperature unit: the panel's name, axis and points again.
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, [this] {
        for (size_t k = 0; k < m_names.size() && k < std::size(Panels); ++k)
            m_names[k]->setText(panelName(Panels[k]));
        refreshNow();
    });
    setPatient(-1);
}

QStringList VitalsTrendView::panelNames() const
{
    QStringList out;
    for (const QCPItemText* name : m_names)
        out << name->text();
    return out;
}

void VitalsTrendView::scheduleRefresh()
{
    if (m_row >= 0 && isVisible() && !m_throttle.isActive())
        m_throttle.start();
}

void VitalsTrendView::setPatient(int row)
{
    m_row = row;
    refreshNow();
}

void VitalsTrendView::setWindowMinutes(int minutes)
{
    m_minutes = minutes;
    m_window->setCurrentIndex(std::max(0, m_window->findData(minutes)));
    refreshNow();
}

int VitalsTrendView::points(VitalKind kind) const
{
    const QCPGraph* g = m_graphs[size_t(kind)];
    return g ? g->data()->size() : 0;
}

int VitalsTrendView::news2Points() const
{
    return m_news2->data()->size();
}

void VitalsTrendView::refreshNow()
{
    if (m_row < 0 || m_row >= m_models.patients.rowCount() || m_models.patients.rowAt(m_row).vacant()) {
        m_title->setText(m_row >= 0 && m_row < m_models.patients.rowCount()
                             ? tr("Trends: bed %1 is vacant").arg(m_models.patients.rowAt(m_row).bed)
                             : tr("Trends: select a patient in the census"));
        for (QCPGraph* g : m_graphs)
            if (g)
                g->data()->clear();
        m_news2->data()->clear();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const PatientRow& p = m_models.patients.rowAt(m_row);
    qint64 latest = 0;
    for (int k = 0; k < VitalKindCount; ++k)
        latest = std::max(latest, m_models.trends.vital(m_row, VitalKind(k)).lastTimeMs());
    m_title->setText(latest ? tr("Trends: %1 (bed %2), last %3").arg(p.name, p.bed, formatTime(latest))
                            : tr("Trends: %1 (bed %2), no vital signs yet").arg(p.name, p.bed));
    const qint64 end = latest ? latest : QDateTime::currentMSecsSinceEpoch();
    qint64 first = end;
    for (int k = 0; k < VitalKindCount; ++k)
        if (const TrendSeries& s = m_models.trends.vital(m_row, VitalKind(k)); !s.empty())
            first = std::min(first, s.timeAt(0));
    // The window, or less while the record is shorter (at least 5 min): the data fills the width.
    const qint64 start = end - std::min(qint64(m_minutes) * 60'000, std::max<qint64>(end - first + 30'000, 300'000));
    // value: what is drawn of a stored value (a temperature in the unit shown).
    auto fill = [start](QCPGraph* g, const TrendSeries& s, double (*value)(double)) {
        QVector<double> keys, values;
        keys.reserve(qsizetype(s.size()));
        values.reserve(qsizetype(s.size()));
        for (size_t i = 0; i < s.size(); ++i)
            if (s.timeAt(i) >= start) {
                keys.push_back(double(s.timeAt(i)) / 1000.0);
                values.push_back(value(s.valueAt(i)));
            }
        g->setData(keys, values, true);
    };
    auto same = [](double v) { return v; };
    for (int k = 0; k < VitalKindCount; ++k)
        if (QCPGraph* g = m_graphs[size_t(k)])
            fill(g, m_models.trends.vital(m_row, VitalKind(k)), VitalKind(k) == VitalKind::Temperature ? &shownTemperatureNumber : +same);
    fill(m_news2, m_models.trends.news2(m_row), +same);
    int i = 0;
    for (const Panel& panel : Panels) {
        auto* rect = m_plot->axisRect(i++);
        rect->axis(QCPAxis::atBottom)->setRange(double(start) / 1000.0, double(end) / 1000.0 + 5);
        // At least the panel's usual range, wider when a value lies outside it.
        double lo = panel.lo, hi = panel.hi;
        if (isTemperature(panel)) {
            lo = std::floor(shownTemperatureNumber(lo));
            hi = std::ceil(shownTemperatureNumber(hi));
        }
        std::vector<QCPGraph*> graphs;
        for (VitalKind k : panel.kinds)
            graphs.push_back(m_graphs[size_t(k)]);
        if (panel.kinds.empty())
            graphs.push_back(m_news2);
        for (QCPGraph* g : graphs) {
            bool found = false;
            const QCPRange r = g->data()->valueRange(found);
            if (found) {
                lo = std::min(lo, std::floor(r.lower - 2));
                hi = std::max(hi, std::ceil(r.upper + 2));
            }
        }
        lo = panel.kinds.empty() ? 0 : lo; // a score never goes below 0
        rect->axis(QCPAxis::atLeft)->setRange(lo, hi);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// --- Temperature chart (environment tab and the cold-chain report) -------------------------------

TemperatureChart::TemperatureChart()
    : m_temperature(new QLineSeries), m_low(new QLineSeries), m_high(new QLineSeries), m_time(new QDateTimeAxis),
      m_value(new QValueAxis)
{
    legend()->setAlignment(Qt::AlignBottom);
    setMargins(QMargins(4, 4, 4, 4));
    m_temperature->setName(tr("Temperature %1").arg(shownTemperatureSymbol()));
    m_temperature->setPen(QPen(QColor(0x00, 0x55, 0xaa), 2));
    m_temperature->setPointsVisible(true); // a single reading is a point, not nothing
    for (QLineSeries* limit : {m_low, m_high})
        limit->setPen(QPen(QColor(0xc0, 0x00, 0x00), 1, Qt::DashLine));
    m_low->setName(tr("Target"));
    for (QLineSeries* series : {m_temperature, m_low, m_high})
        addSeries(series);
    m_time->setTickCount(7);
    m_value->setLabelFormat(QStringLiteral("%.0f"));
    addAxis(m_time, Qt::AlignBottom);
    addAxis(m_value, Qt::AlignLeft);
    for (QLineSeries* series : {m_temperature, m_low, m_high}) {
        series->attachAxis(m_time);
        series->attachAxis(m_value);
    }
    legend()->markers(m_high).constFirst()->setVisible(false);
}

int TemperatureChart::points() const
{
    return int(m_temperature->count());
}

void TemperatureChart::clear()
{
    for (QLineSeries* series : {m_temperature, m_low, m_high})
        series->clear();
}

void TemperatureChart::show(const QList<QPointF>& pointsC, const Range& targetC, qint64 start, qint64 end)
{
    // Drawn in the unit shown; the name and the axis say which.
    m_temperature->setName(tr("Temperature %1").arg(shownTemperatureSymbol()));
    m_value->setTitleText(shownTemperatureSymbol());
    QList<QPointF> points;
    points.reserve(pointsC.size());
    double lo = 1e9, hi = -1e9;
    for (const QPointF& p : pointsC) {
        points.append(QPointF(p.x(), shownTemperatureNumber(p.y())));
        lo = std::min(lo, points.back().y());
        hi = std::max(hi, points.back().y());
    }
    m_temperature->replace(points);
    m_low->clear();
    m_high->clear();
    for (const auto& [limitC, series] : {std::pair{targetC.min, m_low}, std::pair{targetC.max, m_high}})
        if (limitC) {
            const double limit = shownTemperatureNumber(*limitC);
            series->append({QPointF(double(start), limit), QPointF(double(end), limit)});
            lo = std::min(lo, limit);
            hi = std::max(hi, limit);
        }
    if (lo > hi) {
        lo = shownTemperatureNumber(0);
        hi = shownTemperatureNumber(30);
    }
    m_value->setRange(std::floor(lo - 1), std::ceil(hi + 1));
    m_value->applyNiceNumbers();
    const qint64 span = end - start;
    m_time->setFormat(span <= 15 * 60'000 ? QStringLiteral("HH:mm:ss")
                      : span <= 24 * 3'600'000 ? QStringLiteral("HH:mm") : QStringLiteral("dd.MM HH:mm"));
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(start), QDateTime::fromMSecsSinceEpoch(end));
}

// --- Environment ---------------------------------------------------------------------------------

EnvironmentChartView::EnvironmentChartView(const Site& site, WardModels& models, QString recordPath, QWidget* parent)
    : QWidget(parent), m_site(site), m_models(models), m_recordPath(std::move(recordPath)), m_view(new QChartView(this)),
      m_chart(new TemperatureChart), m_title(new QLabel(this)), m_window(windowChooser(this, 240)),
      m_report(new QPushButton(tr("Compliance report…"), this)), m_review(new QPushButton(tr("Climate review…"), this)),
      m_setpoint(new QPushButton(tr("Setpoint…"), this))
{
    setObjectName(QStringLiteral("environmentChart"));
    m_window->addItem(tr("24 h"), 1440);
    m_window->addItem(tr("7 days"), 7 * 1440);
    QHBoxLayout* header = chartHeader(this, m_title, m_window, m_view);
    header->addWidget(m_setpoint);
    header->addWidget(m_review);
    m_setpoint->setObjectName(QStringLiteral("setpoint"));
    m_setpoint->setToolTip(tr("Change the room's temperature, humidity or ventilation at the building-management system"));
    m_setpoint->setVisible(false);
    connect(m_setpoint, &QPushButton::clicked, this, [this] {
        const bool valid = m_row >= 0 && m_row < m_models.environment.rowCount();
        const Room* room = valid ? m_site.room(m_models.environment.rowAt(m_row).id) : nullptr;
        if (!room || !m_alarms)
            return;
        // The main window's: it stays open when the window is built again in another language.
        auto* d = new SetpointDialog(*m_alarms, *room, window());
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    });
    header->addWidget(m_report);
    m_report->setObjectName(QStringLiteral("complianceReport"));
    m_review->setObjectName(QStringLiteral("climateReview"));
    m_review->setToolTip(tr("The room's climate over days and months, and which rooms of its floor were out of range"));
    connect(m_review, &QPushButton::clicked, this, [this] {
        const bool valid = m_row >= 0 && m_row < m_models.environment.rowCount();
        const QString room = valid && m_models.environment.rowAt(m_row).kind == EnvKind::Room ? m_models.environment.rowAt(m_row).id
                                                                                               : QString();
        auto* d = new ClimateReviewDialog(m_site, m_climatePath, room, m_now ? m_now() : QDateTime::currentMSecsSinceEpoch(), window());
        d->setLogPath(m_logPath);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    });
    m_view->setChart(m_chart);
    followPalette(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(260);
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(RefreshMs);
    connect(&m_throttle, &QTimer::timeout, this, &EnvironmentChartView::refreshNow);
    connect(&m_models, &WardModels::applied, this, &EnvironmentChartView::scheduleRefresh);
    connect(m_window, &QComboBox::currentIndexChanged, this, &EnvironmentChartView::refreshNow);
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, &EnvironmentChartView::refreshNow);
    connect(m_report, &QPushButton::clicked, this, [this] {
        if (m_row < 0)
            return;
        const Fridge* f = m_site.fridge(m_models.environment.rowAt(m_row).id);
        if (!f)
            return;
        auto* d = new ColdChainReportDialog(*f, m_recordPath, window());
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    });
    setPlace(-1);
}

void EnvironmentChartView::scheduleRefresh()
{
    if (m_row < 0 || !isVisible() || m_throttle.isActive())
        return;
    // A fridge's chart is a database query: every 10 s is enough for readings a minute apart.
    m_throttle.setInterval(m_models.environment.rowAt(m_row).kind == EnvKind::Fridge ? 10 * RefreshMs : RefreshMs);
    m_throttle.start();
}

void EnvironmentChartView::setClimateRecord(QString path, QString logPath, std::function<qint64()> now)
{
    m_climatePath = std::move(path);
    m_logPath = std::move(logPath);
    m_now = std::move(now);
    refreshNow();
}

void EnvironmentChartView::setSetpoints(AlarmController* alarms)
{
    m_alarms = alarms;
    m_setpoint->setVisible(alarms && !m_site.bms.device.isEmpty());
    refreshNow();
}

void EnvironmentChartView::setPlace(int row)
{
    m_row = row;
    refreshNow();
}

int EnvironmentChartView::points() const
{
    return m_chart->points();
}


void EnvironmentChartView::refreshNow()
{
    const bool valid = m_row >= 0 && m_row < m_models.environment.rowCount();
    const EnvRow* row = valid ? &m_models.environment.rowAt(m_row) : nullptr;
    m_report->setEnabled(row && row->kind == EnvKind::Fridge && !m_recordPath.isEmpty() && m_site.fridge(row->id));
    m_review->setEnabled(!m_climatePath.isEmpty());
    m_setpoint->setEnabled(row && row->kind == EnvKind::Room && m_alarms);
    ++m_generation;
    if (!row) {
        m_title->setText(tr("Temperature: select a room or fridge"));
        m_chart->clear();
        return;
    }
    const TrendSeries& s = m_models.trends.temperature(m_row);
    qint64 end = s.empty() ? QDateTime::currentMSecsSinceEpoch() : s.lastTimeMs();
    const qint64 window = qint64(m_window->currentData().toInt()) * 60'000;
    if (row->kind == EnvKind::Fridge && !m_recordPath.isEmpty()) {
        end = std::max(end, QDateTime::currentMSecsSinceEpoch()); // the record may hold newer readings than the trend
        // A fridge is drawn from the station's record: every reading, late uploads included, across
        // restarts. Queried on a worker; only the points come back.
        QPointer<EnvironmentChartView> self(this);
        const QString path = m_recordPath, id = row->id;
        const int generation = m_generation;
        QThreadPool::globalInstance()->start([self, path, id, end, window, generation] {
            QString error;
            const auto series = EnvRecord::query(path, id, end - window, end + 1, &error);
            // In time order, one point per time: a reading recorded twice is drawn once.
            const QList<QPointF> points =
                series ? chartPoints(series->temperatures, end - window) : QList<QPointF>();
            QMetaObject::invokeMethod(qApp, [self, points, end, generation, error] {
                if (!self || generation != self->m_generation)
                    return;
                self->draw(points, end, error.isEmpty() ? tr("%1 readings in the station's record").arg(points.size())
                                                        : tr("the record could not be read: %1").arg(error));
            });
        });
        return;
    }
    QList<QPointF> points;
    for (size_t i = 0; i < s.size(); ++i)
        if (s.timeAt(i) >= end - window)
            points.append(QPointF(double(s.timeAt(i)), s.valueAt(i)));
    draw(points, end, tr("%1 readings held on this station").arg(points.size()));
}

void EnvironmentChartView::draw(const QList<QPointF>& points, qint64 end, const QString& what)
{
    if (m_row < 0 || m_row >= m_models.environment.rowCount())
        return;
    const EnvRow& row = m_models.environment.rowAt(m_row);
    if (!points.isEmpty())
        end = std::max(end, qint64(points.back().x()));
    const qint64 first = points.isEmpty() ? end : qint64(points.front().x());
    // The window, or less while the record is shorter (at least 5 min): the data fills the width.
    const qint64 start =
        end - std::min(qint64(m_window->currentData().toInt()) * 60'000, std::max<qint64>(end - first + 30'000, 300'000));
    m_chart->show(points, row.targets.temperatureC, start, end);
    m_title->setText(tr("Temperature: %1, %2").arg(row.name, what));
    Q_EMIT drawn(int(points.size()));
}

} // namespace ww

#include "ui/climatereview.h"
#include "domain/site.h"
#include "domain/units.h"
#include "ui/climatechart.h"
#include "ui/climateheatmap.h"
#include "ui/climatereportview.h"
#include "ui/language.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QThreadPool>
#include <QTimeZone>
#include <QVBoxLayout>

namespace ww {

namespace {
constexpr qint64 HourMs = 3'600'000, DayMs = 86'400'000;

// The rooms with a climate sensor, in the site's order.
std::vector<const Room*> climateRooms(const Site& site, std::optional<int> floor = std::nullopt)
{
    std::vector<const Room*> out;
    for (const Room& r : site.rooms) {
        if (floor && r.floor != *floor)
            continue;
        const bool sensed = std::any_of(site.sensors.begin(), site.sensors.end(),
                                        [&](const Sensor& s) { return s.kind == SensorKind::Climate && s.room == r.id; });
        if (sensed)
            out.push_back(&r);
    }
    return out;
}

QString roomName(const Room& r)
{
    return QCoreApplication::translate("site", r.name.toUtf8().constData());
}
} // namespace

ClimateReviewDialog::ClimateReviewDialog(const Site& site, QString climatePath, const QString& roomId, qint64 nowMs, QWidget* parent)
    : QDialog(parent), m_site(site), m_path(std::move(climatePath)), m_nowMs(nowMs), m_room(new QComboBox(this)),
      m_quantity(new QComboBox(this)), m_period(new QComboBox(this)), m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this)),
      m_floor(new QComboBox(this)), m_week(new QDateTimeEdit(this)), m_chart(new ClimateChart(this)),
      m_heatMap(new ClimateHeatMap(site, this)), m_status(new QLabel(this)), m_heatStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("climateReview"));
    // The items' texts are set in the language shown, below.
    for (const Room* r : climateRooms(site))
        m_room->addItem(QString(), r->id);
    for (int q = 0; q < ClimateQuantityCount; ++q)
        m_quantity->addItem(QString(), q);
    m_period->addItems({QString(), QString(), QString(), QString()});
    m_period->setCurrentIndex(Week);
    for (QDateTimeEdit* e : {m_from, m_to, m_week}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(nowMs - 7 * DayMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(nowMs));
    for (const Floor& f : site.floors)
        m_floor->addItem(QString(), f.level);
    m_week->setDateTime(QDateTime::fromMSecsSinceEpoch(nowMs - 7 * DayMs));
    m_room->setObjectName(QStringLiteral("room"));
    m_quantity->setObjectName(QStringLiteral("quantity"));
    m_period->setObjectName(QStringLiteral("period"));
    m_status->setObjectName(QStringLiteral("chartStatus"));
    m_heatStatus->setObjectName(QStringLiteral("heatMapStatus"));

    auto* roomBox = new QGroupBox(this);
    auto* top = new QHBoxLayout;
    auto* roomLabel = new QLabel(roomBox);
    top->addWidget(roomLabel);
    top->addWidget(m_room, 1);
    top->addWidget(m_quantity, 1);
    top->addWidget(m_period);
    top->addWidget(m_from);
    top->addWidget(new QLabel(QStringLiteral("–"), roomBox));
    top->addWidget(m_to);
    auto* rl = new QVBoxLayout(roomBox);
    rl->addLayout(top);
    rl->addWidget(m_chart, 1);
    auto* roomReport = new QPushButton(roomBox);
    roomReport->setObjectName(QStringLiteral("roomReport"));
    auto* rs = new QHBoxLayout;
    rs->addWidget(m_status, 1);
    rs->addWidget(roomReport);
    rl->addLayout(rs);
    m_chart->setMinimumHeight(300);

    auto* floorBox = new QGroupBox(this);
    auto* ft = new QHBoxLayout;
    auto* floorLabel = new QLabel(floorBox);
    ft->addWidget(floorLabel);
    ft->addWidget(m_floor);
    auto* weekLabel = new QLabel(floorBox);
    ft->addWidget(weekLabel);
    ft->addWidget(m_week);
    ft->addStretch(1);
    auto* fl = new QVBoxLayout(floorBox);
    fl->addLayout(ft);
    fl->addWidget(m_heatMap, 1);
    auto* floorReport = new QPushButton(floorBox);
    floorReport->setObjectName(QStringLiteral("floorReport"));
    auto* fs = new QHBoxLayout;
    fs->addWidget(m_heatStatus, 1);
    fs->addWidget(floorReport);
    fl->addLayout(fs);
    auto openReport = [this](const QStringList& rooms, qint64 from, qint64 to) {
        auto* d = new ClimateReportDialog(m_site, m_path, m_logPath, rooms, from, to, m_nowMs, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    };
    connect(roomReport, &QPushButton::clicked, this, [this, openReport] {
        if (m_chartTo > m_chartFrom)
            openReport(QStringList{this->roomId()}, m_chartFrom, m_chartTo);
    });
    connect(floorReport, &QPushButton::clicked, this, [this, openReport] {
        QStringList rooms;
        for (const Room* r : climateRooms(m_site, m_floor->currentData().toInt()))
            rooms << r->id;
        const qint64 from = m_week->dateTime().toMSecsSinceEpoch() / HourMs * HourMs;
        openReport(rooms, from, from + 7 * DayMs);
    });

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(roomBox);
    split->addWidget(floorBox);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* v = new QVBoxLayout(this);
    v->addWidget(split, 1);
    v->addWidget(buttons);
    resize(1200, 900);

    auto rangeEnabled = [this] {
        const bool range = m_period->currentIndex() == Range;
        m_from->setEnabled(range);
        m_to->setEnabled(range);
    };
    rangeEnabled();
    connect(m_period, &QComboBox::currentIndexChanged, this, [this, rangeEnabled] {
        rangeEnabled();
        loadChart();
    });
    connect(m_room, &QComboBox::currentIndexChanged, this, &ClimateReviewDialog::loadChart);
    connect(m_quantity, &QComboBox::currentIndexChanged, this, &ClimateReviewDialog::loadChart);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &ClimateReviewDialog::loadChart);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &ClimateReviewDialog::loadChart);
    connect(m_floor, &QComboBox::currentIndexChanged, this, &ClimateReviewDialog::loadHeatMap);
    connect(m_week, &QDateTimeEdit::dateTimeChanged, this, &ClimateReviewDialog::loadHeatMap);
    // Another temperature unit: the quantity's name and the chart again.
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, [this] {
        const int t = int(ClimateQuantity::Temperature);
        m_quantity->setItemText(t, QStringLiteral("%1 (%2)").arg(quantityName(ClimateQuantity::Temperature), quantityUnit(ClimateQuantity::Temperature)));
        loadChart();
    });
    // A cell of the heat map: that room on that day.
    connect(m_heatMap, &ClimateHeatMap::cellClicked, this, [this](const QString& room, qint64 from, qint64) {
        const QTimeZone zone = m_site.zone();
        const qint64 day = QDateTime(QDateTime::fromMSecsSinceEpoch(from, zone).date(), QTime(0, 0), zone).toMSecsSinceEpoch();
        setRoom(room);
        setPeriod(Range, day, day + DayMs);
    });
    if (const int i = m_room->findData(roomId); i >= 0)
        m_room->setCurrentIndex(i);
    if (const Room* r = site.room(roomId); r && m_floor->findData(r->floor) >= 0)
        m_floor->setCurrentIndex(m_floor->findData(r->floor));
    // The texts in the language shown, now and after a switch: the choices made stay, the chart
    // and the heat map are read again (their titles and statuses are in the language too).
    onLanguageChange(this, [this, roomBox, roomLabel, roomReport, floorBox, floorLabel, weekLabel, floorReport] {
        setWindowTitle(tr("Room climate review"));
        for (int i = 0; i < m_room->count(); ++i)
            if (const Room* r = m_site.room(m_room->itemData(i).toString()))
                m_room->setItemText(i, roomName(*r));
        for (int q = 0; q < ClimateQuantityCount; ++q)
            m_quantity->setItemText(q, QStringLiteral("%1 (%2)").arg(quantityName(ClimateQuantity(q)), quantityUnit(ClimateQuantity(q))));
        const QString periods[] = {tr("24 h"), tr("7 days"), tr("30 days"), tr("Range")};
        for (int i = 0; i < m_period->count(); ++i)
            m_period->setItemText(i, periods[i]);
        for (int i = 0; i < m_floor->count(); ++i)
            if (const Floor* f = m_site.floor(m_floor->itemData(i).toInt()))
                m_floor->setItemText(i, QCoreApplication::translate("site", f->name.toUtf8().constData()));
        roomBox->setTitle(tr("One room"));
        roomLabel->setText(tr("Room"));
        roomReport->setText(tr("Compliance report…"));
        roomReport->setToolTip(tr("The room's time in range per quantity and its excursions over the chart's period, to save as PDF or CSV"));
        floorBox->setTitle(tr("A floor's rooms, hour by hour: grey no data, green in range, amber a brief excursion, red out of range"));
        floorLabel->setText(tr("Floor"));
        weekLabel->setText(tr("Week from"));
        floorReport->setText(tr("Floor report…"));
        loadChart();
        loadHeatMap();
    });
}

QString ClimateReviewDialog::roomId() const
{
    return m_room->currentData().toString();
}

void ClimateReviewDialog::setRoom(const QString& roomId)
{
    if (const int i = m_room->findData(roomId); i >= 0)
        m_room->setCurrentIndex(i);
}

void ClimateReviewDialog::setQuantity(ClimateQuantity q)
{
    m_quantity->setCurrentIndex(int(q));
}

void ClimateReviewDialog::setPeriod(Period p, qint64 fromMs, qint64 toMs)
{
    if (p == Range) {
        const QSignalBlocker b1(m_from), b2(m_to);
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
        m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
    }
    if (m_period->currentIndex() != p)
        m_period->setCurrentIndex(p); // loads
    else
        loadChart();
}

void ClimateReviewDialog::setFloor(int level, qint64 weekFromMs)
{
    const QSignalBlocker b(m_week);
    m_week->setDateTime(QDateTime::fromMSecsSinceEpoch(weekFromMs));
    if (const int i = m_floor->findData(level); i >= 0 && i != m_floor->currentIndex())
        m_floor->setCurrentIndex(i); // loads
    else
        loadHeatMap();
}

void ClimateReviewDialog::loadChart()
{
    const QString room = roomId();
    const Room* r = m_site.room(room);
    if (!r) {
        m_status->setText(tr("No room with a climate sensor."));
        return;
    }
    qint64 from = m_nowMs, to = m_nowMs;
    switch (m_period->currentIndex()) {
    case Day: from = m_nowMs - DayMs; break;
    case Week: from = m_nowMs - 7 * DayMs; break;
    case Month: from = m_nowMs - 30 * DayMs; break;
    default:
        from = m_from->dateTime().toMSecsSinceEpoch();
        to = m_to->dateTime().toMSecsSinceEpoch();
        break;
    }
    if (to <= from) {
        m_status->setText(tr("The range ends before it begins."));
        return;
    }
    m_chartFrom = from;
    m_chartTo = to;
    const auto q = ClimateQuantity(m_quantity->currentData().toInt());
    const ClimateTier tier = ClimateRecord::tierFor(from, to, m_nowMs, m_site.climateRecord);
    const ww::Range target = targetOf(m_site.climateTargets.value(r->kind), q);
    const int generation = ++m_chartGeneration;
    m_status->setText(tr("Loading…"));
    QPointer<ClimateReviewDialog> self(this);
    QThreadPool::globalInstance()->start([self, path = m_path, room, from, to, tier, q, target, generation] {
        QString error;
        auto series = ClimateRecord::query(path, room, from, to, tier, &error);
        // The room's door openings, marked along the chart's top (an isolation room's lost pressure).
        std::vector<qint64> openings;
        if (series)
            if (const auto doors = ClimateRecord::doors(path, room, from, to, &error)) {
                bool open = false;
                for (const coldchain::DoorSample& d : *doors) {
                    if (d.open && !open && d.timeMs >= from)
                        openings.push_back(d.timeMs);
                    open = d.open;
                }
            }
        QMetaObject::invokeMethod(qApp, [self, series = std::move(series), openings = std::move(openings), error, from, to, tier, q,
                                         target, generation] {
            if (!self || generation != self->m_chartGeneration)
                return;
            if (!series) {
                self->m_chart->show(q, {}, tier, target, from, to);
                self->m_status->setText(tr("The climate record cannot be read: %1").arg(error));
                Q_EMIT self->chartLoaded(0);
                return;
            }
            const auto& points = series->quantities[size_t(q)];
            self->m_chart->show(q, points, tier, target, from, to, openings);
            const QString tierText = tier == ClimateTier::Raw ? tr("readings") : tier == ClimateTier::Minute ? tr("per-minute aggregates")
                                                                                                           : tr("per-hour aggregates");
            self->m_status->setText(points.empty() ? tr("No readings in this period.")
                                                   : tr("%n point(s) (%1); %2 span(s) out of range", nullptr, int(points.size()))
                                                         .arg(tierText)
                                                         .arg(self->m_chart->shadedSpans()));
            Q_EMIT self->chartLoaded(int(points.size()));
        }, Qt::QueuedConnection);
    });
}

void ClimateReviewDialog::loadHeatMap()
{
    const int level = m_floor->currentData().toInt();
    QStringList rooms;
    QHash<QString, ClimateTargets> targets;
    for (const Room* r : climateRooms(m_site, level)) {
        rooms << r->id;
        targets.insert(r->id, m_site.climateTargets.value(r->kind));
    }
    const qint64 from = m_week->dateTime().toMSecsSinceEpoch() / HourMs * HourMs, to = from + 7 * DayMs;
    const int generation = ++m_heatGeneration;
    m_heatStatus->setText(tr("Loading…"));
    QPointer<ClimateReviewDialog> self(this);
    QThreadPool::globalInstance()->start([self, path = m_path, rooms, targets, from, to, generation] {
        QString error;
        const auto rows = ClimateRecord::aggregates(path, rooms, from, to, ClimateTier::Hour, &error);
        std::optional<ComplianceMatrix> matrix;
        if (rows)
            matrix = complianceMatrix(*rows, targets, from, to, HourMs);
        QMetaObject::invokeMethod(qApp, [self, matrix = std::move(matrix), error, generation, rooms] {
            if (!self || generation != self->m_heatGeneration)
                return;
            if (!matrix) {
                self->m_heatStatus->setText(tr("The climate record cannot be read: %1").arg(error));
                Q_EMIT self->heatMapLoaded(0);
                return;
            }
            self->m_heatMap->show(*matrix);
            int out = 0;
            for (int r = 0; r < matrix->rooms.size(); ++r)
                for (int b = 0; b < matrix->buckets; ++b)
                    out += matrix->at(r, b) == Compliance::Out ? 1 : 0;
            self->m_heatStatus->setText(tr("%1 rooms; %2 room-hours out of range. Click a cell to see that room's day.")
                                            .arg(matrix->rooms.size())
                                            .arg(out));
            Q_EMIT self->heatMapLoaded(int(matrix->rooms.size()));
        }, Qt::QueuedConnection);
    });
}

} // namespace ww

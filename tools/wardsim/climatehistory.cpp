#include "climatehistory.h"
#include "random.h"
#include "records/climaterecord.h"

#include <cmath>

namespace ww::sim {

qint64 writeClimateHistory(const Site& site, const QString& path, int days, qint64 endMs, quint32 seed, QString& error)
{
    constexpr qint64 MinuteMs = 60'000, HourMs = 3'600'000, DayMs = 86'400'000;
    Rng rng(seed);
    ClimateRecord record(path, site.climateRecord);
    if (!record.open()) {
        error = record.lastError();
        return -1;
    }
    std::vector<const Sensor*> sensors;
    for (const Sensor& s : site.sensors)
        if (s.kind == SensorKind::Climate && site.room(s.room))
            sensors.push_back(&s);
    if (sensors.empty())
        return 0;
    // The afternoon two rooms overheat (the third day back), and the isolation room that loses its
    // pressure difference (the second day back, 10:00 to 12:00).
    const qint64 start = (endMs - qint64(days) * DayMs) / MinuteMs * MinuteMs;
    const qint64 hotDay = (endMs / DayMs - 3) * DayMs, pressureDay = (endMs / DayMs - 2) * DayMs;
    // The site's third and seventh climate rooms (Room 103 and Room 107 on the default ward).
    const QString hot1 = sensors[std::min<size_t>(2, sensors.size() - 1)]->room,
                  hot2 = sensors[std::min<size_t>(6, sensors.size() - 1)]->room;
    QString leaky;
    for (const Sensor* s : sensors)
        if (site.room(s->room)->kind == RoomKind::Isolation && leaky.isEmpty())
            leaky = s->room;
    // Isolation rooms' door contacts: staff go in and out about twice an hour, 15 to 45 s each time.
    QHash<QString, QString> doorOf; // room -> its door contact
    for (const Sensor& s : site.sensors)
        if (s.kind == SensorKind::Door && site.room(s.room) && site.room(s.room)->kind == RoomKind::Isolation)
            doorOf.insert(s.room, s.id);
    QHash<QString, std::pair<qint64, qint64>> opening; // room -> its door's current or next opening [from, to)
    qint64 written = 0;
    std::vector<ClimateReading> batch;
    for (qint64 t0 = start; t0 < endMs; t0 += HourMs) {
        batch.clear();
        for (qint64 t = t0; t < std::min(t0 + HourMs, endMs); t += MinuteMs) {
            const double hour = double(t % DayMs) / HourMs;
            const double daily = std::sin(2 * M_PI * (hour - 9) / 24.0);
            for (const Sensor* s : sensors) {
                const Room* room = site.room(s->room);
                const double roomOffset = (qHash(s->id) % 100) / 100.0 - 0.5;
                double temp = 22.4 + 0.9 * daily + roomOffset + 0.08 * rng.normal();
                if ((s->room == hot1 || s->room == hot2) && t >= hotDay + 13 * HourMs && t < hotDay + 17 * HourMs)
                    temp += 3.2;
                ClimateReading r{s->id, s->room, t, {}};
                r.values[int(ClimateQuantity::Temperature)] = std::round(temp * 10) / 10;
                r.values[int(ClimateQuantity::Humidity)] = std::round(46 - 6 * daily + 2 * roomOffset + 0.5 * rng.normal());
                r.values[int(ClimateQuantity::Co2)] = std::round(620 + 180 * (0.5 + 0.5 * daily) + 30 * rng.normal());
                bool doorOpen = false;
                if (const QString door = doorOf.value(s->room); !door.isEmpty()) {
                    // This minute's opening (at most one), written as the contact's two changes.
                    auto& [from, to] = opening[s->room];
                    if (from < t && rng.chance(2.0 / 60)) {
                        from = t + qint64(rng.uniform(0, 50'000));
                        to = from + qint64(rng.uniform(15'000, 45'000));
                        batch.push_back(ClimateReading{door, s->room, from, {}, true});
                        batch.push_back(ClimateReading{door, s->room, to, {}, false});
                    }
                    doorOpen = t >= from && t < to;
                }
                if (room->kind == RoomKind::Isolation) {
                    // About -6 Pa; lost for two hours one day, and while the door is open.
                    const bool lost = s->room == leaky && t >= pressureDay + 10 * HourMs && t < pressureDay + 12 * HourMs;
                    r.values[int(ClimateQuantity::DiffPressure)] =
                        std::round(((lost ? -0.8 : doorOpen ? -0.6 : -6.0) + 0.4 * rng.normal()) * 10) / 10;
                }
                batch.push_back(r);
            }
        }
        if (!record.write(batch)) {
            error = record.lastError();
            return -1;
        }
        written += qint64(batch.size());
    }
    return written;
}

} // namespace ww::sim

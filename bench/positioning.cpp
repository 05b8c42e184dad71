// Benchmark `positioning`: the engine on one core, built for the default ward (walls, rooms, all
// gateways) as the live core builds it. 1000 tags walk the first floor;
// their reports (log-distance, 6 dB shadowing, fixed seed) are generated before the clock starts.
// Measures report ingestion, fixes, and the weighted-centroid reference on the same reports.
#include "domain/site.h"
#include "positioning/engine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cmath>
#include <random>

using namespace ww;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto site = SiteLoader::loadDefault().site;
    // The engine as the live core builds it (all gateways, rooms, walls); tags walk floor 1.
    const pos::Engine prototype = pos::engineForSite(*site);
    const std::vector<pos::Receiver>& gws = prototype.receivers();
    constexpr int Tags = 1000, Seconds = 20, AdvertsPerSecond = 2;
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(0, 6);
    std::uniform_real_distribution<double> ux(0, 60), uy(0, 20);
    struct R
    {
        int tag, gw;
        double t, rssi;
    };
    std::vector<R> reports;
    std::vector<double> x(Tags), y(Tags), vx(Tags), vy(Tags);
    for (int i = 0; i < Tags; ++i) {
        x[size_t(i)] = ux(rng);
        y[size_t(i)] = uy(rng);
        vx[size_t(i)] = noise(rng) / 10;
        vy[size_t(i)] = noise(rng) / 20;
    }
    for (int step = 0; step < Seconds * AdvertsPerSecond; ++step) {
        const double t = step / double(AdvertsPerSecond);
        for (int i = 0; i < Tags; ++i) {
            auto k = size_t(i);
            x[k] = std::clamp(x[k] + vx[k] / AdvertsPerSecond, 0.0, 60.0);
            y[k] = std::clamp(y[k] + vy[k] / AdvertsPerSecond, 0.0, 20.0);
            for (int g = 0; g < int(gws.size()); ++g) {
                const auto& G = gws[size_t(g)];
                if (G.floor != 1)
                    continue;
                const double d = std::sqrt((x[k] - G.x) * (x[k] - G.x) + (y[k] - G.y) * (y[k] - G.y) + 2.25);
                const double rssi = G.rssiAt1m - 20 * std::log10(d) + noise(rng);
                if (rssi > -92)
                    reports.push_back({i, g, t + i * 1e-5, rssi});
            }
        }
    }
    QTextStream out(stdout);
    out << "positioning: " << Tags << " tags, " << gws.size() << " gateways, " << reports.size() << " reports over " << Seconds
        << " s (generated before timing)" << Qt::endl;

    pos::Engine engine = prototype;
    QElapsedTimer clock;
    clock.start();
    for (const auto& r : reports)
        engine.addReport(r.tag, r.gw, r.t, r.rssi);
    const double ingestS = clock.nsecsElapsed() / 1e9;
    // Fixes: every tag once per second of the last 10 s, re-fed as live would do.
    pos::Engine live = prototype;
    size_t next = 0;
    int fixes = 0;
    double fixS = 0;
    for (int second = 1; second <= Seconds; ++second) {
        while (next < reports.size() && reports[next].t < second) {
            live.addReport(reports[next].tag, reports[next].gw, reports[next].t, reports[next].rssi);
            ++next;
        }
        QElapsedTimer f;
        f.start();
        for (int i = 0; i < Tags; ++i)
            fixes += live.update(i, second) ? 1 : 0;
        fixS += f.nsecsElapsed() / 1e9;
    }
    QElapsedTimer c;
    c.start();
    int centroids = 0;
    for (int i = 0; i < Tags; ++i)
        for (int rep = 0; rep < Seconds; ++rep)
            centroids += live.centroid(i, Seconds) ? 1 : 0;
    const double centroidS = c.nsecsElapsed() / 1e9;
    const double reportRate = reports.size() / ingestS, fixRate = fixes / fixS, centroidRate = centroids / centroidS;
    out << "ingest: " << reports.size() << " reports in " << QString::number(ingestS, 'f', 3) << " s" << Qt::endl;
    out << "fixes: " << fixes << " in " << QString::number(fixS, 'f', 3) << " s; weighted centroid: " << centroids << " in "
        << QString::number(centroidS, 'f', 3) << " s" << Qt::endl;
    out << "memory per tag: " << live.bytesPerTag() << " bytes (state and windows)" << Qt::endl;
    out << "targets: >= 200000 reports/s and >= 20000 fixes/s: "
        << (reportRate >= 200000 && fixRate >= 20000 ? "met" : "not met") << Qt::endl;
    out << "positioning: " << QString::number(reportRate, 'f', 0) << " reports/s, " << QString::number(fixRate, 'f', 0)
        << " fixes/s, " << QString::number(fixRate / centroidRate, 'f', 3) << " x centroid" << Qt::endl;
    return 0;
}

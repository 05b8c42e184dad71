#include "explaincmd.h"

#include "core/explaintext.h"

#include <deque>

namespace ww::offline {

namespace {

QString number(double v, int decimals)
{
    return ExplanationText::number(v, decimals);
}

} // namespace

int explain(const ExplainOptions& o, QTextStream& out, QTextStream& err)
{
    if (o.tag.isEmpty()) {
        err << "explain: --tag is required" << Qt::endl;
        return BadInput;
    }
    if (!(o.minutes > 0) || o.minutes > 24 * 60) {
        err << "explain: --minutes " << o.minutes << " must lie in (0, 1440]" << Qt::endl;
        return BadInput;
    }
    LocateOptions lo = o.locate;
    lo.out.clear();
    pos::EngineConfig config = lo.config.value_or(pos::EngineConfig{});
    config.keepExplanations = true;
    config.explanationHistoryS = o.minutes * 60;
    lo.config = config;
    // The tag's fixes, as explained, back to --minutes before the last one kept.
    std::deque<pos::Explanation> fixes;
    lo.afterFix = [&](int tag, const QString& id, const pos::Engine& engine) {
        if (id != o.tag)
            return;
        auto e = engine.explain(tag);
        if (!e || (o.at && e->fix.t > *o.at))
            return;
        fixes.push_back(std::move(*e));
        while (fixes.front().fix.t < fixes.back().fix.t - o.minutes * 60)
            fixes.pop_front();
    };
    if (const int rc = locate(lo, err); rc != Done)
        return rc;
    if (fixes.empty()) {
        err << "explain: tag \"" << o.tag << "\" has no fix in " << o.locate.reports
            << (o.at ? QStringLiteral(" up to time_s %1").arg(*o.at) : QString()) << Qt::endl;
        return BadInput;
    }
    const pos::Explanation& last = fixes.back();
    const pos::Fix& f = last.fix;
    out << "tag " << o.tag << ": " << fixes.size() << " fixes from " << number(fixes.front().fix.t, 1) << " s to " << number(f.t, 1)
        << " s" << Qt::endl;
    out << "at " << number(f.t, 1) << " s: " << ExplanationText::place(f) << Qt::endl;
    out << "  " << ExplanationText::motion(last) << "; " << ExplanationText::source(last) << Qt::endl;
    out << "gateways at this fix: level used, level the model expects at the fix, difference" << Qt::endl;
    for (const auto& g : last.gateways)
        out << "  " << g.id.leftJustified(14) << ' ' << number(g.heardDbm, 1).rightJustified(6) << " dBm  expected "
            << number(g.expectedDbm, 1).rightJustified(6) << "  " << number(g.heardDbm - g.expectedDbm, 1).rightJustified(5) << " dB  "
            << g.samples << (g.samples == 1 ? " sample" : " samples") << (g.room.isEmpty() ? QString() : QStringLiteral(", in ") + g.room)
            << Qt::endl;
    out << "rooms weighed at this fix: evidence of this fix (nats), belief relative to the likeliest" << Qt::endl;
    for (const auto& r : last.rooms)
        out << "  " << r.id.leftJustified(18) << " evidence " << number(r.evidence, 2).rightJustified(7) << "  belief "
            << number(r.belief, 2).rightJustified(7) << (r.id == f.room ? "  <- shown" : "") << Qt::endl;
    if (!last.pendingRoom.isEmpty())
        out << "  " << ExplanationText::pending(last) << Qt::endl;
    out << "room decisions in the last " << number(o.minutes, 0) << " minutes:" << Qt::endl;
    if (last.decisions.empty())
        out << "  none" << Qt::endl;
    for (const auto& d : last.decisions)
        out << "  " << number(d.t, 1) << " s  " << ExplanationText::decision(d) << Qt::endl;
    out << "fixes, every 10 s and at each change of room: time_s, x, y, floor, room, accuracy_m, state" << Qt::endl;
    double shown = -1e18;
    QString room;
    for (const auto& e : fixes) {
        const pos::Fix& x = e.fix;
        if (x.t - shown < 10 && x.room == room && &e != &fixes.back())
            continue;
        shown = x.t;
        room = x.room;
        out << "  " << number(x.t, 1) << ", " << number(x.x, 2) << ", " << number(x.y, 2) << ", " << x.floor << ", "
            << (x.room.isEmpty() ? QStringLiteral("unknown") : x.room) << ", " << number(x.accuracyM, 1) << ", "
            << ExplanationText::state(x) << Qt::endl;
    }
    return Done;
}

} // namespace ww::offline

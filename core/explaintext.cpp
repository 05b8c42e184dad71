#include "core/explaintext.h"

namespace ww {

QString ExplanationText::state(const pos::Fix& f)
{
    return f.moving ? tr("moving") : f.settled ? tr("settled") : tr("not settled");
}

QString ExplanationText::motion(const pos::Explanation& e)
{
    const pos::Fix& f = e.fix;
    QString s = state(f);
    if (!f.moving && e.stillForS > 0)
        s += tr(", still for %1 s").arg(number(e.stillForS, 0));
    s += tr(" (motion %1 dB; moving above %2, settling below %3)")
             .arg(number(f.motionDb, 1), number(e.moveThresholdDb, 1), number(e.settleThresholdDb, 1));
    return s;
}

QString ExplanationText::source(const pos::Explanation& e)
{
    return e.atRest ? tr("positioned from its levels since it came to rest")
                    : tr("positioned from its window");
}

QString ExplanationText::room(const pos::Fix& f)
{
    return f.room.isEmpty() ? tr("unknown (%1)").arg(f.unknownReason) : f.room;
}

QString ExplanationText::place(const pos::Fix& f)
{
    return tr("x %1, y %2, floor %3, room %4, accuracy %5 m from %6 gateways")
        .arg(number(f.x, 2), number(f.y, 2))
        .arg(f.floor)
        .arg(room(f), number(f.accuracyM, 1))
        .arg(f.gatewaysUsed);
}

QString ExplanationText::pending(const pos::Explanation& e)
{
    if (e.pendingRoom.isEmpty())
        return {};
    return tr("%1 preferred for %2 s, not taken yet (dwell)").arg(e.pendingRoom, number(e.pendingForS, 1));
}

QString ExplanationText::decision(const pos::Explanation::Decision& d)
{
    return QStringLiteral("%1 -> %2: %3")
        .arg(d.from.isEmpty() ? QStringLiteral("-") : d.from, d.to, d.reason);
}

} // namespace ww

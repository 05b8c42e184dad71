#pragma once
// The sentences of a position's explanation (pos::Explanation), shared by `wardctl explain` and the
// plan's "Explain position" window, so both say the same thing the same way. Through tr(): the
// station shows them in its language; wardctl loads no translation and prints English. The engine's
// own reasons (a room decision's, an unknown room's) come as the engine wrote them.
#include "core/positionhistory.h"
#include "positioning/engine.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QVector>
#include <optional>

namespace ww {

class ExplanationText
{
    Q_DECLARE_TR_FUNCTIONS(ww::ExplanationText)
public:
    [[nodiscard]] static QString number(double v, int decimals) { return QString::number(v, 'f', decimals); }
    // "moving", "settled" or "not settled".
    [[nodiscard]] static QString state(const pos::Fix& f);
    // The state, how long still, and the motion statistic against the tag's thresholds.
    [[nodiscard]] static QString motion(const pos::Explanation& e);
    // Whether the fix came from the window's levels or the levels since the tag came to rest.
    [[nodiscard]] static QString source(const pos::Explanation& e);
    // The room's id, or "unknown (why)".
    [[nodiscard]] static QString room(const pos::Fix& f);
    // "x 1.00, y 2.00, floor 1, room R101, accuracy 1.2 m from 4 gateways".
    [[nodiscard]] static QString place(const pos::Fix& f);
    // A room the HMM prefers but has not taken yet (dwell); empty when none.
    [[nodiscard]] static QString pending(const pos::Explanation& e);
    // "R101 -> R102: why" ("-" before the first room).
    [[nodiscard]] static QString decision(const pos::Explanation::Decision& d);
};

// The core's answer to "explain this tag's position" (WardCore::explainTag): the station's engine's
// explanation of the tag's latest fix since it was asked, and where the station showed the tag over
// the last minutes (its position history).
struct TagExplanation
{
    enum class Status {
        Explained, // explanation holds the tag's latest fix
        Waiting,   // asked; explained from the tag's next fix (its reports wait, or it is silent)
        NotHeard,  // this station has not heard the tag since it started: no fix to explain
        UnknownTag // not a tag of the site
    };
    QString requestId, tagId;
    Status status = Status::UnknownTag;
    // Engines that position the tag instead of the station (empty: the station itself); the
    // explanation is then the station's own view from the same adverts, never shown on the plan.
    QString positionedBy;
    qint64 lastHeardMs = 0;       // the station's newest report of the tag (0: none)
    qint64 explainingSinceMs = 0; // since when the engine keeps its explanation (its decisions start there)
    std::optional<pos::Explanation> explanation; // times in seconds since the epoch
    QVector<TrackPoint> shown;                   // where the plan showed it, oldest first
    qint64 fromMs = 0, toMs = 0;                 // the span of shown
};

} // namespace ww

Q_DECLARE_METATYPE(ww::TagExplanation)

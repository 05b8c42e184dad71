#pragma once
// The live positioning of a station or engine: every advert of the site's tags goes to the
// positioning engine; at each flush the tags heard since their last fix get a new one, at most one
// per tag and second, at the time of its latest report (causal, as offline).
#include "domain/devicedirectory.h"
#include "domain/messages.h"
#include "domain/site.h"
#include "positioning/engine.h"

#include <vector>

namespace ww {

class TagFixes
{
public:
    TagFixes(const Site& site, const DeviceDirectory& directory);

    void add(const BeaconBatch& batch);
    // Calls located(tag, fix, timeMs) for each tag due a fix for which computes(tag) holds (the
    // others are left to the engines that own them; one being explained is fixed all the same, for
    // its explanation only); returns how many fixes were located.
    template <typename Computes, typename Located> int fix(Computes&& computes, Located&& located)
    {
        std::vector<int> later;
        int fixes = 0;
        for (int tag : m_movedTags) {
            const qint64 t = m_lastReportMs[size_t(tag)];
            if (m_lastFixMs[size_t(tag)] != 0 && t - m_lastFixMs[size_t(tag)] < 1000) {
                later.push_back(tag);
                continue;
            }
            m_tagMoved[size_t(tag)] = 0;
            m_lastFixMs[size_t(tag)] = t;
            const bool own = computes(tag);
            if (!own && !m_engine.explaining(tag))
                continue;
            if (const auto f = m_engine.update(tag, double(t) / 1000.0); f && own) {
                ++fixes;
                located(tag, *f, t);
            }
        }
        m_movedTags = std::move(later);
        return fixes;
    }
    [[nodiscard]] int pending() const { return int(m_movedTags.size()); }

    // Explaining one tag's position (the plan's "Explain position"): its fixes from now on keep what
    // explains them (pos::Engine::setExplaining); nullopt until its first fix since.
    void setExplaining(int tag, bool on) { m_engine.setExplaining(tag, on); }
    [[nodiscard]] std::optional<pos::Explanation> explanation(int tag) const { return m_engine.explain(tag); }
    // When the tag was last heard (ms; 0: never since the start).
    [[nodiscard]] qint64 lastHeardMs(int tag) const
    {
        return tag >= 0 && size_t(tag) < m_lastReportMs.size() ? m_lastReportMs[size_t(tag)] : 0;
    }

    // What the station keeps across a restart (pos::Engine::Memory) as the JSON of a file: receivers
    // and tags by their ids, saved at savedMs, each tag with the seconds since its last fix.
    [[nodiscard]] QByteArray memoryJson(qint64 savedMs) const;
    struct Recalled
    {
        int levels = 0, tags = 0; // taken
        int tooOld = 0;           // tags last located more than recallTagsWithinMs before now (or after it)
        int skipped = 0;          // entries for a receiver or tag the site no longer has, or a receiver
                                  // whose configured level changed (or self-calibration is off)
        QString error;            // nothing taken: what was wrong and where (JSON path)
        bool read = false;        // recallFile: there was a file
    };
    // Recalls a memory into the engine before its first report, all or nothing: a file with one
    // bad entry is refused whole. The receivers' learnt levels are taken whatever the memory's age
    // (the self-calibration goes on learning from there); a tag only when it was last located at
    // most recallTagsWithinMs before nowMs (after a longer outage it has moved).
    Recalled recall(const QByteArray& json, qint64 nowMs, qint64 recallTagsWithinMs = 10 * 60 * 1000);
    // The same through a file: written atomically, readable by its owner only (where patients and
    // staff were, as the alarm log), its folder made; an empty string when saved, else why not.
    // recallFile: nothing when there is no file yet (a station's first start).
    [[nodiscard]] QString saveMemory(const QString& path, qint64 savedMs) const;
    Recalled recallFile(const QString& path, qint64 nowMs);

private:
    const DeviceDirectory& m_directory;
    pos::Engine m_engine;
    std::vector<qint64> m_lastReportMs, m_lastFixMs; // per tag
    std::vector<char> m_tagMoved;
    std::vector<int> m_movedTags;
};

} // namespace ww

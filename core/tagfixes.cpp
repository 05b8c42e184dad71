#include "core/tagfixes.h"

namespace ww {

TagFixes::TagFixes(const Site& site, const DeviceDirectory& directory)
    : m_engine(pos::engineForSite(site, {}, &directory)), m_lastReportMs(size_t(directory.tagCount()), 0),
      m_lastFixMs(size_t(directory.tagCount()), 0), m_tagMoved(size_t(directory.tagCount()), 0)
{
}

void TagFixes::add(const BeaconBatch& m)
{
    for (const auto& r : m.reports) {
        m_engine.addReport(r.tag, m.gateway, double(r.timeMs) / 1000.0, r.rssi, r.txPower);
        m_lastReportMs[size_t(r.tag)] = std::max(m_lastReportMs[size_t(r.tag)], r.timeMs);
        if (!m_tagMoved[size_t(r.tag)]) {
            m_tagMoved[size_t(r.tag)] = 1;
            m_movedTags.push_back(r.tag);
        }
    }
}

} // namespace ww

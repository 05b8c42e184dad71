#pragma once
// A positioning engine's share of the site's tags (wardwatch-engine; docs/operations.md,
// "Positioning engines"). Of the live engines (this one and its peers), each tag is owned by the one
// whose id scores highest with the tag's id (rendezvous hashing): every engine agrees without
// talking, and an engine that leaves or joins moves only its own share.
#include <QString>
#include <QStringList>
#include <vector>

namespace ww {

class EngineShare
{
public:
    // tagIds: the directory's tags, by tag index.
    explicit EngineShare(std::vector<QString> tagIds) : m_tagIds(std::move(tagIds)) {}

    // The owner of a tag among engines (empty: none): the same answer in every process.
    [[nodiscard]] static QString ownerOf(const QString& tagId, const QStringList& engines);

    // Makes this an engine of the given id: until peers are heard, it owns every tag.
    void enable(const QString& engineId);
    [[nodiscard]] bool enabled() const { return !m_engineId.isEmpty(); }
    [[nodiscard]] const QString& engineId() const { return m_engineId; }
    // The other engines online now; returns whether the live engines changed.
    bool setPeers(const QStringList& peers);
    [[nodiscard]] bool owns(int tag) const { return tag >= 0 && size_t(tag) < m_owned.size() && m_owned[size_t(tag)]; }
    [[nodiscard]] int ownedCount() const { return m_ownedCount; }
    [[nodiscard]] const QStringList& engines() const { return m_engines; } // live engines, sorted (this one too)

private:
    std::vector<QString> m_tagIds;
    QString m_engineId;
    QStringList m_engines;
    std::vector<char> m_owned; // per tag
    int m_ownedCount = 0;
};

} // namespace ww

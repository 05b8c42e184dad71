#pragma once
// Offline positioning: the CSV files of `wardctl locate` and `wardctl crlb` and the runs behind
// them, as functions the evaluation calls in-process (the same code path as the command).
#include "positioning/engine.h"

#include <QHash>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <optional>

namespace ww::offline {

// Exit codes of the offline commands.
inline constexpr int Done = 0, Failure = 1, BadInput = 2;

// A CSV file with a header row; columns are found by name, extra columns ignored.
class CsvFile
{
public:
    // Reads the whole file; on failure error() says why ("FILE: cannot open ...").
    explicit CsvFile(const QString& path);
    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString& error() const { return m_error; }
    [[nodiscard]] int column(const QString& name) const { return m_columns.value(name, -1); }
    [[nodiscard]] int rows() const { return int(m_rows.size()); }
    [[nodiscard]] int lineOf(int row) const { return m_lines[size_t(row)]; }
    [[nodiscard]] QByteArray cell(int row, int column) const;
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] QString where(int row) const { return m_path + QStringLiteral(":") + QString::number(lineOf(row)); }

private:
    QString m_path, m_error;
    QHash<QString, int> m_columns;
    std::vector<QList<QByteArray>> m_rows;
    std::vector<int> m_lines;
};

// A logger's door cell: open, closed, 1, 0, true or false (any case); empty: no door state in
// the row. False when the cell says something else.
[[nodiscard]] bool readDoorCell(const QByteArray& cell, std::optional<bool>& open);
// The same for a row's cell of a CSV file, saying on err (file:line) what is wrong with it.
[[nodiscard]] bool readDoorCell(const CsvFile& csv, int row, int column, std::optional<bool>& open, QTextStream& err);

struct LocateOptions
{
    QString gateways, reports, out, site, calibration, centroidOut;
    double tagHeight = 1.2;
    bool worn = false; // the tags are carried on a body (pos::EngineConfig::worn)
    // Rows out of time order by up to this much are put in their place; older ones are refused,
    // counted and named with their line (logs merged from many gateways are never quite ordered).
    double reorderWindowS = 2.0;
    // With a calibration, the self-check measures the engine and the weighted centroid on held-out
    // recordings, and where the engine is the worse it blends the centroid in (SelfCheck::blend).
    // false: the engine alone (or the site's positioning.centroidBlend), to compare.
    bool centroidGuard = true;
    std::optional<pos::EngineConfig> config; // defaults when empty
    pos::CalibrationOptions calibrationOptions;
    // After each fix (`wardctl explain`): the tag's number and id, and the engine that made it.
    // out may then be empty: no CSV is written.
    std::function<void(int tag, const QString& tagId, const pos::Engine& engine)> afterFix;
};

// The calibration's check of itself (see locate): its recordings held out in turn and positioned
// by the model calibrated on the others, against the places they were taken at.
struct SelfCheck
{
    int recordings = 0, folds = 0, fixes = 0;
    double medianErrorM = 0;  // of the positions as reported, the blend below applied
    double engineMedianM = 0; // the engine alone
    double centroidMedianM = 0; // the weighted centroid (pos::Engine::centroid) on the same fixes
    // The share of the centroid in the positions (pos::EngineConfig::centroidBlend): 0, unless the
    // engine alone is worse than a blend by more than blendMargin (then the best of 0.25 ... 1).
    double blend = 0;
    double circleHolds = 0; // the share of those fixes whose 68 % circle holds the place
    double accuracyScale = 1; // what the reported accuracy is multiplied by (>= 1)
};

struct LocateStats
{
    int reports = 0, fixes = 0, tags = 0;
    int refusedLate = 0; // rows further out of time order than the reorder window
    std::optional<pos::CalibrationResult> calibration;
    std::optional<SelfCheck> selfCheck;
};

// `wardctl locate`: returns Done, BadInput (with a message naming file and line) or Failure.
int locate(const LocateOptions& options, QTextStream& err, LocateStats* stats = nullptr);

struct CrlbOptions
{
    QString gateways, out;
    double sigmaDb = 6, exponent = 2, step = 0.5, tagHeight = 1.2;
};
int crlb(const CrlbOptions& options, QTextStream& err);

// Reads G.csv (gateway_id,x,y,z[,floor,rssi_1m,exponent]).
// beacons, when given: per gateway, the tag id of its own advertisements (column "beacon"), or empty.
std::optional<std::vector<pos::Receiver>> readGateways(const QString& path, QString& error, QStringList* beacons = nullptr);

} // namespace ww::offline

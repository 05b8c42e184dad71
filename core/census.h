#pragma once
// The census on the core thread: who lies in which bed and wears which wristband and monitor.
// Every change is a bed's entry (CensusEntryMsg): checked, written to the station's census record,
// audited, applied to the rows and published retained; other stations' entries merge by
// (time, station), the later one for a bed winning. A transfer moves the bed to the patient's row, so
// vitals, trends, limits and NEWS2 inputs go with the patient; a discharge ends the patient's
// condition alarms and returns the devices to the ward's stock.
#include "core/outputs.h"
#include "core/wardstate.h"
#include "records/censusrecord.h"

#include <QHash>
#include <QObject>

namespace ww {

class AlarmRules;

class Census : public QObject
{
    Q_OBJECT
public:
    Census(const Site& site, const Clock& clock, WardState& state, QObject* parent = nullptr);

    // A station with a record makes changes: its id, record, audit (the rules' log) and where its
    // entries go. Without it, the census follows other stations' entries only.
    void enable(const QString& stationId, CensusRecord* record, AlarmRules* rules, CensusPublisher* publisher);
    // The record's entries in force, applied at start.
    void restore();
    // Another station's entry (or this one's coming back).
    void apply(const CensusEntryMsg& m);

    // Operator actions. Refused, with the reason in result(), unless the operator is signed in, the
    // change is possible and the record took it; then shown, audited and published.
    void admit(const QString& bed, const QString& patientId, const QString& name, const QString& wristband,
               const QString& monitor, const QString& operatorId, const QString& operatorName);
    void transfer(const QString& patientId, const QString& bed, const QString& operatorId, const QString& operatorName);
    void discharge(const QString& patientId, const QString& operatorId, const QString& operatorName);
    void pairDevices(const QString& patientId, const QString& wristband, const QString& monitor,
                     const QString& operatorId, const QString& operatorName);

Q_SIGNALS:
    void result(bool ok, const QString& message);
    void committed(); // this station's change is in the rows: the core sends them at once
    // The record could not be written or read (tech.log; code: domain/conditiontext.h).
    void recordFailed(const QString& code, const QString& error);

private:
    void commit(std::vector<CensusEntryMsg> entries, const QString& what, const QString& operatorId,
                const QString& operatorName);
    void placeEntry(const CensusEntryMsg& e);
    void vacate(int row);
    void setDevices(int row, const QString& wristband, const QString& monitor);
    void pairDevice(int row, QString& slot, const QString& deviceId);
    bool refused(const QString& why);
    [[nodiscard]] QString refusal(const QString& operatorId, const QString& signIn) const;
    [[nodiscard]] QString patientRefusal(int row, const QString& patientId) const;
    [[nodiscard]] QString deviceProblem(const QString& deviceId, DeviceKind kind, int row) const;

    const Site& m_site;
    const Clock& m_clock;
    WardState& m_state;
    QString m_stationId;
    CensusRecord* m_record = nullptr;
    AlarmRules* m_rules = nullptr;
    CensusPublisher* m_publisher = nullptr;
    QHash<QString, std::pair<qint64, QString>> m_rev; // bed -> (time, station) of the entry in force
};

} // namespace ww

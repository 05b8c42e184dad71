#pragma once
// The ward's live item models. Each has a Role enum for views and QML; the display role shows what
// a nurse reads at the station, and a device that went silent shows "no signal", never a stale value.
#include "models/livetablemodel.h"
#include "models/stationcolours.h"
#include "models/trends.h"

#include <QColor>

namespace ww {

// Shown times, in the reader's locale (numbers, order, separators), local time, with seconds.
[[nodiscard]] QString formatTime(qint64 utcMs);
[[nodiscard]] QString formatDateTime(qint64 utcMs); // with the date (ISO under the C locale)
[[nodiscard]] QString signalText(SignalState s);    // "live", "waiting", "no signal"
// Where a tag is, as a nurse reads it: its room, "unknown, near R115", "R115 (last heard 14:02)",
// "locating…" or "unknown" (docs/positioning.md, "Room states").
[[nodiscard]] QString locationText(const Location& l);

// A patient's risk flags as short chip texts ("Fall", "Elope", "Bed exit") and what each means.
[[nodiscard]] QStringList riskChips(const PatientRow& p);
[[nodiscard]] QString riskToolTip(const PatientRow& p);

class PatientModel final : public LiveTableModel<PatientRow>
{
    Q_OBJECT
public:
    enum Column { BedCol, NameCol, NurseCol, RiskCol, HrCol, SpO2Col, RrCol, BpCol, TempCol, News2Col, LocationCol, UpdatedCol, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, BedRole, NameRole, HeartRateRole, SpO2Role, RespRateRole, SystolicRole,
        DiastolicRole, TemperatureRole, VitalsTimeRole, VitalsSignalRole, RoomRole, TagSignalRole, News2Role,
        News2PartialRole, VacantRole, WristbandRole, MonitorRole, NurseIdRole, NurseNameRole, FallRiskRole,
        ElopementRiskRole, BedExitArmedRole, RiskFlagsRole
    };
    Q_ENUM(Role)
    using LiveTableModel::LiveTableModel;
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // The row of a patient (-1: not in the census).
    [[nodiscard]] int rowOf(const QString& patientId) const;
};

class StaffModel final : public LiveTableModel<StaffRow>
{
    Q_OBJECT
public:
    enum Column { NameCol, RoleCol, BadgeCol, LocationCol, SignalCol, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, NameRole, StaffRoleRole, BadgeRole, RoomRole, SignalRole };
    Q_ENUM(Role)
    using LiveTableModel::LiveTableModel;
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

class AssetModel final : public LiveTableModel<AssetRow>
{
    Q_OBJECT
public:
    enum Column { NameCol, TypeCol, TagCol, LocationCol, StatusCol, UseCol, SignalCol, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, NameRole, TypeRole, TagRole, RoomRole, StatusRole, SignalRole, UtilisationRole };
    Q_ENUM(Role)
    using LiveTableModel::LiveTableModel;
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

class EnvironmentModel final : public LiveTableModel<EnvRow>
{
    Q_OBJECT
public:
    enum Column { PlaceCol, KindCol, TempCol, HumidityCol, Co2Col, DoorCol, StatusCol, UpdatedCol, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, NameRole, KindRole, TemperatureRole, HumidityRole, Co2Role, DoorRole,
        OutOfTargetRole, SignalRole, TimeRole
    };
    Q_ENUM(Role)
    using LiveTableModel::LiveTableModel;
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

class DeviceModel final : public LiveTableModel<DeviceRow>
{
    Q_OBJECT
public:
    enum Column { IdCol, KindCol, SubjectCol, LastSeenCol, BatteryCol, StateCol, EventCol, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, KindRole, SubjectRole, LastSeenRole, BatteryRole, SignalRole, MessagesRole, LastEventRole };
    Q_ENUM(Role)
    using LiveTableModel::LiveTableModel;
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

// The five models together, fed by WardCore::updatesReady on the GUI thread.
class WardModels : public QObject
{
    Q_OBJECT
public:
    explicit WardModels(const Site& site, QObject* parent = nullptr) : WardModels(initialRows(site), parent) {}
    PatientModel patients;
    StaffModel staff;
    AssetModel assets;
    EnvironmentModel environment;
    DeviceModel devices;
    TrendStore trends; // what the charts draw, updated with each batch before applied()
    [[nodiscard]] quint64 batchesApplied() const { return m_batches; }
    // The language changed: every table's headers and cells are asked for again.
    void retranslate()
    {
        patients.retranslate();
        staff.retranslate();
        assets.retranslate();
        environment.retranslate();
        devices.retranslate();
    }

public Q_SLOTS:
    void apply(const ww::WardUpdatePtr& update);

Q_SIGNALS:
    void applied();

private:
    WardModels(WardRows rows, QObject* parent);
    quint64 m_batches = 0;
};

} // namespace ww

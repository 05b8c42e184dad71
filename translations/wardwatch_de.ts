<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AssetModel</name>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tag signal</source>
        <translation>Tag-Signal</translation>
    </message>
</context>
<context>
    <name>AssetStatus</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Benutzung</translation>
    </message>
    <message>
        <source>needs cleaning</source>
        <translation>zu reinigen</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>unterwegs</translation>
    </message>
</context>
<context>
    <name>DeviceModel</name>
    <message>
        <source>offline (reported)</source>
        <translation>offline (gemeldet)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Gehört zu</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Letztes Ereignis</translation>
    </message>
</context>
<context>
    <name>EnvironmentModel</name>
    <message>
        <source>drug fridge</source>
        <translation>Medikamentenkühlschrank</translation>
    </message>
    <message>
        <source>door</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>open since %1</source>
        <translation>offen seit %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>in target</source>
        <translation>im Zielbereich</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Temperature (target)</source>
        <translation>Temperatur (Ziel)</translation>
    </message>
    <message>
        <source>RH (target)</source>
        <translation>rel. Feuchte (Ziel)</translation>
    </message>
    <message>
        <source>CO₂ (target)</source>
        <translation>CO₂ (Ziel)</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WardWatch – %1</source>
        <translation>WardWatch – %1</translation>
    </message>
    <message>
        <source>Census</source>
        <translation>Belegung</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Sensoren</translation>
    </message>
    <message>
        <source>Broker: %1</source>
        <translation>Broker: %1</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 Nachr./s</translation>
    </message>
    <message>
        <source>– msg/s</source>
        <translation>– Nachr./s</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>abgewiesen: %1</translation>
    </message>
</context>
<context>
    <name>MqttClient</name>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected by request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientModel</name>
    <message>
        <source>No signal from %1 since %2; last HR %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>HR /min</source>
        <translation>HF /min</translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation>SpO₂ %</translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation>AF /min</translation>
    </message>
    <message>
        <source>BP mmHg</source>
        <translation>RR mmHg</translation>
    </message>
    <message>
        <source>Temp °C</source>
        <translation>Temp °C</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Vitals at</source>
        <translation>Vitalwerte um</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>MQTT broker host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT broker port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client private key (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT client id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use MQTT 3.1.1 instead of MQTT 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site configuration file (JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the installation without broker or display, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save two screenshots into this folder, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds before the first screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WardWatch: ward nurse-station and facilities dashboard. A secondary alarm notification system; it never replaces the bedside monitors&apos; alarms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored settings are from a newer WardWatch (version %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port: &quot;%1&quot; is not a port number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-delay: &quot;%1&quot; is not a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site configuration cannot be loaded:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WardWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>BLE gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wristband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asset tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vitals monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>climate sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fridge sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>door contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbinde erneut</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Badge signal</source>
        <translation>Ausweis-Signal</translation>
    </message>
</context>
<context>
    <name>WardCore</name>
    <message>
        <source> (late)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

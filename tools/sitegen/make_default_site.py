#!/usr/bin/env python3
"""Generates the default two-floor ward (resources/site/): the site JSON and one SVG plan per floor.

Run from the repository root: python3 tools/sitegen/make_default_site.py
The output is committed; the application embeds it. Edit this script, not the output.
"""
import base64
import ctypes.util
import hashlib
import json, os

W, H = 60.0, 20.0          # floor size, metres
CORR_Y0, CORR_Y1 = 8.0, 12.0
ROOM_W = 5.0
DOOR_W = 1.2
PX = 20                    # SVG pixels per metre

FIRST = ["Amelia", "Oliver", "Isla", "George", "Ava", "Arthur", "Mia", "Noah", "Grace", "Leo", "Freya", "Oscar",
         "Lily", "Harry", "Evie", "Jack", "Rosie", "Charlie", "Ivy", "Thomas", "Florence", "Alfie", "Poppy",
         "Henry", "Sophia", "William", "Elsie", "Theo", "Martha", "Edward"]
LAST = ["Hughes", "Patel", "Okafor", "Nowak", "Evans", "Khan", "Murphy", "Silva", "Jones", "Rossi", "Kowalski",
        "Ahmed", "Taylor", "Novak", "Brown", "Osei", "Walsh", "Chen", "Moreau", "Davies", "Costa", "Lindqvist",
        "Ibrahim", "Wright", "Nagy", "Clarke", "Haddad", "Murray", "Fischer", "Dunn"]

# Per floor: (north side kinds, south side kinds), 12 slots of 5 m each; corridor ends: west stairs, east exit.
FLOORS = [
    (1, "Ward 7A (level 1)",
     ["patient"] * 12,
     ["staff", "pharmacy", "utility-clean", "utility-dirty", "toilet", "patient2", "patient2", "patient2",
      "patient2", "office", "stairs", "exit"]),
    (2, "Ward 7B / HDU (level 2)",
     ["patient"] * 10 + ["isolation", "isolation"],
     ["icu2", "icu2", "staff", "pharmacy", "utility-clean", "utility-dirty", "toilet", "patient2", "patient2",
      "office", "stairs", "exit"]),
]

NAMES = {"staff": "Nurse station", "pharmacy": "Medication room", "utility-clean": "Clean utility",
         "utility-dirty": "Dirty utility", "toilet": "Toilet", "office": "Ward office", "stairs": "Stairs",
         "exit": "Ward exit", "isolation": "Isolation", "icu": "HDU bay", "patient": "Room"}

site = {
    "schema": "wardwatch-site/1",
    "id": "stmarys-w7",
    "name": "St Mary's General - Ward 7",
    "geo": {"lat": 51.5171, "lon": -0.1752, "bearingDeg": 0},
    "timeZone": "Europe/London",
    "lateAfterS": 30,
    "floors": [], "rooms": [], "walls": [], "gateways": [], "beds": [], "patients": [], "staff": [],
    "assets": [], "fridges": [], "sensors": [],
    "climateTargets": {
        "patient": {"temperatureC": [21, 24], "humidityPct": [None, 60], "co2Ppm": [None, 1000]},
        "icu": {"temperatureC": [21, 24], "humidityPct": [30, 60], "co2Ppm": [None, 1000]},
        "isolation": {"temperatureC": [21, 24], "humidityPct": [None, 60], "diffPressurePa": [None, -2.5]},
        "or": {"temperatureC": [20, 24], "humidityPct": [20, 60]},
        "pharmacy": {"temperatureC": [15, 25], "humidityPct": [None, 60]},
    },
    "deviceTiming": {
        "gateway": {"intervalS": 1, "silentAfterS": 15},
        "wristband": {"intervalS": 1, "silentAfterS": 30},
        "badge": {"intervalS": 1, "silentAfterS": 30},
        "assetTag": {"intervalS": 5, "silentAfterS": 120},
        "vitalsMonitor": {"intervalS": 2, "silentAfterS": 20},
        "climate": {"intervalS": 10, "silentAfterS": 60},
        "fridge": {"intervalS": 5, "silentAfterS": 60},
        "door": {"intervalS": 10, "silentAfterS": 60},
    },
}

beds, patient_rooms, svg_rooms = [], [], {}
room_no = {1: 1, 2: 1}


def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


for level, fname, north, south in FLOORS:
    site["floors"].append({"level": level, "name": fname, "plan": f"floor{level}.svg", "width": W, "height": H})
    walls = [[0, 0, W, 0], [0, H, W, H], [0, 0, 0, CORR_Y0], [0, CORR_Y1, 0, H], [W, 0, W, CORR_Y0], [W, CORR_Y1, W, H]]
    rooms = [{"id": f"F{level}-CORR", "name": f"Corridor L{level}", "floor": level, "kind": "corridor",
              "polygon": rect(0, CORR_Y0, W, CORR_Y1), "door": [W / 2, (CORR_Y0 + CORR_Y1) / 2]}]
    fridge_no = 0
    for side, kinds in (("N", north), ("S", south)):
        y0, y1 = (0.0, CORR_Y0) if side == "N" else (CORR_Y1, H)
        wall_y = CORR_Y0 if side == "N" else CORR_Y1
        for i, kind in enumerate(kinds):
            x0, x1 = i * ROOM_W, (i + 1) * ROOM_W
            cx = (x0 + x1) / 2
            nbeds = 0
            base = kind
            if kind in ("patient", "patient2"):
                base, nbeds = "patient", 1 if kind == "patient" else 2
            elif kind == "icu2":
                base, nbeds = "icu", 2
            elif kind == "isolation":
                nbeds = 1
            if base in ("patient", "icu", "isolation"):
                num = room_no[level]
                room_no[level] += 1
                rid = f"R{level}{num:02d}"
                name = f"{NAMES[base]} {level}{num:02d}"
            else:
                rid = f"F{level}-{base.upper().replace('-', '')}"
                name = f"{NAMES[base]} L{level}"
            door = [cx, wall_y]
            rooms.append({"id": rid, "name": name, "floor": level, "kind": base, "polygon": rect(x0, y0, x1, y1),
                          "door": door})
            # Side walls between rooms (drawn once: the west wall of every room but the first),
            # and the corridor wall with a door gap.
            if i > 0:
                walls.append([x0, y0, x0, y1])
            walls.append([x0, wall_y, cx - DOOR_W / 2, wall_y])
            walls.append([cx + DOOR_W / 2, wall_y, x1, wall_y])
            # Gateways: one on the ceiling of every room a person can be in, toilets included (falls
            # happen there) and the exit (elopement), plus the corridor ones below.
            if True:
                gy = (y0 + y1) / 2 + (-1.0 if side == "N" else 1.0)
                site["gateways"].append({"id": f"gw-{rid.lower()}", "mac": f"AC233FA1{len(site['gateways']):04X}",
                                         "floor": level, "x": cx, "y": gy, "z": 2.7, "rssi1m": -59, "exponent": 2.0,
                                         "beacon": f"gb-{rid.lower()}"})
            for b in range(nbeds):
                bx = cx if nbeds == 1 else x0 + 1.4 + b * 2.2
                by = (y0 + 2.0) if side == "N" else (y1 - 2.0)
                bed = {"id": f"{rid}-{'AB'[b]}", "room": rid, "x": bx, "y": by}
                if rid.startswith("R1"):  # floor 1's beds are smart beds (occupancy, brake, rails, angle)
                    bed["device"] = f"sb-{rid[1:]}{'ab'[b]}"
                beds.append(bed)
            if nbeds:
                site["sensors"].append({"id": f"env-{rid.lower()}", "kind": "climate", "room": rid})
            if base == "pharmacy":
                fridge_no += 1
                fid = f"FR-{level}{fridge_no}"
                site["fridges"].append({"id": fid, "name": f"Drug fridge L{level}", "room": rid, "minC": 2,
                                        "maxC": 8, "graceS": 900, "doorOpenLimitS": 60})
                site["sensors"].append({"id": f"fr-{level}{fridge_no}", "kind": "fridge", "fridge": fid})
                site["sensors"].append({"id": f"env-{rid.lower()}", "kind": "climate", "room": rid})
            if base == "exit":
                site["sensors"].append({"id": f"door-exit-{level}", "kind": "door", "room": rid})
            if base == "isolation":
                # An isolation room's door contact: its openings are marked on the room's pressure
                # chart (an open door collapses the pressure difference) and recorded with its climate.
                site["sensors"].append({"id": f"door-{rid.lower()}", "kind": "door", "room": rid})
    # Corridor gateways every 10 m.
    for k in range(6):
        site["gateways"].append({"id": f"gw-f{level}-c{k + 1}", "mac": f"AC233FA1{len(site['gateways']):04X}",
                                 "floor": level, "x": 5.0 + 10 * k,
                                 "y": (CORR_Y0 + CORR_Y1) / 2, "z": 2.7, "rssi1m": -59, "exponent": 2.0,
                                 "beacon": f"gb-f{level}-c{k + 1}"})
    site["rooms"].extend(rooms)
    site["walls"].append({"floor": level, "segments": walls})
    svg_rooms[level] = (fname, rooms, walls)

site["beds"] = beds
# 34 patients in 40 beds: a few empty beds, as on a real ward.
occupied = [b for i, b in enumerate(beds) if i % 7 != 6][:34]
for i, b in enumerate(occupied):
    # Every name once: two patients of one name on a ward is a known cause of wrong-patient errors.
    site["patients"].append({"id": f"P{i + 1:03d}", "name": f"{FIRST[i % 30]} {LAST[(i * 11 + 3 + i // 30) % 30]}", "bed": b["id"],
                             "wristband": f"wb-{i + 1:03d}", "monitor": f"vm-{i + 1:03d}"})
# The ward's stock of devices on nobody yet: the station pairs them with patients it admits.
site["spareWristbands"] = [f"wb-{i:03d}" for i in range(101, 109)]
site["spareMonitors"] = [f"vm-{i:03d}" for i in range(101, 107)]
roles = ["charge nurse", "nurse", "nurse", "nurse", "nurse", "nurse", "healthcare assistant", "healthcare assistant",
         "doctor", "doctor", "porter", "domestic", "facilities engineer"]
def demo_pin_hash(staff_id, pin):
    # Demo PINs only (docs/alarms.md): "2468" + the two-digit staff number. A real site sets its own
    # (wardctl hash-pin). Argon2id through libsodium at the station's cost (3 passes, 256 MiB), with
    # a salt derived from the staff id so that the file comes out the same each time.
    import ctypes
    sodium = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
    assert sodium.sodium_init() >= 0
    salt = hashlib.sha256(("wardwatch-demo-salt-" + staff_id).encode()).digest()[:16]
    out = ctypes.create_string_buffer(32)
    ops, mem = 3, 256 * 1024 * 1024
    rc = sodium.crypto_pwhash(out, ctypes.c_ulonglong(32), pin.encode(), ctypes.c_ulonglong(len(pin)), salt,
                              ctypes.c_ulonglong(ops), ctypes.c_size_t(mem), ctypes.c_int(2))  # ALG_ARGON2ID13
    assert rc == 0
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    return f"$argon2id$v=19$m={mem // 1024},t={ops},p=1${b64(salt)}${b64(out.raw)}"


for i, role in enumerate(roles):
    sid = f"S{i + 1:02d}"
    site["staff"].append({"id": sid, "name": f"{FIRST[-1 - i]} {LAST[(i * 7) % len(LAST)]}",
                          "role": role, "badge": f"bd-{i + 1:02d}", "pinHash": demo_pin_hash(sid, f"2468{i + 1:02d}")})
assets = [("wheelchair", "Wheelchair", 4), ("infusion-pump", "Infusion pump", 6), ("defibrillator", "Defibrillator", 2),
          ("hoist", "Patient hoist", 2), ("bladder-scanner", "Bladder scanner", 1), ("ecg-cart", "ECG cart", 1)]
n = 0
for typ, label, count in assets:
    for k in range(count):
        n += 1
        level = 1 + (n % 2)
        site["assets"].append({"id": f"A{n:02d}", "name": f"{label} {k + 1}", "type": typ, "tag": f"at-{n:02d}",
                               "home": f"F{level}-UTILITYCLEAN"})

# PAR levels: infusion pumps and wheelchairs that should stand ready in the clean utility rooms.
site["parLevels"] = [
    {"type": "infusion-pump", "name": "Infusion pumps", "rooms": ["F1-UTILITYCLEAN", "F2-UTILITYCLEAN"], "target": 3, "critical": 1},
    {"type": "wheelchair", "name": "Wheelchairs", "target": 2, "critical": 1},
]

# Pods: the rooms one team of nurses looks after (a station may show one pod only).
room_ids = [r["id"] for r in site["rooms"]]
site["pods"] = [
    {"name": "Pod A", "rooms": [r for r in room_ids if r.startswith("R1") and int(r[1:]) <= 108]},
    {"name": "Pod B", "rooms": [r for r in room_ids if r.startswith("R1") and int(r[1:]) > 108]},
    {"name": "Pod C", "rooms": [r for r in room_ids if r.startswith("R2")]},
]

# Reference beacons at surveyed places along each corridor (they calibrate the receivers).
site["referenceBeacons"] = [{"id": f"ref-{level}{k + 1}", "floor": level, "x": 7.5 + 15.0 * k, "y": 10.0}
                            for level in (1, 2) for k in range(4)]

# The embedded ward is a demonstration and training ward: it lists no station keys and takes
# unsigned state (the status bar says so). A real site lists its stations' public keys
# (wardctl keygen) and leaves acceptUnsigned out; scripts/demo makes such a site for its stations.
site["signing"] = {"acceptUnsigned": True, "keys": {}}

# The building-management system takes room setpoints on cmd/bms-1 and answers on cmdack/bms-1;
# only the facilities engineer may send them (docs/site-schema.md).
site["bms"] = {"device": "bms-1", "ackTimeoutS": 30}
site["setpointRoles"] = ["facilities engineer"]

out = os.path.join("resources", "site")
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "default-site.json"), "w") as f:
    json.dump(site, f, indent=1)
    f.write("\n")

# The plans hold the building's structure only, in black: the station draws the rooms, their
# names (translated) and their colours (from the palette) over them, and tints the lines itself.
for level, (fname, rooms, walls) in svg_rooms.items():
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{int(W * PX)}" height="{int(H * PX)}" '
             f'viewBox="0 0 {int(W * PX)} {int(H * PX)}">',
             f'<title>{fname}</title>']
    for x0, y0, x1, y1 in walls:
        parts.append(f'<line x1="{x0 * PX:g}" y1="{y0 * PX:g}" x2="{x1 * PX:g}" y2="{y1 * PX:g}" '
                     'stroke="#000" stroke-width="3"/>')
    parts.append("</svg>")
    with open(os.path.join(out, f"floor{level}.svg"), "w") as f:
        f.write("\n".join(parts) + "\n")
print("beds", len(beds), "patients", len(site["patients"]), "gateways", len(site["gateways"]),
      "rooms", sum(len(v[1]) for v in svg_rooms.values()))

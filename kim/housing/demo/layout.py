"""The facilities of soest-demo ([Soest] 5.5.1.2), as data.

Phase I: up to 160 places – Waldstraße 93 (mainly families), Ostenhellweg a building and
two modules of 30 places (mainly single men): 160 − 93 − 60 = 7 places in the building.
Phase II: houses and flats across the town for up to 200 persons. Schwarzer Weg: small
flats for up to 60, first house end of 2018, second early 2019. A flat the town rents for
one household ("SW" of Tab. 7) is a unit of the rented-flats facility, created as needed.
Street names of the Phase II houses and all addresses are invented.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

D = datetime.date


@dataclass(frozen=True)
class UnitSpec:
    name: str
    places: int
    target_use: str = ""
    accessible: bool = False
    floor: str = ""
    opens: D | None = None  # not used by the demo before this date


@dataclass(frozen=True)
class FacilitySpec:
    code: str
    name: str
    kind: str
    district: str
    target_use: str
    units: tuple[UnitSpec, ...]
    accessible: bool = False
    address: str = ""


def rooms(prefix: str, sizes: list[int], **extra: object) -> tuple[UnitSpec, ...]:
    return tuple(UnitSpec(f"{prefix} {i:02d}", size, **extra)  # type: ignore[arg-type]
                 for i, size in enumerate(sizes, start=1))


def _house(code: str, name: str, district: str, use: str, sizes: list[int],
           accessible: bool = False) -> FacilitySpec:
    return FacilitySpec(code, name, "phase2", district, use,
                        rooms("Wohnung", sizes, accessible=accessible), accessible,
                        f"{name.split(' ', 1)[1]}, 59494 Soest (Demo)")


SCHWARZER_WEG_1 = D(2018, 12, 1)
SCHWARZER_WEG_2 = D(2019, 3, 1)

FACILITIES = [
    FacilitySpec("WALD", "Unterkunft Waldstraße", "phase1", "Soest-Süd", "families",
                 rooms("Zimmer", [5] * 17 + [4] * 2), address="Waldstraße, 59494 Soest (Demo)"),
    FacilitySpec("OST", "Unterkunft Ostenhellweg", "phase1", "Soest-Ost", "single_men",
                 rooms("Haus Zimmer", [4, 3]) + rooms("Modul A Zimmer", [3] * 10)
                 + rooms("Modul B Zimmer", [3] * 10), address="Ostenhellweg, 59494 Soest (Demo)"),
    _house("P2-SUED1", "Wohnhaus Lindenweg", "Soest-Süd", "families", [6, 6, 5, 4, 4]),
    _house("P2-SUED2", "Wohnhaus Ahornstraße", "Soest-Süd", "families", [6, 5, 5, 5, 4]),
    _house("P2-WEST", "Wohnhaus Belgisches Viertel", "Soest-West", "families", [6, 6, 5, 4, 4]),
    _house("P2-NORD", "Wohnhaus Nordring", "Soest-Nord", "families", [5, 5, 5, 5, 5]),
    _house("P2-OST", "Wohnhaus Feldmühle", "Soest-Ost", "mixed", [4, 4, 4, 4, 3, 3, 3]),
    _house("P2-MITTE", "Wohnhaus Marktweg", "Soest-Mitte", "single_men", [3] * 7 + [4]),
    _house("P2-FRAUEN", "Wohnhaus Rosengarten", "Soest-Mitte", "single_women",
           [3, 3, 3, 4, 4, 4, 4]),
    _house("P2-SCHUTZ", "Wohnhaus Am Kurpark", "Ampen", "vulnerable", [5, 5, 5, 4, 3, 3],
           accessible=True),
    FacilitySpec("SCHWARZ", "Unterkunft Schwarzer Weg", "phase2", "Soest-Nord", "mixed",
                 rooms("Haus 1 Wohnung", [5, 5, 4, 4, 3, 3, 2, 2, 2], opens=SCHWARZER_WEG_1)
                 + rooms("Haus 2 Wohnung", [5, 5, 4, 4, 3, 3, 2, 2, 2], opens=SCHWARZER_WEG_2),
                 address="Schwarzer Weg, 59494 Soest (Demo)"),
    FacilitySpec("MIETW", "Von der Stadt angemietete Wohnungen", "rented_flat", "Stadtgebiet",
                 "families", ()),
]

STATE = FacilitySpec("ZUE", "Notunterkunft des Landes (ehem. Kaserne)", "state",
                     "Soest-West", "mixed", ())
# [Soest] Tab. 3, column "Landeseinrichtung"; closed at the end of 2016.
STATE_COUNTS = [(D(2015, 12, 31), 498), (D(2016, 6, 30), 298), (D(2016, 12, 31), 163),
                (D(2017, 1, 1), 0)]

# [Soest] Tab. 3, column "Städtischer Wohnraum", and 5.5.1.2 (252 on 30.09.2018).
MUNICIPAL_TARGETS = [(D(2015, 6, 30), 311), (D(2015, 12, 31), 350), (D(2016, 6, 30), 266),
                     (D(2016, 12, 31), 185), (D(2017, 6, 30), 190), (D(2017, 12, 31), 200),
                     (D(2018, 6, 30), 244), (D(2018, 9, 30), 252)]

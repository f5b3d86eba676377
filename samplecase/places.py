"""A small Belize gazetteer and the fictional venues of the sample case.

Why: the extraction rules need real place names in all their forms (districts, towns, villages,
cayes, border crossings, the towns across the border), and the truth must say which kind each
is. Real places, fictional venues: no business named here is meant to exist. Note that "Santa
Elena" is both a Cayo town and the Corozal border crossing to Mexico - the case keeps that
ambiguity on purpose, as real notes do; the truth names the crossing "Santa Elena border".
"""
from __future__ import annotations

__all__ = [
    "DISTRICTS", "TOWNS", "VILLAGES", "CAYES", "CROSSINGS", "CROSSING_FORMS", "FOREIGN_TOWNS", "COUNTRIES", "STREETS",
    "VENUES", "kind_of", "district_of",
]

DISTRICTS = ("Belize District", "Cayo District", "Orange Walk District", "Corozal District",
             "Stann Creek District", "Toledo District")

# town -> district
TOWNS: dict[str, str] = {
    "Belize City": "Belize District", "Ladyville": "Belize District", "Belmopan": "Cayo District",
    "San Ignacio": "Cayo District", "Santa Elena": "Cayo District",
    "Benque Viejo del Carmen": "Cayo District", "Orange Walk Town": "Orange Walk District",
    "Corozal Town": "Corozal District", "Dangriga": "Stann Creek District",
    "Punta Gorda": "Toledo District", "San Pedro": "Belize District", "Independence": "Stann Creek District",
}
VILLAGES: dict[str, str] = {
    "Bullet Tree Falls": "Cayo District", "San Jose Succotz": "Cayo District",
    "Spanish Lookout": "Cayo District", "Valley of Peace": "Cayo District",
    "Trinidad": "Orange Walk District", "August Pine Ridge": "Orange Walk District",
    "San Estevan": "Orange Walk District", "Shipyard": "Orange Walk District",
    "Blue Creek": "Orange Walk District", "Sarteneja": "Corozal District", "Chunox": "Corozal District",
    "Santa Familia": "Cayo District", "Bella Vista": "Toledo District", "San Antonio": "Toledo District",
    "Hopkins": "Stann Creek District", "Placencia": "Stann Creek District", "Seine Bight": "Stann Creek District",
    "Pomona": "Stann Creek District",
}
CAYES = {"Ambergris Caye": "Belize District", "Caye Caulker": "Belize District"}
CROSSINGS = {"Benque Viejo border": "Cayo District", "Santa Elena border": "Corozal District"}
# Surface forms of the crossings: the truth value stays the key above.
CROSSING_FORMS: dict[str, tuple[str, ...]] = {
    "Benque Viejo border": ("Benque Viejo border", "the Benque border", "the Western Border at Benque Viejo",
                            "Benque Viejo"),
    "Santa Elena border": ("Santa Elena border", "the Santa Elena crossing", "the northern border at Santa Elena",
                           "Santa Elena border station"),
}
# Towns across the border, and where victims were recruited: town -> country
FOREIGN_TOWNS: dict[str, str] = {
    "Melchor de Mencos": "Guatemala", "Flores": "Guatemala", "Guatemala City": "Guatemala",
    "Puerto Barrios": "Guatemala", "Chiquimula": "Guatemala", "Poptún": "Guatemala",
    "San Pedro Sula": "Honduras", "Tegucigalpa": "Honduras", "La Ceiba": "Honduras", "Choloma": "Honduras",
    "San Salvador": "El Salvador", "Santa Ana": "El Salvador", "San Miguel": "El Salvador",
    "Chetumal": "Mexico", "Subteniente López": "Mexico",
}
COUNTRIES = ("Belize", "Guatemala", "Honduras", "El Salvador", "Mexico")
STREETS = ("Hill Street", "Baker Street", "Guadalupe Street", "Burns Avenue", "Queen Street",
           "Mahogany Street", "Santa Ana Street", "Cemetery Road", "Eve Street", "Victoria Street",
           "Church Street", "Bethias Lane", "Mopan Street", "Riverside Road")

# Venues: (name, venue_type, town). Names are fictional.
VENUES: tuple[tuple[str, str, str], ...] = (
    ("Sunset Bar", "bar", "Orange Walk Town"),
    ("El Rancho Cantina", "cantina", "Benque Viejo del Carmen"),
    ("Green Valley Farm", "farm", "San Ignacio"),
    ("Hotel Casa Blanca", "hotel", "Corozal Town"),
    ("Las Palmas Citrus Plantation", "plantation", "Pomona"),
    ("La Frontera Club", "club", "Santa Elena"),
)


def kind_of(name: str) -> str:
    """Gazetteer kind of a place name, as declared for Location.kind in graph_schema."""
    if name in DISTRICTS:
        return "district"
    if name in TOWNS or name in FOREIGN_TOWNS:
        return "town"
    if name in VILLAGES:
        return "village"
    if name in CAYES:
        return "caye"
    if name in CROSSINGS:
        return "border_crossing"
    if name in COUNTRIES:
        return "country"
    return "address"


def district_of(name: str) -> str | None:
    """The Belize district a place lies in, or None abroad."""
    for table in (TOWNS, VILLAGES, CAYES, CROSSINGS):
        if name in table:
            return table[name]
    return None

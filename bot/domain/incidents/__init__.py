"""Incidents (kejadian) reported as they happen: categories, the conversation, plain records.

``categories`` reads and checks the categories file (the shipped one or an
``INCIDENTS_FILE``), ``engine`` is the pure state machine of the report
conversation, ``places`` a location pin, ``records`` the plain records the
services return. What people read is written by ``bot.texts.incidents``;
the categories' labels reach the catalogs through ``bot.devtools.forms_extract``.

May import: the standard library and other ``bot.domain`` modules.
"""

from bot.domain.incidents.categories import (
    DEFAULT_CATEGORIES_PATH,
    IncidentCategories,
    IncidentCategory,
    IncidentsFileError,
    load_incident_categories,
)
from bot.domain.incidents.engine import (
    MAX_PHOTOS,
    IncidentProgress,
    MediaKind,
    Photo,
    Step,
    Urgency,
)
from bot.domain.incidents.places import Location
from bot.domain.incidents.records import (
    CategoryCount,
    Incident,
    IncidentDigest,
    IncidentStatus,
    Reporter,
    StatusChange,
)

__all__ = [
    "DEFAULT_CATEGORIES_PATH",
    "MAX_PHOTOS",
    "CategoryCount",
    "Incident",
    "IncidentCategories",
    "IncidentCategory",
    "IncidentDigest",
    "IncidentProgress",
    "IncidentStatus",
    "IncidentsFileError",
    "Location",
    "MediaKind",
    "Photo",
    "Reporter",
    "StatusChange",
    "Step",
    "Urgency",
    "load_incident_categories",
]

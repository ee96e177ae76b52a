"""Where an incident happened: a pin from a phone, and whether it lies in Indonesia."""

from __future__ import annotations

import math
from dataclasses import dataclass

# Indonesia's extent with a margin for its waters: Sabang (95.3 E) to Merauke
# (141.0 E), Miangas (5.6 N) to Rote (11.0 S). A coarse box, on purpose: it
# only decides whether the post warns that the pin looks wrong, and a pin in
# Timor-Leste or off Malaysia's coast (inside the box) is a near miss, not a typo.
SOUTH, NORTH = -11.5, 6.5
WEST, EAST = 94.5, 141.5


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.latitude) and math.isfinite(self.longitude)):
            raise ValueError("a location needs finite coordinates")
        if not (-90 <= self.latitude <= 90 and -180 <= self.longitude <= 180):
            raise ValueError(f"no such place: {self.latitude}, {self.longitude}")

    @property
    def in_indonesia(self) -> bool:
        return SOUTH <= self.latitude <= NORTH and WEST <= self.longitude <= EAST

    def to_json(self) -> list[float]:
        return [self.latitude, self.longitude]

    @classmethod
    def from_json(cls, data: object) -> Location:
        if (
            not isinstance(data, list)
            or len(data) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in data)
        ):
            raise ValueError(f"not a location: {data!r:.100}")
        return cls(float(data[0]), float(data[1]))

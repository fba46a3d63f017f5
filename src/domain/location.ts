// A map pin a resident sends may be where they stand (Telegram's "send my
// current location"), not the place they report: reporting the house next
// door from home would hand officers the tipster's own address. Unless the
// resident confirms the pin is the reported place, it is kept only rounded to
// a grid of about 170 m, and officers are told so.

/** Grid step for a pin the resident did not confirm: 0.0015° ≈ 167 m north–south, about 160 m east–west in Vietnam. */
export const APPROXIMATE_GRID_DEGREES = 0.0015;
/** What officers are told the rounding may be off by (and the pin's horizontal accuracy). */
export const APPROXIMATE_RADIUS_METERS = 170;

export interface Pin {
  latitude: number;
  longitude: number;
}

function snap(value: number): number {
  // The centre of the grid cell: every point of a cell gives the same pin.
  const cell = Math.floor(value / APPROXIMATE_GRID_DEGREES);
  return Number(((cell + 0.5) * APPROXIMATE_GRID_DEGREES).toFixed(5));
}

/** The pin moved to the centre of its grid cell: anyone in the same ~170 m cell gives the same point. */
export function approximatePin(pin: Pin): Pin {
  return { latitude: snap(pin.latitude), longitude: snap(pin.longitude) };
}

/** "lat,lon" (a confirmed place) or "lat,lon,~" (rounded), as sealed in Tip.location. */
export function formatStoredPin(pin: Pin & { approximate: boolean }): string {
  return `${pin.latitude},${pin.longitude}${pin.approximate ? ",~" : ""}`;
}

export function parseStoredPin(stored: string | null): (Pin & { approximate: boolean }) | null {
  if (!stored) return null;
  const [lat, lon, mark] = stored.split(",");
  const latitude = Number(lat);
  const longitude = Number(lon);
  return Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude, approximate: mark === "~" } : null;
}

// When an opted-in tipster's phone may buzz. A notice sent the moment an
// officer asks a question or closes the tip lets that officer pick the moment:
// watching a suspected tipster's phone, they could see it light up. Notices
// wait for the next of a few fixed times of day, shared by every tipster of
// the ward, and arrive silently.
import { localParts, zonedDate } from "./schedule.js";

export const DEFAULT_NOTIFY_HOURS = [8, 12, 17] as const;

/** The next batch time strictly after `after`, in the ward's time zone. */
export function nextNotifyBatch(after: Date, timeZone: string, hours: readonly number[] = DEFAULT_NOTIFY_HOURS): Date {
  const sorted = [...new Set(hours)].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error("no notification hours");
  const today = localParts(after, timeZone);
  for (let dayOffset = 0; dayOffset <= 1; dayOffset++) {
    for (const hour of sorted) {
      const at = zonedDate(timeZone, today.year, today.month, today.day + dayOffset, hour);
      if (at.getTime() > after.getTime()) return at;
    }
  }
  // Unreachable: tomorrow's first hour is always after now.
  return zonedDate(timeZone, today.year, today.month, today.day + 1, sorted[0]);
}

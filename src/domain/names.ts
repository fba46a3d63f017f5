// How a staff member's name is shown: one name per person, the same on cards,
// lists, audit and reports. Vietnamese fill Telegram's "first" and "last" name
// either way round, so the person picks the order (or types the name) once.

export const STAFF_NAME_MAX = 60;

/**
 * A typed name, tidied: spaces collapsed; typed all in lowercase, each word
 * capitalised ("nguyễn   thị bích" → "Nguyễn Thị Bích"), otherwise kept as
 * typed ("Y sĩ Phạm Thị Hoa"). Null when it is no name: no letters, markup
 * or other signs, too short or too long.
 */
export function tidyStaffName(input: string): string | null {
  const name = input.normalize("NFC").trim().replace(/\s+/gu, " ");
  if (name.length < 2 || name.length > STAFF_NAME_MAX) return null;
  if (!/^[\p{L}\p{M}][\p{L}\p{M}\p{N} .'-]*$/u.test(name)) return null;
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[ -])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}


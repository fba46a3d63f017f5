// What a ward calls its quarters and their heads. Quy Nhơn Đông's plan says
// "Khu phố" and "Khu phố trưởng"; Trần Hưng Đạo's resolution "tổ dân phố";
// rural wards and communes "thôn", "ấp", "bản". Each ward picks one unit and,
// where more than one is in use, its head's title. Messages choose their words
// from these keys (locales/*.ftl: ward-unit, ward-head, …); the Vietnamese
// names here are for naming quarters and reading what an admin types.
import { z } from "zod";
import { foldVietnamese } from "./text.js";

export const WARD_UNITS = ["khu-pho", "to-dan-pho", "thon", "ap", "ban"] as const;
export type WardUnit = (typeof WARD_UNITS)[number];
export const wardUnitSchema = z.enum(WARD_UNITS);

export const HEAD_TITLES = ["khu-pho-truong", "truong-khu-pho", "to-truong-to-dan-pho", "truong-thon", "truong-ap", "truong-ban"] as const;
export type HeadTitle = (typeof HEAD_TITLES)[number];
export const headTitleSchema = z.enum(HEAD_TITLES);

/** Each unit's head titles, the usual one first. */
export const TITLES_OF_UNIT: Readonly<Record<WardUnit, readonly [HeadTitle, ...HeadTitle[]]>> = {
  "khu-pho": ["khu-pho-truong", "truong-khu-pho"],
  "to-dan-pho": ["to-truong-to-dan-pho"],
  thon: ["truong-thon"],
  ap: ["truong-ap"],
  ban: ["truong-ban"],
};

/** The unit as it starts a quarter's name ("Tổ dân phố 3", "Thôn Đông"). */
export const UNIT_NAME: Readonly<Record<WardUnit, string>> = {
  "khu-pho": "Khu phố",
  "to-dan-pho": "Tổ dân phố",
  thon: "Thôn",
  ap: "Ấp",
  ban: "Bản",
};

/** The head's title as written in a ward's documents. */
export const HEAD_TITLE_NAME: Readonly<Record<HeadTitle, string>> = {
  "khu-pho-truong": "Khu phố trưởng",
  "truong-khu-pho": "Trưởng khu phố",
  "to-truong-to-dan-pho": "Tổ trưởng tổ dân phố",
  "truong-thon": "Trưởng thôn",
  "truong-ap": "Trưởng ấp",
  "truong-ban": "Trưởng bản",
};

/** A ward's two settings together, as the messages take them ($wardUnit, $headTitle). */
export interface WardWords {
  wardUnit: WardUnit;
  headTitle: HeadTitle;
}

export const wardWordsSchema = z
  .object({ wardUnit: wardUnitSchema, headTitle: headTitleSchema })
  .refine((w) => titleFits(w.wardUnit, w.headTitle), "the head's title belongs to another unit");

export function defaultHeadTitle(unit: WardUnit): HeadTitle {
  return TITLES_OF_UNIT[unit][0];
}

export function titleFits(unit: WardUnit, title: HeadTitle): boolean {
  return TITLES_OF_UNIT[unit].includes(title);
}

export function unitOfTitle(title: HeadTitle): WardUnit {
  return WARD_UNITS.find((u) => TITLES_OF_UNIT[u].includes(title))!;
}

/** The words a ward has, from its stored columns; anything unknown falls back to the unit's usual title. */
export function wardWords(unit: string, title?: string | null): WardWords {
  const wardUnit = wardUnitSchema.catch("khu-pho").parse(unit);
  const parsed = headTitleSchema.safeParse(title);
  return { wardUnit, headTitle: parsed.success && titleFits(wardUnit, parsed.data) ? parsed.data : defaultHeadTitle(wardUnit) };
}

/** "Khu phố 1" … "Khu phố N", in the ward's unit. */
export function numberedQuarterNames(unit: WardUnit, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${UNIT_NAME[unit]} ${i + 1}`);
}

/** Every (unit, title) pair an admin may choose, in a fixed order (the numbers of /donvi). */
export const WARD_WORD_CHOICES: readonly WardWords[] = WARD_UNITS.flatMap((wardUnit) => TITLES_OF_UNIT[wardUnit].map((headTitle) => ({ wardUnit, headTitle })));

/**
 * What an admin typed after /donvi: a choice's number, a title ("trưởng khu phố"),
 * a unit ("to dan pho", "Tổ dân phố"), or a key ("thon"). Accents and case aside.
 */
export function parseWardWords(typed: string): WardWords | null {
  const text = foldVietnamese(typed).replace(/[-_]/g, " ").replace(/\s+/g, " ").trim();
  if (!text) return null;
  if (/^\d{1,2}$/.test(text)) return WARD_WORD_CHOICES[Number(text) - 1] ?? null;
  const title = HEAD_TITLES.find((t) => foldVietnamese(HEAD_TITLE_NAME[t]) === text || t.replace(/-/g, " ") === text);
  if (title) return { wardUnit: unitOfTitle(title), headTitle: title };
  const unit = WARD_UNITS.find((u) => foldVietnamese(UNIT_NAME[u]) === text || u.replace(/-/g, " ") === text);
  return unit ? { wardUnit: unit, headTitle: defaultHeadTitle(unit) } : null;
}

/** The unit every quarter's name starts with ("Thôn Đông", "Thôn Tây"), if they agree on one. */
export function unitOfQuarterNames(names: readonly string[]): WardUnit | null {
  if (names.length === 0) return null;
  const starts = (name: string, unit: WardUnit) => {
    const folded = foldVietnamese(name);
    const word = foldVietnamese(UNIT_NAME[unit]);
    return folded === word || folded.startsWith(`${word} `);
  };
  // "Tổ dân phố" before any shorter unit it could be mistaken for.
  return WARD_UNITS.find((u) => names.every((n) => starts(n, u))) ?? null;
}

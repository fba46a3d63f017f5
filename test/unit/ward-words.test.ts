// Every message of both languages, rendered with every ward setting (khu phố,
// tổ dân phố, thôn, ấp, bản and their heads' titles): no Fluent error, no unit
// said twice before a quarter's own name ("khu phố Khu phố 5"), and no word of
// another unit left hard-coded (a "tổ dân phố" ward never reads "khu phố").
import fs from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { localesDirectory } from "../../src/bot/i18n.js";
import {
  HEAD_TITLE_NAME,
  HEAD_TITLES,
  numberedQuarterNames,
  parseWardWords,
  TITLES_OF_UNIT,
  UNIT_NAME,
  unitOfQuarterNames,
  WARD_UNITS,
  WARD_WORD_CHOICES,
  type WardUnit,
  type WardWords,
  wardWords,
  wardWordsSchema,
} from "../../src/domain/ward-units.js";

const LOCALES = ["vi", "en"] as const;
const source = (locale: string) => fs.readFileSync(path.join(localesDirectory, `${locale}.ftl`), "utf8");

function bundleOf(locale: string): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(source(locale)));
  if (errors.length > 0) throw new Error(`${locale}.ftl: ${errors.map(String).join("; ")}`);
  return bundle;
}

/** Every $variable any message uses (a message reference sees its caller's variables). */
const variablesOf = (locale: string) => new Set([...source(locale).matchAll(/\{\s*\$([a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
const messageIds = (locale: string) => [...source(locale).matchAll(/^([a-z][a-zA-Z0-9_-]*) =/gm)].map((m) => m[1]!);

/**
 * A unit's words in either language, as a regex over rendered text. Only
 * unambiguous phrases: "bản" alone is also "bản đồ" (a map), "quarter" also
 * three months, "thôn" also "nông thôn" (the countryside).
 */
const NOT_LETTER_BEFORE = "(?<![\\p{L}])";
const NOT_LETTER_AFTER = "(?![\\p{L}])";
const word = (alternatives: string) => new RegExp(`${NOT_LETTER_BEFORE}(?:${alternatives})${NOT_LETTER_AFTER}`, "iu");
const UNIT_WORDS: Record<WardUnit, { vi: RegExp; en: RegExp }> = {
  "khu-pho": { vi: word("khu phố"), en: word("(?<!month, )quarters?") },
  "to-dan-pho": { vi: word("tổ dân phố|tổ trưởng|tổ phó"), en: word("residential groups?") },
  thon: { vi: word("(?<!nông )thôn"), en: word("villages?") },
  ap: { vi: word("ấp"), en: word("hamlets?") },
  ban: { vi: word("trưởng bản|phó bản"), en: word("villages?") },
};

/** Words of another unit that this one does not share (thôn and bản are both "village" in English). */
function contradictions(text: string, unit: WardUnit, locale: "vi" | "en"): string[] {
  const found: string[] = [];
  for (const other of WARD_UNITS) {
    if (other === unit) continue;
    for (const lang of ["vi", "en"] as const) {
      const pattern = UNIT_WORDS[other][lang];
      if (lang === "en" && locale === "vi") continue;
      if (pattern.source === UNIT_WORDS[unit][lang].source) continue;
      const m = pattern.exec(text);
      if (m) found.push(m[0]);
    }
  }
  return found;
}

/** "khu phố Khu phố 5", "tổ dân phố Tổ dân phố 3", "quarter Khu phố 5": a unit's word right before any unit's name. */
const ANY_UNIT = [...WARD_UNITS.map((u) => UNIT_NAME[u]), "quarter", "residential group", "village", "hamlet"].join("|");
const DOUBLED = new RegExp(`${NOT_LETTER_BEFORE}(?:${ANY_UNIT})\\s+(?:${WARD_UNITS.map((u) => UNIT_NAME[u]).join("|")})${NOT_LETTER_AFTER}`, "iu");

/** Plain text as a reader sees it: no HTML tags, one space between words. */
const plain = (text: string) => text.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

function render(locale: "vi" | "en", words: WardWords, channel: string) {
  const bundle = bundleOf(locale);
  // Any variable could hold a quarter's name: give them all one, in the ward's own unit.
  const quarterName = numberedQuarterNames(words.wardUnit, 5)[4]!;
  const args: Record<string, string> = Object.fromEntries([...variablesOf(locale)].map((v) => [v, quarterName]));
  Object.assign(args, words, { channel });
  return messageIds(locale).map((id) => {
    const message = bundle.getMessage(id)!;
    const errors: Error[] = [];
    const texts = [message.value, ...Object.values(message.attributes)].filter((p) => p !== null).map((p) => bundle.formatPattern(p, args, errors));
    return { id, text: plain(texts.join("\n")), errors: errors.map(String) };
  });
}

describe("every message, with every ward's words", () => {
  for (const locale of LOCALES) {
    for (const words of WARD_WORD_CHOICES) {
      for (const channel of ["telegram", "zalo"]) {
        it(`${locale}, ${words.wardUnit} / ${words.headTitle}, ${channel}`, () => {
          const rendered = render(locale, words, channel);
          expect(rendered.length).toBeGreaterThan(500);
          expect(rendered.filter((r) => r.errors.length > 0).map((r) => `${r.id}: ${r.errors.join("; ")}`)).toEqual([]);
          expect(rendered.filter((r) => DOUBLED.test(r.text)).map((r) => `${r.id}: ${DOUBLED.exec(r.text)![0]}`)).toEqual([]);
          expect(rendered.filter((r) => contradictions(r.text, words.wardUnit, locale).length > 0).map((r) => `${r.id}: ${contradictions(r.text, words.wardUnit, locale).join(", ")}`)).toEqual([]);
        });
      }
    }
  }

  it("say each unit's and title's own words (the messages follow the setting)", () => {
    for (const words of WARD_WORD_CHOICES) {
      const vi = Object.fromEntries(render("vi", words, "telegram").map((r) => [r.id, r.text]));
      const en = Object.fromEntries(render("en", words, "telegram").map((r) => [r.id, r.text]));
      expect(vi["ward-unit-cap"]).toBe(UNIT_NAME[words.wardUnit]);
      expect(vi["ward-head-title"]).toBe(HEAD_TITLE_NAME[words.headTitle]);
      expect(vi["tip-ask-quarter"]).toContain(`ở ${UNIT_NAME[words.wardUnit].toLocaleLowerCase("vi")} nào`);
      expect(UNIT_WORDS[words.wardUnit].vi.test(vi["help-staff"]!)).toBe(true);
      expect(UNIT_WORDS[words.wardUnit].en.test(en["help-staff"]!)).toBe(true);
      expect(en["ward-unit-vi"]).toBe(UNIT_NAME[words.wardUnit]);
    }
  });

  it("catch what they are meant to catch", () => {
    expect(DOUBLED.test(plain("mời khu phố trưởng của <b>Khu phố 5</b>"))).toBe(false);
    expect(DOUBLED.test(plain("trong khu phố <b>Khu phố 5</b>"))).toBe(true);
    expect(DOUBLED.test("Which quarter Khu phố 5")).toBe(true);
    expect(DOUBLED.test("tổ dân phố Tổ dân phố 3")).toBe(true);
    expect(contradictions("mời tổ trưởng của Tổ dân phố 5", "khu-pho", "vi")).toEqual(["tổ trưởng"]);
    expect(contradictions("Việc này ở khu phố nào?", "to-dan-pho", "vi")).toEqual(["khu phố"]);
    expect(contradictions("chương trình nông thôn mới, bản đồ, bản sao", "khu-pho", "vi")).toEqual([]);
    expect(contradictions("month, quarter, half-year or year report", "thon", "en")).toEqual([]);
    expect(contradictions("Which quarter is it in?", "thon", "en")).toEqual(["quarter"]);
  });
});

describe("ward units and titles (src/domain/ward-units.ts)", () => {
  it("give each unit its usual head's title, and only titles of that unit", () => {
    expect(wardWords("to-dan-pho")).toEqual({ wardUnit: "to-dan-pho", headTitle: "to-truong-to-dan-pho" });
    expect(wardWords("khu-pho", "truong-khu-pho")).toEqual({ wardUnit: "khu-pho", headTitle: "truong-khu-pho" });
    expect(wardWords("thon", "khu-pho-truong")).toEqual({ wardUnit: "thon", headTitle: "truong-thon" });
    expect(wardWords("nonsense", "nonsense")).toEqual({ wardUnit: "khu-pho", headTitle: "khu-pho-truong" });
    expect(wardWordsSchema.safeParse({ wardUnit: "ap", headTitle: "truong-thon" }).success).toBe(false);
    expect(wardWordsSchema.safeParse({ wardUnit: "ap", headTitle: "truong-ap" }).success).toBe(true);
    expect(HEAD_TITLES.every((t) => WARD_UNITS.filter((u) => TITLES_OF_UNIT[u].includes(t)).length === 1)).toBe(true);
  });

  it("read what an admin types after /donvi, accents and case aside", () => {
    expect(parseWardWords("tổ dân phố")).toEqual({ wardUnit: "to-dan-pho", headTitle: "to-truong-to-dan-pho" });
    expect(parseWardWords("to dan pho")).toEqual({ wardUnit: "to-dan-pho", headTitle: "to-truong-to-dan-pho" });
    expect(parseWardWords("Trưởng khu phố")).toEqual({ wardUnit: "khu-pho", headTitle: "truong-khu-pho" });
    expect(parseWardWords("KHU PHO")).toEqual({ wardUnit: "khu-pho", headTitle: "khu-pho-truong" });
    expect(parseWardWords("thon")).toEqual({ wardUnit: "thon", headTitle: "truong-thon" });
    expect(parseWardWords("Ấp")).toEqual({ wardUnit: "ap", headTitle: "truong-ap" });
    expect(parseWardWords(String(WARD_WORD_CHOICES.length))).toEqual(WARD_WORD_CHOICES.at(-1));
    expect(parseWardWords("1")).toEqual({ wardUnit: "khu-pho", headTitle: "khu-pho-truong" });
    for (const typed of ["", "0", "99", "xã", "phường", "khu phố 5"]) expect(parseWardWords(typed), typed).toBeNull();
  });

  it("name numbered quarters in the unit, and find the unit every name starts with", () => {
    expect(numberedQuarterNames("to-dan-pho", 2)).toEqual(["Tổ dân phố 1", "Tổ dân phố 2"]);
    expect(unitOfQuarterNames(["Thôn Đông", "Thôn Tây", "thon Bac"])).toBe("thon");
    expect(unitOfQuarterNames(["Tổ dân phố 1", "Tổ dân phố 2"])).toBe("to-dan-pho");
    expect(unitOfQuarterNames(["Khu phố 1", "Thôn Đông"])).toBeNull();
    expect(unitOfQuarterNames(["Bản Lác", "Bản Hang Kia"])).toBe("ban");
    expect(unitOfQuarterNames(["Ấpsai"])).toBeNull();
  });
});

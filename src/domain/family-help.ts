// "Giúp người thân": what a worried family member can read, topic by topic.
// Information only: the bot keeps nothing about who reads it. A ward's admin
// may word a topic its own way (/trangnguoithan); else the national text.
import { z } from "zod";
import { foldVietnamese } from "./text.js";

/** The topics, in the order they are offered; each has `family-<topic>` and `family-btn-<topic>` messages. */
export const FAMILY_TOPICS = ["rehab", "assess", "methadone", "legal", "talk", "contacts"] as const;
export type FamilyTopic = (typeof FAMILY_TOPICS)[number];

/** Topics a ward may word its own way; the contacts page is built from the ward's contacts (/lienhephuong). */
export const EDITABLE_FAMILY_TOPICS = ["rehab", "assess", "methadone", "legal", "talk"] as const satisfies readonly FamilyTopic[];
export type EditableFamilyTopic = (typeof EDITABLE_FAMILY_TOPICS)[number];

/** A ward's own page: a few short lines, as the admin wrote them (shown as plain text). */
export const familyPageTextSchema = z
  .string()
  .refine((s) => !/[^\P{Cc}\t\n\r]/u.test(s), "control characters")
  .transform((s) =>
    s
      .split(/\r?\n/)
      .map((line) => line.replace(/[ \t]+/g, " ").trim())
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
  )
  .pipe(z.string().min(10).max(1200));

/** What an admin may type for each topic (folded: no marks, no spaces). */
const TOPIC_WORDS: Record<string, EditableFamilyTopic> = {
  cainghien: "rehab",
  rehab: "rehab",
  xacdinh: "assess",
  xacdinhtinhtrangnghien: "assess",
  assess: "assess",
  methadone: "methadone",
  phaply: "legal",
  trogiupphaply: "legal",
  legal: "legal",
  noichuyen: "talk",
  noichuyenvoicon: "talk",
  talk: "talk",
};

export type FamilyPageCommand =
  | { action: "list" }
  | { action: "set"; topic: EditableFamilyTopic; text: string }
  | { action: "reset"; topic: EditableFamilyTopic }
  | { action: "invalid" }
  | { action: "usage" };

/** `/trangnguoithan`, `/trangnguoithan methadone TEXT` (the text may start on the next line), `/trangnguoithan methadone xoa`. */
export function parseFamilyPageCommand(text: string): FamilyPageCommand {
  const [first = "", ...rest] = text.trim().split(/\r?\n/);
  const words = first.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { action: "list" };
  for (const n of [4, 3, 2, 1]) {
    if (words.length < n) continue;
    const topic = TOPIC_WORDS[foldVietnamese(words.slice(0, n).join(" ")).replace(/\s/g, "")];
    if (!topic) continue;
    const value = [words.slice(n).join(" "), ...rest].join("\n").trim();
    if (!value) return { action: "usage" };
    const folded = foldVietnamese(value).replace(/\s/g, "");
    if (folded === "xoa" || folded === "reset") return { action: "reset", topic };
    const parsed = familyPageTextSchema.safeParse(value);
    return parsed.success ? { action: "set", topic, text: parsed.data } : { action: "invalid" };
  }
  return { action: "usage" };
}

// The ward police's own lines for residents, set by the ward's admin: a
// hotline (a Vietnamese phone number, kept as the admin wrote it) and an
// address. Public facts about the ward; shown beside the national line 113.
import { z } from "zod";
import { foldVietnamese } from "./text.js";

export const WARD_CONTACT_FIELDS = ["hotline", "address"] as const;
export type WardContactField = (typeof WARD_CONTACT_FIELDS)[number];

export interface WardContact {
  hotline: string | null;
  address: string | null;
}

/** The number's digits, with +84 / 84 written as the leading 0 Vietnamese dial. */
export function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, "");
  return text.trim().startsWith("+84") || (digits.startsWith("84") && digits.length === 11) ? `0${digits.slice(2)}` : digits;
}

/** Mobile (incl. the police's 069), landline (02x area codes), 1800/1900 lines, and the national 111–115. */
const VIETNAMESE_NUMBER = /^(?:0[35789]\d{8}|069\d{7}|02\d{9}|1[89]00\d{4}(?:\d{2})?|11[1-5])$/;

export const wardHotlineSchema = z
  .string()
  .transform((s) => s.trim().replace(/[ \t]+/g, " "))
  .pipe(
    z
      .string()
      .min(3)
      .max(24)
      .regex(/^\+?[\d .()-]+$/, "digits, spaces, dots, dashes and brackets only")
      .refine((s) => VIETNAMESE_NUMBER.test(phoneDigits(s)), "not a Vietnamese phone number"),
  );

export const wardAddressSchema = z
  .string()
  // Control characters other than line breaks and tabs (which become spaces) are refused.
  .refine((s) => !/[^\P{Cc}\t\n\r]/u.test(s), "control characters")
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(5).max(200));

export type WardContactCommand =
  | { action: "show" }
  | { action: "set"; field: WardContactField; value: string }
  | { action: "clear"; field: WardContactField | "all" }
  | { action: "invalid"; field: WardContactField }
  | { action: "usage" };

/** What an admin may type for each field (folded: no marks, no spaces). */
const FIELD_WORDS: Record<string, WardContactField> = {
  sdt: "hotline",
  sodienthoai: "hotline",
  dienthoai: "hotline",
  duongdaynong: "hotline",
  phone: "hotline",
  hotline: "hotline",
  diachi: "address",
  address: "address",
};

/** `/lienhephuong`, `/lienhephuong sdt 0256 3822 113`, `/lienhephuong diachi 12 Trần Phú`, `/lienhephuong xoa [sdt|diachi]`. */
export function parseWardContactCommand(text: string): WardContactCommand {
  const trimmed = text.trim();
  if (!trimmed) return { action: "show" };
  // The field may be one word or two ("địa chỉ", "số điện thoại"): try the longest first.
  const words = trimmed.split(/\s+/);
  const fold = (n: number) => foldVietnamese(words.slice(0, n).join(" ")).replace(/\s/g, "");
  if (fold(1) === "xoa" || fold(1) === "clear") {
    const rest = foldVietnamese(words.slice(1).join(" ")).replace(/\s/g, "");
    if (!rest) return { action: "clear", field: "all" };
    const field = FIELD_WORDS[rest];
    return field ? { action: "clear", field } : { action: "usage" };
  }
  for (const n of [3, 2, 1]) {
    const field = FIELD_WORDS[fold(n)];
    if (!field || words.length < n) continue;
    // What follows the field's words, as typed: the schema tidies spaces and line breaks.
    const value = trimmed.replace(new RegExp(`^(?:\\S+\\s+){${n - 1}}\\S+`), "").trim();
    if (!value) return { action: "usage" };
    const parsed = (field === "hotline" ? wardHotlineSchema : wardAddressSchema).safeParse(value);
    return parsed.success ? { action: "set", field, value: parsed.data } : { action: "invalid", field };
  }
  return { action: "usage" };
}

// One definition per kind of inline button: its data's prefix, how the data is
// built and read back (validated), who may press it, and examples for tests.
// Features build and match callback data only through these definitions.
import { z } from "zod";

/** Telegram refuses callback data longer than this (BUTTON_DATA_INVALID). */
export const CALLBACK_DATA_MAX_BYTES = 64;

/**
 * Who may legitimately press a kind of button. Anyone else who presses it
 * (forged data, a bystander, a stale or replayed press) must be refused or ignored.
 */
export const AUDIENCES = {
  "officer-of-card-ward": "an active officer or admin of the ward whose police group shows the card, in that group",
  "admin-of-card-ward": "an active admin of the ward whose police group shows the card, in that group",
  "admin-binding-group": "an active admin of the ward named on the button, in the group they asked to bind",
  "ward-staff": "an active officer or admin of a ward, acting on their own ward",
  "ward-admin": "the admin of the ward the listed person belongs to",
  "quarter-head": "the head or deputy of the check-in's quarter, while its window is open",
  "agency-contact": "a registered contact of the agency the reminder is for",
  "invite-holder": "whoever opened the invite link: its single-use token is the credential",
  "staff-in-flow": "the officer whose /deadline flow showed the button, in their private chat",
  "quarter-head-in-flow": "the head whose check-in flow showed the button, in their private chat",
  "resident-in-flow": "the person whose tip or follow-up flow showed the button, in their private chat",
  "anyone-in-flow": "whoever is in the flow that showed the button, in their private chat",
  "anyone-private": "anyone, in a private chat with the bot",
  "chat-language": "anyone in a private chat; in a group, that ward's staff",
  "super-admin": "a super-admin of the deployment (SUPER_ADMIN_IDS), in a private chat",
  "staff-self": "any staff member (officer, admin, quarter head or deputy, agency contact) naming themselves, in their private chat",
} as const;
export type Audience = keyof typeof AUDIENCES;

/** Each argument is one ':'-separated segment of the data, read by its schema. */
type Shape = Record<string, z.ZodType>;
type ArgsOf<S extends Shape> = z.output<z.ZodObject<S>>;
/** Kinds without required arguments encode with no argument at all. */
type EncodeArgs<A> = Record<never, never> extends A ? [args?: A] : [args: A];

export interface ButtonKind<A extends object = object> {
  /** The fixed start of the data, e.g. "c:claim"; arguments follow, each after a ':'. */
  readonly prefix: string;
  readonly audience: Audience;
  /** Matches every data this kind may parse (for grammY's `callbackQuery`); `parse` still decides. */
  readonly pattern: RegExp;
  encode(...args: EncodeArgs<A>): string;
  /** The typed arguments, or null when the data is not a valid button of this kind. */
  parse(data: string): A | null;
  /** Valid argument sets, for tests. */
  readonly examples: readonly A[];
}

export type ArgsOfKind<K> = K extends ButtonKind<infer A> ? A : never;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function buttonKind<S extends Shape = Record<never, never>>(spec: {
  prefix: string;
  audience: Audience;
  /** The arguments in the order they appear in the data; only trailing ones may be optional. */
  args?: S;
  /** How an argument is written when `String(value)` is not what its schema reads back. */
  write?: { [K in keyof S]?: (value: NonNullable<z.output<S[K]>>) => string };
  examples: readonly ArgsOf<S>[];
}): ButtonKind<ArgsOf<S>> {
  const shape = (spec.args ?? {}) as S;
  const keys = Object.keys(shape);
  const schema = z.object(shape);
  const optional = keys.map((k) => shape[k]!.safeParse(undefined).success);
  const required = optional.indexOf(true) === -1 ? keys.length : optional.indexOf(true);
  if (optional.slice(required).includes(false)) throw new Error(`${spec.prefix}: only trailing arguments may be optional`);
  const prefix = spec.prefix;
  const write = (spec.write ?? {}) as Record<string, ((value: unknown) => string) | undefined>;
  const segment = "(?::[^:]*)";
  const pattern = new RegExp(`^${escapeRegExp(prefix)}${keys.length === 0 ? "" : `${segment}{${required},${keys.length}}`}$`);

  return {
    prefix,
    audience: spec.audience,
    pattern,
    examples: spec.examples,
    encode(...given) {
      const args = (given[0] ?? {}) as Record<string, unknown>;
      const parts = [prefix];
      for (const key of keys) {
        const value = args[key];
        if (value === undefined || value === null) break;
        const custom = write[key];
        const text = custom ? custom(value) : typeof value === "string" || typeof value === "number" ? String(value) : null;
        if (text === null || text.includes(":")) throw new RangeError(`${prefix}: argument ${key} must be written without ':'`);
        parts.push(text);
      }
      const data = parts.join(":");
      if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES) throw new RangeError(`${prefix}: callback data over ${CALLBACK_DATA_MAX_BYTES} bytes`);
      return data;
    },
    parse(data) {
      if (data !== prefix && !data.startsWith(`${prefix}:`)) return null;
      const segments = data === prefix ? [] : data.slice(prefix.length + 1).split(":");
      if (segments.length < required || segments.length > keys.length) return null;
      const parsed = schema.safeParse(Object.fromEntries(segments.map((s, i) => [keys[i], s])));
      return parsed.success ? parsed.data : null;
    },
  };
}

/** Reads data as whichever of a family of kinds it is (e.g. every button of a tip card). */
export type PressOf<F extends Record<string, ButtonKind>> = { [K in keyof F]: { kind: K; args: ArgsOfKind<F[K]> } }[keyof F];

export function parserFor<F extends Record<string, ButtonKind>>(family: F): (data: string) => PressOf<F> | null {
  const entries = Object.entries(family);
  return (data) => {
    for (const [kind, button] of entries) {
      const args = button.parse(data);
      if (args !== null) return { kind, args } as PressOf<F>;
    }
    return null;
  };
}

// ---- Argument schemas shared by several kinds --------------------------------

/** A database id (cuid). */
export const recordId = z.string().regex(/^[\w-]{1,40}$/);
/** A whole number written in at most `digits` digits, no sign or spaces. */
export const wholeNumber = (digits: number) => z.string().regex(new RegExp(`^\\d{1,${digits}}$`)).transform(Number);
/** The one value a kind of button stands for, among a few. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/** A realistic id for examples: cuids are 25 characters. */
export const EXAMPLE_ID = "cmi8x2k0a0001qz3h5v7b9d1f";
export const OTHER_EXAMPLE_ID = "cmi8x2k0a0002qz3h5v7b9d1g";

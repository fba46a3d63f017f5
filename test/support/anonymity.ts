// Looks for a resident's identity everywhere it must never be: every column of
// every table, the captured log, and everything the bot sent to or asked
// about any chat other than the resident's own.
import type { Persona } from "./persona.js";
import type { TestApp } from "./harness.js";
import { dumpDatabase } from "./sealed-rows.js";

export function identityNeedles(persona: Persona): string[] {
  const u = persona.user;
  return [String(u.id), u.username, u.first_name, u.last_name, [u.first_name, u.last_name].filter(Boolean).join(" ")]
    .filter((s): s is string => typeof s === "string" && s.length >= 3)
    .map((s) => s.toLowerCase());
}

export interface ScanOptions {
  /** Chats whose own messages the scan skips (the resident's own chat). */
  exceptChats: number[];
  /** Zalo chats whose own messages the scan skips. */
  exceptZaloChats?: string[];
  /** Chats that opted in to notifications: their id, decrypted from NotificationTarget, is expected there and nowhere else. */
  optedInChats?: (number | string)[];
}

export async function scanForIdentity(t: TestApp, persona: Persona, options: ScanOptions): Promise<string[]> {
  return scanForIdentities(t, [persona], options);
}

/** The same scan for many residents at once: every source is read once, then searched for each one's needles. */
export async function scanForIdentities(t: TestApp, personas: Persona[], options: ScanOptions): Promise<string[]> {
  return findNeedles(await readSources(t, options), personas.map(identityNeedles));
}

/** The scan for any words (a Zalo resident's id and display name); Zalo calls to `exceptZaloChats` are theirs to see. */
export async function scanForNeedles(t: TestApp, needles: string[], options: ScanOptions): Promise<string[]> {
  return findNeedles(await readSources(t, options), [needles.map((n) => n.toLowerCase())]);
}

interface Source {
  where: string;
  text: string;
}

/**
 * What the adversaries read: every column of every table as stored, every
 * sealed value opened with every key (the one who holds the database and the
 * keys), the log, and every call the bot made to any other chat.
 */
async function readSources(t: TestApp, options: ScanOptions): Promise<Source[]> {
  const sources: Source[] = [];
  const add = (where: string, value: unknown) => {
    if (value === null || value === undefined) return;
    const text = (typeof value === "string" ? value : JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).toLowerCase();
    sources.push({ where, text });
  };

  const dump = await dumpDatabase(t.app.db, t.databaseUrl);
  for (const [name, rows] of dump.tables) {
    rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) if (!column.startsWith("__")) add(`table ${name} row ${i} column ${column}`, value);
    });
  }
  const optedIn = new Set((options.optedInChats ?? []).map(String));
  for (const value of dump.opened) {
    if (value.table === "NotificationTarget" && optedIn.has(value.plaintext)) continue;
    add(`decrypted ${value.table}.${value.column} of row ${value.row}`, value.plaintext);
  }
  // A sealed column the scan cannot open is a place it cannot look: that fails the scan too.
  for (const where of dump.unknownSealed) sources.push({ where: `unopened sealed value in ${where}`, text: "\u0000unopened" });

  t.logs.lines.forEach((line, i) => add(`log line ${i}`, line));

  const except = new Set(options.exceptChats);
  for (const call of t.standIn.calls) {
    const params = call.params as { chat_id?: number | string } | undefined;
    if (params?.chat_id !== undefined && except.has(Number(params.chat_id))) continue;
    add(`API call ${call.method}`, call.params);
  }
  const exceptZalo = new Set(options.exceptZaloChats ?? []);
  for (const call of t.zalo?.calls() ?? []) {
    if (exceptZalo.has(String(call.params.chat_id))) continue;
    add(`Zalo API call ${call.method}`, call.params);
  }
  return sources;
}

function findNeedles(sources: Source[], needleSets: string[][]): string[] {
  // Search one joined text per needle, then name the sources only on a hit: fast enough for 1,000 residents.
  const all = sources.map((source) => source.text).join("\u0000");
  const findings: string[] = sources.filter((source) => source.where.startsWith("unopened")).map((source) => source.where);
  for (const needles of needleSets) {
    for (const needle of needles) {
      // A numeric id must stand alone: it could otherwise be part of a timestamp or another number.
      const pattern = /^\d+$/.test(needle) ? new RegExp(`(?<!\\d)${needle}(?!\\d)`) : null;
      const hit = (text: string) => (pattern ? pattern.test(text) : text.includes(needle));
      if (!hit(all)) continue;
      for (const source of sources) if (hit(source.text)) findings.push(`${source.where} contains "${needle}"`);
    }
  }
  return findings;
}

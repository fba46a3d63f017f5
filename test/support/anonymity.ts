// Looks for a resident's identity everywhere it must never be: every column of
// every table, the captured log, and everything the bot sent to or asked
// about any chat other than the resident's own.
import type { Persona } from "./persona.js";
import type { TestApp } from "./harness.js";

export function identityNeedles(persona: Persona): string[] {
  const u = persona.user;
  return [String(u.id), u.username, u.first_name, u.last_name, [u.first_name, u.last_name].filter(Boolean).join(" ")]
    .filter((s): s is string => typeof s === "string" && s.length >= 3)
    .map((s) => s.toLowerCase());
}

export async function scanForIdentity(t: TestApp, persona: Persona, options: { exceptChats: number[] }): Promise<string[]> {
  const needles = identityNeedles(persona);
  const findings: string[] = [];
  const check = (where: string, value: unknown) => {
    if (value === null || value === undefined) return;
    const text = (typeof value === "string" ? value : JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).toLowerCase();
    for (const needle of needles) if (text.includes(needle)) findings.push(`${where} contains "${needle}"`);
  };

  // Every table the database has, whatever the schema says (SQLite or PostgreSQL).
  const db = t.app.db;
  const tables = t.databaseUrl.startsWith("file:")
    ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table'")
    : await db.$queryRawUnsafe<{ name: string }[]>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name.replaceAll('"', '""')}"`);
    rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) check(`table ${name} row ${i} column ${column}`, value);
    });
  }

  t.logs.lines.forEach((line, i) => check(`log line ${i}`, line));

  for (const call of t.standIn.calls) {
    const params = call.params as { chat_id?: number | string } | undefined;
    if (params?.chat_id !== undefined && options.exceptChats.includes(Number(params.chat_id))) continue;
    check(`API call ${call.method}`, call.params);
  }
  return findings;
}

// The adversary who holds the database and every key, and lines up
// timestamps. Many residents — on Telegram and Zalo, some opted in to
// notifications, some who chose a language first, some who came back with a
// second tip or walked away from one — file tips interleaved in time. Later
// (a backup taken the next day) the attacker reads every table and column the
// database has, with the hidden ones that grow with time (SQLite's rowid,
// PostgreSQL's ctid and xmin), opens every sealed value, and recognises each
// resident's rows by recomputing their chat's keyed hash with the pepper.
// Then they try to pair those rows with the residents' tips by any time, order
// or id the rows carry. Every such pairing must do no better than chance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, WITHOUT_GROUP_PACE } from "../support/harness.js";
import { eventually } from "../support/wait.js";
import { Persona } from "../support/persona.js";
import { setUpWard, turnNotificationsOn } from "../support/scenario.js";
import { ATTACKER_KEYS, dumpDatabase, type Row } from "../support/sealed-rows.js";
import { choose, ZaloPersona } from "../support/zalo-persona.js";

const TELEGRAM_RESIDENTS = 36;
const ZALO_RESIDENTS = 12;
const MINUTE = 60_000;

interface Resident {
  /** The chat id as the bot knows it: a Telegram id, or "z:<Zalo id>". */
  chatId: string;
  optIn: boolean;
  chooseLanguage: boolean;
  secondTip: boolean;
  abandonAfter: boolean;
  receipts: string[];
  play: (tip: { optIn: boolean; text: string }) => Promise<string>;
  chooseVietnamese: () => Promise<void>;
  abandon: () => Promise<void>;
}

/** Kendall's tau-b of two equally long lists (ties on either side count for nothing). */
export function kendallTauB(xs: number[], ys: number[]): number {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const dx = Math.sign(xs[i]! - xs[j]!);
      const dy = Math.sign(ys[i]! - ys[j]!);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denominator = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  return denominator === 0 ? 0 : (concordant - discordant) / denominator;
}

/** How far tau may stray from 0 by chance for n pairs: 4.5 standard deviations under independence. */
function tauBound(n: number): number {
  return 4.5 * Math.sqrt((2 * (2 * n + 5)) / (9 * n * (n - 1)));
}

const CUID = /^c[a-z0-9]{24}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Every value of a row read as a time or an order, by the column it came from (hidden columns included). */
function orderings(row: Row): Map<string, number> {
  const out = new Map<string, number>();
  for (const [column, value] of Object.entries(row)) {
    if (value instanceof Date) out.set(column, value.getTime());
    else if (typeof value === "number" || typeof value === "bigint") out.set(column, Number(value));
    else if (typeof value === "string") {
      const ctid = /^\((\d+),(\d+)\)$/.exec(value);
      if (ctid) out.set(column, Number(ctid[1]) * 65_536 + Number(ctid[2]));
      else if (/^\d+$/.test(value) && value.length <= 15) out.set(column, Number(value));
      else if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) out.set(column, Date.parse(value));
      else if (CUID.test(value)) out.set(column, parseInt(value.slice(1, 9), 36));
      else if (UUID_V7.test(value)) out.set(column, parseInt(value.replace(/-/g, "").slice(0, 12), 16));
    }
  }
  return out;
}

describe("no time, order or id pairs a resident with a tip (the adversary with the database and every key)", () => {
  let t: TestApp;
  const residents: Resident[] = [];

  beforeAll(async () => {
    // 48 tips in a minute: the rows they leave are what this proves, not the group's pace (see WITHOUT_GROUP_PACE).
    t = await startTestApp({ zalo: true, standInOptions: WITHOUT_GROUP_PACE, env: { TIP_LIMIT_PER_HOUR: "100", TIP_LIMIT_PER_DAY: "100" } });
    await setUpWard(t);
    for (let i = 0; i < TELEGRAM_RESIDENTS; i++) {
      const persona = Persona.create(t.standIn, { first_name: `Dân ${i}` });
      residents.push({
        chatId: String(persona.chatId),
        optIn: i % 2 === 0,
        chooseLanguage: i % 3 !== 1,
        secondTip: i % 5 === 0,
        abandonAfter: i % 7 === 3,
        receipts: [],
        chooseVietnamese: async () => {
          await persona.say("/lang", /Chọn ngôn ngữ/);
          await persona.tap("Tiếng Việt", /Đã chuyển sang tiếng Việt/);
        },
        play: async ({ optIn, text }) => {
          await persona.say("/tip", /Bước 1\/6/);
          await persona.tap("Mua bán", /Bước 2\/6/);
          await persona.tap(`Khu phố ${1 + (i % 9)}`, /Bước 3\/6/);
          await persona.say("⏭ Bỏ qua", /Bước 4\/6/);
          await persona.tap("Hôm nay", /Bước 5\/6/);
          await persona.say(text, /Bước 6\/6/);
          await persona.tap("Bỏ qua", /Xem lại/);
          if (optIn) await turnNotificationsOn(persona);
          const done = await persona.tap("📨 Gửi", /Mã biên nhận/);
          return /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(done.message?.text ?? "")![0];
        },
        abandon: async () => {
          await persona.say("/tip", /Bước 1\/6/);
          await persona.tap("Mua bán", /Bước 2\/6/);
        },
      });
    }
    for (let i = 0; i < ZALO_RESIDENTS; i++) {
      const persona = ZaloPersona.create(t.zalo!, `Người Zalo ${i}`);
      residents.push({
        chatId: `z:${persona.chatId}`,
        optIn: i % 2 === 1,
        chooseLanguage: false,
        secondTip: i % 4 === 0,
        abandonAfter: i % 5 === 2,
        receipts: [],
        chooseVietnamese: () => Promise.resolve(),
        play: async ({ optIn, text }) => {
          await persona.say("Xin chào", /tin báo về ma túy/);
          await persona.say("1", /Bước 1\/6/);
          await persona.say("mua ban ma tuy", /Bước 2\/6/);
          await persona.say(`Khu phố ${1 + (i % 9)}`, /Bước 3\/6/);
          await persona.say("bo qua", /Bước 4\/6/);
          await persona.say("hom nay", /Bước 5\/6/);
          await persona.say(text, /Bước 6\/6/);
          await persona.say("bo qua", /Xem lại tin báo/);
          if (optIn) await choose(persona, "Nhận thông báo: Tắt", /Nhận thông báo: Bật/);
          const done = await choose(persona, "Gửi", /Mã biên nhận/);
          return /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(done?.text ?? "")![0];
        },
        abandon: async () => {
          await persona.say("Xin chào", /tin báo về ma túy/);
          await persona.say("1", /Bước 1\/6/);
        },
      });
    }

    // Interleaved in time: residents in a shuffled order, a few minutes apart; language choices,
    // second tips and walked-away flows come at their own moments, between other people's tips.
    const order = [...residents.keys()].sort((a, b) => ((a * 7919) % 97) - ((b * 7919) % 97));
    let n = 0;
    for (const index of order) {
      const r = residents[index]!;
      t.clock.advance((2 + (n++ % 5)) * MINUTE);
      if (r.chooseLanguage) await r.chooseVietnamese();
      t.clock.advance(MINUTE);
      r.receipts.push(await r.play({ optIn: r.optIn, text: `Có người bán ma túy ở đầu hẻm ${index}, tối nào cũng có xe ra vào` }));
    }
    for (const index of order) {
      const r = residents[index]!;
      t.clock.advance(3 * MINUTE);
      if (r.secondTip) r.receipts.push(await r.play({ optIn: !r.optIn, text: `Lại thấy giao hàng ở ngõ ${index} lúc tối` }));
      if (r.abandonAfter) await r.abandon();
    }
    // Every update wholly handled first (each private one holds its chat's turn to its end; Zalo is on, so turns are
    // taken): an update's tail (its flow's state written after its answer) is not the backup's business.
    await eventually(async () => expect(await t.app.db.chatTurn.count()).toBe(0), 10_000);
    // The backup is taken the next day: idle flows have been swept, the daily run has run.
    t.clock.advanceHours(26);
    await t.app.sweepIdleFlows();
    await t.app.purgeOldTips();
  }, 600_000);

  afterAll(async () => {
    await t?.stop();
  });

  it("finds no table whose rows a resident's keyed hash or opened values lead to, ordered like their tips", async () => {
    const db = t.app.db;
    const dump = await dumpDatabase(db, t.databaseUrl);
    expect(dump.unknownSealed).toEqual([]);

    // Ground truth, which only the test knows: each resident's tips and when they were filed.
    const tips = dump.tables.get("Tip")!;
    const createdAt = new Map(tips.map((tip) => [String(tip.id), orderings(tip).get("createdAt")!]));
    const tipsOf = new Map<string, string[]>();
    for (const r of residents) {
      const ids: string[] = [];
      for (const receipt of r.receipts) ids.push((await db.tip.findFirstOrThrow({ where: { receiptHash: await ATTACKER_KEYS.secrets.receiptHash(receipt) } })).id);
      tipsOf.set(r.chatId, ids);
    }
    expect(tips.length).toBe(residents.reduce((sum, r) => sum + r.receipts.length, 0));

    // The attacker recognises a resident's rows: a column holding their chat's keyed hash, or a value that opens to their chat id.
    const byKey = new Map(residents.map((r) => [ATTACKER_KEYS.secrets.chatKey(r.chatId), r.chatId]));
    const byChat = new Set(residents.map((r) => r.chatId));
    const linked = new Map<string, { chat: string; row: Row }[]>();
    for (const [table, rows] of dump.tables) {
      for (const row of rows) {
        const chat = Object.values(row)
          .map((v) => (typeof v === "string" ? (byKey.get(v) ?? (byChat.has(v) ? v : undefined)) : undefined))
          .find(Boolean);
        if (chat) linked.set(table, [...(linked.get(table) ?? []), { chat, row }]);
      }
    }
    for (const opened of dump.opened) {
      if (!byChat.has(opened.plaintext)) continue;
      const row = dump.tables.get(opened.table)!.find((r) => String(r.lookupKey ?? r.key ?? r.chatKey ?? r.id) === opened.row)!;
      linked.set(opened.table, [...(linked.get(opened.table) ?? []), { chat: opened.plaintext, row }]);
    }
    // What the test expects to find, so that it cannot pass by finding nothing.
    expect([...linked.keys()].sort()).toEqual(["ChatPreference", "NotificationTarget"]);
    expect(linked.get("NotificationTarget")!.length).toBeGreaterThanOrEqual(20);
    expect(linked.get("ChatPreference")!.length).toBeGreaterThanOrEqual(20);

    const findings: string[] = [];
    const allTipTimes = [...createdAt.entries()];
    for (const [table, rows] of linked) {
      const columns = new Set(rows.flatMap(({ row }) => [...orderings(row).keys()]));
      for (const column of columns) {
        const points = rows.map(({ chat, row }) => ({ chat, value: orderings(row).get(column) })).filter((p): p is { chat: string; value: number } => p.value !== undefined);
        if (points.length < 8) continue;
        // 1. Order: do the rows sort like their residents' first tips?
        const tau = kendallTauB(
          points.map((p) => p.value),
          points.map((p) => createdAt.get(tipsOf.get(p.chat)![0]!)!),
        );
        if (Math.abs(tau) > tauBound(points.length)) findings.push(`${table}.${column}: rows ordered like their tips (tau ${tau.toFixed(2)}, n ${points.length})`);
        // 2. Time: guess, for each row, the tip filed nearest its value; ties split the guess.
        let hits = 0;
        let chance = 0;
        for (const p of points) {
          const distances = allTipTimes.map(([id, time]) => ({ id, d: Math.abs(time - p.value) }));
          const best = Math.min(...distances.map((d) => d.d));
          const nearest = distances.filter((d) => d.d === best);
          const own = new Set(tipsOf.get(p.chat));
          hits += nearest.filter((d) => own.has(d.id)).length / nearest.length;
          chance += own.size / allTipTimes.length;
        }
        if (hits > chance + Math.max(3, 4 * Math.sqrt(chance))) findings.push(`${table}.${column}: nearest tip in time is the resident's own ${hits.toFixed(1)} times of ${points.length} (chance ${chance.toFixed(1)})`);
      }
    }
    expect(findings).toEqual([]);
  });

  it("leaves no flow state or offered choice of any resident once their flows are over", async () => {
    expect(await t.app.db.conversationState.count()).toBe(0);
    const keys = new Set(residents.map((r) => ATTACKER_KEYS.secrets.chatKey(r.chatId)));
    expect((await t.app.db.offeredChoice.findMany()).filter((o) => keys.has(o.chatKey))).toEqual([]);
  });
});

// Faults below the bot: the Bot API answering 500 and 429 and dropping
// connections in bursts at every step of a tip flow and during a check-in
// broadcast; and the database refusing a write (SQLite busy, disk full) at the
// moment a tip is sent. Nothing is lost, nothing is half-written, and the
// resident is told what to do.
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { eventually } from "../support/wait.js";
import { databaseKind } from "../support/database.js";

type Fault = (t: TestApp) => void;
const serverError: Fault = (t) => t.standIn.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
const dropped: Fault = (t) => t.standIn.dropNext("sendMessage");
const tooMany = (times: number): Fault => (t) => t.standIn.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }, times);
const badGatewayOnEdit: Fault = (t) => t.standIn.failNext("editMessageText", { error_code: 502, description: "Bad Gateway" });
const droppedAnswer: Fault = (t) => t.standIn.dropNext("answerCallbackQuery");

describe("Bot API faults in bursts", () => {
  let t: TestApp;
  let ward: Ward;
  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(() => t.stop());

  it("a tip flow whose every step meets 500s, a 429 and dropped connections still ends with one tip and one card", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Mạng", last_name: "Chập Chờn" });
    // Every step meets faults (auto-retry waits 3 s after a 5xx or a dropped connection, retry_after after a 429).
    const steps: [Fault[], () => Promise<unknown>][] = [
      [[serverError], () => resident.say("/tip", /Bước 1\/6/)],
      [[dropped, droppedAnswer], () => resident.tap("Mua bán", /Bước 2\/6/)],
      [[tooMany(3)], () => resident.tap("Khu phố 6", /Bước 3\/6/)],
      [[dropped], () => resident.say("gần trường học", /Bước 4\/6/)],
      [[badGatewayOnEdit, tooMany(1)], () => resident.tap("Hôm nay", /Bước 5\/6/)],
      [[serverError], () => resident.say("Có người bán thuốc lắc gần cổng trường", /Bước 6\/6/)],
      [[tooMany(2)], () => resident.tap("Bỏ qua", /Xem lại tin báo/)],
      [[dropped, droppedAnswer], () => resident.tap("📨 Gửi", /Mã biên nhận/)],
    ];
    for (const [faults, step] of steps) {
      for (const fault of faults) fault(t);
      await step();
    }
    expect(await t.app.services.db.tip.count()).toBe(1);
    const group = ward.group(ward.officer);
    await group.waitFor(/Tin báo #/, new Set(), 15_000);
    await eventually(() => expect(group.botMessages().filter((m) => /Tin báo #/.test(m.text ?? "")).length).toBe(1));
    // Every step's question reached the resident exactly once, however many attempts it took.
    for (const question of ["Bước 1/6", "Bước 2/6", "Bước 3/6", "Bước 4/6", "Bước 5/6", "Bước 6/6", "Mã biên nhận"]) {
      expect(resident.botMessages().filter((m) => (m.text ?? "").includes(question)).length, question).toBe(1);
    }
    // The faults really happened: dropped calls, and more attempts than messages.
    expect(t.standIn.callsTo("sendMessage").filter((c) => c.dropped).length).toBe(3);
    expect(t.standIn.callsTo("answerCallbackQuery").filter((c) => c.dropped).length).toBe(2);
  }, 60_000);
});

// SQLite only: its single writer lock and a trigger refusing the insert (PostgreSQL has neither failure mode here).
describe.runIf(databaseKind() === "sqlite")("database faults at the moment a tip is sent (SQLite)", () => {
  let t: TestApp;
  let file: string;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpWard(t);
  });
  afterAll(() => t.stop());

  const toReview = async (name: string) => {
    const resident = Persona.create(t.standIn, { first_name: name });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.tap("Không rõ", /Bước 3\/6/);
    await resident.say("⏭ Bỏ qua", /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say(`Nội dung của ${name}`, /Bước 6\/6/);
    await resident.tap("Bỏ qua", /Xem lại tin báo/);
    return resident;
  };

  it("the database is locked by another writer: told to press again, the draft is kept, then one tip", async () => {
    file = t.databaseUrl.replace(/^file:/, "");
    const resident = await toReview("Khóa");
    // The moment "Gửi" is answered (just before the tip is written), another process takes the
    // write lock and keeps it longer than the bot's busy timeout (5 s).
    const other = new BetterSqlite3(file);
    t.standIn.holdCalls("answerCallbackQuery", () => true, { ms: 300, times: 1, onHeld: () => other.exec("BEGIN EXCLUSIVE") });
    try {
      await resident.tap("📨 Gửi", /chưa gửi được tin báo do lỗi hệ thống.*bấm “📨 Gửi” để thử lại/s);
      expect(await t.app.services.db.tip.count()).toBe(0);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    // The same review, its buttons still there: "Gửi" again files it once, with what was written.
    const review = [...resident.botMessages()].reverse().find((m) => /Xem lại tin báo/.test(m.text ?? ""))!;
    expect(review.text).toContain("Nội dung của Khóa");
    expect(resident.buttons(review)).toContain("📨 Gửi");
    await resident.tap("📨 Gửi", /Mã biên nhận/);
    await eventually(async () => expect(await t.app.services.db.tip.count()).toBe(1));
  }, 30_000);

  it("the tip's write is refused (as on a full disk): told to press again, nothing half-written, then one tip", async () => {
    const before = await t.app.services.db.tip.count();
    const resident = await toReview("Đầy");
    // Only the tip's own insert fails, with SQLite's full-disk message; the rest of the bot keeps working.
    // (A real SQLITE_FULL via max_page_count also stalls Prisma's SQLite adapter: see docs/security.md.)
    await t.app.services.db.$executeRawUnsafe(`CREATE TRIGGER refuse_tip BEFORE INSERT ON "Tip" BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    try {
      await resident.tap("📨 Gửi", /chưa gửi được tin báo do lỗi hệ thống/);
      expect(await t.app.services.db.tip.count()).toBe(before);
      expect(await t.app.services.db.auditEntry.count({ where: { action: "tip.submitted" } })).toBe(before);
      expect(t.logs.lines.some((l) => /tip submission failed/.test(l))).toBe(true);
    } finally {
      await t.app.services.db.$executeRawUnsafe("DROP TRIGGER refuse_tip");
    }
    await resident.tap("📨 Gửi", /Mã biên nhận/);
    await eventually(async () => expect(await t.app.services.db.tip.count()).toBe(before + 1));
  }, 30_000);
});

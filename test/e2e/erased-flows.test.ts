// What a finished flow leaves in the database's own files. A flow's rows (its
// sealed state under the chat's keyed hash, the chat's turn, the choices offered
// on Zalo) live only while the flow runs (docs/security.md). A row deleted from a
// table must not live on beside it: in the file's free space or the write-ahead
// log on SQLite, in PostgreSQL's write-ahead log (which backups and replicas
// copy). Whoever seizes the server with every key could open such a copy, match
// its draft to the filed tip and its chat key to a person.
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { randomInt } from "node:crypto";
import { Persona } from "../support/persona.js";
import { databaseKind } from "../support/database.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { sendQuickTip, setUpWard } from "../support/scenario.js";
import { eventually } from "../support/wait.js";
import { ZaloPersona } from "../support/zalo-persona.js";

/** A chat id no other test file uses: the write-ahead log of PostgreSQL is shared by every database of the cluster. */
const uniqueId = () => 8_000_000_000 + randomInt(1_000_000_000);

interface Traces {
  /** The chats' keyed hashes. */
  keys: string[];
  /** The start of every sealed flow state seen stored while the flows ran. */
  sealed: string[];
}

/** Watches the chat's stored flow state while `walk` runs, keeping the start of each value seen. */
async function walkWatching(t: TestApp, key: string, traces: Traces, walk: () => Promise<void>): Promise<void> {
  traces.keys.push(key);
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const row = await t.app.services.db.conversationState.findUnique({ where: { key } });
      const start = row?.value.slice(0, 48);
      if (start && !traces.sealed.includes(start)) traces.sealed.push(start);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  try {
    await walk();
  } finally {
    watching = false;
    await watcher;
  }
}

/**
 * Three ways a flow ends: a tip filed on Telegram, one filed on Zalo (then a word outside any flow) when Zalo
 * is on, a flow walked away from and swept. After each, `expectGone` checks the files for what every flow so
 * far left.
 */
async function endFlowsThreeWays(t: TestApp, expectGone: (traces: Traces) => Promise<void> | void): Promise<void> {
  const traces: Traces = { keys: [], sealed: [] };
  const { secrets } = t.app.services;

  const filer = Persona.create(t.standIn, { id: uniqueId(), first_name: "Người gửi" });
  await walkWatching(t, secrets.chatKey(filer.chatId), traces, async () => {
    const receipt = await sendQuickTip(filer, { category: "Mua bán", quarter: "Khu phố 2", place: "hẻm 9 đường Lý Thường Kiệt", timing: "Hôm nay", description: "Có người bán hàng trắng ở hẻm 9 mỗi tối" });
    expect(receipt).not.toBeNull();
  });
  await flowRowsGone(t, traces);
  await expectGone(traces);

  const zaloFiler = t.zalo && ZaloPersona.create(t.zalo, "Người Zalo");
  if (zaloFiler) {
    await walkWatching(t, secrets.chatKey(`z:${zaloFiler.chatId}`), traces, async () => {
      await zaloFiler.say("/tip", /Bước 1\/6/);
      await zaloFiler.say("1", /Bước 2\/6/);
      await zaloFiler.say("Khu phố 3", /Bước 3\/6/);
      await zaloFiler.say("hẻm 21 Trần Phú", /Bước 4\/6/);
      await zaloFiler.say("hom nay", /Bước 5\/6/);
      await zaloFiler.say("Có người bán đá ở nhà trọ cuối hẻm 21", /Bước 6\/6/);
      await zaloFiler.say("bo qua", /Xem lại tin báo/);
      await zaloFiler.say("1", /Mã biên nhận của bạn/);
      // Outside any flow too: the update's turn is its only row.
      await zaloFiler.say("/help", /Hướng dẫn/, 20_000);
    });
    await flowRowsGone(t, traces);
    await expectGone(traces);
  }

  const walker = Persona.create(t.standIn, { id: uniqueId(), first_name: "Người bỏ dở" });
  await walkWatching(t, secrets.chatKey(walker.chatId), traces, async () => {
    await walker.say("/tip", /Bước 1\/6/);
    await walker.tap("Điểm tụ tập", /Bước 2\/6/);
    await walker.tap("Khu phố 1", /Bước 3\/6/);
    await walker.say("chợ cũ", /Bước 4\/6/);
  });
  // The flow's state is written just after its answer goes out: sweep two hours later until the sweep has seen that write.
  const walkerKey = secrets.chatKey(walker.chatId);
  await eventually(async () => {
    t.clock.advance(2 * 60 * 60_000);
    await t.app.sweepIdleFlows();
    expect(await t.app.services.db.conversationState.count({ where: { key: walkerKey } })).toBe(0);
  }, 10_000);
  await flowRowsGone(t, traces);
  expect(traces.sealed.length).toBeGreaterThan(6);
  await expectGone(traces);
}

/** The flows' rows are gone from the tables, and no turn is held (each private update holds its chat's turn to its end). */
async function flowRowsGone(t: TestApp, traces: Traces): Promise<void> {
  const { db } = t.app.services;
  await eventually(async () => {
    expect(await db.conversationState.count({ where: { key: { in: traces.keys } } })).toBe(0);
    expect(await db.chatTurn.count()).toBe(0);
    expect(await db.offeredChoice.count({ where: { chatKey: { in: traces.keys } } })).toBe(0);
  }, 10_000);
}

/** Which of `needles` occur in `bytes`. */
function found(bytes: Buffer, traces: Traces): string[] {
  return [...traces.keys, ...traces.sealed].filter((needle) => bytes.includes(Buffer.from(needle, "utf8")));
}

describe.skipIf(databaseKind() !== "sqlite")("a finished flow leaves no copy in SQLite's files", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
  });

  async function flowsEndLeavingNothing(zalo: boolean): Promise<void> {
    t = await startTestApp({ zalo });
    await setUpWard(t);
    const file = t.databaseUrl.slice("file:".length);
    const files = [file, `${file}-wal`, `${file}-journal`];
    // The log is emptied just after the rows go: look again for a while before calling what is there left.
    await endFlowsThreeWays(t, (traces) =>
      eventually(() => {
        const left = files.filter((f) => fs.existsSync(f)).flatMap((f) => found(fs.readFileSync(f), traces).map((needle) => `${f.slice(file.length) || "database file"}: ${needle}`));
        expect(left).toEqual([]);
      }, 5_000),
    );
  }

  // Telegram alone (long polling) takes no chat turns; with Zalo on, every private update takes one.
  it("neither the database file nor its write-ahead log holds a chat key or a sealed state once the flows end (Telegram alone)", () => flowsEndLeavingNothing(false));
  it("neither the database file nor its write-ahead log holds a chat key or a sealed state once the flows end (Telegram and Zalo)", () => flowsEndLeavingNothing(true));
});

describe.skipIf(databaseKind() !== "postgresql")("a finished flow leaves no copy in PostgreSQL's write-ahead log", () => {
  let t: TestApp | undefined;
  let dropSlot: (() => Promise<unknown>) | undefined;
  afterEach(async () => {
    await dropSlot?.();
    await t?.stop();
  });

  it("the log written while the flows ran holds no chat key", async () => {
    t = await startTestApp({ zalo: true });
    await setUpWard(t);
    const db = t.app.services.db;
    const [role] = await db.$queryRawUnsafe<{ rolsuper: boolean }[]>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
    // Reading the log's segments takes a superuser, as the test database's role is in CI and in the README's set-up.
    expect(role?.rolsuper, "TEST_DATABASE_URL's role must be a superuser to read pg_wal").toBe(true);
    const lsn = async () => (await db.$queryRawUnsafe<{ file: string; offset: number }[]>("SELECT file_name AS file, file_offset AS offset FROM pg_walfile_name_offset(pg_current_wal_lsn())"))[0]!;
    // A slot keeps the log from here on until it is dropped, so no checkpoint recycles a segment this test reads.
    const slot = `erased_flows_${randomInt(1_000_000_000)}`;
    await db.$executeRawUnsafe("SELECT pg_create_physical_replication_slot($1, true)", slot);
    dropSlot = () => db.$executeRawUnsafe("SELECT pg_drop_replication_slot($1)", slot);
    const from = await lsn();
    await endFlowsThreeWays(t, async (traces) => {
      const to = await lsn();
      // The segments from the first to the last, whole (16 MiB each): names are hexadecimal and sort in log order.
      const segments = (await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM pg_ls_waldir() WHERE name >= $1 AND name <= $2 ORDER BY name", from.file, to.file)).map((s) => s.name);
      expect(segments.length).toBeGreaterThan(0);
      const left: string[] = [];
      for (const name of segments) {
        const [segment] = await db.$queryRawUnsafe<{ bytes: Buffer }[]>("SELECT pg_read_binary_file('pg_wal/' || $1) AS bytes", name);
        left.push(...traces.keys.filter((key) => Buffer.from(segment!.bytes).includes(Buffer.from(key, "utf8"))).map((key) => `${name}: ${key}`));
      }
      expect(left).toEqual([]);
    });
  });
});

describe("a chat's turn left by an instance that died", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
  });

  it("is forgotten by the second sweep that finds it held by the same holder, and leaves no copy in SQLite's files", async () => {
    t = await startTestApp();
    const { db, secrets } = t.app.services;
    const left = secrets.chatKey(uniqueId());
    const moving = secrets.chatKey(uniqueId());
    // As a process killed mid-update leaves it; the other chat's turn is held by a new holder at each sweep (live).
    await db.chatTurn.create({ data: { key: left, holder: "died-mid-update" } });
    await db.chatTurn.create({ data: { key: moving, holder: "update-1" } });
    await t.app.sweepIdleFlows();
    expect((await db.chatTurn.findMany({ orderBy: { key: "asc" } })).map((turn) => turn.key).sort()).toEqual([left, moving].sort());
    await db.chatTurn.update({ where: { key: moving }, data: { holder: "update-2" } });
    await t.app.sweepIdleFlows();
    expect(await db.chatTurn.findMany()).toEqual([{ key: moving, holder: "update-2" }]);
    if (databaseKind() === "sqlite") {
      const file = t.databaseUrl.slice("file:".length);
      await eventually(() => {
        const copies = [file, `${file}-wal`].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(left, "utf8")));
        expect(copies).toEqual([]);
      });
    }
  });
});

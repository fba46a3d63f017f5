// A tip is filed once, even when the process dies between filing it and the
// receipt reaching the resident: the real bot process is killed with SIGKILL
// while each receipt is on its way, and after the restart each resident does
// what people do — press "Gửi" again, press "Hủy", or type /cancel to start
// over. Each is told the receipt of the tip already filed; none files twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { Secrets } from "../../src/services/secrets.js";
import { freshDatabaseUrl, startTestApp, TEST_PEPPER, telegramStandIn } from "../support/harness.js";
import { type Instance, startInstance } from "../support/instances.js";
import { Persona } from "../support/persona.js";
import { setUpWard } from "../support/scenario.js";
import { until } from "../support/wait.js";

const RECEIPT = /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/;

describe("exactly once across a kill -9 between filing a tip and its receipt", () => {
  const standIn = telegramStandIn();
  let databaseUrl: string;
  let db: Database;
  let instance: Instance | null = null;
  const env = () => ({ DATABASE_URL: databaseUrl, BOT_API_ROOT: standIn.url, FLOW_TIMEOUT_MINUTES: "60" });

  beforeAll(async () => {
    await standIn.start(0);
    databaseUrl = await freshDatabaseUrl();
    const seed = await startTestApp({ standIn, databaseUrl });
    await setUpWard(seed);
    await seed.stop();
    db = createDatabase(databaseUrl);
  }, 60_000);
  afterAll(async () => {
    if (instance?.child.exitCode === null) instance.child.kill("SIGKILL");
    await db?.$disconnect();
    await standIn.stop();
  });

  async function toReview(resident: Persona, n: number): Promise<void> {
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.tap(`Khu phố ${n}`, /Bước 3\/6/);
    await resident.say(`hẻm số ${n}`, /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say(`Tin báo số ${n}: có người bán hàng ở hẻm số ${n}`, /Bước 6\/6/);
    await resident.tap("Bỏ qua", /Xem lại tin báo/);
  }

  it("a resident who presses “Gửi” again, presses “Hủy” or types /cancel after the restart is told the receipt of the tip filed, and nothing is filed twice", async () => {
    instance = await startInstance("bot", env());
    const residents = [1, 2, 3].map((n) => Persona.create(standIn, { first_name: `Dân ${n}`, username: `once_resident_${n}` }));
    for (const [i, r] of residents.entries()) await toReview(r, i + 1);

    // Each receipt is held on its way; once all three are held (their tips filed), the process is killed.
    let held = 0;
    standIn.holdCalls("sendMessage", (p) => RECEIPT.test(String(p.text)), { ms: 30_000, times: 3, onHeld: () => void held++ });
    for (const r of residents) await r.tap("📨 Gửi");
    await until(() => held === 3, () => `${held} receipts held`, 20_000);
    const victim = instance;
    victim.child.kill("SIGKILL");
    await victim.exited;
    expect(await db.tip.count()).toBe(3);
    for (const r of residents) expect(r.botMessages().some((m) => RECEIPT.test(m.text ?? ""))).toBe(false);

    instance = await startInstance("bot", env());
    const [again, cancelButton, cancelCommand] = residents as [Persona, Persona, Persona];
    const receipts = [
      (await again.tap("📨 Gửi", /Mã biên nhận/)).message!.text!,
      (await cancelButton.tap("✖️ Hủy", /Mã biên nhận/)).message!.text!,
      (await cancelCommand.say("/cancel", /Mã biên nhận/))!.text!,
    ].map((text) => RECEIPT.exec(text)![0]);

    // Each receipt finds its own tip, which was filed once.
    expect(await db.tip.count()).toBe(3);
    const secrets = new Secrets(TEST_PEPPER);
    const tips = await Promise.all(receipts.map(async (receipt) => db.tip.findUnique({ where: { receiptHash: await secrets.receiptHash(receipt) } })));
    expect(new Set(tips.map((tip) => tip?.id)).size).toBe(3);
    expect(tips.every((tip) => tip !== null)).toBe(true);
    // The flows are over: starting again is a new tip, by choice.
    for (const r of residents) await r.say("/cancel", /Không có gì đang soạn/);
  }, 120_000);
});

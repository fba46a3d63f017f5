// The order of /agencies is the plan's order, however many callers set a
// ward's agencies up at once. The scheduler's deadline planning and an
// officer's /agencies (or a second instance) both create the defaults on first
// use; CI on PostgreSQL once numbered "Khu phố 1" before the Front, so
// /inviteagency 4 would have invited the wrong agency.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { DEFAULT_AGENCIES } from "../../src/domain/deadlines.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import type { ActiveMember } from "../../src/services/members.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";

const QUARTERS = Array.from({ length: 19 }, (_, i) => `Khu phố ${i + 1}`);
const PLAN_ORDER = [...DEFAULT_AGENCIES.filter((a) => a.kind !== "police").map((a) => a.name), ...QUARTERS];

describe("the agencies' order", () => {
  const clients: Database[] = [];
  const instances: Services[] = [];

  beforeEach(async () => {
    const url = await freshDatabaseUrl();
    const clock = new FakeClock();
    // Three clients of one database, as three instances (or a tick and a command) would hold.
    for (let i = 0; i < 3; i++) {
      const db = createDatabase(url);
      clients.push(db);
      instances.push(createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now }));
    }
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((db) => db.$disconnect()));
    instances.length = 0;
  });

  it("is the plan's, numbered once each, when several callers set a new ward up at the same moment", async () => {
    for (let round = 0; round < 6; round++) {
      const { wardId } = await instances[0]!.wards.ensureWard({ slug: `race-${round}`, name: `Phường ${round}`, timezone: "Asia/Ho_Chi_Minh", quarterNames: QUARTERS });
      await Promise.all(instances.map((s) => s.agencies.ensureDefaults(wardId)));
      const listed = await instances[1]!.agencies.list(wardId);
      expect(listed.map((a) => a.name)).toEqual(PLAN_ORDER);
      expect(new Set(listed.map((a) => a.position)).size).toBe(listed.length);
    }
  });

  it("puts a quarter added later with the quarters, and an agency an officer adds after them", async () => {
    const services = instances[0]!;
    const ward = await services.wards.ensureWard({ slug: "late", name: "Phường Sau", timezone: "Asia/Ho_Chi_Minh", quarterNames: QUARTERS.slice(0, 2) });
    await services.members.claimAdmin(ward.adminCode!, { telegramUserId: "1000", displayName: "Quản trị" });
    const admin = (await services.members.findActive(ward.wardId, "1000")) as ActiveMember;
    await services.agencies.add(admin, "Đoàn Thanh niên phường");
    // A quarter the operator adds to the database afterwards (no command does): ensureDefaults gives it its agency.
    await clients[0]!.quarter.create({ data: { wardId: ward.wardId, name: "Khu phố 3", position: 2 } });
    const names = (await services.agencies.list(ward.wardId)).map((a) => a.name);
    expect(names).toEqual([...PLAN_ORDER.slice(0, 4), "Khu phố 1", "Khu phố 2", "Khu phố 3", "Đoàn Thanh niên phường"]);
  });
});

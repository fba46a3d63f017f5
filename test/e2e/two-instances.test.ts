// Two bot processes on one database and one Bot API stand-in, behind a
// round-robin load balancer (webhook mode): a resident's tip flow hops between
// them, and when the instance running a check-in broadcast is killed with
// SIGKILL mid-way, the other takes the scheduler over and finishes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentOrNextWindow } from "../../src/domain/schedule.js";
import { scheduleOf } from "../../src/services/check-ins.js";
import { freshDatabaseUrl, startTestApp, telegramStandIn } from "../support/harness.js";
import { type Instance, instanceProblems, type LoadBalancer, startInstance, startLoadBalancer } from "../support/instances.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip } from "../support/scenario.js";
import { eventually, until } from "../support/wait.js";
import { createDatabase, type Database } from "../../src/db.js";

const HEADS = 150;
const SECRET = "two-instances-webhook-secret";

describe("two instances, one database", () => {
  const standIn = telegramStandIn();
  const instances: Instance[] = [];
  let lb: LoadBalancer;
  let db: Database;
  let headChats: Set<string>;

  beforeAll(async () => {
    await standIn.start(0);
    const databaseUrl = await freshDatabaseUrl();
    // The ward and its quarters, created by the app itself; then HEADS heads, one per quarter.
    const seed = await startTestApp({ standIn, databaseUrl, env: { WARD_QUARTER_COUNT: String(HEADS) } });
    await seed.stop();
    db = createDatabase(databaseUrl);
    const ward = await db.ward.findFirstOrThrow();
    const quarters = await db.quarter.findMany({ where: { wardId: ward.id }, orderBy: { position: "asc" } });
    headChats = new Set();
    for (const [i, q] of quarters.entries()) {
      // Heads joined through an invite earlier (Telegram answers 403 to anyone who never wrote to the bot).
      const user = standIn.createUser({ first_name: `Tổ trưởng ${i + 1}` }, { started: true });
      headChats.add(String(user.id));
      await db.quarterHead.create({ data: { wardId: ward.id, quarterId: q.id, telegramUserId: String(user.id), displayName: `Tổ trưởng ${i + 1}`, role: "head" } });
    }
    // This week's check-in opens now: the first tick of whichever instance leads will prompt everyone.
    const week = currentOrNextWindow(new Date(), scheduleOf(ward), ward.timezone).week;
    await db.scheduledJob.create({ data: { wardId: ward.id, key: `checkin.open:${ward.id}:${week}`, kind: "checkin.open", dueAt: new Date(), payload: JSON.stringify({ week }) } });

    lb = await startLoadBalancer(instances);
    const env = {
      DATABASE_URL: databaseUrl,
      BOT_API_ROOT: standIn.url,
      WEBHOOK_URL: `${lb.url}/telegram/hook`,
      WEBHOOK_SECRET: SECRET,
      WARD_QUARTER_COUNT: String(HEADS),
      JOB_TICK_SECONDS: "1",
      SCHEDULER_LEASE_SECONDS: "3",
      SEND_RATE_PER_SECOND: "30",
    };
    const [a, b] = await Promise.all([startInstance("A", env), startInstance("B", env)]);
    instances.push(a, b);
  }, 120_000);

  afterAll(async () => {
    for (const i of instances) if (i.child.exitCode === null) i.child.kill("SIGKILL");
    await lb?.close();
    await db?.$disconnect();
    await standIn.stop();
  });

  const problems = () => instanceProblems(instances);

  const promptsPerHead = () => {
    const counts = new Map<string, number>();
    for (const call of standIn.callsTo("sendMessage")) {
      const chat = String(call.params.chat_id);
      // Delivered only: a 403 or a dropped call reached nobody.
      if (call.status === 200 && headChats.has(chat) && String(call.params.text).includes("📋")) counts.set(chat, (counts.get(chat) ?? 0) + 1);
    }
    return counts;
  };

  it("a resident's tip flow continues on whichever instance gets the next update", async () => {
    const resident = Persona.create(standIn, { first_name: "Hai", last_name: "Máy" });
    const receipt = await sendQuickTip(resident, { category: "Mua bán", quarter: "Khu phố 3", place: "chợ", timing: "Hôm nay", description: "Bán lẻ ở chợ sáng sớm" });
    expect(receipt).toMatch(/^TB-/);
    expect(await db.tip.count()).toBe(1);
    // Round-robin: both instances answered steps of the same flow.
    const served = [lb.served.get("A") ?? 0, lb.served.get("B") ?? 0];
    expect(Math.min(...served), `served ${served.join(" / ")}`).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("kill -9 of the instance sending a broadcast: the other finishes it, nobody is missed", async () => {
    await until(() => [...promptsPerHead().values()].reduce((a, b) => a + b, 0) >= 40 || undefined, () => `the broadcast did not start; instances said:\n${problems()}`, 30_000);
    const lease = await db.lease.findUniqueOrThrow({ where: { name: "scheduler" } });
    const leader = instances.find((i) => lease.holder.includes(`:${i.child.pid}:`))!;
    const survivor = instances.find((i) => i !== leader)!;
    expect(leader).toBeDefined();
    // A random moment of the broadcast, not a chosen one.
    const delay = Math.floor(Math.random() * 500);
    await new Promise((r) => setTimeout(r, delay));
    const sentBeforeKill = [...promptsPerHead().values()].reduce((a, b) => a + b, 0);
    leader.child.kill("SIGKILL");
    await leader.exited;
    expect(sentBeforeKill, "killed before the broadcast ended").toBeLessThan(HEADS);

    await until(() => promptsPerHead().size === HEADS || undefined, () => `prompted ${promptsPerHead().size}/${HEADS}`, 60_000);
    await eventually(async () => expect(await db.scheduledJob.count({ where: { kind: "checkin.prompt", status: { in: ["pending", "running"] } } })).toBe(0), 10_000);
    const counts = [...promptsPerHead().values()];
    const duplicates = counts.filter((n) => n > 1).length;
    // Lost: none. Repeated: at most the one prompt in flight when the process died
    // (sent, but killed before it could be marked done) — sending is at-least-once.
    expect(counts).toHaveLength(HEADS);
    expect(duplicates, `kill after ${delay} ms, ${sentBeforeKill} sent before`).toBeLessThanOrEqual(1);
    expect(survivor.output()).toContain("took the scheduler over");
    expect((await db.lease.findUniqueOrThrow({ where: { name: "scheduler" } })).holder).toContain(`:${survivor.child.pid}:`);
  }, 90_000);

  it("after the kill, residents are still served by the survivor", async () => {
    const resident = Persona.create(standIn, { first_name: "Sau", last_name: "Sự Cố" });
    await resident.say("/start", /tin báo về ma túy/);
  }, 30_000);
});

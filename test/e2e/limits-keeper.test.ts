// The chat limits kept by one instance for all (app/limits-keeper.ts): two apps
// on one database, the first holding the scheduler lease. What the second
// counts lands with the first; the keeper's door opens only to the others'
// token and to well-formed questions; a keeper that does not answer leaves the
// asker counting alone, and says so without the chat's key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS_PATH, limitsToken } from "../../src/app/limits-keeper.js";
import { SCHEDULER_LEASE } from "../../src/app/scheduler.js";
import { startTestApp, type TestApp } from "../support/harness.js";

describe("the chat limits' keeper", () => {
  let keeper: TestApp;
  let other: TestApp;

  // Webhook mode (to an address nobody answers: no update is sent here), so two apps do not poll one bot.
  const env = { HTTP_PORT: "0", WEBHOOK_URL: "http://127.0.0.1:9/hook", WEBHOOK_SECRET: "limits-keeper-secret" };

  beforeAll(async () => {
    keeper = await startTestApp({ env });
    // Its first tick takes the scheduler lease, which names its HTTP server.
    await keeper.app.tick();
    other = await startTestApp({ standIn: keeper.standIn, databaseUrl: keeper.databaseUrl, clock: keeper.clock, logs: keeper.logs, env });
  }, 60_000);
  afterAll(async () => {
    await other?.stop();
    await keeper?.stop();
  });

  it("is the scheduler's holder, reached at its own HTTP server", async () => {
    const lease = await keeper.app.db.lease.findUniqueOrThrow({ where: { name: SCHEDULER_LEASE } });
    expect(lease.address).toBe(keeper.app.httpUrl);
  });

  it("counts what another instance counts: a chat locked out there is locked out everywhere", async () => {
    const key = other.app.services.secrets.chatKey(424242);
    for (let n = 0; n < 10; n++) {
      expect(await other.app.services.limits.blocked("receipt", key)).toBe(false);
      await other.app.services.limits.failed("receipt", key);
    }
    expect(await other.app.services.limits.blocked("receipt", key)).toBe(true);
    // Kept by the keeper: its own answer (no asking) says the same.
    expect(keeper.app.services.limits.answer({ op: "attempt-blocked", kind: "receipt", key })).toBe(true);
    expect(await keeper.app.services.limits.blocked("admin", key)).toBe(false);
  });

  it("answers only the other instances' token, and only well-formed questions", async () => {
    const url = `${keeper.app.httpUrl}${LIMITS_PATH}`;
    const body = JSON.stringify({ op: "tip-check", key: "k" });
    const ask = (headers: Record<string, string>, payload = body) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: payload });
    expect((await ask({})).status).toBe(401);
    expect((await ask({ authorization: "Bearer not-the-token" })).status).toBe(401);
    const authorization = `Bearer ${limitsToken(keeper.app.services)}`;
    expect((await ask({ authorization }, "{not json")).status).toBe(400);
    expect((await ask({ authorization }, JSON.stringify({ op: "reset-all", key: "k" }))).status).toBe(400);
    expect((await ask({ authorization }, JSON.stringify({ op: "tip-check", key: "" }))).status).toBe(400);
    const answer = await ask({ authorization });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ answer: "ok" });
    expect((await fetch(url)).status).toBe(405);
  });

  it("leaves the asker counting alone when the keeper does not answer, and the log names no chat", async () => {
    await keeper.app.db.lease.update({ where: { name: SCHEDULER_LEASE }, data: { address: "http://127.0.0.1:9" } });
    // A new chat, so the keeper's earlier counts play no part; the asker's lookup of the keeper is cached for a second.
    const key = other.app.services.secrets.chatKey(515151);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await other.app.services.limits.failed("admin", key);
    expect(keeper.logs.text).toContain("the instance keeping the chat limits did not answer; counted here alone");
    expect(keeper.logs.text).not.toContain(key);
    // Counted where it was asked.
    expect(other.app.services.limits.answer({ op: "attempt-blocked", kind: "admin", key })).toBe(false);
    for (let n = 0; n < 4; n++) await other.app.services.limits.failed("admin", key);
    expect(other.app.services.limits.answer({ op: "attempt-blocked", kind: "admin", key })).toBe(true);
    expect(keeper.app.services.limits.answer({ op: "attempt-blocked", kind: "admin", key })).toBe(false);
  });
});

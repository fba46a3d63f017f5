// The stand-in's webhook delivery, as Telegram's Bot API server does it: up to
// max_connections updates on their own connections at once (40 by default),
// one chat's messages one after another (the server's per-chat queues), a
// refused update retried while the others go on, and only an accepted one
// leaves the queue.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiStandIn } from "../src/dev/bot-api-stand-in/index.js";
import { until } from "./support/wait.js";

const TOKEN = "1:good";

interface Arrival {
  update: Update;
  res: ServerResponse;
  answered: boolean;
  aborted: boolean;
}

/**
 * A bot's webhook endpoint that holds every request until the test answers it,
 * and records what happened in order ("in 3", "out 3", "gone 3").
 */
class HoldingReceiver {
  readonly arrivals: Arrival[] = [];
  readonly log: string[] = [];
  maxHeld = 0;
  /** Answers at once instead of holding, when it returns a status. */
  answerAtOnce: (update: Update) => number | undefined = () => undefined;
  private server: Server | null = null;

  get held(): Arrival[] {
    return this.arrivals.filter((a) => !a.answered && !a.aborted);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    for (const arrival of this.held) arrival.res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  answer(arrival: Arrival, status = 200): void {
    arrival.answered = true;
    this.log.push(`out ${arrival.update.update_id}`);
    arrival.res.writeHead(status, { "content-type": "application/json" }).end("{}");
  }

  heldFor(updateId: number): Arrival | undefined {
    return this.held.find((a) => a.update.update_id === updateId);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const update = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update;
    const arrival: Arrival = { update, res, answered: false, aborted: false };
    this.arrivals.push(arrival);
    this.log.push(`in ${update.update_id}`);
    res.on("close", () => {
      if (arrival.answered) return;
      arrival.aborted = true;
      this.log.push(`gone ${update.update_id}`);
    });
    const status = this.answerAtOnce(update);
    if (status !== undefined) this.answer(arrival, status);
    this.maxHeld = Math.max(this.maxHeld, this.held.length);
  }
}

describe("Bot API stand-in: webhook delivery", () => {
  let standIn: BotApiStandIn;
  let bot: Bot;
  let receiver: HoldingReceiver;
  let hookUrl: string;

  async function call(method: string, body: Record<string, unknown> = {}) {
    const res = await fetch(`${standIn.url}/bot${TOKEN}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { ok: boolean; result?: unknown; error_code?: number; description?: string };
  }

  /** `n` residents, each writing once in their own private chat; returns the update ids in queue order. */
  function messagesFromDifferentChats(n: number): number[] {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const user = standIn.createUser({ first_name: `Dân ${i}` });
      standIn.sendText(user.id, user.id, `tin ${i}`);
      ids.push(...receivedIds(1));
    }
    return ids;
  }

  let queuedSoFar = 0;
  /** Ids of the last `n` updates queued (update ids count from 1). */
  function receivedIds(n: number): number[] {
    const ids = Array.from({ length: n }, (_, i) => queuedSoFar + 1 + i);
    queuedSoFar += n;
    return ids;
  }

  beforeEach(async () => {
    standIn = new BotApiStandIn({ token: TOKEN });
    await standIn.start();
    bot = new Bot(TOKEN, { client: { apiRoot: standIn.apiRoot } });
    receiver = new HoldingReceiver();
    hookUrl = await receiver.start();
    queuedSoFar = 0;
  });

  afterEach(async () => {
    await standIn.stop();
    await receiver.stop();
  });

  /** Answers held requests oldest first, one at a time, until `total` updates were accepted. */
  async function answerAll(total: number, whenHeld: (accepted: number) => number): Promise<void> {
    for (let accepted = 0; accepted < total; accepted++) {
      const wanted = whenHeld(accepted);
      await until(
        () => receiver.held.length >= wanted,
        () => `${wanted} requests held expected, ${receiver.held.length} held (${receiver.log.join(", ")})`,
      );
      receiver.answer(receiver.held[0]!);
    }
    await until(
      () => standIn.webhookStats().pending === 0,
      () => `all accepted, yet ${standIn.webhookStats().pending} still queued`,
    );
  }

  it("delivers up to 40 updates at once by default, each on its own connection, and no more", async () => {
    const ids = messagesFromDifferentChats(45);
    await bot.api.setWebhook(hookUrl);
    // While 45 are queued, 40 are held at once; each answer lets exactly one more in.
    await answerAll(45, (accepted) => Math.min(40, 45 - accepted));
    expect(receiver.maxHeld).toBe(40);
    expect(receiver.arrivals.map((a) => a.update.update_id).sort((a, b) => a - b)).toEqual(ids);
    expect(standIn.webhookStats()).toMatchObject({ delivered: 45, failedAttempts: 0 });
  });

  it("with max_connections 1 delivers one at a time, in order", async () => {
    const ids = messagesFromDifferentChats(5);
    await bot.api.setWebhook(hookUrl, { max_connections: 1 });
    await answerAll(5, () => 1);
    expect(receiver.maxHeld).toBe(1);
    expect(receiver.log).toEqual(ids.flatMap((id) => [`in ${id}`, `out ${id}`]));
  });

  it("with max_connections 3 holds three at once", async () => {
    messagesFromDifferentChats(7);
    await bot.api.setWebhook(hookUrl, { max_connections: 3 });
    await answerAll(7, (accepted) => Math.min(3, 7 - accepted));
    expect(receiver.maxHeld).toBe(3);
  });

  it("sends one chat's messages one after another while other chats go on", async () => {
    const lan = standIn.createUser({ first_name: "Lan" });
    const minh = standIn.createUser({ first_name: "Minh" });
    standIn.sendText(lan.id, lan.id, "một");
    standIn.sendText(lan.id, lan.id, "hai");
    standIn.sendText(minh.id, minh.id, "ba");
    const [lanFirst, lanSecond, minhFirst] = receivedIds(3) as [number, number, number];
    await bot.api.setWebhook(hookUrl);
    // Minh's message, queued after Lan's second, is held beside Lan's first.
    await until(
      () => receiver.heldFor(lanFirst) && receiver.heldFor(minhFirst),
      () => `Lan's first and Minh's held expected (${receiver.log.join(", ")})`,
    );
    receiver.answer(receiver.heldFor(minhFirst)!);
    receiver.answer(receiver.heldFor(lanFirst)!);
    await until(
      () => receiver.heldFor(lanSecond),
      () => `Lan's second expected once her first was answered (${receiver.log.join(", ")})`,
    );
    expect(receiver.log.indexOf(`in ${lanSecond}`)).toBeGreaterThan(receiver.log.indexOf(`out ${lanFirst}`));
    receiver.answer(receiver.heldFor(lanSecond)!);
    await until(
      () => standIn.webhookStats().pending === 0,
      () => "all accepted",
    );
  });

  it("sends a button press beside a message of the same person (Telegram queues presses apart from messages)", async () => {
    const lan = standIn.createUser({ first_name: "Lan" }, { started: true });
    const card = await bot.api.sendMessage(lan.id, "Chọn", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
    standIn.sendText(lan.id, lan.id, "tin");
    standIn.pressButton(lan.id, lan.id, card.message_id, "a");
    const [message, press] = receivedIds(2) as [number, number];
    await bot.api.setWebhook(hookUrl);
    await until(
      () => receiver.heldFor(message) && receiver.heldFor(press),
      () => `the message and the press held at once expected (${receiver.log.join(", ")})`,
    );
    for (const arrival of receiver.held) receiver.answer(arrival);
  });

  it("retries a refused update with back-off while the others go on, and keeps it queued until accepted", async () => {
    let refuse = true;
    const ids = messagesFromDifferentChats(4);
    const [refused, ...others] = ids as [number, ...number[]];
    receiver.answerAtOnce = (update) => (update.update_id === refused ? (refuse ? 500 : 200) : 200);
    await bot.api.setWebhook(hookUrl, { max_connections: 1 });
    await until(
      () => receiver.arrivals.filter((a) => a.update.update_id === refused).length >= 3 && others.every((id) => receiver.arrivals.some((a) => a.update.update_id === id)),
      () => `the others delivered while the refused one is retried (${receiver.log.join(", ")})`,
    );
    expect(standIn.webhookStats()).toMatchObject({ pending: 1, delivered: 3, lastError: "HTTP 500" });
    expect((await bot.api.getWebhookInfo()).last_error_message).toBe("HTTP 500");
    refuse = false;
    await until(
      () => standIn.webhookStats().pending === 0,
      () => `the refused one accepted at last (${receiver.log.join(", ")})`,
    );
    expect(receiver.log.filter((entry) => entry === `in ${refused}`).length).toBeGreaterThanOrEqual(4);
  });

  it("deleting the webhook cuts every delivery in flight and leaves their updates for getUpdates", async () => {
    const ids = messagesFromDifferentChats(3);
    await bot.api.setWebhook(hookUrl);
    await until(
      () => receiver.held.length === 3,
      () => `3 held expected (${receiver.log.join(", ")})`,
    );
    await bot.api.deleteWebhook();
    await until(
      () => receiver.arrivals.every((a) => a.aborted),
      () => `every held request cut (${receiver.log.join(", ")})`,
    );
    expect((await bot.api.getUpdates()).map((u) => u.update_id)).toEqual(ids);
  });

  it("reports max_connections in getWebhookInfo, 40 unless set", async () => {
    expect((await bot.api.getWebhookInfo()).max_connections).toBeUndefined();
    await bot.api.setWebhook(hookUrl);
    expect(await bot.api.getWebhookInfo()).toMatchObject({ url: hookUrl, max_connections: 40, pending_update_count: 0 });
    await bot.api.setWebhook(hookUrl, { max_connections: 7 });
    expect((await bot.api.getWebhookInfo()).max_connections).toBe(7);
    await bot.api.deleteWebhook();
    expect((await bot.api.getWebhookInfo()).max_connections).toBeUndefined();
  });

  it("takes max_connections out of 1–100 as Telegram's server does: clamped, not refused", async () => {
    for (const [given, kept] of [
      [0, 1],
      [-5, 1],
      [101, 100],
      [100_000, 100],
      ["12", 12],
      ["many", 1],
    ] as const) {
      expect(await call("setWebhook", { url: hookUrl, max_connections: given })).toMatchObject({ ok: true, result: true });
      expect((await bot.api.getWebhookInfo()).max_connections, `max_connections ${given}`).toBe(kept);
    }
  });
});

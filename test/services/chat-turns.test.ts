// One chat's turn across instances (services/chat-turns.ts): three clients of
// one database, as three instances behind a load balancer would hold, each
// handling an update of the same chat at the same moment.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { ChatTurns } from "../../src/services/chat-turns.js";
import { freshDatabaseUrl } from "../support/harness.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("a chat's turn across instances", () => {
  const clients: Database[] = [];

  beforeEach(async () => {
    const url = await freshDatabaseUrl();
    for (let i = 0; i < 3; i++) clients.push(createDatabase(url));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((db) => db.$disconnect()));
  });

  it("lets one update of a chat run at a time, whichever instance has it: no step is lost", async () => {
    const turns = clients.map((db) => new ChatTurns(db, { pollMs: 5 }));
    // What a flow does with its state: read it, work a little, write it back.
    const state = { photos: [] as number[] };
    let inHand = 0;
    let mostInHand = 0;
    const addPhoto = async (n: number) => {
      inHand++;
      mostInHand = Math.max(mostInHand, inHand);
      const read = [...state.photos];
      await tick();
      state.photos = [...read, n];
      inHand--;
    };
    await Promise.all(Array.from({ length: 12 }, (_, n) => turns[n % 3]!.run("chat-a", () => addPhoto(n))));
    expect(mostInHand).toBe(1);
    expect([...state.photos].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n));
    expect(await clients[0]!.chatTurn.count()).toBe(0);
  });

  it("does not hold up other chats", async () => {
    const [a, b] = clients.map((db) => new ChatTurns(db, { pollMs: 5 }));
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = a!.run("chat-a", async () => {
      firstStarted();
      await firstHeld;
    });
    await started;
    // Another chat's update runs to its end while chat-a's turn is held.
    await b!.run("chat-b", () => Promise.resolve());
    releaseFirst();
    await first;
  });

  it("gives the turn back when the update fails", async () => {
    const turns = new ChatTurns(clients[0]!, { pollMs: 5 });
    await expect(turns.run("chat-a", () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(await clients[0]!.chatTurn.count()).toBe(0);
    await expect(turns.run("chat-a", () => Promise.resolve("next"))).resolves.toBe("next");
  });

  it("holds nothing but the chat's keyed hash and a random holder: no time", async () => {
    const turns = new ChatTurns(clients[0]!, { pollMs: 5 });
    const row = await turns.run("chat-a", () => clients[1]!.chatTurn.findUniqueOrThrow({ where: { key: "chat-a" } }));
    expect(Object.keys(row).sort()).toEqual(["holder", "key"]);
    expect(row.holder).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("takes over a turn whose holder died, only after watching it for the turn's limit", async () => {
    // A process killed mid-update leaves its row.
    await clients[0]!.chatTurn.create({ data: { key: "chat-a", holder: "dead-instance" } });
    let takeovers = 0;
    const turns = new ChatTurns(clients[1]!, { pollMs: 5, staleAfterMs: 300, onTakeover: () => takeovers++ });
    const waitingSince = performance.now();
    const ranAt = await turns.run("chat-a", () => Promise.resolve(performance.now()));
    expect(ranAt - waitingSince).toBeGreaterThanOrEqual(300);
    expect(takeovers).toBe(1);
    expect(await clients[0]!.chatTurn.count()).toBe(0);
  });

  it("does not take over a turn that keeps changing hands", async () => {
    // Busy, not dead: each holder is new, so the waiter's watch starts again, and it waits its turn.
    const busy = new ChatTurns(clients[0]!, { pollMs: 1 });
    const waiter = new ChatTurns(clients[1]!, { pollMs: 5, staleAfterMs: 2_000, onTakeover: () => expect.fail("took over a live turn") });
    let turnsTaken = 0;
    let first!: () => void;
    const started = new Promise<void>((resolve) => (first = resolve));
    const churn = (async () => {
      for (let i = 0; i < 30; i++) {
        await busy.run("chat-a", async () => {
          first();
          await tick();
        });
        turnsTaken++;
      }
    })();
    await started;
    await waiter.run("chat-a", () => Promise.resolve());
    await churn;
    expect(turnsTaken).toBe(30);
  });
});

// `npx tsx bench/stand-in-polling.ts`: how quickly the Bot API stand-in answers a
// waiting long poll, when an update arrives and when the stand-in stops. The
// tests check only that it answers (with the update; with [] on stop); these
// timings were once asserted there (< 2 s, < 1 s) and belong here instead.
import os from "node:os";
import { BotApiStandIn } from "../src/dev/bot-api-stand-in/index.js";

const TOKEN = "123456:bench";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

const out = (line = "") => process.stdout.write(`${line}\n`);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const row = (name: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  out(`| ${name} | ${sorted.length} | ${quantile(sorted, 0.5).toFixed(2)} ms | ${quantile(sorted, 0.99).toFixed(2)} ms | ${sorted.at(-1)!.toFixed(2)} ms |`);
};

/** Resolves once the stand-in has taken a getUpdates call beyond the first `count`. */
async function pollArrived(standIn: BotApiStandIn, count: number): Promise<void> {
  while (standIn.callsTo("getUpdates").length <= count) await new Promise((r) => setImmediate(r));
}

async function updateWhilePolling(): Promise<number[]> {
  const standIn = new BotApiStandIn({ token: TOKEN });
  await standIn.start(0);
  const user = standIn.createUser({ first_name: "Bench" });
  const samples: number[] = [];
  let offset = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const before = standIn.callsTo("getUpdates").length;
    const poll = fetch(`${standIn.url}/bot${TOKEN}/getUpdates?timeout=20&offset=${offset}`).then((r) => r.json() as Promise<{ result: { update_id: number }[] }>);
    await pollArrived(standIn, before);
    const sent = performance.now();
    standIn.sendText(user.id, user.id, `update ${i}`);
    const { result } = await poll;
    samples.push(performance.now() - sent);
    if (result.length !== 1) throw new Error(`round ${i}: ${result.length} updates`);
    offset = result[0]!.update_id + 1;
  }
  await standIn.stop();
  return samples;
}

async function stopWhilePolling(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < Math.min(ROUNDS, 50); i++) {
    const standIn = new BotApiStandIn({ token: TOKEN });
    await standIn.start(0);
    const poll = fetch(`${standIn.url}/bot${TOKEN}/getUpdates?timeout=30`).then((r) => r.json() as Promise<{ result: unknown[] }>);
    await pollArrived(standIn, 0);
    const started = performance.now();
    await standIn.stop();
    const { result } = await poll;
    samples.push(performance.now() - started);
    if (result.length !== 0) throw new Error(`round ${i}: ${result.length} updates on stop`);
  }
  return samples;
}

out(`${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.versions.node}`);
out("\nBot API stand-in, a waiting getUpdates answered (loopback, one client)");
out("| when | rounds | p50 | p99 | max |");
out("|---|---|---|---|---|");
row("an update arrives (send → poll answered)", await updateWhilePolling());
row("the stand-in stops (stop() → poll answered with [])", await stopWhilePolling());

// The outbox of scheduled work. Planning writes rows with idempotency keys;
// running claims each due row once (an atomic status change), so a restart or
// a second instance neither loses nor repeats work.
import type { Database } from "../db.js";
import type { Clock } from "./clock.js";
import { isUniqueViolation } from "./write-races.js";

export type JobKind = "checkin.open" | "checkin.prompt" | "checkin.remind" | "checkin.close" | "checkin.urgent" | "tip.claim_timer" | "tip.card_part" | "deadline.remind" | "deadline.notify" | "deadline.board" | "report.auto" | "tipster.notify";

export interface JobRow {
  id: string;
  wardId: string;
  key: string;
  kind: string;
  payload: string;
  attempts: number;
}

export interface NewJob {
  wardId: string;
  /** Idempotency key: a job is planned once per key. */
  key: string;
  kind: JobKind;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

export type JobHandler = (job: JobRow, payload: Record<string, unknown>) => Promise<void>;

const MAX_ATTEMPTS = 5;
const STALE_AFTER_MS = 10 * 60_000;

export class JobService {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly onError: (err: unknown, job: JobRow) => void = () => undefined,
  ) {}

  register(kind: JobKind, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Many at once (a ward's ladders, a week's prompts): two queries a chunk instead of two a job. */
  async scheduleMany(jobs: NewJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 500) {
      const chunk = jobs.slice(i, i + 500);
      const existing = await this.db.scheduledJob.findMany({ where: { key: { in: chunk.map((j) => j.key) } }, select: { key: true } });
      const known = new Set(existing.map((r) => r.key));
      const fresh = chunk.filter((j) => !known.has(j.key));
      if (fresh.length === 0) continue;
      try {
        await this.db.scheduledJob.createMany({
          data: fresh.map((j) => ({ wardId: j.wardId, key: j.key, kind: j.kind, dueAt: j.dueAt, payload: JSON.stringify(j.payload ?? {}) })),
        });
      } catch (err) {
        // Someone planned some of them meanwhile: fall back to one by one, which skips those.
        if (!isUniqueViolation(err)) throw err;
        for (const job of fresh) await this.schedule(job);
      }
    }
  }

  /** Records work to do; a second call with the same key changes nothing. */
  async schedule(job: NewJob): Promise<void> {
    if (await this.db.scheduledJob.findUnique({ where: { key: job.key }, select: { id: true } })) return;
    try {
      await this.db.scheduledJob.create({
        data: { wardId: job.wardId, key: job.key, kind: job.kind, dueAt: job.dueAt, payload: JSON.stringify(job.payload ?? {}) },
      });
    } catch (err) {
      // Two ticks planning the same job at once: the unique key already did its work.
      if (!isUniqueViolation(err)) throw err;
    }
  }

  /**
   * Gives back every job left "running": called by an instance that just took
   * the scheduler over from one that stopped renewing (crashed or killed).
   */
  async releaseRunning(): Promise<number> {
    const { count } = await this.db.scheduledJob.updateMany({ where: { status: "running" }, data: { status: "pending" } });
    return count;
  }

  /**
   * Runs every due job once; returns how many ran. `stillLeading` is asked
   * before each claim: an instance that lost the scheduler lease stops.
   */
  async runDue(limit = Number.POSITIVE_INFINITY, stillLeading: () => Promise<boolean> = () => Promise.resolve(true)): Promise<number> {
    const now = this.clock();
    // A worker that died mid-job leaves it "running": give it back after a while.
    await this.db.scheduledJob.updateMany({
      where: { status: "running", claimedAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
      data: { status: "pending" },
    });
    let ran = 0;
    for (;;) {
      // Jobs scheduled by the jobs just run (prompts after an opening) are due now too.
      const due = await this.db.scheduledJob.findMany({
        where: { status: "pending", dueAt: { lte: this.clock() } },
        orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
        take: 50,
      });
      if (due.length === 0 || ran >= limit) return ran;
      for (const job of due) {
        if (!(await stillLeading())) return ran;
        const claimedAt = this.clock();
        const claimed = await this.db.scheduledJob.updateMany({
          where: { id: job.id, status: "pending" },
          data: { status: "running", claimedAt, attempts: { increment: 1 } },
        });
        if (claimed.count !== 1) continue;
        ran++;
        await this.execute({ ...job, attempts: job.attempts + 1 }, claimedAt);
      }
    }
  }

  private async execute(job: JobRow, now: Date): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job, JSON.parse(job.payload) as Record<string, unknown>);
      await this.db.scheduledJob.update({ where: { id: job.id }, data: { status: "done", doneAt: this.clock(), lastError: null } });
    } catch (err) {
      this.onError(err, job);
      const failed = job.attempts >= MAX_ATTEMPTS;
      await this.db.scheduledJob.update({
        where: { id: job.id },
        data: {
          status: failed ? "failed" : "pending",
          lastError: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500),
          // Back off: 1, 2, 4, 8 minutes.
          dueAt: new Date(now.getTime() + 60_000 * 2 ** (job.attempts - 1)),
        },
      });
    }
  }

  counts() {
    return this.db.scheduledJob.groupBy({ by: ["kind", "status"], _count: true });
  }
}

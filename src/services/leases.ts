// A named lease in the database: one instance at a time holds it (the
// scheduler uses it so that bulk sends keep one pace and jobs run on one
// instance). The holder renews it; once it stops (crash, kill -9, network
// loss) it expires and another instance takes over. Clocks of the instances
// must agree to well under the lease time (NTP does).
import crypto from "node:crypto";
import os from "node:os";
import type { Database } from "../db.js";
import type { Clock } from "./clock.js";
import { isUniqueViolation } from "./write-races.js";

export interface LeaseState {
  held: boolean;
  /** Taken from another holder whose lease had expired: its half-done work must be picked up. */
  tookOver: boolean;
}

export class LeaseService {
  /** This process: host, pid and a random part, so a restarted process is a new holder. */
  readonly holder = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;

  /** Where other instances reach this one; written with every lease it holds. */
  private address: string | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Set once this instance's HTTP server is listening (or INSTANCE_URL names it). */
  advertise(address: string | null): void {
    this.address = address;
  }

  async acquire(name: string, ttlMs: number): Promise<LeaseState> {
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + ttlMs);
    const address = this.address;
    const renewed = await this.db.lease.updateMany({ where: { name, holder: this.holder }, data: { expiresAt, address } });
    if (renewed.count === 1) return { held: true, tookOver: false };
    const taken = await this.db.lease.updateMany({ where: { name, expiresAt: { lt: now } }, data: { holder: this.holder, expiresAt, address } });
    if (taken.count === 1) return { held: true, tookOver: true };
    try {
      await this.db.lease.create({ data: { name, holder: this.holder, expiresAt, address } });
      return { held: true, tookOver: false };
    } catch (err) {
      if (isUniqueViolation(err)) return { held: false, tookOver: false };
      throw err;
    }
  }

  /** Who holds a lease now: null when nobody does, or it has run out. */
  async holderOf(name: string): Promise<{ self: boolean; address: string | null } | null> {
    const lease = await this.db.lease.findUnique({ where: { name } });
    if (!lease || lease.expiresAt.getTime() < this.clock().getTime()) return null;
    return { self: lease.holder === this.holder, address: lease.address };
  }

  /** Gives the lease up at once (a clean stop), so another instance need not wait for it to expire. */
  async release(name: string): Promise<void> {
    await this.db.lease.deleteMany({ where: { name, holder: this.holder } });
  }
}

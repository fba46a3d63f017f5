// Two processes writing the same new row at once (two instances, or one that
// took the scheduler over from a slow one): what the loser sees, and how to
// carry on without failing the work.

const codeOf = (err: unknown): string | undefined => (err as { code?: unknown } | null)?.code as string | undefined;

/** A unique index refused the row: someone wrote the same key first. */
export function isUniqueViolation(err: unknown): boolean {
  return codeOf(err) === "P2002";
}

/**
 * Runs an upsert again when it lost a race. Prisma runs an upsert on a
 * compound key as find-then-create, so the loser gets a unique violation
 * (PostgreSQL) or, on SQLite, a busy error (P1008) because its read went
 * stale. Once the winner committed, the same upsert finds the row.
 * Not for writes inside a transaction: PostgreSQL aborts the transaction.
 */
export async function upsertRacing<T>(upsert: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await upsert();
    } catch (err) {
      const lostRace = isUniqueViolation(err) || codeOf(err) === "P1008";
      if (!lostRace || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
  }
}

// Re-seals every sealed column under the keyring's current key: after a new
// key is put first in TIP_KEYS (old ones kept behind it), and once to seal rows
// written before encryption existed. Safe to run again or to interrupt: each
// row is rewritten on its own, and rows already under the current key are skipped.
import type { Database } from "../db.js";
import { type Keyring, SEALED } from "./keyring.js";

const PAGE = 500;

type Row = { id: string } & Record<string, string | null>;

export interface RotationResult {
  keyId: string;
  /** Rows rewritten, per table. */
  resealed: Record<string, number>;
}

export async function rotateDataKeys(db: Database, keyring: Keyring, onProgress?: (table: string, resealed: number) => void): Promise<RotationResult> {
  const resealed: Record<string, number> = {};

  async function walk(
    table: string,
    columns: Record<string, string>,
    page: (after: string | null) => Promise<Row[]>,
    update: (id: string, data: Record<string, string>) => Promise<unknown>,
  ): Promise<void> {
    let count = 0;
    let after: string | null = null;
    for (;;) {
      const rows = await page(after);
      for (const row of rows) {
        const data: Record<string, string> = {};
        for (const [column, purpose] of Object.entries(columns)) {
          const stored = row[column];
          if (stored !== null && stored !== undefined && keyring.isStale(stored)) data[column] = keyring.seal(purpose, keyring.open(purpose, stored));
        }
        if (Object.keys(data).length > 0) {
          await update(row.id, data);
          count++;
        }
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
      onProgress?.(table, count);
    }
    resealed[table] = count;
    onProgress?.(table, count);
  }

  const cursor = (after: string | null) => ({ orderBy: { id: "asc" as const }, take: PAGE, ...(after ? { cursor: { id: after }, skip: 1 } : {}) });

  await walk(
    "Tip",
    { description: SEALED.description, placeText: SEALED.place, location: SEALED.location },
    (after) => db.tip.findMany({ select: { id: true, description: true, placeText: true, location: true }, ...cursor(after) }),
    (id, data) => db.tip.update({ where: { id }, data }),
  );
  await walk(
    "TipPhoto",
    { fileId: SEALED.photo },
    (after) => db.tipPhoto.findMany({ select: { id: true, fileId: true }, ...cursor(after) }),
    (id, data) => db.tipPhoto.update({ where: { id }, data }),
  );
  await walk(
    "TipAddendum",
    { text: SEALED.addendumText, photoFileIds: SEALED.addendumPhotos },
    (after) => db.tipAddendum.findMany({ select: { id: true, text: true, photoFileIds: true }, ...cursor(after) }),
    (id, data) => db.tipAddendum.update({ where: { id }, data }),
  );
  await walk(
    "TipQuestion",
    { question: SEALED.question, answer: SEALED.answer },
    (after) => db.tipQuestion.findMany({ select: { id: true, question: true, answer: true }, ...cursor(after) }),
    (id, data) => db.tipQuestion.update({ where: { id }, data }),
  );
  await walk(
    "ConversationState",
    { value: SEALED.flow },
    async (after) =>
      (
        await db.conversationState.findMany({
          select: { key: true, value: true },
          orderBy: { key: "asc" },
          take: PAGE,
          ...(after ? { cursor: { key: after }, skip: 1 } : {}),
        })
      ).map((r) => ({ id: r.key, value: r.value })),
    // A flow that moved on meanwhile was written under the current key already: leave it.
    (key, data) => db.conversationState.updateMany({ where: { key, value: { not: { startsWith: `v1.${keyring.currentId}.` } } }, data }),
  );
  // Kept two days only, but a key may go sooner: a Zalo chat's typed answer must still read.
  const offeredId = (r: { chatKey: string; messageId: string }) => `${r.chatKey}\u0000${r.messageId}`;
  const offeredKey = (id: string) => {
    const [chatKey = "", messageId = ""] = id.split("\u0000");
    return { chatKey, messageId };
  };
  await walk(
    "OfferedChoice",
    { choices: SEALED.offeredChoices },
    async (after) =>
      (
        await db.offeredChoice.findMany({
          select: { chatKey: true, messageId: true, choices: true },
          orderBy: [{ chatKey: "asc" }, { messageId: "asc" }],
          take: PAGE,
          ...(after ? { cursor: { chatKey_messageId: offeredKey(after) }, skip: 1 } : {}),
        })
      ).map((r) => ({ id: offeredId(r), choices: r.choices })),
    (id, data) => db.offeredChoice.updateMany({ where: { ...offeredKey(id), choices: { not: { startsWith: `v1.${keyring.currentId}.` } } }, data }),
  );
  return { keyId: keyring.currentId, resealed };
}

// Row ids the code chooses before inserting, where a sealed value binds its
// row (keyring.ts). Random, unlike cuid: they tell nothing of when or in
// which order rows were written.
import { randomBytes } from "node:crypto";

/** 25 characters of base 36 (about 124 bits), the length and alphabet of the cuids the database makes. */
export function newRowId(): string {
  const n = BigInt(`0x${randomBytes(16).toString("hex")}`);
  return `r${n.toString(36).padStart(25, "0").slice(-24)}`;
}

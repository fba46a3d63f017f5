import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PROMISE_MUTATIONS } from "../promises/catalog.js";

/** The first cell of each row of docs/security.md's promise table. */
function promiseRows(): string[] {
  const lines = fs.readFileSync("docs/security.md", "utf8").split("\n");
  const start = lines.indexOf("## Promises and the tests that prove them");
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("## ")) break;
    if (!line.startsWith("| ") || line.startsWith("| promise |")) continue;
    rows.push(line.slice(2).split(" | ")[0]!);
  }
  return rows;
}

// The mutations themselves run by hand (`npm run test:promises`, about half an
// hour); this keeps the list true to the table and the code on every run.
describe("each promise of docs/security.md has a mutation its test must catch", () => {
  const rows = promiseRows();

  it("the table is found", () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  it.each(rows)("%s", (row) => {
    expect(PROMISE_MUTATIONS.filter((mutation) => row.startsWith(mutation.promise)).length).toBeGreaterThan(0);
  });

  it.each(PROMISE_MUTATIONS.map((mutation) => [mutation.breaks, mutation] as const))(
    "%s: still applies to the code and names a real row and test",
    (_breaks, mutation) => {
      expect(rows.filter((row) => row.startsWith(mutation.promise))).toHaveLength(1);
      const code = fs.readFileSync(mutation.file, "utf8");
      expect(code.split(mutation.find).length - 1).toBe(1);
      expect(mutation.replace).not.toBe(mutation.find);
      const test = fs.readFileSync(mutation.test, "utf8");
      if (mutation.name) expect(test).toContain(mutation.name);
    },
  );
});

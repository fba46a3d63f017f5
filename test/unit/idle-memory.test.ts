// What keeps the production process's idle memory low (docs/benchmarks.md):
// the libraries only some requests need are loaded by those requests, never at
// start, and both Prisma clients use the small build of the query compiler.
// A static import of one of them, or a generator without the option, fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOADED_ON_DEMAND = ["sharp", "@resvg/resvg-js", "exceljs", "docx"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("idle memory", () => {
  it("loads pictures, charts and report files' libraries only when a request needs them", () => {
    const eager: string[] = [];
    const eagerModules = ["report-workbook", "report-docx"];
    for (const file of sourceFiles(path.join(ROOT, "src"))) {
      const text = fs.readFileSync(file, "utf8");
      // Static value imports (a type-only import loads nothing).
      for (const match of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)";/gms)) {
        const name = match[1]!;
        const relative = path.relative(ROOT, file);
        if (LOADED_ON_DEMAND.includes(name) && !eagerModules.some((m) => relative.endsWith(`${m}.ts`))) eager.push(`${relative}: ${name}`);
        if (eagerModules.some((m) => name.endsWith(`/${m}.js`))) eager.push(`${relative}: ${name}`);
      }
    }
    expect(eager).toEqual([]);
  });

  it("builds both Prisma clients with the small query compiler", () => {
    for (const database of ["sqlite", "postgresql"]) {
      const schema = fs.readFileSync(path.join(ROOT, "prisma", database, "datasource.prisma"), "utf8");
      expect(schema, database).toMatch(/^\s*compilerBuild\s*=\s*"small"/m);
    }
  });
});

// The production command lines (Dockerfile CMD, the systemd unit's ExecStart,
// `npm start` and `npm run start:built`) give node the same heap flags, which the
// memory benches measure (bench/shipped-command.ts reads them from those files)
// and the docs name. test/e2e/process.test.ts runs each of these command lines.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commandLine, dockerCmd, nodeCommand, npmScript, readShipped, shippedBotCommand, systemdExecStart } from "../../bench/shipped-command.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("what production runs", () => {
  const shipped = readShipped(root);

  it("every start gives node the same flags, and they cap V8's old space", () => {
    const flags = shipped.docker.flags;
    expect(flags.some((f) => /^--max-old-space-size=\d+$/.test(f)), flags.join(" ")).toBe(true);
    expect(shipped.systemd.flags).toEqual(flags);
    expect(shipped.npmStart.flags).toEqual(flags);
    expect(shipped.npmStartBuilt.flags).toEqual(flags);
  });

  it("the image, the unit and start:built run dist/start.js; npm start runs src/start.ts through tsx", () => {
    expect(shipped.docker.script).toEqual(["dist/start.js"]);
    expect(shipped.systemd.script).toEqual(["dist/start.js"]);
    expect(shipped.npmStartBuilt.script).toEqual(["dist/start.js"]);
    expect(shipped.npmStart).toMatchObject({ imports: ["tsx"], script: ["src/start.ts"] });
    expect([shipped.docker, shipped.systemd, shipped.npmStartBuilt].map((c) => c.imports)).toEqual([[], [], []]);
  });

  it("the deployment guide and the README name the flags as shipped", () => {
    const flags = shipped.docker.flags.join(" ");
    expect(fs.readFileSync(path.join(root, "docs/deploy.md"), "utf8")).toContain(flags);
    expect(fs.readFileSync(path.join(root, "README.md"), "utf8")).toContain(flags);
  });

  it("the memory benches measure the image's command line unless told other flags", () => {
    expect(shippedBotCommand(undefined, root)).toEqual({ flags: shipped.docker.flags, script: ["dist/start.js"], overridden: false });
    expect(shippedBotCommand("", root)).toEqual({ flags: [], script: ["dist/start.js"], overridden: true });
    expect(shippedBotCommand(" --max-old-space-size=160  --expose-gc ", root).flags).toEqual(["--max-old-space-size=160", "--expose-gc"]);
  });
});

describe("reading the command lines", () => {
  it("takes the last stage's CMD, exec form only", () => {
    const dockerfile = 'FROM a AS build\nCMD ["node", "build.js"]\nFROM b\nENTRYPOINT ["tini", "--"]\nCMD ["node", \\\n  "--max-old-space-size=256", "dist/start.js"]\n';
    expect(dockerCmd(dockerfile)).toEqual(["node", "--max-old-space-size=256", "dist/start.js"]);
    expect(() => dockerCmd("FROM b\nCMD node dist/start.js\n")).toThrow();
    expect(() => dockerCmd('FROM a\nCMD ["node"]\nFROM b\n')).toThrow(/no CMD/);
  });

  it("splits ExecStart and npm scripts; a script with shell syntax is refused", () => {
    expect(systemdExecStart("[Service]\nExecStart=/usr/bin/node --x=1 dist/start.js\n")).toEqual(["/usr/bin/node", "--x=1", "dist/start.js"]);
    const pkg = JSON.stringify({ scripts: { a: "exec node --x=1 --import tsx src/start.ts", b: "node a.js && node b.js" } });
    expect(npmScript(pkg, "a")).toEqual(["node", "--x=1", "--import", "tsx", "src/start.ts"]);
    expect(() => npmScript(pkg, "b")).toThrow(/plain command line/);
    expect(() => npmScript(pkg, "c")).toThrow(/no script c/);
  });

  it("separates node's flags, its --import modules and the script", () => {
    expect(nodeCommand(["/usr/bin/node", "--a=1", "--import", "tsx", "--import=x", "--b", "src/start.ts", "--c"])).toEqual({
      node: "/usr/bin/node",
      flags: ["--a=1", "--b"],
      imports: ["tsx", "x"],
      script: ["src/start.ts", "--c"],
    });
    expect(() => nodeCommand(["npm", "start"])).toThrow(/not a node command line/);
  });

  it("prints a command line as a shell would take it", () => {
    expect(commandLine(["node", "--max-old-space-size=256", "dist/start.js"])).toBe("node --max-old-space-size=256 dist/start.js");
    expect(commandLine(["node", "--import", "data:text/javascript,a b'c"])).toBe(`node --import 'data:text/javascript,a b'\\''c'`);
  });
});

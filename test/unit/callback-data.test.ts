// Every kind of inline button is defined once (src/bot/callback-data): its data
// round-trips, fits Telegram's 64 bytes, belongs to one kind only, and no code
// under src/ builds or matches callback data any other way.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { AUDIENCES, BUTTON_KINDS, CALLBACK_DATA_MAX_BYTES, cardButtons, checkInFlowButtons, quarterStatusButton, tipListButton } from "../../src/bot/callback-data/index.js";

const kinds = Object.entries(BUTTON_KINDS);
const encoded = kinds.flatMap(([name, kind]) => kind.examples.map((args) => ({ name, args, data: kind.encode(args) })));

describe("button kinds", () => {
  it.each(kinds)("%s has examples, a known audience and a prefix of its own", (name, kind) => {
    expect(kind.examples.length).toBeGreaterThan(0);
    expect(Object.keys(AUDIENCES)).toContain(kind.audience);
    expect(kinds.filter(([, other]) => other.prefix === kind.prefix).map(([n]) => n)).toEqual([name]);
  });

  it.each(encoded)("$name $data round-trips, fits 64 bytes and matches its pattern", ({ name, args, data }) => {
    const kind = BUTTON_KINDS[name]!;
    expect(kind.parse(data)).toEqual(args);
    expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(kind.pattern.test(data)).toBe(true);
  });

  it.each(encoded)("$name $data is parsed by no other kind", ({ name, data }) => {
    const others = kinds.filter(([other, kind]) => other !== name && kind.parse(data) !== null).map(([other]) => other);
    expect(others).toEqual([]);
  });

  it("refuses forged or malformed data", () => {
    const id = "cmi8x2k0a0001qz3h5v7b9d1f";
    for (const data of ["c:claim", "c:claim:", `c:claim:${id}:x`, `c:claim:${id} `, "c:claim:a/b", `c:p:${id}:critical`, `c:x:${id}:duplicate`, "c:close:confirmed:x"]) {
      expect(Object.values(cardButtons).map((k) => k.parse(data))).toEqual(Object.values(cardButtons).map(() => null));
    }
    for (const n of ["-1", "1e9", "", "0x10", "100000", "3:4"]) expect(checkInFlowButtons.count.parse(`c2:n:${n}`)).toBeNull();
    expect(tipListButton.parse("tl:0:all:0:all:")).toBeNull();
    expect(tipListButton.parse("tl: 1:all:0:all")).toBeNull();
    expect(quarterStatusButton.parse("qs:5:drug_free:2026111")).toBeNull();
  });

  it("reads buttons sent before their date was added, and refuses to build data over 64 bytes", () => {
    expect(quarterStatusButton.parse("qs:5:building")).toEqual({ quarter: 5, status: "building" });
    expect(() => cardButtons.duplicate.encode({ tipId: "x".repeat(40), originalId: "y".repeat(40) })).toThrow(RangeError);
  });
});

// ---- No callback data outside the registry -----------------------------------

const SOURCE_ROOT = path.resolve(import.meta.dirname, "../../src");
const REGISTRY = path.join(SOURCE_ROOT, "bot/callback-data");
const prefixes = kinds.map(([, kind]) => kind.prefix);
/** What callback data looks like: a short lowercase word and ':' (not a URL's "https://"). */
const DATA_SHAPED = /^[a-z][a-z0-9]{0,5}:(?!\/)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === REGISTRY || entry.name === "generated" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Places in one source file that build or match callback data without the registry. */
export function callbackDataOutsideRegistry(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(SOURCE_ROOT, fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const isEncodeCall = (node: ts.Node) => ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "encode";
  const looksLikeData = (literal: string) => DATA_SHAPED.test(literal) || prefixes.some((p) => (p.includes(":") && literal === p) || literal.startsWith(`${p}:`));
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (looksLikeData(node.text)) found.push(`${where(node)} literal "${node.text}"`);
    } else if (ts.isTemplateExpression(node)) {
      if (looksLikeData(node.head.text)) found.push(`${where(node)} template \`${node.head.text}…\``);
    } else if (ts.isRegularExpressionLiteral(node)) {
      if (/^\/\^[a-z][a-z0-9]{0,5}(:|\\:|\()/.test(node.text)) found.push(`${where(node)} pattern ${node.text}`);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first, second] = node.arguments;
      // InlineKeyboard.text(label, data): the data comes from a kind's encode().
      if (method === "text" && second && !isEncodeCall(second)) found.push(`${where(node)} .text(…, ${second.getText(source)})`);
      if (method === "callbackQuery" && first && (ts.isStringLiteralLike(first) || ts.isRegularExpressionLiteral(first) || ts.isArrayLiteralExpression(first))) {
        found.push(`${where(node)} callbackQuery(${first.getText(source)})`);
      }
    } else if (ts.isPropertyAssignment(node) && node.name.getText(source) === "callback_data" && !isEncodeCall(node.initializer)) {
      found.push(`${where(node)} callback_data: ${node.initializer.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("callback data is built only by the registry", () => {
  it("the scanner finds each way around it", () => {
    const file = path.join(SOURCE_ROOT, "bot/features/example.ts");
    const offending = [
      'kb.text(t("btn-cancel"), "t:cancel");',
      "kb.text(label, `c:claim:${id}`);",
      "kb.text(label, someData);",
      "feature.callbackQuery(/^lang:(\\w+)$/, handler);",
      'feature.callbackQuery("menu:status", handler);',
      'if (data === "c2:skip") skip();',
      "const data = `qs:${n}:${s}`;",
      "send({ reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'f:add' }]] } });",
    ];
    for (const line of offending) expect(callbackDataOutsideRegistry(file, line), line).not.toEqual([]);
    const fine = ['kb.text(t("btn-cancel"), cancelButton.encode());', "feature.callbackQuery(languageButton.pattern, handler);", 'const link = "https://t.me/bot";', 'const kb = new Keyboard().text("Bỏ qua");'];
    for (const line of fine) expect(callbackDataOutsideRegistry(file, line), line).toEqual([]);
  });

  it("finds none in src/bot outside its callback-data", () => {
    const files = sourceFiles(path.join(SOURCE_ROOT, "bot"));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((file) => callbackDataOutsideRegistry(file, readFileSync(file, "utf8")))).toEqual([]);
  });
});

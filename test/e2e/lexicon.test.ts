// The ward's own words: an officer teaches the bot a street word for drugs from
// the police group, and the next tip that uses it (typed with or without marks)
// is ranked higher on its card than the same tip filed before. Residents and
// bystanders cannot touch the list; the admin takes a word off and tips go back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Persona } from "../support/persona.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { dumpDatabase } from "../support/sealed-rows.js";
import { until } from "../support/wait.js";

const RANK = ["low", "normal", "high", "urgent"];

describe("a ward's own slang word raises the next tip's priority", () => {
  let t: TestApp;
  let ward: Ward;
  let resident: Persona;
  let beforePriority = "";

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    resident = Persona.create(t.standIn, { first_name: "Cư", last_name: "Dân", username: "resident_lexicon" });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Files a tip and returns its stored row and the text of its card in the police group. */
  const fileTip = async (description: string) => {
    const earlier = new Set((await t.app.services.db.tip.findMany({ select: { id: true } })).map((r) => r.id));
    expect(await sendQuickTip(resident, { category: "Dấu hiệu khác", quarter: "Khu phố 5", place: null, timing: "Kéo dài, thường xuyên", description })).not.toBeNull();
    const fresh = (await t.app.services.db.tip.findMany()).filter((r) => !earlier.has(r.id));
    expect(fresh).toHaveLength(1);
    const tip = fresh[0]!;
    const card = await until(
      () => ward.group(ward.officer).botMessages().find((m) => (m.text ?? "").includes(`Tin báo #${tip.reference}`)),
      () => `no card for #${tip.reference}`,
    );
    return { priority: tip.priority, reasons: JSON.parse(tip.triageReasons) as string[], card: card.text ?? "" };
  };

  it("ranks a tip higher once an officer has added the word it uses, with or without marks", async () => {
    const before = await fileTip("có người chơi kẹo bay trong phòng trọ số 5");
    expect(before.card).toContain(`Mức độ: ${priorityLabel(before.priority)}`);

    // Only staff may teach the bot: a bystander in the group and a resident in private are refused.
    await ward.group(ward.bystander).say("/tukhoa them matuy kẹo bay", /Chỉ cán bộ công an phường đã đăng ký/);
    await resident.say("/tukhoa", /Chỉ cán bộ công an phường đã đăng ký/);
    await ward.group(ward.officer).say("/tukhoa them gibberish kẹo bay", /Thêm: \/tukhoa them LOẠI/);
    expect(await t.app.services.db.wardTerm.count()).toBe(0);

    await ward.group(ward.officer).say("/tukhoa them matuy Kẹo Bay", /Đã thêm “keo bay” \(Ma túy\)/);
    const listed = await ward.group(ward.officer).say("/tukhoa", /Từ khóa riêng của phường/);
    expect(listed?.text).toContain("Ma túy: keo bay");
    expect(listed?.text).toContain("Danh sách từ có sẵn của bot vẫn dùng như mặc định");

    const sameTip = await fileTip("có người chơi kẹo bay trong phòng trọ số 5");
    const unmarked = await fileTip("co nguoi choi keo bay trong phong tro so 5");
    for (const after of [sameTip, unmarked]) {
      expect(RANK.indexOf(after.priority)).toBeGreaterThan(RANK.indexOf(before.priority));
      expect(after.reasons).toContain("ward_terms");
      expect(after.card).toContain(`Mức độ: ${priorityLabel(after.priority)}`);
      expect(after.card).not.toContain(`Mức độ: ${priorityLabel(before.priority)}`);
    }
    expect(before.reasons).not.toContain("ward_terms");
    beforePriority = before.priority;

    const audit = await t.app.services.db.auditEntry.findMany({ where: { action: "lexicon.term_added" } });
    expect(audit.map((a) => [a.tipId, JSON.parse(a.detail ?? "{}") as unknown])).toEqual([[null, { phrase: "keo bay", kind: "drug" }]]);

    // Nothing beside a tip names the word: only the ward's list and the audit row of its adding (no tip) hold it.
    const dump = await dumpDatabase(t.app.db, t.databaseUrl);
    const holding = [...dump.tables].flatMap(([table, rows]) =>
      rows.filter((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)).includes("keo bay")).map((row) => `${table} ${typeof row.action === "string" ? row.action : ""}`.trim()),
    );
    expect(holding.sort()).toEqual(["AuditEntry lexicon.term_added", "WardTerm"]);
  });

  it("lets the admin take the word off in private, and the next tip is ranked as before", async () => {
    await ward.admin.say("/tukhoa xoa kẹo bay", /Đã xóa “keo bay”/);
    const again = await fileTip("có người chơi kẹo bay trong phòng trọ số 5");
    expect(again.reasons).not.toContain("ward_terms");
    expect(again.priority).toBe(beforePriority);
    expect(again.card).toContain(`Mức độ: ${priorityLabel(beforePriority)}`);
    expect(await t.app.services.db.auditEntry.count({ where: { action: "lexicon.term_removed" } })).toBe(1);
  });
});

function priorityLabel(priority: string): string {
  return { urgent: "Khẩn cấp", high: "Cao", normal: "Bình thường", low: "Thấp" }[priority] ?? priority;
}

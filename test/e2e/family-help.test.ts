// "Giúp người thân": a worried family member opens the path from the welcome
// (or /giupnguoithan, /family), reads every topic and comes back, and nothing
// about them is written anywhere: every table holds exactly the rows it held
// before (only the exactly-once record of update ids grows), and the identity
// scans find them nowhere but their own chat. "Gửi tin báo" there starts the
// normal tip flow; on Zalo the whole guide comes at once, keeping nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanForIdentity, scanForNeedles } from "../support/anonymity.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { dumpDatabase } from "../support/sealed-rows.js";
import { eventually } from "../support/wait.js";
import { ZaloPersona } from "../support/zalo-persona.js";

const HOTLINE = "0256 3822 113";

/** Each topic's button and a phrase its page says. */
const TOPICS: [string, RegExp][] = [
  ["Cai nghiện tại nhà, cộng đồng", /Cai nghiện tự nguyện tại gia đình, cộng đồng/],
  ["Xác định tình trạng nghiện", /trạm y tế phường/],
  ["Điều trị Methadone", /Methadone không dùng cho nghiện ma túy đá/],
  ["Trợ giúp pháp lý miễn phí", /Trung tâm trợ giúp pháp lý nhà nước/],
  ["Nói chuyện với con", /Đừng la mắng/],
  ["Liên hệ công an phường", new RegExp(HOTLINE)],
];
const LIST = /Bấm một mục bên dưới/;

/** Every table's rows, but the exactly-once record of update ids (one per update, whoever sent it) and the scheduler's lease. */
async function tablesOf(t: TestApp): Promise<Map<string, string>> {
  // A chat's turn (Zalo) is held until its update is done, a moment after the answer arrives: not something kept.
  await eventually(async () => expect(await t.app.db.chatTurn.count()).toBe(0), 10_000);
  const dump = await dumpDatabase(t.app.db, t.databaseUrl);
  const tables = new Map<string, string>();
  for (const [name, rows] of dump.tables) {
    if (name === "ProcessedUpdate" || name === "Lease") continue;
    tables.set(name, JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
  }
  return tables;
}

describe("Giúp người thân on Telegram", () => {
  let t: TestApp;
  let ward: Ward;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    await ward.admin.say(`/lienhephuong sdt ${HOTLINE}`, /Đã lưu/);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("walks every topic and back, and writes nothing about the reader", async () => {
    const before = await tablesOf(t);
    const counts = (tables: Map<string, string>) => Object.fromEntries([...tables].map(([name, rows]) => [name, (JSON.parse(rows) as unknown[]).length]));
    const resident = Persona.create(t.standIn, { first_name: "Bà Năm", last_name: "Lo Cho Con", username: "worried_mother_5" });

    const welcome = await resident.say("/start", /tin báo về ma túy/);
    expect(resident.buttons(welcome!)).toContain("👪 Giúp người thân");
    const intro = await resident.tap("Giúp người thân", LIST);
    expect(intro.message?.text).toContain("Bot không lưu gì về người xem");
    for (const [label, page] of TOPICS) {
      const shown = await resident.tap(label, page);
      // Short lines, readable on a phone.
      for (const line of (shown.message?.text ?? "").split("\n")) expect(line.length, line).toBeLessThanOrEqual(110);
      expect(resident.buttons(shown.message!)).toEqual(["↩️ Các mục khác", "🛡 Gửi tin báo ẩn danh"]);
      await resident.tap("Các mục khác", LIST);
    }
    // The same page pressed twice is left as it is.
    await resident.tap("Nói chuyện với con", /Đừng la mắng/);
    const again = await resident.tap("Các mục khác", LIST);
    await resident.press(again.message!.message_id, "menu:family:list");
    await resident.say("/giupnguoithan", LIST);
    await resident.say("/family", LIST);
    expect(resident.lastBotText()).not.toContain("Xin lỗi");

    const after = await tablesOf(t);
    expect(counts(after)).toEqual(counts(before));
    for (const [name, rows] of after) expect(rows, `table ${name} changed`).toBe(before.get(name));
    const updates = (await dumpDatabase(t.app.db, t.databaseUrl)).tables.get("ProcessedUpdate") ?? [];
    expect(new Set(updates.flatMap((row) => Object.keys(row).filter((k) => !k.startsWith("__"))))).toEqual(new Set(["updateId", "handledAt"]));
    expect(await scanForIdentity(t, resident, { exceptChats: [resident.chatId] })).toEqual([]);
  });

  it("starts the normal tip flow from “Gửi tin báo”, and only then", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Ông Sáu", username: "worried_father_6" });
    await resident.say("/giupnguoithan", LIST);
    await resident.tap("Điều trị Methadone", /Methadone/);
    expect(await t.app.services.db.conversationState.count()).toBe(0);
    await resident.tap("Gửi tin báo ẩn danh", /Bước 1\/6/);
    await resident.say("/huy", /Đã hủy/);
    expect(await t.app.services.db.tip.count()).toBe(0);
  });
});

describe("a ward's own family-help pages", () => {
  let t: TestApp;
  let ward: Ward;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("are written by the ward's admin alone, shown instead of the national text, audited, and reset", async () => {
    const own = "• Cơ sở điều trị Methadone của phường: 15 Lê Lợi.\n• Mở sáng thứ 2 đến thứ 7, <không cần hẹn>.";
    await ward.officer.say(`/trangnguoithan methadone\n${own}`, /Chỉ quản trị viên của phường/);
    await ward.admin.say("/trangnguoithan methadone ngắn", /từ 10 đến 1\.200 ký tự/);
    await ward.admin.say("/trangnguoithan thoitiet trời đẹp lắm nhé", /MỤC: cainghien/);
    expect(await t.app.services.db.wardFamilyPage.count()).toBe(0);

    await ward.admin.say(`/trangnguoithan methadone\n${own}`, /Đã lưu/);
    const listed = await ward.admin.say("/trangnguoithan", /Các trang “Giúp người thân” của phường/);
    expect(listed?.text).toContain("Điều trị Methadone: riêng của phường");
    expect(listed?.text).toContain("Nói chuyện với con: nội dung chung");

    const resident = Persona.create(t.standIn, { first_name: "Cô Ba", username: "worried_aunt_3" });
    await resident.say("/giupnguoithan", LIST);
    const page = await resident.tap("Điều trị Methadone", /15 Lê Lợi/);
    expect(page.message?.text).toContain("<không cần hẹn>");
    expect(page.message?.text).not.toContain("Methadone không dùng cho nghiện ma túy đá");
    await resident.tap("Các mục khác", LIST);
    await resident.tap("Nói chuyện với con", /Đừng la mắng/);

    const audit = await t.app.services.db.auditEntry.findMany({ where: { action: { in: ["ward.family_page_set", "ward.family_page_reset"] } } });
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([{ topic: "methadone", text: own }]);

    await ward.admin.say("/trangnguoithan methadone xoá", /dùng lại nội dung chung/);
    await resident.tap("Các mục khác", LIST);
    await resident.tap("Điều trị Methadone", /Methadone không dùng cho nghiện ma túy đá/);
    expect(await t.app.services.db.wardFamilyPage.count()).toBe(0);
    expect(await t.app.services.db.auditEntry.count({ where: { action: "ward.family_page_reset" } })).toBe(1);
  });
});

describe("Giúp người thân on Zalo", () => {
  let t: TestApp;
  let ward: Ward;

  beforeAll(async () => {
    t = await startTestApp({ zalo: true });
    ward = await setUpWard(t);
    await ward.admin.say(`/lienhephuong sdt ${HOTLINE}`, /Đã lưu/);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("sends the whole guide at once under the welcome's choices, keeping nothing", async () => {
    const before = await tablesOf(t);
    const resident = ZaloPersona.create(t.zalo!, "Bà Bảy Lo Lắng");
    const welcome = await resident.say("Xin chào", /tin báo về ma túy/);
    expect(welcome?.text).toMatch(/3\. 👪 Giúp người thân/);
    const guide = await resident.say("3", /Giúp người thân/);
    for (const [, page] of TOPICS) expect(guide?.text).toMatch(page);
    expect(guide?.text).not.toMatch(/<b>|&amp;/);
    // The guide's choices are the welcome's: "1" still starts a tip, with nothing kept in between.
    await resident.say("/giupnguoithan", /Trung tâm trợ giúp pháp lý/);
    const after = await tablesOf(t);
    for (const [name, rows] of after) expect(rows, `table ${name} changed`).toBe(before.get(name));
    await resident.say("1", /Bước 1\/6/);
    await resident.say("/huy", /Đã hủy/);
    expect(await scanForNeedles(t, [resident.chatId, "Bà Bảy Lo Lắng"], { exceptChats: [], exceptZaloChats: [resident.chatId] })).toEqual([]);
  });
});

// Taking a ward over (issue 15, item 6). The first-admin code is printed once,
// when the ward is created, and expires (ADMIN_CODE_TTL_HOURS, 24 h); a new one
// comes only from the server (`npm run admin-code`) or a super-admin's
// /wardcode, never from a restart. Moving a ward's police group to another
// group needs the ward admin, a confirmation, and tells the old group.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rebindButtons } from "../../src/bot/callback-data/index.js";
import { type BotApiStandIn } from "../../src/dev/bot-api-stand-in/index.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, LogCapture, startTestApp, TEST_NOTIFY_KEY, TEST_PEPPER, TEST_TIP_KEYS, type TestApp, telegramStandIn } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

const run = promisify(execFile);
const CODE = /ADM(?:-[2-9A-Z]{4}){3}/;

describe("the first-admin code", () => {
  const running: TestApp[] = [];
  const standIns: BotApiStandIn[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.stop();
    for (const s of standIns.splice(0)) await s.stop();
  });
  async function start(options: Parameters<typeof startTestApp>[0] = {}) {
    const t = await startTestApp(options);
    running.push(t);
    return t;
  }

  it("is printed when the ward is created, and not again at the next start", async () => {
    const standIn = telegramStandIn();
    await standIn.start(0);
    standIns.push(standIn);
    const databaseUrl = await freshDatabaseUrl();
    const clock = new FakeClock();
    const first = await start({ standIn, databaseUrl, clock });
    expect(first.logs.text).toMatch(/One-time admin code for quy-nhon-dong: ADM-/);
    expect(first.app.adminCode).toMatch(CODE);
    await first.stop();
    running.splice(0);

    const logs = new LogCapture();
    const second = await start({ standIn, databaseUrl, clock, logs });
    expect(second.app.adminCode).toBeNull();
    expect(logs.text).not.toMatch(CODE);
    // The operator is told how to get one, without one being printed.
    expect(logs.text).toMatch(/quy-nhon-dong has no admin yet.*npm run admin-code quy-nhon-dong/);
    // The first start's code still works within its day.
    const admin = Persona.create(standIn, { first_name: "Quản", last_name: "Trị" });
    await admin.say(`/admin ${first.app.adminCode}`, /quản trị viên của Phường Quy Nhơn Đông/);
  });

  it("expires after ADMIN_CODE_TTL_HOURS", async () => {
    const t = await start({ env: { ADMIN_CODE_TTL_HOURS: "24" } });
    t.clock.advanceHours(24);
    t.clock.advance(60_000);
    const late = Persona.create(t.standIn, { first_name: "Muộn" });
    await late.say(`/admin ${t.adminCode}`, /Mã này đã hết hạn/);
    expect(await t.app.services.db.member.count()).toBe(0);
  });

  it("`npm run admin-code` issues a fresh one, printed once and audited; none once the ward has an admin", async () => {
    // The command runs on the real clock: the bot's clock starts there too.
    const t = await start({ clock: new FakeClock(Date.now()) });
    const env = { ...process.env, DATABASE_URL: t.databaseUrl, SECRET_PEPPER: TEST_PEPPER, NOTIFY_KEY: TEST_NOTIFY_KEY, TIP_KEYS: TEST_TIP_KEYS, LOG_LEVEL: "info" };
    const { stdout } = await run("npx", ["tsx", "src/cli/admin-code.ts", "quy-nhon-dong"], { env, encoding: "utf8" });
    const code = CODE.exec(stdout)?.[0];
    expect(code).toBeDefined();
    expect(code).not.toBe(t.adminCode);
    expect(stdout.match(new RegExp(code!, "g"))).toHaveLength(2); // the code, and the command to send it: one line
    expect(stdout).toMatch(/valid until/);

    // The code printed at creation no longer works; the new one does.
    const first = Persona.create(t.standIn, { first_name: "Cũ" });
    await first.say(`/admin ${t.adminCode}`, /Mã không đúng hoặc đã được dùng/);
    const admin = Persona.create(t.standIn, { first_name: "Mới" });
    await admin.say(`/admin ${code}`, /quản trị viên của Phường Quy Nhơn Đông/);
    const issued = await t.app.services.db.auditEntry.findMany({ where: { action: "ward.admin_code_issued" }, orderBy: { createdAt: "asc" } });
    expect(issued.map((a) => (JSON.parse(a.detail) as { by: string }).by)).toEqual(["creation", "server"]);
    expect(issued.some((a) => a.detail.includes(code!))).toBe(false);

    // With an admin, the command refuses and prints no code.
    const refused = await run("npx", ["tsx", "src/cli/admin-code.ts", "quy-nhon-dong"], { env, encoding: "utf8" }).then(
      () => null,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(refused?.code).toBe(1);
    expect(`${refused?.stdout}${refused?.stderr}`).toMatch(/already has an admin/);
    expect(`${refused?.stdout}${refused?.stderr}`).not.toMatch(CODE);
  }, 120_000);

  it("a super-admin's /wardcode and /newward codes expire the same way", async () => {
    const superAdminId = 990_000_777;
    const t = await start({ env: { SUPER_ADMIN_IDS: String(superAdminId) } });
    const superAdmin = Persona.create(t.standIn, { id: superAdminId, first_name: "Hệ", last_name: "Thống" });
    const created = await superAdmin.say("/newward nhon-binh Phường Nhơn Bình\n2", /Đã tạo Phường Nhơn Bình/);
    expect(created?.text).toMatch(/hết hạn sau 24 giờ/);
    const newWardCode = CODE.exec(created?.text ?? "")![0];
    const issued = await superAdmin.say("/wardcode quy-nhon-dong", /Mã quản trị mới/);
    expect(issued?.text).toMatch(/hết hạn sau 24 giờ/);
    const wardCode = CODE.exec(issued?.text ?? "")![0];
    t.clock.advanceHours(25);
    const late = Persona.create(t.standIn, { first_name: "Muộn" });
    await late.say(`/admin ${newWardCode}`, /Mã này đã hết hạn/);
    await late.say(`/admin ${wardCode}`, /Mã này đã hết hạn/);
    expect(await t.app.services.db.member.count()).toBe(0);
  });
});

describe("moving a ward's police group to another group", () => {
  let t: TestApp;
  let ward: Ward;
  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("is refused to an officer", async () => {
    const other = t.standIn.createGroup({ title: "Nhóm lạ", type: "supergroup" });
    await ward.officer.in(other.id).say("/bindgroup", /Chỉ quản trị viên/);
    expect((await t.app.services.db.ward.findFirstOrThrow()).policeChatId).toBe(String(ward.groupId));
  });

  it("needs the admin's confirmation, tells the old group, and is audited", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Cũ" });
    expect(await sendQuickTip(resident, { category: "Mua bán ma túy", quarter: "Khu phố 2", place: "Hẻm 5", timing: "Hôm nay", description: "Bán ma túy ở quán nước hẻm 5" })).not.toBeNull();
    await ward.group(ward.officer).waitFor(/quán nước hẻm 5/, new Set());

    const next = t.standIn.createGroup({ title: "Công an phường (nhóm mới)", type: "supergroup" });
    const adminThere = ward.admin.in(next.id);
    const question = await adminThere.say("/bindgroup", /đang nhận tin báo ở một nhóm khác/);
    expect(t.standIn.inlineButtons(question).map((b) => b.text)).toEqual(["✅ Chuyển sang nhóm này", "✖️ Thôi"]);

    // Someone else in the new group pressing the confirmation (forged or not) changes nothing.
    const officerThere = ward.officer.in(next.id);
    const confirm = t.standIn.inlineButtons(question).find((b) => b.text.startsWith("✅"))!.callback_data!;
    const forged = await officerThere.press(question!.message_id, confirm);
    expect(forged.answer).toMatchObject({ show_alert: true, text: expect.stringMatching(/Chỉ quản trị viên/) });
    expect((await t.app.services.db.ward.findFirstOrThrow()).policeChatId).toBe(String(ward.groupId));

    // "Thôi": nothing moves.
    await adminThere.tap("✖️ Thôi", /Đã giữ nguyên/);
    expect((await t.app.services.db.ward.findFirstOrThrow()).policeChatId).toBe(String(ward.groupId));

    const again = await adminThere.say("/bindgroup", /đang nhận tin báo ở một nhóm khác/);
    await adminThere.press(again!.message_id, t.standIn.inlineButtons(again).find((b) => b.text.startsWith("✅"))!.callback_data!, /đã được gắn làm nhóm công an/);
    expect((await t.app.services.db.ward.findFirstOrThrow()).policeChatId).toBe(String(next.id));

    const notice = await ward.group(ward.officer).waitFor(/Nhóm này không còn nhận tin báo của Phường Quy Nhơn Đông/, new Set());
    expect(notice.text).toMatch(/tin báo từ nay gửi tới nhóm khác do quản trị viên Trần Quản Trị chỉ định/);
    // The open tip's card is posted in the new group, where its buttons work.
    await adminThere.waitFor(/quán nước hẻm 5/, new Set());

    const audit = await t.app.services.db.auditEntry.findMany({ where: { action: { startsWith: "ward.police_group" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, JSON.parse(a.detail) as unknown])).toEqual([
      ["ward.police_group_bound", { chatId: String(ward.groupId) }],
      ["ward.police_group_rebound", { fromChatId: String(ward.groupId), chatId: String(next.id) }],
    ]);
    const adminId = (await t.app.services.db.member.findFirstOrThrow({ where: { role: "admin" } })).id;
    expect(audit.every((a) => a.actorMemberId === adminId)).toBe(true);

    // The old confirmation, pressed again once the group moved, changes nothing more.
    const stale = await adminThere.press(question!.message_id, confirm);
    expect(stale.answer.text).toMatch(/đã thay đổi/);
    await eventually(async () => expect(await t.app.services.db.auditEntry.count({ where: { action: "ward.police_group_rebound" } })).toBe(1));
    expect(rebindButtons.confirm.parse(confirm)).not.toBeNull();
  });
});

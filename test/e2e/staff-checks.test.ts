// Who counts as staff in each place, and the exact words of each refusal:
// commands typed by a resident, an officer or another ward's admin, in private
// and in a group; the admin's ❌ under the lists of heads and contacts; the
// admin handing a tip to an officer; the name a new staff member is offered.
// Every test stands on beforeAll alone: the mutation tests (npm run
// test:mutation, group "bot") run each test that reaches a mutant by itself.
import { I18n } from "@grammyjs/i18n";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardButtons, removeContactButton, removeHeadButton } from "../../src/bot/callback-data/index.js";
import { defaultWardWords, localesDirectory } from "../../src/bot/i18n.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { until } from "../support/wait.js";

const i18n = new I18n({ defaultLocale: "vi", directory: localesDirectory, useSession: false, fluentBundleOptions: { useIsolating: false } });
const vi = (key: string, vars: Record<string, string | number> = {}) => i18n.t("vi", key, { channel: "telegram", ...defaultWardWords(), ...vars });
// What a person sees of a message sent as HTML: its text without the tags.
const plain = (html: string) => html.replace(/<\/?[a-z]+>/g, "");
const exactly = (html: string) => new RegExp(`^${plain(html).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
/** What the presser is shown: the answer without its query id. */
const shownOf = ({ text, show_alert }: { text?: string; show_alert?: boolean }) => ({ ...(text !== undefined ? { text } : {}), ...(show_alert !== undefined ? { show_alert } : {}) });
const linkIn = (text: string | undefined, prefix: string) => new RegExp(`start=(${prefix}_[\\w-]+)`).exec(text ?? "")![1]!;

describe("who is staff where, and the words of each refusal", () => {
  let t: TestApp;
  let ward: Ward;
  let resident: Persona;
  let otherAdmin: Persona;
  let head: Persona;
  let contact: Persona;
  let tip: { id: string; reference: string };

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    resident = Persona.create(t.standIn, { first_name: "Dân" });
    // Filed while this is the only ward (afterwards a resident is asked which ward first).
    await sendQuickTip(resident, { category: "Mua bán", quarter: "Khu phố 5", place: "hẻm 9", timing: "Hôm nay", description: "Bán hàng ở hẻm 9" });
    tip = await t.app.services.db.tip.findFirstOrThrow({ select: { id: true, reference: true } });
    // Another ward's admin, who is also in this ward's police group.
    const other = await t.app.services.wards.createWard({ slug: "khac", name: "Phường Khác", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP X"] });
    otherAdmin = Persona.create(t.standIn, { first_name: "Quản Trị", last_name: "Phường Khác" });
    await otherAdmin.say(`/admin ${other.adminCode}`, /quản trị viên của Phường Khác/);
    t.standIn.addMember(ward.groupId, otherAdmin.user.id, "member");

    head = Persona.create(t.standIn, { first_name: "Năm", last_name: "Trần Văn" });
    await head.say(`/start ${linkIn((await ward.officer.say("/invitehead 5", /Liên kết mời/))?.text, "qh")}`, /Khu phố 5/);
    await head.tap("Xác nhận", /Bạn đã được đăng ký là/);
    contact = Persona.create(t.standIn, { first_name: "Hoa" });
    await contact.say(`/start ${linkIn((await ward.officer.say("/inviteagency 1", /Liên kết mời người báo cáo/))?.text, "ag")}`, /Bạn được mời làm người báo cáo/);
    await contact.tap("Xác nhận", /Bạn là người báo cáo của/);

  });
  afterAll(async () => {
    await t?.stop();
  });

  it("answers a command from whoever is not staff in the words for a command, and an admin's command from an officer in the admin's", async () => {
    await resident.say("/agencies", exactly(vi("only-officers-command")));
    await head.say("/agencies", exactly(vi("only-officers-command")));
    await contact.say("/inviteagency 1", exactly(vi("only-officers-command")));
    for (const command of ["/addagency Đoàn Thanh niên", "/removeagency 1", "/contacts 1", "/heads"]) {
      await ward.officer.say(command, exactly(vi("not-admin")));
    }
    // Another ward's admin is no admin here.
    await otherAdmin.say("/agencies", /1\. Trạm Y tế phường — 0 người báo cáo/);
    expect(await t.app.services.db.agency.count({ where: { name: "Đoàn Thanh niên" } })).toBe(0);
    await ward.admin.say("/addagency Đoàn Thanh niên", exactly(vi("ag-added", { agency: "Đoàn Thanh niên" })));
  });

  it("in a group counts only the staff of the ward bound to it", async () => {
    const group = (p: Persona) => p.in(ward.groupId);
    const before = ward.group(ward.officer).botMessages().length;
    await group(ward.officer).say("/agencies", /1\. Trạm Y tế phường — 1 người báo cáo/);
    expect(ward.group(ward.officer).botMessages().slice(before).map((m) => m.text)).not.toContain(vi("only-officers-command"));
    // Staff of another ward, in this ward's group: refused, though they are staff (of their own ward) in private.
    await group(otherAdmin).say("/agencies", exactly(vi("only-officers-command")));
    await group(ward.bystander).say("/agencies", exactly(vi("only-officers-command")));
    const card = await until(() => ward.group(ward.officer).botMessages().find((m) => (m.text ?? "").includes(`#${tip.reference}`) && m.reply_markup), () => "no card");
    expect(shownOf((await group(otherAdmin).press(card.message_id, cardButtons.claim.encode({ tipId: tip.id }))).answer)).toEqual({ text: vi("card-only-officers"), show_alert: true });
    expect((await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).claimedByMemberId).toBeNull();
  });

  it("lets only the admin hand a tip to an officer, and only to the ward's staff", async () => {
    const card = await until(() => ward.group(ward.officer).botMessages().find((m) => (m.text ?? "").includes(`#${tip.reference}`) && m.reply_markup), () => "no card");
    const press = async (p: Persona, data: string) => shownOf((await p.in(ward.groupId).press(card.message_id, data)).answer);
    const officerRow = await t.app.services.db.member.findFirstOrThrow({ where: { telegramUserId: String(ward.officer.user.id) } });
    const foreignAdmin = await t.app.services.db.member.findFirstOrThrow({ where: { telegramUserId: String(otherAdmin.user.id) } });

    expect(await press(ward.officer, cardButtons.assignMenu.encode({ tipId: tip.id }))).toEqual({ text: vi("card-admin-only"), show_alert: true });
    expect(await press(ward.officer, cardButtons.assign.encode({ tipId: tip.id, memberId: officerRow.id }))).toEqual({ text: vi("card-admin-only"), show_alert: true });
    expect(await press(ward.admin, cardButtons.assignMenu.encode({ tipId: tip.id }))).toEqual({ text: vi("card-choose-officer", { reference: tip.reference }) });
    expect(t.standIn.inlineButtons(card).map((b) => b.text)).toEqual(expect.arrayContaining(["Lê Cán Bộ"]));
    expect(await press(ward.admin, cardButtons.assign.encode({ tipId: tip.id, memberId: foreignAdmin.id }))).toEqual({ text: vi("card-assign-not-staff"), show_alert: true });
    expect((await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).claimedByMemberId).toBeNull();
    expect(await press(ward.admin, cardButtons.assign.encode({ tipId: tip.id, memberId: officerRow.id }))).toEqual({ text: vi("card-done-assigned", { reference: tip.reference, officer: "Lê Cán Bộ" }) });
    expect(await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).toMatchObject({ claimedByMemberId: officerRow.id, status: "claimed" });
    expect(card.text).toContain(vi("card-status-claimed", { officer: "Lê Cán Bộ" }));
    expect(t.standIn.inlineButtons(card).map((b) => b.text)).toEqual(expect.arrayContaining([vi("btn-priority"), vi("btn-assign")]));
    // Handing it on again: the officer who has it is not offered.
    await press(ward.admin, cardButtons.assignMenu.encode({ tipId: tip.id }));
    const offered = t.standIn.inlineButtons(card).map((b) => b.text);
    expect(offered).toContain("Trần Quản Trị");
    expect(offered).not.toContain("Lê Cán Bộ");
  });

  it("lets only the admin use the ❌ under the heads and the contacts, each confirmed in its own words", async () => {
    const headRow = await t.app.services.db.quarterHead.findFirstOrThrow({ where: { telegramUserId: String(head.user.id) } });
    const contactRow = await t.app.services.db.agencyContact.findFirstOrThrow({ where: { telegramUserId: String(contact.user.id) } });
    const ownMessage = await ward.officer.say("/help", /./);
    for (const data of [removeHeadButton.encode({ headId: headRow.id }), removeContactButton.encode({ contactId: contactRow.id })]) {
      expect(shownOf((await ward.officer.press(ownMessage!.message_id, data)).answer), data).toEqual({ text: vi("not-admin-button"), show_alert: true });
    }

    const heads = await ward.admin.say("/heads", /Khu phố 5: Trần Văn Năm|Khu phố 5: Năm Trần Văn/);
    const headGone = await ward.admin.press(heads!.message_id, removeHeadButton.encode({ headId: headRow.id }), /Đã cho thôi/);
    expect(shownOf(headGone.answer)).toEqual({});
    expect(headGone.message?.text).toBe(plain(vi("head-removed", { name: headRow.displayName, quarter: "Khu phố 5" })));
    expect(ward.admin.botMessages().find((m) => m.message_id === heads!.message_id)?.reply_markup).toBeUndefined();
    expect(shownOf((await ward.admin.press(heads!.message_id, removeHeadButton.encode({ headId: headRow.id }))).answer)).toEqual({ text: vi("person-already-removed") });

    const contacts = await ward.admin.say("/contacts 1", /Hoa/);
    const contactGone = await ward.admin.press(contacts!.message_id, removeContactButton.encode({ contactId: contactRow.id }), /Đã cho thôi/);
    expect(contactGone.message?.text).toBe(plain(vi("ag-contact-removed", { name: contactRow.displayName, agency: "Trạm Y tế phường" })));
    expect(t.logs.lines.filter((l) => /"level":50/.test(l))).toEqual([]);
    expect(await t.app.services.db.quarterHead.findUniqueOrThrow({ where: { id: headRow.id } })).toMatchObject({ active: false });
    expect(await t.app.services.db.agencyContact.findUniqueOrThrow({ where: { id: contactRow.id } })).toMatchObject({ active: false });
  });

  it("tells an officer who posts as the group's anonymous admin why the bot cannot serve them, and nobody else", async () => {
    t.standIn.addMember(ward.groupId, ward.officer.user.id, "administrator");
    const inGroup = ward.group(ward.officer);
    const anonymously = async (text: string, replyTo?: number) => {
      const seen = inGroup.snapshot();
      t.standIn.sendTextAsAnonymousAdmin(ward.officer.user.id, ward.groupId, text, replyTo);
      return inGroup.waitFor(/./, seen);
    };
    const told = exactly(vi("anonymous-admin"));
    expect((await anonymously("/tips")).text).toMatch(told);
    const card = await until(() => inGroup.botMessages().find((m) => (m.text ?? "").includes(`#${tip.reference}`) && m.reply_markup), () => "no card");
    expect((await anonymously("Ai đang xử lý tin này?", card.message_id)).text).toMatch(told);
    // Chat among the officers, posted anonymously, is none of the bot's business.
    const before = inGroup.botMessages().length;
    t.standIn.sendTextAsAnonymousAdmin(ward.officer.user.id, ward.groupId, "Chào cả nhóm");
    await inGroup.say("/agencies", /1\. Trạm Y tế phường/);
    expect(inGroup.botMessages().slice(before).map((m) => m.text)).not.toContainEqual(expect.stringMatching(told));
    expect(t.logs.lines.filter((l) => /"level":50/.test(l))).toEqual([]);
  });

  it("offers a new officer their Telegram name both ways round, once when it reads the same, and takes the one tapped", async () => {
    const join = async (profile: { first_name: string; last_name?: string }) => {
      const person = Persona.create(t.standIn, profile);
      await person.say(`/start ${linkIn((await ward.admin.say("/invite", /Liên kết mời cán bộ/))?.text, "inv")}`, /đã được đăng ký là cán bộ/);
      return { person, offer: await person.waitFor(/Tên của bạn/, new Set()) };
    };
    const both = await join({ first_name: "Bình", last_name: "Phạm  Thị" });
    expect(both.person.buttons(both.offer)).toEqual(["Bình Phạm Thị", "Phạm Thị Bình"]);
    await both.person.tap("Phạm Thị Bình", exactly(vi("staff-name-set", { name: "Phạm Thị Bình" })));
    expect((await t.app.services.db.member.findFirstOrThrow({ where: { telegramUserId: String(both.person.user.id) } })).displayName).toBe("Phạm Thị Bình");

    const one = await join({ first_name: "Tư" });
    expect((await t.app.services.db.member.findFirstOrThrow({ where: { telegramUserId: String(one.person.user.id) } })).displayName).toBe("Tư");
    expect(one.person.buttons(one.offer)).toEqual(["Tư"]);
    // A resident who presses a name button is told they are no staff.
    const forged = await resident.say("/help", /./);
    expect(shownOf((await resident.press(forged!.message_id, t.standIn.inlineButtons(one.offer)[0]!.callback_data!)).answer)).toEqual({ text: vi("card-only-officers"), show_alert: true });
  });
});

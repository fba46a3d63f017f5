// An officer who is removed really leaves (issue 15, item 4): the tips they
// claimed go back to "new" for the others (card redrawn, reminders again), the
// bot takes them out of the police group (ban, then unban so an admin may invite
// them back later) or tells the admin in private why it could not, and an admin
// can hand a claim to another officer from the card. Roles are read from the
// database on every press: a non-admin's forged reassignment changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardButtons } from "../../src/bot/callback-data/index.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { eventually, until } from "../support/wait.js";

const URGENT = { category: "Người sử dụng", quarter: "Khu phố 8", place: null, timing: "Đang diễn ra", description: "Thanh niên ngáo đá cầm dao đuổi người ngoài chợ" } as const;

describe("an officer who is removed really leaves", () => {
  let t: TestApp;
  let ward: Ward;
  let second: Persona;
  let third: Persona;

  async function inviteOfficer(profile: { first_name: string; last_name: string }): Promise<Persona> {
    const invite = await ward.admin.say("/invite", /Liên kết mời cán bộ/);
    const payload = /start=(inv_[\w-]+)/.exec(invite?.text ?? "")![1]!;
    const officer = Persona.create(t.standIn, profile);
    await officer.say(`/start ${payload}`, /đã được đăng ký là cán bộ/);
    t.standIn.addMember(ward.groupId, officer.user.id, "member");
    return officer;
  }

  const memberId = async (p: Persona) => (await t.app.services.db.member.findFirstOrThrow({ where: { telegramUserId: String(p.user.id) } })).id;
  /** The tip behind a card in the group (the fake clock stands still, so creation times tie). */
  const tipOfCard = async (card: { message_id: number }) => {
    let tipId = "";
    // The bot records where the card went just after Telegram answers.
    await eventually(async () => {
      const row = await t.app.services.db.tipCard.findFirst({ where: { chatId: String(ward.groupId), messageId: card.message_id } });
      expect(row).not.toBeNull();
      tipId = row!.tipId;
    });
    return t.app.services.db.tip.findUniqueOrThrow({ where: { id: tipId } });
  };
  const cardOf = async (tipId: string) => (await t.app.services.db.tipCard.findFirstOrThrow({ where: { tipId } })).messageId;
  const reminders = () => ward.group(ward.admin).botMessages().filter((m) => /chưa có ai nhận/.test(m.text ?? ""));
  const minutes = async (n: number) => {
    t.clock.advance(n * 60_000);
    await t.app.tick();
  };

  /** The admin's /officers list, then ❌ beside this person. */
  async function removeFromStaff(who: Persona, name: string) {
    await ward.admin.say("/officers", /Cán bộ của phường/);
    await ward.admin.tap(`❌ ${name}`, /Đã gỡ quyền của/);
    return memberId(who);
  }

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    second = await inviteOfficer({ first_name: "Võ", last_name: "Cán Bộ Hai" });
    third = await inviteOfficer({ first_name: "Phạm", last_name: "Cán Bộ Ba" });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("gives the removed officer's claims back: the card is free again, another officer takes it, reminders resume; audited with both people", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Gấp" });
    expect(await sendQuickTip(resident, URGENT)).not.toBeNull();
    const tip = await tipOfCard(await ward.group(ward.officer).waitFor(/KHẨN CẤP/, new Set()));
    await ward.group(ward.officer).tap("Tôi nhận", /Lê Cán Bộ đã nhận/);
    // Taken: nobody else may take it, and the unclaimed-tip reminder stays quiet.
    const { answer } = await ward.group(second).press(await cardOf(tip.id), cardButtons.claim.encode({ tipId: tip.id }));
    expect(answer.text).toMatch(/đã có cán bộ khác nhận/);
    await minutes(16);
    expect(reminders()).toHaveLength(0);

    const removedId = await removeFromStaff(ward.officer, "Lê Cán Bộ");
    await eventually(async () => expect(await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).toMatchObject({ status: "new", claimedByMemberId: null }));
    // The card says so again, with its claim button.
    const cardId = await cardOf(tip.id);
    const card = await until(
      () => t.standIn.botMessages(ward.groupId).find((m) => m.message_id === cardId && /Mới, chưa ai nhận/.test(m.text ?? "")),
      () => `the card was not redrawn: ${t.standIn.botMessages(ward.groupId).find((m) => m.message_id === cardId)?.text ?? "(gone)"}`,
    );
    expect(card.edited).toBe(true);
    expect(t.standIn.inlineButtons(card).map((b) => b.text)).toContain("🙋 Tôi nhận");
    await ward.admin.waitFor(/1 tin báo .*trả lại/, new Set());

    // The reminder comes back, naming only officers still on the staff.
    await minutes(16);
    const reminder = await ward.group(ward.admin).waitFor(/chưa có ai nhận sau 15 phút/, new Set());
    expect(reminder.text).not.toContain("Lê Cán Bộ");
    expect(reminder.text).toContain("Võ Cán Bộ Hai");
    await ward.group(second).tap("Tôi nhận", /Võ Cán Bộ Hai đã nhận/);
    expect(await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).toMatchObject({ status: "claimed", claimedByMemberId: await memberId(second) });

    const adminId = await memberId(ward.admin);
    const audit = await t.app.services.db.auditEntry.findMany({ where: { action: { in: ["member.removed", "tip.released"] } } });
    expect(audit.map((a) => [a.action, a.actorMemberId, a.tipId, (JSON.parse(a.detail) as { memberId?: string }).memberId])).toEqual([
      ["member.removed", adminId, null, removedId],
      ["tip.released", adminId, tip.id, removedId],
    ]);
    // The tip's history names both: who removed whom.
    const history = await ward.admin.say(`/audit ${tip.reference}`, /Lịch sử tin báo/);
    const released = history?.text?.split("\n").find((l) => l.includes("tip.released"));
    expect(released).toContain("Trần Quản Trị");
    expect(released).toContain("Lê Cán Bộ");
  });

  it("takes the removed officer out of the police group (banned, then unbanned so they may be invited back) and sends them no more cards", async () => {
    const bans = t.standIn.callsTo("banChatMember");
    expect(bans.map((c) => [Number(c.params.chat_id), Number(c.params.user_id)])).toEqual([[ward.groupId, ward.officer.user.id]]);
    const unbans = t.standIn.callsTo("unbanChatMember");
    expect(unbans.map((c) => [Number(c.params.chat_id), Number(c.params.user_id), c.params.only_if_banned])).toEqual([[ward.groupId, ward.officer.user.id, true]]);
    expect(t.standIn.memberStatus(ward.groupId, ward.officer.user.id)).toBe("left");
    expect(ward.admin.botMessages().some((m) => /Lê Cán Bộ đã được đưa ra khỏi nhóm Công an phường/.test(m.text ?? ""))).toBe(true);

    const resident = Persona.create(t.standIn, { first_name: "Sau" });
    expect(await sendQuickTip(resident, { ...URGENT, description: "Có người bán ma túy ở quán nước đầu hẻm" })).not.toBeNull();
    const card = await ward.group(second).waitFor(/Có người bán ma túy ở quán nước/, new Set());
    expect(ward.group(second).receivedBotMessages().map((m) => m.message_id)).toContain(card.message_id);
    expect(ward.group(ward.officer).receivedBotMessages().map((m) => m.message_id)).not.toContain(card.message_id);
  });

  it("tells the admin in private, in plain words, when the bot may not remove someone from the group", async () => {
    // The bot is an administrator without the right to ban: the removal still takes the person's rights and claims.
    t.standIn.setAdminRights(ward.groupId, t.standIn.botInfo.id, { can_restrict_members: false });
    const resident = Persona.create(t.standIn, { first_name: "Ba" });
    expect(await sendQuickTip(resident, { ...URGENT, description: "Nhóm thanh niên tụ tập hút ma túy trong nhà hoang" })).not.toBeNull();
    const tip = await tipOfCard(await ward.group(third).waitFor(/nhà hoang/, new Set()));
    await ward.group(third).tap("Tôi nhận", /Phạm Cán Bộ Ba đã nhận/);

    await removeFromStaff(third, "Phạm Cán Bộ Ba");
    const told = await ward.admin.waitFor(/không đưa được Phạm Cán Bộ Ba ra khỏi nhóm Công an phường/, new Set());
    expect(told.text).toMatch(/chưa có quyền “Cấm người dùng”/);
    expect(t.standIn.memberStatus(ward.groupId, third.user.id)).toBe("member");
    expect(await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).toMatchObject({ status: "new", claimedByMemberId: null });

    // A group administrator cannot be removed by the bot either: said so, with the reason.
    t.standIn.setAdminRights(ward.groupId, t.standIn.botInfo.id, { can_restrict_members: true });
    const chief = await inviteOfficer({ first_name: "Đỗ", last_name: "Trưởng Nhóm" });
    t.standIn.addMember(ward.groupId, chief.user.id, "administrator");
    await removeFromStaff(chief, "Đỗ Trưởng Nhóm");
    const refused = await ward.admin.waitFor(/không đưa được Đỗ Trưởng Nhóm ra khỏi nhóm/, new Set());
    expect(refused.text).toMatch(/quản trị viên của nhóm/);
  });

  it("lets the ward admin hand a claim to another officer from the card; a non-admin's forged press changes nothing", async () => {
    const fourth = await inviteOfficer({ first_name: "Hồ", last_name: "Cán Bộ Bốn" });
    const resident = Persona.create(t.standIn, { first_name: "Bốn" });
    expect(await sendQuickTip(resident, { ...URGENT, description: "Xe máy chở hàng cấm ra vào hẻm 12 ban đêm" })).not.toBeNull();
    const tip = await tipOfCard(await ward.group(second).waitFor(/hẻm 12/, new Set()));
    await ward.group(second).tap("Tôi nhận", /Võ Cán Bộ Hai đã nhận/);
    const cardId = await cardOf(tip.id);

    // An officer who is no admin: the menu and a forged choice are refused, the claim stays.
    const menu = await ward.group(second).press(cardId, cardButtons.assignMenu.encode({ tipId: tip.id }));
    expect(menu.answer).toMatchObject({ show_alert: true, text: expect.stringMatching(/Chỉ quản trị viên/) });
    const forged = await ward.group(second).press(cardId, cardButtons.assign.encode({ tipId: tip.id, memberId: await memberId(second) }));
    expect(forged.answer.text).toMatch(/Chỉ quản trị viên/);
    const forgedToOther = await ward.group(fourth).press(cardId, cardButtons.assign.encode({ tipId: tip.id, memberId: await memberId(fourth) }));
    expect(forgedToOther.answer.text).toMatch(/Chỉ quản trị viên/);
    expect((await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).claimedByMemberId).toBe(await memberId(second));

    // The admin chooses among the active officers (not the removed ones), on the card.
    const opened = await ward.group(ward.admin).tap("👤 Giao việc");
    expect(opened.answer.text).toMatch(/Giao tin báo #\w{4} cho cán bộ nào/);
    const choices = await until(
      () => {
        const labels = t.standIn.inlineButtons(t.standIn.botMessages(ward.groupId).find((m) => m.message_id === cardId)).map((b) => b.text);
        return labels.includes("Hồ Cán Bộ Bốn") ? labels : undefined;
      },
      () => "the card shows no list of officers",
    );
    expect(choices).toEqual(expect.arrayContaining(["Hồ Cán Bộ Bốn", "Trần Quản Trị"]));
    expect(choices.join(" ")).not.toMatch(/Lê Cán Bộ|Phạm Cán Bộ Ba|Đỗ Trưởng Nhóm/);
    await ward.group(ward.admin).tap("Hồ Cán Bộ Bốn", /Hồ Cán Bộ Bốn đã nhận/);
    expect(await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).toMatchObject({ status: "claimed", claimedByMemberId: await memberId(fourth) });
    const audit = await t.app.services.db.auditEntry.findFirstOrThrow({ where: { action: "tip.reassigned", tipId: tip.id } });
    expect(audit.actorMemberId).toBe(await memberId(ward.admin));
    expect(JSON.parse(audit.detail)).toEqual({ fromMemberId: await memberId(second), toMemberId: await memberId(fourth) });

    // A removed officer cannot be handed a tip, even by the admin with forged data.
    const removed = await t.app.services.db.member.findFirstOrThrow({ where: { telegramUserId: String(ward.officer.user.id) } });
    await ward.group(ward.admin).press(cardId, cardButtons.assign.encode({ tipId: tip.id, memberId: removed.id }));
    expect((await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).claimedByMemberId).toBe(await memberId(fourth));
  });
});

// The officers' buttons, one by one, through the real bot: who is refused and
// with which words (not a card button, a private chat, someone not on the
// group's ward staff, another ward's tip, a tip taken or closed, a missing one),
// and what each button does to the card and the tip. Also the admin's ❌ under
// a list of staff, and who counts as staff in a group. Small and quick on
// purpose: the mutation tests (npm run test:mutation) run it for each mutant
// of the card handler, staff-identity.ts and removal-buttons.ts.
import { I18n } from "@grammyjs/i18n";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardButtons, removeOfficerButton } from "../../src/bot/callback-data/index.js";
import { localesDirectory } from "../../src/bot/i18n.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { eventually, until } from "../support/wait.js";

const i18n = new I18n({ defaultLocale: "vi", directory: localesDirectory, useSession: false, fluentBundleOptions: { useIsolating: false } });
const vi = (key: string, vars: Record<string, string | number> = {}) => i18n.t("vi", key, { channel: "telegram", ...vars });
type Stored = ReturnType<Persona["botMessages"]>[number];

describe("officers' card buttons, the admin's ❌, and who is staff where", () => {
  let t: TestApp;
  let ward: Ward;
  let second: Persona;
  let tips: { id: string; reference: string }[];
  let foreignTip: string;
  const group = () => ward.group(ward.officer);
  const cardOf = (reference: string) => until(() => group().botMessages().find((m) => (m.text ?? "").includes(`Tin báo #${reference}`) && m.reply_markup), () => `no card #${reference}`);
  const buttonsOf = (m: Stored) => t.standIn.inlineButtons(m).map((b) => b.text);
  const row = (id: string) => t.app.services.db.tip.findUniqueOrThrow({ where: { id } });
  const errorsSince = (line: number) => t.logs.lines.slice(line).filter((l) => /"level":50/.test(l));
  // The buttons of the card's menus, as the officer sees them.
  const outcomeKinds = () => ["case_opened", "administrative", "handed_over"].map((k) => vi(`btn-outcome-${k}`));

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    const invite = await ward.admin.say("/invite", /Liên kết mời cán bộ/);
    second = Persona.create(t.standIn, { first_name: "Hai", last_name: "Cán Bộ" });
    await second.say(`/start ${/start=(inv_[\w-]+)/.exec(invite?.text ?? "")![1]}`, /đã được đăng ký là cán bộ/);
    t.standIn.addMember(ward.groupId, second.user.id, "member");
    const resident = Persona.create(t.standIn, { first_name: "Dân" });
    // Tips 1–3 for the tests of refusals and the card's actions, 4 for the outcome and reason buttons' own test, 5 to close as unfounded.
    for (const n of [1, 2, 3, 4, 5]) {
      await sendQuickTip(resident, { category: "Mua bán", quarter: "Khu phố 5", place: `hẻm ${n}`, timing: "Hôm nay", description: `Tin số ${n}: bán hàng ở hẻm ${n}` });
    }
    tips = (await t.app.services.db.tip.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, reference: true } }));
    for (const tip of tips) await cardOf(tip.reference);
    const other = await t.app.services.wards.createWard({ slug: "khac", name: "Phường Khác", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP X"] });
    foreignTip = (await t.app.services.tips.submit(other.wardId, { category: "dealing", quarterId: null, place: null, timing: "today", description: "Tin của phường khác", photoFileIds: [] })).tipId;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("answers a press that is no card button quietly, and refuses a private chat and anyone not on the group's ward staff", async () => {
    const card = await cardOf(tips[0]!.reference);
    const text = card.text;
    const logged = t.logs.lines.length;
    expect((await group().press(card.message_id, "c:nothing")).answer.text).toBeUndefined();
    expect(errorsSince(logged)).toEqual([]);
    const onlyOfficers = { text: vi("card-only-officers"), show_alert: true };
    const own = await ward.officer.say("/help", /./);
    expect((await ward.officer.press(own!.message_id, cardButtons.claim.encode({ tipId: tips[0]!.id }))).answer).toMatchObject(onlyOfficers);
    expect((await ward.group(ward.bystander).press(card.message_id, cardButtons.claim.encode({ tipId: tips[0]!.id }))).answer).toMatchObject(onlyOfficers);
    // A group bound to no ward: nobody is staff there, not even an officer.
    const stray = t.standIn.createGroup({ title: "Nhóm khác", type: "group" });
    t.standIn.addMember(stray.id, ward.officer.user.id, "member");
    const strayMessage = await ward.officer.in(stray.id).say("/tips", /Chỉ cán bộ/);
    expect((await ward.officer.in(stray.id).press(strayMessage!.message_id, cardButtons.claim.encode({ tipId: tips[0]!.id }))).answer).toMatchObject(onlyOfficers);
    expect(await row(tips[0]!.id)).toMatchObject({ status: "new", claimedByMemberId: null });
    expect(card.text).toBe(text);
  });

  it("names why a staff member is refused: another ward's tip, one already taken, one that does not exist", async () => {
    const card = await cardOf(tips[2]!.reference);
    const press = (p: Persona, data: string) => p.in(ward.groupId).press(card.message_id, data);
    expect((await press(ward.officer, cardButtons.close.encode({ tipId: foreignTip, reason: "spam" }))).answer).toMatchObject({ text: vi("card-wrong-ward"), show_alert: true });
    expect((await row(foreignTip)).status).toBe("new");
    // Buttons that only redraw the card must not draw another ward's tip here either.
    const shown = card.text;
    for (const data of [cardButtons.priorityMenu.encode({ tipId: foreignTip }), cardButtons.closeMenu.encode({ tipId: foreignTip }), cardButtons.back.encode({ tipId: foreignTip }), cardButtons.outcomeDone.encode({ tipId: foreignTip })]) {
      expect((await press(ward.officer, data)).answer, data).toMatchObject({ text: vi("card-wrong-ward"), show_alert: true });
    }
    expect(card.text).toBe(shown);
    expect(card.text).not.toContain("Tin của phường khác");
    expect((await press(ward.officer, cardButtons.claim.encode({ tipId: "cmi8x2k0a0009qz3h5v7b9zzz" }))).answer).toMatchObject({ text: vi("card-tip-not-found"), show_alert: true });
    await press(ward.officer, cardButtons.claim.encode({ tipId: tips[2]!.id }));
    expect((await press(second, cardButtons.claim.encode({ tipId: tips[2]!.id }))).answer).toMatchObject({ text: vi("card-already-claimed"), show_alert: true });
    expect((await row(tips[2]!.id)).claimedByMemberId).not.toBeNull();
  });

  it("claims, moves on, re-prioritises, asks, marks a duplicate and closes, each with its answer and the card redrawn", async () => {
    const [first, dup] = tips as [{ id: string; reference: string }, { id: string; reference: string }];
    const card = await cardOf(first.reference);
    const press = async (data: string) => (await group().press(card.message_id, data)).answer;

    expect(await press(cardButtons.claim.encode({ tipId: first.id }))).toMatchObject({ text: vi("card-done-claimed", { reference: first.reference }) });
    expect(card.text).toContain(vi("card-status-claimed", { officer: "Lê Cán Bộ" }));
    expect(buttonsOf(card)).toContain(vi("btn-verifying"));
    expect(await press(cardButtons.status.encode({ tipId: first.id, status: "verifying" }))).toMatchObject({ text: vi("card-status-verifying", { officer: "Lê Cán Bộ" }) });
    expect((await row(first.id)).status).toBe("verifying");
    expect(buttonsOf(card)).toEqual(expect.arrayContaining([vi("btn-acted"), vi("btn-priority"), vi("btn-close")]));

    expect(await press(cardButtons.priorityMenu.encode({ tipId: first.id }))).toMatchObject({ text: vi("card-choose-priority") });
    expect(buttonsOf(card)).toEqual(expect.arrayContaining([vi("priority-low"), vi("btn-back")]));
    // The same menu again leaves the card as it is: not an error.
    const logged = t.logs.lines.length;
    expect(await press(cardButtons.priorityMenu.encode({ tipId: first.id }))).toMatchObject({ text: vi("card-choose-priority") });
    expect(t.logs.lines.slice(logged).filter((l) => /"level":50/.test(l))).toEqual([]);
    // Otherwise than the bot: the card asks why (one optional tap); skipping it goes back to the card's buttons.
    expect(await press(cardButtons.priority.encode({ tipId: first.id, priority: "low" }))).toMatchObject({ text: vi("card-done-priority-why", { priority: vi("priority-low") }) });
    expect((await row(first.id)).priority).toBe("low");
    expect(buttonsOf(card)).toEqual(expect.arrayContaining([vi("override-reason-children"), vi("btn-skip")]));
    expect((await press(cardButtons.back.encode({ tipId: first.id }))).text).toBeUndefined();
    expect(buttonsOf(card)).toContain(vi("btn-priority"));

    expect((await press(cardButtons.closeMenu.encode({ tipId: first.id }))).text).toBeUndefined();
    expect(buttonsOf(card)).toEqual([vi("close-confirmed"), vi("close-unfounded"), vi("close-spam"), vi("btn-back")]);
    expect((await press(cardButtons.back.encode({ tipId: first.id }))).text).toBeUndefined();
    expect(buttonsOf(card)).toContain(vi("btn-close"));

    const before = group().botMessages().length;
    expect(await press(cardButtons.ask.encode({ tipId: first.id }))).toMatchObject({ text: vi("card-ask-hint") });
    const prompt = await until(() => group().botMessages().slice(before).find((m) => (m.text ?? "").startsWith("❓")), () => "no ask prompt");
    expect(prompt.text).toBe(vi("card-ask-prompt", { reference: first.reference }).replace(/<\/?[a-z]+>/g, ""));
    expect(prompt.reply_markup).toMatchObject({ force_reply: true, selective: true });

    // The second tip: candidates offered, the first chosen as its original.
    const dupCard = await cardOf(dup.reference);
    const dupPress = async (data: string) => (await group().press(dupCard.message_id, data)).answer;
    expect(await dupPress(cardButtons.duplicateMenu.encode({ tipId: dup.id }))).toMatchObject({ text: vi("card-choose-duplicate") });
    expect(buttonsOf(dupCard)).toContain(`#${first.reference}`);
    expect(await dupPress(cardButtons.duplicate.encode({ tipId: dup.id, originalId: first.id }))).toMatchObject({ text: vi("card-done-duplicate", { reference: first.reference }) });
    expect(await row(dup.id)).toMatchObject({ status: "closed", closeReason: "duplicate" });
    expect(dupCard.reply_markup).toBeUndefined();

    expect(await press(cardButtons.close.encode({ tipId: first.id, reason: "confirmed" }))).toMatchObject({ text: vi("card-done-closed-confirmed", { reference: first.reference }) });
    expect(await row(first.id)).toMatchObject({ status: "closed", closeReason: "confirmed" });
    // Closed as verified true: only the outcome buttons are left under the card.
    const left = (card.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().map((b) => b.callback_data);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((data) => data.startsWith("c:o"))).toBe(true);
    expect(buttonsOf(card)).toEqual(expect.arrayContaining(outcomeKinds()));
    expect((await group().press(card.message_id, cardButtons.claim.encode({ tipId: first.id }))).answer).toMatchObject({ text: vi("card-tip-closed"), show_alert: true });
  });

  it("records why a priority was changed, and what came of a tip verified true, button by button; refuses outcomes on a tip not verified", async () => {
    // Its own tip, so this test stands alone (the mutation tests run the tests that reach a mutant, one by one).
    const tip = await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tips[3]!.id }, select: { id: true, reference: true, priority: true } });
    const card = await cardOf(tip.reference);
    const press = async (data: string) => (await group().press(card.message_id, data)).answer;
    const outcomes = () => t.app.services.db.tipOutcome.findMany({ where: { tipId: tip.id }, select: { id: true, kind: true, count: true } });

    // Not verified yet: no outcome, whichever outcome button is forged.
    for (const data of [
      cardButtons.outcomeMenu.encode({ tipId: tip.id }),
      cardButtons.outcomeKind.encode({ tipId: tip.id, kind: "handed_over" }),
      // A counted kind asks how many before anything is written: refused all the same.
      cardButtons.outcomeKind.encode({ tipId: tip.id, kind: "administrative" }),
      cardButtons.outcomeStep.encode({ tipId: tip.id, kind: "administrative", count: 2 }),
    ]) {
      expect(await press(data), data).toMatchObject({ text: vi("card-outcome-not-confirmed") });
    }
    expect(await press(cardButtons.outcomeRecord.encode({ tipId: tip.id, kind: "administrative", count: 2 }))).toMatchObject({ text: vi("card-outcome-not-confirmed") });
    expect(await outcomes()).toEqual([]);

    // The priority the bot gave, chosen again: nothing to explain, the card is back to its buttons.
    expect(await press(cardButtons.priority.encode({ tipId: tip.id, priority: tip.priority as "low" }))).toMatchObject({ text: vi("card-done-priority", { priority: vi(`priority-${tip.priority}`) }) });
    expect(buttonsOf(card)).toContain(vi("btn-priority"));
    // A priority the bot did not give: the reason tapped is recorded, and the card is back to its buttons.
    const other = tip.priority === "low" ? "urgent" : "low";
    await press(cardButtons.priority.encode({ tipId: tip.id, priority: other }));
    expect(await press(cardButtons.priorityReason.encode({ tipId: tip.id, reason: "children" }))).toMatchObject({ text: vi("card-reason-recorded", { reason: vi("override-reason-children") }) });
    expect(await t.app.services.db.triageOverride.findFirstOrThrow({ where: { tipId: tip.id } })).toMatchObject({ reason: "children" });
    expect(buttonsOf(card)).toContain(vi("btn-priority"));

    await press(cardButtons.claim.encode({ tipId: tip.id }));
    await press(cardButtons.close.encode({ tipId: tip.id, reason: "confirmed" }));
    // A kind that is counted asks how many; stepping shows the count; recording writes it.
    expect((await press(cardButtons.outcomeKind.encode({ tipId: tip.id, kind: "administrative" }))).text).toBeUndefined();
    expect(card.text).toContain(vi("card-outcome-ask-administrative"));
    expect(buttonsOf(card)).toEqual(expect.arrayContaining(["1", "+10", vi("btn-back")]));
    expect(await outcomes()).toEqual([]);
    expect((await press(cardButtons.outcomeStep.encode({ tipId: tip.id, kind: "administrative", count: 3 }))).text).toBeUndefined();
    expect(card.text).toContain(`${vi("card-outcome-ask-administrative")}: 3 —`);
    expect(buttonsOf(card)).toContain(vi("btn-outcome-record", { count: 3 }));
    const administrative = vi("card-outcome-administrative", { count: 3 });
    expect(await press(cardButtons.outcomeRecord.encode({ tipId: tip.id, kind: "administrative", count: 3 }))).toMatchObject({ text: vi("card-outcome-recorded", { outcome: administrative }) });
    expect(buttonsOf(card)).toEqual(expect.arrayContaining([...outcomeKinds(), vi("btn-outcome-done")]));
    // A kind with no count is recorded at once.
    const handedOver = vi("card-outcome-handed_over");
    expect(await press(cardButtons.outcomeKind.encode({ tipId: tip.id, kind: "handed_over" }))).toMatchObject({ text: vi("card-outcome-recorded", { outcome: handedOver }) });
    expect(buttonsOf(card)).toEqual(expect.arrayContaining([...outcomeKinds(), vi("btn-outcome-remove", { label: handedOver })]));
    expect((await outcomes()).map((o) => [o.kind, o.count]).sort()).toEqual([
      ["administrative", 3],
      ["handed_over", null],
    ]);
    expect(card.text).toContain(administrative);
    // Removing one, then the menu closed: the card keeps the other.
    const removed = (await outcomes()).find((o) => o.kind === "handed_over")!;
    expect(await press(cardButtons.outcomeRemove.encode({ tipId: tip.id, outcomeId: removed.id }))).toMatchObject({ text: vi("card-outcome-removed", { outcome: handedOver }) });
    expect((await outcomes()).map((o) => o.kind)).toEqual(["administrative"]);
    expect(buttonsOf(card)).toEqual(expect.arrayContaining([...outcomeKinds(), vi("btn-outcome-done")]));
    expect(buttonsOf(card)).not.toContain(vi("btn-outcome-remove", { label: handedOver }));
    expect((await press(cardButtons.outcomeDone.encode({ tipId: tip.id }))).text).toBeUndefined();
    // Done: the card keeps one button to come back to what came of it.
    expect(buttonsOf(card)).toEqual([vi("btn-outcome-menu")]);
    expect(card.text).toContain(administrative);
    expect(card.text).not.toContain(handedOver);
    expect((await press(cardButtons.outcomeMenu.encode({ tipId: tip.id }))).text).toBeUndefined();
    expect(buttonsOf(card).length).toBeGreaterThan(1);
  });

  it("closes a tip as unfounded in its own words, with no buttons left and no outcome to record", async () => {
    const tip = tips[4]!;
    const card = await cardOf(tip.reference);
    const press = async (data: string) => (await group().press(card.message_id, data)).answer;
    expect(await press(cardButtons.close.encode({ tipId: tip.id, reason: "unfounded" }))).toMatchObject({ text: vi("card-done-closed", { reference: tip.reference }) });
    expect(await row(tip.id)).toMatchObject({ status: "closed", closeReason: "unfounded" });
    expect(card.reply_markup).toBeUndefined();
    expect(await press(cardButtons.outcomeMenu.encode({ tipId: tip.id }))).toMatchObject({ text: vi("card-outcome-not-confirmed"), show_alert: true });
  });

  it("with no other tip about, says there is nothing to mark it a duplicate of", async () => {
    await t.app.services.db.tip.updateMany({ where: { id: { not: tips[2]!.id } }, data: { createdAt: new Date(0) } });
    const card = await cardOf(tips[2]!.reference);
    expect((await group().press(card.message_id, cardButtons.duplicateMenu.encode({ tipId: tips[2]!.id }))).answer).toMatchObject({ text: vi("card-no-duplicates") });
  });

  it("lets only the ward's admin use the ❌ under the staff list; the list's buttons go once used, a stale press changes nothing", async () => {
    const secondRow = await t.app.services.db.member.findFirstOrThrow({ where: { telegramUserId: String(second.user.id) } });
    const list = await ward.admin.say("/officers", /Cán bộ của phường/);
    const remove = removeOfficerButton.encode({ memberId: secondRow.id });
    const ownMessage = await ward.officer.say("/help", /./);
    expect((await ward.officer.press(ownMessage!.message_id, remove)).answer).toMatchObject({ text: vi("not-admin-button"), show_alert: true });
    expect((await ward.admin.in(ward.groupId).press(group().botMessages().at(-1)!.message_id, remove)).answer.text).toBeUndefined();
    expect((await t.app.services.db.member.findUniqueOrThrow({ where: { id: secondRow.id } })).active).toBe(true);

    const done = await ward.admin.press(list!.message_id, remove, /Đã gỡ quyền của Hai Cán Bộ/);
    expect(done.answer.text).toBeUndefined();
    expect((await t.app.services.db.member.findUniqueOrThrow({ where: { id: secondRow.id } })).active).toBe(false);
    expect(ward.admin.botMessages().find((m) => m.message_id === list!.message_id)?.reply_markup).toBeUndefined();
    expect((await ward.admin.press(list!.message_id, remove)).answer).toMatchObject({ text: vi("person-already-removed") });
    // Removed: the bot took them out of the group. Back in by an old link, the card refuses them, and their commands too.
    await eventually(() => expect(t.standIn.memberStatus(ward.groupId, second.user.id)).toBe("left"));
    t.standIn.addMember(ward.groupId, second.user.id, "member");
    const card = await cardOf(tips[2]!.reference);
    expect((await second.in(ward.groupId).press(card.message_id, cardButtons.priorityMenu.encode({ tipId: tips[2]!.id }))).answer.text).toBe(vi("card-only-officers"));
    await second.say("/tips", /Chỉ cán bộ/);
    await ward.officer.say("/invite", new RegExp(vi("not-admin").slice(2, 30)));
  });

  it("refuses an invite link used, unknown or expired, each in its own words, and keeps a staff name to 80 characters", async () => {
    const escape = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const newLink = async () => /start=(inv_[\w-]+)/.exec((await ward.admin.say("/invite", /Liên kết mời cán bộ/))?.text ?? "")![1]!;
    const link = await newLink();
    const longName = Persona.create(t.standIn, { first_name: "Nguyễn Thị Phương".repeat(3), last_name: "Hoàng Văn".repeat(5) });
    await longName.say(`/start ${link}`, /đã được đăng ký là cán bộ/);
    expect((await t.app.services.db.member.findFirstOrThrow({ where: { telegramUserId: String(longName.user.id) } })).displayName).toHaveLength(80);

    const late = Persona.create(t.standIn, { first_name: "Đến Sau" });
    await late.say(`/start ${link}`, escape(vi("invite-used")));
    await late.say(`/start inv_${"A".repeat(22)}`, escape(vi("invite-invalid")));
    const expiring = await newLink();
    t.clock.advanceHours(24 * 3 + 1);
    await late.say(`/start ${expiring}`, escape(vi("invite-expired")));
    expect(await t.app.services.db.member.count({ where: { telegramUserId: String(late.user.id) } })).toBe(0);
  });
});

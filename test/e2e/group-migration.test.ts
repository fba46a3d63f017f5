// Telegram upgrades a basic group to a supergroup (when it grows, or its owner
// changes certain settings): the group gets a new id and the old one answers
// every call with 400 "group chat was upgraded to a supergroup chat" and the
// new id (issue 15, item 5). The bot follows either signal — the two service
// messages, or that answer — moves the ward's binding once (audited) and posts
// the cards the old group held, or failed to get, in the new supergroup.
import { afterEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard } from "../support/scenario.js";
import { eventually, until } from "../support/wait.js";

const EARLIER = { category: "Mua bán ma túy", quarter: "Khu phố 2", place: "Hẻm 5", timing: "Hôm nay", description: "Bán ma túy ở quán nước hẻm 5" } as const;
const LATER = { category: "Điểm tụ tập", quarter: "Khu phố 3", place: "Bãi đất trống", timing: "Hôm nay", description: "Tụ tập hút chích ở bãi đất trống sau chợ" } as const;

describe("a police group upgraded to a supergroup", () => {
  const running: TestApp[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.stop();
  });

  async function wardInBasicGroup() {
    const t = await startTestApp();
    running.push(t);
    const ward = await setUpWard(t, { groupType: "group" });
    // Earlier tip, whose card is in the old group.
    expect(await sendQuickTip(Persona.create(t.standIn, { first_name: "Sớm" }), EARLIER)).not.toBeNull();
    await ward.group(ward.officer).waitFor(/quán nước hẻm 5/, new Set());
    await eventually(async () => expect(await t.app.services.db.tipCard.count()).toBe(1));
    return { t, ward };
  }

  const boundTo = async (t: TestApp) => (await t.app.services.db.ward.findFirstOrThrow()).policeChatId;
  const migrations = (t: TestApp) => t.app.services.db.auditEntry.findMany({ where: { action: "ward.police_group_migrated" } });
  const cardsIn = async (t: TestApp, chatId: number) => t.app.services.db.tipCard.findMany({ where: { chatId: String(chatId) } });

  it("follows the service messages: the binding moves once, audited, and the old group's cards are posted in the new one", async () => {
    const { t, ward } = await wardInBasicGroup();
    const { supergroup } = t.standIn.upgradeGroup(ward.groupId);

    await eventually(async () => expect(await boundTo(t)).toBe(String(supergroup.id)));
    const officerThere = ward.officer.in(supergroup.id);
    await officerThere.waitFor(/quán nước hẻm 5/, new Set());
    await eventually(async () => expect(await cardsIn(t, supergroup.id)).toHaveLength(1));
    // Both service messages arrived; the move happened once.
    const audit = await migrations(t);
    expect(audit.map((a) => [a.actorMemberId, JSON.parse(a.detail) as unknown])).toEqual([[null, { fromChatId: String(ward.groupId), chatId: String(supergroup.id) }]]);

    // The card in the supergroup works, and new tips come there.
    await officerThere.tap("Tôi nhận", /Lê Cán Bộ đã nhận/);
    expect(await sendQuickTip(Persona.create(t.standIn, { first_name: "Sau" }), LATER)).not.toBeNull();
    await officerThere.waitFor(/bãi đất trống sau chợ/, new Set());
    expect(t.standIn.botMessages(ward.groupId).filter((m) => /Tin báo #/.test(m.text ?? ""))).toHaveLength(1);
  });

  it("follows Telegram's answer when it sends to the old id before the service messages arrive, and posts the failed card there", async () => {
    const { t, ward } = await wardInBasicGroup();
    const { supergroup, deliverServiceMessages } = t.standIn.upgradeGroup(ward.groupId, { holdServiceMessages: true });

    // The new tip's card goes to the old id first: refused with the new id, it is posted there at once.
    expect(await sendQuickTip(Persona.create(t.standIn, { first_name: "Sau" }), LATER)).not.toBeNull();
    const officerThere = ward.officer.in(supergroup.id);
    await officerThere.waitFor(/bãi đất trống sau chợ/, new Set());
    const refused = t.standIn.callsTo("sendMessage").filter((c) => String(c.params.chat_id) === String(ward.groupId) && /Tin báo #/.test(String(c.params.text)));
    expect(refused.length).toBeGreaterThanOrEqual(2); // the earlier card, then the refused one
    expect(await boundTo(t)).toBe(String(supergroup.id));
    expect(await migrations(t)).toHaveLength(1);

    // The earlier tip's card, stuck in the old group, comes with the next scheduled run.
    t.clock.advance(3 * 60_000);
    await t.app.tick();
    await officerThere.waitFor(/quán nước hẻm 5/, new Set());

    // The service messages arrive late: nothing moves twice, no card twice.
    const logged = t.logs.lines.length;
    deliverServiceMessages();
    await until(
      () => t.logs.lines.slice(logged).filter((l) => l.includes("a group was upgraded to a supergroup")).length === 2,
      () => "the bot did not handle both service messages",
    );
    expect(await migrations(t)).toHaveLength(1);
    expect(await cardsIn(t, supergroup.id)).toHaveLength(2);
    expect(t.standIn.botMessages(supergroup.id).filter((m) => /Tin báo #/.test(m.text ?? ""))).toHaveLength(2);
  });
});

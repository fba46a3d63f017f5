// Cards that cannot reach the police group are not lost quietly (issue 15,
// item 5; issue 17): each failure is recorded with what is still owed (the
// card, or only the photos or the pin under it), retried with back-off until it
// lands, counted by /readyz (a degraded state, still ready to take updates),
// and the ward's admin is told in private once per incident, and once when it
// is over.
import { afterEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

interface Readyz {
  ready: boolean;
  degraded?: boolean;
  policeGroups?: { undelivered: number };
}

const QUIET = { category: "Dấu hiệu khác", quarter: "Không rõ", place: null, timing: "Trước đây" } as const;

describe("cards the police group did not get", () => {
  const running: TestApp[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.stop();
  });

  async function start(): Promise<{ t: TestApp; ward: Ward }> {
    const t = await startTestApp({ env: { HTTP_PORT: "0" } });
    running.push(t);
    return { t, ward: await setUpWard(t) };
  }
  const readyz = async (t: TestApp): Promise<{ status: number; body: Readyz }> => {
    const res = await fetch(`${t.app.httpUrl}/readyz`);
    return { status: res.status, body: (await res.json()) as Readyz };
  };
  const minutes = async (t: TestApp, n: number) => {
    t.clock.advance(n * 60_000);
    await t.app.tick();
  };
  const cardSends = (t: TestApp, ward: Ward) => t.standIn.callsTo("sendMessage").filter((c) => String(c.params.chat_id) === String(ward.groupId) && /Tin báo #/.test(String(c.params.text)));
  const troubleNotices = (ward: Ward) => ward.admin.botMessages().filter((m) => /không gửi được tin báo vào nhóm Công an phường/.test(m.text ?? ""));
  const recoveryNotices = (ward: Ward) => ward.admin.botMessages().filter((m) => /đã gửi lại được tin báo/.test(m.text ?? ""));

  it("while the bot is out of the group: /readyz counts them, the admin is told once, they are retried with back-off and land once it is back", async () => {
    const { t, ward } = await start();
    expect(await readyz(t)).toEqual({ status: 200, body: expect.objectContaining({ ready: true, degraded: false, policeGroups: { undelivered: 0 } }) as unknown });

    // Someone removes the bot from the police group: every card is refused with 403.
    t.standIn.addMember(ward.groupId, t.standIn.botInfo.id, "kicked");
    for (const [i, text] of ["Có mùi lạ ở bãi đất trống", "Xe lạ đậu trước nhà số 9 mỗi đêm"].entries()) {
      const resident = Persona.create(t.standIn, { first_name: `Dân ${i}` });
      // The resident's tip is taken and stored all the same.
      expect(await sendQuickTip(resident, { ...QUIET, description: text })).not.toBeNull();
    }
    await eventually(async () => expect((await readyz(t)).body.policeGroups).toEqual({ undelivered: 2 }));
    const degraded = await readyz(t);
    // Degraded, not unready: a balancer must keep sending updates (the fix — /bindgroup, re-adding the bot — arrives as one).
    expect(degraded).toEqual({ status: 200, body: expect.objectContaining({ ready: true, degraded: true }) as unknown });
    await ward.admin.waitFor(/không gửi được tin báo vào nhóm Công an phường của Phường Quy Nhơn Đông/, new Set());
    expect(troubleNotices(ward)[0]?.text).toMatch(/bot không còn trong nhóm/);
    const tried = cardSends(t, ward).length;
    expect(tried).toBe(2);

    // Retried a minute later, still refused: told nothing more.
    await minutes(t, 1);
    expect(cardSends(t, ward)).toHaveLength(4);
    // Backing off: the next try is two minutes after that one, not at every tick.
    await minutes(t, 1);
    expect(cardSends(t, ward)).toHaveLength(4);
    expect(troubleNotices(ward)).toHaveLength(1);

    // The bot is added back: the next try lands both cards, once each, and the admin hears it is over.
    t.standIn.addMember(ward.groupId, t.standIn.botInfo.id, "administrator");
    await minutes(t, 1);
    await ward.group(ward.officer).waitFor(/bãi đất trống/, new Set());
    await ward.group(ward.officer).waitFor(/nhà số 9/, new Set());
    expect(t.standIn.botMessages(ward.groupId).filter((m) => /Tin báo #/.test(m.text ?? ""))).toHaveLength(2);
    await ward.admin.waitFor(/đã gửi lại được tin báo vào nhóm Công an phường/, new Set());
    expect(await readyz(t)).toEqual({ status: 200, body: expect.objectContaining({ ready: true, degraded: false, policeGroups: { undelivered: 0 } }) as unknown });
    await minutes(t, 30);
    expect(t.standIn.botMessages(ward.groupId).filter((m) => /Tin báo #/.test(m.text ?? ""))).toHaveLength(2);
    expect(troubleNotices(ward)).toHaveLength(1);
    expect(recoveryNotices(ward)).toHaveLength(1);
  });

  it("when only the photos and the pin under a card fail, only they are retried, replying to the card that did land", async () => {
    const { t, ward } = await start();
    const resident = Persona.create(t.standIn, { first_name: "Ảnh" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.tap("Khu phố 3", /Bước 3\/6/);
    await resident.sendLocation(13.7765, 109.2237, /nơi bạn muốn báo/);
    await resident.tap("Đúng nơi tôi muốn báo", /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say("Giao hàng ở bãi xe sau chợ", /Bước 6\/6/);
    await resident.sendPhoto(/Đã nhận ảnh 1\/5/);
    await resident.tap("Xong", /Xem lại/);
    // The group lets the bot post text, not photos or locations (as a group's permissions may).
    t.standIn.failNext("sendPhoto", { error_code: 400, description: "Bad Request: not enough rights to send photos to the chat" });
    t.standIn.failNext("sendLocation", { error_code: 400, description: "Bad Request: not enough rights to send locations to the chat" });
    const logged = t.logs.lines.length;
    await resident.tap("📨 Gửi", /Mã biên nhận/);

    const card = await ward.group(ward.officer).waitFor(/bãi xe sau chợ/, new Set());
    await eventually(async () => expect((await readyz(t)).body.policeGroups).toEqual({ undelivered: 1 }));
    await ward.admin.waitFor(/không gửi được tin báo vào nhóm Công an phường/, new Set());
    expect(troubleNotices(ward)[0]?.text).toMatch(/không có quyền gửi/);
    // The log says what failed, by tip id, and nothing of what the tip says.
    const failure = t.logs.lines.slice(logged).find((l) => l.includes("part of a tip's card did not reach the police group"));
    expect(failure).toMatch(/"parts":\["photos","pin"\]/);
    expect(t.logs.lines.slice(logged).join("\n")).not.toContain("bãi xe sau chợ");

    await minutes(t, 1);
    const photo = await ward.group(ward.officer).waitFor(/Ảnh kèm tin báo/, new Set());
    expect(photo.reply_to_message_id).toBe(card.message_id);
    await eventually(() => expect(t.standIn.botMessages(ward.groupId).filter((m) => m.location)).toHaveLength(1));
    expect(t.standIn.botMessages(ward.groupId).find((m) => m.location)?.reply_to_message_id).toBe(card.message_id);
    // The card itself went once.
    expect(cardSends(t, ward)).toHaveLength(1);
    await eventually(async () => expect((await readyz(t)).body).toEqual(expect.objectContaining({ degraded: false, policeGroups: { undelivered: 0 } })));
    await ward.admin.waitFor(/đã gửi lại được tin báo/, new Set());
  });
});

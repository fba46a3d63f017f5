// A refusal says what was refused: a command is "lệnh này", a button is "nút
// này", never the other way round. Every staff command is tried by someone who
// is not staff (and admin commands by an officer), every staff button pressed
// by someone who may not press it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUTTON_KINDS } from "../../src/bot/callback-data/index.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { until } from "../support/wait.js";

/** Staff commands, as someone outside the ward's staff would try them in private. */
const STAFF_COMMANDS = ["/tips", "/tip A7K3", "/deadlines", "/deadline", "/agencies", "/inviteagency 1", "/invitehead 5", "/report", "/quarterstatus 5", "/roadmap", "/target", "/mobaocao", "/mobaocao 5", "/opencheckin"];
/** Admin commands, as an officer who is not the admin would try them. */
const ADMIN_COMMANDS = ["/invite", "/officers", "/heads", "/checkinschedule 4 7 48 24", "/holiday 2027-02-05 2027-02-11 Tết", "/audit A7K3", "/contacts 1", "/addagency Hội Phụ nữ", "/removeagency 1", "/target 2026 5"];

describe("refusals fit what was done", () => {
  let t: TestApp;
  let ward: Ward;
  let stranger: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    stranger = Persona.create(t.standIn, { first_name: "Người", last_name: "Lạ" });
    await sendQuickTip(Persona.create(t.standIn, { first_name: "Dân" }), { category: "Mua bán ma túy", quarter: "Khu phố 2", place: null, timing: "Hôm nay", description: "Có người bán ma túy ở hẻm 3" });
    await until(() => ward.group(ward.officer).botMessages().find((m) => /Tin báo #/.test(m.text ?? "")), () => "no card");
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each(STAFF_COMMANDS)("%s by a resident is refused as a command", async (command) => {
    const reply = await stranger.say(command, /⛔|Chỉ/);
    expect(reply?.text).toMatch(/lệnh/);
    expect(reply?.text).not.toMatch(/nút/);
  });

  it.each(ADMIN_COMMANDS)("%s by an officer is refused as a command", async (command) => {
    const reply = await ward.officer.say(command, /⛔|Chỉ/);
    expect(reply?.text).toMatch(/lệnh/);
    expect(reply?.text).not.toMatch(/nút/);
  });

  // Buttons only staff may press, each pressed with real ids by someone who may not.
  const staffButtons = Object.entries(BUTTON_KINDS).filter(([, kind]) => ["officer-of-card-ward", "ward-staff", "ward-admin"].includes(kind.audience));

  it.each(staffButtons)("%s pressed by someone who may not is refused as a button", async (_name, kind) => {
    const officerId = (await t.app.services.db.member.findFirstOrThrow({ where: { role: "officer" } })).id;
    const tipId = (await t.app.services.db.tip.findFirstOrThrow()).id;
    const args = { ...kind.examples[0], ...("memberId" in (kind.examples[0] ?? {}) ? { memberId: officerId } : {}), ...("tipId" in (kind.examples[0] ?? {}) ? { tipId } : {}) } as never;
    const data = kind.encode(args);
    // A card's buttons are pressed in the police group by a bystander; the others in private, by an officer when only the admin may.
    const presser = kind.audience === "officer-of-card-ward" ? ward.group(ward.bystander) : kind.audience === "ward-admin" ? ward.officer : stranger;
    const message = presser.botMessages().at(-1) ?? (await presser.say("/help", /./))!;
    const { answer } = await presser.press(message.message_id, data);
    expect(answer.text ?? "", `${kind.prefix}: ${answer.text}`).toMatch(/nút/);
    expect(answer.text ?? "").not.toMatch(/lệnh/);
  });
});

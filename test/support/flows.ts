// Every conversation the bot runs (grep createConversation), and how a person
// gets into each: for tests that must hold for all of them.
import { expect } from "vitest";
import type { TestApp } from "./harness.js";
import { Persona } from "./persona.js";
import { sendQuickTip, setUpWard, type Ward } from "./scenario.js";

export const FLOW_NAMES = ["tip", "follow", "checkin", "deadline-new", "deadline-file"] as const;
export type FlowName = (typeof FLOW_NAMES)[number];

/** A ward with someone to play each flow: a resident's receipt, a head of Khu phố 5 with the week open, a health-station contact with a report asked of them. */
export interface FlowWorld {
  t: TestApp;
  ward: Ward;
  wardId: string;
  head: Persona;
  contact: Persona;
  receipt: string;
}

let residents = 0;

export async function setUpFlowWorld(t: TestApp): Promise<FlowWorld> {
  const ward = await setUpWard(t);
  const wardId = (await t.app.services.db.ward.findFirstOrThrow()).id;

  const headInvite = await ward.officer.say("/invitehead 5", /Liên kết mời/);
  const head = Persona.create(t.standIn, { first_name: "Tổ trưởng", last_name: "Năm" });
  await head.say(`/start ${/start=(qh_[\w-]+)/.exec(headInvite?.text ?? "")![1]}`, /Khu phố 5/);
  await head.tap("Xác nhận", /Bạn đã được đăng ký là/);
  await t.app.services.checkIns.openNow(wardId);
  await head.waitFor(/Báo cáo tuần/, new Set());

  const agencyInvite = await ward.officer.say("/inviteagency 1", /Liên kết mời người báo cáo/);
  const contact = Persona.create(t.standIn, { first_name: "Y sĩ", last_name: "Hoa" });
  await contact.say(`/start ${/start=(ag_[\w-]+)/.exec(agencyInvite?.text ?? "")![1]}`, /Bạn được mời làm người báo cáo/);
  await contact.tap("Xác nhận", /Bạn là người báo cáo của/);
  await ward.officer.say("/deadline", /Bước 1\/3/);
  await ward.officer.say("Báo cáo đột xuất dịp Tết", /Bước 2\/3/);
  await ward.officer.say("chậm nhất 20/1/2027", /Bước 3\/3/);
  await ward.officer.tap("Chọn theo số", /Gõ số các cơ quan/);
  await ward.officer.say("1", /1 cơ quan/);
  await ward.officer.tap("Tạo và gửi yêu cầu", /Đã tạo hạn/);
  await contact.waitFor(/Báo cáo đột xuất dịp Tết/, new Set());

  const receipt = await sendQuickTip(resident(t), { category: "Điểm tụ tập", quarter: "Khu phố 2", place: "nhà trọ Hoa Mai", timing: "Kéo dài", description: "Người lạ ra vào ban đêm" });
  expect(receipt).toMatch(/^TB-/);
  return { t, ward, wardId, head, contact, receipt: receipt! };
}

/** A new resident: tests that enter many flows keep each one's chat apart. */
export function resident(t: TestApp): Persona {
  residents += 1;
  return Persona.create(t.standIn, { first_name: `Cư dân ${residents}` });
}

/**
 * Brings someone into the flow, at a step that takes typed text, and returns
 * them with how many bot messages their chat had before the flow began.
 */
export async function intoFlow(w: FlowWorld, flow: FlowName): Promise<{ persona: Persona; before: number }> {
  switch (flow) {
    case "tip": {
      const p = resident(w.t);
      const before = p.botMessages().length;
      await p.say("/tip", /Bước 1\/6/);
      await p.tap("Mua bán ma túy", /Bước 2\/6/);
      await p.tap("Khu phố 4", /Bước 3\/6/);
      await p.say("chân cầu Hà Thanh", /Bước 4\/6/);
      await p.tap("Hôm nay", /Bước 5\/6/);
      return { persona: p, before };
    }
    case "follow": {
      const p = resident(w.t);
      const before = p.botMessages().length;
      await p.say(`/status ${w.receipt}`, /Tình trạng tin báo/);
      await p.tap("Bổ sung thông tin", /Gõ thông tin bổ sung/);
      return { persona: p, before };
    }
    case "checkin": {
      const before = w.head.botMessages().length;
      await w.head.tap("Bắt đầu báo cáo tuần", /Số người <b>nghiện|Số người nghiện/);
      return { persona: w.head, before };
    }
    case "deadline-new": {
      const before = w.ward.officer.botMessages().length;
      await w.ward.officer.say("/deadline", /Bước 1\/3/);
      return { persona: w.ward.officer, before };
    }
    case "deadline-file": {
      const before = w.contact.botMessages().length;
      await w.contact.tap("Gửi file báo cáo", /Gửi file báo cáo của/);
      return { persona: w.contact, before };
    }
  }
}

/** Buttons a message shows: inline ones, or a reply keyboard's. */
export function keyboardLabels(message: { reply_markup?: unknown }): string[] {
  const markup = message.reply_markup as { inline_keyboard?: { text: string }[][]; keyboard?: ({ text: string } | string)[][] } | undefined;
  if (markup?.inline_keyboard) return markup.inline_keyboard.flat().map((b) => b.text);
  if (markup?.keyboard) return markup.keyboard.flat().map((b) => (typeof b === "string" ? b : b.text));
  return [];
}

export function inlineLabels(message: { reply_markup?: unknown }): string[] {
  const markup = message.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
  return markup?.inline_keyboard?.flat().map((b) => b.text) ?? [];
}

// A ward ready for tips: an admin who claimed it, an officer who joined by
// invite, a police group bound to the ward, and a bystander in that group.
import { expect } from "vitest";
import { Persona } from "./persona.js";
import type { TestApp } from "./harness.js";
import { until } from "./wait.js";

export interface Ward {
  admin: Persona;
  officer: Persona;
  bystander: Persona;
  groupId: number;
  group(persona: Persona): Persona;
}

/** `groupType`: the police group as Telegram makes it at first ("group") or after an upgrade ("supergroup", the default). */
export async function setUpWard(t: TestApp, options: { groupType?: "group" | "supergroup" } = {}): Promise<Ward> {
  const { standIn } = t;
  expect(t.adminCode).toMatch(/^ADM-/);
  const admin = Persona.create(standIn, { first_name: "Trần", last_name: "Quản Trị", username: "ward_admin" });
  await admin.say(`/admin ${t.adminCode}`, /quản trị viên của Phường Quy Nhơn Đông/);

  const inviteMessage = await admin.say("/invite", /Liên kết mời cán bộ/);
  const link = /https:\/\/t\.me\/\w+\?start=(inv_[\w-]+)/.exec(inviteMessage?.text ?? "");
  expect(link).not.toBeNull();

  const officer = Persona.create(standIn, { first_name: "Lê", last_name: "Cán Bộ", username: "officer_le" });
  await officer.say(`/start ${link![1]}`, /đã được đăng ký là cán bộ/);

  const group = standIn.createGroup({ title: "Công an phường Quy Nhơn Đông", type: options.groupType ?? "supergroup" });
  const bystander = Persona.create(standIn, { first_name: "Người", last_name: "Ngoài", username: "bystander" });
  for (const p of [admin, officer, bystander]) standIn.addMember(group.id, p.user.id, "member");
  await admin.in(group.id).say("/bindgroup", /đã được gắn làm nhóm công an/);

  return { admin, officer, bystander, groupId: group.id, group: (p) => p.in(group.id) };
}

export interface QuickTip {
  category: string;
  /** Button label of the quarter, or "Không rõ". */
  quarter: string;
  /** Free text, or null to skip. */
  place: string | null;
  timing: string;
  description: string;
  optIn?: boolean;
}

/** A resident sends a tip without photos; returns the receipt code, or null when the bot refused it. */
export async function sendQuickTip(resident: Persona, tip: QuickTip): Promise<string | null> {
  await resident.say("/tip", /Bước 1\/6/);
  await resident.tap(tip.category, /Bước 2\/6/);
  await resident.tap(tip.quarter, /Bước 3\/6/);
  await resident.say(tip.place ?? "⏭ Bỏ qua", /Bước 4\/6/);
  await resident.tap(tip.timing, /Bước 5\/6/);
  await resident.say(tip.description, /Bước 6\/6/);
  await resident.tap("Bỏ qua", /Xem lại/);
  if (tip.optIn) await turnNotificationsOn(resident);
  const done = await resident.tap("📨 Gửi", /Mã biên nhận|nhiều tin báo/);
  return /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(done.message?.text ?? "")?.[0] ?? null;
}

/** The review's notification switch, turned on: it changes in place (no second review), so this waits for its new label. */
export async function turnNotificationsOn(resident: Persona): Promise<void> {
  await resident.tap("Nhận thông báo: Tắt");
  await until(
    () => resident.botMessages().some((m) => resident.buttons(m).some((b) => b.includes("Nhận thông báo: Bật"))),
    () => `the review's switch did not turn on: ${resident.lastBotText()}`,
  );
}

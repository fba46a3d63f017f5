// Seeds the demo ward through the bot itself, as real people would: the admin
// claims the ward with the printed code, invites two officers, and binds the
// police group. Ids are fixed so a restarted demo finds its people again.
// A resident on Zalo needs no seeding: Zalo users simply write to the bot.
import { agencyInviteButtons, headInviteButtons } from "../../bot/callback-data/index.js";
import type { App } from "../../app.js";
import type { BotApiStandIn } from "../bot-api-stand-in/index.js";
import type { ZaloStandIn } from "../zalo-stand-in/index.js";
import type { Channel, Persona } from "./server.js";

const ADMIN_ID = 7001;
const OFFICER_IDS = [7002, 7003];
const RESIDENT_ID = 7101;
const HEAD_IDS = [7201, 7202, 7203];
const AGENCY_CONTACT_ID = 7301;
const GROUP_ID = -1001000000777;
/** Zalo user ids are 20 lowercase hex characters. */
const ZALO_RESIDENT_ID = "2a10000000000000a101";

async function reply(standIn: BotApiStandIn, chatId: number, pattern: RegExp, after = 0): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = standIn.botMessages(chatId).slice(after).find((m) => pattern.test(m.text ?? ""));
    if (found) return found.text ?? "";
    if (Date.now() > deadline) throw new Error(`demo seeding: no reply matching ${pattern} in chat ${chatId}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function seedDemo(app: App, standIn: BotApiStandIn, zaloStandIn: ZaloStandIn): Promise<{ personas: Persona[]; newResident(channel: Channel): Persona }> {
  const admin = standIn.createUser({ id: ADMIN_ID, first_name: "Trần Văn", last_name: "Quản Trị", username: "demo_admin" });
  const officers = [
    standIn.createUser({ id: OFFICER_IDS[0]!, first_name: "Lê Văn", last_name: "An", username: "demo_officer_an" }),
    standIn.createUser({ id: OFFICER_IDS[1]!, first_name: "Phạm Thị", last_name: "Bình", username: "demo_officer_binh" }),
  ];
  const resident = standIn.createUser({ id: RESIDENT_ID, first_name: "Người dân" });
  const zaloResident = zaloStandIn.createUser({ id: ZALO_RESIDENT_ID, displayName: "Người dân Zalo" });
  const heads = [
    standIn.createUser({ id: HEAD_IDS[0]!, first_name: "Nguyễn Văn", last_name: "Tổ Trưởng" }),
    standIn.createUser({ id: HEAD_IDS[1]!, first_name: "Võ Thị", last_name: "Hai" }),
    standIn.createUser({ id: HEAD_IDS[2]!, first_name: "Đặng Văn", last_name: "Ba" }),
  ];
  const healthContact = standIn.createUser({ id: AGENCY_CONTACT_ID, first_name: "Hồ Thị", last_name: "Y Tế" });
  const group = standIn.createGroup({ id: GROUP_ID, title: "Công an phường (nhóm)", type: "supergroup" });
  for (const user of [admin, ...officers]) standIn.addMember(group.id, user.id, "member");

  if (app.adminCode) {
    standIn.sendText(admin.id, admin.id, `/admin ${app.adminCode}`);
    await reply(standIn, admin.id, /ADM|quản trị viên của|admin of/);
    for (const officer of officers) {
      const before = standIn.botMessages(admin.id).length;
      standIn.sendText(admin.id, admin.id, "/invite");
      const deadline = Date.now() + 10_000;
      let payload: string | undefined;
      while (!payload) {
        const text = standIn.botMessages(admin.id).slice(before).map((m) => m.text ?? "").join("\n");
        payload = /start=(inv_[\w-]+)/.exec(text)?.[1];
        if (!payload && Date.now() > deadline) throw new Error("demo seeding: no invite link");
        if (!payload) await new Promise((r) => setTimeout(r, 20));
      }
      standIn.sendText(officer.id, officer.id, `/start ${payload}`);
      await reply(standIn, officer.id, /cán bộ|officer/);
    }
    standIn.sendText(admin.id, group.id, "/bindgroup");
    await reply(standIn, group.id, /nhóm công an|police group/);

    // Heads of Khu phố 1, 2 and 3, each through an officer's invite and their own confirmation.
    for (const [i, head] of heads.entries()) {
      const before = standIn.botMessages(officers[0]!.id).length;
      standIn.sendText(officers[0]!.id, officers[0]!.id, `/invitehead ${i + 1}`);
      const headLink = /start=(qh_[\w-]+)/.exec(await reply(standIn, officers[0]!.id, /start=qh_/, before))?.[1];
      standIn.sendText(head.id, head.id, `/start ${headLink}`);
      await reply(standIn, head.id, new RegExp(`Khu phố ${i + 1}`));
      const confirm = standIn.botMessages(head.id).at(-1)!;
      const data = standIn.inlineButtons(confirm).find((b) => headInviteButtons.accept.parse(b.callback_data ?? "") !== null)?.callback_data;
      if (data) standIn.pressButton(head.id, head.id, confirm.message_id, data);
      await reply(standIn, head.id, /đăng ký là|registered as/);
    }
    // The health station's contact (agency 1 in /agencies: the ward police collect, they are not numbered), for deadline reminders.
    const before = standIn.botMessages(officers[0]!.id).length;
    standIn.sendText(officers[0]!.id, officers[0]!.id, "/inviteagency 1");
    const agencyLink = /start=(ag_[\w-]+)/.exec(await reply(standIn, officers[0]!.id, /start=ag_/, before))?.[1];
    standIn.sendText(healthContact.id, healthContact.id, `/start ${agencyLink}`);
    await reply(standIn, healthContact.id, /Trạm Y tế|health/i);
    const invitation = standIn.botMessages(healthContact.id).at(-1)!;
    const accept = standIn.inlineButtons(invitation).find((b) => agencyInviteButtons.accept.parse(b.callback_data ?? "") !== null)?.callback_data;
    if (accept) standIn.pressButton(healthContact.id, healthContact.id, invitation.message_id, accept);
    await reply(standIn, healthContact.id, /Bạn là người báo cáo|You report for/);
    app.logger.info("demo ward seeded: admin, two officers, police group, three quarter heads, a health station contact");
  }

  const personas: Persona[] = [
    { key: "resident", userId: resident.id, chatId: resident.id, title: "👤 Người dân", subtitle: "Gửi tin báo ẩn danh · resident", kind: "resident" },
    {
      key: "resident-zalo",
      channel: "zalo",
      userId: zaloResident.id,
      chatId: zaloResident.id,
      title: "💬 Người dân (Zalo)",
      subtitle: "Gửi tin báo trên Zalo · resident on Zalo",
      kind: "resident",
    },
    { key: "group", userId: officers[0]!.id, chatId: group.id, title: "👮 Nhóm Công an phường", subtitle: "như / as Lê Văn An (cán bộ)", kind: "group" },
    { key: "officer-an", userId: officers[0]!.id, chatId: officers[0]!.id, title: "👮 Lê Văn An", subtitle: "Cán bộ · officer (tin nhắn riêng)", kind: "officer" },
    { key: "officer-binh", userId: officers[1]!.id, chatId: officers[1]!.id, title: "👮 Phạm Thị Bình", subtitle: "Cán bộ · officer (tin nhắn riêng)", kind: "officer" },
    ...heads.map((head, i): Persona => ({
      key: i === 0 ? "head" : `head-${i + 1}`,
      userId: head.id,
      chatId: head.id,
      title: `🏘 ${head.first_name} ${head.last_name ?? ""}`.trim(),
      subtitle: `Tổ trưởng Khu phố ${i + 1} · quarter head`,
      kind: "head",
    })),
    { key: "agency", userId: healthContact.id, chatId: healthContact.id, title: "🏢 Hồ Thị Y Tế", subtitle: "Trạm Y tế phường · agency contact", kind: "agency" },
    { key: "admin", userId: admin.id, chatId: admin.id, title: "🛡 Trần Văn Quản Trị", subtitle: "Quản trị phường · ward admin", kind: "admin" },
  ];
  let residents = 1;
  return {
    personas,
    newResident(channel) {
      residents += 1;
      let persona: Persona;
      if (channel === "zalo") {
        const user = zaloStandIn.createUser({ displayName: `Người dân ${residents}` });
        persona = { key: `resident-zalo-${user.id}`, channel, userId: user.id, chatId: user.id, title: `💬 Người dân ${residents} (Zalo)`, subtitle: "ẩn danh trên Zalo · anonymous, on Zalo", kind: "resident" };
      } else {
        const user = standIn.createUser({ first_name: `Người dân ${residents}` });
        persona = { key: `resident-${user.id}`, userId: user.id, chatId: user.id, title: `👤 Người dân ${residents}`, subtitle: "ẩn danh · anonymous", kind: "resident" };
      }
      personas.push(persona);
      return persona;
    },
  };
}

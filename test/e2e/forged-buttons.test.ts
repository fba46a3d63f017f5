// Forged buttons, generated from the bot's own encoders: for EVERY kind of
// button in the registry (src/bot/callback-data), correctly encoded data whose
// ids point at real rows the presser has no right to — another ward's tip,
// check-in, report deadline, head, contact or officer — is pressed by everyone
// who must be refused: a resident, a bystander and a removed officer in the
// police group, quarter heads and agency contacts, and the other ward's officer
// and admin (in their own group, in the other ward's group and in private).
// Each press must change nothing in the database, send nothing to any other
// chat, show the presser nothing but a refusal, and answer with a refusal.
// A new kind of button is pressed here by construction; a new audience needs a
// rule below, or this test fails.
import { I18n } from "@grammyjs/i18n";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Audience, BUTTON_KINDS, type ButtonKind, EXAMPLE_ID, OTHER_EXAMPLE_ID } from "../../src/bot/callback-data/index.js";
import { defaultWardWords, localesDirectory } from "../../src/bot/i18n.js";
import { FakeClock } from "../support/clock.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { readTable, tableNames } from "../support/sealed-rows.js";
import { setUpWard } from "../support/scenario.js";
import { eventually, until } from "../support/wait.js";

// Wednesday 25 Nov 2026, 09:00 in Vietnam; the week's check-in opens Friday 08:00 (01:00 UTC).
const START = Date.parse("2026-11-25T02:00:00Z");
const CHECK_IN_OPEN = Date.parse("2026-11-27T01:01:00Z");
const SUPER_ADMIN_ID = 990_000_003;
/** Data no kind reads: its (empty) answer comes only once the chat's earlier update is fully handled. */
const BARRIER = "zz:barrier";

type Stored = ReturnType<Persona["botMessages"]>[number];

/** Someone pressing in one chat. */
interface Presser {
  key: string;
  persona: Persona;
  group: boolean;
}

/** A real row and who may act on it (presser keys); everyone else must be refused. */
interface Target {
  what: string;
  id: string;
  rightful: string[];
}

const i18n = new I18n({ defaultLocale: "vi", directory: localesDirectory, useSession: false, fluentBundleOptions: { useIsolating: false } });
// Both wards here call their quarters "khu phố" (the default): "ci-not-head" names them so.
const vi = (key: string) => i18n.t("vi", key, { channel: "telegram", ...defaultWardWords() });
/** What a refused press may answer (the toast or alert). */
const REFUSALS = new Set(
  ["card-only-officers", "card-wrong-ward", "card-tip-not-found", "card-tip-closed", "not-admin", "person-already-removed", "ci-not-head", "ci-window-closed", "dl-not-contact", "dl-not-found", "lang-only-officers", "hint-use-buttons", "not-super-admin-button", "not-admin-button", "tip-expired"].map(vi),
);
/** What a refused press may show in the presser's own chat. */
const REFUSAL_MESSAGES = new Set([...REFUSALS, ...["invite-invalid", "invite-used", "invite-expired"].map(vi)]);

/** Pressers who may press "staff-self" buttons: active staff of any kind, each in their private chat. */
const NAMING_THEMSELVES = new Set(["headA@private", "headB@private", "contactA@private", "contactB@private", "officerA@private", "adminA@private", "officerB@private"]);

/**
 * Who must be refused a kind of button. Kinds whose data names rows: everyone
 * (the rows drawn are ones the presser has no right to). Kinds without: those
 * outside the audience, by the chat they press in.
 */
function mustRefuse(audience: Audience, p: Presser, legitStaff: (p: Presser) => boolean): boolean {
  switch (audience) {
    case "officer-of-card-ward":
    case "admin-of-card-ward":
    case "admin-binding-group":
    case "super-admin":
    case "ward-admin":
    case "quarter-head":
    case "agency-contact":
    case "invite-holder":
    case "staff-in-flow":
    case "quarter-head-in-flow":
    case "resident-in-flow":
    case "anyone-in-flow":
      // Rows drawn are ones the presser has no right to; nobody here is in a flow, whose buttons pressed outside it start nothing.
      return true;
    case "ward-staff":
      return !legitStaff(p);
    case "staff-self":
      // Any active staff member names themselves, in private: heads and agency contacts too.
      return !NAMING_THEMSELVES.has(p.key);
    case "anyone-private":
      return p.group;
    case "chat-language":
      return p.group && !legitStaff(p);
  }
}

describe("forged buttons, encoded by the bot's own encoders, pressed by everyone who must be refused", () => {
  let t: TestApp;
  const pressers: Presser[] = [];
  const targets: Target[] = [];
  /** Invite payloads that must open nothing: used ones, and unused ones of another kind. */
  const payloads: string[] = [];
  /** Texts of ward B and of the tips, which a refused press must not carry anywhere. */
  const secrets: string[] = [];
  let legitStaff: (p: Presser) => boolean = () => false;
  let baseline = "";

  async function databaseState(): Promise<string> {
    const db = t.app.db;
    const kind = t.databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
    const parts: string[] = [];
    // Every table (hidden write-order columns included), but the log of update ids handled.
    for (const table of await tableNames(db, kind)) {
      if (table === "ProcessedUpdate" || table === "_prisma_migrations") continue;
      const rows = (await readTable(db, kind, table)).map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
      parts.push(`${table}\n${rows.sort().join("\n")}`);
    }
    return parts.join("\n\n");
  }

  function changedTables(before: string, after: string): string[] {
    const byTable = (s: string) => new Map(s.split("\n\n").map((part) => [part.slice(0, part.indexOf("\n") === -1 ? undefined : part.indexOf("\n")), part]));
    const a = byTable(before);
    const b = byTable(after);
    return [...new Set([...a.keys(), ...b.keys()])].filter((table) => a.get(table) !== b.get(table));
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: new FakeClock(START), env: { SUPER_ADMIN_IDS: String(SUPER_ADMIN_ID) } });
    const { standIn } = t;
    const a = await setUpWard(t);

    // Ward B, created by a super-admin, with its admin, officers (one later removed), group and bystander.
    const superAdmin = Persona.create(standIn, { id: SUPER_ADMIN_ID, first_name: "Quản Trị", last_name: "Hệ Thống" });
    const created = await superAdmin.say("/newward nhon-binh Phường Nhơn Bình\nKhu phố Một\nKhu phố Hai", /Đã tạo Phường Nhơn Bình/);
    const adminB = Persona.create(standIn, { first_name: "Phạm", last_name: "Quản Trị Bê" });
    await adminB.say(`/admin ${/ADM(?:-[A-Z0-9]{4}){3}/.exec(created?.text ?? "")![0]}`, /quản trị viên của Phường Nhơn Bình/);
    const joinB = async (first: string, last: string) => {
      const invite = await adminB.say("/invite", /Liên kết mời cán bộ/);
      const person = Persona.create(standIn, { first_name: first, last_name: last });
      await person.say(`/start ${/start=(inv_[\w-]+)/.exec(invite?.text ?? "")![1]}`, /đã được đăng ký là cán bộ/);
      return person;
    };
    const officerB = await joinB("Võ", "Cán Bộ Bê");
    const removedB = await joinB("Đinh", "Thôi Việc");
    const bystanderB = Persona.create(standIn, { first_name: "Người", last_name: "Ngoài Bê" });
    const groupB = standIn.createGroup({ title: "Công an phường Nhơn Bình", type: "supergroup" });
    for (const p of [adminB, officerB, removedB, bystanderB, a.officer, a.admin]) standIn.addMember(groupB.id, p.user.id, "member");
    await adminB.in(groupB.id).say("/bindgroup", /đã được gắn làm nhóm công an của Phường Nhơn Bình/);
    await adminB.say("/officers", /Cán bộ của phường/);
    await adminB.tap("Đinh Thôi Việc", /Đã gỡ quyền của Đinh Thôi Việc/);
    // The bot took the removed officer out of the group; they come back by an old invite link, to press from inside.
    await eventually(() => expect(standIn.memberStatus(groupB.id, removedB.user.id)).toBe("left"));
    standIn.addMember(groupB.id, removedB.user.id, "member");

    // A quarter head and an agency contact in each ward; each invite's token is kept, to be replayed once used.
    const tokenOf = (text: string | undefined, prefix: string) => new RegExp(`start=(${prefix}_[\\w-]+)`).exec(text ?? "")![1]!;
    const enrol = async (officer: Persona, command: string, prefix: "qh" | "ag", name: string) => {
      const invite = await officer.say(command, /Liên kết mời/);
      const payload = tokenOf(invite?.text, prefix);
      const person = Persona.create(standIn, { first_name: name });
      await person.say(`/start ${payload}`, /Bạn được mời làm/);
      await person.tap("Xác nhận", prefix === "qh" ? /Bạn đã được đăng ký là/ : /Bạn là người báo cáo của/);
      payloads.push(payload);
      return person;
    };
    const headA = await enrol(a.officer, "/invitehead 3", "qh", "Tổ Trưởng Anh");
    const headB = await enrol(officerB, "/invitehead 1", "qh", "Tổ Trưởng Bình");
    const contactA = await enrol(a.officer, "/inviteagency 2", "ag", "Y Sĩ Anh");
    const contactB = await enrol(officerB, "/inviteagency 2", "ag", "Y Sĩ Bình");
    // Unused links of one kind presented as another: refused, and not used up (the database must not change).
    const staffLink = tokenOf((await adminB.say("/invite", /Liên kết mời cán bộ/))?.text, "inv").slice(4);
    const headLink = tokenOf((await officerB.say("/invitehead 2", /Liên kết mời/))?.text, "qh").slice(3);
    payloads.push(`qh_${staffLink}`, `ag_${staffLink}`, `ag_${headLink}`);

    // A tip in each ward, by its link; each card in its group.
    const resident = Persona.create(standIn, { first_name: "Dân", last_name: "Thường" });
    const tipIn = async (slug: string, quarter: string, place: string, description: string) => {
      const tipster = Persona.create(standIn, { first_name: "Người", last_name: `Báo ${slug}` });
      await tipster.say(`/start w_${slug}`, /tin báo về ma túy/);
      await tipster.tap("Gửi tin báo", /Bước 1\/6/);
      await tipster.tap("Mua bán", /Bước 2\/6/);
      await tipster.tap(quarter, /Bước 3\/6/);
      await tipster.say(place, /Bước 4\/6/);
      await tipster.tap("Hôm nay", /Bước 5\/6/);
      await tipster.say(description, /Bước 6\/6/);
      await tipster.tap("Bỏ qua", /Xem lại tin báo/);
      await tipster.tap("📨 Gửi", /Mã biên nhận/);
      const tip = await t.app.services.db.tip.findFirstOrThrow({ where: { ward: { slug } } });
      secrets.push(description, place, `#${tip.reference}`);
      return tip;
    };
    const tipA = await tipIn("quy-nhon-dong", "Khu phố 4", "bến xe Anh Đào", "Bán hàng trắng ở bến xe Anh Đào mỗi tối");
    const tipB = await tipIn("nhon-binh", "Khu phố Hai", "chợ cá Bình Minh", "Giao hàng ở cổng sau chợ cá Bình Minh");
    for (const [group, reference] of [[a.groupId, tipA.reference], [groupB.id, tipB.reference]] as const) {
      await until(() => standIn.messages(group).find((m) => m.from_bot && (m.text ?? "").includes(`Tin báo #${reference}`)), () => `no card #${reference}`);
    }
    await resident.say("/start", /./);

    // The week's check-in opens and the year's report deadline is planned, in both wards.
    t.clock.advance(CHECK_IN_OPEN - t.clock.now().getTime());
    await t.app.tick();
    await headA.waitFor(/Báo cáo tuần/, new Set());
    await headB.waitFor(/Báo cáo tuần/, new Set());
    const db = t.app.services.db;
    const wardOf = async (slug: string) => (await db.ward.findFirstOrThrow({ where: { slug } })).id;
    const [wardA, wardB] = [await wardOf("quy-nhon-dong"), await wardOf("nhon-binh")];
    const checkIn = async (wardId: string, head: Persona) =>
      (await db.checkIn.findFirstOrThrow({ where: { wardId, quarter: { heads: { some: { telegramUserId: String(head.user.id) } } } } })).id;
    const submission = async (contact: Persona) =>
      (await db.deadlineSubmission.findFirstOrThrow({ where: { agency: { contacts: { some: { telegramUserId: String(contact.user.id) } } } } })).id;
    const head = async (p: Persona) => (await db.quarterHead.findFirstOrThrow({ where: { telegramUserId: String(p.user.id) } })).id;
    const contact = async (p: Persona) => (await db.agencyContact.findFirstOrThrow({ where: { telegramUserId: String(p.user.id) } })).id;
    const member = async (wardId: string, p: Persona) => (await db.member.findFirstOrThrow({ where: { wardId, telegramUserId: String(p.user.id) } })).id;

    const at = (p: Persona, chat?: number): Presser => ({ key: "", persona: chat === undefined ? p : p.in(chat), group: chat !== undefined });
    const named: Record<string, Presser> = {
      "resident": at(resident),
      "bystander@groupB": at(bystanderB, groupB.id),
      "removedOfficerB@groupB": at(removedB, groupB.id),
      "removedOfficerB@private": at(removedB),
      "headA@private": at(headA),
      "headB@private": at(headB),
      "contactA@private": at(contactA),
      "contactB@private": at(contactB),
      "officerA@groupA": at(a.officer, a.groupId),
      "officerA@groupB": at(a.officer, groupB.id),
      "officerA@private": at(a.officer),
      "adminA@groupA": at(a.admin, a.groupId),
      "adminA@groupB": at(a.admin, groupB.id),
      "adminA@private": at(a.admin),
      "officerB@private": at(officerB),
    };
    for (const [key, p] of Object.entries(named)) pressers.push({ ...p, key });
    const staff = new Set(["officerA@groupA", "officerA@private", "adminA@groupA", "adminA@private", "officerB@private"]);
    legitStaff = (p) => staff.has(p.key);

    targets.push(
      { what: "tip", id: tipA.id, rightful: ["officerA@groupA", "adminA@groupA"] },
      { what: "tip", id: tipB.id, rightful: [] },
      { what: "checkIn", id: await checkIn(wardA, headA), rightful: ["headA@private"] },
      { what: "checkIn", id: await checkIn(wardB, headB), rightful: ["headB@private"] },
      { what: "submission", id: await submission(contactA), rightful: ["contactA@private"] },
      { what: "submission", id: await submission(contactB), rightful: ["contactB@private"] },
      { what: "head", id: await head(headA), rightful: ["adminA@private"] },
      { what: "head", id: await head(headB), rightful: [] },
      { what: "contact", id: await contact(contactA), rightful: ["adminA@private"] },
      { what: "contact", id: await contact(contactB), rightful: [] },
      { what: "member", id: await member(wardA, a.officer), rightful: ["adminA@private"] },
      { what: "member", id: await member(wardB, officerB), rightful: [] },
      { what: "member", id: await member(wardB, adminB), rightful: [] },
    );
    secrets.push("Phường Nhơn Bình", "Khu phố Một", "Khu phố Hai", "Cán Bộ Bê", "Quản Trị Bê", "Tổ Trưởng Bình", "Y Sĩ Bình");
    baseline = await databaseState();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  /** The rows of `what` a presser has no right to (any row, for an argument no kind names yet). */
  const wrongRows = (p: Presser, what: string | undefined) => {
    const rows = targets.filter((r) => !r.rightful.includes(p.key));
    const typed = rows.filter((r) => r.what === what);
    return typed.length > 0 ? typed : rows;
  };
  const ROW_OF_ARGUMENT: Record<string, string> = { tipId: "tip", originalId: "tip", checkInId: "checkIn", submissionId: "submission", headId: "head", contactId: "contact", memberId: "member" };
  const isInvitePayload = (value: unknown) => typeof value === "string" && /^(qh|ag|inv)_/.test(value);

  /** The example's arguments with every id and invite token replaced by a real one the presser must not use. */
  function forged(kind: ButtonKind, example: object, p: Presser, pick: (n: number) => number): Record<string, unknown> {
    const args: Record<string, unknown> = { ...example };
    for (const [name, value] of Object.entries(args)) {
      if (value === EXAMPLE_ID || value === OTHER_EXAMPLE_ID) {
        const rows = wrongRows(p, ROW_OF_ARGUMENT[name]);
        args[name] = rows[pick(rows.length)]!.id;
      } else if (isInvitePayload(value)) {
        const prefix = String(value).slice(0, 3);
        const fitting = [...payloads.filter((x) => x.startsWith(prefix)), String(value)];
        args[name] = fitting[pick(fitting.length)];
      }
    }
    return args;
  }

  /** Presses `data` as `p` on one of the bot's messages in that chat, and checks that nothing happened. */
  async function pressAndCheck(p: Presser, data: string, onMessage: (messages: Stored[]) => Stored): Promise<void> {
    const chatId = p.persona.chatId;
    const message = onMessage(p.persona.botMessages());
    const callsBefore = t.standIn.calls.length;
    const logsBefore = t.logs.lines.length;
    const { answer } = await p.persona.press(message.message_id, data);
    // The same chat's updates are handled in order: once this one is answered, the press above is done with.
    await p.persona.press(message.message_id, BARRIER);
    const calls = t.standIn.calls.slice(callsBefore);
    const failures = t.logs.lines.slice(logsBefore).filter((l) => /"level":50/.test(l));
    const where = `${p.key} pressing ${data}${failures.length > 0 ? ` (logged: ${failures.join("; ").slice(0, 600)})` : ""}`;

    expect(answer.text === undefined || REFUSALS.has(answer.text), `${where}: answered ${JSON.stringify(answer.text)}`).toBe(true);
    for (const call of calls) {
      const params = (call.params ?? {}) as { chat_id?: number | string; text?: string; caption?: string };
      const shown = JSON.stringify(call.params);
      for (const secret of secrets) expect(shown, `${where}: ${call.method} carries "${secret}"`).not.toContain(secret);
      // Calls to no chat (getUpdates, the answers checked above) send nothing to anyone.
      if (params.chat_id === undefined) continue;
      expect(String(params.chat_id), `${where}: ${call.method} to another chat`).toBe(String(chatId));
      // A refusal in a group is the presser's own toast: a message would reach every member and spend the group's 20 a minute.
      if (p.group) expect(call.method, `${where}: ${call.method} to the group`).not.toMatch(/^(send|copy|forward)/);
      const text = params.text ?? params.caption;
      if (text !== undefined) expect(REFUSAL_MESSAGES.has(text), `${where}: ${call.method} "${text}"`).toBe(true);
      else expect(["editMessageReplyMarkup", "sendChatAction"], `${where}: ${call.method}`).toContain(call.method);
    }
    const after = await databaseState();
    expect(changedTables(baseline, after), `${where}: the database changed`).toEqual([]);
  }

  it("every example's ids are the shared example ids, so each is replaced by a real row here", () => {
    const cuid = /^c[a-z0-9]{24}$/;
    for (const [name, kind] of Object.entries(BUTTON_KINDS)) {
      for (const example of kind.examples) {
        for (const value of Object.values(example)) if (typeof value === "string" && cuid.test(value)) expect([EXAMPLE_ID, OTHER_EXAMPLE_ID], name).toContain(value);
      }
    }
  });

  it.each(Object.entries(BUTTON_KINDS))("%s", async (_name, kind) => {
    const refused = pressers.filter((p) => mustRefuse(kind.audience, p, legitStaff));
    if (refused.length === 0) return;
    const cardOr = (messages: Stored[], n: number) => {
      const cards = messages.filter((m) => /Tin báo #/.test(m.text ?? "") && m.reply_markup);
      const choices = [messages.at(-1)!, ...cards.slice(-1)];
      return choices[n % choices.length]!;
    };
    // Every presser once (pressing on a real card where the chat has one), then random presses.
    const examples: [number, number, number[], number][] = refused.map((_, i) => [i, i % kind.examples.length, [0, 0], 1]);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: refused.length - 1 }),
        fc.nat({ max: kind.examples.length - 1 }),
        fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
        fc.nat(),
        async (who, which, picks, onMessage) => {
          const p = refused[who]!;
          let next = 0;
          const args = forged(kind, kind.examples[which]!, p, (n) => picks[next++ % picks.length]! % n);
          await pressAndCheck(p, kind.encode(args), (messages) => cardOr(messages, onMessage));
        },
      ),
      { examples, numRuns: examples.length + 3, endOnFailure: true },
    );
  });
});

// Agencies and their report deadlines: /agencies and contact invites, the
// reminders with "Đã nộp" / "Gửi file báo cáo", an officer's /deadline request,
// the /deadlines compliance board, and the automatic report before a deadline
// (features/report.ts builds it). Agency contacts
// are known people: their names are shown on purpose.
import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { type Api, Composer, GrammyError, InlineKeyboard } from "grammy";
import { z } from "zod";
import { addDays, boardCounts, DEADLINE_TITLE_MAX, daysBetween, displayDate, localDateOf, parseNumberList, parseUserDate } from "../../domain/deadlines.js";
import { reportPeriod } from "../../domain/report-period.js";
import { AgencyService } from "../../services/agencies.js";
import type { DeadlineBoard, Submission } from "../../services/deadlines.js";
import { type ActiveMember, ServiceError } from "../../services/index.js";
import type { DeadlineMessenger, DeadlineReminder } from "../../services/messenger.js";
import { periodLabel } from "../../services/report-text.js";
import { askChoice, FlowCancelled, hintForUnexpected, waitOrCancel } from "../ask.js";
import type { BotContext, FlowContext, TipConversation } from "../context.js";
import type { BaseDeps, BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { chatTranslator, type Translate } from "../i18n.js";
import { inviteErrorKey, staffIdentity, staffMember } from "../staff-identity.js";
import type { SendPacer } from "./check-in.js";
import { sendReport } from "./report.js";
import { formatTime } from "./tip-cards.js";
import { removeFromList } from "../removal-buttons.js";

export const NEW_DEADLINE_CONVERSATION = "deadline-new";
export const REPORT_FILE_CONVERSATION = "deadline-file";

const idSchema = z.string().regex(/^[\w-]{1,40}$/);

// ---- Texts shared by the messenger and the commands ----------------------

export function reminderText(t: Translate, info: DeadlineReminder): string {
  const left = daysBetween(info.today, info.dueOn);
  const vars = { agency: escapeHtml(info.agencyName), title: escapeHtml(info.title), due: displayDate(info.dueOn), days: Math.abs(left) };
  if (info.offsetDays === null) return t("dl-new", vars);
  if (left > 0) return t("dl-remind-before", vars);
  if (left === 0) return t("dl-remind-today", vars);
  return t("dl-remind-overdue", vars);
}

function reminderKeyboard(t: Translate, submissionId: string): InlineKeyboard {
  return new InlineKeyboard().text(t("btn-dl-done"), `dl:done:${submissionId}`).row().text(t("btn-dl-file"), `dl:file:${submissionId}`);
}

export function boardText(t: Translate, wardName: string, board: DeadlineBoard): string {
  const counts = boardCounts(board.entries);
  const lines = board.entries.map((e) => {
    const name = escapeHtml(e.agency);
    const file = e.withFile ? " 📎" : "";
    if (e.state === "on_time") return t("dl-board-on-time", { agency: name, date: displayDate(e.submittedOn!), file });
    if (e.state === "late") return t("dl-board-late", { agency: name, date: displayDate(e.submittedOn!), days: e.days, file });
    if (e.state === "overdue") return t("dl-board-overdue", { agency: name, days: e.days });
    return t("dl-board-pending", { agency: name, days: e.days });
  });
  return t("dl-board", {
    ward: escapeHtml(wardName),
    title: escapeHtml(board.title),
    due: displayDate(board.dueOn),
    submitted: counts.on_time + counts.late,
    total: board.entries.length,
    overdue: counts.overdue,
    lines: lines.join("\n"),
  });
}

export function createDeadlineMessenger(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps, pacer: SendPacer): DeadlineMessenger {
  const translator = async (chatId: string): Promise<Translate> => (await chatTranslator(i18n, deps, chatId)).t;
  return {
    async remind(chatId, info) {
      const t = await translator(chatId);
      await pacer.wait();
      try {
        await api.sendMessage(chatId, reminderText(t, info), { parse_mode: "HTML", reply_markup: reminderKeyboard(t, info.submissionId) });
        return "sent";
      } catch (err) {
        if (err instanceof GrammyError && err.error_code === 403) return "blocked";
        throw err;
      }
    },
    async board(chatId, wardName, boards) {
      const t = await translator(chatId);
      for (const board of boards) {
        await pacer.wait();
        await api.sendMessage(chatId, boardText(t, wardName, board), { parse_mode: "HTML" });
      }
    },
    async autoReport(chatId, wardId, period) {
      const t = await translator(chatId);
      await pacer.wait();
      const named = reportPeriod(period);
      await api.sendMessage(chatId, t("rp-auto", { period: named ? periodLabel(t, named) : period }));
      await sendReport(api, chatId, t, deps, wardId, period);
    },
  };
}

/** Tells the police group a report came in (with its file, re-sent by id). Never throws. */
async function announceSubmission(ctx: FlowContext, deps: BaseDeps, s: Submission, file: { fileId: string; kind: "document" | "photo" } | null): Promise<void> {
  if (!s.policeChatId) return;
  try {
    const t: Translate = (key, vars) => ctx.t(key, vars);
    const text = t(s.lateDays > 0 ? "dl-group-submitted-late" : "dl-group-submitted", {
      agency: escapeHtml(s.agencyName),
      title: escapeHtml(s.deadlineTitle),
      by: escapeHtml(s.byName),
      date: displayDate(s.submittedOn),
      days: s.lateDays,
    });
    if (!file) await ctx.api.sendMessage(s.policeChatId, text, { parse_mode: "HTML" });
    else if (file.kind === "photo") await ctx.api.sendPhoto(s.policeChatId, file.fileId, { caption: text.replace(/^✅/, "📎"), parse_mode: "HTML" });
    else await ctx.api.sendDocument(s.policeChatId, file.fileId, { caption: text.replace(/^✅/, "📎"), parse_mode: "HTML" });
  } catch (err) {
    deps.logger.error({ err }, "could not announce a report submission");
  }
}

function contactErrorKey(err: ServiceError): string {
  return err.code === "not_agency_contact" ? "dl-not-contact" : "dl-not-found";
}

// ---- Commands and buttons -------------------------------------------------

export function deadlinesFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.use(createConversation<BotContext, FlowContext>((c, ctx) => newDeadlineFlow(c, ctx, deps), { id: NEW_DEADLINE_CONVERSATION, maxMillisecondsToWait: 3_600_000 }));
  privateChats.use(
    createConversation<BotContext, FlowContext>((c, ctx, submissionId: string) => reportFileFlow(c, ctx, submissionId, deps), { id: REPORT_FILE_CONVERSATION, maxMillisecondsToWait: 3_600_000 }),
  );

  const requireStaff = async (ctx: BotContext, role?: "admin"): Promise<ActiveMember | undefined> => {
    const member = await staffMember(ctx, services.members, role);
    if (!member) await ctx.reply(ctx.t(role === "admin" ? "not-admin" : "card-only-officers"));
    return member;
  };

  /** The agency a command names by its number in /agencies, in the member's ward. */
  const agencyNamed = async (arg: string, wardId: string) => {
    const n = z.coerce.number().int().min(1).max(999).safeParse(arg.trim());
    return n.success ? services.agencies.byNumber(wardId, n.data) : null;
  };

  feature.command("agencies", async (ctx) => {
    const member = await requireStaff(ctx);
    if (!member) return;
    const agencies = await services.agencies.list(member.wardId);
    const lines = agencies.map((a, i) => `${i + 1}. ${escapeHtml(a.name)} — ${ctx.t("ag-contacts", { count: a.contacts })}`);
    await ctx.reply(ctx.t("ag-list", { lines: lines.join("\n") }), { parse_mode: "HTML" });
  });

  privateChats.command("inviteagency", async (ctx) => {
    const member = await requireStaff(ctx);
    if (!member) return;
    const agency = await agencyNamed(ctx.match, member.wardId);
    if (!agency) {
      await ctx.reply(ctx.t("ag-invite-usage"));
      return;
    }
    const invite = await services.agencies.createInvite(member, agency.id);
    const ward = await services.wards.get(member.wardId);
    await ctx.reply(
      ctx.t("ag-invite-created", {
        agency: invite.agencyName,
        link: `https://t.me/${ctx.me.username}?start=${invite.payload}`,
        expires: formatTime(invite.expiresAt, ward?.timezone ?? "Asia/Ho_Chi_Minh", await ctx.i18n.getLocale()),
      }),
      { link_preview_options: { is_disabled: true } },
    );
  });

  privateChats.command("addagency", async (ctx) => {
    const admin = await requireStaff(ctx, "admin");
    if (!admin) return;
    try {
      const agency = await services.agencies.add(admin, ctx.match);
      await ctx.reply(ctx.t("ag-added", { agency: escapeHtml(agency.name) }), { parse_mode: "HTML" });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t("ag-add-usage"));
    }
  });

  privateChats.command("removeagency", async (ctx) => {
    const admin = await requireStaff(ctx, "admin");
    if (!admin) return;
    const agency = await agencyNamed(ctx.match, admin.wardId);
    if (!agency) {
      await ctx.reply(ctx.t("ag-remove-usage"));
      return;
    }
    const name = await services.agencies.deactivate(admin, agency.id);
    await ctx.reply(ctx.t("ag-removed", { agency: escapeHtml(name) }), { parse_mode: "HTML" });
  });

  // The admin's list of an agency's contacts, each with a button to take them off.
  privateChats.command("contacts", async (ctx) => {
    const admin = await requireStaff(ctx, "admin");
    if (!admin) return;
    const agency = await agencyNamed(ctx.match, admin.wardId);
    if (!agency) {
      await ctx.reply(ctx.t("ag-contacts-usage"));
      return;
    }
    const contacts = await services.agencies.contacts(admin, agency.id);
    if (contacts.length === 0) {
      await ctx.reply(ctx.t("ag-contacts-none", { agency: escapeHtml(agency.name) }), { parse_mode: "HTML" });
      return;
    }
    const kb = new InlineKeyboard();
    for (const c of contacts.slice(0, 90)) kb.text(`❌ ${c.displayName}`.slice(0, 60), `ac:rm:${c.id}`).row();
    const list = contacts.map((c) => `• ${escapeHtml(c.displayName)}`).join("\n");
    await ctx.reply(ctx.t("ag-contacts-list", { agency: escapeHtml(agency.name), list }), { parse_mode: "HTML", reply_markup: kb });
  });

  privateChats.callbackQuery(/^ac:rm:([\w-]{1,40})$/, (ctx) =>
    removeFromList(
      ctx,
      services.members,
      (admin) => services.agencies.removeContact(admin, ctx.match[1]!),
      (removed) => ctx.t("ag-contact-removed", { name: escapeHtml(removed.displayName), agency: escapeHtml(removed.agencyName) }),
    ),
  );

  // Contact invites arrive as `/start ag_<token>`: confirm before registering.
  privateChats.command("start", async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!AgencyService.isInvitePayload(payload)) return next();
    try {
      const preview = await services.agencies.preview(payload);
      await ctx.reply(ctx.t("ag-invite-confirm", { agency: escapeHtml(preview.agencyName), ward: escapeHtml(preview.wardName) }), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(ctx.t("btn-confirm"), `ag:ok:${payload}`).text(ctx.t("btn-not-me"), "ag:no"),
      });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t(inviteErrorKey(err.code)));
    }
  });

  privateChats.callbackQuery(/^ag:ok:(ag_[\w-]{1,60})$/, async (ctx) => {
    const who = staffIdentity(ctx);
    await ctx.answerCallbackQuery();
    if (!who) return;
    try {
      const accepted = await services.agencies.accept(ctx.match[1]!, who);
      await ctx.editMessageText(ctx.t("ag-registered", { agency: escapeHtml(accepted.agencyName), ward: escapeHtml(accepted.wardName) }), { parse_mode: "HTML" });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.editMessageText(ctx.t(inviteErrorKey(err.code)));
    }
  });
  privateChats.callbackQuery("ag:no", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("head-invite-declined"));
  });

  privateChats.callbackQuery(/^dl:(done|file):(.+)$/, async (ctx) => {
    const id = idSchema.safeParse(ctx.match[2]);
    const who = staffIdentity(ctx);
    if (!id.success || !who) {
      await ctx.answerCallbackQuery();
      return;
    }
    try {
      if (ctx.match[1] === "file") {
        await services.deadlines.forContact(id.data, who.telegramUserId);
        await ctx.answerCallbackQuery();
        await ctx.conversation.enter(REPORT_FILE_CONVERSATION, id.data);
        return;
      }
      const submission = await services.deadlines.submit(id.data, who.telegramUserId, null);
      await ctx.answerCallbackQuery({ text: ctx.t("dl-done-toast") });
      await ctx.editMessageText(ctx.t("dl-done", { agency: escapeHtml(submission.agencyName), title: escapeHtml(submission.deadlineTitle), date: displayDate(submission.submittedOn) }), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(ctx.t("btn-dl-file"), `dl:file:${id.data}`),
      });
      if (!submission.alreadySubmitted) await announceSubmission(ctx, deps, submission, null);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.answerCallbackQuery({ text: ctx.t(contactErrorKey(err)), show_alert: true });
    }
  });

  feature.command("deadline", async (ctx) => {
    const member = await requireStaff(ctx);
    if (!member) return;
    if (ctx.chat.type !== "private") {
      await ctx.reply(ctx.t("dl-private-only"));
      return;
    }
    await ctx.conversation.enter(NEW_DEADLINE_CONVERSATION);
  });

  feature.command("deadlines", async (ctx) => {
    const member = await requireStaff(ctx);
    if (!member) return;
    const ward = await services.wards.get(member.wardId);
    const boards = await services.deadlines.boards(member.wardId);
    if (boards.length === 0) {
      await ctx.reply(ctx.t("dl-board-none"));
      return;
    }
    const t: Translate = (key, vars) => ctx.t(key, vars);
    for (const board of boards) await ctx.reply(boardText(t, ward?.name ?? "", board), { parse_mode: "HTML" });
  });

  return feature;
}

// ---- Conversations --------------------------------------------------------

async function reportFileFlow(conversation: TipConversation, ctx: FlowContext, submissionId: string, deps: BotDeps): Promise<void> {
  const who = staffIdentity(ctx);
  if (!who) return;
  const info = await conversation.external(async () => {
    try {
      return { ok: true as const, ...(await deps.services.deadlines.forContact(submissionId, who.telegramUserId)) };
    } catch (err) {
      if (err instanceof ServiceError) return { ok: false as const, key: contactErrorKey(err) };
      throw err;
    }
  });
  if (!info.ok) {
    await ctx.reply(ctx.t(info.key));
    return;
  }
  await ctx.reply(ctx.t("dl-file-ask", { agency: escapeHtml(info.agencyName), title: escapeHtml(info.title) }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("btn-cancel"), "t:cancel"),
  });
  try {
    for (;;) {
      const next = await waitOrCancel(conversation);
      const document = next.message?.document;
      const photo = next.message?.photo?.at(-1);
      if (!document && !photo) {
        await hintForUnexpected(next, "dl-file-hint");
        continue;
      }
      const file = document
        ? { fileId: document.file_id, fileName: document.file_name ?? "bao-cao", kind: "document" as const }
        : { fileId: photo!.file_id, fileName: "anh-bao-cao.jpg", kind: "photo" as const };
      const result = await conversation.external(async () => {
        try {
          return { ok: true as const, submission: await deps.services.deadlines.submit(submissionId, who.telegramUserId, file) };
        } catch (err) {
          if (err instanceof ServiceError) return { ok: false as const, key: contactErrorKey(err) };
          throw err;
        }
      });
      if (!result.ok) {
        await next.reply(next.t(result.key));
        return;
      }
      const s = result.submission;
      await next.reply(next.t("dl-file-received", { agency: escapeHtml(s.agencyName), title: escapeHtml(s.deadlineTitle), name: escapeHtml(file.fileName) }), { parse_mode: "HTML" });
      await conversation.external(() => announceSubmission(next, deps, s, file));
      return;
    }
  } catch (err) {
    if (err instanceof FlowCancelled) {
      await ctx.reply(ctx.t("dl-file-cancelled"));
      return;
    }
    throw err;
  }
}

async function newDeadlineFlow(conversation: TipConversation, ctx: FlowContext, deps: BotDeps): Promise<void> {
  const setup = await conversation.external(async () => {
    const member = await staffMember(ctx, deps.services.members);
    if (!member) return null;
    const ward = await deps.services.wards.get(member.wardId);
    const agencies = await deps.services.agencies.list(member.wardId);
    return { member, today: localDateOf(deps.services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh"), agencies: agencies.map((a) => ({ id: a.id, name: a.name, quarter: a.kind === "quarter" })) };
  });
  if (!setup) {
    await ctx.reply(ctx.t("card-only-officers"));
    return;
  }
  const cancelKb = () => new InlineKeyboard().text(ctx.t("btn-cancel"), "t:cancel");
  try {
    await ctx.reply(ctx.t("dl-ask-title", { max: DEADLINE_TITLE_MAX }), { parse_mode: "HTML", reply_markup: cancelKb() });
    let title: string;
    for (;;) {
      const next = await waitOrCancel(conversation);
      const text = next.message?.text?.trim();
      if (text === undefined || text.startsWith("/")) {
        await hintForUnexpected(next, "hint-need-text");
        continue;
      }
      if (text.length < 3 || text.length > DEADLINE_TITLE_MAX) {
        await next.reply(next.t("error-text-too-long", { length: text.length, max: DEADLINE_TITLE_MAX }));
        continue;
      }
      title = text;
      break;
    }

    await ctx.reply(ctx.t("dl-ask-date", { example: displayDate(addDays(setup.today, 14)) }), { parse_mode: "HTML", reply_markup: cancelKb() });
    let dueOn: string;
    for (;;) {
      const next = await waitOrCancel(conversation);
      const text = next.message?.text;
      if (text === undefined || text.startsWith("/")) {
        await hintForUnexpected(next, "dl-date-invalid");
        continue;
      }
      const parsed = parseUserDate(text, setup.today);
      if (!parsed || parsed < setup.today || parsed > addDays(setup.today, 366)) {
        await next.reply(next.t("dl-date-invalid"));
        continue;
      }
      dueOn = parsed;
      break;
    }

    const offices = setup.agencies.filter((a) => !a.quarter);
    const quarters = setup.agencies.filter((a) => a.quarter);
    const scope = await askChoice(
      conversation,
      ctx,
      ctx.t("dl-ask-agencies"),
      new InlineKeyboard()
        .text(ctx.t("btn-dl-all", { count: setup.agencies.length }), "c2:all")
        .row()
        .text(ctx.t("btn-dl-offices", { count: offices.length }), "c2:offices")
        .row()
        .text(ctx.t("btn-dl-quarters", { count: quarters.length }), "c2:quarters")
        .row()
        .text(ctx.t("btn-dl-pick"), "c2:pick")
        .row()
        .text(ctx.t("btn-cancel"), "t:cancel"),
      (data) => ({ "c2:all": "all", "c2:offices": "offices", "c2:quarters": "quarters", "c2:pick": "pick" })[data] ?? null,
      (v) => ctx.t(v === "all" ? "btn-dl-all" : v === "offices" ? "btn-dl-offices" : v === "quarters" ? "btn-dl-quarters" : "btn-dl-pick", { count: v === "all" ? setup.agencies.length : v === "offices" ? offices.length : quarters.length }),
    );
    let chosen = scope === "all" ? setup.agencies : scope === "offices" ? offices : quarters;
    if (scope === "pick") {
      const list = setup.agencies.map((a, i) => `${i + 1}. ${escapeHtml(a.name)}`).join("\n");
      await ctx.reply(ctx.t("dl-ask-numbers", { list }), { parse_mode: "HTML", reply_markup: cancelKb() });
      for (;;) {
        const next = await waitOrCancel(conversation);
        const numbers = next.message?.text ? parseNumberList(next.message.text, setup.agencies.length) : null;
        if (!numbers) {
          await next.reply(next.t("dl-numbers-invalid", { max: setup.agencies.length }));
          continue;
        }
        chosen = numbers.map((n) => setup.agencies[n - 1]!);
        break;
      }
    }

    const names = chosen.map((a) => a.name);
    const shown = names.length > 12 ? `${names.slice(0, 12).join(", ")}… (+${names.length - 12})` : names.join(", ");
    const confirm = await askChoice(
      conversation,
      ctx,
      ctx.t("dl-review", { title: escapeHtml(title), due: displayDate(dueOn), count: chosen.length, agencies: escapeHtml(shown) }),
      new InlineKeyboard().text(ctx.t("btn-dl-create"), "c2:create").row().text(ctx.t("btn-cancel"), "t:cancel"),
      (data) => (data === "c2:create" ? "create" : null),
      () => ctx.t("btn-dl-create"),
    );
    if (confirm !== "create") return;
    const created = await conversation.external(async () => {
      const result = await deps.services.deadlines.createAdhoc(setup.member, { title, dueOn, agencyIds: chosen.map((a) => a.id) });
      // The announcement is in the outbox: send it now rather than at the next tick.
      await deps.services.jobs.runDue();
      return result;
    });
    await ctx.reply(ctx.t("dl-created", { title: escapeHtml(title), due: displayDate(dueOn), count: created.agencies }), { parse_mode: "HTML" });
  } catch (err) {
    if (err instanceof FlowCancelled) {
      await ctx.reply(ctx.t("dl-cancelled"));
      return;
    }
    throw err;
  }
}

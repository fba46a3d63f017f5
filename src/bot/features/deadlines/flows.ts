// The conversations: a contact sends the report's file, and an officer asks
// agencies for a report by a date (/deadline).
import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { addDays, DEADLINE_TITLE_MAX, type DueRule, dueDateText, duePhrase, lastOnTimeDay, localDateOf, parseDueText, parseIsoDate, parseNumberList } from "../../../domain/deadlines.js";
import { ServiceError } from "../../../services/index.js";
import { askChoice, Flow, FlowCancelled, hintForUnexpected, labelOf } from "../../ask.js";
import { cancelButton, createDeadlineButton, parseDeadlineScope } from "../../callback-data/index.js";
import type { BotContext, FlowContext, TipConversation } from "../../context.js";
import type { BotDeps } from "../../deps.js";
import { escapeHtml } from "../../html.js";
import { type Translate, useWardWords } from "../../i18n.js";
import { staffIdentity, staffMember } from "../../staff-identity.js";
import { cancelKeyboard, createKeyboard, scopeKeyboard } from "./keyboards.js";
import { announceSubmission } from "./messenger.js";
import { contactErrorKey } from "./texts.js";

export const NEW_DEADLINE_CONVERSATION = "deadline-new";
export const REPORT_FILE_CONVERSATION = "deadline-file";

/** Both conversations: registered with the other flows, before any handler (see create-bot.ts). */
export function deadlineConversations(deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>(
    createConversation<BotContext, FlowContext>((c, ctx) => newDeadlineFlow(c, ctx, deps), { id: NEW_DEADLINE_CONVERSATION, maxMillisecondsToWait: 3_600_000 }),
    createConversation<BotContext, FlowContext>((c, ctx, submissionId: string) => reportFileFlow(c, ctx, submissionId, deps), { id: REPORT_FILE_CONVERSATION, maxMillisecondsToWait: 3_600_000 }),
  );
}

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
  const flow = new Flow(conversation, ctx, { left: "flow-left-file", doing: "flow-doing-file" });
  const keyboard = cancelKeyboard((key, vars) => ctx.t(key, vars));
  await flow.send(ctx.t("dl-file-ask", { agency: escapeHtml(info.agencyName), title: escapeHtml(info.title) }), keyboard);
  try {
    for (;;) {
      const next = await flow.wait();
      const document = next.message?.document;
      const photo = next.message?.photo?.at(-1);
      if (!document && !photo) {
        await hintForUnexpected(next, "dl-file-hint", { cancel: labelOf(keyboard, cancelButton) });
        continue;
      }
      await flow.settle();
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
      await flow.cancelled("dl-file-cancelled");
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
    // The member by id only: a flow's stored state keeps no staff name either.
    return { member: { id: member.id, wardId: member.wardId }, words: member.words, today: localDateOf(deps.services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh"), agencies: agencies.map((a) => ({ id: a.id, name: a.name, quarter: a.kind === "quarter" })) };
  });
  if (!setup) {
    await ctx.reply(ctx.t("only-officers-command"));
    return;
  }
  // Set again on every replay: the stored result of the lookup above does not run it twice.
  useWardWords(ctx, setup.words);
  const t: Translate = (key, vars) => ctx.t(key, vars);
  const cancelKb = () => cancelKeyboard(t);
  const flow = new Flow(conversation, ctx, { left: "flow-left-deadline", doing: "flow-doing-deadline" });
  try {
    await flow.send(ctx.t("dl-ask-title", { max: DEADLINE_TITLE_MAX }), cancelKb());
    let title: string;
    for (;;) {
      const next = await flow.wait();
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
      await flow.settle(text);
      break;
    }

    const example = parseIsoDate(addDays(setup.today, 14))!;
    await flow.send(ctx.t("dl-ask-date", { example: `${example.day}/${example.month}/${example.year}` }), cancelKb());
    let due: { dueOn: string; rule: DueRule };
    for (;;) {
      const next = await flow.wait();
      const text = next.message?.text;
      if (text === undefined || text.startsWith("/")) {
        await hintForUnexpected(next, "dl-date-invalid");
        continue;
      }
      // "trước 20/12" or a bare date: before; "chậm nhất 20/12": that day included. The last day must not be past.
      const parsed = parseDueText(text, setup.today);
      if (!parsed || lastOnTimeDay(parsed.dueOn, parsed.rule) < setup.today || parsed.dueOn > addDays(setup.today, 366)) {
        await next.reply(next.t("dl-date-invalid"));
        continue;
      }
      due = parsed;
      await flow.settle(text.trim());
      break;
    }
    const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
    const dueText = duePhrase(t, due.dueOn, due.rule);

    const offices = setup.agencies.filter((a) => !a.quarter);
    const quarters = setup.agencies.filter((a) => a.quarter);
    const scope = await askChoice(
      flow,
      ctx.t("dl-ask-agencies"),
      scopeKeyboard(t, { all: setup.agencies.length, offices: offices.length, quarters: quarters.length }),
      (data) => parseDeadlineScope(data)?.kind ?? null,
      (v) => ctx.t(v === "all" ? "btn-dl-all" : v === "offices" ? "btn-dl-offices" : v === "quarters" ? "btn-dl-quarters" : "btn-dl-pick", { count: v === "all" ? setup.agencies.length : v === "offices" ? offices.length : quarters.length }),
    );
    let chosen = scope === "all" ? setup.agencies : scope === "offices" ? offices : quarters;
    if (scope === "pick") {
      const list = setup.agencies.map((a, i) => `${i + 1}. ${escapeHtml(a.name)}`).join("\n");
      await flow.send(ctx.t("dl-ask-numbers", { list }), cancelKb());
      for (;;) {
        const next = await flow.wait();
        const numbers = next.message?.text ? parseNumberList(next.message.text, setup.agencies.length) : null;
        if (!numbers) {
          await next.reply(next.t("dl-numbers-invalid", { max: setup.agencies.length }));
          continue;
        }
        chosen = numbers.map((n) => setup.agencies[n - 1]!);
        await flow.settle(next.message!.text!.trim());
        break;
      }
    }

    const names = chosen.map((a) => a.name);
    const shown = names.length > 12 ? `${names.slice(0, 12).join(", ")}… (+${names.length - 12})` : names.join(", ");
    const confirm = await askChoice(
      flow,
      ctx.t("dl-review", { title: escapeHtml(title), due: dueText, rule: due.rule, date: dueDateText(t, due.dueOn), count: chosen.length, agencies: escapeHtml(shown) }),
      createKeyboard(t),
      (data) => (createDeadlineButton.parse(data) ? "create" : null),
      () => ctx.t("btn-dl-create"),
    );
    if (confirm !== "create") return;
    const created = await conversation.external(async () => {
      const result = await deps.services.deadlines.createAdhoc(setup.member, { title, dueOn: due.dueOn, dueRule: due.rule, agencyIds: chosen.map((a) => a.id) });
      // The announcement is in the outbox: send it now rather than at the next tick.
      await deps.services.jobs.runDue();
      return result;
    });
    await ctx.reply(ctx.t("dl-created", { title: escapeHtml(title), due: dueText, count: created.agencies }), { parse_mode: "HTML" });
  } catch (err) {
    if (err instanceof FlowCancelled) {
      await flow.cancelled("dl-cancelled");
      return;
    }
    throw err;
  }
}

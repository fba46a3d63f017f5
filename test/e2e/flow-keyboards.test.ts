// Every step of every flow, walked with something unexpected at each: a hint
// names only buttons that are on screen, exactly as they read; only the step's
// own message shows buttons (older ones are edited away as steps pass), none
// are left when the flow ends, and switching notifications edits the review in
// place instead of posting a new one.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localesDirectory } from "../../src/bot/i18n.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { type FlowWorld, inlineLabels, keyboardLabels, resident, setUpFlowWorld } from "../support/flows.js";
import type { Persona } from "../support/persona.js";
import { until } from "../support/wait.js";

const SUPER_ADMIN_ID = 990_000_777;

/** Every button label the bot has (btn-* in vi.ftl), and the words a hint would quote for each. */
const LABELS = [...fs.readFileSync(path.join(localesDirectory, "vi.ftl"), "utf8").matchAll(/^btn-[\w-]+ = (.+)$/gm)].map((m) => m[1]!.trim());
/** "✅ Xong" → "Xong"; "Giữ nguyên ({ $n })" → "Giữ nguyên". */
const core = (label: string) => label.replace(/\{[^}]*\}/g, "").replace(/\(\s*\)/g, "").replace(/^[^\p{L}\p{N}]+/u, "").trim();
const NAMES = new Set(LABELS.flatMap((l) => [l, core(l)]).filter((n) => n.length >= 2 && !n.includes("{")));

/** The quoted words of a message that name one of the bot's buttons. */
function namedButtons(text: string): string[] {
  return [...text.matchAll(/“([^”]{1,40})”|«([^»]{1,40})»/g)].map((m) => (m[1] ?? m[2])!).filter((q) => NAMES.has(q) || NAMES.has(core(q)));
}

/**
 * Watches one chat through a flow: after each action, every new message's
 * named buttons must be on screen as written, and at most one of the flow's
 * messages may show buttons.
 */
class Watch {
  private checked: number;
  readonly problems: string[] = [];
  constructor(
    readonly persona: Persona,
    /** Index of the first bot message of the flow. */
    readonly start: number,
    private readonly step: () => string = () => "",
  ) {
    this.checked = start;
  }

  /** Buttons the person sees now: every inline keyboard in the chat, and the reply keyboard in force. */
  private shown(): Set<string> {
    const messages = this.persona.botMessages();
    const labels = new Set(messages.flatMap(inlineLabels));
    const lastReply = [...messages].reverse().find((m) => {
      const markup = m.reply_markup as { keyboard?: unknown; remove_keyboard?: unknown } | undefined;
      return markup?.keyboard !== undefined || markup?.remove_keyboard !== undefined;
    });
    if (lastReply) for (const l of keyboardLabels(lastReply)) if (!(lastReply.reply_markup as { inline_keyboard?: unknown }).inline_keyboard) labels.add(l);
    return labels;
  }

  check(where: string): void {
    const messages = this.persona.botMessages();
    const shown = this.shown();
    for (const m of messages.slice(this.checked)) {
      for (const name of namedButtons(m.text ?? m.caption ?? "")) {
        if (!shown.has(name)) this.problems.push(`${where}: “${name}” is not on screen (${[...shown].join(" | ")}) in: ${m.text}`);
      }
    }
    this.checked = messages.length;
    const live = messages.slice(this.start).filter((m) => inlineLabels(m).length > 0);
    if (live.length > 1) this.problems.push(`${where}: ${live.length} messages show buttons: ${live.map((m) => `[${inlineLabels(m).join(", ")}] ${(m.text ?? "").slice(0, 50)}`).join(" / ")}`);
  }

  /** Does something, waits for the bot's answer, then checks. */
  async act(where: string, action: () => Promise<unknown>): Promise<void> {
    await action();
    this.check(`${this.step()} ${where}`);
  }

  /** Something the step does not take: a sticker, then (for button steps) words. */
  async probe(where: string, words = true): Promise<void> {
    await this.act(`${where}, a sticker`, () => this.persona.sendSticker(/./));
    if (words) await this.act(`${where}, words`, () => this.persona.say("ừm", /./));
  }

  finished(where: string): void {
    this.check(where);
    const left = this.persona.botMessages().slice(this.start).filter((m) => inlineLabels(m).length > 0);
    if (left.length > 0) this.problems.push(`${where}: buttons left after the flow: ${left.map((m) => `[${inlineLabels(m).join(", ")}] ${(m.text ?? "").slice(0, 50)}`).join(" / ")}`);
  }
}

describe("every step of every flow", () => {
  let t: TestApp;
  let w: FlowWorld;

  beforeAll(async () => {
    t = await startTestApp({ env: { SUPER_ADMIN_IDS: String(SUPER_ADMIN_ID), TIP_LIMIT_PER_HOUR: "100", TIP_LIMIT_PER_DAY: "100" } });
    w = await setUpFlowWorld(t);
    // A second ward, so the tip flow asks which ward first.
    const superAdmin = (await import("../support/persona.js")).Persona.create(t.standIn, { id: SUPER_ADMIN_ID, first_name: "Quản Trị", last_name: "Hệ Thống" });
    await superAdmin.say("/newward nhon-binh Phường Nhơn Bình\n3", /Đã tạo Phường Nhơn Bình/);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("the tip flow", async () => {
    const p = resident(t);
    const watch = new Watch(p, p.botMessages().length);
    await watch.act("/tip", () => p.say("/tip", /phường nào/));
    await watch.probe("ward");
    await watch.act("ward typed", () => p.say("quy nhon", /Bước 1\/6/));
    await watch.probe("category");
    await watch.act("category", () => p.tap("Mua bán ma túy", /Bước 2\/6/));
    await watch.probe("quarter");
    await watch.act("quarter", () => p.tap("Khu phố 4", /Bước 3\/6/));
    await watch.probe("place", false);
    await watch.act("pin", () => p.sendLocation(13.77, 109.22, /nơi bạn muốn báo/));
    await watch.probe("pin");
    await watch.act("pin dropped", () => p.tap("Bỏ vị trí này", /Bước 3\/6/));
    await watch.act("place", () => p.say("chân cầu Hà Thanh", /Bước 4\/6/));
    await watch.probe("timing");
    await watch.act("timing", () => p.tap("Hôm nay", /Bước 5\/6/));
    await watch.probe("description", false);
    await watch.act("description", () => p.say("Hai người giao hàng ở chân cầu lúc 22 giờ", /Bước 6\/6/));
    await watch.probe("photos");
    for (let i = 1; i <= 5; i++) await watch.act(`photo ${i}`, () => p.sendPhoto(new RegExp(`Đã nhận ảnh ${i}/5`)));
    await watch.act("a sixth photo", () => p.sendPhoto(/Đã đủ 5 ảnh/));
    await watch.act("a file that is no picture", () => p.sendDocument("bao-cao.txt", Buffer.from("x"), /không phải ảnh/, "text/plain"));
    await watch.probe("photos after some");
    await watch.act("photos done", () => p.tap("Xong", /Xem lại tin báo/));
    await watch.probe("review");

    // The notification switch changes the review's button in place.
    const reviews = () => p.botMessages().filter((m) => /Xem lại tin báo/.test(m.text ?? "")).length;
    const before = reviews();
    await watch.act("notify on", () => p.tap("Nhận thông báo: Tắt"));
    await until(() => p.botMessages().some((m) => inlineLabels(m).some((l) => /Nhận thông báo: Bật/.test(l))), () => `the review's switch did not change: ${p.lastBotText()}`);
    await watch.act("notify off", () => p.tap("Nhận thông báo: Bật"));
    await until(() => p.botMessages().some((m) => inlineLabels(m).some((l) => /Nhận thông báo: Tắt/.test(l))), () => "the switch did not change back");
    expect(reviews()).toBe(before);

    await watch.act("edit", () => p.tap("Sửa", /phần nào/));
    await watch.probe("edit which");
    await watch.act("edit photos", () => p.tap("Ảnh", /Bước 6\/6/));
    await watch.act("photos skipped", () => p.tap("Bỏ qua", /Xem lại tin báo/));
    await watch.act("send", () => p.tap("📨 Gửi", /Mã biên nhận/));
    // The review's buttons go once the receipt is out (until then "Gửi" pressed again files the same tip).
    await until(() => p.botMessages().slice(watch.start).every((m) => inlineLabels(m).length === 0), () => "the review kept its buttons after the receipt");
    watch.finished("after the receipt");
    expect(watch.problems).toEqual([]);
  });

  it("the follow-up, with an officer's question to answer", async () => {
    // An officer asks the tipster a question from the card.
    const group = w.ward.group(w.ward.officer);
    const card = await until(() => group.botMessages().find((m) => /Tin báo #/.test(m.text ?? "") && m.text?.includes("Hoa Mai") && m.reply_markup), () => "no card");
    const reference = /#([2-9A-Z]{4})/.exec(card.text ?? "")![1]!;
    const ask = t.standIn.inlineButtons(card).find((b) => b.text === "❓ Hỏi thêm")!;
    await group.press(card.message_id, ask.callback_data!, new RegExp(`Câu hỏi cho người báo tin #${reference}`));
    const prompt = group.botMessages().filter((m) => m.text?.includes(`#${reference}`) && /^❓/.test(m.text)).at(-1)!;
    t.standIn.replyTo(w.ward.officer.user.id, w.ward.groupId, prompt.message_id, "Xe màu gì?");
    await group.waitFor(new RegExp(`Đã chuyển câu hỏi cho người báo tin #${reference}`), new Set());

    const p = resident(t);
    const watch = new Watch(p, p.botMessages().length);
    await watch.act("/status", () => p.say("/status", /Nhập mã biên nhận/));
    await watch.probe("code", false);
    await watch.act("code", () => p.say(w.receipt, /Tình trạng tin báo/));
    await watch.probe("menu");
    await watch.act("add", () => p.tap("Bổ sung thông tin", /Gõ thông tin bổ sung/));
    await watch.probe("add", false);
    await watch.act("text", () => p.say("Xe máy màu đỏ", /Đã ghi nhận/));
    await watch.act("photo", () => p.sendPhoto(/Đã nhận ảnh 1\/5/));
    await watch.act("a file that is no picture", () => p.sendDocument("ghi-chu.txt", Buffer.from("x"), /không phải ảnh/, "text/plain"));
    await watch.probe("add after some", false);
    await watch.act("send", () => p.tap("📨 Gửi", /Đã chuyển thông tin bổ sung/));
    watch.finished("after adding");

    const again = new Watch(p, p.botMessages().length);
    await again.act("/status", () => p.say(`/status ${w.receipt}`, /Xe màu gì/));
    await again.act("answer", () => p.tap("Trả lời", /Xe màu gì/));
    await again.probe("answer", false);
    await again.act("answered", () => p.say("Màu đỏ", /Đã gửi câu trả lời/));
    again.finished("after answering");
    expect([...watch.problems, ...again.problems]).toEqual([]);
  });

  it("the weekly check-in, first with no figures, then confirming them", async () => {
    const p = w.head;
    const watch = new Watch(p, p.botMessages().length);
    await watch.act("start", () => p.tap("Bắt đầu báo cáo tuần", /nghiện ma túy/));
    // Answer every question the cheapest way, probing each, until the review.
    // The flow's own questions: the week's prompt above keeps its buttons.
    const start = watch.start;
    const question = () => [...p.botMessages().slice(start)].reverse().find((m) => inlineLabels(m).length > 0)!;
    let current = question();
    for (let i = 0; !/Gửi báo cáo này\?/.test(current.text ?? ""); i++) {
      if (i > 40) throw new Error(`no review after 40 questions: ${current.text}`);
      const buttons = inlineLabels(current);
      const text = current.text ?? "";
      // Words would answer a step that takes text (a detail, the note): those get only a sticker.
      await watch.probe(`question ${i}`, buttons.includes("Có"));
      if (buttons.includes("0")) await watch.act(`count ${i}`, () => p.tap("0"));
      else if (buttons.includes("Có")) await watch.act(`yes/no ${i}`, () => p.tap(/khẩn cấp/.test(text) ? "Có" : "Không"));
      else if (/Ở đâu, cụ thể/.test(text)) await watch.act(`detail ${i}`, () => p.say("chợ Xóm Mới"));
      else if (buttons.some((b) => /Bỏ qua/.test(b))) await watch.act(`skip ${i}`, () => p.tap("Bỏ qua"));
      else throw new Error(`unexpected step: ${text}`);
      const before = current.message_id;
      current = await until(() => (question()?.message_id !== before ? question() : undefined), () => `no question after: ${text}`);
    }
    await watch.probe("review");
    await watch.act("send", () => p.tap("📨 Gửi", /Đã gửi báo cáo tuần/));
    watch.finished("after sending");

    const second = new Watch(p, p.botMessages().length);
    await second.act("start again", () => p.tap("Bắt đầu báo cáo tuần", /còn đúng không/));
    await second.probe("stocks");
    await second.act("changed", () => p.tap("Có thay đổi", /nghiện ma túy/));
    await second.probe("a stock", false);
    await second.act("typed count", () => p.say("3", /sử dụng trái phép/));
    await second.act("cancel", () => p.tap("Hủy", /Đã hủy báo cáo/));
    second.finished("after cancelling");
    expect([...watch.problems, ...second.problems]).toEqual([]);
  });

  it("an officer's /deadline and a contact's report file", async () => {
    const o = w.ward.officer;
    const watch = new Watch(o, o.botMessages().length);
    await watch.act("/deadline", () => o.say("/deadline", /Bước 1\/3/));
    await watch.probe("title", false);
    await watch.act("title", () => o.say("Báo cáo nhanh tháng 12", /Bước 2\/3/));
    await watch.probe("date", false);
    await watch.act("date", () => o.say("chậm nhất 20/1/2027", /Bước 3\/3/));
    await watch.probe("scope");
    await watch.act("pick", () => o.tap("Chọn theo số", /Gõ số các cơ quan/));
    await watch.probe("numbers", false);
    await watch.act("numbers", () => o.say("1", /1 cơ quan/));
    await watch.probe("review");
    await watch.act("create", () => o.tap("Tạo và gửi yêu cầu", /Đã tạo hạn/));
    watch.finished("after creating");

    const c = w.contact;
    await c.waitFor(/Báo cáo nhanh tháng 12/, new Set());
    const file = new Watch(c, c.botMessages().length);
    await file.act("file", () => c.tap("Gửi file báo cáo", /Gửi file báo cáo của/));
    await file.probe("file");
    await file.act("sent", () => c.sendDocument("bao-cao.pdf", Buffer.from("%PDF-1.4"), /Đã nhận file/, "application/pdf"));
    file.finished("after the file");
    expect([...watch.problems, ...file.problems]).toEqual([]);
  });
});

// Nobody gets stuck in a flow: in every conversation the bot runs, /start,
// /help, /lang, /status, /tip and /cancel always work (the flow is left, and the
// person is told), a typed receipt code opens that tip's follow-up instead of
// being taken as an answer, and any other command is refused as a command.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { FLOW_NAMES, type FlowName, type FlowWorld, inlineLabels, intoFlow, setUpFlowWorld } from "../support/flows.js";

const CANCELLED: Record<FlowName, RegExp> = {
  tip: /Đã hủy\. Không có gì được lưu lại/,
  follow: /Đã xong\. Giữ kín mã biên nhận/,
  checkin: /Đã hủy báo cáo/,
  "deadline-new": /Đã hủy, chưa tạo hạn báo cáo/,
  "deadline-file": /Đã hủy gửi file/,
};

/** What each always-working input answers with, once the flow is left. */
const ESCAPES: { input: (w: FlowWorld) => string; name: string; answer: RegExp }[] = [
  { name: "/start", input: () => "/start", answer: /Xin chào!/ },
  { name: "/help", input: () => "/help", answer: /Hướng dẫn/ },
  { name: "/lang", input: () => "/lang", answer: /Chọn ngôn ngữ/ },
  { name: "/status", input: () => "/status", answer: /Nhập mã biên nhận/ },
  { name: "/status CODE", input: (w) => `/status ${w.receipt}`, answer: /Tình trạng tin báo/ },
  { name: "/tip", input: () => "/tip", answer: /Bước 1\/6/ },
  // Typed as people type it: lowercase, spaces for dashes.
  { name: "a receipt code", input: (w) => w.receipt.toLowerCase().replaceAll("-", " "), answer: /Tình trạng tin báo/ },
];

const cases = FLOW_NAMES.flatMap((flow) => ESCAPES.map((escape) => ({ flow, ...escape })));

describe("leaving any flow", () => {
  let t: TestApp;
  let w: FlowWorld;

  beforeAll(async () => {
    t = await startTestApp({ env: { TIP_LIMIT_PER_HOUR: "1000", TIP_LIMIT_PER_DAY: "1000" } });
    w = await setUpFlowWorld(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each(cases)("$flow: $name leaves the flow, says so, and does what it says", async ({ flow, input, answer }) => {
    const { persona, before } = await intoFlow(w, flow);
    const addenda = await t.app.services.db.tipAddendum.count();
    const atEscape = persona.botMessages().length;
    const reply = await persona.say(input(w), answer);
    const shown = persona.botMessages().slice(atEscape);
    const left = shown.findIndex((m) => /Đã thoát/.test(m.text ?? ""));
    expect(left, shown.map((m) => m.text).join("\n---\n")).toBeGreaterThanOrEqual(0);
    expect(left).toBeLessThan(shown.indexOf(reply!));
    // Nothing of the flow is left to press, and nothing typed was taken as an answer.
    expect(persona.botMessages().slice(before, atEscape).filter((m) => inlineLabels(m).length > 0 && !/Báo cáo tuần|Báo cáo đột xuất/.test(m.text ?? ""))).toEqual([]);
    expect(await t.app.services.db.tipAddendum.count()).toBe(addenda);
    await persona.say("/cancel", /./);
  });

  it.each(FLOW_NAMES)("%s: /cancel cancels it with the flow's own word", async (flow) => {
    const { persona, before } = await intoFlow(w, flow);
    await persona.say("/cancel", CANCELLED[flow]);
    expect(persona.botMessages().slice(before).filter((m) => inlineLabels(m).length > 0 && !/Báo cáo tuần|Báo cáo đột xuất/.test(m.text ?? ""))).toEqual([]);
    await persona.say("/cancel", /Không có gì đang soạn để hủy/);
  });

  it.each(FLOW_NAMES)("%s: another command is refused as a command, and the flow goes on", async (flow) => {
    const { persona } = await intoFlow(w, flow);
    const refusal = await persona.say("/xyz", /\/xyz/);
    expect(refusal?.text).toMatch(/lệnh/i);
    expect(refusal?.text).not.toMatch(/nút này/);
    expect(refusal?.text).toMatch(/\/cancel/);
    await persona.say("/cancel", CANCELLED[flow]);
  });

  it("a receipt code typed while adding information opens that tip, and is not stored as information", async () => {
    const { persona } = await intoFlow(w, "follow");
    await persona.say("Có thêm một xe máy đỏ", /Đã ghi nhận/);
    await persona.say(w.receipt, /Tình trạng tin báo/);
    expect(await t.app.services.db.tipAddendum.count()).toBe(0);
    await persona.tap("Xong", /Đã xong/);
  });
});

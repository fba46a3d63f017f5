// The simulator page in headless Chromium (Debian's), driven as a person would:
// a resident sends a complete tip, then the police group claims it.
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { type Simulator, startSimulator } from "../../src/dev/simulator/start.js";
import { freshDatabaseUrl, LogCapture, TEST_PEPPER } from "../support/harness.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
const outputDir = path.resolve(import.meta.dirname, "../../test-output");

// CI installs Chromium (.ci/run); on a developer machine without it the test is skipped, never faked.
describe.skipIf(!hasChromium && !process.env.CI)("simulator page in a browser", () => {
  let simulator: Simulator;
  let browser: Browser;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: await freshDatabaseUrl(), SECRET_PEPPER: TEST_PEPPER, LOG_LEVEL: "warn" });
    simulator = await startSimulator(config, { logDestination: new LogCapture() });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await simulator?.stop();
  });

  it("lets a resident send a tip and an officer claim it, live", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
    await page.goto(simulator.url);
    await expect.poll(() => page.locator("#title").textContent()).toContain("Người dân");

    const type = async (text: string) => {
      await page.fill("#text", text);
      await page.press("#text", "Enter");
    };
    const tapLast = (name: string) => page.locator("#messages button", { hasText: name }).last().click();
    const see = (text: string | RegExp) => page.locator("#messages").getByText(text).last().waitFor({ timeout: 10_000 });

    await type("/tip");
    await see("Bước 1/6");
    await tapLast("Mua bán ma túy");
    await see("Bước 2/6");
    await tapLast("Khu phố 5");
    await see("Bước 3/6");
    await page.locator("#reply-kb button", { hasText: "📍" }).click();
    await see("Bước 4/6");
    await tapLast("Đang diễn ra");
    await see("Bước 5/6");
    await type("Có người đang bán đá cho học sinh trước cổng trường");
    await see("Bước 6/6");
    await tapLast("Bỏ qua");
    await see("Xem lại tin báo");
    await tapLast("📨 Gửi");
    await see("Mã biên nhận của bạn");
    const receipt = await page.locator("#messages code").last().textContent();
    expect(receipt).toMatch(/^TB-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    await page.locator("#personas li", { hasText: "Nhóm Công an phường" }).click();
    await see("KHẨN CẤP");
    await tapLast("Tôi nhận");
    await see("Lê Văn An đã nhận");
    await expect.poll(() => page.locator("#toast").textContent()).toMatch(/Bạn đã nhận tin báo/);

    fs.mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: path.join(outputDir, "simulator.png") });

    // The quarter head's weekly check-in, opened now by the demo button.
    await page.locator("#open-check-in").click();
    await page.locator("#personas li", { hasText: "Tổ trưởng Khu phố 1" }).click();
    await see(/Báo cáo tuần \d{4}-W\d{2} — Khu phố 1/);
    await tapLast("Không có gì mới");
    await see("Đã ghi nhận: Khu phố 1 không có gì mới");

    await page.selectOption("#lang", "en");
    expect(await page.getAttribute("#text", "placeholder")).toMatch(/Type a message/);
    await page.close();
  });
});

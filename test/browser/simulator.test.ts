// The simulator page in headless Chromium (Debian's), driven as a person would:
// a resident sends a complete tip, then the police group claims it; a resident
// on Zalo sends one by typing numbers, and it reaches the same group.
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import sharp from "sharp";
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
    // In CI this never skips: a missing Chromium fails here, by name.
    if (!hasChromium) throw new Error(`${CHROMIUM} not found: CI installs Debian's chromium (.ci/run), or set CHROMIUM_PATH`);
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
    // As Telegram's attachment menu would: a pin, then the bot asks whose place it is.
    await page.locator("#location").click();
    await see("nơi bạn muốn báo");
    await tapLast("Đúng nơi tôi muốn báo");
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
    await see(/Báo cáo tuần \d+ \(\d{2}\/\d+–\d{2}\/\d+\) — Khu phố 1/);
    await tapLast("Không có gì mới");
    await see("Đã ghi nhận: Khu phố 1 không có gì mới");

    await page.selectOption("#lang", "en");
    expect(await page.getAttribute("#text", "placeholder")).toMatch(/Type a message/);
    await page.close();
  });

  it("lets a resident on Zalo send a tip with a picture by typing, and the police group gets it", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
    await page.goto(simulator.url);
    await page.locator("#personas li", { hasText: "Người dân (Zalo)" }).click();
    await expect.poll(() => page.locator("#title").textContent()).toContain("Người dân (Zalo)");

    const type = async (text: string) => {
      await page.fill("#text", text);
      await page.press("#text", "Enter");
    };
    const see = (text: string | RegExp) => page.locator("#messages .msg").getByText(text).last().waitFor({ timeout: 10_000 });

    await type("Xin chào");
    await see("1. 🛡 Gửi tin báo ẩn danh");
    // Zalo has no buttons nor locations: the choices are numbered lines, answered by typing.
    expect(await page.locator("#messages button").count()).toBe(0);
    expect(await page.locator("#location").isHidden()).toBe(true);
    expect(await page.getAttribute("#text", "placeholder")).toMatch(/gõ số/);

    await type("1");
    await see("Bước 1/6");
    await page.locator("#sticker").click();
    await see("Vui lòng chọn");
    await type("1");
    await see("Bước 2/6");
    await type("Khu phố 5");
    await see("Bước 3/6");
    await type("hẻm 12 Trần Phú");
    await see("Bước 4/6");
    await type("1");
    await see("Bước 5/6");
    await type("Zalo: có người bán thuốc lắc ở quán nước đầu hẻm 12");
    await see("Bước 6/6");
    const picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: "orange" } }).jpeg().toBuffer();
    await page.setInputFiles("#file", { name: "hem-12.jpg", mimeType: "image/jpeg", buffer: picture });
    await see("Đã nhận ảnh 1/5");
    // The picture shows in the chat, fetched through the simulator from the Zalo stand-in.
    await expect.poll(() => page.locator("#messages img").last().evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(64);
    await type("xong");
    await see("Xem lại tin báo");
    await see("1. 📨 Gửi");
    await type("1");
    await see("Mã biên nhận");
    const done = await page.locator("#messages .msg").getByText("Mã biên nhận").last().textContent();
    expect(done).toMatch(/TB-[2-9A-Z]{4}-[2-9A-Z]{4}/);

    fs.mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: path.join(outputDir, "simulator-zalo.png") });

    await page.locator("#personas li", { hasText: "Nhóm Công an phường" }).click();
    await see("có người bán thuốc lắc ở quán nước đầu hẻm 12");
    await see("Khu phố 5");

    // More residents on Zalo, as on Telegram.
    await page.locator("#new-zalo-resident").click();
    await expect.poll(() => page.locator("#title").textContent()).toMatch(/Người dân \d+ \(Zalo\)/);
    await type("Xin chào");
    await see("2. 🔎 Theo dõi tin báo");
    await page.close();
  });
});

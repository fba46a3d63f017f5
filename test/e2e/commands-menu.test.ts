// The command menu Telegram shows: residents' commands in private chats, the
// officers' in groups (the police group). Every command a menu lists is one
// the bot answers there, in both languages' menus.
import { I18n } from "@grammyjs/i18n";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localesDirectory } from "../../src/bot/i18n.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { until } from "../support/wait.js";

const GROUPS = { type: "all_group_chats" };
const i18n = new I18n({ defaultLocale: "vi", directory: localesDirectory, useSession: false, fluentBundleOptions: { useIsolating: false } });

describe("the command menus", () => {
  let t: TestApp;
  let ward: Ward;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("lists the residents' commands in private chats and the officers' in groups, the same commands in both languages", () => {
    const names = (options: { language_code?: string; scope?: unknown }) => t.standIn.myCommands(options).map((c) => c.command);
    expect(names({})).toEqual(expect.arrayContaining(["tip", "status", "cancel", "help", "lang"]));
    // Residents never see what staff or heads use.
    for (const other of ["tips", "away", "back", "ten", "report", "invite"]) expect(names({})).not.toContain(other);
    expect(names({ scope: GROUPS })).toEqual(expect.arrayContaining(["tips", "report", "deadlines", "roadmap", "mobaocao", "help"]));
    expect(names({ scope: GROUPS })).not.toContain("status");
    expect(names({ language_code: "en" })).toEqual(names({}));
    expect(names({ scope: GROUPS, language_code: "en" })).toEqual(names({ scope: GROUPS }));
  });

  it("answers every private-menu command a resident sends", async () => {
    for (const { command } of t.standIn.myCommands({})) {
      const resident = Persona.create(t.standIn, { first_name: "Dân", last_name: command });
      const reply = await resident.say(`/${command}`, /./);
      expect(reply?.text, `/${command}`).not.toBe(i18n.t("vi", "unknown-command", { channel: "telegram" }));
      if (command === "tip") await resident.say("/cancel", /./);
    }
  });

  it("answers every group-menu command an officer sends in the police group", async () => {
    for (const { command } of t.standIn.myCommands({ scope: GROUPS })) {
      const handled = t.app.handledUpdates();
      const reply = await ward.officer.in(ward.groupId).say(`/${command}`, /./);
      expect(reply?.text ?? reply?.caption ?? "", `/${command}`).not.toMatch(/chưa hiểu tin nhắn|⛔/);
      // Wholly handled before the next: a late message of this one (a report's file) must not pass for the next one's answer.
      await until(() => t.app.handledUpdates() > handled || undefined, () => `/${command} was not handled to its end`);
    }
  });
});

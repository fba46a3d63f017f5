// The lines a resident is shown about where else to turn: the ward police's
// hotline and address when the admin has set them, 113 when it matters, and
// the other official channels (VNeID, the ward's tip mailbox).
import type { WardContact } from "../domain/ward-contact.js";
import type { WardChoice } from "../services/wards.js";
import type { BotDeps } from "./deps.js";
import { escapeHtml } from "./html.js";
import type { Translate } from "./i18n.js";

export function contactLines(t: Translate, ward: Pick<WardChoice, "name"> | undefined, contact: WardContact, options: { call113: boolean }): string[] {
  const lines: string[] = [];
  if (ward && (contact.hotline || contact.address)) {
    lines.push(t("contacts-ward-title", { ward: escapeHtml(ward.name) }));
    if (contact.hotline) lines.push(t("contacts-hotline", { hotline: escapeHtml(contact.hotline) }));
    if (contact.address) lines.push(t("contacts-address", { address: escapeHtml(contact.address) }));
  }
  if (options.call113) lines.push(t("line-call-113"));
  lines.push(t("contacts-channels"));
  return lines;
}

/** The ward a resident is talking to, as far as the bot knows without asking: a ward link's, or the deployment's only one. */
export async function residentWard(deps: BotDeps, slug?: string): Promise<WardChoice | undefined> {
  const wards = await deps.services.wards.list();
  return slug ? wards.find((w) => w.slug === slug) : wards.length === 1 ? wards[0] : undefined;
}

/** contactLines for a ward (or none: the national lines only), read fresh. */
export async function wardContactLines(t: Translate, deps: BotDeps, ward: WardChoice | undefined, options: { call113: boolean }): Promise<string[]> {
  const contact = ward ? await deps.services.wardContacts.get(ward.id) : { hotline: null, address: null };
  return contactLines(t, ward, contact, options);
}

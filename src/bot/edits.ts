// Editing a message to what it already shows is refused by Telegram ("message
// is not modified"): a second press on a message that already says so is not an
// error worth telling the person about.
export function ignoreUnchanged(err: unknown): void {
  if (!String(err).includes("message is not modified")) throw err;
}

// The control API over HTTP, for a web page or another process: POST (or GET)
// /_control/<name> with named arguments as a JSON object (or query string),
// answered with { ok: true, result } or { ok: false, error }. Names and
// arguments mirror the BotApiStandIn methods; bytes travel as base64.
import type { IncomingMessage } from "node:http";
import { ControlError } from "./errors.js";
import { num, type Params, readBody, str } from "./params.js";
import type { BotApiStandIn } from "./stand-in.js";
import { ADMIN_RIGHTS, type ApiErrorBody, type MemberStatus, type UserProfile } from "./types.js";

type Route = (a: Args) => unknown;

class Args {
  constructor(private readonly p: Params) {}

  int(name: string): number {
    const value = num(this.p[name]);
    if (value === undefined || !Number.isInteger(value)) throw new ControlError(`"${name}" must be an integer`);
    return value;
  }

  number(name: string): number {
    const value = num(this.p[name]);
    if (value === undefined) throw new ControlError(`"${name}" must be a number`);
    return value;
  }

  text(name: string): string {
    const value = str(this.p[name]);
    if (value === undefined) throw new ControlError(`"${name}" must be a string`);
    return value;
  }

  optional(name: string): string | undefined {
    return this.p[name] === undefined ? undefined : this.text(name);
  }

  optionalInt(name: string): number | undefined {
    return this.p[name] === undefined ? undefined : this.int(name);
  }

  bytes(name: string): Uint8Array | undefined {
    const value = this.optional(name);
    return value === undefined ? undefined : new Uint8Array(Buffer.from(value, "base64"));
  }

  raw(name: string): unknown {
    return this.p[name];
  }
}

const STATUSES = new Set<MemberStatus>(["creator", "administrator", "member", "left", "kicked"]);

export class Control {
  private readonly routes: Record<string, Route>;

  constructor(standIn: BotApiStandIn) {
    const t = standIn;
    const pattern = (a: Args) => {
      const source = a.optional("pattern");
      return source === undefined ? undefined : new RegExp(source, a.optional("flags") ?? "");
    };
    this.routes = {
      botInfo: () => t.botInfo,
      users: () => t.users(),
      chats: () => t.chats(),
      createUser: (a) => {
        const profile: UserProfile = { first_name: a.text("first_name") };
        const id = a.optionalInt("id");
        if (id !== undefined) profile.id = id;
        for (const key of ["last_name", "username", "language_code"] as const) {
          const value = a.optional(key);
          if (value !== undefined) profile[key] = value;
        }
        return t.createUser(profile, { started: a.raw("started") === true });
      },
      createGroup: (a) => {
        const type = a.optional("type");
        if (type !== undefined && type !== "group" && type !== "supergroup") throw new ControlError('"type" must be "group" or "supergroup"');
        const id = a.optionalInt("id");
        return t.createGroup({ title: a.text("title"), ...(id !== undefined ? { id } : {}), ...(type ? { type } : {}) });
      },
      addMember: (a) => {
        const status = (a.optional("status") ?? "member") as MemberStatus;
        if (!STATUSES.has(status)) throw new ControlError(`unknown status "${status}"`);
        t.addMember(a.int("chatId"), a.int("userId"), status);
      },
      memberStatus: (a) => t.memberStatus(a.int("chatId"), a.int("userId")),
      setAdminRights: (a) => {
        const rights = a.raw("rights");
        if (typeof rights !== "object" || rights === null || Object.entries(rights).some(([k, v]) => !(ADMIN_RIGHTS as readonly string[]).includes(k) || typeof v !== "boolean")) {
          throw new ControlError(`"rights" must be an object of ${ADMIN_RIGHTS.join(", ")} set to true or false`);
        }
        t.setAdminRights(a.int("chatId"), a.int("userId"), rights);
      },
      upgradeGroup: (a) => {
        const id = a.optionalInt("id");
        const by = a.optionalInt("by");
        return t.upgradeGroup(a.int("chatId"), { ...(id !== undefined ? { id } : {}), ...(by !== undefined ? { by } : {}) }).supergroup;
      },
      messagesSeenBy: (a) => t.messagesSeenBy(a.int("userId"), a.int("chatId")),
      blockBot: (a) => t.blockBot(a.int("userId")),
      unblockBot: (a) => t.unblockBot(a.int("userId")),
      sendText: (a) => t.sendText(a.int("userId"), a.int("chatId"), a.text("text")),
      replyTo: (a) => t.replyTo(a.int("userId"), a.int("chatId"), a.int("messageId"), a.text("text")),
      sendPhoto: (a) => {
        const options: Parameters<BotApiStandIn["sendPhoto"]>[2] = {};
        const caption = a.optional("caption");
        const bytes = a.bytes("bytes");
        const width = a.optionalInt("width");
        const height = a.optionalInt("height");
        if (caption !== undefined) options.caption = caption;
        if (bytes) options.bytes = bytes;
        if (width !== undefined) options.width = width;
        if (height !== undefined) options.height = height;
        return t.sendPhoto(a.int("userId"), a.int("chatId"), options);
      },
      sendDocument: (a) =>
        t.sendDocument(a.int("userId"), a.int("chatId"), {
          file_name: a.text("file_name"),
          mime_type: a.optional("mime_type") ?? "application/octet-stream",
          bytes: a.bytes("bytes") ?? new Uint8Array(),
        }),
      sendLocation: (a) => t.sendLocation(a.int("userId"), a.int("chatId"), a.number("latitude"), a.number("longitude")),
      sendSticker: (a) => t.sendSticker(a.int("userId"), a.int("chatId")),
      sendVoice: (a) => t.sendVoice(a.int("userId"), a.int("chatId")),
      sendContact: (a) => t.sendContact(a.int("userId"), a.int("chatId"), a.text("phone")),
      pressButton: (a) => t.pressButton(a.int("userId"), a.int("chatId"), a.int("messageId"), a.text("data")),
      waitForCallbackAnswer: (a) => t.waitForCallbackAnswer(a.text("callbackQueryId"), a.optionalInt("timeoutMs") ?? 5000),
      messages: (a) => t.messages(a.int("chatId")),
      botMessages: (a) => t.botMessages(a.int("chatId")),
      lastBotMessage: (a) => t.lastBotMessage(a.int("chatId")),
      replyKeyboard: (a) => t.replyKeyboard(a.int("chatId")),
      waitForBotMessage: (a) => t.waitForBotMessage(a.int("chatId"), pattern(a), a.optionalInt("timeoutMs") ?? 5000),
      calls: (a) => {
        const method = a.optional("method");
        return method === undefined ? t.calls : t.callsTo(method);
      },
      callsTo: (a) => t.callsTo(a.text("method")),
      loseResponseNext: (a) => t.loseResponseNext(a.text("method"), a.optionalInt("times") ?? 1),
      failNext: (a) => {
        const error = a.raw("error") as ApiErrorBody | undefined;
        if (typeof error?.error_code !== "number" || typeof error.description !== "string") throw new ControlError('"error" must be { error_code, description, parameters? }');
        t.failNext(a.text("method"), error, a.optionalInt("times") ?? 1);
      },
      reset: () => t.reset(),
      myCommands: (a) => {
        const language = a.optional("language_code");
        return t.myCommands(language !== undefined ? { language_code: language } : {});
      },
    };
  }

  async call(name: string, req: IncomingMessage, url: URL): Promise<unknown> {
    const route = Object.hasOwn(this.routes, name) ? this.routes[name] : undefined;
    if (!route) throw new ControlError(`unknown control method "${name}"; known: ${Object.keys(this.routes).join(", ")}`);
    const params: Params = Object.fromEntries(url.searchParams);
    if (req.method === "POST") {
      const body = (await readBody(req)).toString("utf8");
      if (body.trim() !== "") {
        const parsed: unknown = JSON.parse(body);
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new ControlError("the body must be a JSON object");
        Object.assign(params, parsed);
      }
    }
    const result = await route(new Args(params));
    return result;
  }
}

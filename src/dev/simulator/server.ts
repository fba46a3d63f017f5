// The simulator's web server: a chat page plus a small JSON API over the Bot
// API stand-in and the Zalo stand-in, so anyone can try every flow in a
// browser with neither Telegram nor Zalo.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { BotApiStandIn, StoredMessage } from "../bot-api-stand-in/index.js";
import type { ZaloStandIn, ZaloStoredMessage } from "../zalo-stand-in/index.js";

export type Channel = "telegram" | "zalo";

interface PersonaBase {
  key: string;
  title: string;
  subtitle: string;
  kind: "resident" | "officer" | "admin" | "group" | "head" | "agency";
}

export interface TelegramPersona extends PersonaBase {
  /** Left out: Telegram. */
  channel?: "telegram";
  /** Telegram user the page acts as. */
  userId: number;
  /** The chat shown: the user's private chat, or a group. */
  chatId: number;
}

export interface ZaloPersona extends PersonaBase {
  channel: "zalo";
  /** Zalo user the page acts as (20 hex characters). */
  userId: string;
  /** Zalo bots only have private chats: the user's id. */
  chatId: string;
}

export type Persona = TelegramPersona | ZaloPersona;

export interface SimulatorOptions {
  standIn: BotApiStandIn;
  zaloStandIn: ZaloStandIn;
  personas: Persona[];
  /** Creates a fresh anonymous resident on that channel and returns its persona. */
  newResident(channel: Channel): Persona;
  /** Demo shortcuts shown as buttons (e.g. open this week's check-in now). */
  actions?: Record<string, () => Promise<unknown>>;
}

const pageFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "page.html");

const sendSchema = z.object({ persona: z.string().min(1).max(40), text: z.string().min(1).max(4096) });
const pressSchema = z.object({ persona: z.string().min(1).max(40), messageId: z.number().int().positive(), data: z.string().min(1).max(64) });
const photoSchema = z.object({ persona: z.string().min(1).max(40), base64: z.string().max(15_000_000).optional(), caption: z.string().max(1024).optional() });
const locationSchema = z.object({ persona: z.string().min(1).max(40), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });
const kindSchema = z.object({ persona: z.string().min(1).max(40), kind: z.enum(["sticker", "voice"]) });
const newPersonaSchema = z.object({ channel: z.enum(["telegram", "zalo"]).default("telegram") });

/** The persona as the page gets it: the channel always spelled out. */
const shown = (p: Persona) => ({ ...p, channel: p.channel ?? "telegram" });

export class SimulatorServer {
  private server: http.Server | null = null;
  private baseUrl = "";

  constructor(private readonly options: SimulatorOptions) {}

  get url(): string {
    return this.baseUrl;
  }

  async start(port = 0, host = "127.0.0.1"): Promise<string> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: String(err) }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private persona(key: string): Persona {
    const persona = this.options.personas.find((p) => p.key === key);
    if (!persona) throw new HttpError(404, `unknown persona ${key}`);
    return persona;
  }

  private zaloView(m: ZaloStoredMessage) {
    const persona = this.options.personas.find((p) => p.channel === "zalo" && p.chatId === m.chat_id);
    return zaloView(m, persona?.title ?? "Zalo", this.options.zaloStandIn);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    const { standIn, zaloStandIn } = this.options;
    try {
      if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/index.html")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(fs.readFileSync(pageFile));
        return;
      }
      if (req.method === "GET" && url.pathname === "/api/personas") return json(200, this.options.personas.map(shown));
      if (req.method === "POST" && url.pathname === "/api/personas") {
        const { channel } = newPersonaSchema.parse(JSON.parse((await readBody(req)) || "{}"));
        return json(201, shown(this.options.newResident(channel)));
      }
      const messages = /^\/api\/personas\/([\w-]+)\/messages$/.exec(url.pathname);
      if (req.method === "GET" && messages) {
        const persona = this.persona(messages[1]!);
        if (persona.channel === "zalo") return json(200, zaloStandIn.messages(persona.chatId).map((m) => this.zaloView(m)));
        return json(200, standIn.messages(persona.chatId).filter((m) => !m.deleted).map(view));
      }
      const file = /^\/api\/files\/([\w-]+)$/.exec(url.pathname);
      if (req.method === "GET" && file) {
        const bytes = standIn.fileBytes(file[1]!);
        if (!bytes) return json(404, { error: "no such file" });
        res.writeHead(200, { "content-type": "image/jpeg", "cache-control": "max-age=3600" });
        res.end(Buffer.from(bytes));
        return;
      }
      // Zalo users' pictures, which the Zalo stand-in serves on a port of its own.
      const zaloMedia = /^\/api\/zalo-media\/([\w.-]+)$/.exec(url.pathname);
      if (req.method === "GET" && zaloMedia) {
        const bytes = zaloStandIn.mediaBytes(`/media/${zaloMedia[1]!}`);
        if (!bytes) return json(404, { error: "no such file" });
        res.writeHead(200, { "content-type": "image/jpeg", "cache-control": "max-age=3600" });
        res.end(Buffer.from(bytes));
        return;
      }
      if (req.method === "GET" && url.pathname === "/api/events") return this.events(req, res);
      if (req.method !== "POST") return json(404, { error: "not found" });
      const action = /^\/api\/actions\/([\w-]+)$/.exec(url.pathname);
      if (action) {
        const run = this.options.actions?.[action[1]!];
        if (!run) return json(404, { error: "no such action" });
        return json(200, { result: await run() });
      }
      const body: unknown = JSON.parse((await readBody(req)) || "{}");
      switch (url.pathname) {
        case "/api/send": {
          const input = sendSchema.parse(body);
          const p = this.persona(input.persona);
          if (p.channel === "zalo") return json(200, zaloStandIn.sendText(p.userId, input.text));
          return json(200, standIn.sendText(p.userId, p.chatId, input.text));
        }
        case "/api/press": {
          const input = pressSchema.parse(body);
          const p = this.persona(input.persona);
          if (p.channel === "zalo") throw new HttpError(400, "Zalo has no buttons: type the choice's number");
          const { callbackQueryId } = standIn.pressButton(p.userId, p.chatId, input.messageId, input.data);
          const answer = await standIn.waitForCallbackAnswer(callbackQueryId, 10_000).catch(() => ({}));
          return json(200, answer);
        }
        case "/api/photo": {
          const input = photoSchema.parse(body);
          const p = this.persona(input.persona);
          if (p.channel === "zalo") {
            // The stand-in serves a Zalo image's bytes at the update's photo_url, so there must be some.
            if (!input.base64) throw new HttpError(400, "a Zalo picture needs its bytes");
            return json(200, zaloStandIn.sendImage(p.userId, Buffer.from(input.base64, "base64"), input.caption ? { caption: input.caption } : {}));
          }
          return json(200, standIn.sendPhoto(p.userId, p.chatId, {
            ...(input.base64 ? { bytes: Buffer.from(input.base64, "base64") } : {}),
            ...(input.caption ? { caption: input.caption } : {}),
          }));
        }
        case "/api/location": {
          const input = locationSchema.parse(body);
          const p = this.persona(input.persona);
          if (p.channel === "zalo") throw new HttpError(400, "Zalo does not pass locations on to bots");
          return json(200, standIn.sendLocation(p.userId, p.chatId, input.latitude, input.longitude));
        }
        case "/api/other": {
          const input = kindSchema.parse(body);
          const p = this.persona(input.persona);
          // Zalo passes voice notes on only as "unsupported": the bot learns that one came.
          if (p.channel === "zalo") return json(200, input.kind === "sticker" ? zaloStandIn.sendSticker(p.userId) : zaloStandIn.sendUnsupported(p.userId));
          return json(200, input.kind === "sticker" ? standIn.sendSticker(p.userId, p.chatId) : standIn.sendVoice(p.userId, p.chatId));
        }
        default:
          return json(404, { error: "not found" });
      }
    } catch (err) {
      if (err instanceof HttpError) return json(err.status, { error: err.message });
      if (err instanceof z.ZodError || err instanceof SyntaxError) return json(400, { error: "invalid request" });
      throw err;
    }
  }

  /** Server-sent events: every message stored, edited or deleted, by chat. */
  private events(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(": connected\n\n");
    const { events } = this.options.standIn;
    const send = (type: string) => (m: StoredMessage) => res.write(`event: ${type}\ndata: ${JSON.stringify(view(m))}\n\n`);
    const handlers: [string, (m: StoredMessage) => void][] = [
      ["message", send("message")],
      ["edit", send("edit")],
      ["delete", send("delete")],
    ];
    // Zalo messages are never edited nor deleted: new ones are all there is.
    const zaloEvents = this.options.zaloStandIn.events;
    const sendZalo = (m: ZaloStoredMessage) => res.write(`event: message\ndata: ${JSON.stringify(this.zaloView(m))}\n\n`);
    for (const [event, handler] of handlers) events.on(event, handler);
    zaloEvents.on("message", sendZalo);
    const keepAlive = setInterval(() => res.write(": ping\n\n"), 15_000);
    req.on("close", () => {
      clearInterval(keepAlive);
      for (const [event, handler] of handlers) events.off(event, handler);
      zaloEvents.off("message", sendZalo);
    });
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the page needs of a message, on either channel. */
interface MessageView {
  /** Telegram's ids are numbers, Zalo's hex strings. */
  id: number | string;
  chatId: number | string;
  fromBot: boolean;
  fromName: string;
  fromId: number | string | null;
  text: string | null;
  caption: string | null;
  entities: unknown[];
  photoUrl: string | null;
  location: { latitude: number; longitude: number } | null;
  sticker: boolean;
  voice: boolean;
  /** A Zalo message of a kind Zalo does not pass on to bots. */
  unsupported: boolean;
  document: string | null;
  replyMarkup: unknown;
  edited: boolean;
  deleted: boolean;
  /** Seconds. */
  date: number;
}

function view(m: StoredMessage): MessageView {
  return {
    id: m.message_id,
    chatId: m.chat_id,
    fromBot: m.from_bot,
    fromName: m.from_bot ? "Tổ Dân Bot" : [m.from?.first_name, m.from?.last_name].filter(Boolean).join(" "),
    fromId: m.from?.id ?? null,
    text: m.text ?? null,
    caption: m.caption ?? null,
    entities: m.entities ?? [],
    photoUrl: m.photo ? `/api/files/${encodeURIComponent(m.photo.at(-1)!.file_id)}` : null,
    location: m.location ?? null,
    sticker: m.sticker ?? false,
    voice: m.voice ?? false,
    unsupported: false,
    document: m.document?.file_name ?? null,
    replyMarkup: m.reply_markup ?? null,
    edited: m.edited,
    deleted: m.deleted,
    date: m.date,
  };
}

/** The same shape for a Zalo message: plain text (choices are numbered lines in it), no markup. */
function zaloView(m: ZaloStoredMessage, userName: string, zaloStandIn: ZaloStandIn): MessageView {
  // A user's picture is the stand-in's own; a bot's is whatever URL the bot passed.
  const photoUrl = m.photo && zaloStandIn.mediaBytes(m.photo) ? `/api/zalo-media/${m.photo.slice(m.photo.lastIndexOf("/") + 1)}` : (m.photo ?? null);
  return {
    id: m.message_id,
    chatId: m.chat_id,
    fromBot: m.from_bot,
    fromName: m.from_bot ? "Tổ Dân Bot" : userName,
    // In a private chat the user's id is the chat's.
    fromId: m.from_bot ? null : m.chat_id,
    text: m.text ?? null,
    caption: m.caption ?? null,
    entities: [],
    photoUrl,
    location: null,
    sticker: m.sticker !== undefined,
    voice: false,
    unsupported: m.unsupported ?? false,
    document: null,
    replyMarkup: null,
    edited: false,
    deleted: false,
    // Milliseconds on Zalo, seconds on Telegram: the page reads seconds.
    date: Math.floor(m.date / 1000),
  };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 20_000_000) throw new HttpError(413, "too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

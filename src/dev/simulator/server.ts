// The simulator's web server: a chat page plus a small JSON API over the Bot
// API stand-in, so anyone can try every flow in a browser with no Telegram.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { BotApiStandIn, StoredMessage } from "../bot-api-stand-in/index.js";

export interface Persona {
  key: string;
  /** Telegram user the page acts as. */
  userId: number;
  /** The chat shown: the user's private chat, or a group. */
  chatId: number;
  title: string;
  subtitle: string;
  kind: "resident" | "officer" | "admin" | "group" | "head" | "agency";
}

export interface SimulatorOptions {
  standIn: BotApiStandIn;
  personas: Persona[];
  /** Creates a fresh anonymous resident and returns its persona. */
  newResident(): Persona;
  /** Demo shortcuts shown as buttons (e.g. open this week's check-in now). */
  actions?: Record<string, () => Promise<unknown>>;
}

const pageFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "page.html");

const sendSchema = z.object({ persona: z.string().min(1).max(40), text: z.string().min(1).max(4096) });
const pressSchema = z.object({ persona: z.string().min(1).max(40), messageId: z.number().int().positive(), data: z.string().min(1).max(64) });
const photoSchema = z.object({ persona: z.string().min(1).max(40), base64: z.string().max(15_000_000).optional(), caption: z.string().max(1024).optional() });
const locationSchema = z.object({ persona: z.string().min(1).max(40), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });
const kindSchema = z.object({ persona: z.string().min(1).max(40), kind: z.enum(["sticker", "voice"]) });

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

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    const { standIn } = this.options;
    try {
      if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/index.html")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(fs.readFileSync(pageFile));
        return;
      }
      if (req.method === "GET" && url.pathname === "/api/personas") return json(200, this.options.personas);
      if (req.method === "POST" && url.pathname === "/api/personas") return json(201, this.options.newResident());
      const messages = /^\/api\/personas\/([\w-]+)\/messages$/.exec(url.pathname);
      if (req.method === "GET" && messages) {
        const persona = this.persona(messages[1]!);
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
          return json(200, standIn.sendText(p.userId, p.chatId, input.text));
        }
        case "/api/press": {
          const input = pressSchema.parse(body);
          const p = this.persona(input.persona);
          const { callbackQueryId } = standIn.pressButton(p.userId, p.chatId, input.messageId, input.data);
          const answer = await standIn.waitForCallbackAnswer(callbackQueryId, 10_000).catch(() => ({}));
          return json(200, answer);
        }
        case "/api/photo": {
          const input = photoSchema.parse(body);
          const p = this.persona(input.persona);
          return json(200, standIn.sendPhoto(p.userId, p.chatId, {
            ...(input.base64 ? { bytes: Buffer.from(input.base64, "base64") } : {}),
            ...(input.caption ? { caption: input.caption } : {}),
          }));
        }
        case "/api/location": {
          const input = locationSchema.parse(body);
          const p = this.persona(input.persona);
          return json(200, standIn.sendLocation(p.userId, p.chatId, input.latitude, input.longitude));
        }
        case "/api/other": {
          const input = kindSchema.parse(body);
          const p = this.persona(input.persona);
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
    for (const [event, handler] of handlers) events.on(event, handler);
    const keepAlive = setInterval(() => res.write(": ping\n\n"), 15_000);
    req.on("close", () => {
      clearInterval(keepAlive);
      for (const [event, handler] of handlers) events.off(event, handler);
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

/** What the page needs of a message. */
function view(m: StoredMessage) {
  return {
    id: m.message_id,
    chatId: m.chat_id,
    fromBot: m.from_bot,
    fromName: m.from_bot ? "Tổ Dân Bot" : [m.from?.first_name, m.from?.last_name].filter(Boolean).join(" "),
    fromId: m.from?.id ?? null,
    text: m.text ?? null,
    caption: m.caption ?? null,
    entities: m.entities ?? [],
    photo: m.photo?.at(-1)?.file_id ?? null,
    location: m.location ?? null,
    sticker: m.sticker ?? false,
    voice: m.voice ?? false,
    document: m.document?.file_name ?? null,
    replyMarkup: m.reply_markup ?? null,
    edited: m.edited,
    deleted: m.deleted,
    date: m.date,
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

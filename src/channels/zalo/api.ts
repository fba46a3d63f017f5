// A small client for Zalo's Bot API (https://bot-api.zaloplatforms.com/bot<TOKEN>/<method>):
// JSON in, `{ ok, result | error_code, description }` out, like Telegram's.
import { retryingFetch } from "../../bot/retrying-fetch.js";

export const ZALO_API_ROOT = "https://bot-api.zaloplatforms.com";

export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`Zalo ${method} failed: ${errorCode} ${description}`);
    this.name = "ZaloApiError";
  }

  /** getUpdates waited its whole timeout and nothing came. */
  get isPollTimeout(): boolean {
    return this.method === "getUpdates" && this.errorCode === 408;
  }
}

export class ZaloApi {
  private readonly fetch: typeof fetch;

  constructor(
    private readonly token: string,
    readonly apiRoot: string = ZALO_API_ROOT,
    // 429, 5xx and dropped connections are retried below, as for Telegram.
    fetchImpl: typeof fetch = retryingFetch({}, globalThis.fetch),
  ) {
    this.fetch = fetchImpl;
  }

  async call<T>(method: string, body: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    // The URL holds the token: it is never logged, and errors name only the method.
    const res = await this.fetch(`${this.apiRoot}/bot${this.token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
    const data = (await res.json().catch(() => null)) as { ok?: boolean; result?: T; error_code?: number; description?: string } | null;
    if (!data || data.ok !== true) throw new ZaloApiError(method, data?.error_code ?? res.status, data?.description ?? `HTTP ${res.status}`);
    return data.result as T;
  }
}

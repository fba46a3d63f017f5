// Zalo Bot API refusals. The HTTP status usually equals error_code; a long
// poll that saw nothing is the exception (HTTP 200, error_code 408).

export class ZaloApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorCode: number,
    description: string,
  ) {
    super(description);
  }
}

export const badRequest = (description: string) => new ZaloApiError(400, 400, description);

export const forbidden = (description: string) => new ZaloApiError(403, 403, description);

export const notFound = () => new ZaloApiError(404, 404, "Not Found");

export const unauthorized = () => new ZaloApiError(401, 401, "Unauthorized");

export const requestTimeout = () => new ZaloApiError(200, 408, "Request timeout");

export const webhookActive = () => new ZaloApiError(409, 409, "webhook is active");

/** The client of a long poll hung up: there is nobody to answer. */
export class ClientGone extends Error {}

/** A misuse of the stand-in by a test (not something Zalo would answer). */
export class ZaloControlError extends Error {}

// The API's wire constants shared with its clients: no imports, so the client subpath
// (@ogi/api/client) loads nothing of the server.

/** With a service token, the Telegram user the service acts for. */
export const TELEGRAM_USER_HEADER = "X-Telegram-User-Id";

/** Repeating a write with the same key answers what the first one answered. */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

// The API's wire constants shared with its clients: no imports, so the client subpath
// (@ogi/api/client) loads nothing of the server.

/** With a service token, the Telegram user the service acts for. */
export const TELEGRAM_USER_HEADER = "X-Telegram-User-Id";

/**
 * With a service token, the messenger user the service acts for: `<platform>:<user id>`, e.g.
 * `wecom:zhangsan`, `dingtalk:0123456789`, `telegram:7001` (the Telegram header keeps working).
 */
export const CHAT_USER_HEADER = "X-Chat-User";

/** The platforms a staff member may be linked on. */
export const CHAT_PLATFORMS = ["telegram", "wecom", "dingtalk"] as const;
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

/** `wecom:zhangsan` → its platform and id; undefined when it names no known platform. */
export const parseChatUser = (
  value: string,
): { platform: ChatPlatform; externalId: string } | undefined => {
  const i = value.indexOf(":");
  if (i < 0) return undefined;
  const platform = CHAT_PLATFORMS.find((p) => p === value.slice(0, i));
  const externalId = value.slice(i + 1);
  // Printable ASCII only: the platforms' ids are, and a header cannot carry more anyway.
  if (!platform || !/^[\x21-\x7e]{1,128}$/.test(externalId)) return undefined;
  if (platform === "telegram" && !/^\d{1,15}$/.test(externalId)) return undefined;
  return { platform, externalId };
};

/** Repeating a write with the same key answers what the first one answered. */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

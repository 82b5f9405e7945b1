// Webhook mode: a Hono app that hands Telegram's POSTs to the bot, once the
// X-Telegram-Bot-Api-Secret-Token header matches WEBHOOK_SECRET (401 otherwise).
import { createHash, timingSafeEqual } from "node:crypto";
import { type Bot, webhookCallback } from "grammy";
import { Hono } from "hono";
import type { BotContext } from "../context.ts";

export const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

const digest = (s: string) => createHash("sha256").update(s).digest();

export const webhookApp = (bot: Bot<BotContext>, options: { path: string; secret: string }) => {
  const app = new Hono();
  const expected = digest(options.secret);
  app.get("/health", (c) => c.json({ ok: true }));
  // A slow update (the API slow to answer) is acknowledged after 10 s and finishes on its own:
  // Telegram does not resend it, and if it did, the update_id de-duplication would skip it.
  app.post(
    options.path,
    // grammY compares the header with !==, whose time tells how much of a guess was right; the
    // digests of equal length are compared here in constant time first.
    async (c, next) => {
      if (!timingSafeEqual(digest(c.req.header(SECRET_HEADER) ?? ""), expected))
        return c.json({ error: "secret token missing or wrong / 密钥缺失或错误" }, 401);
      await next();
    },
    webhookCallback(bot, "hono", { secretToken: options.secret, onTimeout: "return" }),
  );
  return app;
};

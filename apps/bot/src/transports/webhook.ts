// Webhook mode: a Hono app that hands Telegram's POSTs to the bot. grammY checks the
// X-Telegram-Bot-Api-Secret-Token header against WEBHOOK_SECRET and answers 401 otherwise.
import { type Bot, webhookCallback } from "grammy";
import { Hono } from "hono";
import type { BotContext } from "../context.ts";

export const webhookApp = (bot: Bot<BotContext>, options: { path: string; secret: string }) => {
  const app = new Hono();
  app.get("/health", (c) => c.json({ ok: true }));
  // A slow update (the API slow to answer) is acknowledged after 10 s and finishes on its own:
  // Telegram does not resend it, and if it did, the update_id de-duplication would skip it.
  app.post(
    options.path,
    webhookCallback(bot, "hono", { secretToken: options.secret, onTimeout: "return" }),
  );
  return app;
};

// Webhook mode: a Hono app that hands Telegram's POSTs to the bot. grammY checks the
// X-Telegram-Bot-Api-Secret-Token header against WEBHOOK_SECRET and answers 401 otherwise.
import { type Bot, webhookCallback } from "grammy";
import { Hono } from "hono";
import type { BotContext } from "../context.ts";

export const webhookApp = (bot: Bot<BotContext>, options: { path: string; secret: string }) => {
  const app = new Hono();
  app.get("/health", (c) => c.json({ ok: true }));
  app.post(options.path, webhookCallback(bot, "hono", { secretToken: options.secret }));
  return app;
};

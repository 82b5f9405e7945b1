// The bot writes Telegram HTML (<b>, <i>, <code>, <pre>, <a>); WeCom and DingTalk show Markdown.
import type { InlineKeyboardMarkup } from "grammy/types";

const entities = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Telegram HTML as Markdown: bold and code kept, links as [text](url), other tags dropped. */
export const htmlToMarkdown = (html: string) =>
  entities(
    html
      .replace(/<pre>([\s\S]*?)<\/pre>/g, (_, body: string) => `\n\`\`\`\n${body}\n\`\`\`\n`)
      .replace(/<\/?(b|strong)>/g, "**")
      .replace(/<code>([\s\S]*?)<\/code>/g, "`$1`")
      .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, "[$2]($1)")
      .replace(/<[^>]+>/g, ""),
  ).replace(/\n{3,}/g, "\n\n");

/** Telegram HTML as plain text (for titles and places that show no Markdown). */
export const htmlToText = (html: string) => entities(html.replace(/<[^>]+>/g, ""));

export type Button = { text: string; data: string };

/** The inline keyboard's callback buttons, row by row (URL buttons have no data: dropped). */
export const buttonsOf = (markup: unknown): Button[][] =>
  ((markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [])
    .map((row) =>
      row.flatMap((b) =>
        "callback_data" in b && b.callback_data ? [{ text: b.text, data: b.callback_data }] : [],
      ),
    )
    .filter((row) => row.length > 0);

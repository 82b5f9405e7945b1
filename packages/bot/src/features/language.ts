// /lang zh|en: the user's language, kept in storage (Chinese unless they choose English).
import type { Lang } from "@ogi/domain";
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { langStep } from "../flows/index.ts";
import { langKeyboard } from "../ui.ts";
import { errorsText, say, show } from "./common.ts";
import { onCommand, onPress } from "./routing.ts";

export const language = new Composer<BotContext>();

const setLang = async (ctx: BotContext, lang: Lang) => {
  await ctx.services.store.set(`lang:${ctx.from!.id}`, lang);
  ctx.lang = lang;
  ctx.i18n.useLocale(lang);
  await show(ctx, ctx.t("lang-set"));
};

language.use(
  onCommand("lang", async (ctx, req) => {
    if (req.errors.length > 0) return say(ctx, errorsText(ctx, req.errors), langKeyboard(ctx));
    if (!req.lang) return say(ctx, ctx.t("lang-ask"), langKeyboard(ctx));
    return setLang(ctx, req.lang);
  }),
);

language.use(onPress(langStep, (ctx, { lang }) => setLang(ctx, lang)));

// /new, 登记, 新收: applicant type (six buttons) → receipt date → channel (optional) → card →
// the application's number and due date. Text shortcuts fill in what they name and ask the rest.
import type { ApplicantType, Channel, IsoDate } from "@ogi/domain";
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { newFlow } from "../flows/index.ts";
import { parseDate } from "../text/dates.ts";
import type { NewRequest } from "../text/shortcuts.ts";
import {
  applicantLabel,
  applicantTypeKeyboard,
  channelKeyboard,
  channelLabel,
  newCardKeyboard,
  newDateKeyboard,
} from "../ui.ts";
import {
  awaitAnswer,
  call,
  clearAwaiting,
  errorsText,
  me,
  rememberIds,
  rememberLast,
  say,
  show,
  userId,
  writeKey,
} from "./common.ts";
import { onAnswer, onCommand, onPress } from "./routing.ts";

export const registerApplication = new Composer<BotContext>();

const askDate = async (ctx: BotContext, type: ApplicantType) => {
  await awaitAnswer(ctx, { kind: "newDate", type });
  await show(
    ctx,
    ctx.t("new-ask-date", { type: applicantLabel(type, ctx.lang) }),
    newDateKeyboard(ctx, type),
  );
};

const card = async (
  ctx: BotContext,
  s: { type: ApplicantType; date: IsoDate; channel: Channel | null },
) => {
  await clearAwaiting(ctx);
  await show(
    ctx,
    ctx.t("new-card", {
      agency: me(ctx).agencyName,
      type: applicantLabel(s.type, ctx.lang),
      date: s.date,
      channel: s.channel ? channelLabel(s.channel, ctx.lang) : ctx.t("channel-none"),
    }),
    newCardKeyboard(ctx, s),
  );
};

const start = async (ctx: BotContext, req: NewRequest) => {
  await clearAwaiting(ctx);
  if (req.errors.length > 0) await say(ctx, errorsText(ctx, req.errors));
  const type = req.type;
  if (type?.kind !== "one") {
    const only = type?.kind === "choices" ? type.values : undefined;
    await say(ctx, ctx.t("new-ask-type"), applicantTypeKeyboard(ctx, only));
    return;
  }
  if (!req.date) return askDate(ctx, type.value);
  if (req.channel) return card(ctx, { type: type.value, date: req.date, channel: req.channel });
  await show(
    ctx,
    ctx.t("new-ask-channel", { type: applicantLabel(type.value, ctx.lang), date: req.date }),
    channelKeyboard(ctx, type.value, req.date),
  );
};

registerApplication.use(onCommand("new", start));

registerApplication.use(onPress(newFlow.type, (ctx, s) => askDate(ctx, s.type)));

// A typed receipt date while the date buttons are shown.
registerApplication.use(
  onAnswer("newDate", async (ctx, a, text) => {
    const d = parseDate(text, ctx.services.today());
    if (!d.ok) {
      await say(
        ctx,
        `${errorsText(ctx, [d.error])}\n${ctx.t("awaiting-hint")}`,
        newDateKeyboard(ctx, a.type),
      );
      return;
    }
    await clearAwaiting(ctx);
    await say(
      ctx,
      ctx.t("new-ask-channel", { type: applicantLabel(a.type, ctx.lang), date: d.date }),
      channelKeyboard(ctx, a.type, d.date),
    );
  }),
);

registerApplication.use(
  onPress(newFlow.date, async (ctx, s) => {
    await clearAwaiting(ctx);
    await show(
      ctx,
      ctx.t("new-ask-channel", { type: applicantLabel(s.type, ctx.lang), date: s.date }),
      channelKeyboard(ctx, s.type, s.date),
    );
  }),
);

registerApplication.use(onPress(newFlow.card, card));

registerApplication.use(
  onPress(newFlow.confirm, async (ctx, s) => {
    const created = await call(ctx, () =>
      ctx.services.api.register(
        userId(ctx),
        me(ctx).agencyCode,
        {
          receivedOn: s.date,
          applicantType: s.type,
          ...(s.channel ? { channel: s.channel } : {}),
        },
        writeKey(ctx),
      ),
    );
    if (!created) return;
    rememberIds(ctx, [created]);
    const type = applicantLabel(s.type, ctx.lang);
    if (created.receivedEventId)
      await rememberLast(ctx, {
        applicationId: created.id,
        number: created.number,
        eventId: created.receivedEventId,
        label: {
          zh: `登记第 ${created.number} 号（${applicantLabel(s.type, "zh")}，${s.date} 收到）`,
          en: `registration of No. ${created.number} (${applicantLabel(s.type, "en")}, received ${s.date})`,
        },
      });
    await show(
      ctx,
      ctx.t("new-done", {
        number: created.number,
        type,
        date: s.date,
        dueDate: created.dueDate ?? "—",
      }),
    );
  }),
);

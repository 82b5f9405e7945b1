// How a feature picks its updates: a command it reads, a step of its flow whose button was
// pressed, or the answer to a question it asked. Each hands the handler the typed value, so no
// feature casts what it receives; an update that is not its own goes to the next feature.
import type { Middleware } from "grammy";
import type { Awaiting, BotContext } from "../context.ts";
import type { Step } from "../flows/index.ts";
import type { Parsed } from "../text/shortcuts.ts";

type Handler<T> = (ctx: BotContext, value: T) => unknown;

/** The state of `step` if its button was pressed. */
export const pressedOn = <S>(ctx: BotContext, step: Step<S>): S | undefined =>
  ctx.pressed?.kind === step.kind ? step.read(ctx.pressed.fields) : undefined;

/** A press of one of `steps`' buttons. */
export const onPress =
  <S>(steps: Step<S> | Step<S>[], handler: Handler<S>): Middleware<BotContext> =>
  async (ctx, next) => {
    for (const step of Array.isArray(steps) ? steps : [steps]) {
      const state = pressedOn(ctx, step);
      if (state !== undefined) {
        await handler(ctx, state);
        return;
      }
    }
    await next();
  };

type ParsedOf<K extends Parsed["kind"]> = Extract<Parsed, { kind: K }>;
const isCommand = <K extends Parsed["kind"]>(p: Parsed, kind: K): p is ParsedOf<K> =>
  p.kind === kind;

/** A message read as the command `kind` (with its Chinese shortcuts). */
export const onCommand =
  <K extends Parsed["kind"]>(kind: K, handler: Handler<ParsedOf<K>>): Middleware<BotContext> =>
  async (ctx, next) => {
    const p = ctx.parsed;
    if (p && isCommand(p, kind)) await handler(ctx, p);
    else await next();
  };

type AwaitingOf<K extends Awaiting["kind"]> = Extract<Awaiting, { kind: K }>;
const isAwaiting = <K extends Awaiting["kind"]>(a: Awaiting, kind: K): a is AwaitingOf<K> =>
  a.kind === kind;

/** Plain text answering the question `kind` the bot asked (a date, an amount). */
export const onAnswer =
  <K extends Awaiting["kind"]>(
    kind: K,
    handler: (ctx: BotContext, asked: AwaitingOf<K>, text: string) => unknown,
  ): Middleware<BotContext> =>
  async (ctx, next) => {
    const a = ctx.awaiting;
    if (a && isAwaiting(a, kind))
      await handler(ctx, a, ctx.parsed?.kind === "text" ? ctx.parsed.text : "");
    else await next();
  };

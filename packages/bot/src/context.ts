import type { I18nFlavor } from "@grammyjs/i18n";
import type { ApplicantType, Bilingual, IsoDate, Lang, Outcome } from "@ogi/domain";
import type { Context } from "grammy";
import type { Me, OgiApi } from "./api.ts";
import type { ButtonCodec, ButtonData, MoreEvent } from "./flows/index.ts";
import type { KeyValueStore } from "./storage.ts";
import type { Parsed } from "./text/shortcuts.ts";

export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

/** What the user was asked to type next (a date, an amount), kept per chat and user. */
export type Awaiting =
  | { kind: "newDate"; type: ApplicantType }
  | { kind: "closeDate"; number: number; outcome: Outcome }
  | { kind: "moreDate"; number: number; event: MoreEvent; fen: number | null }
  | { kind: "feeAmount"; number: number };

/** The user's last record, for /undo. */
export type LastRecord = {
  applicationId: string;
  number: number;
  eventId: string;
  /** What was recorded, as the user saw it ("登记 自然人 2026-11-20"). */
  label: Bilingual;
  at: number;
};

export type Services = {
  api: OgiApi;
  store: KeyValueStore;
  codec: ButtonCodec;
  logger: Logger;
  now: () => Date;
  /** Today in the agencies' time zone. */
  today: () => IsoDate;
  /**
   * Application ids by `agency|number`, as the API has answered them. An agency's running
   * numbers never change, so what is known stays true; a restart only forgets it.
   */
  applicationIds: Map<string, string>;
};

export type BotContext = Context &
  I18nFlavor & {
    services: Services;
    lang: Lang;
    /** The linked staff record; set for every update past the link gate. */
    staff?: Me;
    /** The pressed button's data, once its signature, age and fields were checked. */
    pressed?: ButtonData;
    /** The parsed command of a text message. */
    parsed?: Parsed;
    /** Set when a plain text answers a question the bot asked. */
    awaiting?: Awaiting;
  };

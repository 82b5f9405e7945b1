import type { I18nFlavor } from "@grammyjs/i18n";
import type { ApplicantType, Ask, Bilingual, Channel, IsoDate, Lang, Outcome } from "@ogi/domain";
import type { Context } from "grammy";
import type { Me, OgiApi } from "./api.ts";
import type { ButtonCodec, ButtonData, MoreEvent, NewState } from "./flows/index.ts";
import type { KeyValueStore } from "./storage.ts";
import type { Particulars } from "./text/particulars.ts";
import type { Parsed } from "./text/shortcuts.ts";

export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

/** What the user was asked to type next (a date, an amount), kept per chat and user. */
export type Awaiting =
  /** The receipt date typed; `channel` (null: skipped) when it was chosen before the date. */
  | { kind: "newDate"; type: ApplicantType; p?: string | null; channel?: Channel | null }
  /** Another receipt date typed on the registration's card `state`. */
  | { kind: "newCardDate"; state: NewState }
  /** The subject or the applicant typed for the registration's card `state`. */
  | { kind: "newParticular"; state: NewState; field: ParticularField }
  /** The subject or the applicant typed for application `number` (an amendment). */
  | { kind: "editParticular"; number: number; field: ParticularField }
  | { kind: "closeDate"; number: number; outcome: Outcome }
  /** The date (or, for an extension, its working days) typed for the card of an event. */
  | {
      kind: "moreDate";
      number: number;
      event: MoreEvent;
      fen: number | null;
      days?: number | null;
      /** The card's date, kept when the days are typed. */
      date?: IsoDate;
    }
  | { kind: "feeAmount"; number: number };

export type ParticularField = "subject" | "applicant";

/** The user's last record, for /undo. */
export type LastRecord = {
  applicationId: string;
  number: number;
  eventId: string;
  /** The event's type ("concluded"…), to tell whether /undo would withdraw a given record. */
  type?: string;
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
  /**
   * The subject and applicant of applications by `agency|number`, as the API last answered
   * them, for the short titles of cards. Only staff acting in that agency read it, and the API
   * gives them the applicant anyway (its rule on personal data).
   */
  particulars: Map<string, Particulars>;
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
    /** The clerk's own words, when the flow was opened by reading them (shown on the card). */
    heard?: string;
    /** The clerk's words could mean several things: asked back with these choices. */
    asked?: Ask;
    /** The clerk's words were not understood: what to say. */
    hint?: Bilingual;
    /** Set when a plain text answers a question the bot asked. */
    awaiting?: Awaiting;
  };

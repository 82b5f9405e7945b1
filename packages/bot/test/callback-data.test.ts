// Callback data: every flow's steps round-trip within Telegram's 64 bytes, a forged, altered,
// outdated or expired button is refused, and the buttons already sent (every kind of step, as
// the bot wrote them before the flows were typed) read back the same, byte for byte.
import { APPLICANT_TYPES, OUTCOME_GROUP_CATALOG, OUTCOMES } from "@ogi/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCallback, encodeCallback } from "../src/flows/envelope.ts";
import {
  agencyStep,
  buttonCodec,
  cancelStep,
  closeFlow,
  editFlow,
  langStep,
  MORE_EVENTS,
  moreFlow,
  newFlow,
  readingFlow,
  regionReportStep,
  reportFileStep,
  STEPS,
  type Step,
  UNDO_REASONS,
  undoFlow,
} from "../src/flows/index.ts";
import { addDays } from "../src/text/dates.ts";

type Pressed = { step: Step<unknown>; state: unknown };
const pair =
  <S>(step: Step<S>) =>
  (arb: fc.Arbitrary<S>): fc.Arbitrary<Pressed> =>
    arb.map((state) => ({ step, state }));

const arbState: fc.Arbitrary<Pressed> = (() => {
  const type = fc.constantFrom(...APPLICANT_TYPES);
  const date = fc.integer({ min: 0, max: 9000 }).map((d) => addDays("2001-01-01", d));
  const number = fc.integer({ min: 1, max: 2 ** 31 });
  const outcome = fc.constantFrom(...OUTCOMES);
  const channel = fc.constantFrom(null, "inPerson", "post", "online", "fax", "other" as const);
  const event = fc.constantFrom(...MORE_EVENTS);
  const fen = fc.option(fc.integer({ min: 0, max: 1e11 }), { nil: null });
  const days = fc.integer({ min: 1, max: 20 });
  const ref = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/);
  const reason = fc.constantFrom(...UNDO_REASONS);
  const draft = fc.stringMatching(/^[A-Za-z0-9_-]{8}$/);
  return fc.oneof(
    pair(newFlow.type)(fc.record({ type })),
    pair(newFlow.date)(fc.record({ type, date })),
    pair(newFlow.card)(fc.record({ type, date, channel })),
    pair(newFlow.confirm)(fc.record({ type, date, channel })),
    pair(newFlow.channel)(fc.record({ type, channel })),
    pair(newFlow.channelDrafted)(fc.record({ type, channel, p: draft })),
    pair(newFlow.typeDrafted)(fc.record({ type, p: draft })),
    pair(newFlow.dateDrafted)(fc.record({ type, date, p: draft })),
    pair(newFlow.cardDrafted)(fc.record({ type, date, channel, p: draft })),
    pair(newFlow.confirmDrafted)(fc.record({ type, date, channel, p: draft })),
    pair(newFlow.edit)(
      fc.record({
        type,
        date,
        channel,
        p: fc.option(draft, { nil: null }),
        field: fc.constantFrom("subject" as const, "applicant" as const),
      }),
    ),
    pair(editFlow.field)(
      fc.record({ number, field: fc.constantFrom("subject" as const, "applicant" as const) }),
    ),
    pair(editFlow.confirm)(fc.record({ number, p: draft })),
    pair(readingFlow.choice)(fc.record({ ref: draft, index: fc.integer({ min: 0, max: 99 }) })),
    pair(closeFlow.application)(fc.record({ number })),
    pair(closeFlow.back)(fc.record({ number })),
    pair(moreFlow.application)(fc.record({ number })),
    pair(closeFlow.group)(
      fc.record({ number, group: fc.constantFrom(...OUTCOME_GROUP_CATALOG.map((g) => g.key)) }),
    ),
    pair(closeFlow.outcome)(fc.record({ number, outcome })),
    pair(closeFlow.date)(fc.record({ number, outcome, date })),
    pair(closeFlow.confirm)(fc.record({ number, outcome, date })),
    pair(moreFlow.event)(fc.record({ number, event, fen })),
    pair(moreFlow.date)(fc.record({ number, event, date, fen })),
    pair(moreFlow.confirm)(fc.record({ number, event, date, fen })),
    pair(moreFlow.extensionDate)(fc.record({ number, date, days })),
    pair(moreFlow.extensionConfirm)(fc.record({ number, date, days })),
    pair(undoFlow.reason)(fc.record({ reason, ref })),
    pair(undoFlow.confirm)(fc.record({ reason, ref })),
    pair(cancelStep)(fc.constant({})),
    pair(langStep)(fc.record({ lang: fc.constantFrom("zh" as const, "en" as const) })),
    pair(agencyStep)(fc.record({ digest: fc.stringMatching(/^[A-Za-z0-9_-]{8}$/) })),
    pair(regionReportStep)(fc.record({ year: fc.integer({ min: 2008, max: 2100 }) })),
  );
})();

describe("callback data", () => {
  const now = 29_000_000;
  const codec = buttonCodec("secret", () => now);
  it("round-trips every flow state within 64 bytes", () => {
    fc.assert(
      fc.property(arbState, ({ step, state }) => {
        const data = codec.encode(step.data(state));
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
        const r = codec.decode(data);
        expect(r).toEqual({ ok: true, pressed: step.data(state) });
        expect(r.ok && step.read(r.pressed.fields)).toEqual(state);
      }),
    );
  });
  it("rejects any altered character as forged or malformed", () => {
    fc.assert(
      fc.property(arbState, fc.nat(), fc.constantFrom(..."abcXYZ019-_."), (s, at, c) => {
        const data = codec.encode(s.step.data(s.state));
        const i = at % data.length;
        if (data[i] === c) return;
        const forged = data.slice(0, i) + c + data.slice(i + 1);
        const r = codec.decode(forged);
        expect(r.ok).toBe(false);
      }),
    );
  });
  it("rejects data signed with another key, another version, and old buttons", () => {
    const data = buttonCodec("other", () => now).encode(cancelStep.data({}));
    expect(codec.decode(data)).toEqual({ ok: false, error: "forged" });
    expect(codec.decode(`2${data.slice(1)}`)).toEqual({ ok: false, error: "version" });
    const old = buttonCodec("secret", () => now - 8 * 24 * 60).encode(cancelStep.data({}));
    expect(codec.decode(old)).toEqual({ ok: false, error: "expired" });
    expect(codec.decode("")).toEqual({ ok: false, error: "malformed" });
  });
  it("never throws on arbitrary data", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (s) => {
        expect(codec.decode(s).ok).toBe(false);
      }),
    );
  });
  it("refuses to build data over 64 bytes", () => {
    expect(() => encodeCallback("k", "a", ["x".repeat(60)], 0)).toThrow(/64/);
    expect(decodeCallback("k", encodeCallback("k", "a", ["b"], 5), 5, 0).ok).toBe(true);
  });
  it("refuses a signed button whose kind no step declares, or whose fields do not read", () => {
    for (const [kind, fields] of [
      ["zz", []],
      ["ca", ["0"]],
      ["ca", ["c", "1"]],
      ["nt", ["9"]],
      ["nd", ["0", "20261131"]],
      ["rr", ["1k"]],
      ["l", ["fr"]],
      // 第三十三条第二款: no button carries an extension of more than 20 working days.
      ["mg", ["3", "20261120", "l"]],
      ["mf", ["3", "20261120", "0"]],
    ] as const)
      expect(codec.decode(encodeCallback("secret", kind, fields, now))).toEqual({
        ok: false,
        error: "malformed",
      });
  });
});

/** A button as the bot wrote it before its flows were typed: the same step reads it the same. */
const wire = <S>(data: string, step: Step<S>, state: NoInfer<S>): Pressed & { data: string } => ({
  data,
  step,
  state,
});

describe("the buttons already sent", () => {
  // Written with this key at this minute by the former encoder (text/flow-data.ts).
  const codec = buttonCodec("wire-test-key", () => 29_000_000);
  const sent = [
    wire("1.nt.0.h9kjk.uobKMp", newFlow.type, { type: "naturalPerson" }),
    wire("1.nt.5.h9kjk.o8JLo3", newFlow.type, { type: "otherOrganization" }),
    wire("1.nd.1.20261120.h9kjk.hpb6sM", newFlow.date, {
      type: "commercialEnterprise",
      date: "2026-11-20",
    }),
    wire("1.nc.0.20261120.2.h9kjk.GzYCGy", newFlow.card, {
      type: "naturalPerson",
      date: "2026-11-20",
      channel: "online",
    }),
    wire("1.nc.4.20260102..h9kjk.zM9qPt", newFlow.card, {
      type: "legalServiceAgency",
      date: "2026-01-02",
      channel: null,
    }),
    wire("1.nx.0.20261120.0.h9kjk.18ZLw0", newFlow.confirm, {
      type: "naturalPerson",
      date: "2026-11-20",
      channel: "inPerson",
    }),
    wire("1.nx.2.20251231..h9kjk.xxIU7F", newFlow.confirm, {
      type: "researchInstitution",
      date: "2025-12-31",
      channel: null,
    }),
    // Registrations with particulars (a draft in the store): steps of their own.
    wire("1.nu.0.AbCd_-12.h9kjk.AJVxHM", newFlow.typeDrafted, {
      type: "naturalPerson",
      p: "AbCd_-12",
    }),
    wire("1.nv.0.20261120.AbCd_-12.h9kjk.wf8vs0", newFlow.dateDrafted, {
      type: "naturalPerson",
      date: "2026-11-20",
      p: "AbCd_-12",
    }),
    wire("1.nw.0.20261120.1.AbCd_-12.h9kjk.7HU8NE", newFlow.cardDrafted, {
      type: "naturalPerson",
      date: "2026-11-20",
      channel: "post",
      p: "AbCd_-12",
    }),
    wire("1.ny.0.20261120..AbCd_-12.h9kjk.vvsYqu", newFlow.confirmDrafted, {
      type: "naturalPerson",
      date: "2026-11-20",
      channel: null,
      p: "AbCd_-12",
    }),
    wire("1.ne.0.20261120...subject.h9kjk.OJoMJz", newFlow.edit, {
      type: "naturalPerson",
      date: "2026-11-20",
      channel: null,
      p: null,
      field: "subject",
    }),
    wire("1.ne.1.20261120.2.AbCd_-12.applicant.h9kjk.55zU89", newFlow.edit, {
      type: "commercialEnterprise",
      date: "2026-11-20",
      channel: "online",
      p: "AbCd_-12",
      field: "applicant",
    }),
    wire("1.ef.c.subject.h9kjk.unCVQj", editFlow.field, { number: 12, field: "subject" }),
    wire("1.ex.c.AbCd_-12.h9kjk.T0-WxF", editFlow.confirm, { number: 12, p: "AbCd_-12" }),
    wire("1.rq.AbCd_-12.3.h9kjk.rUQFDi", readingFlow.choice, { ref: "AbCd_-12", index: 3 }),
    wire("1.ca.c.h9kjk.Qx29ZL", closeFlow.application, { number: 12 }),
    wire("1.cb.1.h9kjk.1dK1Of", closeFlow.back, { number: 1 }),
    wire("1.cg.uv4.2.h9kjk.cuuh32", closeFlow.group, { number: 40000, group: "denied" }),
    wire("1.co.7.1.h9kjk.0Xni5q", closeFlow.outcome, { number: 7, outcome: "partiallyGranted" }),
    wire("1.cd.c.2.20261125.h9kjk.bGJyAB", closeFlow.date, {
      number: 12,
      outcome: "deniedStateSecret",
      date: "2026-11-25",
    }),
    wire("1.cd.5.k.20260301.h9kjk.ptiusK", closeFlow.date, {
      number: 5,
      outcome: "otherOther",
      date: "2026-03-01",
    }),
    wire("1.cg.2.5.h9kjk.3BrgSt", closeFlow.group, { number: 2, group: "otherHandling" }),
    wire("1.cx.c.2.20261125.h9kjk.ufDIBQ", closeFlow.confirm, {
      number: 12,
      outcome: "deniedStateSecret",
      date: "2026-11-25",
    }),
    wire("1.ma.3.h9kjk.YJ_RzJ", moreFlow.application, { number: 3 }),
    wire("1.me.3.6..h9kjk.CO_5HW", moreFlow.event, {
      number: 3,
      event: "feeNoticeIssued",
      fen: null,
    }),
    wire("1.me.3.0.yq.h9kjk.WV-2zz", moreFlow.event, {
      number: 3,
      event: "correctionRequested",
      fen: 1250,
    }),
    wire("1.md.3.3.20261120..h9kjk.x24ZUf", moreFlow.date, {
      number: 3,
      event: "consultationStartedAgency",
      date: "2026-11-20",
      fen: null,
    }),
    wire("1.mx.3.7.20261120.yq.h9kjk.jjxD8v", moreFlow.confirm, {
      number: 3,
      event: "feePaid",
      date: "2026-11-20",
      fen: 1250,
    }),
    wire("1.mx.2r.5.20260228..h9kjk.wrHcv6", moreFlow.confirm, {
      number: 99,
      event: "extended",
      date: "2026-02-28",
      fen: null,
    }),
    // An extension of the working days said: steps of their own.
    wire("1.mf.3.20261120.f.h9kjk.7jwyn0", moreFlow.extensionDate, {
      number: 3,
      date: "2026-11-20",
      days: 15,
    }),
    wire("1.mg.3.20261120.k.h9kjk.l0jjkl", moreFlow.extensionConfirm, {
      number: 3,
      date: "2026-11-20",
      days: 20,
    }),
    wire("1.ur.0.abcDEF_12-.h9kjk.cmTjLL", undoFlow.reason, {
      reason: "mistake",
      ref: "abcDEF_12-",
    }),
    wire("1.ux.2.Zz09-_aa.h9kjk.M1eQsl", undoFlow.confirm, {
      reason: "wrongApplication",
      ref: "Zz09-_aa",
    }),
    // The channel chosen before the date (asked as its rule): steps of their own.
    wire("1.nh.0.1.h9kjk.gHiDde", newFlow.channel, { type: "naturalPerson", channel: "post" }),
    wire("1.nh.5..h9kjk.IPY40i", newFlow.channel, { type: "otherOrganization", channel: null }),
    wire("1.ni.0.2.AbCd_-12.h9kjk._f_XAH", newFlow.channelDrafted, {
      type: "naturalPerson",
      channel: "online",
      p: "AbCd_-12",
    }),
    wire("1.x.h9kjk.PYd5NC", cancelStep, {}),
    wire("1.l.zh.h9kjk.m2rUrF", langStep, { lang: "zh" }),
    wire("1.l.en.h9kjk.rlGiEI", langStep, { lang: "en" }),
    wire("1.ag.AbCd_-12.h9kjk.uZycpw", agencyStep, { digest: "AbCd_-12" }),
    wire("1.rr.1k9.h9kjk.eJa67a", regionReportStep, { year: 2025 }),
    wire("1.rf.1k9.0.h9kjk.p473MI", reportFileStep, { year: 2025, format: "docx" }),
    wire("1.rf.1k9.1.h9kjk.itwZBq", reportFileStep, { year: 2025, format: "pdf" }),
  ];
  it("covers every kind of step", () => {
    expect(new Set(sent.map((s) => s.step.kind))).toEqual(new Set(STEPS.keys()));
  });
  it.each(sent)("$data", ({ data, step, state }) => {
    expect(codec.encode(step.data(state))).toBe(data);
    const r = codec.decode(data);
    expect(r.ok).toBe(true);
    expect(r.ok && step.read(r.pressed.fields)).toEqual(state);
  });
});

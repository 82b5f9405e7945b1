// The bridges' variables: which bridges run, and one bilingual line naming what is wrong (never a
// secret's value).
import { describe, expect, it } from "vitest";
import { parseBridgesEnv } from "../src/bridges-env.ts";
import { EnvError } from "../src/env.ts";

describe("parseBridgesEnv", () => {
  it("names no bridge without their variables, and each with its pair", () => {
    expect(parseBridgesEnv({})).toEqual({});
    expect(
      parseBridgesEnv({
        WECOM_BOT_ID: " aibot ",
        WECOM_BOT_SECRET: "s3cret",
        DINGTALK_CLIENT_ID: "ding",
        DINGTALK_CLIENT_SECRET: "d-secret",
        DINGTALK_GATEWAY_URL: "https://open.example.gov.cn",
      }),
    ).toEqual({
      wecom: { botId: "aibot", secret: "s3cret" },
      dingtalk: {
        clientId: "ding",
        clientSecret: "d-secret",
        gatewayUrl: "https://open.example.gov.cn",
      },
    });
  });

  it("refuses a half pair or a bad address in one line, both languages, no value shown", () => {
    const bad = () =>
      parseBridgesEnv({
        WECOM_BOT_SECRET: "top-secret-value",
        WECOM_WS_URL: "http://not-a-ws",
        DINGTALK_CLIENT_ID: "ding",
      });
    expect(bad).toThrow(EnvError);
    try {
      bad();
    } catch (e) {
      const m = (e as Error).message;
      expect(m.split("\n")).toHaveLength(1);
      expect(m).toContain("缺少 WECOM_BOT_ID / WECOM_BOT_ID is missing");
      expect(m).toContain("WECOM_WS_URL must be a ws:// or wss:// URL");
      expect(m).toContain("缺少 DINGTALK_CLIENT_SECRET");
      expect(m).not.toContain("top-secret-value");
    }
  });
});

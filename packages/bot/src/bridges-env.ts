// The bridges' configuration: which run is named by the environment (WECOM_BOT_ID for WeCom,
// DINGTALK_CLIENT_ID for DingTalk); a half-given pair or a malformed address is refused in one
// bilingual line that names the variable (never its value: they are secrets).
import { EnvError } from "./env.ts";

export type BridgesEnv = {
  wecom?: { botId: string; secret: string; wsUrl?: string };
  dingtalk?: { clientId: string; clientSecret: string; gatewayUrl?: string };
};

const value = (env: Record<string, string | undefined>, name: string) => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

const isUrl = (s: string, protocols: string[]) => {
  try {
    return protocols.includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

/** Which bridges the environment names; throws an EnvError of one line when it is wrong. */
export const parseBridgesEnv = (env: Record<string, string | undefined>): BridgesEnv => {
  const problems: string[] = [];
  const out: BridgesEnv = {};
  const botId = value(env, "WECOM_BOT_ID");
  const secret = value(env, "WECOM_BOT_SECRET");
  const wsUrl = value(env, "WECOM_WS_URL");
  if (botId || secret || wsUrl) {
    if (!botId) problems.push("缺少 WECOM_BOT_ID / WECOM_BOT_ID is missing");
    if (!secret) problems.push("缺少 WECOM_BOT_SECRET / WECOM_BOT_SECRET is missing");
    if (wsUrl && !isUrl(wsUrl, ["ws:", "wss:"]))
      problems.push(
        "WECOM_WS_URL 应为 ws:// 或 wss:// 地址 / WECOM_WS_URL must be a ws:// or wss:// URL",
      );
    if (botId && secret) out.wecom = { botId, secret, ...(wsUrl ? { wsUrl } : {}) };
  }
  const clientId = value(env, "DINGTALK_CLIENT_ID");
  const clientSecret = value(env, "DINGTALK_CLIENT_SECRET");
  const gatewayUrl = value(env, "DINGTALK_GATEWAY_URL");
  if (clientId || clientSecret || gatewayUrl) {
    if (!clientId) problems.push("缺少 DINGTALK_CLIENT_ID / DINGTALK_CLIENT_ID is missing");
    if (!clientSecret)
      problems.push("缺少 DINGTALK_CLIENT_SECRET / DINGTALK_CLIENT_SECRET is missing");
    if (gatewayUrl && !isUrl(gatewayUrl, ["http:", "https:"]))
      problems.push(
        "DINGTALK_GATEWAY_URL 应为 http:// 或 https:// 地址 / DINGTALK_GATEWAY_URL must be an http:// or https:// URL",
      );
    if (clientId && clientSecret)
      out.dingtalk = { clientId, clientSecret, ...(gatewayUrl ? { gatewayUrl } : {}) };
  }
  if (problems.length > 0) throw new EnvError(problems.join("; "));
  return out;
};

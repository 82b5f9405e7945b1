// The bots alone: `pnpm --filter @ogi/server bot` (configuration from the environment), talking
// to the API at OGI_API_URL: Telegram when TELEGRAM_BOT_TOKEN is set, WeCom and DingTalk when
// WECOM_BOT_ID / DINGTALK_CLIENT_ID are (one store and one reminder scheduler for all).
import { EnvError, isBridgeStartError, startBot, startBridges } from "@ogi/bot";

try {
  const bridges = await startBridges(process.env);
  const bot =
    process.env.TELEGRAM_BOT_TOKEN || !bridges
      ? await startBot(process.env, bridges ? { storage: bridges.storage, reminders: false } : {})
      : undefined;
  bridges?.startReminders(bot?.api);
  const stop = async () => {
    await bot?.stop();
    await bridges?.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (e) {
  if (e instanceof EnvError || isBridgeStartError(e)) {
    console.error((e as Error).message);
    process.exit(2);
  }
  throw e;
}

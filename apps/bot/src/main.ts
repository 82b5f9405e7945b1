// The bot alone: `node apps/bot/src/main.ts` (configuration from the environment).
import { EnvError } from "./env.ts";
import { startBot } from "./start.ts";

try {
  const bot = await startBot(process.env);
  const stop = async () => {
    await bot.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (e) {
  if (e instanceof EnvError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}

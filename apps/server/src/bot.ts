// The bot alone: `pnpm --filter @ogi/server bot` (configuration from the environment), talking
// to the API at OGI_API_URL.
import { EnvError, startBot } from "@ogi/bot";

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

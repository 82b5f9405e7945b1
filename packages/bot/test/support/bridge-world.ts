// What the WeCom and DingTalk bridge tests share: the bridge's store, a logger that keeps every
// line (secrets must never be among them; errors also go to the world's), and the bridge's
// dependencies on the world's real API.
import { createHttpApi } from "../../src/http-api.ts";
import { memoryStore } from "../../src/storage.ts";
import type { useBotWorld } from "./world.ts";

export const useBridgeWorld = (world: ReturnType<typeof useBotWorld>) => {
  const store = memoryStore(() => world.now().getTime());
  /** Everything the bridge logged. */
  const logged: string[] = [];
  const logger = {
    info: (o: object, m?: string) => logged.push(JSON.stringify([o, m])),
    warn: (o: object, m?: string) => logged.push(JSON.stringify([o, m])),
    error: (o: object, m?: string) => {
      logged.push(JSON.stringify([o, m]));
      world.logger.error(o, m);
    },
  };
  const deps = {
    api: (chatUserOf: (userId: number) => string | undefined) =>
      createHttpApi({
        baseUrl: world.api.url,
        serviceToken: world.api.serviceToken,
        chatUserOf,
      }),
    storage: store,
    logger,
    now: world.now,
  };
  return { store, logged, deps };
};

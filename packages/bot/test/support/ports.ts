// A loopback port nobody listens on now (for servers a test starts and stops itself).

import type { AddressInfo } from "node:net";
import { createServer } from "node:net";

export const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });

// A TCP proxy on loopback between the API and PostgreSQL that a test can cut (every connection
// dropped, new ones refused) and restore on the same port.
import { connect, createServer, type Server, type Socket } from "node:net";

export const startProxy = async (target: { host: string; port: number }) => {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((ok, fail) => {
      const s = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on("close", () => sockets.delete(sock));
          sock.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      s.once("error", fail);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as { port: number }).port;
        server = s;
        ok();
      });
    });
  await listen();
  const cut = async () => {
    const s = server;
    server = undefined;
    for (const sock of sockets) sock.destroy();
    await new Promise<void>((ok) => (s ? s.close(() => ok()) : ok()));
  };
  return {
    port,
    cut,
    restore: listen,
    close: cut,
  };
};

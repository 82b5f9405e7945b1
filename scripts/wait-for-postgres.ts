// Exits 0 once a PostgreSQL server accepts a TCP connection at the given URL (within 20 s).
import { connect } from "node:net";

const url = new URL(process.argv[2] ?? "postgres://127.0.0.1:5432/test");
const port = Number(url.port || 5432);
const host = url.hostname || "127.0.0.1";
const deadline = Date.now() + 20_000;

const tryOnce = () =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });

while (Date.now() < deadline) {
  if (await tryOnce()) process.exit(0);
  await new Promise((r) => setTimeout(r, 500));
}
process.exit(1);

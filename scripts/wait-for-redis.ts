// Exits 0 once a Redis server answers PING (after AUTH when the URL has a password) at the given
// URL, within the given seconds (default 20). No client library: two RESP commands over TCP.
import { connect } from "node:net";

const url = new URL(process.argv[2] ?? "redis://127.0.0.1:6379");
const seconds = Number(process.argv[3] ?? 20);
const port = Number(url.port || 6379);
const host = url.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1";
const deadline = Date.now() + seconds * 1000;

const command = (...args: string[]) =>
  `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
const password = decodeURIComponent(url.password);
const user = decodeURIComponent(url.username);
const auth = password ? (user ? command("AUTH", user, password) : command("AUTH", password)) : "";

const tryOnce = () =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    let answer = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000);
    socket.once("connect", () => socket.write(auth + command("PING")));
    socket.on("data", (b) => {
      answer += b.toString();
      if (answer.includes("+PONG\r\n")) done(true);
      else if (answer.startsWith("-") || answer.includes("\r\n-")) done(false);
    });
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });

while (Date.now() < deadline) {
  if (await tryOnce()) process.exit(0);
  await new Promise((r) => setTimeout(r, 500));
}
process.exit(1);

// `pnpm chat`: the staff bot in a terminal (packages/bot/src/transports/terminal.ts).
import { runTerminalChat } from "@ogi/bot/terminal";

await runTerminalChat();

// A conversation with the bot through a platform's fake server: the test sends as the user over
// the fake's socket, and reads what the bot showed there (texts, cards, files). After each step
// it waits for the bot's answer to arrive and for the bridge to finish the chat's updates.

export type Shown = {
  kind: "text" | "card" | "file";
  text: string;
  buttons: { text: string; press: () => void }[];
  filename?: string;
  bytes?: Uint8Array;
};

export class PlatformChat {
  private readonly log: () => Shown[];
  private readonly say: (text: string) => void;
  private readonly idle: () => Promise<void>;
  private seen = 0;

  constructor(options: {
    log: () => Shown[];
    say: (text: string) => void;
    idle: () => Promise<void>;
  }) {
    this.log = options.log;
    this.say = options.say;
    this.idle = options.idle;
  }

  /** What the bot showed after `act`, once it is quiet (`quiet`: nothing is expected). */
  async after(act: () => void, options: { quiet?: boolean } = {}): Promise<Shown[]> {
    this.seen = this.log().length;
    act();
    const deadline = Date.now() + (options.quiet ? 400 : 15_000);
    while (this.log().length === this.seen && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    // The chat's update runs on; then a moment for the last frames to arrive.
    for (let i = 0; i < 3; i++) {
      await this.idle();
      await new Promise((r) => setTimeout(r, 40));
    }
    return this.log().slice(this.seen);
  }

  send(text: string, options: { quiet?: boolean } = {}) {
    return this.after(() => this.say(text), options);
  }

  /** The last shown item with buttons. */
  lastKeyboard() {
    return [...this.log()].reverse().find((s) => s.buttons.length > 0);
  }

  /** Presses a button of the latest keyboard that has it (exact text, else the only one containing it). */
  press(label: string) {
    for (const s of [...this.log()].reverse()) {
      const exact = s.buttons.find((b) => b.text === label);
      const some = s.buttons.filter((b) => b.text.includes(label));
      const b = exact ?? (some.length === 1 ? some[0] : undefined);
      if (b) return this.after(b.press);
    }
    throw new Error(`no button ${JSON.stringify(label)} shown`);
  }
}

/** The texts as a person reads them (Markdown's marks dropped). */
export const textOf = (shown: Shown[]) =>
  shown
    .map((s) => s.text)
    .join("\n---\n")
    .replace(/\*\*|`/g, "");

// The words of the enumerations (report/words.ts): every word of a value names it alone.
import { describe, expect, it } from "vitest";
import {
  APPLICANT_TYPE_WORDS,
  applicantTypeOfWord,
  CHANNEL_WORDS,
  channelOfWord,
  OUTCOME_WORDS,
  outcomeOfWord,
} from "../src/index.ts";

describe("words of the enumerations", () => {
  it("each word of each value reads back as that value", () => {
    for (const [words, of] of [
      [APPLICANT_TYPE_WORDS, applicantTypeOfWord],
      [CHANNEL_WORDS, channelOfWord],
      [OUTCOME_WORDS, outcomeOfWord],
    ] as const)
      for (const [value, list] of Object.entries(words) as [string, readonly string[]][])
        for (const w of list) expect(of(w), w).toBe(value);
  });

  it("reads the Chinese names the bot reads, in any width and case", () => {
    expect(applicantTypeOfWord("自然人")).toBe("naturalPerson");
    expect(applicantTypeOfWord("律所")).toBe("legalServiceAgency");
    expect(applicantTypeOfWord(" NaturalPerson ")).toBe("naturalPerson");
    expect(channelOfWord("网络")).toBe("online");
    expect(outcomeOfWord("予以公开")).toBe("granted");
    expect(outcomeOfWord("（一）予以公开")).toBe("granted");
    expect(outcomeOfWord("１.属于国家秘密")).toBe("deniedStateSecret");
    expect(applicantTypeOfWord("外星人")).toBeUndefined();
  });
});

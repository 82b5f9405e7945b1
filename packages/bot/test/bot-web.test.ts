// /web: a one-time sign-in link to the web console, made by the API for the Telegram user the
// bot acts for; the link signs in once (after a click), then never again.
import { describe, expect, it } from "vitest";
import { plain } from "../src/transports/session.ts";
import { texts } from "./support/bot.ts";
import { AGENCY, useBotWorld } from "./support/world.ts";

const { api, chatOf } = useBotWorld();

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`));

describe("/web", () => {
  it("gives a one-time link that signs the user in to the console once", async () => {
    const chat = await chatOf("manager", 3002);
    const r = texts(await chat.send("/web"));
    expect(plain(r)).toContain("登录网页控制台");
    const url = /href="([^"]+)"/.exec(r)![1]!.replace(/&amp;/g, "&");
    expect(url.startsWith(`${api.url}/console/login/link?code=`)).toBe(true);

    // Opening the link shows a button (a chat's link preview must not use it up).
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const formCookie = cookieOf(page, "ogi_console_form")!;
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const code = /name="code" value="([^"]+)"/.exec(html)![1]!;
    const use = () =>
      fetch(`${api.url}/console/login/link`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: formCookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrf, code }).toString(),
      });
    const signedIn = await use();
    expect(signedIn.status).toBe(303);
    const session = cookieOf(signedIn, "ogi_console")!;
    const agency = await fetch(`${api.url}/console/agencies/${AGENCY}`, {
      headers: { cookie: session },
      redirect: "manual",
    });
    expect(agency.status).toBe(200);
    expect(await agency.text()).toContain("王科长");

    const again = await use();
    expect(again.status).toBe(400);
    const text = await again.text();
    expect(text).toContain("已使用或已过期");
    expect(text).toContain("already used or expired");
    expect(cookieOf(again, "ogi_console")).toBeUndefined();
  });

  it("answers in English too", async () => {
    const chat = await chatOf("clerk", 3001);
    await chat.send("/lang en");
    const r = plain(texts(await chat.send("/web")));
    expect(r).toContain("Sign in to the web console");
    expect(r).toContain("works once");
    await chat.send("/lang zh");
  });
});

// Writes one section of docs/benchmarks.md (replacing the section with the same heading), with
// the machine it ran on and the command, so every benchmark reports the same way.
import { execFileSync, execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "..");
const docPath = resolve(repoRoot, "docs/benchmarks.md");

export const machine = () => {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  let commit = "uncommitted";
  try {
    commit = execSync("git rev-parse --short HEAD", { cwd: repoRoot }).toString().trim();
  } catch {}
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}; commit ${commit}`;
};

/** Formats a generated Markdown file as `pnpm lint` expects (Biome aligns the tables). */
export const formatMarkdown = (path: string) => {
  execFileSync(resolve(repoRoot, "node_modules/.bin/biome"), ["format", "--write", path], {
    cwd: repoRoot,
    stdio: "ignore",
  });
};

export const writeBenchSection = (heading: string, command: string, body: string) => {
  const header =
    "# Benchmarks\n\nWritten by `pnpm bench` (each section by its own benchmark). Figures are from the machine named in each section.\n";
  const current = existsSync(docPath) ? readFileSync(docPath, "utf8") : header;
  const section = `## ${heading}\n\n- Machine: ${machine()}\n- Date: ${new Date().toISOString().slice(0, 10)}\n- Command: \`${command}\`\n\n${body.trim()}\n`;
  const parts = current.split(/^(?=## )/m);
  const index = parts.findIndex((p) => p.startsWith(`## ${heading}\n`));
  if (index >= 0) parts[index] = `${section}\n`;
  else parts.push(`${parts.length > 0 && !parts.at(-1)!.endsWith("\n\n") ? "\n" : ""}${section}`);
  writeFileSync(docPath, parts.join(""));
  formatMarkdown(docPath);
};

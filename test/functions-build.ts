// Shared by the metadata, manifest and browser tests of the custom functions: one production build of
// dist/, made when it is missing or older than the sources, never two at once (test files run in
// parallel workers). CI builds before it tests, so there the tests find dist/ fresh and reuse it.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = path.join(ROOT, "dist");
const LOCK = path.join(ROOT, "node_modules", ".cache", "tier-dist-build.lock");
const OUTPUTS = ["functions.js", "functions.json", "taskpane.html"];

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

function fresh(): boolean {
  if (!OUTPUTS.every((f) => existsSync(path.join(DIST, f)))) return false;
  const built = Math.min(...OUTPUTS.map((f) => statSync(path.join(DIST, f)).mtimeMs));
  const sources = Math.max(
    newest(path.join(ROOT, "src")),
    newest(path.join(ROOT, "assets")),
    newest(path.join(ROOT, "webpack.config.js")),
  );
  return built >= sources;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `webpack --mode production` unless dist/ is newer than every source; returns dist/. */
export async function ensureBuild(): Promise<string> {
  if (fresh()) return DIST;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building: wait for it, then use its output. A lock older than 10
      // minutes is left over from a killed run.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 600_000)
        rmSync(LOCK, { recursive: true, force: true });
      await sleep(1000);
    }
  }
  try {
    if (fresh()) return DIST;
    const args = [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"];
    await promisify(execFile)(process.execPath, args, {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    });
    return DIST;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

// Shared by the tests and scripts that need the production build (functions metadata, manifest, browser
// tests, pane metrics): one build of
// dist/, made when it is missing or older than the sources, never two at once (test files run in
// parallel workers). CI builds before it tests, so there the tests find dist/ fresh and reuse it.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = path.join(ROOT, "dist");
const LOCK = path.join(ROOT, "node_modules", ".cache", "tier-dist-build.lock");
const OUTPUTS = ["functions.js", "functions.json", "taskpane.html", "standalone.html", "standalone.js"];

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

const STAMP = path.join(DIST, ".built");

function fresh(): boolean {
  if (!OUTPUTS.every((f) => existsSync(path.join(DIST, f)))) return false;
  const sources = Math.max(
    newest(path.join(ROOT, "src")),
    newest(path.join(ROOT, "assets")),
    newest(path.join(ROOT, "webpack.config.js")),
    newest(path.join(ROOT, "scripts", "functions-json.js")),
  );
  // webpack leaves an unchanged output's date alone, so a stamp written by ensureBuild (dated when its
  // build started) also counts; a plain `npm run build` on a clean tree leaves every output newer.
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= sources) return true;
  return Math.min(...OUTPUTS.map((f) => statSync(path.join(DIST, f)).mtimeMs)) >= sources;
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
    const started = new Date();
    await promisify(execFile)(process.execPath, args, {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 900_000,
    });
    writeFileSync(STAMP, started.toISOString());
    utimesSync(STAMP, started, started);
    return DIST;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

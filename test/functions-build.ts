// Shared by the metadata, manifest and browser tests of the custom functions: one production build of
// dist/, made when it is missing or older than the sources, never two at once (test files run in
// parallel workers), and a stopgap for the ajv layout that `legacy-peer-deps` leaves in node_modules.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import Module, { createRequire } from "node:module";
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

/**
 * ajv-keywords@5 and ajv-draft-04 want ajv@8 as a peer, but with `legacy-peer-deps=true` npm hoists
 * them beside ajv@6, so `webpack` (copy-webpack-plugin → schema-utils) and `office-addin-manifest`
 * fail with "Cannot find module 'ajv/dist/...'". When that is the case, requests for ajv from those
 * two packages are sent to an ajv@8 that npm did install (nested under schema-utils).
 */
let ajv8Dir: string | undefined | null = null;
function ajv8(): string | undefined {
  // Decided once, before this process patches its own resolution (which would hide the problem).
  if (ajv8Dir === null) ajv8Dir = findAjv8();
  return ajv8Dir;
}

function findAjv8(): string | undefined {
  const peers = ["ajv-keywords", "ajv-draft-04"].map((p) => path.join(ROOT, "node_modules", p));
  try {
    for (const p of peers) if (existsSync(p)) createRequire(path.join(p, "x.js")).resolve("ajv/dist/core");
    return undefined;
  } catch {
    for (const c of ["schema-utils/node_modules/ajv", "@microsoft/app-manifest/node_modules/ajv"]) {
      const dir = path.join(ROOT, "node_modules", c);
      if (existsSync(path.join(dir, "dist", "core.js"))) return dir;
    }
    return undefined;
  }
}

const HOOK = (dir: string) => `
import Module from "node:module";
const peers = ${JSON.stringify(["ajv-keywords", "ajv-draft-04"].map((p) => path.join(ROOT, "node_modules", p) + path.sep))};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if ((request === "ajv" || request.startsWith("ajv/")) && peers.some((p) => parent?.filename?.startsWith(p)))
    request = ${JSON.stringify(dir)} + request.slice(3);
  return resolve.call(this, request, parent, ...rest);
};`;

let patched = false;
/** Applies the ajv stopgap to this process (for office-addin-manifest); a no-op once npm is fixed. */
export function patchAjvPeers(): boolean {
  const dir = ajv8();
  if (dir === undefined || patched) return patched;
  patched = true;
  console.warn(
    `node_modules: ajv-keywords/ajv-draft-04 resolve ajv@6; using ${path.relative(ROOT, dir)} for them`,
  );
  const m = Module as unknown as {
    _resolveFilename: (r: string, p: { filename?: string } | undefined, ...x: unknown[]) => string;
  };
  const peers = ["ajv-keywords", "ajv-draft-04"].map((p) => path.join(ROOT, "node_modules", p) + path.sep);
  const resolve = m._resolveFilename;
  m._resolveFilename = function (this: unknown, request, parent, ...rest) {
    if (
      (request === "ajv" || request.startsWith("ajv/")) &&
      peers.some((p) => parent?.filename?.startsWith(p))
    )
      request = dir + request.slice(3);
    return resolve.call(this, request, parent, ...rest);
  };
  return true;
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
    const dir = ajv8();
    const args = [
      ...(dir ? ["--import", `data:text/javascript,${encodeURIComponent(HOOK(dir))}`] : []),
      path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
      "--mode",
      "production",
    ];
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

/**
 * LibreOffice headless as the outside spreadsheet engine of the live-formulas tests: converts .xlsx
 * files to .xlsx with a private profile whose "recalculation on load" is set to always, so every
 * formula is computed by LibreOffice rather than read from a cached value.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The soffice binary, or undefined when LibreOffice is not installed. */
export function soffice(): string | undefined {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const p = (r.stdout ?? "").trim().split("\n")[0];
  return p ? p : undefined;
}

// OOXMLRecalcMode / ODFRecalcMode 0 = always recalculate on load (1 never, 2 prompt).
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(bin: string, profile: string, files: readonly string[], outDir: string): Promise<void> {
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE);
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    outDir,
    ...files,
  ];
  return new Promise((resolve, reject) => {
    const p = spawn(bin, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.on("error", reject);
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`soffice exited ${code}: ${err}`))));
  });
}

/**
 * Recalculates `files` with LibreOffice and writes the results (same base names) into `outDir`. Files
 * are dealt to at most two soffice processes (each with its own profile; starting LibreOffice costs
 * seconds, a conversion less), heaviest first so that the two finish together.
 */
export async function recalculate(
  files: readonly { path: string; weight: number }[],
  outDir: string,
  workDir: string,
): Promise<void> {
  const bin = soffice();
  if (!bin) throw new Error("soffice is not installed");
  mkdirSync(outDir, { recursive: true });
  const jobs = Math.max(1, Math.min(2, availableParallelism()));
  const batches: { files: string[]; weight: number }[] = Array.from({ length: jobs }, () => ({
    files: [],
    weight: 0,
  }));
  for (const f of [...files].sort((a, b) => b.weight - a.weight)) {
    const lightest = batches.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.files.push(f.path);
    lightest.weight += f.weight;
  }
  await Promise.all(
    batches
      .filter((b) => b.files.length)
      .map((b, k) => run(bin, path.join(workDir, `lo-profile-${k}`), b.files, outDir)),
  );
}

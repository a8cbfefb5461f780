/**
 * LibreOffice headless as the outside spreadsheet engine of the live-formulas tests: converts .xlsx
 * files to .xlsx in one `soffice` call, with a private profile whose "recalculation on load" is set to
 * always, so every formula is computed by LibreOffice rather than read from a cached value.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The soffice binary, or undefined when LibreOffice is not installed. */
export function soffice(): string | undefined {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const p = r.stdout.trim().split("\n")[0];
  return p ? p : undefined;
}

// OOXMLRecalcMode / ODFRecalcMode 0 = always recalculate on load (1 never, 2 prompt).
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Recalculates `files` with LibreOffice and writes the results (same base names, .xlsx) into `outDir`.
 * One soffice process for all files: starting LibreOffice costs seconds, a conversion much less.
 */
export function recalculate(files: readonly string[], outDir: string, workDir: string): void {
  const bin = soffice();
  if (!bin) throw new Error("soffice is not installed");
  const profile = path.join(workDir, "lo-profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE);
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    bin,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 30 * 60_000 },
  );
}

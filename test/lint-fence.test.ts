import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Each probe is a file that breaks one rule of the layers (STYLE.md, issue 11), linted as if it sat
// in that layer; the fence holds only while every probe fails and every allowed import passes.
const PROBES: [string, string, boolean][] = [
  ["src/engine/probe.ts", 'import { reasonText } from "../i18n/reasons";', false],
  ["src/engine/methods/probe.ts", 'import { reasonText } from "../../i18n/reasons";', false],
  ["src/engine/probe.ts", 'import { readFile } from "node:fs/promises";', false],
  ["src/engine/probe.ts", 'import { useState } from "react";', false],
  ["src/engine/probe.ts", 'import { FileHost } from "../workbook/file-host";', false],
  ["src/engine/probe.ts", 'import { toSql } from "../sql/generate";', false],
  ["src/engine/probe.ts", "export const x = Excel;", false],
  ["src/engine/probe.ts", 'import { grade } from "./grade";', true],
  ["src/functions/probe.ts", 'import { OfficeHost } from "../workbook/office-host";', false],
  ["src/functions/probe.ts", 'import { reasonText } from "../i18n/reasons";', false],
  ["src/functions/probe.ts", 'import { grade } from "../engine/grade";', true],
  ["src/sql/probe.ts", 'import { reasonText } from "../i18n/reasons";', false],
  ["src/sql/probe.ts", 'import { toCsv } from "../workbook/csv-out";', false],
  ["src/sql/methods/probe.ts", 'import { grade } from "../../engine/grade";', true],
  ["src/workbook/probe.ts", 'import { reasonText } from "../i18n/reasons";', false],
  ["src/workbook/probe.ts", 'import { Pane } from "../taskpane/Pane";', false],
  ["src/workbook/probe.ts", 'import { grade } from "../engine/grade";', true],
  ["src/taskpane/probe.tsx", 'import ExcelJS from "exceljs";', false],
  ["src/taskpane/probe.tsx", "export const lang = Office.context.displayLanguage;", false],
  ["src/taskpane/probe.tsx", "export const x = Excel.run;", false],
  ["src/taskpane/probe.tsx", 'import { toSql } from "../sql/generate";', false],
  ["src/taskpane/probe.tsx", 'import { FileHost } from "../workbook/file-host";', true],
  ["src/standalone/probe.tsx", 'import ExcelJS from "exceljs";', false],
  ["src/standalone/probe.tsx", 'import { readFile } from "node:fs/promises";', false],
  ["src/i18n/probe.ts", 'import { OfficeHost } from "../workbook/office-host";', false],
];

describe("the lint fence between layers", () => {
  const eslint = new ESLint();
  for (const [file, code, allowed] of PROBES) {
    it(`${allowed ? "lets" : "stops"} ${file} ${code.replace(/;$/, "")}`, async () => {
      const [result] = await eslint.lintText(`${code}\n`, { filePath: file });
      const fence = result.messages.filter(
        (m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals",
      );
      expect(fence.length > 0, JSON.stringify(result.messages.map((m) => m.message))).toBe(!allowed);
    });
  }
});

/**
 * The catalogue of reasons against the sources: every code the sources throw or report has a zh and an
 * en wording with the same placeholders, and no error is built as an English sentence any more.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REASONS, reasonText } from "../src/i18n/reasons";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

const SOURCES = sourceFiles("src").map((file) => ({
  file,
  text: readFileSync(path.join(root, file), "utf8"),
}));

/** A literal that reads as a code: lower-case words joined by dots (`cell.notNumber`, `cli.demoNote.rfm8`). */
const CODE = /^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+$/;

interface Call {
  file: string;
  line: number;
  callee: string;
  args: string[];
}

/** Skips a string or template literal starting at `i`; returns the index after it. */
function skipLiteral(s: string, i: number): number {
  const quote = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== quote) {
    if (s[j] === "\\") j++;
    else if (quote === "`" && s[j] === "$" && s[j + 1] === "{") j = skipBalanced(s, j + 1) - 1;
    j++;
  }
  return j + 1;
}

/** Skips a bracketed stretch starting at the opening bracket `s[i]`; returns the index after its close. */
function skipBalanced(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '"' || c === "'" || c === "`") j = skipLiteral(s, j) - 1;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") if (--depth === 0) return j + 1;
  }
  return s.length;
}

/** The top-level arguments of the call whose `(` is at `open`, as source text. */
function argsAt(s: string, open: number): string[] {
  const args: string[] = [];
  let start = open + 1;
  let depth = 0;
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '"' || c === "'" || c === "`") j = skipLiteral(s, j) - 1;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
    else if (depth === 0 && (c === "," || c === ")")) {
      if (s.slice(start, j).trim()) args.push(s.slice(start, j).trim());
      if (c === ")") break;
      start = j + 1;
    }
  }
  return args;
}

/** Calls of `new TierError(`, `check(`, `reason(` and `fail(` (not methods such as `q.check(`). */
function calls(file: string, text: string): Call[] {
  const out: Call[] = [];
  for (const m of text.matchAll(/(new TierError|(?<![.\w])(?:check|reason|fail))\(/g)) {
    const open = m.index + m[0].length - 1;
    out.push({
      file,
      line: text.slice(0, m.index).split("\n").length,
      callee: m[1],
      args: argsAt(text, open),
    });
  }
  return out;
}

/** The argument that names the reason: `check(condition, code, …)`, else the first. */
function codeArg(call: Call): string | undefined {
  return call.callee === "check" ? call.args[1] : call.args[0];
}

/** The string literals an argument may evaluate to: itself, or both branches of `a ? "x" : "y"`. */
function literalsOf(arg: string): string[] {
  const whole = /^"([^"\\]*)"$|^'([^'\\]*)'$/.exec(arg);
  if (whole) return [whole[1] ?? whole[2]];
  const branches = /\?\s*("[^"\\]*"|'[^'\\]*')\s*:\s*("[^"\\]*"|'[^'\\]*')\s*$/.exec(arg);
  return branches ? [branches[1].slice(1, -1), branches[2].slice(1, -1)] : [];
}

const ALL_CALLS = SOURCES.flatMap(({ file, text }) => calls(file, text));

describe("the source scan", () => {
  it("reads the code of each call shape, and sees sentences and templates, but not methods of the same name", () => {
    const probe = [
      'throw new TierError("probe.one", { a: "x.y" });',
      'check(n > 0, ok ? "probe.two" : "probe.three", { n });',
      "check(x, `weight ${i} is not a number`);",
      'q.check(bad, "not a code");',
      'throw new TierError("there are no weights");',
    ].join("\n");
    const found = calls("probe.ts", probe).map((c) => [c.callee, c.line, literalsOf(codeArg(c) ?? "")]);
    expect(found).toEqual([
      ["new TierError", 1, ["probe.one"]],
      ["check", 2, ["probe.two", "probe.three"]],
      ["check", 3, []],
      ["new TierError", 5, ["there are no weights"]],
    ]);
  });
});

describe("the reason catalogue", () => {
  it("has every code that the sources throw, check, report or word in REASONS", () => {
    const used: string[] = [];
    for (const call of ALL_CALLS)
      for (const lit of literalsOf(codeArg(call) ?? ""))
        if (CODE.test(lit)) used.push(`${call.file}:${call.line} ${lit}`);
    for (const { file, text } of SOURCES)
      for (const m of text.matchAll(/\bcode:\s*(?:"([^"\\]*)"|'([^'\\]*)')/g)) {
        const lit = m[1] ?? m[2];
        if (CODE.test(lit)) used.push(`${file}:${text.slice(0, m.index).split("\n").length} ${lit}`);
      }
    // The scan must see the codes it is about, or it proves nothing.
    expect(used.length).toBeGreaterThan(100);
    const missing = used.filter((u) => !(u.split(" ")[1] in REASONS));
    expect(missing).toEqual([]);
  });

  it("words every code in both languages, with the same placeholders in each", () => {
    const names = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)\}|⟦(\w+)\|/g)].map((m) => m[1] ?? m[2]))].sort();
    const wrong = Object.entries(REASONS as Record<string, { en: string; zh: string }>).flatMap(
      ([code, w]) => {
        if (!w.en?.trim() || !w.zh?.trim()) return [`${code}: a language is missing`];
        const en = names(w.en);
        const zh = names(w.zh);
        return en.join() === zh.join() ? [] : [`${code}: en {${en.join(", ")}} but zh {${zh.join(", ")}}`];
      },
    );
    expect(wrong).toEqual([]);
  });

  it("words a reason whose params are a list and another reason, in each language", () => {
    const where = {
      code: "rules.condition",
      params: { rule: { code: "rules.rule", params: { n: 2, tier: "金卡" } }, k: 1 },
    };
    const r = { code: "rules.oneValue", params: { where, op: ">=" } };
    expect(reasonText(r, "en")).toBe('rule 2 ("金卡"), condition 1: ">=" needs one number or text value');
    expect(reasonText(r, "zh")).toBe("规则 2（“金卡”）的第 1 个条件：“>=”需要一个数字或文本值");
    const levels = { code: "level.thresholdOrder", params: { thresholds: [10, 5] } };
    expect(reasonText(levels, "en")).toBe(
      "thresholds must increase from the lowest tier to the highest (got 10, 5)",
    );
    expect(reasonText(levels, "zh")).toBe("门槛必须从最低等级到最高等级递增（实际为 10、5）");
  });
});

describe("errors in the sources", () => {
  it("never hand TierError or check a sentence or a template, in any layer", () => {
    const sentence = (arg: string | undefined) =>
      arg !== undefined && (arg.startsWith("`") || literalsOf(arg).some((lit) => lit.includes(" ")));
    const offenders = ALL_CALLS.filter(
      (c) => (c.callee === "new TierError" || c.callee === "check") && sentence(codeArg(c)),
    ).map((c) => `${c.file}:${c.line} ${codeArg(c)!.split("\n")[0]}`);
    expect(offenders).toEqual([]);
  });
});

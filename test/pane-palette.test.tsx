// @vitest-environment jsdom
/**
 * The tier colour editor in the pane: a colour typed for one tier reaches the fills of the tier column,
 * the summary sheet and its chart in Excel (the real OfficeHost over the fake Excel) and in a file (the
 * real PackageHost, its xlsx read back with exceljs and JSZip), with the text colour the WCAG rule picks.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createElement } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { textOn } from "../src/engine/colour";
import { dayFromCivil } from "../src/engine/dates";
import { tiersOf } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { parseRuleSetText } from "../src/engine/ruleset";
import { format, I18nProvider } from "../src/i18n";
import { Pane, type PaneMode } from "../src/taskpane/Pane";
import type { WorkbookHost } from "../src/workbook/host";
import { OfficeHost } from "../src/workbook/office-host";
import { PackageHost } from "../src/workbook/package-host";
import { SETTING_RULES, SHEET_NAMES } from "../src/workbook/write-result";
import { FakeExcel, type FakeValue } from "./fake-excel";

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
  globalThis.NodeFilter ??= window.NodeFilter;
});

let uninstall: (() => void) | undefined;
afterEach(() => {
  cleanup();
  uninstall?.();
  uninstall = undefined;
});

const AS_OF = dayFromCivil(2025, 12, 31);
const L = (key: Parameters<typeof format>[1], params?: Parameters<typeof format>[2]) =>
  format("zh-CN", key, params);
/** The colour the user picks for B: a purple no preset uses, dark enough for white text. */
const PURPLE = "#7030A0";

/** 30 customers with sales 1000, 970, … */
function customers(): FakeValue[][] {
  const rows: FakeValue[][] = [["客户编号", "客户名称", "销售额"]];
  for (let i = 1; i <= 30; i++)
    rows.push([`C${String(i).padStart(3, "0")}`, `客户${i}`, 1000 - (i - 1) * 30]);
  return rows;
}

function renderPane(host: WorkbookHost, mode: PaneMode) {
  const pane = createElement(Pane, { host, mode, today: AS_OF });
  const i18n = createElement(I18nProvider, { initialLocale: "zh-CN" }, pane);
  return render(createElement(FluentProvider, { theme: webLightTheme }, i18n));
}

/** Chooses ABC, types PURPLE as B's colour, checks the sample, and grades. */
async function gradeWithPurpleB(): Promise<void> {
  const user = userEvent.setup();
  await waitFor(
    async () =>
      expect((await screen.findByRole("combobox", { name: L("role.amount") })).textContent).toBe("销售额"),
    { timeout: 15_000 },
  );
  await user.click(screen.getByRole("radio", { name: /ABC 分类（二八法则）/ }));
  // Folded until opened: the preset's colours are what most users keep.
  expect(screen.queryByRole("textbox", { name: L("palette.colourOf", { tier: "B类" }) })).toBeNull();
  await user.click(screen.getByRole("button", { name: L("palette.title") }));
  const hex = screen.getByRole("textbox", { name: L("palette.colourOf", { tier: "B类" }) });
  await user.clear(hex);
  // Half typed, the colour is refused where it is typed and grading waits.
  await user.type(hex, "#7030");
  expect(await screen.findByText(L("palette.badHex"))).toBeTruthy();
  await user.type(hex, "A0");
  expect(screen.queryByText(L("palette.badHex"))).toBeNull();
  // The sample shows white text on purple. By hand (WCAG 2.x): channels 0x70, 0x30, 0xA0 linearise to
  // 0.162, 0.0296, 0.352; L = 0.2126·0.162 + 0.7152·0.0296 + 0.0722·0.352 = 0.081; white gives
  // 1.05 / (0.081 + 0.05) = 8.0, black (0.081 + 0.05) / 0.05 = 2.6.
  expect(screen.getByText("B类：白字，对比度 8.0:1")).toBeTruthy();
  // The native picker writes the same field (the picker gives lower case; the rule set keeps #RRGGBB).
  const picker = screen.getByLabelText(L("palette.pick", { tier: "B类" })) as HTMLInputElement;
  expect(picker.value).toBe(PURPLE.toLowerCase());
  fireEvent.input(picker, { target: { value: "#7030a0" } });
  expect((hex as HTMLInputElement).value).toBe(PURPLE);
  await user.click(screen.getByRole("button", { name: L("eval.button") }));
  await screen.findByRole("region", { name: L("result.title") }, { timeout: 30_000 });
}

describe("the tier colour editor", () => {
  it("colours tier B's cells in Excel with the colour typed in the pane, white text on it", async () => {
    expect(textOn(PURPLE)).toBe("#FFFFFF");
    const excel = new FakeExcel();
    excel.addSheet("客户", customers());
    uninstall = excel.install();
    renderPane(new OfficeHost(), "office");
    await gradeWithPurpleB();

    // The rules saved in the document carry the colour, by tier key.
    const rules = parseRuleSetText(String(excel.settings.get(SETTING_RULES)));
    expect(rules.colours).toEqual({ B: PURPLE });
    // The tier column's conditional format for B类 fills purple with white text.
    const cf = excel
      .sheet("客户")
      .conditionalFormats.find((c) => JSON.stringify(c).includes("B类") && c.cellValue?.format.fill.color);
    expect(cf?.cellValue?.format.fill.color?.toUpperCase()).toBe(PURPLE);
    expect(cf?.cellValue?.format.font.color?.toUpperCase()).toBe("#FFFFFF");
    // The summary sheet's B类 cell likewise.
    const summary = excel.sheet(SHEET_NAMES.summary.zh);
    const at = [...summary.looks].find(([address]) => {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      return summary.value(Number(m[2]) - 1, m[1].charCodeAt(0) - 65) === "B类";
    });
    expect(at?.[1].fill?.toUpperCase()).toBe(PURPLE);
    expect(at?.[1].fontColor?.toUpperCase()).toBe("#FFFFFF");
    // The distribution chart colours B's point (the second tier) purple.
    const chart = summary.charts.find((c) => c.name === "TierDistribution")!;
    const points = chart.series.flatMap((x) => Object.entries(x.points ?? {}));
    expect(points).toContainEqual(["1", { solid: PURPLE }]);

    // Reset puts back the preset's colour (B is amber in the ABC preset) and drops the rule set's own.
    const reset = screen.getByRole("button", { name: L("palette.reset") });
    fireEvent.click(reset);
    const hex = screen.getByRole("textbox", { name: L("palette.colourOf", { tier: "B类" }) });
    expect((hex as HTMLInputElement).value).toBe(tiersOf(preset("abc"))[1].colour);
    expect(reset.hasAttribute("disabled")).toBe(true);
  });

  it("colours tier B's cells in the file written for the standalone page, read back from the xlsx", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("客户");
    for (const r of customers()) ws.addRow(r);
    const host = PackageHost.fromBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "客户.xlsx");
    renderPane(host, "standalone");
    await gradeWithPurpleB();

    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await host.toXlsx()) as unknown as ExcelJS.Buffer);
    // The summary sheet's B类 cell: a solid purple fill, white text.
    let cell: ExcelJS.Cell | undefined;
    out.getWorksheet(SHEET_NAMES.summary.zh)!.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === "B类") cell ??= c;
      }),
    );
    expect(cell).toBeDefined();
    const fill = cell!.fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe("FF7030A0");
    expect(cell!.font?.color?.argb).toBe("FFFFFFFF");
    // The tier column: the conditional format of B类 fills purple with white text (a dxf).
    // (exceljs reads conditional formats into `conditionalFormattings`, which its typings leave out)
    type Rule = { formulae?: string[]; style: { fill: ExcelJS.FillPattern; font: Partial<ExcelJS.Font> } };
    const sheet = out.getWorksheet("客户") as unknown as { conditionalFormattings: { rules: Rule[] }[] };
    const b = sheet.conditionalFormattings
      .flatMap((f) => f.rules)
      .find((r) => JSON.stringify(r).includes("B类"));
    expect(b).toBeDefined();
    expect(b!.style.fill.bgColor?.argb ?? b!.style.fill.fgColor?.argb).toBe("FF7030A0");
    expect(b!.style.font.color?.argb).toBe("FFFFFFFF");
    // The charts' XML gives a point that purple fill.
    const zip = await JSZip.loadAsync(await host.toXlsx());
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    const xml = await Promise.all(charts.map((n) => zip.file(n)!.async("string")));
    expect(xml.some((x) => x.includes('<a:srgbClr val="7030A0"/>'))).toBe(true);
  });
});

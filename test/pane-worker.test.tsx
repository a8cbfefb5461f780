// @vitest-environment jsdom
/**
 * The Excel pane grades in the workbook worker (src/taskpane/worker-grader.ts): Office.js reads and
 * writes stay on the pane's thread (here the real OfficeHost over the fake Excel), the rows cross to the
 * worker's API in slices and the labelled result comes back. The worker API runs here over a
 * MessageChannel through Comlink, so what crosses is structured-cloned as it is between threads.
 */
import { gradeIn } from "./present";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as Comlink from "comlink";
import { MessageChannel } from "node:worker_threads";
import { createElement } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { dayFromCivil } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { format, I18nProvider } from "../src/i18n";
import { reasonText } from "../src/i18n/reasons";
import { Pane } from "../src/taskpane/Pane";
import { api } from "../src/taskpane/worker-api";
import { CELLS_PER_SLICE, workerGrader, type Grader, type WorkerLike } from "../src/taskpane/worker-grader";
import type { GradeRunRequest } from "../src/workbook/grade-run";
import { RunCancelled } from "../src/workbook/grading-host";
import type { WriteColumnsRequest } from "../src/workbook/host";
import { OfficeHost } from "../src/workbook/office-host";
import { outputHeader } from "../src/workbook/write-result";
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

/** 30 customers with sales 1000, 970, … */
function customers(): FakeValue[][] {
  const rows: FakeValue[][] = [["客户编号", "客户名称", "销售额"]];
  for (let i = 1; i <= 30; i++)
    rows.push([`C${String(i).padStart(3, "0")}`, `客户${i}`, 1000 - (i - 1) * 30]);
  return rows;
}

/** A "worker": `target` served over a MessageChannel; what the pane calls on it is counted. */
function channelWorker(target: object, calls: string[], ends: { n: number }): WorkerLike {
  const { port1, port2 } = new MessageChannel();
  const counted = new Proxy(target, {
    get(t, prop, receiver) {
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
  Comlink.expose(counted, port1 as unknown as Comlink.Endpoint);
  return Object.assign(port2 as unknown as Comlink.Endpoint, {
    terminate() {
      ends.n++;
      port1.close();
      port2.close();
    },
  });
}

function renderPane(host: OfficeHost, grader: Grader) {
  const pane = createElement(Pane, { host, mode: "office", today: AS_OF, grader });
  const i18n = createElement(I18nProvider, { initialLocale: "zh-CN" }, pane);
  return render(createElement(FluentProvider, { theme: webLightTheme }, i18n));
}

describe("the Excel pane grading in the workbook worker", () => {
  it("sends the rows it read to the worker API, grades there and writes the worker's tiers through Office.js", async () => {
    const excel = new FakeExcel();
    excel.addSheet("客户", customers());
    uninstall = excel.install();
    const calls: string[] = [];
    const ends = { n: 0 };
    const host = new OfficeHost();
    const writes: WriteColumnsRequest[] = [];
    const writeColumns = host.writeColumns.bind(host);
    host.writeColumns = (request, onProgress) => (writes.push(request), writeColumns(request, onProgress));
    const user = userEvent.setup();
    renderPane(
      host,
      workerGrader(() => channelWorker(api, calls, ends)),
    );
    await waitFor(
      async () =>
        expect((await screen.findByRole("combobox", { name: L("role.amount") })).textContent).toBe("销售额"),
      { timeout: 15_000 },
    );
    await user.click(screen.getByRole("radio", { name: /ABC 分类（二八法则）/ }));
    await user.click(screen.getByRole("button", { name: L("eval.button") }));
    await screen.findByRole("region", { name: L("result.title") }, { timeout: 30_000 });

    // 31 rows of 3 cells fit one slice (CELLS_PER_SLICE cells); then one grade, and the worker is ended.
    expect(31 * 3).toBeLessThan(CELLS_PER_SLICE);
    expect(calls).toEqual(["addRows", "gradeRows"]);
    expect(ends.n).toBe(1);
    // The tiers written are the engine's on the same sheet (ABC, 80 % / 95 % of sales).
    const expected = gradeIn(tableFromRows(customers(), false, "客户"), preset("abc"), {
      asOf: AS_OF,
      lang: "zh",
    });
    const [write] = writes;
    const tier = write.tierColumn ?? -1;
    expect(write.headers[tier]).toBe(outputHeader("tier", "zh"));
    expect(write.columns[tier]).toEqual(expected.columns.tier);
    expect(excel.sheet("客户").value(1, 3 + tier)).toBe("A类");
  });

  it("Cancel ends the worker mid-grade and rejects with the catalogued run.cancelled sentence", async () => {
    const calls: string[] = [];
    const ends = { n: 0 };
    // A grade that never finishes: only ending the worker stops it.
    const stuck = { addRows: () => {}, gradeRows: () => new Promise(() => {}) };
    const grader = workerGrader(() => channelWorker(stuck, calls, ends));
    const controller = new AbortController();
    const steps: string[] = [];
    const read = { sheetName: "客户", rows: customers(), date1904: false, top: 0, left: 0 };
    const request: GradeRunRequest = {
      sheet: "客户",
      ruleSet: preset("abc"),
      input: "customers",
      map: {},
      none: [],
      asOf: AS_OF,
      lang: "zh",
    };
    const run = grader.gradeRead(read, request, (step) => steps.push(step), controller.signal);
    await waitFor(() => expect(calls).toContain("gradeRows"));
    controller.abort();
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunCancelled);
    expect((error as RunCancelled).code).toBe("run.cancelled");
    expect(reasonText(error as RunCancelled, "en")).toBe("grading was cancelled: nothing more was written");
    expect(reasonText(error as RunCancelled, "zh")).toBe("已取消分级：之后的内容没有写入");
    expect(ends.n).toBe(1);
    expect(steps).toEqual(["grade"]);
  });

  it("Cancel pressed in the pane while the worker grades says cancelled and writes nothing", async () => {
    const excel = new FakeExcel();
    excel.addSheet("客户", customers());
    uninstall = excel.install();
    const calls: string[] = [];
    const ends = { n: 0 };
    const stuck = { addRows: () => {}, gradeRows: () => new Promise(() => {}) };
    const host = new OfficeHost();
    let wrote = 0;
    host.writeColumns = async () => {
      wrote++;
      throw new Error("nothing should be written");
    };
    const user = userEvent.setup();
    renderPane(
      host,
      workerGrader(() => channelWorker(stuck, calls, ends)),
    );
    await screen.findByRole("combobox", { name: L("role.amount") }, { timeout: 15_000 });
    await user.click(screen.getByRole("button", { name: L("eval.button") }));
    await waitFor(() => expect(calls).toContain("gradeRows"), { timeout: 15_000 });
    await user.click(screen.getByRole("button", { name: L("eval.cancel") }));
    expect(await screen.findByText(L("eval.cancelled"))).toBeTruthy();
    expect(ends.n).toBe(1);
    expect(wrote).toBe(0);
  });
});

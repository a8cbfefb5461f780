// The timed cases of bench/functions-bench.ts, free of Node APIs so that the same code runs in Node and,
// bundled by esbuild, in headless Chromium (the engine of the shared runtime Excel loads the functions
// in). TIER.RFM and TIER.ABC over 100,000 rows passed the way Excel passes them (2-D arrays, one
// number in twenty stored as text), against the bare engine on ready Float64Arrays.
import { abcByShare } from "../src/engine/abc";
import { rfm } from "../src/engine/rfm";
import { tierAbc, tierRfm } from "../src/functions/functions";
import { seededRandom } from "../src/engine/random";

/** What the host measures with: a clock, and optionally CPU time, page faults and a full GC. */
export interface Probes {
  wall: () => number;
  cpu?: () => number;
  faults?: () => number;
  gc?: () => void;
}

export interface Timing {
  /** Medians in ms over the rounds. */
  wall: number;
  cpu?: number;
  /** Minor page faults per call (Node only). */
  faults?: number;
}

export interface Case {
  name: string;
  engine: Timing;
  layer: Timing;
}

export interface Figures {
  rows: number;
  rounds: number;
  cases: Case[];
  /** Allocating and filling a 100,000-row result alone (references to one shared row). */
  result: Timing;
}

/** Installs the two pieces of `CustomFunctions` the layer touches when the host has none. */
function stubCustomFunctions(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  g.CustomFunctions ??= {
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
}

/** Calls of every path before timing. */
const WARM_UP = 50;

/** The middle value (the upper one of an even count). */
export const median = (t: number[]) => t.slice().sort((x, y) => x - y)[t.length >> 1];

/** Medians of `rounds` calls of each run, alternating so that load on a shared machine hits all alike. */
function medians(probes: Probes, rounds: number, runs: (() => ArrayLike<unknown>)[]): Timing[] {
  const wall = runs.map(() => [] as number[]);
  const cpu = runs.map(() => [] as number[]);
  const faults = runs.map(() => [] as number[]);
  let sink = 0;
  for (let k = 0; k < rounds; k++) {
    runs.forEach((call, j) => {
      probes.gc?.();
      const f0 = probes.faults?.() ?? 0;
      const c0 = probes.cpu?.() ?? 0;
      const t0 = probes.wall();
      const out = call();
      wall[j].push(probes.wall() - t0);
      cpu[j].push((probes.cpu?.() ?? 0) - c0);
      faults[j].push((probes.faults?.() ?? 0) - f0);
      sink += out.length;
    });
  }
  if (sink === 0) throw new Error("nothing was computed");
  return runs.map((_, j) => ({
    wall: median(wall[j]),
    cpu: probes.cpu ? median(cpu[j]) : undefined,
    faults: probes.faults ? median(faults[j]) : undefined,
  }));
}

export function functionsBench(probes: Probes, rows = 100_000, rounds = 61): Figures {
  stubCustomFunctions();
  const rnd = seededRandom(42);
  const recency = new Float64Array(rows);
  const frequency = new Float64Array(rows);
  const amount = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    recency[i] = Math.floor(rnd() * 730);
    frequency[i] = 1 + Math.floor(-Math.log(1 - rnd()) * 4);
    amount[i] = Math.round(Math.exp(4 + rnd() * 4) * 100) / 100;
  }
  /** Excel's shape: one array per row; every 20th number arrives as text. */
  const excel = (v: Float64Array): unknown[][] => Array.from(v, (x, i) => [i % 20 === 7 ? String(x) : x]);
  const rec2d = excel(recency);
  const fre2d = excel(frequency);
  const amt2d = excel(amount);

  // The two paths must agree before their times mean anything.
  const letters = ["", "A", "B", "C"];
  const want = abcByShare(amount);
  const got = tierAbc(amt2d);
  for (let i = 0; i < rows; i++)
    if (got[i][0] !== letters[want[i]]) throw new Error(`TIER.ABC and the engine differ at row ${i + 1}`);
  const code = rfm(recency, frequency, amount);
  const spilled = tierRfm(rec2d, fre2d, amt2d);
  for (let i = 0; i < rows; i++)
    if (spilled[i][0] !== code.r[i] || spilled[i][2] !== code.m[i])
      throw new Error(`TIER.RFM and the engine differ at row ${i + 1}`);

  // Warm up every path until the JIT and the heap have settled: in Chromium the first 30 to 40 calls
  // of either path run up to twice as slow as later ones (tiering up, the young generation growing),
  // which is the state of a workbook's first recalculations, not of the functions' cost.
  const row = Object.freeze(["A"]);
  const result = () => {
    const out: unknown[][] = new Array(rows);
    for (let i = 0; i < rows; i++) out[i] = row as unknown[];
    return out;
  };
  for (let k = 0; k < WARM_UP; k++) {
    rfm(recency, frequency, amount);
    tierRfm(rec2d, fre2d, amt2d);
    abcByShare(amount);
    tierAbc(amt2d);
    result();
  }

  // Each function alternates with its bare engine alone; the result array is timed on its own
  // afterwards, so that its allocations take no garbage collection off the function's account.
  const [rfmEngine, rfmLayer] = medians(probes, rounds, [
    () => rfm(recency, frequency, amount).r,
    () => tierRfm(rec2d, fre2d, amt2d),
  ]);
  const [abcEngine, abcLayer] = medians(probes, rounds, [() => abcByShare(amount), () => tierAbc(amt2d)]);
  const [resultAlone] = medians(probes, rounds, [result]);
  return {
    rows,
    rounds,
    cases: [
      { name: "TIER.RFM", engine: rfmEngine, layer: rfmLayer },
      { name: "TIER.ABC", engine: abcEngine, layer: abcLayer },
    ],
    result: resultAlone,
  };
}

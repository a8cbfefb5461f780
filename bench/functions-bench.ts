// What the custom-function layer costs on top of the engine: TIER.RFM and TIER.ABC over 100,000 rows
// passed the way Excel passes them (2-D arrays, one number in twenty stored as text), against the bare
// engine on ready Float64Arrays. Prints figures, asserts nothing.
// Run: node --import tsx bench/functions-bench.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { abcByShare } from "../src/engine/abc";
import { rfm } from "../src/engine/rfm";

Object.assign(globalThis, {
  CustomFunctions: {
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  },
});
const { tierAbc, tierRfm } = await import("../src/functions/functions");

const N = 100_000;
const ROUNDS = 21;

/** A seeded generator (mulberry32) so every run times the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(42);
const recency = new Float64Array(N);
const frequency = new Float64Array(N);
const amount = new Float64Array(N);
for (let i = 0; i < N; i++) {
  recency[i] = Math.floor(rnd() * 730);
  frequency[i] = 1 + Math.floor(-Math.log(1 - rnd()) * 4);
  amount[i] = Math.round(Math.exp(4 + rnd() * 4) * 100) / 100;
}
/** Excel's shape: one array per row; every 20th number arrives as text. */
const excel = (v: Float64Array): unknown[][] => Array.from(v, (x, i) => [i % 20 === 7 ? String(x) : x]);
const rec2d = excel(recency);
const fre2d = excel(frequency);
const amt2d = excel(amount);

// Collect the previous round's garbage before each timed round (as `npm run bench` does with
// --expose-gc), so that one round is not charged for another's 100,000 rows.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Medians of alternating rounds of a and b: load on a shared machine hits both alike. */
function medians(a: () => unknown, b: () => unknown): [number, number] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    for (const [run, times] of [
      [a, ta],
      [b, tb],
    ] as const) {
      if (process.env.BENCH_GC) gc();
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
  }
  const mid = (t: number[]) => t.sort((x, y) => x - y)[t.length >> 1];
  return [mid(ta), mid(tb)];
}

function report(name: string, [engine, layer]: [number, number]): void {
  const extra = ((layer - engine) / engine) * 100;
  console.log(
    `${name.padEnd(10)} engine ${engine.toFixed(2).padStart(7)} ms   function ${layer.toFixed(2).padStart(7)} ms   layer adds ${extra.toFixed(0).padStart(3)} %`,
  );
}

console.log(
  `TIER functions vs bare engine, ${N.toLocaleString("en")} rows, median of ${ROUNDS} (Node ${process.version})`,
);
// Warm up both paths so the JIT has compiled them before timing.
for (let k = 0; k < 5; k++) {
  rfm(recency, frequency, amount);
  tierRfm(rec2d, fre2d, amt2d);
  abcByShare(amount);
  tierAbc(amt2d);
}
report(
  "TIER.RFM",
  medians(
    () => rfm(recency, frequency, amount),
    () => tierRfm(rec2d, fre2d, amt2d),
  ),
);
report(
  "TIER.ABC",
  medians(
    () => abcByShare(amount),
    () => tierAbc(amt2d),
  ),
);

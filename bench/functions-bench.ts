// What the custom-function layer costs on top of the engine: TIER.RFM and TIER.ABC over 100,000 rows
// passed the way Excel passes them (2-D arrays, one number in twenty stored as text), against the bare
// engine on ready Float64Arrays. Prints figures, asserts nothing. CPU time is the figure to compare on a
// shared machine; wall time is shown beside it. The result itself (an array of 100,000 rows, which
// Excel requires) is most of what the layer adds: conversion of a column is about 1-2 ms.
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
const ROUNDS = 31;

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

// BENCH_GC=1 collects garbage before each timed round (gc exposed the way `npm run bench` does).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** CPU time of this process in ms: on a shared machine wall time also counts waiting for a core. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Timing {
  wall: number;
  cpu: number;
}

/** Medians of alternating rounds of a and b (load on a shared machine hits both alike). */
function medians(a: () => unknown, b: () => unknown): [Timing, Timing] {
  const runs: [() => unknown, number[], number[]][] = [
    [a, [], []],
    [b, [], []],
  ];
  for (let k = 0; k < ROUNDS; k++) {
    for (const [run, wall, cpu] of runs) {
      if (process.env.BENCH_GC) gc();
      const c0 = cpuMs();
      const t0 = performance.now();
      run();
      wall.push(performance.now() - t0);
      cpu.push(cpuMs() - c0);
    }
  }
  const mid = (t: number[]) => t.sort((x, y) => x - y)[t.length >> 1];
  return [
    { wall: mid(runs[0][1]), cpu: mid(runs[0][2]) },
    { wall: mid(runs[1][1]), cpu: mid(runs[1][2]) },
  ];
}

function report(name: string, [engine, layer]: [Timing, Timing]): void {
  const pct = (e: number, l: number) => `${(((l - e) / e) * 100).toFixed(0).padStart(3)} %`;
  const ms = (x: number) => `${x.toFixed(2).padStart(6)} ms`;
  console.log(
    `${name.padEnd(9)} engine ${ms(engine.cpu)} cpu ${ms(engine.wall)} wall | function ${ms(layer.cpu)} cpu ${ms(layer.wall)} wall | layer adds ${pct(engine.cpu, layer.cpu)} cpu, ${pct(engine.wall, layer.wall)} wall`,
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

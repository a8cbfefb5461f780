// Benchmark of the CLV engine (BG/NBD + Gamma-Gamma): prints figures, never asserts.
// Run alone: node --import tsx bench/clv-bench.ts (npm run bench runs it after the grading methods).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fitBgNbd, fitGammaGamma, pAlive, scoreClv, simulateCustomers } from "../src/engine/clv";
import { seededRandom } from "../src/engine/random";
import { main as cli } from "../src/cli/main";

const FIT_N = Number(process.env.BENCH_CLV_FIT_N ?? 100_000);
const SCORE_N = Number(process.env.BENCH_CLV_SCORE_N ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = (f: () => void) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

// The paper's CDNOW estimates as the world the customers come from; ages 27..39 weeks as in CDNOW.
const BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

export async function clvBench(): Promise<void> {
  console.log(
    `\nCLV (BG/NBD + Gamma-Gamma): fit on ${FIT_N.toLocaleString("en")} synthetic customers, score ${SCORE_N.toLocaleString("en")}; median of ${RUNS} runs`,
  );
  const fitData = simulateCustomers(BGNBD, FIT_N, seededRandom(2005), { spend: SPEND });
  let repeat = 0;
  for (const x of fitData.x) if (x > 0) repeat++;
  const bg: number[] = [];
  const gg: number[] = [];
  let fit = fitBgNbd(fitData);
  let spend = fitGammaGamma(fitData);
  for (let run = 0; run < RUNS; run++) {
    bg.push(time(() => (fit = fitBgNbd(fitData))));
    gg.push(time(() => (spend = fitGammaGamma(fitData))));
  }
  const fitTotal = median(bg.map((b, i) => b + gg[i]));
  console.log(
    `  fit BG/NBD       ${ms(median(bg)).padStart(10)}   r ${fit.r.toFixed(3)} α ${fit.alpha.toFixed(3)} a ${fit.a.toFixed(3)} b ${fit.b.toFixed(3)} (drawn from 0.243, 4.414, 0.793, 2.426)`,
  );
  console.log(
    `  fit Gamma-Gamma  ${ms(median(gg)).padStart(10)}   p ${spend.p.toFixed(2)} q ${spend.q.toFixed(2)} γ ${spend.gamma.toFixed(2)} on ${repeat.toLocaleString("en")} repeat buyers (drawn from 6.25, 3.74, 15.44)`,
  );
  console.log(`  fit both         ${ms(fitTotal).padStart(10)}`);

  const scoreData = simulateCustomers(BGNBD, SCORE_N, seededRandom(1997), { spend: SPEND });
  const alive: number[] = [];
  const year: number[] = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    alive.push(time(() => pAlive(fit, scoreData)));
    year.push(time(() => scoreClv(fit, spend, scoreData, { horizon: 52, unit: "week", discount: 0.1 })));
  }
  console.log(
    `  score P(alive)   ${ms(median(alive)).padStart(10)}   ${SCORE_N.toLocaleString("en")} customers`,
  );
  console.log(
    `  score all        ${ms(median(year)).padStart(10)}   P(alive), purchases, spend and CLV over 52 weeks at 10 % a year (12 monthly steps)`,
  );

  const cdnow = fileURLToPath(new URL("../../shared/data/cdnow-master.txt", import.meta.url));
  if (existsSync(cdnow)) {
    const quiet = { out: () => {}, err: () => {} };
    const t = performance.now();
    await cli(["clv", cdnow, "--calibration-end", "1997-09-30", "--unit", "week"], quiet);
    console.log(
      `  tier clv CDNOW   ${ms(performance.now() - t).padStart(10)}   69,659 orders read, counted, fitted and scored`,
    );
  } else console.log("  tier clv CDNOW: skipped (../shared/data/cdnow-master.txt is missing)");

  console.log("\nCLV targets");
  console.log(
    `  ${fitTotal < 1000 ? "met    " : "MISSED "} fit BG/NBD + Gamma-Gamma on 100,000 customers under 1 s`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await clvBench();

// How long reasons and next steps add to a grading (issue 17): 100,000 synthetic customers graded with
// each preset that fits them, with and without `explain`. Prints figures; never fails.
import { grade } from "../src/engine/grade";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { seededRandom } from "../src/engine/random";

const N = Number(process.argv[2] ?? 100_000);
const random = seededRandom(17);
const head = ["customer_id", "first_date", "last_date", "frequency", "amount"];
const rows: unknown[][] = [head];
for (let i = 0; i < N; i++) {
  const first = 18000 + Math.floor(random() * 1500);
  const last = Math.min(first + Math.floor(random() * 700), 20453);
  rows.push([
    `C${i}`,
    new Date(first * 864e5).toISOString().slice(0, 10),
    new Date(last * 864e5).toISOString().slice(0, 10),
    1 + Math.floor(random() * 20),
    Math.round(random() * 3000000) / 100,
  ]);
}
const table = tableFromRows(rows, false, "customers");
const asOf = 20453;
for (const name of ["membership", "rfm", "rfm8", "abc", "pyramid", "lifecycle"]) {
  const time = (explain: boolean) => {
    const t0 = performance.now();
    grade(table, preset(name), { asOf, explain, input: "customers" });
    return performance.now() - t0;
  };
  time(true); // warm up
  const plain = time(false);
  const explained = time(true);
  console.log(
    `${name.padEnd(11)} ${N} customers: grade ${plain.toFixed(0)} ms, with reasons and next steps ${explained.toFixed(0)} ms (+${(explained - plain).toFixed(0)} ms)`,
  );
}

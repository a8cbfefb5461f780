import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromCivil, formatDay, parseIsoDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import {
  minimumGap,
  planVisits,
  visitsPerTier,
  weekday,
  workingDays,
  type VisitCustomer,
  type VisitPlan,
} from "../src/engine/visits";

const OCT = workingDays(2025, 10); // 23 working days, Mon-Fri

/** Day indices (0..W-1) of each customer's visits, ascending. */
function daysOf(plan: VisitPlan, days: readonly number[], n: number): number[][] {
  const at = new Map(days.map((d, i) => [d, i]));
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const v of plan.visits) out[v.customer].push(at.get(v.day)!);
  return out.map((a) => a.sort((x, y) => x - y));
}

/** Visits per day index for one manager. */
function loadsOf(
  plan: VisitPlan,
  customers: readonly VisitCustomer[],
  days: readonly number[],
  manager: string,
) {
  const at = new Map(days.map((d, i) => [d, i]));
  const load = new Array(days.length).fill(0);
  for (const v of plan.visits) if ((customers[v.customer].manager ?? "") === manager) load[at.get(v.day)!]++;
  return load;
}

function spread(load: readonly number[]): number {
  return Math.max(...load) - Math.min(...load);
}

/** Tobacco-like retailers: `perManager` each for `managers` managers, areas of `areaSize` in route order. */
function retailers(
  managers: number,
  perManager: number,
  areaSize: number,
  visits: (r: number) => [string, number],
) {
  const out: VisitCustomer[] = [];
  let seed = 11;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let m = 0; m < managers; m++)
    for (let j = 0; j < perManager; j++) {
      const [tier, f] = visits(random());
      out.push({
        id: `R${m}-${j}`,
        tier,
        visits: f,
        manager: `经理${m}`,
        area: `片区${m}-${Math.floor(j / areaSize)}`,
        routeOrder: j + 1,
      });
    }
  return out;
}

describe("workingDays", () => {
  it("workingDays(2025, 10) counts the 23 weekdays of October 2025, which starts on a Wednesday", () => {
    expect(weekday(dayFromCivil(2025, 10, 1))).toBe(3);
    expect(OCT).toHaveLength(23);
    expect(formatDay(OCT[0])).toBe("2025-10-01");
    expect(formatDay(OCT[22])).toBe("2025-10-31");
  });

  it("workingDays with mon-sat adds the four Saturdays of October 2025", () => {
    const days = workingDays(2025, 10, { days: "mon-sat" });
    expect(days).toHaveLength(27);
    expect(days.map((d) => weekday(d)).filter((w) => w === 6)).toHaveLength(4);
    expect(days.some((d) => weekday(d) === 0)).toBe(false);
  });

  it("workingDays drops the National Day holidays (1-8 October 2025) and adds the worked Saturday 11 October: 18 days", () => {
    const holidays = [1, 2, 3, 4, 5, 6, 7, 8].map((d) => dayFromCivil(2025, 10, d));
    const days = workingDays(2025, 10, { holidays, workdays: [parseIsoDay("2025-10-11")] });
    // 23 weekdays - 6 weekday holidays (1, 2, 3, 6, 7, 8) + Saturday the 11th.
    expect(days).toHaveLength(18);
    expect(formatDay(days[0])).toBe("2025-10-09");
    expect(days.map(formatDay)).toContain("2025-10-11");
  });

  it("workingDays rejects a month that is not one", () => {
    expect(() => workingDays(2025, 13)).toThrow(/not a month/);
  });
});

describe("planVisits on hand-made cases", () => {
  it("planVisits gives a customer with 4 visits in 20 days visits exactly 5 days apart", () => {
    const days = OCT.slice(0, 20);
    const plan = planVisits([{ id: "C1", tier: "A", visits: 4 }], days);
    const [d] = daysOf(plan, days, 1);
    expect(d).toHaveLength(4);
    expect(d.slice(1).map((x, k) => x - d[k])).toEqual([5, 5, 5]);
    expect(plan.visits.map((v) => [v.k, v.f])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it("planVisits caps visits at the number of working days and counts the customers capped", () => {
    const days = OCT.slice(0, 5);
    const plan = planVisits(
      [
        { id: "C1", tier: "A", visits: 8 },
        { id: "C2", tier: "C", visits: 0 },
      ],
      days,
    );
    expect(daysOf(plan, days, 2)).toEqual([[0, 1, 2, 3, 4], []]);
    expect(plan.summary.capped).toBe(1);
    expect(plan.summary.perTier.map((t) => [t.tier, t.visits, t.covered])).toEqual([
      ["A", 5, 1],
      ["C", 0, 0],
    ]);
  });

  it("planVisits puts each area whole on its days when an area is one day's work (10 areas × 4 customers, 2 visits, 20 days)", () => {
    const days = OCT.slice(0, 20);
    const customers: VisitCustomer[] = [];
    for (let a = 0; a < 10; a++)
      for (let j = 0; j < 4; j++)
        customers.push({
          id: `C${a}${j}`,
          tier: "B",
          visits: 2,
          manager: "M",
          area: `area ${a}`,
          routeOrder: 4 * a + j,
        });
    const plan = planVisits(customers, days);
    const byArea = new Map<string, Set<number>>();
    const at = new Map(days.map((d, i) => [d, i]));
    for (const v of plan.visits) {
      const a = customers[v.customer].area!;
      if (!byArea.has(a)) byArea.set(a, new Set());
      byArea.get(a)!.add(at.get(v.day)!);
    }
    for (const set of byArea.values()) expect(set.size).toBe(2);
    expect(loadsOf(plan, customers, days, "M")).toEqual(new Array(20).fill(4));
    expect(plan.summary.perManager[0].areaDays).toBe(20);
  });

  it("planVisits lists a day's stops area by area in route order, whatever the input order", () => {
    const customers: VisitCustomer[] = [5, 3, 1, 4, 2].map((r) => ({
      id: `S${r}`,
      tier: "A",
      visits: 1,
      manager: "M",
      area: r % 2 ? "north" : "south",
      routeOrder: r,
    }));
    const days = OCT.slice(0, 1);
    const plan = planVisits(Object.freeze(customers.map((c) => Object.freeze(c))), days);
    expect(plan.visits.map((v) => customers[v.customer].id)).toEqual(["S1", "S3", "S5", "S2", "S4"]);
  });

  it("planVisits never puts more than `capacity` visits on a manager's day", () => {
    const customers = retailers(1, 60, 12, (r) => (r < 0.3 ? ["A", 4] : ["B", 2]));
    const total = customers.reduce((s, c) => s + c.visits, 0);
    const capacity = Math.ceil(total / OCT.length);
    const plan = planVisits(customers, OCT, { capacity });
    expect(Math.max(...loadsOf(plan, customers, OCT, "经理0"))).toBeLessThanOrEqual(capacity);
    expect(plan.visits).toHaveLength(total);
  });

  it("planVisits says so when a manager's visits cannot fit the capacity", () => {
    const customers = Array.from({ length: 30 }, (_, i) => ({
      id: `C${i}`,
      tier: "A",
      visits: 4,
      manager: "王强",
    }));
    expect(() => planVisits(customers, OCT.slice(0, 20), { capacity: 5 })).toThrow(
      /manager "王强" 120 visits do not fit in 20 working days at 5 a day/,
    );
  });

  it("planVisits rejects visits that are not a whole number", () => {
    expect(() => planVisits([{ id: "C1", tier: "A", visits: 2.5 }], OCT)).toThrow(/whole number/);
  });

  it("planVisits on 300 tobacco retailers (3 managers, core 3 a month, others 2) keeps every manager's days within one visit", () => {
    const customers = retailers(3, 100, 17, (r) => (r < 0.3 ? ["A", 3] : ["B", 2]));
    const plan = planVisits(customers, OCT, { tierOrder: ["A", "B"] });
    for (const m of plan.summary.perManager) {
      expect(m.largestDay.visits - m.smallestDay.visits).toBeLessThanOrEqual(1);
      expect(spread(loadsOf(plan, customers, OCT, m.manager))).toBe(
        m.largestDay.visits - m.smallestDay.visits,
      );
    }
    expect(plan.summary.priority).toMatchObject({ tier: "A", share: 1 });
  });

  it("planVisits gives the same plan for the same input", () => {
    const customers = retailers(2, 50, 10, (r) => (r < 0.2 ? ["A", 4] : r < 0.5 ? ["B", 2] : ["C", 1]));
    expect(planVisits(customers, OCT)).toEqual(planVisits(customers, OCT));
  });

  it("visitsPerTier takes ABC's A 4 / B 2 / C 1 and the nine-grid's per-cell visits", () => {
    expect(visitsPerTier(preset("abc"), "zh", ["A类", "B类", "C类"])).toEqual({ A类: 4, B类: 2, C类: 1 });
    expect(visitsPerTier(preset("grid9"), "en", ["Key account: maintain", "Watch"])).toEqual({
      "Key account: maintain": 6,
      Watch: 0,
    });
    expect(visitsPerTier(preset("membership"), "zh", ["钻石", "金卡", "银卡"])).toEqual({
      钻石: 4,
      金卡: 2,
      银卡: 1,
    });
  });
});

describe("planVisits properties", () => {
  const customerArb = fc.record({
    tier: fc.constantFrom("A", "B", "C"),
    visits: fc.integer({ min: 0, max: 6 }),
    manager: fc.constantFrom("M1", "M2", "M3"),
    area: fc.option(fc.constantFrom("east", "west", "north", "south"), { nil: undefined }),
    routeOrder: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
  });
  const caseArb = fc.record({
    customers: fc.array(customerArb, { minLength: 1, maxLength: 120 }),
    w: fc.integer({ min: 18, max: 26 }),
  });

  it("every customer gets exactly min(visits, W) visits, at least floor(W/f) - 1 working days apart", () => {
    fc.assert(
      fc.property(caseArb, ({ customers, w }) => {
        const list = customers.map((c, i) => ({ ...c, id: `C${i}` }));
        const days = Array.from({ length: w }, (_, i) => 20000 + i);
        const plan = planVisits(list, days);
        const got = daysOf(plan, days, list.length);
        list.forEach((c, i) => {
          const f = Math.min(c.visits, w);
          expect(got[i]).toHaveLength(f);
          for (let k = 1; k < f; k++)
            expect(got[i][k] - got[i][k - 1]).toBeGreaterThanOrEqual(minimumGap(w, f));
        });
        plan.visits.forEach((v) => expect(v.f).toBe(Math.min(list[v.customer].visits, w)));
      }),
      { numRuns: 200, seed: 20251001 },
    );
  });

  it("when planning ends no visit can move to a day two visits lighter without breaking its spacing (the balance guarantee)", () => {
    fc.assert(
      fc.property(caseArb, ({ customers, w }) => {
        const list = customers.map((c, i) => ({ ...c, id: `C${i}` }));
        const days = Array.from({ length: w }, (_, i) => 20000 + i);
        const plan = planVisits(list, days);
        const got = daysOf(plan, days, list.length);
        for (const m of ["M1", "M2", "M3"]) {
          const load = loadsOf(plan, list, days, m);
          list.forEach((c, i) => {
            if (c.manager !== m) return;
            const p = got[i];
            const g = minimumGap(w, p.length);
            p.forEach((d, k) => {
              const lo = k > 0 ? p[k - 1] + g : 0;
              const hi = k < p.length - 1 ? p[k + 1] - g : w - 1;
              for (let t = lo; t <= hi; t++) if (t !== d) expect(load[t]).toBeGreaterThanOrEqual(load[d] - 1);
            });
          });
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("a capacity one above the manager's average day load rounded up is never exceeded", () => {
    fc.assert(
      fc.property(caseArb, ({ customers, w }) => {
        const list = customers.map((c, i) => ({ ...c, id: `C${i}`, manager: "M" }));
        const days = Array.from({ length: w }, (_, i) => 20000 + i);
        const total = list.reduce((s, c) => s + Math.min(c.visits, w), 0);
        const capacity = Math.max(1, Math.ceil(total / w) + 1);
        const plan = planVisits(list, days, { capacity });
        expect(Math.max(...loadsOf(plan, list, days, "M"))).toBeLessThanOrEqual(capacity);
        expect(plan.visits).toHaveLength(total);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});

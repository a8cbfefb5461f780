/**
 * Customers one manager looks after, where a policy says so: 烟草 "每个管销所设客户经理数名，各负责80～100个
 * 客户" (seed 002, 案例5). Keyed by preset name; the pane and `tier plan` warn above `max`.
 */
export const MANAGER_LOAD: Readonly<Record<string, { min: number; max: number }>> = {
  "abc-months": { min: 80, max: 100 },
  tobacco: { min: 80, max: 100 },
};

/**
 * The managers with more customers than `max`, in the order they first appear.
 *
 * @example overloadedManagers(["张伟", "张伟", "李娜"], 1) // [{ manager: "张伟", customers: 2, max: 1 }]
 */
export function overloadedManagers(
  managers: readonly (string | undefined)[],
  max: number,
): { manager: string; customers: number; max: number }[] {
  const count = new Map<string, number>();
  for (const m of managers) if (m) count.set(m, (count.get(m) ?? 0) + 1);
  return [...count].filter(([, n]) => n > max).map(([manager, customers]) => ({ manager, customers, max }));
}

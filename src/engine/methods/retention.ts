import { z } from "zod";

/**
 * The optional `retention` field of the level and rules methods' rule sets. `keep`: tier key → the
 * value (the snapshot's score: the amount for membership) at or above which a customer keeps that
 * tier; `periods`: downgrade only after this many consecutive evaluations below (1 = at once).
 */
export const retentionSchema = z
  .object({
    keep: z.record(z.string(), z.number()).optional(),
    periods: z.number().int().min(1).max(12).optional(),
  })
  .strict();
export type Retention = z.infer<typeof retentionSchema>;

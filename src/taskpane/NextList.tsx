import {
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { PresentedResult } from "../engine/grade";
import { useI18n } from "../i18n";
import { closeness } from "../i18n/next-text";
import { nextPaneT } from "../i18n/next-pane";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  scroll: { overflow: "auto", maxHeight: "280px" },
  cell: { fontSize: tokens.fontSizeBase200, paddingInline: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** At most this many customers are listed; the results sheet has them all. */
const SHOWN = 50;

export type NextOrder = "closest" | "sheet";

export interface NextListProps {
  result: PresentedResult;
}

/**
 * The per-customer list of next steps (issue 17): tier, next tier and next step, the reason as a
 * tooltip on the tier, sorted by how close each customer is to the next tier (a sales team's call
 * list) or in sheet order. Renders nothing when the result has no next steps.
 */
export function NextList({ result }: NextListProps) {
  const styles = useStyles();
  const { locale } = useI18n();
  const t = useMemo(() => nextPaneT(locale), [locale]);
  const [order, setOrder] = useState<NextOrder>("closest");
  const rows = useMemo(() => {
    const next = result.next ?? [];
    const idx = result.tierKeys.map((_, i) => i).filter((i) => result.tierKeys[i] !== null);
    if (order === "closest") idx.sort((a, b) => closeness(next[a]) - closeness(next[b]) || a - b);
    return idx;
  }, [result, order]);
  if (!result.next || !result.next.some((s) => s && "tier" in s)) return null;
  const c = result.columns;
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const labels = { closest: t("next.sortClosest"), sheet: t("next.sortSheet") };
  return (
    <div className={styles.list}>
      <Subtitle2 as="h3">{t("next.title")}</Subtitle2>
      <Field label={t("next.sort")}>
        <Dropdown
          value={labels[order]}
          selectedOptions={[order]}
          onOptionSelect={(_, d) => setOrder(d.optionValue as NextOrder)}
        >
          <Option value="closest">{labels.closest}</Option>
          <Option value="sheet">{labels.sheet}</Option>
        </Dropdown>
      </Field>
      <Caption1 className={styles.hint}>{t("next.reasonHint")}</Caption1>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={t("next.title")}>
        <Table size="extra-small" aria-label={t("next.title")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cell}>{t("next.customer")}</TableHeaderCell>
              <TableHeaderCell className={styles.cell}>{t("next.tier")}</TableHeaderCell>
              <TableHeaderCell className={styles.cell}>{t("next.nextTier")}</TableHeaderCell>
              <TableHeaderCell className={styles.cell}>{t("next.step")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, SHOWN).map((i) => (
              <TableRow key={i}>
                <TableCell className={styles.cell}>{text(c.name?.[i] ?? c.customer_id[i])}</TableCell>
                <TableCell className={styles.cell}>
                  <Tooltip content={text(c.reason?.[i]) || text(c.tier[i])} relationship="description">
                    <span tabIndex={0}>{text(c.tier[i])}</span>
                  </Tooltip>
                </TableCell>
                <TableCell className={styles.cell}>{text(c.next_tier?.[i])}</TableCell>
                <TableCell className={styles.cell}>{text(c.next_step?.[i])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {rows.length > SHOWN && <Caption1>{t("next.more", { n: rows.length - SHOWN })}</Caption1>}
    </div>
  );
}

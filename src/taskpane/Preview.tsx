import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  scroll: {
    overflow: "auto",
    maxWidth: "100%",
    maxHeight: "240px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { width: "max-content", minWidth: "100%" },
  cell: {
    whiteSpace: "nowrap",
    maxWidth: "10em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    fontSize: tokens.fontSizeBase200,
    paddingInline: tokens.spacingHorizontalS,
  },
  rowNo: { color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  focus: { backgroundColor: tokens.colorPaletteYellowBackground2 },
});

export interface PreviewProps {
  label: string;
  headers: readonly string[];
  rows: readonly (readonly unknown[])[];
  /** The sheet row number shown for each row (1-based). */
  rowNumbers: readonly number[];
  /** A sheet row to scroll to and mark. */
  focusRow?: number;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** A small read-only table of rows, with their sheet row numbers. */
export function Preview({ label, headers, rows, rowNumbers, focusRow }: PreviewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const focused = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    focused.current?.scrollIntoView?.({ block: "center" });
  }, [focusRow]);
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={label}>
      <Table size="extra-small" className={styles.table} aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.cell}>{t("data.row")}</TableHeaderCell>
            {headers.map((h, i) => (
              <TableHeaderCell key={i} className={styles.cell}>
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, r) => {
            const n = rowNumbers[r];
            const isFocus = n === focusRow;
            return (
              <TableRow
                key={r}
                ref={isFocus ? focused : undefined}
                className={mergeClasses(isFocus && styles.focus)}
                aria-selected={isFocus || undefined}
              >
                <TableCell className={mergeClasses(styles.cell, styles.rowNo)}>{n}</TableCell>
                {row.map((v, c) => (
                  <TableCell key={c} className={styles.cell} title={show(v)}>
                    {show(v)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

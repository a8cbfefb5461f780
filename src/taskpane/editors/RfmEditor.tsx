import {
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useI18n, type MessageKey } from "../../i18n";
import { getAt, listOrText, pathKey, rangeOrText } from "../validate";
import { DraftInput, ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { tableLayout: "fixed", width: "100%" },
  nameCol: { width: "40%" },
  rangeCol: { width: "20%" },
  cell: { paddingInline: tokens.spacingHorizontalXXS },
  input: { width: "100%", minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

type RfmMethod = "quantile" | "rfm-r" | "fixed";
const METHODS: readonly [RfmMethod, MessageKey][] = [
  ["quantile", "editor.rfmQuantile"],
  ["rfm-r", "editor.rfmR"],
  ["fixed", "editor.rfmFixed"],
];
const DIMS = ["r", "f", "m"] as const;
/** Starting thresholds when a user switches to fixed: days for R, purchases for F, money for M. */
const START = { r: [30, 90, 180, 365, 730], f: [2, 3, 5, 8, 12], m: [500, 1000, 2000, 5000, 10000] };

interface Segment {
  name: string;
  zh: string;
  r: unknown;
  f: unknown;
  m: unknown;
}

export interface RfmEditorProps {
  form: EditorForm;
}

/** RFM scoring (method, bins, fixed thresholds) and the editable segment table. */
export function RfmEditor({ form }: RfmEditorProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const method = getAt(form.draft, ["rfm", "method"]) as RfmMethod;
  const bins = getAt(form.draft, ["rfm", "bins"]);
  const segments = (getAt(form.draft, ["segments"]) as Segment[] | undefined) ?? [];
  const setMethod = (next: RfmMethod) => {
    form.set(["rfm", "method"], next);
    if (next === "fixed" && !getAt(form.draft, ["rfm", "thresholds"])) {
      const k = (typeof bins === "number" ? bins : 5) - 1;
      form.set(["rfm", "thresholds"], {
        r: START.r.slice(0, k),
        f: START.f.slice(0, k),
        m: START.m.slice(0, k),
      });
    }
  };
  const showRange = (v: unknown) => (Array.isArray(v) ? `${v[0]}-${v[1]}` : String(v ?? ""));
  return (
    <section className={styles.root}>
      <Field label={t("editor.rfmMethod")}>
        <Dropdown
          value={t(METHODS.find((m) => m[0] === method)?.[1] ?? "editor.rfmQuantile")}
          selectedOptions={[method]}
          onOptionSelect={(_, d) => setMethod(d.optionValue as RfmMethod)}
        >
          {METHODS.map(([value, label]) => (
            <Option key={value} value={value}>
              {t(label)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {typeof bins !== "object" && (
        <ValueField form={form} path={["rfm", "bins"]} label={t("editor.bins")} kind="number" />
      )}
      {method === "fixed" &&
        DIMS.map((dim) => (
          <ValueField
            key={dim}
            form={form}
            path={["rfm", "thresholds", dim]}
            label={t("editor.thresholds", { dim: dim.toUpperCase() })}
            kind="text"
            parse={listOrText}
            show={(v) => (Array.isArray(v) ? v.join(", ") : String(v ?? ""))}
          />
        ))}
      <Subtitle2 as="h3">{t("editor.segments")}</Subtitle2>
      <Table size="extra-small" className={styles.table} aria-label={t("editor.segments")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.nameCol}>{t("result.tier")}</TableHeaderCell>
            {DIMS.map((d) => (
              <TableHeaderCell key={d} className={styles.rangeCol}>
                {d.toUpperCase()}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {segments.map((s, i) => {
            const namePath = lang === "zh" ? ["segments", i, "zh"] : ["segments", i, "name"];
            const problems = [namePath, ...DIMS.map((d) => ["segments", i, d])]
              .map((p) => form.problems[pathKey(p)])
              .filter(Boolean);
            return (
              <TableRow key={i}>
                <TableCell className={styles.cell}>
                  <Input
                    size="small"
                    className={styles.input}
                    aria-label={t(lang === "zh" ? "editor.segZh" : "editor.segName", { n: i + 1 })}
                    aria-invalid={!!form.problems[pathKey(namePath)]}
                    value={String(lang === "zh" ? s.zh : s.name)}
                    onChange={(_, d) => form.set(namePath, d.value)}
                  />
                </TableCell>
                {DIMS.map((d) => (
                  <TableCell key={d} className={styles.cell}>
                    <DraftInput
                      size="small"
                      className={styles.input}
                      aria-label={t("editor.segRange", { dim: d.toUpperCase(), n: i + 1 })}
                      aria-invalid={!!form.problems[pathKey(["segments", i, d])]}
                      title={t("editor.rangeHint")}
                      text={showRange(s[d])}
                      onText={(text) => form.set(["segments", i, d], rangeOrText(text))}
                    />
                  </TableCell>
                ))}
                {problems.length > 0 && (
                  <TableCell className={styles.error} role="alert">
                    {t(problems[0].key, problems[0].params)}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

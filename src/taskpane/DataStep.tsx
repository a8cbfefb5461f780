import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { Role } from "../engine/headers";
import { useI18n } from "../i18n";
import { Preview } from "./Preview";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  roles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  dropdown: { minWidth: 0, width: "100%" },
  note: { color: tokens.colorNeutralForeground2 },
});

/** Roles shown at once; the rest sit under "More columns". */
export const MAIN_ROLES: readonly Role[] = [
  "customer_id",
  "name",
  "amount",
  "date",
  "frequency",
  "last_date",
  "first_date",
  "recency_days",
  // Line items: amount = quantity × unit price when no amount column is chosen.
  "quantity",
  "unit_price",
];
export const MORE_ROLES: readonly Role[] = [
  "order_id",
  "stage",
  "potential",
  "current_value",
  "area",
  "route_order",
  "manager",
  "phone",
  "email",
  "lease_end",
];

export type LoadState = "idle" | "loading" | "ready" | "error";
export type InputKind = "orders" | "customers";

export interface DataStepProps {
  sheets: readonly string[];
  sheet: string;
  onSheet: (sheet: string) => void;
  state: LoadState;
  error?: string;
  headers: readonly string[];
  /** Column per role as grading will use it (guessed or chosen). */
  mapping: Partial<Record<Role, number>>;
  onRole: (role: Role, column: number | null) => void;
  input: InputKind;
  inputGuessed: boolean;
  onInput: (kind: InputKind) => void;
  previewRows: readonly (readonly unknown[])[];
  previewRowNumbers: readonly number[];
  rowCount: number;
  headerRow: number;
  /** What the read kept or left out that the user should know (hidden rows, a table's total row). */
  notes?: readonly string[];
}

/** Step 1: the sheet, what a row is, which column plays which role, and the first rows. */
export function DataStep(props: DataStepProps) {
  const { sheets, sheet, onSheet, state, error, headers, mapping, onRole, input, inputGuessed, onInput } =
    props;
  const styles = useStyles();
  const { t } = useI18n();
  const roleField = (role: Role) => {
    const col = mapping[role];
    const label = t(`role.${role}`);
    return (
      <Field key={role} label={label} size="small">
        <Dropdown
          size="small"
          className={styles.dropdown}
          aria-label={label}
          value={col === undefined ? t("data.none") : headers[col]}
          selectedOptions={[col === undefined ? "" : String(col)]}
          onOptionSelect={(_, d) => onRole(role, d.optionValue ? Number(d.optionValue) : null)}
        >
          <Option value="">{t("data.none")}</Option>
          {headers.map((h, i) => (
            <Option key={i} value={String(i)}>
              {h}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  };
  return (
    <div className={styles.root}>
      <Field label={t("data.sheet")}>
        <Dropdown
          className={styles.dropdown}
          value={sheet}
          selectedOptions={[sheet]}
          onOptionSelect={(_, d) => d.optionValue && onSheet(d.optionValue)}
        >
          {sheets.map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {state === "loading" && <Spinner size="tiny" label={t("data.reading")} />}
      {state === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{t("data.readFailed", { reason: error ?? "" })}</MessageBarBody>
        </MessageBar>
      )}
      {state === "ready" && (
        <>
          <Caption1 className={styles.note}>
            {t("data.rows", { rows: props.rowCount, header: props.headerRow + 1 })}
          </Caption1>
          {(props.notes ?? []).map((note) => (
            <Caption1 key={note} className={styles.note}>
              {note}
            </Caption1>
          ))}
          <Field label={`${t("data.rowIs")} ${inputGuessed ? t("data.guessed") : ""}`}>
            <RadioGroup layout="horizontal" value={input} onChange={(_, d) => onInput(d.value as InputKind)}>
              <Radio value="customers" label={t("data.customers")} />
              <Radio value="orders" label={t("data.orders")} />
            </RadioGroup>
          </Field>
          <div className={styles.roles} role="group" aria-label={t("data.columns")}>
            {MAIN_ROLES.map(roleField)}
          </div>
          {mapping.amount === undefined &&
            mapping.quantity !== undefined &&
            mapping.unit_price !== undefined && (
              <Caption1 className={styles.note}>
                {t("data.lineItems", {
                  quantity: headers[mapping.quantity],
                  price: headers[mapping.unit_price],
                })}
              </Caption1>
            )}
          <Accordion collapsible>
            <AccordionItem value="more">
              <AccordionHeader size="small">{t("data.moreRoles")}</AccordionHeader>
              <AccordionPanel>
                <div className={styles.roles}>{MORE_ROLES.map(roleField)}</div>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
          <Preview
            label={t("data.previewLabel", { sheet })}
            headers={headers}
            rows={props.previewRows}
            rowNumbers={props.previewRowNumbers}
          />
        </>
      )}
    </div>
  );
}

import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircleRegular, DismissCircleRegular } from "@fluentui/react-icons";
import type { Role } from "../engine/headers";
import { useI18n, type MessageKey } from "../i18n";
import { useJourneyT } from "../i18n/journey";
import { PRESET_NAMES, preset } from "../engine/presets";
import { columnFor, NEEDS, type NeedRole, type Suggestion } from "./policy-needs";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  found: { color: tokens.colorPaletteGreenForeground1 },
  missing: { color: tokens.colorPaletteRedForeground1 },
  note: { color: tokens.colorNeutralForeground2 },
});

export interface PolicyFitProps {
  /** The policy the sheet's columns suggest, or null. */
  suggestion: Suggestion | null;
  /** The suggested policy's name in the pane's language. */
  suggestedName: string;
  /** The chosen policy (a preset name or "custom"). */
  selected: string;
  onUse: (policy: string) => void;
  headers: readonly string[];
  mapping: Partial<Record<Role, number>>;
}

/** The suggested policy and why, and the columns the chosen policy needs, found or not, before grading. */
export function PolicyFit({ suggestion, suggestedName, selected, onUse, headers, mapping }: PolicyFitProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const sep = lang === "zh" ? "、" : ", ";
  const tj = useJourneyT();
  const role = (r: NeedRole) => t(`role.${r}` as MessageKey);
  const needs = NEEDS[selected];
  const ruleSet = (PRESET_NAMES as readonly string[]).includes(selected) ? preset(selected) : undefined;
  const column = (r: NeedRole) => columnFor(r, headers, mapping, ruleSet);
  const quote = (h: string) => (lang === "zh" ? `「${h}」` : ` “${h}”`);
  const columns = suggestion?.found.map((f) => (f.header ? role(f.role) + quote(f.header) : role(f.role)));
  return (
    <>
      {suggestion && (
        <MessageBar intent={suggestion.complete ? "info" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{tj("suggest.title", { policy: suggestedName })}</MessageBarTitle>
            {suggestion.complete
              ? tj("suggest.why", { columns: columns!.join(sep) })
              : tj("suggest.whyPartial", {
                  found: suggestion.found.filter((f) => f.header).length,
                  needed: suggestion.found.length,
                  columns: columns!.join(sep),
                })}
          </MessageBarBody>
          {selected !== suggestion.policy && (
            <MessageBarActions>
              <Button size="small" onClick={() => onUse(suggestion.policy)}>
                {tj("suggest.use")}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {needs && (
        <section aria-label={tj("needs.title")}>
          <Caption1 className={styles.note}>{tj("needs.title")}</Caption1>
          <ul className={styles.list}>
            {needs.required.map((r) => {
              const col = column(r);
              return (
                <li key={r} className={styles.item}>
                  {col === undefined ? (
                    <DismissCircleRegular className={styles.missing} aria-hidden />
                  ) : (
                    <CheckmarkCircleRegular className={styles.found} aria-hidden />
                  )}
                  <Caption1>
                    {col === undefined
                      ? tj("needs.missing", { role: role(r) })
                      : tj("needs.found", { role: role(r), header: col })}
                  </Caption1>
                </li>
              );
            })}
            {(needs.optional ?? [])
              .filter((r) => column(r) !== undefined)
              .map((r) => (
                <li key={r} className={styles.item}>
                  <CheckmarkCircleRegular className={styles.found} aria-hidden />
                  <Caption1>
                    {tj("needs.found", { role: role(r), header: column(r)! })} {tj("needs.optional")}
                  </Caption1>
                </li>
              ))}
          </ul>
        </section>
      )}
    </>
  );
}

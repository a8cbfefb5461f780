import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { ArrowResetRegular } from "@fluentui/react-icons";
import { useMemo, useRef } from "react";
import { contrastRatio, textOn } from "../../engine/colour";
import { tiersOf, type TierInfo } from "../../engine/methods";
import { ruleSetSchema } from "../../engine/ruleset";
import { useI18n } from "../../i18n";
import { getAt } from "../validate";
import type { EditorForm } from "./form";

const HEX = /^#[0-9A-Fa-f]{6}$/;

const useStyles = makeStyles({
  root: { minWidth: 0 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  strip: {
    display: "inline-flex",
    gap: "2px",
    marginInlineStart: tokens.spacingHorizontalS,
    verticalAlign: "middle",
  },
  chip: {
    width: "10px",
    height: "10px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  tier: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // The sample is the tier's own fill and text colour, as the sheets show it: not a theme token.
  sample: {
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  picker: {
    width: "28px",
    height: "24px",
    padding: 0,
    border: "none",
    background: "none",
    cursor: "pointer",
  },
  input: { minWidth: 0, width: "100%" },
});

/** The method's own tiers and colours for a draft (its `colours` left out), or null while the draft is invalid. */
function presetTiers(draft: Record<string, unknown>): TierInfo[] | null {
  const parsed = ruleSetSchema.safeParse({ ...draft, colours: undefined });
  if (!parsed.success) return null;
  try {
    return tiersOf(parsed.data);
  } catch {
    return null;
  }
}

/**
 * Each tier's colour, editable: a colour picker and its `#RRGGBB` text, a sample in the tier's fill
 * with the text colour the WCAG rule picks and its contrast ratio, and a reset to the preset's
 * colours. Edits go to the rule set's `colours` (by tier key), which every renderer reads.
 */
export function PaletteEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { t, pick } = useI18n();
  const fresh = useMemo(() => presetTiers(form.draft), [form.draft]);
  // While another field is being fixed, keep showing the last tiers rather than hiding the colours.
  const last = useRef<TierInfo[] | null>(null);
  if (fresh) last.current = fresh;
  const tiers = fresh ?? last.current;
  if (!tiers) return null;
  const colours = (getAt(form.draft, ["colours"]) ?? {}) as Record<string, unknown>;
  const edited = Object.keys(colours).length > 0;
  // A colour for a tier the policy no longer has (a renamed segment) is refused as a whole.
  const problem = form.problems["colours"];
  return (
    <section className={styles.root} aria-label={t("palette.title")}>
      {/* Folded until wanted (most users keep the preset's colours); open when the rules carry their own. */}
      <Accordion collapsible defaultOpenItems={edited || problem ? ["colours"] : []}>
        <AccordionItem value="colours">
          <AccordionHeader as="h3">
            {t("palette.title")}
            <span className={styles.strip} aria-hidden>
              {tiers.map((tier) => {
                const own = colours[tier.key];
                const fill = typeof own === "string" && HEX.test(own) ? own : tier.colour;
                return <span key={tier.key} className={styles.chip} style={{ backgroundColor: fill }} />;
              })}
            </span>
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <Caption1 className={styles.hint}>{t("palette.hint")}</Caption1>
            {tiers.map((tier) => {
              const name = pick(tier.name) || tier.key;
              const own = colours[tier.key];
              const text = typeof own === "string" ? own : tier.colour;
              const valid = HEX.test(text);
              const fill = valid ? text.toUpperCase() : tier.colour;
              const ink = textOn(fill);
              const set = (value: string) => form.set(["colours"], { ...colours, [tier.key]: value });
              return (
                <div key={tier.key} className={styles.tier}>
                  <Field
                    label={t("palette.colourOf", { tier: name })}
                    validationState={valid ? "none" : "error"}
                    validationMessage={valid ? undefined : t("palette.badHex")}
                  >
                    <Input
                      className={styles.input}
                      value={text}
                      onChange={(_, d) => set(d.value.trim())}
                      contentBefore={
                        <input
                          type="color"
                          className={styles.picker}
                          aria-label={t("palette.pick", { tier: name })}
                          value={fill.toLowerCase()}
                          onChange={(e) => set(e.target.value.toUpperCase())}
                        />
                      }
                    />
                  </Field>
                  <div className={styles.sample} style={{ backgroundColor: fill, color: ink }}>
                    {t("palette.sample", {
                      tier: name,
                      text: t(ink === "#000000" ? "palette.black" : "palette.white"),
                      ratio: contrastRatio(fill, ink).toFixed(1),
                    })}
                  </div>
                </div>
              );
            })}
            {problem && (
              <MessageBar intent="warning">
                <MessageBarBody>{t(problem.key, problem.params)}</MessageBarBody>
              </MessageBar>
            )}
            <div>
              <Button
                icon={<ArrowResetRegular />}
                disabled={!edited}
                onClick={() => form.set(["colours"], undefined)}
              >
                {t("palette.reset")}
              </Button>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

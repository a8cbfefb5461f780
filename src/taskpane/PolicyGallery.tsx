import {
  Caption1,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useI18n, type MessageKey } from "../i18n";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  card: {
    // Full width: cards of one size read as one list, not as a ragged column.
    width: "100%",
    boxSizing: "border-box",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  chosen: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  label: { display: "flex", flexDirection: "column" },
  use: { color: tokens.colorNeutralForeground2 },
});

export interface GalleryEntry {
  /** Preset name, or "custom" for rules from the document or a file. */
  id: string;
  name: { zh: string; en: string };
  /** Catalogue key of the one line on when to use it, or the custom rules' note. */
  use: MessageKey | null;
  /** Shown when there is no catalogue line. */
  description?: { zh: string; en: string };
}

export interface PolicyGalleryProps {
  entries: readonly GalleryEntry[];
  selected: string;
  onSelect: (id: string) => void;
}

/** One card per policy, a radio group for keyboards and screen readers. */
export function PolicyGallery({ entries, selected, onSelect }: PolicyGalleryProps) {
  const styles = useStyles();
  const { t, pick } = useI18n();
  return (
    <RadioGroup
      className={styles.group}
      aria-label={t("policy.gallery")}
      value={selected}
      onChange={(_, d) => onSelect(d.value)}
    >
      {entries.map((e) => (
        <Radio
          key={e.id}
          value={e.id}
          className={mergeClasses(styles.card, e.id === selected && styles.chosen)}
          label={
            <span className={styles.label}>
              <Text weight="semibold">{pick(e.name)}</Text>
              <Caption1 className={styles.use}>{e.use ? t(e.use) : pick(e.description ?? e.name)}</Caption1>
            </span>
          }
        />
      ))}
    </RadioGroup>
  );
}

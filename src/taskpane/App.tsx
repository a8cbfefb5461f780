import { Body1, Caption1, Card, CardHeader, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { PRESET_NAMES, PRESETS } from "../engine/presets";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
});

export interface AppProps {
  lang: "zh" | "en";
}

/** The pane's first screen: the policy gallery. The full flow grows with the pane's issue. */
export function App({ lang }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{lang === "zh" ? "客户分级" : "Customer tiers"}</Subtitle1>
      {PRESET_NAMES.map((name) => {
        const p = PRESETS[name];
        return (
          <Card key={name} size="small">
            <CardHeader
              header={<Body1>{lang === "zh" ? p.name.zh : p.name.en}</Body1>}
              description={
                <Caption1>
                  {p.description ? (lang === "zh" ? p.description.zh : p.description.en) : name}
                </Caption1>
              }
            />
          </Card>
        );
      })}
    </main>
  );
}

import { Text } from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { Method } from "../../engine/methods";
import { useI18n } from "../../i18n";
import { ClvEditor } from "./ClvEditor";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";
import { getAt } from "../validate";
import { GridEditor } from "./GridEditor";
import { KmeansEditor } from "./KmeansEditor";
import { LifecycleEditor } from "./LifecycleEditor";
import { RfmEditor } from "./RfmEditor";
import { RulesEditor } from "./RulesEditor";
import { ScorecardEditor } from "./ScorecardEditor";
import { ShareEditor } from "./ShareEditor";
import { StrategiesEditor } from "./StrategiesEditor";
import { TiersEditor } from "./TiersEditor";
import { BandsEditor } from "./BandsEditor";
import { EligibilityEditor } from "./EligibilityEditor";
import { VisitRangesEditor } from "./VisitRangesEditor";
import { WindowEditor } from "./WindowEditor";
import { RetentionEditor } from "./RetentionEditor";
import { ItemsEditor } from "./ItemsEditor";
import { CustomerTypesEditor } from "./CustomerTypesEditor";

type MethodEditor = (props: { form: EditorForm }) => ReactElement;

/** A method's editor followed by its tiers' strategies (策略), kept in the rule set's `strategies` map. */
function withStrategies(Editor: MethodEditor): MethodEditor {
  return function WithStrategies({ form }: { form: EditorForm }) {
    return (
      <>
        <Editor form={form} />
        <StrategiesEditor form={form} />
      </>
    );
  };
}

function NothingToEdit() {
  const { t } = useI18n();
  return <Text>{t("policy.nothingToEdit")}</Text>;
}

/**
 * The pane's editor of each grading method: the method registry's `editor` facet, kept in the pane
 * because it is React. A method without an entry here is a type error, so a new method cannot ship
 * without its editor.
 */
export const EDITORS: { readonly [M in Method]: MethodEditor } = {
  rules: ({ form }) => (
    <>
      <RulesEditor form={form} />
      <WindowEditor form={form} />
      <TiersEditor form={form} withMin={false} withBenefits />
      <StrategiesEditor form={form} />
      <RetentionEditor form={form} />
    </>
  ),
  level: function LevelEditor({ form }) {
    const { t } = useI18n();
    return (
      <>
        <ValueField form={form} path={["column"]} label={t("editor.column")} kind="text" />
        <TiersEditor form={form} withMin withBenefits />
        <StrategiesEditor form={form} />
        <RetentionEditor form={form} />
      </>
    );
  },
  abc: function AbcEditor({ form }) {
    const { t } = useI18n();
    return (
      <>
        <ShareEditor form={form} method="abc" />
        <ValueField
          form={form}
          path={["regularVisits"]}
          label={t("editor.regularVisits")}
          kind="number"
          parse={(s) => (s.trim() === "" ? undefined : Number(s))}
        />
        <TiersEditor form={form} withMin={false} withBenefits={false} />
        <StrategiesEditor form={form} />
      </>
    );
  },
  pyramid: ({ form }) => (
    <>
      <ShareEditor form={form} method="pyramid" />
      <TiersEditor form={form} withMin={false} withBenefits={false} />
      <StrategiesEditor form={form} />
    </>
  ),
  rfm: withStrategies(RfmEditor),
  rfm8: function Rfm8Editor({ form }) {
    // The classes are fixed; their strategies are what a team edits (no strategies: nothing to edit).
    return getAt(form.draft, ["strategies"]) === undefined ? (
      <NothingToEdit />
    ) : (
      <StrategiesEditor form={form} />
    );
  },
  scorecard: withStrategies(function ScorecardWithBands({ form }) {
    return (
      <>
        <ScorecardEditor form={form} />
        <ItemsEditor form={form} />
        <BandsEditor form={form} />
        <CustomerTypesEditor form={form} />
      </>
    );
  }),
  grid: withStrategies(function GridWithRanges({ form }) {
    return (
      <>
        <EligibilityEditor form={form} />
        <GridEditor form={form} visits={false} />
        <VisitRangesEditor form={form} />
      </>
    );
  }),
  lifecycle: withStrategies(LifecycleEditor),
  clv: withStrategies(ClvEditor),
  kmeans: KmeansEditor,
};

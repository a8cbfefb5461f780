import { useI18n } from "../../i18n";
import { getAt, numberOrText } from "../validate";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";
import { StrategiesEditor } from "./StrategiesEditor";
import { TiersEditor } from "./TiersEditor";

interface TierLike {
  key: string;
  name: { zh: string; en: string };
}

/** The tier list resized to `k` clusters: names kept by rank, new ranks named 第N类 / Cluster N. */
export function resizeTiers<T extends TierLike>(tiers: readonly T[], k: number): (T | TierLike)[] {
  const out: (T | TierLike)[] = tiers.slice(0, k);
  for (let i = out.length; i < k; i++)
    out.push({ key: `c${i + 1}`, name: { zh: `第${i + 1}类`, en: `Cluster ${i + 1}` } });
  return out;
}

/** k (the number of clusters), the seed, and the names and strategies of the clusters by rank. */
export function KmeansEditor({ form }: { form: EditorForm }) {
  const { t } = useI18n();
  const tiers = getAt(form.draft, ["tiers"]) as TierLike[] | undefined;
  return (
    <>
      <ValueField
        form={{
          ...form,
          // Changing k keeps one name per cluster, so the policy stays valid while the user types.
          set: (path, value) => {
            form.set(path, value);
            if (tiers && typeof value === "number" && Number.isInteger(value) && value >= 2 && value <= 9)
              form.set(["tiers"], resizeTiers(tiers, value));
          },
        }}
        path={["k"]}
        label={t("editor.k")}
        hint={t("editor.kHint")}
        kind="number"
        parse={numberOrText}
      />
      <ValueField
        form={form}
        path={["seed"]}
        label={t("editor.seed")}
        hint={t("editor.seedHint")}
        kind="number"
      />
      <TiersEditor form={form} withMin={false} withBenefits={false} />
      <StrategiesEditor form={form} />
    </>
  );
}

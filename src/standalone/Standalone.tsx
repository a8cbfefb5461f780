import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useCallback, useState, type DragEvent } from "react";
import type { WorkbookHost } from "../workbook/host";
import { useI18n } from "../i18n";
import { download } from "../taskpane/download";
import { FilePickerButton } from "../taskpane/FilePickerButton";
import { Pane } from "../taskpane/Pane";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  hidden: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
});

/** What the page needs from a file-backed workbook: the host, and its bytes to download. */
export interface FileWorkbook extends WorkbookHost {
  toXlsx(): Promise<Uint8Array>;
  /** Lets go of the workbook (ends its worker) when another file is opened. */
  close?(): void;
}

/** Opens a file as a workbook; the default loads exceljs only when a file is chosen. */
export type OpenWorkbook = (bytes: Uint8Array, fileName: string) => Promise<FileWorkbook>;

/**
 * Opens the file in a worker where the browser has workers (the page stays responsive while a large file
 * is read and graded), in the page otherwise (tests under jsdom).
 */
const openWithFileHost: OpenWorkbook = async (bytes, fileName) => {
  if (typeof Worker !== "undefined") {
    const { WorkerHost } = await import(/* webpackChunkName: "worker-host" */ "./worker-host");
    return WorkerHost.open(bytes, fileName);
  }
  // A workbook is graded into a surgical copy of itself (the same writer as `tier grade --out`); a CSV
  // becomes a new workbook.
  if (/\.xls[xm]$/i.test(fileName)) {
    const { PackageHost } = await import(/* webpackChunkName: "package-host" */ "../workbook/package-host");
    return PackageHost.fromBytes(bytes, fileName);
  }
  const { FileHost } = await import(/* webpackChunkName: "file-host" */ "../workbook/file-host");
  return FileHost.fromBytes(bytes, fileName);
};

type Opened =
  | { state: "none" }
  | { state: "opening"; file: string }
  | { state: "open"; file: string; host: FileWorkbook }
  | { state: "error"; file: string; reason: string };

export interface StandaloneProps {
  open?: OpenWorkbook;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The pane as a web page: open an .xlsx or .csv, grade it with the same steps, download the graded
 * workbook. Nothing is sent anywhere; the file is read and written in the page.
 */
export function Standalone({ open = openWithFileHost }: StandaloneProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [opened, setOpened] = useState<Opened>({ state: "none" });
  const [over, setOver] = useState(false);
  const [saving, setSaving] = useState<{ state: "idle" | "saving" } | { state: "error"; reason: string }>({
    state: "idle",
  });

  const openFile = useCallback(
    async (file: File) => {
      // The previous file's worker, if any, is ended: one workbook at a time.
      if (opened.state === "open") opened.host.close?.();
      setOpened({ state: "opening", file: file.name });
      setSaving({ state: "idle" });
      try {
        const host = await open(new Uint8Array(await file.arrayBuffer()), file.name);
        setOpened({ state: "open", file: file.name, host });
      } catch (e) {
        setOpened({ state: "error", file: file.name, reason: e instanceof Error ? e.message : String(e) });
      }
    },
    [open, opened],
  );

  // The file is made when the button is pressed, from the workbook as it is then: the visit plan, its
  // summary, the change log, the notifications and the history snapshot written after the grade are in it.
  const onDownload = useCallback(async () => {
    if (opened.state !== "open") return;
    setSaving({ state: "saving" });
    try {
      const bytes = await opened.host.toXlsx();
      download(
        new Blob([bytes as BlobPart], { type: XLSX_TYPE }),
        `${opened.file.replace(/\.[^.]+$/, "")}-graded.xlsx`,
      );
      setSaving({ state: "idle" });
    } catch (e) {
      setSaving({ state: "error", reason: e instanceof Error ? e.message : String(e) });
    }
  }, [opened]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files?.[0];
    if (file) void openFile(file);
  };

  const picker = (
    <div
      className={mergeClasses(styles.drop, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Caption1 className={styles.intro}>{t("standalone.intro")}</Caption1>
      <FilePickerButton
        accept=".xlsx,.xlsm,.csv,.txt,.tsv"
        icon={<DocumentArrowUpRegular />}
        onFile={(file) => void openFile(file)}
      >
        {t("standalone.open")}
      </FilePickerButton>
      <Caption1>{t("standalone.drop")}</Caption1>
      {opened.state === "opening" && (
        <Spinner size="tiny" label={t("standalone.opening", { file: opened.file })} />
      )}
      {opened.state === "open" && <Text>{t("standalone.file", { file: opened.file })}</Text>}
      {opened.state === "error" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t("standalone.openFailed", { file: opened.file, reason: opened.reason })}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  return (
    <Pane
      key={opened.state === "open" ? opened.file : "none"}
      host={opened.state === "open" ? opened.host : null}
      mode="standalone"
      title="standalone.title"
      top={picker}
      afterResult={
        <>
          <Button
            appearance="primary"
            icon={saving.state === "saving" ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
            disabled={saving.state === "saving"}
            onClick={() => void onDownload()}
          >
            {t("standalone.download")}
          </Button>
          {saving.state === "error" && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{saving.reason}</MessageBarBody>
            </MessageBar>
          )}
        </>
      }
    />
  );
}

/**
 * Saves a Blob as a file through a temporary link: the one way the pane and the standalone page
 * download (rules, change lists, the graded workbook). The URL is revoked a minute later, once the
 * browser has surely started the download.
 *
 * @example download(new Blob([json], { type: "application/json" }), "tier-rules-abc.json");
 */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

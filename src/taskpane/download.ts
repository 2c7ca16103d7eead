// Saving a file from the page: a Blob URL on a link with `download`, no request
// leaves the browser (the CSP forbids any). Used by the Excel host and the file host.

/** A browser download (some Office web views cannot save them; the Excel host's openWorkbook is the way there). */
export async function browserDownload(name: string, bytes: Uint8Array, mimeType: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

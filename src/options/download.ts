/** Saves text as a file through the browser's download, from an extension page. */

/**
 * How long the file's blob: URL stays valid after the click. Firefox reads the blob after the
 * click has returned, so revoking at once can cancel the download; the page unloading revokes it
 * anyway.
 */
const REVOKE_AFTER_MS = 60_000;

export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  // In the document while clicked: Firefox ignores a click on a detached link.
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

// Long enough for the browser to have read the file; the object URL is then released.
const REVOKE_AFTER_MS = 30_000;

/**
 * Saves data as a JSON file from memory: a Blob behind an object URL, clicked through a temporary
 * link. Nothing is fetched again, so the file is exactly what the page shows. (The CSP has no say
 * here: a download is neither a fetch nor a navigation it governs.)
 */
export function downloadJson(data: unknown, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

import { browser } from 'wxt/browser';

/**
 * Saves text as a file into the downloads folder, from an extension page, through the
 * downloads API: the same way in Chrome and Firefox, with no dialog.
 */
export async function downloadText(text: string, fileName: string, type: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([text], { type }));
  try {
    await browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    // The browser reads the blob when the download starts; keep it a little longer for slow disks.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

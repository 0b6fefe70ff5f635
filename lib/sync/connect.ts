import { SyncFileError } from './envelope';
import { createKeyFile, KEY_FILE, PBKDF2_ITERATIONS, readKeyFile, unlockKeyFile } from './key-file';
import type { Clock } from '../time/clock';
import { DavError, type DavClient, type DavErrorCode } from './webdav';

export type ConnectResult =
  | { ok: true; key: CryptoKey; created: boolean }
  | { ok: false; error: 'wrong-passphrase' | 'newer-format' | 'corrupt-file' | DavErrorCode };

/**
 * The folder's key for `passphrase`: from its key file, or from a new one when the folder
 * has none (`created`). Nothing else is written, and nothing at all with a wrong passphrase.
 */
export async function connect({ dav, passphrase, iterations = PBKDF2_ITERATIONS, now }: { dav: DavClient; passphrase: string; iterations?: number; now: Clock }): Promise<ConnectResult> {
  try {
    await dav.ensureFolder();
    let body = await keyFileBody(dav);
    if (body === null) {
      const created = await createKeyFile(passphrase, iterations, now());
      try {
        await dav.put(KEY_FILE, created.body, { ifNoneMatch: '*' });
        return { ok: true, key: created.key, created: true };
      } catch (error) {
        // Another device set the folder up at the same moment: its passphrase is the folder's.
        if (!(error instanceof DavError && error.code === 'conflict')) throw error;
        body = await keyFileBody(dav);
        if (body === null) throw error;
      }
    }
    const key = await unlockKeyFile(readKeyFile(body), passphrase);
    return key ? { ok: true, key, created: false } : { ok: false, error: 'wrong-passphrase' };
  } catch (error) {
    if (error instanceof DavError || error instanceof SyncFileError) return { ok: false, error: error.code };
    throw error;
  }
}

async function keyFileBody(dav: DavClient): Promise<Uint8Array | null> {
  try {
    const got = await dav.get(KEY_FILE);
    return got === 'not-modified' ? null : got.body;
  } catch (error) {
    if (error instanceof DavError && error.code === 'not-found') return null;
    throw error;
  }
}

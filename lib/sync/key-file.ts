import * as v from 'valibot';
import { Time } from '../schema/primitives';
import { seal, SyncFileError, unseal } from './envelope';

/** The folder's one plaintext file: how to derive the key from the passphrase, and a way to tell a wrong passphrase. */
export const KEY_FILE = 'social-hours.key';
const KEY_FORMAT = 'social-hours-sync';
const KEY_VERSION = 1;

/** PBKDF2-SHA256 iterations of a new folder (OWASP's figure for 2023 on): guessing one passphrase costs what deriving it does. */
export const PBKDF2_ITERATIONS = 600_000;
/** A file asking for more is refused: deriving its key would hang the extension. */
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;

/** A fixed text sealed with the key: opening it proves the passphrase before anything is read or written with it. */
const CHECK_TEXT = 'social-hours passphrase check';

const Base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/));

const KeyFileSchema = v.object({
  format: v.literal(KEY_FORMAT),
  version: v.literal(KEY_VERSION),
  createdAt: Time,
  kdf: v.object({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ITERATIONS)),
    salt: Base64,
  }),
  check: Base64,
});

export type KeyFile = v.InferOutput<typeof KeyFileSchema>;

/** A new key file for `passphrase`, and the key it gives. */
export async function createKeyFile(passphrase: string, iterations: number, now: number): Promise<{ body: Uint8Array<ArrayBuffer>; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await deriveKey(passphrase, salt, iterations);
  const file: KeyFile = {
    format: KEY_FORMAT,
    version: KEY_VERSION,
    createdAt: now,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    check: toBase64(await seal(key, KEY_FILE, CHECK_TEXT)),
  };
  return { body: new TextEncoder().encode(JSON.stringify(file)), key };
}

/** The key file's contents; throws 'newer-format' or 'corrupt-file'. */
export function readKeyFile(body: Uint8Array): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new SyncFileError('corrupt-file');
  }
  const header = v.safeParse(v.object({ format: v.literal(KEY_FORMAT), version: v.number() }), json);
  if (header.success && header.output.version > KEY_VERSION) throw new SyncFileError('newer-format');
  const parsed = v.safeParse(KeyFileSchema, json);
  if (!parsed.success) throw new SyncFileError('corrupt-file');
  return parsed.output;
}

/** The key `passphrase` gives for this folder, or null when it is not the folder's passphrase. */
export async function unlockKeyFile(file: KeyFile, passphrase: string): Promise<CryptoKey | null> {
  const key = await deriveKey(passphrase, fromBase64(file.kdf.salt), file.kdf.iterations);
  return (await opensCheck(file, key)) ? key : null;
}

/** Whether `key` is the key of the folder this file describes (its passphrase may have been changed since). */
export async function opensCheck(file: KeyFile, key: CryptoKey): Promise<boolean> {
  try {
    return (await unseal(key, KEY_FILE, fromBase64(file.check), v.string())) === CHECK_TEXT;
  } catch (error) {
    if (error instanceof SyncFileError) return false;
    throw error;
  }
}

/**
 * AES-GCM-256 from the passphrase by PBKDF2-SHA256. The passphrase is normalised (NFC), so
 * that the same words typed on another system give the same key. Not extractable: the key
 * can be kept in IndexedDB without its bytes ever being readable.
 */
async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

function toBase64(bytes: Uint8Array): string {
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

import * as v from 'valibot';
import { CleanText, Id } from '../schema/primitives';

/** Shorter passphrases fall to a guess: the key derivation slows each guess, it cannot make a short one strong. */
export const MIN_PASSPHRASE_LENGTH = 12;

const Name = v.pipe(CleanText(60), v.trim(), v.minLength(1, 'empty'));

/** What the user types to connect a browser to a WebDAV folder. The same schema checks the form and the message. */
export const WebDavSetupSchema = v.object({
  folderUrl: v.pipe(v.string(), v.trim(), v.minLength(1, 'empty'), v.maxLength(2000)),
  username: v.pipe(CleanText(200), v.trim(), v.minLength(1, 'empty')),
  password: v.pipe(v.string(), v.minLength(1, 'empty'), v.maxLength(500)),
  passphrase: v.pipe(v.string(), v.minLength(MIN_PASSPHRASE_LENGTH, 'too-short'), v.maxLength(500)),
  deviceName: Name,
  memberName: Name,
});
export type WebDavSetup = v.InferOutput<typeof WebDavSetupSchema>;

/**
 * How a connected browser reaches its folder, kept in `storage.local`. The server's password
 * must be kept to sync unattended; the passphrase is not: only the key derived from it, which
 * cannot be read back out of the browser (a non-extractable WebCrypto key in IndexedDB).
 */
export const WebDavCredentialsSchema = v.object({
  folderUrl: v.string(),
  username: v.string(),
  password: v.string(),
});
export type WebDavCredentials = v.InferOutput<typeof WebDavCredentialsSchema>;

export const WEBDAV_CONFIG_KEY = 'webdavSync';
/** This browser's device id in sync folders, kept across a disconnection so that it stays one device. */
export const DEVICE_ID_KEY = 'syncDeviceId';

export type SetupField = keyof WebDavSetup;

/** The form's problems by field, as codes (`empty`, `too-short`, …): nothing is sent while there is one. */
export function setupProblems(input: unknown): Partial<Record<SetupField, string>> {
  const result = v.safeParse(WebDavSetupSchema, input);
  if (result.success) return {};
  const problems: Partial<Record<SetupField, string>> = {};
  for (const issue of result.issues) {
    const field = issue.path?.[0]?.key as SetupField | undefined;
    if (field && !problems[field]) problems[field] = issue.message === 'empty' || issue.message === 'too-short' ? issue.message : 'invalid';
  }
  return problems;
}

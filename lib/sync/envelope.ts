import * as v from 'valibot';

/** Problems with one file of the sync folder, in words the user can be given. */
export type SyncFileProblem = 'wrong-passphrase' | 'corrupt-file' | 'newer-format';

export class SyncFileError extends Error {
  constructor(readonly code: SyncFileProblem) {
    super(code);
  }
}

/** "SHSY" and the format version: a file from a later version of the extension is told apart from a damaged one. */
const MAGIC = [0x53, 0x48, 0x53, 0x59];
const FORMAT_VERSION = 1;
const HEADER_BYTES = MAGIC.length + 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Larger contents are refused while decompressing: years of one device's months are far smaller, and a small file must not expand without bound. */
const MAX_CONTENTS_BYTES = 50 * 1024 * 1024;

const utf8 = new TextEncoder();

/**
 * The additional data of a file's encryption: its header and its name. A file copied over
 * another (another device's month, or another month) fails to open instead of being read
 * as what its name says.
 */
function additionalData(name: string): Uint8Array<ArrayBuffer> {
  const nameBytes = utf8.encode(name);
  const data = new Uint8Array(HEADER_BYTES + nameBytes.length);
  data.set([...MAGIC, FORMAT_VERSION]);
  data.set(nameBytes, HEADER_BYTES);
  return data;
}

/** The file `name` holding `value`: header, random IV, AES-GCM of gzip(JSON). */
export async function seal(key: CryptoKey, name: string, value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = await gzip(utf8.encode(JSON.stringify(value)));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(name) }, key, plain));
  const file = new Uint8Array(HEADER_BYTES + IV_BYTES + cipher.length);
  file.set([...MAGIC, FORMAT_VERSION]);
  file.set(iv, HEADER_BYTES);
  file.set(cipher, HEADER_BYTES + IV_BYTES);
  return file;
}

/**
 * The contents of the file `name`, checked by `schema`. Throws a `SyncFileError`:
 * 'newer-format' for a file written by a later version, 'corrupt-file' for anything that
 * does not open and check (truncated, altered, renamed, or sealed with another key).
 */
export async function unseal<S extends v.GenericSchema>(key: CryptoKey, name: string, file: Uint8Array, schema: S): Promise<v.InferOutput<S>> {
  if (file.length < HEADER_BYTES || MAGIC.some((byte, i) => file[i] !== byte)) throw new SyncFileError('corrupt-file');
  if (file[MAGIC.length]! > FORMAT_VERSION) throw new SyncFileError('newer-format');
  if (file[MAGIC.length] !== FORMAT_VERSION || file.length < HEADER_BYTES + IV_BYTES + TAG_BYTES) throw new SyncFileError('corrupt-file');
  let json: unknown;
  try {
    const iv = file.slice(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: additionalData(name) }, key, file.slice(HEADER_BYTES + IV_BYTES));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await gunzip(new Uint8Array(plain))));
  } catch {
    throw new SyncFileError('corrupt-file');
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) throw new SyncFileError('corrupt-file');
  return parsed.output;
}

async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_CONTENTS_BYTES) {
      await reader.cancel();
      throw new Error('contents too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { seal, SyncFileError, unseal } from '../../../lib/sync/envelope';
import { connect } from '../../../lib/sync/connect';
import { KEY_FILE, readKeyFile } from '../../../lib/sync/key-file';
import { FakeDav } from './fake-dav';

const ITERATIONS = 1000;
const now = () => Date.UTC(2026, 10, 30, 10);

async function folderKey(passphrase = 'correct horse battery staple') {
  const dav = new FakeDav(now);
  const connected = await connect({ dav, passphrase, iterations: ITERATIONS, now });
  if (!connected.ok) throw new Error(connected.error);
  return { dav, key: connected.key };
}

const Contents = v.object({ sessions: v.array(v.object({ id: v.string() })) });
const contents = { sessions: [{ id: 'a' }, { id: 'b' }] };

async function problem(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    if (error instanceof SyncFileError) return error.code;
    throw error;
  }
}

describe('sync file envelope', () => {
  it('opens what it sealed, under the same name', async () => {
    const { key } = await folderKey();
    const file = await seal(key, 'abcdefghijklmnop.2026-11.sessions', contents);
    expect(await unseal(key, 'abcdefghijklmnop.2026-11.sessions', file, Contents)).toEqual(contents);
    // Compressed and encrypted: the ids are nowhere in the bytes, and two seals differ (random IV).
    expect(Buffer.from(file).includes('sessions')).toBe(false);
    expect(Buffer.from(await seal(key, 'x', contents)).equals(Buffer.from(await seal(key, 'x', contents)))).toBe(false);
  });

  it('refuses a file with one byte changed, anywhere', async () => {
    const { key } = await folderKey();
    const file = await seal(key, 'f', contents);
    for (const at of [0, 4, 5, 16, file.length - 1]) {
      const tampered = file.slice();
      tampered[at]! ^= 0x01;
      expect(await problem(unseal(key, 'f', tampered, Contents))).toBe('corrupt-file');
    }
  });

  it('tells a file of a later format from a damaged one', async () => {
    const { key } = await folderKey();
    const file = await seal(key, 'f', contents);
    file[4] = 2;
    expect(await problem(unseal(key, 'f', file, Contents))).toBe('newer-format');
  });

  it('refuses a file renamed as another device\'s or another month\'s', async () => {
    const { key } = await folderKey();
    const file = await seal(key, 'abcdefghijklmnop.2026-11.sessions', contents);
    expect(await problem(unseal(key, 'abcdefghijklmnop.2026-10.sessions', file, Contents))).toBe('corrupt-file');
    expect(await problem(unseal(key, 'qrstuvwxyzabcdef.2026-11.sessions', file, Contents))).toBe('corrupt-file');
  });

  it('refuses a truncated file, an empty one, and contents of the wrong shape', async () => {
    const { key } = await folderKey();
    const file = await seal(key, 'f', contents);
    expect(await problem(unseal(key, 'f', file.slice(0, file.length - 3), Contents))).toBe('corrupt-file');
    expect(await problem(unseal(key, 'f', new Uint8Array(0), Contents))).toBe('corrupt-file');
    expect(await problem(unseal(key, 'f', await seal(key, 'f', { sessions: 'no' }), Contents))).toBe('corrupt-file');
  });

  it('refuses a file sealed with another folder\'s key', async () => {
    const { key } = await folderKey('one passphrase');
    const { key: other } = await folderKey('another passphrase');
    expect(await problem(unseal(other, 'f', await seal(key, 'f', contents), Contents))).toBe('corrupt-file');
  });
});

describe('connecting to a folder', () => {
  it('sets up an empty folder with a key file that says how to derive the key, and nothing else', async () => {
    const { dav } = await folderKey();
    expect([...dav.files.keys()]).toEqual([KEY_FILE]);
    const file = readKeyFile(dav.files.get(KEY_FILE)!.body);
    expect(file.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS });
    expect(file.format).toBe('social-hours-sync');
  });

  it('gives the same key to a second device with the same passphrase', async () => {
    const { dav, key } = await folderKey('same words');
    const second = await connect({ dav, passphrase: 'same words', iterations: 5, now });
    expect(second.ok && !second.created).toBe(true);
    const file = await seal(key, 'f', contents);
    expect(await unseal((second as { key: CryptoKey }).key, 'f', file, Contents)).toEqual(contents);
  });

  it('says a passphrase is wrong before anything is written, and leaves the folder as it was', async () => {
    const { dav } = await folderKey('the right one');
    const before = dav.snapshot();
    expect(await connect({ dav, passphrase: 'the wrong one', iterations: ITERATIONS, now })).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect(dav.snapshot()).toEqual(before);
    expect(dav.log.filter((entry) => entry.startsWith('put'))).toEqual([`put ${KEY_FILE}`]);
  });

  it('tells a key file of a later version from a damaged one', async () => {
    const { dav } = await folderKey();
    const file = JSON.parse(Buffer.from(dav.files.get(KEY_FILE)!.body).toString());
    dav.files.get(KEY_FILE)!.body = Buffer.from(JSON.stringify({ ...file, version: 2 }));
    expect(await connect({ dav, passphrase: 'x', now })).toEqual({ ok: false, error: 'newer-format' });
    dav.files.get(KEY_FILE)!.body = Buffer.from('{"format":"social-hours-sync"');
    expect(await connect({ dav, passphrase: 'x', now })).toEqual({ ok: false, error: 'corrupt-file' });
  });

  it('takes the folder\'s key when another device set it up at the same moment', async () => {
    const dav = new FakeDav(now);
    dav.onNextPut(async () => {
      await connect({ dav: new FakeDav(now), passphrase: 'unused', iterations: ITERATIONS, now });
      const other = await connect({ dav, passphrase: 'first', iterations: ITERATIONS, now });
      expect(other.ok && other.created).toBe(true);
    });
    expect(await connect({ dav, passphrase: 'second', iterations: ITERATIONS, now })).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect(await connect({ dav, passphrase: 'first', iterations: ITERATIONS, now })).toMatchObject({ ok: true, created: false });
  });

  it('reports the server\'s refusal in words', async () => {
    const dav = new FakeDav(now);
    dav.failNext('get', 'unauthorized');
    expect(await connect({ dav, passphrase: 'x', iterations: ITERATIONS, now })).toEqual({ ok: false, error: 'unauthorized' });
  });
});

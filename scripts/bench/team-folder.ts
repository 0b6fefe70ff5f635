// A sync folder as an agency's browsers leave it after a year: every file sealed by the
// extension's own code (seal, publishedSessions, the key file), written through a DavClient.
import type { SessionRecord, TombstoneRecord } from '../../lib/db/records';
import { seal } from '../../lib/sync/envelope';
import { deviceFileName, monthFileName, monthOf, tombstonesFileName } from '../../lib/sync/file-names';
import { createKeyFile, KEY_FILE, PBKDF2_ITERATIONS } from '../../lib/sync/key-file';
import { publishedSessions } from '../../lib/sync/publish';
import type { DavClient } from '../../lib/sync/webdav';
import { generateHistory } from './history';

export interface TeamFolderOptions {
  dav: DavClient;
  passphrase: string;
  devices: number;
  clients: number;
  from: number;
  to: number;
  perDay: number;
}

export interface TeamFolder {
  key: CryptoKey;
  files: number;
  bytes: number;
  sessions: number;
  tombstones: number;
  /** Another device edits one session of its latest month and writes that month again, as its next sync would. */
  editOneSession(note: string, at: number): Promise<{ file: string; sessionId: string }>;
}

/** One session in this many was deleted during the year: every device has a tombstones file. */
const DELETED_ONE_IN = 200;

const deviceId = (i: number) => `benchdevice${String(i + 1).padStart(5, '0')}`;

/**
 * Writes the key file, then each device's description, deletions and UTC months: `devices`
 * people of one agency, each with a history of their own (another seed) over the same
 * clients. One device at a time, so that only one person's year is held in memory.
 */
export async function writeTeamFolder(options: TeamFolderOptions): Promise<TeamFolder> {
  const { dav } = options;
  const { body, key } = await createKeyFile(options.passphrase, PBKDF2_ITERATIONS, options.from);
  await dav.ensureFolder();
  await dav.put(KEY_FILE, body, { ifNoneMatch: '*' });
  const folder = { files: 1, bytes: body.length, sessions: 0, tombstones: 0 };
  const put = async (name: string, contents: unknown, condition: { ifMatch: string } | { ifNoneMatch: '*' } = { ifNoneMatch: '*' }) => {
    const sealed = await seal(key, name, contents);
    const { etag } = await dav.put(name, sealed, condition);
    folder.bytes += sealed.length;
    return etag;
  };

  let latest: { name: string; sessions: SessionRecord[]; etag: string } | null = null;
  for (let i = 0; i < options.devices; i++) {
    const device = deviceId(i);
    const history = generateHistory({ clients: options.clients, from: options.from, to: options.to, perDay: options.perDay, seed: 1000 + i, idPrefix: device });
    const kept = history.sessions.filter((_, n) => n % DELETED_ONE_IN !== 0);
    const tombstones: TombstoneRecord[] = history.sessions.filter((_, n) => n % DELETED_ONE_IN === 0).map((s) => ({ table: 'sessions', id: s.id, deletedAt: s.updatedAt + 60_000 }));
    const months = Map.groupBy(kept, (s) => monthOf(s.start));
    await put(deviceFileName(device), { name: `Browser ${i + 1}`, member: `Member ${i + 1}`, writtenAt: options.to });
    await put(tombstonesFileName(device), { tombstones });
    for (const [month, sessions] of months) {
      const name = monthFileName(device, month);
      const published = publishedSessions(sessions, device);
      latest = { name, sessions: published, etag: await put(name, { sessions: published }) };
    }
    folder.files += 2 + months.size;
    folder.sessions += kept.length;
    folder.tombstones += tombstones.length;
  }

  return {
    key,
    ...folder,
    async editOneSession(note, at) {
      if (!latest) throw new Error('the folder has no sessions');
      const edited = latest.sessions.map((s, i) => (i === 0 ? { ...s, note, updatedAt: at } : s));
      latest = { ...latest, sessions: edited, etag: await put(latest.name, { sessions: edited }, { ifMatch: latest.etag }) };
      return { file: latest.name, sessionId: edited[0]!.id };
    },
  };
}

import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { SocialHoursDatabase } from '../../lib/db/database';
import type { CommandResponse } from '../../lib/messaging/protocol';
import { connect, runSync } from '../../lib/sync/engine';
import { parseFolderUrl } from '../../lib/sync/folder-url';
import { newDeviceId } from '../../lib/sync/file-names';
import type { SyncOutcome } from '../../lib/sync/scheduler';
import type { DeviceInfo, SyncErrorCode } from '../../lib/sync/status';
import { DatabaseSyncStore, loadConnection, saveConnection } from '../../lib/sync/sync-store';
import { createDavClient } from '../../lib/sync/webdav';
import { DEVICE_ID_KEY, WEBDAV_CONFIG_KEY, WebDavCredentialsSchema, type WebDavCredentials, type WebDavSetup } from '../../lib/sync/webdav-setup';
import type { Clock } from '../../lib/time/clock';

/** A clock an hour off is worth telling; a few seconds are the network's. */
const SKEW_WORTH_TELLING_MS = 60_000;

async function credentials(): Promise<WebDavCredentials | null> {
  const parsed = v.safeParse(WebDavCredentialsSchema, (await browser.storage.local.get(WEBDAV_CONFIG_KEY))[WEBDAV_CONFIG_KEY]);
  return parsed.success ? parsed.output : null;
}

/** The folder's origin alone: without it the browser blocks the requests, and a network error would hide why. */
async function permitted(folderUrl: string): Promise<boolean> {
  const url = parseFolderUrl(folderUrl);
  return url.ok && (await browser.permissions.contains({ origins: [url.permission] }));
}

async function deviceId(): Promise<string> {
  const stored = (await browser.storage.local.get(DEVICE_ID_KEY))[DEVICE_ID_KEY];
  if (typeof stored === 'string') return stored;
  const id = newDeviceId();
  await browser.storage.local.set({ [DEVICE_ID_KEY]: id });
  return id;
}

/** The WebDAV side of the background: connecting a folder, one sync, and forgetting it. */
export function webDavSync(db: SocialHoursDatabase, clock: Clock) {
  const store = new DatabaseSyncStore(db);
  const dav = (c: WebDavCredentials) => createDavClient({ folderUrl: c.folderUrl, username: c.username, password: c.password });

  const devicesOf = async (self: DeviceInfo): Promise<DeviceInfo[]> => [
    self,
    ...(await db.syncDevices.toArray()).map((d) => ({ id: d.id, name: d.name, member: d.member, lastSeenAt: d.lastSeen })).sort((a, b) => a.name.localeCompare(b.name)),
  ];

  return {
    /** Checks everything before keeping anything: the folder answers, the passphrase opens it (or sets it up). */
    async connect(setup: WebDavSetup): Promise<{ response: CommandResponse; device?: DeviceInfo; folderUrl?: string }> {
      const url = parseFolderUrl(setup.folderUrl);
      if (!url.ok) return { response: { ok: false, error: 'bad-response' } };
      if (!(await permitted(url.url))) return { response: { ok: false, error: 'permission-missing' } };
      const creds = { folderUrl: url.url, username: setup.username, password: setup.password };
      const result = await connect({ dav: dav(creds), passphrase: setup.passphrase, now: clock });
      if (!result.ok) return { response: { ok: false, error: result.error } };
      const device = { id: await deviceId(), name: setup.deviceName, member: setup.memberName };
      await saveConnection(db, { key: result.key, device });
      await browser.storage.local.set({ [WEBDAV_CONFIG_KEY]: creds });
      return { response: { ok: true }, device: { ...device, lastSeenAt: null }, folderUrl: url.url };
    },

    async run(): Promise<SyncOutcome<'webdav'>> {
      const [creds, connection] = await Promise.all([credentials(), loadConnection(db)]);
      if (!creds || !connection) return { problem: { code: 'key-missing' } };
      if (!(await permitted(creds.folderUrl))) return { problem: { code: 'permission-missing' } };
      const report = await runSync({ dav: dav(creds), key: connection.key, device: connection.device, store, now: clock });
      const self = { ...connection.device, lastSeenAt: report.error === null ? report.finishedAt : null };
      const skew = report.serverClockSkewMs;
      return {
        problem: report.error === null ? null : { code: report.error as SyncErrorCode },
        details: {
          devices: await devicesOf(self),
          clockSkewMs: skew !== null && Math.abs(skew) >= SKEW_WORTH_TELLING_MS ? skew : null,
          fileProblems: report.problems.map((p) => ({ name: p.file, code: p.code })),
        },
      };
    },

    /** Forgets the key, the password and what was known of the folder; the sessions and the folder's files stay. */
    async disconnect(): Promise<void> {
      await browser.storage.local.remove(WEBDAV_CONFIG_KEY);
      await db.transaction('rw', db.syncConfig, db.syncFiles, db.syncDevices, async () => {
        await db.syncConfig.clear();
        await db.syncFiles.clear();
        await db.syncDevices.clear();
      });
    },
  };
}

// An agency's year, merged by the extension's own background sync: its folder on a real
// WebDAV server (Debian's Apache), the merge in the built extension's service worker, into
// Chromium's IndexedDB.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import type { TestHooks } from '../../entrypoints/background/test-hooks';
import { createDavClient } from '../../lib/sync/webdav';
import type { WebDavSetup } from '../../lib/sync/webdav-setup';
import type { ExtensionBrowser } from '../../tests/browser/support/chromium';
import { startWebDavServer, trustCertificate } from '../../tests/support/webdav-server';
import { findBrowserPid, TreeCpuMeter } from './proc-cpu';
import { TreePeakMemory, treeMemory, type MemoryByKind } from './proc-memory';
import { writeTeamFolder } from './team-folder';

const MiB = 2 ** 20;
const PASSPHRASE = 'agency folder passphrase for the bench';

export interface TeamSyncOptions {
  devices: number;
  clients: number;
  from: number;
  to: number;
  perDay: number;
  log: (line: string) => void;
}

export interface TeamSyncResult {
  devices: number;
  folder: { files: number; megabytes: number; sessions: number; tombstones: number; writeMs: number };
  firstSync: {
    /** From "Connect" until the key was derived (PBKDF2) and kept: the sync starts then. */
    connectMs: number;
    ms: number;
    /** Requests the server served, by method and status. */
    requests: Record<string, number>;
    sessionsAfter: number;
    /** The extension's IndexedDB on disk, before and after. */
    databaseMiB: { before: number; after: number };
    /** Resident memory before the sync, and the highest of each process during it, summed per kind of process. */
    memoryBeforeMiB: MemoryByKind;
    memoryPeakMiB: MemoryByKind;
    /** CPU seconds of the extension's process (the service worker) and of the browser's (IndexedDB): what a loaded machine does not change. */
    cpuSeconds: { extension: number; browser: number };
  };
  incrementalSync: { ms: number; requests: Record<string, number>; changedFile: string; cpuSeconds: { extension: number; browser: number } };
}

/** The e2e build's test hooks, in the service worker where `evaluate` callbacks run. */
declare const socialHoursTest: TestHooks;

/** `METHOD status` → how many, for the requests after the first `from`. */
function countRequests(lines: readonly string[], from: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines.slice(from)) {
    const [method, , status] = line.split(' ');
    counts[`${method} ${status}`] = (counts[`${method} ${status}`] ?? 0) + 1;
  }
  return counts;
}

function directoryBytes(path: string): number {
  return readdirSync(path, { withFileTypes: true }).reduce((sum, entry) => {
    const child = join(path, entry.name);
    return sum + (entry.isDirectory() ? directoryBytes(child) : statSync(child).size);
  }, 0);
}

const inMiB = (memory: MemoryByKind): MemoryByKind =>
  Object.fromEntries(Object.entries(memory).map(([kind, bytes]) => [kind, Math.round(bytes / MiB)])) as MemoryByKind;

/** A session in the extension's database and how many there are, read in its service worker. */
function readDatabase(worker: Worker, id: string): Promise<{ session: { note?: string } | undefined; sessions: number }> {
  return worker.evaluate(
    (sessionId) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('social-hours');
        open.onsuccess = () => {
          const store = open.result.transaction('sessions').objectStore('sessions');
          const get = store.get(sessionId);
          const count = store.count();
          count.onsuccess = () => {
            open.result.close();
            resolve({ session: get.result as { note?: string } | undefined, sessions: count.result });
          };
          count.onerror = () => reject(count.error);
        };
        open.onerror = () => reject(open.error);
      }),
    id,
  );
}

/**
 * `devices` other browsers of the agency have synced a history each into a folder; this
 * browser (the extension in `ext`, with its own history) connects to it: its first sync
 * merges everything and publishes its own months. Then one of the others edits one session,
 * and this browser syncs again.
 */
export async function measureTeamSync(ext: ExtensionBrowser, options: TeamSyncOptions): Promise<TeamSyncResult> {
  const server = await startWebDavServer();
  try {
    trustCertificate(server.certificatePath);
    const dav = createDavClient({ folderUrl: server.folderUrl, username: server.username, password: server.password });
    const writing = Date.now();
    const folder = await writeTeamFolder({ dav, passphrase: PASSPHRASE, ...options });
    const writeMs = Date.now() - writing;
    options.log(`team folder: ${folder.files} files, ${(folder.bytes / MiB).toFixed(1)} MiB, ${folder.sessions} sessions of ${options.devices} devices, written in ${(writeMs / 1000).toFixed(1)} s`);

    const browserPid = findBrowserPid(ext.profileDir);
    if (browserPid === null) throw new Error('the browser process was not found');
    const setup: WebDavSetup = { folderUrl: server.folderUrl, username: server.username, password: server.password, passphrase: PASSPHRASE, deviceName: 'Bench browser', memberName: 'Bench member' };
    const database = join(ext.profileDir, 'Default', 'IndexedDB');
    const databaseBefore = directoryBytes(database);
    const memoryBefore = treeMemory(browserPid);
    const peak = new TreePeakMemory(browserPid);
    let served = server.requests().length;
    let cpu = new TreeCpuMeter(browserPid);
    peak.start();
    cpu.start();
    // In the extension's service worker, through the background's own WebDAV sync.
    const worker = await ext.worker();
    const first = await worker.evaluate(async (folder) => {
      const connecting = performance.now();
      const connected = await socialHoursTest.connectWebDav(folder);
      const syncing = performance.now();
      const outcome = connected.ok ? await socialHoursTest.syncWebDav() : null;
      return { connected, connectMs: syncing - connecting, ms: performance.now() - syncing, problem: outcome?.problem ?? null };
    }, setup);
    const memoryPeak = peak.stop();
    const firstCpu = cpu.stop().byKind;
    if (!first.connected.ok || first.problem) throw new Error(`the first sync failed: ${JSON.stringify(first)}`);
    const firstRequests = countRequests(server.requests(), served);
    const databaseAfter = directoryBytes(database);
    const edit = await folder.editOneSession('Edited on another browser', Date.now());
    const sessionsAfter = (await readDatabase(worker, edit.sessionId)).sessions;
    options.log(`first sync: ${(first.ms / 1000).toFixed(1)} s after connecting (${first.connectMs.toFixed(0)} ms), ${sessionsAfter} sessions here, requests ${JSON.stringify(firstRequests)}`);

    served = server.requests().length;
    cpu = new TreeCpuMeter(browserPid);
    cpu.start();
    const incremental = await worker.evaluate(async () => {
      const started = performance.now();
      const { problem } = await socialHoursTest.syncWebDav();
      return { ms: performance.now() - started, problem };
    });
    const incrementalCpu = cpu.stop().byKind;
    if (incremental.problem) throw new Error(`the incremental sync failed: ${JSON.stringify(incremental.problem)}`);
    const incrementalRequests = countRequests(server.requests(), served);
    if ((await readDatabase(worker, edit.sessionId)).session?.note !== 'Edited on another browser') throw new Error('the incremental sync did not bring the edited session');
    options.log(`incremental sync: ${incremental.ms.toFixed(0)} ms, requests ${JSON.stringify(incrementalRequests)}`);

    return {
      devices: options.devices,
      folder: { files: folder.files, megabytes: folder.bytes / MiB, sessions: folder.sessions, tombstones: folder.tombstones, writeMs },
      firstSync: {
        connectMs: first.connectMs,
        ms: first.ms,
        requests: firstRequests,
        sessionsAfter,
        databaseMiB: { before: Math.round(databaseBefore / MiB), after: Math.round(databaseAfter / MiB) },
        memoryBeforeMiB: inMiB(memoryBefore),
        memoryPeakMiB: inMiB(memoryPeak),
        cpuSeconds: { extension: firstCpu.extension, browser: firstCpu.browser },
      },
      incrementalSync: { ms: incremental.ms, requests: incrementalRequests, changedFile: edit.file, cpuSeconds: { extension: incrementalCpu.extension, browser: incrementalCpu.browser } },
    };
  } finally {
    await server.close();
  }
}

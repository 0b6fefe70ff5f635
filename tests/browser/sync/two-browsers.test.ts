import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/db/records';
import { startWebDavServer, type WebDavServer } from '../../support/webdav-server';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { ExtensionDriver, actOn } from '../support/extension';
import { startFakeSites, type FakeSites } from '../support/fake-sites';

const PASSPHRASE = 'correct horse battery staple';

/** The extension API inside the service worker, where `inWorker` callbacks run. */
declare const chrome: Browser;

let sites: FakeSites;
let server: WebDavServer;
const open: ExtensionBrowser[] = [];

beforeAll(async () => {
  [sites, server] = await Promise.all([startFakeSites(), startWebDavServer()]);
});
afterAll(async () => {
  await Promise.all([sites?.close(), server?.close()]);
});
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
  server.setFull(false);
  await server.start().catch(() => undefined);
});

interface Device {
  browser: ExtensionBrowser;
  ext: ExtensionDriver;
  dashboard: Page;
}

/** A browser that has worked `seconds` on `url`, with its dashboard open on the Sync section. */
async function deviceWithTime(url: string, seconds: number): Promise<Device> {
  const browser = await launchWithExtension(sites);
  open.push(browser);
  const ext = new ExtensionDriver(browser);
  const page = browser.context.pages()[0]!;
  await page.goto(url);
  await page.bringToFront();
  await actOn(page);
  for (let t = 20; t <= seconds; t += 20) {
    await ext.advanceClock(20);
    await actOn(page);
  }
  await ext.sessions();
  const dashboard = await browser.extensionPage('options.html#sync');
  await dashboard.getByTestId('sync-connect-form').waitFor();
  return { browser, ext, dashboard };
}

async function fillConnect(dashboard: Page, fields: { password?: string; passphrase?: string; device: string; member: string }): Promise<void> {
  await dashboard.getByTestId('sync-folderUrl').fill(server.folderUrl);
  await dashboard.getByTestId('sync-username').fill(server.username);
  await dashboard.getByTestId('sync-password').fill(fields.password ?? server.password);
  await dashboard.getByTestId('sync-passphrase').fill(fields.passphrase ?? PASSPHRASE);
  await dashboard.getByTestId('sync-deviceName').fill(fields.device);
  await dashboard.getByTestId('sync-memberName').fill(fields.member);
  await dashboard.getByTestId('sync-connect').click();
}

/** Connects through the dashboard's form, as a user does, and waits for the first sync to end well. */
async function connect(device: Device, name: string, member: string): Promise<void> {
  await fillConnect(device.dashboard, { device: name, member });
  await expect.poll(() => device.dashboard.getByTestId('sync-dav-state').textContent(), { timeout: 60_000 }).toMatch(/Last synced/);
}

/** "Sync now", and a wait until that attempt has ended (the test clock moves only when told, so it moves first). */
async function syncNow(device: Device): Promise<void> {
  await device.ext.advanceClock(1);
  const lastAttempt = () =>
    device.ext.inWorker(async () => ((await chrome.storage.local.get('syncStatus')).syncStatus as { webdav?: { lastAttemptAt?: number } } | undefined)?.webdav?.lastAttemptAt ?? 0, null);
  const before = await lastAttempt();
  await device.dashboard.getByTestId('sync-now').click();
  await expect.poll(lastAttempt, { timeout: 60_000 }).toBeGreaterThan(before);
}

const shape = (sessions: SessionRecord[]) => sessions.map((s) => `${s.id} ${s.start} ${s.end} ${s.clientId} ${s.platform}`).sort();
const seconds = (sessions: SessionRecord[]) => sessions.reduce((sum, s) => sum + (s.end - s.start) / 1000, 0);

/** The folder's files and their bytes: what a failed attempt must leave as it was. */
function folderSnapshot(): Record<string, string> {
  const dir = server.dataDir;
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}


describe('two browsers syncing through a real WebDAV server (Apache mod_dav, HTTPS, basic auth)', () => {
  it('end with the same sessions and totals, each device listed with its member, and talk to that origin only', async () => {
    const a = await deviceWithTime('https://www.facebook.com/boulangerie-dupont', 120);
    const b = await deviceWithTime('https://www.instagram.com/fleuriste.martin/', 60);
    sites.log.length = 0;
    await connect(a, 'Office laptop', 'Marie');
    await connect(b, 'Home desktop', 'Lucas');
    await syncNow(a);

    const [onA, onB] = [await a.ext.storedSessions(), await b.ext.storedSessions()];
    expect(shape(onA)).toEqual(shape(onB));
    expect(seconds(onA)).toBe(seconds(onB));
    expect(seconds(onA)).toBeGreaterThanOrEqual(180);
    // Each session says who recorded it, and both browsers agree.
    expect(new Set(onA.map((s) => s.recordedBy)).size).toBe(2);

    const devices = a.dashboard.getByTestId('sync-devices');
    await expect.poll(() => devices.textContent()).toMatch(/Office laptop.*Marie/);
    await expect.poll(() => devices.textContent()).toMatch(/Home desktop.*Lucas/);
    // Reports tell the members' time apart.
    await a.dashboard.goto(a.dashboard.url().replace(/#.*$/, '#reports'));
    await expect.poll(() => a.dashboard.getByTestId('period-members').textContent()).toMatch(/Marie.*Lucas|Lucas.*Marie/);

    // The folder holds only encrypted files named by device and month: no client, no account.
    const files = Object.keys(folderSnapshot());
    expect(files).toContain('social-hours.key');
    for (const name of files) expect(readFileSync(join(server.dataDir, name), 'latin1')).not.toMatch(/boulangerie|fleuriste|facebook|instagram/i);
    // Every host resolves to the fake sites' server: apart from the pages the test opened, it saw nothing (the sync went to 127.0.0.1 only).
    expect(sites.log.filter((r) => r.dest !== 'document' && r.path !== '/favicon.ico' && !/(google|gstatic)/.test(r.host))).toEqual([]);
  });

  it('says in words what went wrong, and loses nothing: wrong password, wrong passphrase, server down, disk full', async () => {
    const a = await deviceWithTime('https://www.facebook.com/boulangerie-dupont', 60);
    await connect(a, 'Office laptop', 'Marie');
    const b = await deviceWithTime('https://www.instagram.com/fleuriste.martin/', 40);
    const before = folderSnapshot();

    await fillConnect(b.dashboard, { password: 'not the password', device: 'Home desktop', member: 'Lucas' });
    await expect.poll(() => b.dashboard.getByTestId('sync-connect-error').textContent(), { timeout: 60_000 }).toMatch(/refused the user name or password/);
    await fillConnect(b.dashboard, { passphrase: 'another passphrase entirely', device: 'Home desktop', member: 'Lucas' });
    await expect.poll(() => b.dashboard.getByTestId('sync-connect-error').textContent(), { timeout: 60_000 }).toMatch(/Wrong passphrase/);
    expect(folderSnapshot()).toEqual(before);
    await connect(b, 'Home desktop', 'Lucas');

    await server.stop();
    await syncNow(a);
    await expect.poll(() => a.dashboard.getByTestId('sync-dav-state').textContent()).toMatch(/could not be reached/);
    const popup = await a.browser.extensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('popup-sync').textContent()).toMatch(/could not be reached/);
    await server.start();

    server.setFull(true);
    const page = a.browser.context.pages()[0]!;
    await page.goto('https://www.linkedin.com/company/acme-conseil/');
    await page.bringToFront();
    await actOn(page);
    await a.ext.advanceClock(30);
    await actOn(page);
    await a.ext.sessions();
    await syncNow(a);
    await expect.poll(() => a.dashboard.getByTestId('sync-dav-state').textContent()).toMatch(/storage is full/);
    server.setFull(false);
    await syncNow(a);
    await expect.poll(() => a.dashboard.getByTestId('sync-dav-state').textContent()).toMatch(/Last synced/);
    await syncNow(b);

    const [onA, onB] = [await a.ext.storedSessions(), await b.ext.storedSessions()];
    expect(shape(onB)).toEqual(shape(onA));
    expect(onA.some((s) => s.platform === 'linkedin')).toBe(true);
  });
});

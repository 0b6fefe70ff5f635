import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import type { ClientRecord, ContractTerm, SessionRecord } from '../../lib/db/records';
import type { ExtensionBrowser } from './support/chromium';
import { browserPerTest } from './support/browser-per-test';
import { axeViolations } from './support/axe';

/** Chrome's largest popup is 800 × 600; the popup sets its own width (popup.css). */
/** The extension API of an extension page, where `evaluate` callbacks run. */
declare const chrome: Browser;

const POPUP_HEIGHT = 600;
const POPUP_WIDTH = 380;
const HOUR_MS = 3_600_000;

const browsers = browserPerTest();

const iso = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Eight clients, two of each kind of contract (day, week, month, none), with long French-ish
 * names, and time that puts some over, some near, some behind their pace: the longest rows.
 */
function eightClients(now: number): { clients: ClientRecord[]; sessions: SessionRecord[] } {
  const from = iso(now - 60 * 24 * HOUR_MS);
  const terms: Array<ContractTerm | null> = [
    { from, period: 'day', hours: 1 },
    { from, period: 'day', hours: 0.5 },
    { from, period: 'week', hours: 5 },
    { from, period: 'week', hours: 10, carryOver: { enabled: true, capMinutes: 120 } },
    { from, period: 'month', hours: 30 },
    { from, period: 'month', hours: 12, carryOver: { enabled: true, capMinutes: 300 } },
    null,
    { from, period: 'none', hours: 0 },
  ];
  const names = ['Boulangerie Dupont', 'Fleuriste Martin', 'Garage Lefèvre & Fils', 'Cabinet Moreau', 'Librairie du Centre', 'Pharmacie Bernard', 'Café des Arts', 'Association Sportive'];
  const colors = ['#c2410c', '#15803d', '#b91c1c', '#ca8a04', '#1d4ed8', '#7e22ce', '#0f766e', '#be185d'];
  const clients = names.map((name, i): ClientRecord => ({
    id: `client-${i}`,
    name,
    color: colors[i]!,
    archived: false,
    createdAt: 1,
    ...(terms[i] ? { contracts: [terms[i]!] } : {}),
    hourlyRate: 45,
    currency: 'EUR',
    roundingMinutes: 0,
  }));
  // Every client's time ends before now, one after the other going back: client i gets
  // (i + 1) × 25 minutes, the first ones today (over their day), the others earlier.
  const sessions: SessionRecord[] = [];
  let end = now - 60_000;
  clients.forEach((client, i) => {
    const start = end - (i + 1) * 25 * 60_000;
    sessions.push({ id: `s-${i}`, start, end, clientId: client.id, platform: 'facebook', account: `page-${i}`, activity: 'publishing', source: 'auto', createdAt: start, updatedAt: end });
    end = start - 60_000;
  });
  return { clients, sessions };
}

async function restore(b: ExtensionBrowser, clients: ClientRecord[], sessions: SessionRecord[], now: number): Promise<Page> {
  const dashboard = await b.extensionPage('options.html#export');
  const backup = JSON.stringify({ format: 'social-hours-backup', version: 2, exportedAt: now, sessions, clients, rules: [], edits: [], tombstones: [], invoices: [] });
  const file = join(mkdtempSync(join(tmpdir(), 'social-hours-fit-')), 'backup.json');
  writeFileSync(file, backup);
  await dashboard.getByTestId('restore-file').setInputFiles(file);
  await expect.poll(() => dashboard.getByTestId('export-message').getAttribute('role')).toBe('status');
  return dashboard;
}

/** Text that does not fit where it is shown: an element wider inside than out, or a select narrower than its chosen option. */
function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    const context = document.createElement('canvas').getContext('2d')!;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      // Not rendered: inside a folded <details>.
      if (!el.checkVisibility() || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1) cut.push(`${el.tagName}.${el.className}: ${el.textContent?.slice(0, 60)}`);
      if (el instanceof HTMLSelectElement) {
        const style = getComputedStyle(el);
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = el.selectedOptions[0]?.textContent ?? '';
        // The padding, and the arrow Chromium draws (about 20 px).
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        if (context.measureText(text).width > room) cut.push(`select: ${text}`);
      }
    }
    return cut;
  });
}

describe('the popup fits in Chrome’s 600 px', () => {
  it.each(['en-US', 'fr-FR'])('%s: eight clients, a running timer and its Stop in view, nothing cut, no accessibility violation (light or dark), each client to its report', async (lang) => {
    const b = await browsers.launch({ lang });
    const now = Date.now();
    const { clients, sessions } = eightClients(now);
    const dashboard = await restore(b, clients, sessions, now);
    // The timer, started as the popup starts it: a request to the background.
    expect(await dashboard.evaluate(() => chrome.runtime.sendMessage({ type: 'start-timer', clientId: 'client-2', kind: 'meeting' }))).toEqual({ ok: true });

    const popup = await b.context.newPage();
    await popup.setViewportSize({ width: POPUP_WIDTH, height: POPUP_HEIGHT });
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('[data-testid="cockpit"] > li').count()).toBe(8);
    await popup.getByTestId('timer-stop').waitFor();

    // One meter per client with a contract (six), none for the two without.
    expect(await popup.locator('[data-testid="cockpit"] [role="meter"]').count()).toBe(6);
    const height = await popup.evaluate(() => document.documentElement.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(POPUP_HEIGHT);
    const stop = (await popup.getByTestId('timer-stop').boundingBox())!;
    expect(stop.y + stop.height).toBeLessThanOrEqual(POPUP_HEIGHT);
    expect(await popup.getByTestId('timer-client-name').textContent()).toBe('Garage Lefèvre & Fils');

    // The folded forms too, unfolded one at a time: nothing cut in either language.
    expect(await cutTexts(popup)).toEqual([]);
    await popup.getByTestId('override-tool').locator('summary').click();
    expect(await cutTexts(popup)).toEqual([]);

    expect(await axeViolations(popup)).toEqual([]);
    // The dark theme's contrasts too.
    await popup.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    expect(await axeViolations(popup)).toEqual([]);

    // A client's name opens its report for the period of its contract, in a tab.
    const first = popup.locator('[data-testid="cockpit"] > li').first();
    const id = (await first.getAttribute('data-testid'))!.replace('cockpit-', '');
    const opened = b.context.waitForEvent('page', (page) => page.url().includes('report.html'));
    await first.getByTestId('cockpit-report').click();
    const report = await opened;
    expect(new URL(report.url()).searchParams.get('client')).toBe(id);
    expect(new URL(report.url()).searchParams.get('amount')).toBe('0');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { ClientRecord, RuleRecord } from '../../../../lib/db/records';
import { DEFAULT_SETTINGS } from '../../../../lib/settings/settings';
import { saveDatedSettings } from '../../../../lib/settings/settings-storage';
import { decodeItems } from '../../../../lib/sync/browser-sync/decode';
import { syncSettingsOnce } from '../../../../lib/sync/browser-sync/sync-once';
import { DAY, MINUTE } from '../../../../lib/time/clock';
import { FakeSyncArea } from './fake-sync-area';
import { TestBrowser } from './test-browser';

let time = Date.UTC(2026, 10, 30, 10);
const clock = () => time;
const open: TestBrowser[] = [];

async function browsers(area = new FakeSyncArea(clock)) {
  const a = await TestBrowser.open(`sync-a-${open.length}`, area, clock);
  const b = await TestBrowser.open(`sync-b-${open.length}`, area, clock);
  open.push(a, b);
  return { a, b, area };
}

afterEach(async () => {
  for (const browser of open.splice(0)) await browser.close();
  time = Date.UTC(2026, 10, 30, 10);
});

const client = (id: string, extra: Partial<ClientRecord> = {}): ClientRecord => ({ id, name: `Client ${id}`, color: '#c2410c', archived: false, createdAt: time, ...extra });
const rule = (id: string, clientId: string): RuleRecord => ({ id, clientId, platform: 'instagram', account: id, urlPattern: null, createdAt: time });

/** A client as large as the forms allow, in Chrome's count: about 6 KB of details. */
const heavy = (id: string) => client(id, { details: '<'.repeat(1000) });

describe('one sync', () => {
  it('sends this browser\'s clients, rules and settings; the other browser takes them; then nothing more is written', async () => {
    const { a, b, area } = await browsers();
    await a.config.saveClient(client('dupont'));
    await a.config.putRule(rule('r1', 'dupont'));
    await saveDatedSettings(a.settings, { ...DEFAULT_SETTINGS, holidayCountry: 'BE' }, time);

    const sent = await a.sync();
    expect(sent).toMatchObject({ ok: true, pushed: 3, removed: 0, problems: [], pulled: { clients: 0, rules: 0, deleted: 0, settings: false } });
    expect(sent.ok && sent.bytesInUse).toBe(area.bytesInUse());
    expect(area.calls).toEqual({ get: 1, set: 1, remove: 0 });

    expect(await b.sync()).toMatchObject({ ok: true, pushed: 0, pulled: { clients: 1, rules: 1, deleted: 0, settings: true } });
    expect(await b.state()).toEqual(await a.state());
    expect(b.settings.items.settingsUpdatedAt).toBe(time);

    for (const browser of [a, b, a]) expect(await browser.sync()).toMatchObject({ ok: true, pushed: 0, removed: 0, pulled: { clients: 0, rules: 0, deleted: 0, settings: false } });
    expect(area.calls).toMatchObject({ set: 1, remove: 0 });
  });

  it('a client deleted in one browser is deleted in the other, its time there unassigned with its history', async () => {
    const { a, b } = await browsers();
    await a.config.saveClient(client('dupont'));
    await a.config.putRule(rule('r1', 'dupont'));
    await a.sync();
    await b.sync();
    await b.db.sessions.put({ id: 's1', start: time - 3_600_000, end: time - 1_800_000, clientId: 'dupont', platform: 'instagram', account: 'r1', activity: 'browse', source: 'auto', createdAt: time, updatedAt: time });

    time += MINUTE;
    await a.commands.deleteClient('dupont', a.now());
    await a.sync();
    // The deletions are written before their records are removed: a browser in between never sees them merely gone.
    expect(a.area === b.area && (a.area as FakeSyncArea).writeLog).toEqual(['set', 'set', 'remove']);
    expect(await b.sync()).toMatchObject({ ok: true, pulled: { deleted: 2 } });
    expect(await b.state()).toMatchObject({ clients: [], rules: [] });
    expect(await b.db.sessions.get('s1')).toMatchObject({ clientId: null, assignedBy: null });
    expect(await b.db.edits.toArray()).toMatchObject([{ action: 'client-deleted', sessionIds: ['s1'], at: time }]);
    expect(await b.db.tombstones.get(['clients', 'dupont'])).toEqual({ table: 'clients', id: 'dupont', deletedAt: time });
    expect((await a.sync()).ok && (await b.sync()).ok).toBe(true);
    expect(await a.state()).toEqual(await b.state());
  });

  it('a client whose time is invoiced here stays until the period is unlocked, and says why', async () => {
    const { a, b } = await browsers();
    await a.config.saveClient(client('dupont'));
    await a.sync();
    await b.sync();
    await b.db.invoices.put({ id: 'i1', clientId: 'dupont', from: '2026-11-01', to: '2026-11-30', invoicedAt: time, unlockedAt: null });
    await a.commands.deleteClient('dupont', a.now());
    await a.sync();

    expect(await b.sync()).toMatchObject({ ok: true, pulled: { deleted: 0 }, problems: [{ code: 'client-kept', id: 'dupont', reason: 'locked' }] });
    expect(await b.db.clients.count()).toBe(1);
    await b.db.invoices.update('i1', { unlockedAt: time + 1 });
    expect(await b.sync()).toMatchObject({ ok: true, pulled: { deleted: 1 }, problems: [] });
    expect(await b.db.clients.count()).toBe(0);
  });
});

describe('deletions and copies', () => {
  it.each([
    ['an edit made elsewhere before the deletion does not bring the client back', -1, false],
    ['an edit made elsewhere after the deletion does: it is later', +1, true],
  ])('%s', async (_name, editedAfter, kept) => {
    const { a, b } = await browsers();
    await a.config.saveClient(client('dupont'));
    await a.sync();
    await b.sync();
    const deletion = time + 10 * MINUTE;
    time = deletion + editedAfter * MINUTE;
    await b.config.saveClient(client('dupont', { name: 'Edited offline' }));
    time = deletion;
    await a.commands.deleteClient('dupont', a.now());
    time = deletion + 2 * MINUTE;
    for (const browser of [a, b, a, b]) expect((await browser.sync()).ok).toBe(true);
    for (const browser of [a, b]) expect((await browser.state()).clients.map((c) => c.name)).toEqual(kept ? ['Edited offline'] : []);
  });

  it('a browser away for longer than the area keeps deletions brings its copy back once; the copy goes again for good', async () => {
    const { a, b, area } = await browsers();
    await a.config.saveClient(client('dupont'));
    await a.sync();
    await b.sync();
    await a.commands.deleteClient('dupont', a.now());
    await a.sync();
    time += 100 * DAY;
    await a.sync();
    expect(area.snapshot()).toEqual({});

    expect(await b.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(await a.sync()).toMatchObject({ ok: true, removed: 1, pushed: 1 });
    expect(await b.sync()).toMatchObject({ ok: true, pulled: { deleted: 1 } });
    for (const browser of [a, b, a, b]) expect(await browser.sync()).toMatchObject({ ok: true, pushed: 0, removed: 0 });
    expect((await b.state()).clients).toEqual([]);
  });

  it('a large client half arrived is not taken, nor overwritten by an older copy; once whole, it is taken', async () => {
    const { a, b, area } = await browsers();
    const large = { ...heavy('dupont'), contracts: Array.from({ length: 100 }, (_, i) => ({ from: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, period: 'week' as const, hours: i % 40 })) };
    await a.config.saveClient(large);
    await a.sync();
    await b.sync();
    time += MINUTE;
    await a.config.saveClient({ ...large, name: 'Renamed' });
    await a.sync();
    const whole = area.snapshot();
    area.drop(['p1:c:dupont']);
    expect(await b.sync()).toMatchObject({ ok: true, pushed: 0, pulled: { clients: 0 }, problems: [{ code: 'incomplete', key: 'c:dupont' }] });
    expect((await b.state()).clients[0]?.name).toBe('Client dupont');
    area.put({ 'p1:c:dupont': whole['p1:c:dupont'] });
    expect(await b.sync()).toMatchObject({ ok: true, pulled: { clients: 1 }, problems: [] });
    expect((await b.state()).clients[0]?.name).toBe('Renamed');
  });
});

describe('limits of the sync area', () => {
  it('too much for the area: a quota error with the bytes needed, and nothing written', async () => {
    const { a, area } = await browsers();
    area.put({ theme: 'dark' });
    for (let i = 0; i < 17; i++) await a.config.saveClient(heavy(`c${i}`));
    const before = area.snapshot();
    const result = await a.sync();
    expect(result).toMatchObject({ ok: false, error: { code: 'quota', limit: 'bytes', allowed: 102_400 } });
    expect(!result.ok && result.error.code === 'quota' && result.error.needed).toBeGreaterThan(102_400);
    expect(area.snapshot()).toEqual(before);
    expect(area.calls).toMatchObject({ set: 0, remove: 0 });

    // Fewer clients: the next sync sends them all.
    await a.db.clients.bulkDelete(['c0', 'c1']);
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 15 });
  });

  it('more records than items allowed: a quota error on the number of items', async () => {
    const { a } = await browsers();
    await a.config.saveClient(client('dupont'));
    for (let i = 0; i < 520; i++) await a.db.rules.put({ ...rule(`r${i}`, 'dupont'), updatedAt: time });
    expect(await a.sync()).toMatchObject({ ok: false, error: { code: 'quota', limit: 'items', needed: 521, allowed: 512 } });
  });

  it('the area filled by another browser between reading and writing: Chrome refuses the write whole, and it is said so', async () => {
    const { a, area } = await browsers();
    for (let i = 0; i < 8; i++) await a.config.saveClient(heavy(`c${i}`));
    area.beforeNextWrite = () => area.put(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`other-extension-${i}`, 'x'.repeat(8000)])));
    expect(await a.sync()).toMatchObject({ ok: false, error: { code: 'quota', limit: 'bytes', allowed: 102_400 } });
    expect(decodeItems(area.snapshot()).clients.size).toBe(0);
  });

  it('a record deleted to make room: removed before the new ones are written, when writing first would not fit', async () => {
    const { a, b, area } = await browsers();
    for (let i = 0; i < 15; i++) await a.config.saveClient(heavy(`c${i}`));
    expect(await a.sync()).toMatchObject({ ok: true });
    time += MINUTE;
    for (let i = 0; i < 3; i++) await a.commands.deleteClient(`c${i}`, a.now());
    for (let i = 15; i < 18; i++) await a.config.saveClient(heavy(`c${i}`));
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 6, removed: 3 });
    expect(area.writeLog).toEqual(['set', 'remove', 'set']);
    expect(area.bytesInUse()).toBeLessThanOrEqual(102_400);
    await b.sync();
    expect((await b.state()).clients).toEqual((await a.state()).clients);
  });

  it('too many writes lately: rate-limited, and sent once the minute has passed', async () => {
    const area = new FakeSyncArea(clock, { totalBytes: 102_400, itemBytes: 8_192, items: 512, writesPerMinute: 120, writesPerHour: 1_800 });
    const { a } = await browsers(area);
    for (let i = 0; i < 120; i++) await area.set({ [`other-${i % 3}`]: i });
    await a.config.saveClient(client('dupont'));
    expect(await a.sync()).toMatchObject({ ok: false, error: { code: 'rate-limited', retryAfterMs: 60_000 } });
    time += MINUTE + 1;
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 1 });
  });

  it('no sync storage: unavailable, and nothing changed here', async () => {
    const { a } = await browsers();
    await a.config.saveClient(client('dupont'));
    const failing = { get: () => Promise.reject(new Error('An unexpected error occurred')), set: () => Promise.resolve(), remove: () => Promise.resolve() };
    const result = await syncSettingsOnce({ area: failing, db: a.db, settings: a.settings, newId: a.newId, now: time });
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: 'An unexpected error occurred' }, pulled: { clients: 0, rules: 0, deleted: 0, settings: false }, problems: [] });
  });
});

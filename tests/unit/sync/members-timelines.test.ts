import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionCommands } from '../../../lib/background/session-commands';
import { SocialHoursDatabase } from '../../../lib/db/database';
import type { SessionRecord } from '../../../lib/db/records';
import { saveConnection } from '../../../lib/sync/sync-store';

const at = (h: number, m = 0) => Date.UTC(2026, 10, 24, h, m);
const session = (id: string, from: number, to: number, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  id, start: from, end: to, clientId: 'dupont', platform: 'facebook', account: 'dupont', activity: 'browsing', source: 'auto', createdAt: from, updatedAt: from, ...extra,
});
const SELF = 'marielaptop00000';
const OTHER = 'lucasdesktop0000';

let db: SocialHoursDatabase;
let commands: SessionCommands;
beforeEach(async () => {
  db = new SocialHoursDatabase(`timelines-${Math.random()}`);
  await db.clients.put({ id: 'dupont', name: 'Dupont', color: '#c2410c', archived: false, createdAt: 1 });
  await saveConnection(db, { key: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']), device: { id: SELF, name: 'Laptop', member: 'Marie' } });
  let n = 0;
  commands = new SessionCommands(db, () => `new-${++n}`);
});
afterEach(() => db.delete());

describe("one member's edits never touch another member's time", () => {
  it('a manual entry cuts into this browser’s time only', async () => {
    await db.sessions.bulkPut([session('mine', at(10), at(11)), session('published', at(11), at(12), { recordedBy: SELF }), session('lucas', at(10), at(12), { recordedBy: OTHER })]);
    const call = session('call', at(10, 30), at(11, 30), { source: 'manual', platform: 'manual', activity: 'call', account: null });
    expect((await commands.addManual([call], at(13))).ok).toBe(true);
    expect(await db.sessions.get('lucas')).toMatchObject({ start: at(10), end: at(12) });
    expect(await db.sessions.get('mine')).toMatchObject({ end: at(10, 30) });
    expect(await db.sessions.get('published')).toMatchObject({ start: at(11, 30) });
  });

  it('moving a session over another member’s time is allowed, over one’s own refused', async () => {
    await db.sessions.bulkPut([session('mine', at(9), at(10)), session('lucas', at(10), at(11), { recordedBy: OTHER }), session('later', at(11), at(12))]);
    expect((await commands.update('mine', { end: at(10, 30) }, at(13))).ok).toBe(true);
    expect(await commands.update('mine', { end: at(11, 30) }, at(13))).toEqual({ ok: false, error: 'overlap' });
  });

  it('refuses to merge two members’ sessions into one', async () => {
    await db.sessions.bulkPut([session('mine', at(9), at(10)), session('lucas', at(10), at(11), { recordedBy: OTHER })]);
    expect(await commands.merge(['mine', 'lucas'], at(13))).toEqual({ ok: false, error: 'merge-different' });
  });
});

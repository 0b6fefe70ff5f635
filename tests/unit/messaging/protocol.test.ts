import { describe, expect, it } from 'vitest';
import { parsePageReport, parsePageRequest } from '../../../lib/messaging/protocol';

const report = { type: 'page-report', url: 'https://www.facebook.com/x', inputAgoMs: 0, visible: true, mediaPlaying: false };

describe('messages to the background', () => {
  it('accepts a well-formed page report and request', () => {
    expect(parsePageReport(report)).toEqual(report);
    expect(parsePageRequest({ type: 'set-paused', paused: true })).toEqual({ type: 'set-paused', paused: true });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'page-report'],
    ['an array', [report]],
    ['another type', { ...report, type: 'hello' }],
    ['a URL that is not text', { ...report, url: 42 }],
    ['a huge URL', { ...report, url: `https://x.com/${'a'.repeat(10_000)}` }],
    ['a negative input age', { ...report, inputAgoMs: -1 }],
    ['an input age of hours', { ...report, inputAgoMs: 3_600_000 }],
    ['an input age that is not a number', { ...report, inputAgoMs: 'now' }],
    ['NaN', { ...report, inputAgoMs: Number.NaN }],
    ['a missing flag', { type: 'page-report', url: 'https://x.com/', inputAgoMs: 0 }],
    ['flags as text', { ...report, visible: 'true' }],
  ])('ignores a page report with %s', (_name, value) => {
    expect(parsePageReport(value)).toBeNull();
  });

  it.each([
    ['an unknown request', { type: 'drop-database' }],
    ['pause without a boolean', { type: 'set-paused', paused: 'yes' }],
    ['an override for no client', { type: 'set-override', clientId: '', until: null }],
    ['an override ending in the past of time', { type: 'set-override', clientId: 'c', until: -5 }],
    ['a timer of an unknown kind', { type: 'start-timer', clientId: 'c', kind: 'nap' }],
    ['a split at a fractional time', { type: 'split-session', id: 's', at: 1.5 }],
    ['an assignment with ids that are not text', { type: 'assign-sessions', ids: [1, 2], clientId: null }],
    ['a merge of a single session', { type: 'merge-sessions', ids: ['a'] }],
    ['a restore without text', { type: 'restore-backup', byteLength: 3 }],
    ['a test hook in a production build', { type: 'test-hook', name: 'advanceClock', args: [1e9] }],
  ])('ignores %s', (_name, value) => {
    expect(parsePageRequest(value)).toBeNull();
  });
});

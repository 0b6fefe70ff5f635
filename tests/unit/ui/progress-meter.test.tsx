import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { progress } from '../../../lib/contracts/progress';
import { ProgressMeter } from '../../../lib/ui/components/ProgressMeter';
import { currentLanguage, setLanguage } from '../../../lib/ui/i18n';
import { HOUR, MINUTE } from '../../../lib/time/clock';

const language = currentLanguage();
afterEach(() => setLanguage(language));

describe('the progress meter', () => {
  it('shows what is left so that it adds up with what is used to the target: 3 h 15 min 30 s of 21 h leaves 17 h 45, not 17 h 44', () => {
    setLanguage('en');
    expect(renderToString(<ProgressMeter label="Month" progress={progress(3 * HOUR + 15 * MINUTE + 30_000, 21 * HOUR, false)} />)).toContain('3 h 15 of 21 h 00 · 17 h 45 left');
  });

  it.each([
    ['en', progress(65 * MINUTE, 0, true), 'Day off · 1 h 05 worked'],
    ['fr', progress(65 * MINUTE, 0, true), 'Jour non travaillé · 1 h 05 de travail'],
    ['en', progress(HOUR, 12 * HOUR, false, 2 * HOUR), 'incl. 2 h 00 carried over'],
    ['fr', progress(HOUR, 12 * HOUR, false, 2 * HOUR), 'dont 2 h 00 reportées'],
  ] as const)('%s: %j says %s', (lang, p, text) => {
    setLanguage(lang);
    expect(renderToString(<ProgressMeter label="Week" progress={p} />)).toContain(text);
  });

  it('says nothing of a carry-over when there is none', () => {
    setLanguage('en');
    expect(renderToString(<ProgressMeter label="Week" progress={progress(HOUR, 10 * HOUR)} />)).not.toContain('carried');
  });
});

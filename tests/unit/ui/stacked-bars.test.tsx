import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { StackedBars } from '../../../lib/ui/components/StackedBars';

const bar = (key: string, hours: number) => ({ key, label: key, title: key, segments: [{ key: 'a', label: 'A', color: '#c2410c', ms: hours * 3_600_000 }] });
/** The hour lines' labels: the axis texts anchored at their end, left of the plot. */
const axis = (html: string) => [...html.matchAll(/<text[^>]*class="chart-axis"[^>]*text-anchor="end"[^>]*>([^<]+)</g)].map((m) => m[1]);

describe('the chart of time per day', () => {
  it('labels its hour lines in hours and minutes, never with a decimal point or comma', () => {
    expect(axis(render(<StackedBars bars={[bar('mon', 2.4), bar('tue', 1)]} label="week" valueLabel={String} />))).toEqual(['0 h', '0 h 30', '1 h', '1 h 30', '2 h', '2 h 30']);
    expect(axis(render(<StackedBars bars={[bar('mon', 1.1)]} label="day" valueLabel={String} />))).toEqual(['0 h', '0 h 15', '0 h 30', '0 h 45', '1 h', '1 h 15']);
  });
});

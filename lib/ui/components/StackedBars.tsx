import { formatDuration } from '../format';

export interface BarSegment {
  key: string;
  label: string;
  color: string;
  ms: number;
}

export interface Bar {
  key: string;
  label: string;
  /** A longer label for tooltips and the accessible description. */
  title: string;
  segments: BarSegment[];
  /** Contracted time due that day over all clients, drawn as a dashed mark across the bar's slot. */
  targetMs?: number;
}

const HEIGHT = 230;
const TOP = 20;
const BOTTOM = 28;
// Room for the widest hour line label, `10 h 30`.
const LEFT = 48;

/** An hour line's label, `1 h 30` rather than `1.5 h`, whose point a French reader would not write. */
function hourLineLabel(hours: number): string {
  const minutes = Math.round(hours * 60);
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** Hour lines at a step that gives three to six of them. */
function gridStep(maxHours: number): number {
  for (const step of [0.25, 0.5, 1, 2, 4, 6, 12]) if (maxHours / step <= 6) return step;
  return 24;
}

/**
 * Time per day stacked by client, in SVG. Each segment has a tooltip; the chart as a whole
 * is described for screen readers, and the figures are also in the tables beside it.
 */
export function StackedBars({ bars, label, valueLabel }: { bars: Bar[]; label: string; valueLabel: (ms: number) => string }) {
  // A week's bars get room for their day labels; a month's are narrower.
  const width = LEFT + bars.length * (bars.length <= 7 ? 90 : 28);
  const maxMs = Math.max(3_600_000, ...bars.map((b) => Math.max(b.targetMs ?? 0, b.segments.reduce((sum, s) => sum + s.ms, 0))));
  const step = gridStep(maxMs / 3_600_000);
  const top = Math.ceil(maxMs / 3_600_000 / step) * step * 3_600_000;
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (ms: number) => TOP + plot - (ms / top) * plot;
  const slot = (width - LEFT) / bars.length;
  const barWidth = Math.min(36, slot * 0.7);
  const lines: number[] = [];
  for (let h = 0; h * 3_600_000 <= top + 1; h += step) lines.push(h);

  return (
    <svg class="chart" viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={label} data-testid="chart">
      {lines.map((h) => (
        <g key={h}>
          <line x1={LEFT} x2={width} y1={y(h * 3_600_000)} y2={y(h * 3_600_000)} class="chart-grid" />
          <text x={LEFT - 6} y={y(h * 3_600_000) + 4} class="chart-axis" text-anchor="end">
            {hourLineLabel(h)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        let base = 0;
        const x = LEFT + i * slot + (slot - barWidth) / 2;
        const total = bar.segments.reduce((sum, s) => sum + s.ms, 0);
        return (
          <g key={bar.key} data-testid="chart-bar" data-total={bar.segments.reduce((sum, s) => sum + s.ms, 0)}>
            {bar.segments
              .filter((s) => s.ms > 0)
              .map((segment) => {
                const y0 = y(base);
                base += segment.ms;
                const y1 = y(base);
                return (
                  <rect key={segment.key} x={x} y={y1} width={barWidth} height={Math.max(1, y0 - y1)} fill={segment.color} data-bucket={segment.key}>
                    <title>{`${bar.title} · ${segment.label}: ${formatDuration(segment.ms)}`}</title>
                  </rect>
                );
              })}
            {bar.targetMs !== undefined && bar.targetMs > 0 && (
              <line x1={LEFT + i * slot + 2} x2={LEFT + (i + 1) * slot - 2} y1={y(bar.targetMs)} y2={y(bar.targetMs)} class="chart-target" data-testid="chart-target">
                <title>{valueLabel(bar.targetMs)}</title>
              </line>
            )}
            {total > 0 && (
              // The day's total above its bar: readable without hovering, and printed.
              <text x={x + barWidth / 2} y={y(total) - 4} class="chart-value" text-anchor="middle">
                {valueLabel(total)}
              </text>
            )}
            <text x={x + barWidth / 2} y={HEIGHT - 10} class="chart-axis" text-anchor="middle">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

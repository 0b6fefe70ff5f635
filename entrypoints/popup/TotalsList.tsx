import { formatDuration } from '../../lib/ui/format';

export interface TotalsRow {
  key: string;
  label: string;
  color: string | null;
  muted: boolean;
  ms: number;
}

/** A titled list of durations with a bar each, as a share of the day's total; folded, the clients come first. */
export function TotalsList({ title, rows, total, testId }: { title: string; rows: TotalsRow[]; total: number; testId: string }) {
  return (
    <details class="tool">
      <summary>{title}</summary>
      <ul class="totals" data-testid={testId}>
        {rows.map((row) => (
          <li key={row.key} data-key={row.key}>
            <span class={row.muted ? 'label muted' : 'label'}>
              {row.color && <span class="swatch" style={{ background: row.color }} aria-hidden="true" />}
              {row.label}
            </span>
            <span class="value">{formatDuration(row.ms)}</span>
            <span class="bar" aria-hidden="true">
              <span style={{ width: `${total > 0 ? Math.round((row.ms / total) * 100) : 0}%`, background: row.color ?? undefined }} />
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

import type { Progress, ProgressState } from '../../contracts/progress';
import { formatDuration, formatRemaining } from '../format';
import { t } from '../i18n';

/**
 * A status is told by a glyph and words, never by a colour: clients have colours of their
 * own (any colour), and a red or green bar would read as one of them.
 */
export const STATUS_GLYPHS: Record<ProgressState, string> = { none: '', under: '✓', near: '!', over: '▲', 'day-off': '◇' };

/**
 * The bar of a meter: filled up to used / target in one neutral colour, hatched when over,
 * with an optional pace mark (where the client should be by now, as a share of the target).
 * Decorative: the caller gives the meter its role and words.
 */
export function MeterBar({ progress, pace }: { progress: Progress; pace?: number | null }) {
  const { share, state } = progress;
  const width = share === null ? (state === 'over' || state === 'day-off' ? 100 : 0) : Math.min(100, Math.round(share * 100));
  return (
    <span class="meter-bar">
      <span class="meter-fill" style={{ width: `${width}%` }} />
      {pace !== undefined && pace !== null && <span class="meter-pace" data-testid="meter-pace" style={{ left: `${Math.min(100, Math.round(pace * 100))}%` }} />}
    </span>
  );
}

/** Used against contracted, with what is left and what the target carried over; the state as a glyph and words (see STATUS_GLYPHS). */
export function ProgressMeter({ label, progress, testId }: { label: string; progress: Progress; testId?: string }) {
  const { usedMs, targetMs, remainingMs, state, carriedMs } = progress;
  const detail =
    targetMs === null
      ? t('noContractFor', formatDuration(usedMs))
      : state === 'day-off'
        ? t('workedDayOff', formatDuration(usedMs))
        : state === 'over'
          ? t('overContract', formatDuration(usedMs), formatDuration(targetMs), formatDuration(usedMs - targetMs))
          : t('ofContract', formatDuration(usedMs), formatDuration(targetMs), formatRemaining(remainingMs ?? 0));
  const carried = carriedMs > 0 ? t('inclCarried', formatDuration(carriedMs)) : null;
  return (
    <div class={`meter meter-${state}`} data-testid={testId} data-state={state} data-used-ms={usedMs}>
      <div class="meter-line">
        <span class="meter-label">{label}</span>
        <span class="meter-detail">
          {STATUS_GLYPHS[state] && (
            <span class="status-glyph" aria-hidden="true">
              {STATUS_GLYPHS[state]}{' '}
            </span>
          )}
          {detail}
        </span>
      </div>
      {carried && (
        <p class="meter-carried muted small" data-testid={testId && `${testId}-carried`}>
          {carried}
        </p>
      )}
      {targetMs !== null && (
        <div
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={Math.round(targetMs / 60_000)}
          aria-valuenow={Math.round(usedMs / 60_000)}
          aria-valuetext={carried ? `${detail} (${carried})` : detail}
        >
          <MeterBar progress={progress} />
        </div>
      )}
    </div>
  );
}

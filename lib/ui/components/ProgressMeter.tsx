import type { Progress } from '../../contracts/progress';
import { formatDuration } from '../format';
import { t } from '../i18n';

/** Used against contracted, with what is left and what the target carried over; coloured under / near / over, or as work on a day off. */
export function ProgressMeter({ label, progress, testId }: { label: string; progress: Progress; testId?: string }) {
  const { usedMs, targetMs, remainingMs, share, state, carriedMs } = progress;
  const width = share === null ? (state === 'over' || state === 'day-off' ? 100 : 0) : Math.min(100, Math.round(share * 100));
  const detail =
    targetMs === null
      ? t('noContractFor', formatDuration(usedMs))
      : state === 'day-off'
        ? t('workedDayOff', formatDuration(usedMs))
        : state === 'over'
          ? t('overContract', formatDuration(usedMs), formatDuration(targetMs), formatDuration(usedMs - targetMs))
          : t('ofContract', formatDuration(usedMs), formatDuration(targetMs), formatDuration(remainingMs ?? 0));
  const carried = carriedMs > 0 ? t('inclCarried', formatDuration(carriedMs)) : null;
  return (
    <div class={`meter meter-${state}`} data-testid={testId} data-state={state} data-used-ms={usedMs}>
      <div class="meter-line">
        <span class="meter-label">{label}</span>
        <span class="meter-detail">{detail}</span>
      </div>
      {carried && (
        <p class="meter-carried muted small" data-testid={testId && `${testId}-carried`}>
          {carried}
        </p>
      )}
      {targetMs !== null && (
        <div
          class="meter-bar"
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={Math.round(targetMs / 60_000)}
          aria-valuenow={Math.round(usedMs / 60_000)}
          aria-valuetext={carried ? `${detail} (${carried})` : detail}
        >
          <span style={{ width: `${width}%` }} />
        </div>
      )}
    </div>
  );
}

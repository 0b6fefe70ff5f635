import { browser } from 'wxt/browser';
import type { ChannelStatus } from '../../lib/sync/status';
import { formatAgo } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { syncProblemText } from '../../lib/ui/sync-words';
import { useSyncStatus } from '../../lib/ui/use-sync-status';

/** The channel to speak of: one with a problem first, else the one that synced last. */
function headline(channels: ChannelStatus[]): ChannelStatus | null {
  const on = channels.filter((c) => c.enabled);
  return on.find((c) => c.problem !== null) ?? on.sort((a, b) => (b.lastSuccessAt ?? 0) - (a.lastSuccessAt ?? 0))[0] ?? null;
}

/** One line on the sync, when it is on: when it last worked, or what stops it, with the way to the sync settings. */
export function SyncLine({ now }: { now: number }) {
  const status = useSyncStatus();
  const channel = status ? headline([status.webdav, status.browser]) : null;
  if (!channel) return null;
  const text = channel.running
    ? t('syncRunning')
    : channel.problem
      ? syncProblemText(channel.problem)
      : channel.lastSuccessAt !== null
        ? t('syncLastSuccess', formatAgo(channel.lastSuccessAt, now))
        : t('syncNotYet');
  return (
    <p class={`sync-line small${channel.problem ? ' error' : ' muted'}`} role="status" data-testid="popup-sync">
      {text}{' '}
      <a href={browser.runtime.getURL('/options.html#sync')} target="_blank" rel="noopener">
        {t('syncOpenSettings')}
      </a>
    </p>
  );
}

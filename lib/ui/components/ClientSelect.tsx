import type { ClientRecord } from '../../db/records';
import { PERSONAL_CLIENT_ID } from '../../db/records';
import { t } from '../i18n';

interface Props {
  id?: string;
  clients: readonly ClientRecord[];
  value: string;
  onChange: (value: string) => void;
  /** Adds "Personal (not billable)". */
  personal?: boolean;
  /** Adds "Unassigned", with the value ''. */
  unassigned?: boolean;
  placeholder?: string;
  label?: string;
  testId?: string;
}

/** Active clients by name, with the special choices a caller asks for. */
export function ClientSelect({ id, clients, value, onChange, personal, unassigned, placeholder, label, testId }: Props) {
  const active = clients.filter((c) => !c.archived).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <select id={id} value={value} aria-label={label} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value)}>
      {placeholder !== undefined && (
        <option value="" disabled={!unassigned}>
          {placeholder}
        </option>
      )}
      {unassigned && placeholder === undefined && <option value="">{t('unassigned')}</option>}
      {active.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
      {personal && <option value={PERSONAL_CLIENT_ID}>{t('personalTime')}</option>}
    </select>
  );
}

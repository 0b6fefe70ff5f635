import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { quickClient } from '../../clients/quick-client';
import type { ClientRecord } from '../../db/records';
import { PERSONAL_CLIENT_ID } from '../../db/records';
import { t, type MessageKey } from '../i18n';
import { config } from '../page-db';

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

/** The value of "+ New client": no client can have it (ids are UUIDs). */
const NEW_CLIENT = '+new';

/**
 * Active clients by name, with the special choices a caller asks for, and "+ New client":
 * the client a user needs is often one they have not created yet, and leaving the picker
 * for the Clients section would lose what they were doing.
 */
export function ClientSelect({ id, clients, value, onChange, personal, unassigned, placeholder, label, testId }: Props) {
  const active = clients.filter((c) => !c.archived).sort((a, b) => a.name.localeCompare(b.name));
  const [creating, setCreating] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const close = (created: string | null) => {
    setCreating(false);
    if (created) onChange(created);
    // Back where the user was, showing the new client when there is one.
    select.current?.focus();
  };
  return (
    <>
      <select
        ref={select}
        id={id}
        value={value}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          if (e.currentTarget.value !== NEW_CLIENT) onChange(e.currentTarget.value);
          else {
            // The choice is not a value: show the current one again while the dialog asks for a name.
            e.currentTarget.value = value;
            setCreating(true);
          }
        }}
      >
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
        <option value={NEW_CLIENT}>{t('newClientOption')}</option>
      </select>
      {creating && <NewClientDialog clients={clients} onDone={close} />}
    </>
  );
}

/** Asks for a name and saves the client; a contract can be added later in the Clients section. */
function NewClientDialog({ clients, onDone: done }: { clients: readonly ClientRecord[]; onDone: (created: string | null) => void }) {
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  // Closed first: while it is modal, the rest of the page is inert and cannot take the focus back.
  const onDone = (created: string | null) => {
    dialog.current?.close();
    done(created);
  };
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    // Modal: focus moves to the name field, and Escape fires `cancel`.
    dialog.current?.showModal();
  }, []);

  const save = async () => {
    if (saving) return;
    const result = quickClient(name, clients, crypto.randomUUID(), Date.now());
    if (!result.ok) {
      setError(t(`err_${result.problems[0]!.code.replace(/-/g, '_')}` as MessageKey));
      return;
    }
    setSaving(true);
    try {
      await config.saveClient(result.client);
      onDone(result.client.id);
    } catch {
      setError(t('actionFailed'));
      setSaving(false);
    }
  };

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={`${ids}-title`} data-testid="new-client-dialog" onCancel={(e) => (e.preventDefault(), onDone(null))}>
      <h2 id={`${ids}-title`}>{t('clientNewTitle')}</h2>
      <div class="field dialog-body">
        <label for={`${ids}-name`}>{t('clientName')}</label>
        <input
          id={`${ids}-name`}
          data-testid="new-client-name"
          value={name}
          maxLength={120}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-error` : `${ids}-hint`}
          onInput={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            // The picker often sits in a form of its own (a rule, an entry): Enter saves the client, not that form.
            if (e.key === 'Enter') {
              e.preventDefault();
              void save();
            }
          }}
        />
        {error ? (
          <p class="error" id={`${ids}-error`} role="alert">
            {error}
          </p>
        ) : (
          <p class="hint" id={`${ids}-hint`}>
            {t('newClientHint')}
          </p>
        )}
      </div>
      <div class="actions">
        <button type="button" onClick={() => onDone(null)}>
          {t('cancel')}
        </button>
        <button type="button" class="primary" data-testid="new-client-save" aria-busy={saving || undefined} onClick={() => void save()}>
          {t('newClientCreate')}
        </button>
      </div>
    </dialog>
  );
}

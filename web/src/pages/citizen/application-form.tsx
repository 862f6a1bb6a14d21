// The pre-filled application as form fields. Top-level fields named in `editable` can be
// corrected; the rest are read-only. Values keep their shape: a scalar is one field, a list is a
// multi-line field (one item per line), an object is a fieldset with one field per entry.
// The draft is a flat map "key" or "key.sub" → text; buildApplication() turns it back into
// values of the original types (numbers stay numbers) for the accept request.
import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import { fieldLabel, useI18n, type TFunction } from '../../i18n';
import { formatScalar } from '../../components/value-view';

export type Draft = Record<string, string>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function fieldId(path: string): string {
  return `app-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

function isScalar(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function itemText(v: unknown): string {
  if (v && typeof v === 'object' && typeof (v as { full?: unknown }).full === 'string')
    return (v as { full: string }).full;
  return scalarText(v);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

// The initial draft for the editable fields.
export function initialDraft(app: Record<string, unknown>, editable: string[]): Draft {
  const d: Draft = {};
  for (const key of editable) {
    const v = app[key];
    if (Array.isArray(v)) d[key] = v.map(itemText).join('\n');
    else if (isPlainObject(v)) {
      for (const [sub, sv] of Object.entries(v)) d[`${key}.${sub}`] = scalarText(sv);
    } else d[key] = scalarText(v);
  }
  return d;
}

function convert(original: unknown, text: string, label: string, t: TFunction): [unknown, string | null] {
  if (typeof original === 'number') {
    const n = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || Number.isNaN(n)) return [null, t('offer.invalidNumber', { field: label })];
    return [n, null];
  }
  if (typeof original === 'boolean') return [text === 'true', null];
  if (original === null) return [text.trim() === '' ? null : text, null];
  if (isScalar(original)) return [text, null];
  try {
    return [JSON.parse(text), null];
  } catch {
    return [null, t('offer.invalidJson', { field: label })];
  }
}

// Builds the `application` of the Answer from the draft. Returns errors keyed by draft path.
export function buildApplication(
  app: Record<string, unknown>,
  editable: string[],
  draft: Draft,
  t: TFunction,
): { application: Record<string, unknown>; errors: Record<string, string> } {
  const application: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const key of editable) {
    const v = app[key];
    const label = fieldLabel(t, key);
    if (Array.isArray(v)) {
      application[key] = (draft[key] ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    } else if (isPlainObject(v)) {
      const obj: Record<string, unknown> = {};
      for (const [sub, sv] of Object.entries(v)) {
        const [val, err] = convert(sv, draft[`${key}.${sub}`] ?? '', fieldLabel(t, sub), t);
        if (err) errors[`${key}.${sub}`] = err;
        obj[sub] = val;
      }
      application[key] = obj;
    } else {
      const [val, err] = convert(v, draft[key] ?? '', label, t);
      if (err) errors[key] = err;
      application[key] = val;
    }
  }
  return { application, errors };
}

interface Props {
  application: Record<string, unknown>;
  editable: string[];
  draft: Draft;
  errors: Record<string, string>;
  disabled?: boolean;
  onChange: (path: string, value: string) => void;
}

export function ApplicationForm({ application, editable, draft, errors, disabled, onChange }: Props) {
  const { t, formatDate } = useI18n();
  const editableSet = new Set(editable);

  const field = (path: string, label: string, value: unknown, canEdit: boolean, multiline = false) => {
    const shown = !canEdit && typeof value === 'string' && DATE_RE.test(value) ? formatDate(value) : value;
    const text = canEdit ? (draft[path] ?? '') : Array.isArray(shown) ? shown.map(itemText).join('\n') : itemText(shown);
    const common = {
      id: fieldId(path),
      name: path,
      label,
      error: canEdit ? errors[path] : undefined,
      readOnly: !canEdit,
      disabled: canEdit && disabled,
      'data-editable': canEdit ? 'true' : 'false',
    };
    if (multiline) {
      return (
        <Textfield
          key={path}
          {...common}
          multiline
          rows={Math.max(2, text.split('\n').length)}
          description={canEdit ? t('offer.listHint') : undefined}
          value={canEdit ? text : text || formatScalar(null)}
          onChange={(e) => onChange(path, e.target.value)}
        />
      );
    }
    const type = typeof value === 'string' && DATE_RE.test(value) && canEdit ? 'date' : 'text';
    return (
      <Textfield
        key={path}
        {...common}
        type={type}
        inputMode={typeof value === 'number' ? 'decimal' : undefined}
        value={canEdit ? text : text || formatScalar(null)}
        onChange={(e) => onChange(path, e.target.value)}
      />
    );
  };

  return (
    <div className="application-form">
      {Object.entries(application).map(([key, value]) => {
        const canEdit = editableSet.has(key);
        const label = fieldLabel(t, key);
        if (isPlainObject(value)) {
          return (
            <Fieldset key={key} className="sub-fieldset">
              <Fieldset.Legend>{label}</Fieldset.Legend>
              {Object.entries(value).map(([sub, sv]) =>
                field(`${key}.${sub}`, fieldLabel(t, sub), sv, canEdit, false),
              )}
            </Fieldset>
          );
        }
        return field(key, label, value, canEdit, Array.isArray(value));
      })}
    </div>
  );
}

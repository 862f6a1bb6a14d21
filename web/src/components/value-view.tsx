// Renders a value of unknown shape as held (string, number, boolean, list, object, null) as
// readable text: lists one per line, objects as "label: value" lines.
import { fieldLabel, useI18n } from '../i18n';

export function formatScalar(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  return String(v);
}

export function ValueView({ value }: { value: unknown }) {
  const { t, formatDate } = useI18n();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{formatDate(value)}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <>–</>;
    return (
      <ul className="plain-list">
        {value.map((v, i) => (
          <li key={i}>
            <ValueView value={v} />
          </li>
        ))}
      </ul>
    );
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.full === 'string') return <>{obj.full}</>; // a person's name
    return (
      <ul className="plain-list">
        {Object.entries(obj).map(([k, v]) => (
          <li key={k}>
            {fieldLabel(t, k)}: <ValueView value={v} />
          </li>
        ))}
      </ul>
    );
  }
  return <>{formatScalar(value)}</>;
}

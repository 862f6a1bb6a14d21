// One service in one kommune: switch it on or off and set its parameters (PUT
// …/services/{service}; only changed parameters are sent, an emptied field sends null = back to
// the default), then a dry run of an uploaded DMN model (see dry-run.tsx).
import { Alert, Button, Fieldset, Paragraph, Switch, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type Parameter, type ServiceSettings } from '../../api';
import { FormErrors, type FormError } from '../../components/form-errors';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert, problemText } from '../../components/problem-alert';
import { formatScalar } from '../../components/value-view';
import { useI18n, type MessageKey } from '../../i18n';
import { AppLink } from '../../router';
import { useLoad } from '../../use-load';
import { DryRun } from './dry-run';

const NUMERIC = new Set(['integer', 'number', 'int', 'float', 'decimal']);

function paramId(name: string) {
  return `param-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

// The parameter a 422 problem names: an explicit member, else the first name in the detail.
function problemParam(e: ApiError, params: Parameter[]): string | null {
  const p = e.problem as Record<string, unknown>;
  for (const k of ['parameter', 'field']) {
    const v = p[k];
    if (typeof v === 'string' && params.some((x) => x.name === v)) return v;
  }
  const detail = e.problem.detail ?? '';
  return params.find((x) => detail.includes(x.name))?.name ?? null;
}

export function ServicePage({ kommune, service }: { kommune: string; service: string }) {
  const { t, lang } = useI18n();
  const { data, error, loading } = useLoad(
    () =>
      api.services(kommune).then((r) => {
        const s = r.services.find((x) => x.id === service);
        if (!s) throw new ApiError({ status: 404, title: 'Not Found', detail: `No service '${service}'.` });
        return s;
      }),
    [kommune, service, lang],
  );
  const [settings, setSettings] = useState<ServiceSettings | null>(null);
  const [enabled, setEnabled] = useState(true);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<FormError[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);

  const adopt = (s: ServiceSettings) => {
    setSettings(s);
    setEnabled(s.enabled);
    setValues(Object.fromEntries(s.parameters.map((p) => [p.name, textOf(p.value)])));
  };
  useEffect(() => {
    if (data) adopt(data);
  }, [data]);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!settings) return;
    const changed: Record<string, unknown> = {};
    const errs: Record<string, string> = {};
    for (const p of settings.parameters) {
      const text = (values[p.name] ?? '').trim();
      if (text === textOf(p.value)) continue;
      if (text === '') {
        changed[p.name] = null;
      } else if (NUMERIC.has(p.type)) {
        const n = Number(text.replace(',', '.'));
        if (Number.isNaN(n)) errs[p.name] = t('service.invalidNumber', { field: p.name });
        else changed[p.name] = n;
      } else if (p.type === 'boolean') {
        changed[p.name] = text === 'true';
      } else {
        changed[p.name] = text;
      }
    }
    setSaved(false);
    setSaveError(null);
    if (Object.keys(errs).length > 0) {
      setErrors(errs);
      setSummary(Object.entries(errs).map(([n, text]) => ({ fieldId: paramId(n), text })));
      return;
    }
    setBusy(true);
    try {
      const body: { enabled: boolean; parameters?: Record<string, unknown> } = { enabled };
      if (Object.keys(changed).length > 0) body.parameters = changed;
      const result = await api.putService(kommune, service, body);
      if (result) adopt(result);
      setErrors({});
      setSummary([]);
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const text = problemText(err, t('common.networkError'));
        const name = problemParam(err, settings.parameters);
        setErrors(name ? { [name]: text } : {});
        setSummary([{ fieldId: name ? paramId(name) : '', text }]);
      } else {
        setSaveError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const title = settings?.name ?? data?.name ?? service;
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink href={`/admin/k/${kommune}/services`}>{t('service.back')}</AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph className="muted">{t('admin.kommune', { kommune })}</Paragraph>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {saved && (
        <Alert data-color="success" role="status" ref={savedRef} tabIndex={-1} className="block" id="service-saved">
          <Paragraph>{t('service.saved')}</Paragraph>
        </Alert>
      )}
      {settings && (
        <form onSubmit={submit} noValidate className="narrow block" aria-label={title}>
          <FormErrors errors={summary} />
          <Switch
            id="service-enabled"
            label={t('service.enabled')}
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
          />
          <Fieldset className="block">
            <Fieldset.Legend>{t('service.parameters')}</Fieldset.Legend>
            {settings.parameters.length === 0 && <Paragraph>{t('service.noParameters')}</Paragraph>}
            {settings.parameters.map((p) => (
              <Textfield
                key={p.name}
                id={paramId(p.name)}
                name={p.name}
                className="block"
                label={p.description ? `${p.description} (${p.name})` : p.name}
                description={[
                  t('service.default', { value: formatScalar(p.default) }),
                  p.source ? t('service.source', { source: t(`service.source.${p.source}` as MessageKey) }) : '',
                  t('service.resetHelp'),
                ]
                  .filter(Boolean)
                  .join(' ')}
                inputMode={NUMERIC.has(p.type) ? 'decimal' : undefined}
                autoComplete="off"
                value={values[p.name] ?? ''}
                error={errors[p.name]}
                onChange={(e) => setValues((v) => ({ ...v, [p.name]: e.target.value }))}
              />
            ))}
          </Fieldset>
          <ProblemAlert error={saveError} />
          <Button type="submit" loading={busy} className="block" id="service-save">
            {t('service.save')}
          </Button>
        </form>
      )}
      {settings && <DryRun kommune={kommune} service={service} />}
    </>
  );
}

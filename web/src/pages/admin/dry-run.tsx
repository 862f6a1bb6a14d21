// Dry run: upload a DMN file; POST …/services/{service}/dry-run with the XML as the body
// (Content-Type application/xml); show how many are eligible now and with the candidate, and
// who would gain or lose the offer (persons come masked from the server).
import { Button, Field, Heading, Input, Label, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type DryRunResult } from '../../api';
import { FormErrors } from '../../components/form-errors';
import { ProblemAlert, problemText } from '../../components/problem-alert';
import { TableScroll } from '../../components/table-scroll';
import { ValueView } from '../../components/value-view';
import { fieldLabel, useI18n } from '../../i18n';

export function DryRun({ kommune, service }: { kommune: string; service: string }) {
  const { t, formatNumber } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DryRunResult | null>(null);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t('dry.needFile'));
      return;
    }
    setFileError(null);
    setBusy(true);
    setResult(null);
    try {
      const xml = await file.text();
      setResult(await api.dryRun(kommune, service, xml));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setFileError(problemText(err, t('common.networkError')));
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="dry-h" className="section">
      <Heading level={2} data-size="md" id="dry-h">
        {t('dry.title')}
      </Heading>
      <Paragraph>{t('dry.intro')}</Paragraph>
      <form onSubmit={submit} noValidate className="narrow">
        <FormErrors errors={fileError ? [{ fieldId: 'dmn-file', text: fileError }] : []} />
        <Field>
          <Label>{t('dry.file')}</Label>
          <Field.Description>{t('dry.fileHelp')}</Field.Description>
          <Input
            type="file"
            id="dmn-file"
            name="dmn"
            accept=".dmn,.xml,application/xml,text/xml"
            ref={fileRef}
            aria-invalid={fileError ? true : undefined}
          />
          {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
        </Field>
        <ProblemAlert error={error} />
        <Button type="submit" loading={busy ? t('dry.running') : false} className="block" id="dry-run-button">
          {t('dry.run')}
        </Button>
      </form>
      {result && (
        <div className="block" id="dry-run-result">
          <Heading level={3} data-size="sm" id="dry-result-h" tabIndex={-1} ref={resultRef}>
            {t('dry.result')}
          </Heading>
          <dl className="facts" aria-label={t('dry.summary')}>
            <div>
              <dt>{t('dry.persons')}</dt>
              <dd>{formatNumber(result.persons)}</dd>
            </div>
            <div>
              <dt>{t('dry.current')}</dt>
              <dd data-testid="current-eligible">{formatNumber(result.current_eligible)}</dd>
            </div>
            <div>
              <dt>{t('dry.candidate')}</dt>
              <dd data-testid="candidate-eligible">{formatNumber(result.candidate_eligible)}</dd>
            </div>
            <div>
              <dt>{t('dry.seconds')}</dt>
              <dd>{formatNumber(result.seconds, 2)} s</dd>
            </div>
          </dl>
          <PersonList id="gained" title={t('dry.gained', { n: result.gained.length })} rows={result.gained} />
          <PersonList id="lost" title={t('dry.lost', { n: result.lost.length })} rows={result.lost} />
        </div>
      )}
    </section>
  );
}

function PersonList({ id, title, rows }: { id: string; title: string; rows: unknown[] }) {
  const { t } = useI18n();
  const objects = rows.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : { value: r }));
  const cols = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  return (
    <section aria-labelledby={`${id}-h`} className="block" id={id}>
      <Heading level={4} data-size="xs" id={`${id}-h`}>
        {title}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t('dry.none')}</Paragraph>
      ) : (
        <TableScroll label={title}>
          <Table data-size="sm" zebra>
            <caption className="visually-hidden">{title}</caption>
            <Table.Head>
              <Table.Row>
                {cols.map((c) => (
                  <Table.HeaderCell key={c}>{fieldLabel(t, c)}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {objects.map((o, i) => (
                <Table.Row key={i}>
                  {cols.map((c) => (
                    <Table.Cell key={c}>
                      <ValueView value={o[c]} />
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

// Who has looked at my data (GET /api/v1/me/access-log, paged by `before`): each read — when,
// who, which data items, purpose, legal basis and what it was for — newest first. "Verify"
// fetches the entry's inclusion proof (GET …/{seq}/proof) and the published checkpoint key
// (GET /api/v1/transparency/checkpoint) and checks the proof in the browser
// (transparency/verify.ts); the result is shown in a row under the entry and takes focus.
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { Fragment, useEffect, useState } from 'react';
import { api, type AccessLogEntry, type InclusionProofDoc } from '../../api';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert, problemText } from '../../components/problem-alert';
import { TableScroll } from '../../components/table-scroll';
import { useI18n, type MessageKey } from '../../i18n';
import { verifyInclusion, type Verification } from '../../transparency/verify';
import { useLoad } from '../../use-load';
import { VerifyResult } from './verify-result';

const LIMIT = 20;

type Check =
  | { seq: number; state: 'busy' }
  | { seq: number; state: 'done'; proof: InclusionProofDoc; result: Verification }
  | { seq: number; state: 'error'; error: unknown };

export function AccessLogPage() {
  const { t, lang, formatDateTime, formatNumber } = useI18n();
  const [befores, setBefores] = useState<(number | null)[]>([null]); // the `before` of each page seen
  const page = befores.length - 1;
  const { data, error, loading } = useLoad(() => api.accessLog(befores[page], LIMIT), [befores, lang]);
  // Names of data items and purposes, from "what the municipality knows about me" and from the
  // citizen's consents (a consumer's purpose); ids are shown where neither names them.
  const { data: names } = useLoad(async () => {
    const [fields, consents] = await Promise.all([
      api.myData().then((d) => d.fields, () => []),
      api.myConsents().then((d) => d.consents, () => []),
    ]);
    return {
      items: new Map([
        ...consents.flatMap((c) => c.items.map((i) => [i.id, i.name ?? i.id] as const)),
        ...fields.map((f) => [f.field, f.label] as const),
      ]),
      purposes: new Map([
        ...consents.map((c) => [c.purpose.id ?? '', c.purpose.name ?? ''] as const),
        ...fields.flatMap((f) => f.purposes.map((p) => [p.id, p.name] as const)),
      ]),
    };
  }, [lang]);
  const [check, setCheck] = useState<Check | null>(null);
  const [paged, setPaged] = useState(false);

  useEffect(() => {
    if (paged && data) document.getElementById('log-table')?.focus();
  }, [paged, data]);

  const entries = data?.entries ?? [];
  const go = (next: (number | null)[]) => {
    setCheck(null);
    setPaged(true);
    setBefores(next);
  };

  const verify = async (entry: AccessLogEntry) => {
    setCheck({ seq: entry.seq, state: 'busy' });
    try {
      const [proof, published] = await Promise.all([
        api.accessLogProof(entry.seq),
        api.transparencyCheckpoint().catch(() => null),
      ]);
      const result = await verifyInclusion(proof, { listed: entry, publishedKey: published?.public_key });
      setCheck({ seq: entry.seq, state: 'done', proof, result });
    } catch (e) {
      setCheck({ seq: entry.seq, state: 'error', error: e });
    }
  };

  const itemName = (id: string) => names?.items.get(id) ?? id;
  const purposeName = (id: string) => names?.purposes.get(id) ?? id;

  return (
    <>
      <PageHeading title={t('log.title')}>{t('log.title')}</PageHeading>
      <Paragraph className="lead">{t('log.intro')}</Paragraph>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {data && entries.length === 0 && <Paragraph>{t('log.empty')}</Paragraph>}
      {entries.length > 0 && (
        <>
          <Paragraph data-size="sm" id="log-total" aria-live="polite">
            {t('log.total', {
              total: formatNumber(data?.total ?? entries.length),
              from: formatNumber(page * LIMIT + 1),
              to: formatNumber(page * LIMIT + entries.length),
            })}
          </Paragraph>
          <TableScroll label={t('log.caption')} id="log-table">
            <Table zebra data-size="sm" className="access-log-table">
              <caption className="visually-hidden">{t('log.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('log.col.when')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('log.col.who')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('log.col.items')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('log.col.purpose')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('log.col.check')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {entries.map((e) => (
                  <Fragment key={e.seq}>
                    <Table.Row data-seq={e.seq}>
                      <Table.Cell>
                        {formatDateTime(e.time)}
                        <div className="muted">{t('log.seq', { seq: e.seq })}</div>
                      </Table.Cell>
                      <Table.Cell>
                        {e.actor.name || e.actor.id}
                        <div className="muted">
                          {t(`log.actor.${e.actor.kind}` as MessageKey)}
                          {e.actor.kind === 'consumer' && e.actor.id ? ` (${e.actor.id})` : ''}
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        <ul className="plain-list">
                          {e.items.map((i) => (
                            <li key={i}>{itemName(i)}</li>
                          ))}
                        </ul>
                      </Table.Cell>
                      <Table.Cell>
                        {purposeName(e.purpose)}
                        <div className="muted">{t('log.legal', { basis: e.legal_basis })}</div>
                        {e.reference && <div className="muted">{t('log.reference', { reference: e.reference })}</div>}
                      </Table.Cell>
                      <Table.Cell>
                        <Button
                          type="button"
                          variant="secondary"
                          data-size="sm"
                          className="verify-button"
                          id={`verify-${e.seq}`}
                          onClick={() => verify(e)}
                          loading={check?.seq === e.seq && check.state === 'busy'}
                          disabled={check?.state === 'busy'}
                        >
                          {check?.seq === e.seq && check.state === 'busy' ? t('log.verifying') : t('log.verify')}
                          <span className="visually-hidden"> {t('log.verifyEntry', { seq: e.seq })}</span>
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                    {check?.seq === e.seq && check.state !== 'busy' && (
                      <Table.Row className="verify-row">
                        <Table.Cell colSpan={5}>
                          {check.state === 'done' ? (
                            <VerifyResult seq={check.seq} proof={check.proof} result={check.result} />
                          ) : (
                            <ProblemAlert
                              id="verify-error"
                              error={
                                new Error(
                                  globalThis.crypto?.subtle
                                    ? t('verify.error', { detail: problemText(check.error, t('common.networkError')) })
                                    : t('verify.noCrypto'),
                                )
                              }
                            />
                          )}
                        </Table.Cell>
                      </Table.Row>
                    )}
                  </Fragment>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          {(page > 0 || data?.next_before != null) && (
            <nav aria-label={t('log.pages')} className="button-row block">
              {page > 0 && (
                <Button type="button" variant="secondary" id="log-newer" onClick={() => go(befores.slice(0, -1))}>
                  {t('log.newer')}
                </Button>
              )}
              {data?.next_before != null && (
                <Button type="button" variant="secondary" id="log-older" onClick={() => go([...befores, data.next_before])}>
                  {t('log.older')}
                </Button>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}

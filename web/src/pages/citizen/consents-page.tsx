// Consents (GET /api/v1/me/consents, then each one with its history, GET …/{id}): requests
// waiting for an answer — shown in full, which marks a new one opened (POST …/{id}/open) — with
// approve (POST …/accept) and reject (POST …/reject); active consents with withdraw (POST
// …/revoke, after a confirmation dialog); past ones (rejected, revoked, expired, used) with
// their history. Every consent has its receipt (ISO/IEC TS 27560 JSON) as a download. After an
// action a status message takes focus.
import { Alert, Button, Card, Details, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { api, type Consent } from '../../api';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { useI18n, type MessageKey } from '../../i18n';
import { useLoad } from '../../use-load';
import { ConsentFacts, ConsentHistory, ConsentTag, consumerName, ReceiptLink } from './consent-parts';

type Action = 'accept' | 'reject' | 'revoke';
const DONE: Record<Action, MessageKey> = {
  accept: 'consents.approved',
  reject: 'consents.rejected',
  revoke: 'consents.revoked',
};

// The list, each consent with its history; a new request is marked opened as it is shown.
async function loadConsents(): Promise<Consent[]> {
  const { consents } = await api.myConsents();
  return Promise.all(
    consents.map((c) =>
      (c.state === 'created' ? api.consentAction(c.id, 'open') : api.myConsent(c.id)).catch(() => c),
    ),
  );
}

export function ConsentsPage() {
  const { t, lang, formatDateTime } = useI18n();
  const { data, setData, error, loading } = useLoad(loadConsents, [lang]);
  const [busy, setBusy] = useState<string | null>(null); // "<id>:<action>"
  const [done, setDone] = useState<{ action: Action; name: string; n: number } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const revokeButtons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  useEffect(() => {
    if (actionError) errorRef.current?.focus();
  }, [actionError]);
  // The dialog opens with focus on "Cancel": the safe choice for an action that cannot be undone.
  useEffect(() => {
    if (!revoking) return;
    const id = window.setTimeout(() => document.getElementById('revoke-cancel')?.focus(), 0);
    return () => window.clearTimeout(id);
  }, [revoking]);

  const consents = data ?? [];
  const pending = consents.filter((c) => c.group === 'pending');
  const active = consents.filter((c) => c.group === 'active');
  const past = consents.filter((c) => c.group === 'past');

  const act = async (c: Consent, action: Action) => {
    setBusy(`${c.id}:${action}`);
    setActionError(null);
    try {
      const updated = await api.consentAction(c.id, action);
      setData((list) => (list ?? []).map((x) => (x.id === c.id ? { ...x, ...updated } : x)));
      setRevoking(null);
      setDone((d) => ({ action, name: consumerName(c), n: (d?.n ?? 0) + 1 }));
    } catch (e) {
      setRevoking(null);
      setDone(null);
      setActionError(e);
    } finally {
      setBusy(null);
    }
  };

  const closeDialog = () => {
    const id = revoking?.id;
    setRevoking(null);
    if (id) setTimeout(() => revokeButtons.current.get(id)?.focus(), 0);
  };

  return (
    <>
      <PageHeading title={t('consents.title')}>{t('consents.title')}</PageHeading>
      <Paragraph className="lead">{t('consents.intro')}</Paragraph>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {done && (
        <Alert data-color="success" role="status" ref={doneRef} tabIndex={-1} className="block" id="consent-outcome" key={done.n}>
          <Paragraph>{t(DONE[done.action], { name: done.name })}</Paragraph>
        </Alert>
      )}
      {!!actionError && (
        <div ref={errorRef} tabIndex={-1} className="focus-target">
          <ProblemAlert error={actionError} id="consent-error" />
        </div>
      )}

      {data && (
        <>
          <section aria-labelledby="pending-h" className="block" id="pending-consents">
            <Heading level={2} data-size="sm" id="pending-h">
              {t('consents.pending')}
            </Heading>
            {pending.length === 0 && <Paragraph>{t('consents.pendingEmpty')}</Paragraph>}
            {pending.map((c) => (
              <Card key={c.id} className="consent-card block" data-consent-id={c.id} data-group="pending" data-color="accent" variant="tinted">
                <Heading level={3} data-size="xs">
                  {t('consents.asks', { name: consumerName(c) })}
                </Heading>
                <ConsentFacts consent={c} headingLevel={4} />
                <Paragraph data-size="sm">{t('consents.approveHint', { name: consumerName(c) })}</Paragraph>
                <div className="button-row">
                  <Button
                    type="button"
                    className="approve-button"
                    id={`approve-${c.id}`}
                    onClick={() => act(c, 'accept')}
                    loading={busy === `${c.id}:accept`}
                    disabled={!!busy}
                  >
                    {t('consents.approve')}
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    className="reject-button"
                    id={`reject-${c.id}`}
                    onClick={() => act(c, 'reject')}
                    loading={busy === `${c.id}:reject`}
                    disabled={!!busy}
                  >
                    {t('consents.reject')}
                  </Button>
                </div>
              </Card>
            ))}
          </section>

          <section aria-labelledby="active-h" className="section" id="active-consents">
            <Heading level={2} data-size="sm" id="active-h">
              {t('consents.active')}
            </Heading>
            {active.length === 0 && <Paragraph>{t('consents.activeEmpty')}</Paragraph>}
            {active.map((c) => (
              <Card key={c.id} className="consent-card block" data-consent-id={c.id} data-group="active">
                <Card.Block>
                  <Heading level={3} data-size="xs">
                    {t('consents.consentTo', { name: consumerName(c) })}
                  </Heading>
                  <ConsentFacts consent={c} headingLevel={4} />
                  <div className="button-row">
                    <Button
                      type="button"
                      variant="secondary"
                      data-color="danger"
                      className="revoke-button"
                      id={`revoke-${c.id}`}
                      ref={(el) => {
                        if (el) revokeButtons.current.set(c.id, el);
                        else revokeButtons.current.delete(c.id);
                      }}
                      onClick={() => setRevoking(c)}
                      disabled={!!busy}
                    >
                      {t('consents.revoke')}
                    </Button>
                    <ReceiptLink consent={c} />
                  </div>
                </Card.Block>
                <Details>
                  <Details.Summary>{t('consents.history')}</Details.Summary>
                  <Details.Content>
                    <ConsentHistory consent={c} />
                  </Details.Content>
                </Details>
              </Card>
            ))}
          </section>

          <section aria-labelledby="past-h" className="section" id="past-consents">
            <Heading level={2} data-size="sm" id="past-h">
              {t('consents.past')}
            </Heading>
            {past.length === 0 && <Paragraph>{t('consents.pastEmpty')}</Paragraph>}
            {past.map((c) => (
              <Details key={c.id} className="consent-past" data-consent-id={c.id} data-group="past">
                <Details.Summary>
                  {consumerName(c)} – {c.purpose.name || c.purpose.id}: {t(`consents.st.${c.state}` as MessageKey).toLowerCase()} (
                  {formatDateTime(c.updated_at ?? c.created_at)})
                </Details.Summary>
                <Details.Content>
                  <ConsentFacts consent={c} headingLevel={3} />
                  <Heading level={3} data-size="2xs">
                    {t('consents.history')}
                  </Heading>
                  <ConsentHistory consent={c} />
                  <Paragraph className="block">
                    <ReceiptLink consent={c} />
                  </Paragraph>
                </Details.Content>
              </Details>
            ))}
          </section>
        </>
      )}

      <Dialog
        open={!!revoking}
        onClose={closeDialog}
        closeButton={false}
        aria-labelledby="revoke-h"
        id="revoke-dialog"
      >
        {revoking && (
          <>
            <Heading level={2} data-size="xs" id="revoke-h">
              {t('consents.revokeTitle')}
            </Heading>
            <Paragraph className="block">{t('consents.revokeText', { name: consumerName(revoking) })}</Paragraph>
            <Paragraph data-size="sm">
              <ConsentTag state={revoking.state} /> {revoking.purpose.name}
            </Paragraph>
            <div className="button-row block">
              <Button
                type="button"
                data-color="danger"
                id="revoke-confirm"
                onClick={() => act(revoking, 'revoke')}
                loading={busy === `${revoking.id}:revoke`}
              >
                {t('consents.revokeYes')}
              </Button>
              <Button type="button" variant="secondary" id="revoke-cancel" onClick={closeDialog} disabled={!!busy}>
                {t('common.cancel')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}

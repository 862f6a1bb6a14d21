// One offer (GET /api/v1/me/offers/{id}; showing it delivers and opens it): the message, why,
// the legal reference, the pre-filled application, an optional satisfaction question and
// comment, and accept (POST …/accept with the corrected application) or decline (POST
// …/decline, after a confirmation); the messages sent about it and their delivery status.
// Problems from the server are shown with their `detail`; a 422 naming a field is shown at that
// field and in an error summary.
import { Alert, Button, Fieldset, Heading, Link, Paragraph, Radio, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type Answer, type OfferDetail } from '../../api';
import { FormErrors, type FormError } from '../../components/form-errors';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert, problemText } from '../../components/problem-alert';
import { StateTag } from '../../components/state-tag';
import { fieldLabel, useI18n, type MessageKey } from '../../i18n';
import { AppLink } from '../../router';
import { useLoad } from '../../use-load';
import { ApplicationForm, buildApplication, fieldId, initialDraft, type Draft } from './application-form';
import { OfferMessages } from './offer-messages';

const OPEN_STATES = new Set(['proposed', 'sent', 'opened']);

// Which application field a 422 problem is about: an explicit `field`/`parameter` member if the
// server adds one, else the first editable field whose name appears in the detail sentence.
function problemField(e: ApiError, editable: string[]): string | null {
  const p = e.problem as Record<string, unknown>;
  for (const k of ['field', 'parameter', 'pointer']) {
    const v = p[k];
    if (typeof v === 'string') {
      const name = v.replace(/^\/?(application\/)?/, '').split(/[/.]/)[0];
      if (editable.includes(name)) return name;
    }
  }
  const detail = e.problem.detail ?? '';
  return editable.find((f) => new RegExp(`\\b${f}\\b`).test(detail)) ?? null;
}

function Paragraphs({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <>
      {text.split(/\n\s*\n/).map((p, i) => (
        <Paragraph key={i}>{p}</Paragraph>
      ))}
    </>
  );
}

export function OfferPage({ id }: { id: number }) {
  const { t, lang, formatDate } = useI18n();
  const { data: offer, setData: setOffer, error, loading } = useLoad(() => api.myOffer(id), [id, lang]);
  const [draft, setDraft] = useState<Draft>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<FormError[]>([]);
  const [satisfaction, setSatisfaction] = useState<string>('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<'accepted' | 'declined' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const declineRef = useRef<HTMLButtonElement>(null);
  const draftFor = useRef<number | null>(null);

  const editable = offer?.editable_fields ?? [];
  const application = offer?.application ?? {};

  useEffect(() => {
    if (offer && draftFor.current !== offer.id) {
      draftFor.current = offer.id;
      setDraft(initialDraft(offer.application ?? {}, offer.editable_fields ?? []));
    }
  }, [offer]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const answerBase = (): Answer => {
    const a: Answer = {};
    if (comment.trim()) a.comment = comment.trim();
    if (satisfaction) a.satisfaction = Number(satisfaction);
    return a;
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 422) {
      const f = problemField(e, editable);
      const text = problemText(e, t('common.networkError'));
      if (f) {
        const path = f in draft ? f : (Object.keys(draft).find((k) => k.startsWith(`${f}.`)) ?? f);
        setFieldErrors({ [path]: text });
        setSummary([{ fieldId: fieldId(path), text }]);
      } else {
        setFieldErrors({});
        setSummary([{ fieldId: '', text }]);
      }
      setActionError(null);
    } else {
      setSummary([]);
      setActionError(e);
    }
  };

  const accept = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!offer) return;
    const { application: corrected, errors } = buildApplication(application, editable, draft, t);
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      setSummary(Object.entries(errors).map(([p, text]) => ({ fieldId: fieldId(p), text })));
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setSummary([]);
    setActionError(null);
    try {
      const body = answerBase();
      if (editable.length > 0) body.application = corrected;
      const updated = await api.accept(offer.id, body);
      setOffer(updated ?? { ...offer, state: 'accepted' });
      setOutcome('accepted');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const decline = async () => {
    if (!offer) return;
    setBusy(true);
    setActionError(null);
    setSummary([]);
    try {
      const updated = await api.decline(offer.id, answerBase());
      setConfirming(false);
      setOffer(updated ?? { ...offer, state: 'declined' });
      setOutcome('declined');
    } catch (e) {
      setConfirming(false);
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const heading = offer ? offer.title || offer.service_name : t('common.loading');
  const open = !!offer && offer.kind === 'offer' && OPEN_STATES.has(offer.state);

  return (
    <>
      <Paragraph data-size="sm">
        <AppLink href="/">{t('offer.back')}</AppLink>
      </Paragraph>
      <PageHeading title={heading}>{heading}</PageHeading>
      {loading && !offer && <Loading />}
      <ProblemAlert error={error} />
      {offer && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('offer.state')}</dt>
              <dd>
                <StateTag state={offer.state} />
              </dd>
            </div>
            {offer.subject?.name && (
              <div>
                <dt>{t('offer.about')}</dt>
                <dd>
                  {offer.subject.name}
                  {offer.subject.relation && ` (${t(`relation.${offer.subject.relation}` as MessageKey).toLowerCase()})`}
                </dd>
              </div>
            )}
            {offer.deadline && (
              <div>
                <dt>{t('offer.deadline')}</dt>
                <dd>{formatDate(offer.deadline)}</dd>
              </div>
            )}
          </dl>

          {outcome && (
            <Alert
              data-color="success"
              ref={outcomeRef}
              tabIndex={-1}
              role="status"
              className="block"
              id="offer-outcome"
            >
              <Paragraph>{t(outcome === 'accepted' ? 'offer.accepted' : 'offer.declined')}</Paragraph>
            </Alert>
          )}

          <section aria-labelledby="message-h" className="block">
            <Heading level={2} data-size="sm" id="message-h" className="visually-hidden">
              {offer.service_name}
            </Heading>
            <Paragraphs text={offer.message} />
          </section>

          {(offer.reason || offer.legal_reference) && (
            <section aria-labelledby="reason-h" className="block">
              <Heading level={2} data-size="sm" id="reason-h">
                {t('offer.reason')}
              </Heading>
              <Paragraphs text={offer.reason} />
              {offer.legal_reference && (
                <Paragraph>
                  {t('offer.legal')}:{' '}
                  {offer.legal_url ? (
                    <Link href={offer.legal_url} id="legal-link">
                      {offer.legal_reference}
                    </Link>
                  ) : (
                    offer.legal_reference
                  )}
                </Paragraph>
              )}
            </section>
          )}

          {offer.kind === 'notice' && (
            <Alert data-color="info" className="block">
              <Paragraph>{t('offer.notice')}</Paragraph>
            </Alert>
          )}
          {!outcome && offer.kind === 'offer' && !open && (
            <Alert data-color="info" className="block">
              <Paragraph>
                {offer.state === 'accepted' || offer.state === 'declined' ? t('offer.answered') : t('offer.closed')}
              </Paragraph>
            </Alert>
          )}

          {(open || Object.keys(application).length > 0) && (
            <form onSubmit={accept} noValidate aria-labelledby="application-h" className="block">
              <Heading level={2} data-size="sm" id="application-h">
                {Object.keys(application).length > 0 ? t('offer.application') : t('offer.yourAnswer')}
              </Heading>
              {open && Object.keys(application).length > 0 && <Paragraph>{t('offer.applicationIntro')}</Paragraph>}
              <FormErrors errors={summary} />
              <ApplicationForm
                application={application}
                editable={open ? editable : []}
                draft={draft}
                errors={fieldErrors}
                disabled={busy}
                onChange={(p, v) => setDraft((d) => ({ ...d, [p]: v }))}
              />
              {open && (
                <>
                  <Fieldset className="block" id="satisfaction">
                    <Fieldset.Legend>{t('offer.satisfaction')}</Fieldset.Legend>
                    <Fieldset.Description>{t('offer.satisfactionHelp')}</Fieldset.Description>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <Radio
                        key={n}
                        name="satisfaction"
                        value={String(n)}
                        label={t(`offer.sat.${n}` as MessageKey)}
                        checked={satisfaction === String(n)}
                        onChange={(e) => setSatisfaction(e.target.value)}
                      />
                    ))}
                  </Fieldset>
                  <Textfield
                    className="block narrow"
                    id="comment"
                    name="comment"
                    label={t('offer.comment')}
                    multiline
                    rows={3}
                    maxLength={2000}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                  />
                  <ProblemAlert error={actionError} />
                  {confirming ? (
                    <Alert data-color="warning" className="block" ref={confirmRef} tabIndex={-1} id="confirm-decline">
                      <Paragraph>{t('offer.confirmDecline')}</Paragraph>
                      <div className="button-row">
                        <Button type="button" data-color="danger" onClick={decline} loading={busy} id="confirm-decline-yes">
                          {t('offer.confirmDeclineYes')}
                        </Button>
                        <Button
                          type="button"
                          variant="secondary"
                          onClick={() => {
                            setConfirming(false);
                            setTimeout(() => declineRef.current?.focus(), 0);
                          }}
                        >
                          {t('common.cancel')}
                        </Button>
                      </div>
                    </Alert>
                  ) : (
                    <div className="button-row block">
                      <Button type="submit" loading={busy} id="accept-button">
                        {t('offer.accept')}
                      </Button>
                      <Button
                        type="button"
                        variant="secondary"
                        ref={declineRef}
                        onClick={() => setConfirming(true)}
                        disabled={busy}
                        id="decline-button"
                      >
                        {t('offer.decline')}
                      </Button>
                    </div>
                  )}
                </>
              )}
            </form>
          )}

          <AnswerView offer={offer} />
          <OfferMessages messages={offer.messages} />
          <HistoryTable offer={offer} />
        </>
      )}
    </>
  );
}

function AnswerView({ offer }: { offer: OfferDetail }) {
  const { t } = useI18n();
  const a = offer.answer;
  if (!a || typeof a !== 'object') return null;
  const entries = Object.entries(a).filter(([k]) => k !== 'application');
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="answer-h" className="block">
      <Heading level={2} data-size="xs" id="answer-h">
        {t('offer.yourAnswer')}
      </Heading>
      <dl className="facts">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{fieldLabel(t, k)}</dt>
            <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function HistoryTable({ offer }: { offer: OfferDetail }) {
  const { t, formatDate } = useI18n();
  const h = offer.history ?? [];
  if (h.length === 0) return null;
  return (
    <section aria-labelledby="history-h" className="block">
      <Heading level={2} data-size="xs" id="history-h">
        {t('offer.history')}
      </Heading>
      <Table data-size="sm">
        <caption className="visually-hidden">{t('offer.historyCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('offer.col.on')}</Table.HeaderCell>
            <Table.HeaderCell>{t('offer.col.to')}</Table.HeaderCell>
            <Table.HeaderCell>{t('offer.col.cause')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {h.map((e, i) => (
            <Table.Row key={i}>
              <Table.Cell>{formatDate(e.on)}</Table.Cell>
              <Table.Cell>{t(`state.${e.to}` as MessageKey)}</Table.Cell>
              <Table.Cell>{e.cause ?? ''}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

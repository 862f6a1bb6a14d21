// The result of checking one access-log entry in the browser (transparency/verify.ts): a
// headline (in the signed log / in the log, signature not checked / failed), each step with its
// outcome and, for a failure, why; then the checkpoint it was checked against (tree size, when
// it was signed, root hash, the log's key). The headline takes focus when the result appears.
import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import type { InclusionProofDoc } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import type { Step, Verification } from '../../transparency/verify';

const STATUS_COLOR = { ok: 'success', failed: 'danger', skipped: 'warning' } as const;

export function VerifyResult({ seq, proof, result }: { seq: number; proof: InclusionProofDoc; result: Verification }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [result]);

  const outcome = !result.verified ? 'failed' : result.signature === 'valid' ? 'verified' : 'partial';
  const title = t(outcome === 'verified' ? 'verify.okTitle' : outcome === 'partial' ? 'verify.partTitle' : 'verify.failTitle', {
    seq,
  });
  const reasonText = (s: Step) =>
    s.reason ? t(`verify.reason.${s.reason}` as MessageKey, s.detail as Record<string, string | number> | undefined) : '';
  const cp = proof.checkpoint;

  return (
    <section
      aria-labelledby="verify-h"
      className="block verify-result"
      id="verify-result"
      data-seq={seq}
      data-outcome={outcome}
      data-signature={result.signature}
    >
      <Alert data-color={outcome === 'verified' ? 'success' : outcome === 'partial' ? 'warning' : 'danger'}>
        <Heading level={2} data-size="xs" id="verify-h" ref={headingRef} tabIndex={-1} className="focus-heading">
          {title}
        </Heading>
        <Paragraph>{t('verify.intro')}</Paragraph>
        <ul className="verify-steps">
          {result.steps.map((s) => (
            <li key={s.id} data-step={s.id} data-status={s.status}>
              <Tag data-color={STATUS_COLOR[s.status]} data-size="sm">
                {t(`verify.${s.status}` as MessageKey)}
              </Tag>{' '}
              {t(`verify.step.${s.id}` as MessageKey)}
              {s.status !== 'ok' && s.reason && <div className="verify-reason">{reasonText(s)}</div>}
            </li>
          ))}
        </ul>
        {result.signature === 'unsupported' && <Paragraph>{t('verify.noEd25519')}</Paragraph>}
      </Alert>
      <Heading level={3} data-size="2xs" className="block">
        {t('verify.checkpoint')}
      </Heading>
      <dl className="facts checkpoint-facts">
        <div>
          <dt>{t('verify.treeSize')}</dt>
          <dd data-testid="checkpoint-size">{formatNumber(cp.tree_size)}</dd>
        </div>
        <div>
          <dt>{t('verify.signedAt')}</dt>
          <dd>{formatDateTime(cp.time ?? new Date(cp.time_unix_ms).toISOString())}</dd>
        </div>
        <div>
          <dt>{t('verify.root')}</dt>
          <dd>
            <code className="hash">{cp.root_hash}</code>
          </dd>
        </div>
        <div>
          <dt>{t('verify.key')}</dt>
          <dd>
            <code className="hash">{cp.public_key}</code>
          </dd>
        </div>
      </dl>
      <Paragraph data-size="sm">{t('verify.keyNote')}</Paragraph>
    </section>
  );
}

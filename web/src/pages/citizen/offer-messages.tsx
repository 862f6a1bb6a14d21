// The messages of an offer to this citizen (OfferDetail.messages, issue 6): when, through which
// channel, which message (the offer, a reminder, a change) and how it fared. Nothing is shown
// when the server sends no messages (an older server, or an offer only seen in the portal).
import { Heading, Table, Tag } from '@digdir/designsystemet-react';
import type { DeliveryStatus, OfferMessage } from '../../api';
import { TableScroll } from '../../components/table-scroll';
import { useI18n, type MessageKey } from '../../i18n';

const COLORS: Record<DeliveryStatus, string> = {
  queued: 'info',
  sending: 'info',
  sent: 'info',
  delivered: 'success',
  failed: 'danger',
  dead: 'danger',
  cancelled: 'neutral',
};

// The time that says most about the message's state.
function when(m: OfferMessage): string | undefined {
  if (m.status === 'delivered') return m.delivered_at ?? m.updated_at ?? m.queued_at;
  if (m.status === 'sent') return m.sent_at ?? m.updated_at ?? m.queued_at;
  return m.updated_at ?? m.queued_at;
}

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useI18n();
  return (
    <Tag data-color={COLORS[status] ?? 'neutral'} data-status={status} className="delivery-status">
      {t(`dstatus.${status}` as MessageKey)}
    </Tag>
  );
}

export function OfferMessages({ messages }: { messages?: OfferMessage[] }) {
  const { t, formatDateTime } = useI18n();
  if (!messages || messages.length === 0) return null;
  return (
    <section aria-labelledby="messages-h" className="block" id="offer-messages">
      <Heading level={2} data-size="xs" id="messages-h">
        {t('msg.title')}
      </Heading>
      <TableScroll label={t('msg.caption')}>
        <Table data-size="sm" className="messages-table">
          <caption className="visually-hidden">{t('msg.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('msg.col.time')}</Table.HeaderCell>
              <Table.HeaderCell>{t('msg.col.channel')}</Table.HeaderCell>
              <Table.HeaderCell>{t('msg.col.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('msg.col.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {messages.map((m, i) => (
              <Table.Row key={i} data-channel={m.channel} data-kind={m.kind} data-status={m.status}>
                <Table.Cell>{formatDateTime(when(m))}</Table.Cell>
                <Table.Cell>{t(`channel.${m.channel}` as MessageKey)}</Table.Cell>
                <Table.Cell>{t(`msgKind.${m.kind}` as MessageKey)}</Table.Cell>
                <Table.Cell>
                  <DeliveryStatusTag status={m.status} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

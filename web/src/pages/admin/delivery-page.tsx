// Delivery (GET …/kommuner/{k}/delivery, issue 6): the kommune's messages per channel, day and
// current status over a period (the server's default: the last 30 days). A bar chart of the
// messages per channel with the delivered part, a table of status per channel, and a table of
// messages per day and channel.
import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api, type DeliveryChannel, type DeliveryCounts, type DeliveryStatus } from '../../api';
import { BarChart } from '../../components/bar-chart';
import { FormErrors } from '../../components/form-errors';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { TableScroll } from '../../components/table-scroll';
import { useI18n, type MessageKey } from '../../i18n';
import { useLoad } from '../../use-load';

const CHANNELS: DeliveryChannel[] = ['mailbox', 'sms', 'email', 'letter'];
const STATUSES: DeliveryStatus[] = ['queued', 'sending', 'sent', 'delivered', 'failed', 'dead', 'cancelled'];

// Channels in the fixed order above, then any other the server names.
function channelsOf(d: DeliveryCounts): string[] {
  const seen = new Set([...Object.keys(d.totals ?? {}), ...d.rows.map((r) => r.channel)]);
  return [...CHANNELS.filter((c) => seen.has(c)), ...[...seen].filter((c) => !CHANNELS.includes(c as DeliveryChannel)).sort()];
}

export function DeliveryPage({ kommune }: { kommune: string }) {
  const { t, lang, formatNumber, formatDate } = useI18n();
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { data, error, loading } = useLoad(() => api.delivery(kommune, period?.from, period?.to), [kommune, period, lang]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to || from > to) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setPeriod({ from, to });
  };

  const channels = data ? channelsOf(data) : [];
  const channelName = (c: string) => (CHANNELS.includes(c as DeliveryChannel) ? t(`channel.${c}` as MessageKey) : c);
  const count = (c: string, s: string) => data?.totals?.[c]?.[s] ?? 0;
  const total = (c: string) => Object.values(data?.totals?.[c] ?? {}).reduce((a, b) => a + b, 0);
  const days = [...new Set((data?.rows ?? []).map((r) => r.day))].sort();
  const perDay = (day: string, c: string) =>
    (data?.rows ?? []).filter((r) => r.day === day && r.channel === c).reduce((a, r) => a + r.count, 0);
  const range = data ? { from: formatDate(data.from), to: formatDate(data.to) } : { from: '', to: '' };
  const bars = channels.map((c) => ({
    label: channelName(c),
    value: total(c),
    part: count(c, 'delivered'),
    text: `${formatNumber(total(c))} (${t('delivery.deliveredShare', { n: formatNumber(count(c, 'delivered')) })})`,
  }));
  const desc = t('delivery.chartDesc', {
    values: channels
      .map((c) => t('delivery.chartValue', { channel: channelName(c), total: formatNumber(total(c)), delivered: formatNumber(count(c, 'delivered')) }))
      .join('; '),
  });
  const errorText = invalid ? t('delivery.badPeriod') : undefined;

  return (
    <>
      <PageHeading title={t('delivery.title')}>{t('delivery.title')}</PageHeading>
      <Paragraph className="lead">{t('delivery.intro')}</Paragraph>
      <FormErrors errors={invalid ? [{ fieldId: 'delivery-from', text: t('delivery.badPeriod') }] : []} />
      <form onSubmit={submit} noValidate className="filter-row" aria-label={t('delivery.show')}>
        <Textfield id="delivery-from" type="date" label={t('delivery.from')} value={from} onChange={(e) => setFrom(e.target.value)} error={errorText} />
        <Textfield id="delivery-to" type="date" label={t('delivery.to')} value={to} onChange={(e) => setTo(e.target.value)} />
        <Button type="submit" variant="secondary" id="delivery-show" className="align-end">
          {t('delivery.show')}
        </Button>
      </form>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {data && (
        <Paragraph data-size="sm" id="delivery-period">
          {t('delivery.period', range)}
        </Paragraph>
      )}
      {data && channels.length === 0 && <Paragraph>{t('delivery.empty')}</Paragraph>}
      {data && channels.length > 0 && (
        <>
          <section aria-labelledby="delivery-chart-h" className="block">
            <Heading level={2} data-size="sm" id="delivery-chart-h">
              {t('delivery.chartTitle', range)}
            </Heading>
            <BarChart title={t('delivery.chartTitle', range)} desc={desc} bars={bars} className="delivery-chart" />
            <Paragraph data-size="sm" aria-hidden="true" className="muted">
              {t('delivery.legend')}
            </Paragraph>
          </section>
          <section aria-labelledby="delivery-totals-h" className="block">
            <Heading level={2} data-size="sm" id="delivery-totals-h">
              {t('delivery.totalsCaption')}
            </Heading>
            <TableScroll label={t('delivery.totalsCaption')}>
              <Table zebra data-size="sm" className="delivery-totals">
                <caption className="visually-hidden">{t('delivery.totalsCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('delivery.col.channel')}</Table.HeaderCell>
                    {STATUSES.map((s) => (
                      <Table.HeaderCell key={s} className="num">
                        {t(`dstatus.${s}` as MessageKey)}
                      </Table.HeaderCell>
                    ))}
                    <Table.HeaderCell className="num">{t('delivery.col.total')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {channels.map((c) => (
                    <Table.Row key={c} data-channel={c}>
                      <Table.HeaderCell scope="row">{channelName(c)}</Table.HeaderCell>
                      {STATUSES.map((s) => (
                        <Table.Cell key={s} className="num" data-status={s}>
                          {formatNumber(count(c, s))}
                        </Table.Cell>
                      ))}
                      <Table.Cell className="num" data-status="total">
                        {formatNumber(total(c))}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </section>
          <section aria-labelledby="delivery-days-h" className="block">
            <Heading level={2} data-size="sm" id="delivery-days-h">
              {t('delivery.daysCaption')}
            </Heading>
            <TableScroll label={t('delivery.daysCaption')}>
              <Table zebra data-size="sm" className="delivery-days">
                <caption className="visually-hidden">{t('delivery.daysCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('delivery.col.day')}</Table.HeaderCell>
                    {channels.map((c) => (
                      <Table.HeaderCell key={c} className="num">
                        {channelName(c)}
                      </Table.HeaderCell>
                    ))}
                    <Table.HeaderCell className="num">{t('delivery.col.total')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {days.map((d) => (
                    <Table.Row key={d} data-day={d}>
                      <Table.HeaderCell scope="row">{formatDate(d)}</Table.HeaderCell>
                      {channels.map((c) => (
                        <Table.Cell key={c} className="num">
                          {formatNumber(perDay(d, c))}
                        </Table.Cell>
                      ))}
                      <Table.Cell className="num">{formatNumber(channels.reduce((a, c) => a + perDay(d, c), 0))}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </section>
        </>
      )}
    </>
  );
}

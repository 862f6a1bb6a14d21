// DEVELOPMENT ONLY — message delivery in dev/mock-api.mjs (issue 6): the messages of each test
// offer (OfferDetail.messages) and the admin's counts per day, channel and status
// (GET /api/v1/admin/kommuner/{k}/delivery). Fixed, synthetic data.

const at = (date, hh, mm) => `${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00Z`;
function msg(channel, kind, status, date, hh) {
  const queued = at(date, hh, 0);
  const sent = ['sent', 'delivered'].includes(status) ? at(date, hh, 1) : null;
  const delivered = status === 'delivered' ? at(date, hh, 3) : null;
  return { channel, kind, status, queued_at: queued, updated_at: delivered ?? sent ?? at(date, hh, 5), sent_at: sent, delivered_at: delivered };
}
// A date `days` after an ISO date.
const plus = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// The messages of an offer, from its decision date; a reminder after 7 days while it is open.
export function messagesFor(o) {
  const d = o.decided_on;
  switch (o.id) {
    case 101:
      return [msg('mailbox', 'offer', 'delivered', d, 7), msg('sms', 'offer', 'delivered', d, 8), msg('mailbox', 'reminder', 'sent', plus(d, 7), 7)];
    case 102:
      return [msg('email', 'offer', 'delivered', d, 7), msg('sms', 'offer', 'failed', d, 8)];
    case 103:
      return [msg('letter', 'offer', 'sent', d, 6)];
    case 201:
      return [msg('mailbox', 'offer', 'dead', d, 7), msg('letter', 'offer', 'delivered', plus(d, 1), 6), msg('letter', 'reminder', 'queued', plus(d, 8), 6)];
    default:
      return [];
  }
}

const CHANNELS = ['mailbox', 'sms', 'email', 'letter'];
const MIX = { mailbox: [0.86, 0.06, 0.03, 0.02, 0.03], sms: [0.8, 0.12, 0.05, 0.03, 0], email: [0.74, 0.14, 0.06, 0.02, 0.04], letter: [0.6, 0.35, 0, 0, 0.05] };
const STATUSES = ['delivered', 'sent', 'failed', 'dead', 'cancelled'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// GET …/kommuner/{k}/delivery?from&to: the last 30 days by default, at most 366.
export function deliveryCounts(k, url) {
  const q = (n) => url.searchParams.get(n);
  const today = new Date().toISOString().slice(0, 10);
  const to = q('to') ?? today;
  const from = q('from') ?? plus(to, -29);
  for (const [name, v] of [['from', from], ['to', to]]) {
    if (!DATE.test(v) || Number.isNaN(Date.parse(v))) return { error: `${name} '${v}' is not a date (YYYY-MM-DD)` };
  }
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (span < 1 || span > 366) return { error: `from ${from} and to ${to} must be 1 to 366 days apart, in order` };
  const rows = [];
  const totals = {};
  const seed = Number(k) % 13;
  for (let i = 0; i < span; i++) {
    const day = plus(from, i);
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    CHANNELS.forEach((channel, ci) => {
      const base = dow === 0 || dow === 6 ? 1 : [22, 9, 6, 4][ci];
      const n = Math.round(base * (0.6 + (((i * 7 + ci * 5 + seed) % 9) / 10)));
      let left = n;
      STATUSES.forEach((status, si) => {
        const count = si === STATUSES.length - 1 ? left : Math.min(left, Math.round(n * MIX[channel][si]));
        left -= count;
        if (day === today && status === 'delivered' && count > 2) rows.push({ day, channel, status: 'queued', count: 2 });
        const c = day === today && status === 'delivered' && count > 2 ? count - 2 : count;
        if (c > 0) rows.push({ day, channel, status, count: c });
      });
    });
  }
  for (const r of rows) {
    totals[r.channel] ??= {};
    totals[r.channel][r.status] = (totals[r.channel][r.status] ?? 0) + r.count;
  }
  return { kommune: k, from, to, rows, totals };
}

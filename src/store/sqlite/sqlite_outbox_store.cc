#include "store/sqlite/sqlite_outbox_store.h"

#include <fmt/format.h>

namespace proaktiv::store::sqlite {
namespace {

constexpr std::string_view kColumns =
    "id, offer_id, person_key, kommunenummer, channel, kind, idempotency_key, status, attempts, "
    "next_attempt_at, last_error, provider_id, language, formal, route_reason, content, "
    "created_at, created_day, updated_at, sent_at, delivered_at, reminder_at";

// Reads a row selected with kColumns.
Result<OutboxMessage> ReadRow(const Statement& st) {
  OutboxMessage m;
  m.id = st.ColumnInt(0);
  m.offer_id = st.ColumnInt(1);
  m.person_key = st.ColumnInt(2);
  m.kommunenummer = st.ColumnText(3);
  m.channel = st.ColumnText(4);
  PROAKTIV_ASSIGN_OR_RETURN(m.kind, ParseMessageKind(st.ColumnText(5)));
  m.idempotency_key = st.ColumnText(6);
  PROAKTIV_ASSIGN_OR_RETURN(m.status, ParseMessageStatus(st.ColumnText(7)));
  m.attempts = static_cast<int>(st.ColumnInt(8));
  m.next_attempt_at = st.ColumnInt(9);
  m.last_error = st.ColumnText(10);
  m.provider_id = st.ColumnText(11);
  m.language = st.ColumnText(12);
  m.formal = st.ColumnInt(13) != 0;
  m.route_reason = st.ColumnText(14);
  m.content_json = st.ColumnText(15);
  m.created_at = st.ColumnInt(16);
  m.created_day = static_cast<int32_t>(st.ColumnInt(17));
  m.updated_at = st.ColumnInt(18);
  m.sent_at = st.ColumnOptionalInt(19);
  m.delivered_at = st.ColumnOptionalInt(20);
  m.reminder_at = st.ColumnOptionalInt(21);
  return m;
}

// Steps `st` to the end, collecting its rows; resets it (ReadRows).
Result<std::vector<OutboxMessage>> ReadAll(Statement& st) { return ReadRows(st, ReadRow); }

// The first row of `st`, which is reset. Every row is read, so an unreadable later row is an
// error too.
Result<std::optional<OutboxMessage>> ReadOne(Statement& st) {
  PROAKTIV_ASSIGN_OR_RETURN(auto rows, ReadAll(st));
  if (rows.empty()) return std::optional<OutboxMessage>();
  return std::optional<OutboxMessage>(std::move(rows.front()));
}

class SqliteOutboxStore final : public OutboxStore {
 public:
  explicit SqliteOutboxStore(Database& db) : db_(db) {}

  Status Prepare() {
    auto select = [&](std::string_view where) {
      return db_.Prepare(fmt::format("SELECT {} FROM outbox {}", kColumns, where));
    };
    PROAKTIV_ASSIGN_OR_RETURN(
        insert_,
        db_.Prepare("INSERT INTO outbox (offer_id, person_key, kommunenummer, channel, "
                    "kind, idempotency_key, status, attempts, next_attempt_at, last_error, "
                    "provider_id, language, formal, route_reason, content, created_at, "
                    "created_day, updated_at, sent_at, delivered_at, reminder_at) VALUES "
                    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                    "ON CONFLICT (idempotency_key) DO NOTHING"));
    PROAKTIV_ASSIGN_OR_RETURN(
        update_, db_.Prepare("UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, "
                             "last_error = ?, provider_id = ?, updated_at = ?, sent_at = ?, "
                             "delivered_at = ?, reminder_at = ? WHERE id = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(find_, select("WHERE id = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        by_provider_, select("WHERE provider_id = ? AND provider_id <> '' AND channel = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(due_, select("WHERE status = 'queued' AND next_attempt_at <= ? "
                                           "ORDER BY next_attempt_at, id LIMIT ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        next_due_, db_.Prepare("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'queued'"));
    PROAKTIV_ASSIGN_OR_RETURN(in_flight_, select("WHERE status = 'sending' ORDER BY id"));
    PROAKTIV_ASSIGN_OR_RETURN(reminders_,
                              select("WHERE reminder_at IS NOT NULL AND reminder_at <= ? "
                                     "ORDER BY reminder_at, id LIMIT ?"));
    PROAKTIV_ASSIGN_OR_RETURN(of_offer_, select("WHERE offer_id = ? ORDER BY id"));
    PROAKTIV_ASSIGN_OR_RETURN(
        count_, db_.Prepare("SELECT created_day, channel, status, COUNT(*) FROM outbox "
                            "WHERE (?1 = '' OR kommunenummer = ?1) AND created_day BETWEEN ?2 "
                            "AND ?3 GROUP BY created_day, channel, status "
                            "ORDER BY created_day, channel, status"));
    return {};
  }

  Result<std::optional<int64_t>> Enqueue(const OutboxMessage& m) override {
    insert_.Bind(1, m.offer_id)
        .Bind(2, m.person_key)
        .Bind(3, m.kommunenummer)
        .Bind(4, m.channel)
        .Bind(5, Name(m.kind))
        .Bind(6, m.idempotency_key)
        .Bind(7, Name(m.status))
        .Bind(8, int64_t{m.attempts})
        .Bind(9, m.next_attempt_at)
        .Bind(10, m.last_error)
        .Bind(11, m.provider_id)
        .Bind(12, m.language)
        .Bind(13, int64_t{m.formal})
        .Bind(14, m.route_reason)
        .Bind(15, m.content_json)
        .Bind(16, m.created_at)
        .Bind(17, int64_t{m.created_day})
        .Bind(18, m.updated_at)
        .BindOptional(19, m.sent_at)
        .BindOptional(20, m.delivered_at)
        .BindOptional(21, m.reminder_at);
    PROAKTIV_RETURN_IF_ERROR(insert_.Run());
    if (db_.Changes() == 0) return std::optional<int64_t>();
    return std::optional<int64_t>(db_.LastInsertRowId());
  }

  Result<std::optional<OutboxMessage>> FindMessage(int64_t id) override {
    find_.Bind(1, id);
    return ReadOne(find_);
  }

  Result<std::optional<OutboxMessage>> FindByProviderId(std::string_view channel,
                                                        std::string_view provider_id) override {
    by_provider_.Bind(1, provider_id).Bind(2, channel);
    return ReadOne(by_provider_);
  }

  Status UpdateMessage(const OutboxMessage& m) override {
    update_.Bind(1, Name(m.status))
        .Bind(2, int64_t{m.attempts})
        .Bind(3, m.next_attempt_at)
        .Bind(4, m.last_error)
        .Bind(5, m.provider_id)
        .Bind(6, m.updated_at)
        .BindOptional(7, m.sent_at)
        .BindOptional(8, m.delivered_at)
        .BindOptional(9, m.reminder_at)
        .Bind(10, m.id);
    PROAKTIV_RETURN_IF_ERROR(update_.Run());
    if (db_.Changes() == 0) return NotFound(fmt::format("no outbox message {}", m.id));
    return {};
  }

  Result<std::vector<OutboxMessage>> Due(int64_t now, int limit) override {
    due_.Bind(1, now).Bind(2, int64_t{limit});
    return ReadAll(due_);
  }

  Result<std::optional<int64_t>> NextDueAt() override {
    PROAKTIV_RETURN_IF_ERROR(next_due_.Step());
    std::optional<int64_t> out = next_due_.ColumnOptionalInt(0);
    next_due_.Reset();
    return out;
  }

  Result<std::vector<OutboxMessage>> InFlight() override { return ReadAll(in_flight_); }

  Result<std::vector<OutboxMessage>> RemindersDue(int64_t now, int limit) override {
    reminders_.Bind(1, now).Bind(2, int64_t{limit});
    return ReadAll(reminders_);
  }

  Result<std::vector<OutboxMessage>> MessagesOf(int64_t offer_id) override {
    of_offer_.Bind(1, offer_id);
    return ReadAll(of_offer_);
  }

  Result<std::vector<DeliveryCount>> CountByDay(std::string_view kommunenummer, int32_t from_day,
                                                int32_t to_day) override {
    count_.Bind(1, kommunenummer).Bind(2, int64_t{from_day}).Bind(3, int64_t{to_day});
    return ReadRows(count_, [](const Statement& row) -> Result<DeliveryCount> {
      PROAKTIV_ASSIGN_OR_RETURN(MessageStatus status, ParseMessageStatus(row.ColumnText(2)));
      return DeliveryCount{static_cast<int32_t>(row.ColumnInt(0)), std::string(row.ColumnText(1)),
                           status, row.ColumnInt(3)};
    });
  }

 private:
  Database& db_;
  Statement insert_, update_, find_, by_provider_, due_, next_due_, in_flight_, reminders_,
      of_offer_, count_;
};

}  // namespace

Result<std::unique_ptr<OutboxStore>> MakeSqliteOutboxStore(Database& db) {
  auto store = std::make_unique<SqliteOutboxStore>(db);
  PROAKTIV_RETURN_IF_ERROR(store->Prepare());
  return store;
}

}  // namespace proaktiv::store::sqlite

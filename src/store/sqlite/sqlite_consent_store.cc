#include "store/sqlite/sqlite_consent_store.h"

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::store::sqlite {
namespace {

std::string JsonList(const std::vector<std::string>& values) {
  boost::json::array out;
  for (const std::string& v : values) out.emplace_back(v);
  return boost::json::serialize(out);
}

Result<std::vector<std::string>> ParseJsonList(std::string_view text, std::string_view what) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return DataLoss(fmt::format("{}: not a JSON array of strings", what));
  std::vector<std::string> out;
  for (const boost::json::value& e : v.as_array()) {
    if (!e.is_string()) return DataLoss(fmt::format("{}: not a JSON array of strings", what));
    out.emplace_back(e.as_string());
  }
  return out;
}

constexpr std::string_view kConsentColumns =
    "id, person_key, consumer, items, purpose, message_nb, message_nn, message_en, created_ms, "
    "valid_to_ms, single_use, state, updated_ms";

// Reads a row of a consumer query (org_number, name, purposes, public_key, registered_ms).
Result<ConsumerRecord> ConsumerAt(const Statement& st) {
  ConsumerRecord c;
  c.org_number = std::string(st.ColumnText(0));
  c.name = std::string(st.ColumnText(1));
  PROAKTIV_ASSIGN_OR_RETURN(
      c.purposes, ParseJsonList(st.ColumnText(2), "consumer " + c.org_number + " purposes"));
  c.public_key = std::string(st.ColumnBlob(3));
  c.registered_ms = st.ColumnInt(4);
  return c;
}

// Reads a row selected with kConsentColumns.
Result<ConsentRecord> ConsentAt(const Statement& st) {
  ConsentRecord c;
  c.id = std::string(st.ColumnText(0));
  c.person_key = st.ColumnInt(1);
  c.consumer = std::string(st.ColumnText(2));
  PROAKTIV_ASSIGN_OR_RETURN(c.items, ParseJsonList(st.ColumnText(3), "consent " + c.id + " items"));
  c.purpose = std::string(st.ColumnText(4));
  c.message_nb = std::string(st.ColumnText(5));
  c.message_nn = std::string(st.ColumnText(6));
  c.message_en = std::string(st.ColumnText(7));
  c.created_ms = st.ColumnInt(8);
  c.valid_to_ms = st.ColumnInt(9);
  c.single_use = st.ColumnInt(10) != 0;
  c.state = std::string(st.ColumnText(11));
  c.updated_ms = st.ColumnInt(12);
  return c;
}

class SqliteConsentStore final : public ConsentStore {
 public:
  explicit SqliteConsentStore(Database& db) : db_(db) {}

  Status Prepare() {
    PROAKTIV_ASSIGN_OR_RETURN(
        put_consumer_,
        db_.Prepare("INSERT OR REPLACE INTO consent_consumers (org_number, name, purposes, "
                    "public_key, registered_ms) VALUES (?,?,?,?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        find_consumer_, db_.Prepare("SELECT org_number, name, purposes, public_key, registered_ms "
                                    "FROM consent_consumers WHERE org_number = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        consumers_, db_.Prepare("SELECT org_number, name, purposes, public_key, registered_ms "
                                "FROM consent_consumers ORDER BY org_number"));
    PROAKTIV_ASSIGN_OR_RETURN(
        insert_consent_,
        db_.Prepare(fmt::format("INSERT INTO consents ({}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                kConsentColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        find_consent_,
        db_.Prepare(fmt::format("SELECT {} FROM consents WHERE id = ?", kConsentColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        for_person_, db_.Prepare(fmt::format("SELECT {} FROM consents WHERE person_key = ? "
                                             "ORDER BY created_ms DESC, id DESC",
                                             kConsentColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(change_state_,
                              db_.Prepare("UPDATE consents SET state = ?, updated_ms = ? "
                                          "WHERE id = ? AND state = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        insert_event_,
        db_.Prepare("INSERT INTO consent_events (consent_id, from_state, to_state, actor_kind, "
                    "actor_id, time_ms) VALUES (?,?,?,?,?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        events_, db_.Prepare("SELECT from_state, to_state, actor_kind, actor_id, time_ms FROM "
                             "consent_events WHERE consent_id = ? ORDER BY id"));
    PROAKTIV_ASSIGN_OR_RETURN(
        forget_assertions_, db_.Prepare("DELETE FROM consent_assertion_ids WHERE expires_ms < ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        remember_assertion_,
        db_.Prepare("INSERT OR IGNORE INTO consent_assertion_ids (client_id, jti, expires_ms) "
                    "VALUES (?,?,?)"));
    return {};
  }

  Status PutConsumer(const ConsumerRecord& c) override {
    put_consumer_.Bind(1, c.org_number)
        .Bind(2, c.name)
        .Bind(3, JsonList(c.purposes))
        .BindBlob(4, c.public_key)
        .Bind(5, c.registered_ms);
    return put_consumer_.Run();
  }

  Result<std::optional<ConsumerRecord>> FindConsumer(std::string_view org_number) override {
    find_consumer_.Bind(1, org_number);
    return ReadFirstRow(find_consumer_, ConsumerAt);  // the key: one row at most
  }

  Result<std::vector<ConsumerRecord>> Consumers() override {
    return ReadRows(consumers_, ConsumerAt);
  }

  Status InsertConsent(const ConsentRecord& c, const ConsentEventRecord& created) override {
    insert_consent_.Bind(1, c.id)
        .Bind(2, c.person_key)
        .Bind(3, c.consumer)
        .Bind(4, JsonList(c.items))
        .Bind(5, c.purpose)
        .Bind(6, c.message_nb)
        .Bind(7, c.message_nn)
        .Bind(8, c.message_en)
        .Bind(9, c.created_ms)
        .Bind(10, c.valid_to_ms)
        .Bind(11, int64_t{c.single_use ? 1 : 0})
        .Bind(12, c.state)
        .Bind(13, c.updated_ms);
    PROAKTIV_RETURN_IF_ERROR(insert_consent_.Run());
    return InsertEvent(created);
  }

  Result<std::optional<ConsentRecord>> FindConsent(std::string_view id) override {
    find_consent_.Bind(1, id);
    return ReadFirstRow(find_consent_, ConsentAt);  // the key: one row at most
  }

  Result<std::vector<ConsentRecord>> ConsentsForPerson(int64_t person_key) override {
    for_person_.Bind(1, person_key);
    return ReadRows(for_person_, ConsentAt);
  }

  Result<bool> ChangeState(const ConsentEventRecord& e) override {
    change_state_.Bind(1, e.to_state)
        .Bind(2, e.time_ms)
        .Bind(3, e.consent_id)
        .Bind(4, e.from_state);
    PROAKTIV_RETURN_IF_ERROR(change_state_.Run());
    if (db_.Changes() != 1) return false;
    PROAKTIV_RETURN_IF_ERROR(InsertEvent(e));
    return true;
  }

  Result<std::vector<ConsentEventRecord>> Events(std::string_view consent_id) override {
    events_.Bind(1, consent_id);
    return ReadRows(events_, [&](const Statement& st) {
      return ConsentEventRecord{std::string(consent_id),       std::string(st.ColumnText(0)),
                                std::string(st.ColumnText(1)), std::string(st.ColumnText(2)),
                                std::string(st.ColumnText(3)), st.ColumnInt(4)};
    });
  }

  Result<bool> RememberAssertion(std::string_view client_id, std::string_view jti,
                                 int64_t expires_ms, int64_t now_ms) override {
    forget_assertions_.Bind(1, now_ms);
    PROAKTIV_RETURN_IF_ERROR(forget_assertions_.Run());
    remember_assertion_.Bind(1, client_id).Bind(2, jti).Bind(3, expires_ms);
    PROAKTIV_RETURN_IF_ERROR(remember_assertion_.Run());
    return db_.Changes() == 1;
  }

 private:
  Status InsertEvent(const ConsentEventRecord& e) {
    insert_event_.Bind(1, e.consent_id);
    if (e.from_state.empty()) {
      insert_event_.BindNull(2);
    } else {
      insert_event_.Bind(2, e.from_state);
    }
    insert_event_.Bind(3, e.to_state).Bind(4, e.actor_kind).Bind(5, e.actor_id).Bind(6, e.time_ms);
    return insert_event_.Run();
  }

  Database& db_;
  Statement put_consumer_, find_consumer_, consumers_, insert_consent_, find_consent_, for_person_,
      change_state_, insert_event_, events_, forget_assertions_, remember_assertion_;
};

}  // namespace

Result<std::unique_ptr<ConsentStore>> MakeSqliteConsentStore(Database& db) {
  auto store = std::make_unique<SqliteConsentStore>(db);
  PROAKTIV_RETURN_IF_ERROR(store->Prepare());
  return store;
}

}  // namespace proaktiv::store::sqlite

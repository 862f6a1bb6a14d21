#include "store/sqlite/sqlite_engine_store.h"

#include <fmt/format.h>

namespace proaktiv::store::sqlite {
namespace {

constexpr std::string_view kOfferColumns =
    "id, service, subject_key, occurrence, kind, state, version, kommunenummer, reason, "
    "decided_day, deadline_day, updated_day, decision";

class SqliteEngineStore final : public EngineStore {
 public:
  explicit SqliteEngineStore(Database& db) : db_(db) {}

  Status Prepare() {
    PROAKTIV_ASSIGN_OR_RETURN(find_offer_,
                              db_.Prepare(fmt::format("SELECT {} FROM offers WHERE service = ? AND "
                                                      "subject_key = ? AND occurrence = ?",
                                                      kOfferColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        find_offer_by_id_,
        db_.Prepare(fmt::format("SELECT {} FROM offers WHERE id = ?", kOfferColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        offers_about_,
        db_.Prepare(
            fmt::format("SELECT {} FROM offers WHERE subject_key = ? ORDER BY id", kOfferColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        open_offers_about_,
        db_.Prepare(fmt::format("SELECT {} FROM offers WHERE subject_key = ? AND state IN "
                                "('proposed','sent','opened') ORDER BY id",
                                kOfferColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        insert_offer_,
        db_.Prepare("INSERT INTO offers (service, subject_key, occurrence, kind, state, version, "
                    "kommunenummer, reason, decided_day, deadline_day, updated_day, decision) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        update_offer_,
        db_.Prepare("UPDATE offers SET state = ?, version = ?, kommunenummer = ?, reason = ?, "
                    "decided_day = ?, deadline_day = ?, updated_day = ?, decision = ? "
                    "WHERE id = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        insert_recipient_,
        db_.Prepare("INSERT OR IGNORE INTO offer_recipients (offer_id, person_key) VALUES (?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(delete_recipients_,
                              db_.Prepare("DELETE FROM offer_recipients WHERE offer_id = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        recipients_, db_.Prepare("SELECT person_key FROM offer_recipients WHERE offer_id = ? "
                                 "ORDER BY person_key"));
    PROAKTIV_ASSIGN_OR_RETURN(
        insert_transition_,
        db_.Prepare("INSERT INTO offer_transitions (offer_id, from_state, to_state, version, day, "
                    "cause, notify) VALUES (?,?,?,?,?,?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        add_due_, db_.Prepare("INSERT OR IGNORE INTO due_dates (due_day, person_key, service, "
                              "trigger_no, occurrence) VALUES (?,?,?,?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        due_through_, db_.Prepare("SELECT due_day, person_key, service, trigger_no, occurrence "
                                  "FROM due_dates WHERE due_day <= ? ORDER BY due_day, "
                                  "person_key, service, trigger_no, occurrence LIMIT ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        remove_due_, db_.Prepare("DELETE FROM due_dates WHERE due_day = ? AND person_key = ? AND "
                                 "service = ? AND trigger_no = ? AND occurrence = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        is_opted_out_, db_.Prepare("SELECT 1 FROM opt_outs WHERE person_key = ? AND service = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        add_task_, db_.Prepare("INSERT OR IGNORE INTO caseworker_tasks (service, subject_key, "
                               "occurrence, reason, kommunenummer, day) VALUES (?,?,?,?,?,?)"));
    return {};
  }

  Result<std::optional<OfferRecord>> FindOffer(std::string_view service, int64_t subject_key,
                                               std::string_view occurrence) override {
    find_offer_.Bind(1, service).Bind(2, subject_key).Bind(3, occurrence);
    return ReadOne(find_offer_);
  }

  Result<std::optional<OfferRecord>> FindOfferById(int64_t id) override {
    find_offer_by_id_.Bind(1, id);
    return ReadOne(find_offer_by_id_);
  }

  Result<int64_t> InsertOffer(const OfferRecord& offer, std::string_view cause) override {
    PROAKTIV_ASSIGN_OR_RETURN(auto existing,
                              FindOffer(offer.service, offer.subject_key, offer.occurrence));
    if (existing) {
      return MakeError(
          ErrorCode::kAlreadyExists,
          fmt::format("service '{}' already has offer {} for person {} ({})", offer.service,
                      existing->id, offer.subject_key, offer.occurrence));
    }
    Statement& st = insert_offer_;
    st.Bind(1, offer.service).Bind(2, offer.subject_key).Bind(3, offer.occurrence);
    st.Bind(4, Name(offer.kind)).Bind(5, Name(offer.state)).Bind(6, int64_t{offer.version});
    st.Bind(7, offer.kommunenummer).Bind(8, offer.reason).Bind(9, int64_t{offer.decided_day});
    st.BindOptional(10, offer.deadline_day);
    st.Bind(11, int64_t{offer.updated_day}).Bind(12, offer.decision_json);
    PROAKTIV_RETURN_IF_ERROR(st.Run());
    int64_t id = db_.LastInsertRowId();
    PROAKTIV_RETURN_IF_ERROR(WriteRecipients(id, offer.recipients));
    PROAKTIV_RETURN_IF_ERROR(Record(OfferTransition{id, std::nullopt, offer.state, offer.version,
                                                    offer.decided_day, std::string(cause), false}));
    return id;
  }

  Status UpdateOffer(const OfferRecord& offer, const OfferTransition& transition) override {
    Statement& st = update_offer_;
    st.Bind(1, Name(offer.state)).Bind(2, int64_t{offer.version}).Bind(3, offer.kommunenummer);
    st.Bind(4, offer.reason).Bind(5, int64_t{offer.decided_day});
    st.BindOptional(6, offer.deadline_day);
    st.Bind(7, int64_t{offer.updated_day}).Bind(8, offer.decision_json).Bind(9, offer.id);
    PROAKTIV_RETURN_IF_ERROR(st.Run());
    PROAKTIV_RETURN_IF_ERROR(delete_recipients_.Bind(1, offer.id).Run());
    PROAKTIV_RETURN_IF_ERROR(WriteRecipients(offer.id, offer.recipients));
    return Record(transition);
  }

  Result<std::vector<OfferRecord>> OffersAbout(int64_t subject_key, bool open_only) override {
    Statement& st = open_only ? open_offers_about_ : offers_about_;
    st.Bind(1, subject_key);
    return ReadAll(st);
  }

  Result<std::vector<OfferRecord>> OffersFor(int64_t recipient_key) override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement st,
        db_.Prepare(fmt::format("SELECT {} FROM offers WHERE id IN (SELECT offer_id FROM "
                                "offer_recipients WHERE person_key = ?) ORDER BY id",
                                kOfferColumns)));
    st.Bind(1, recipient_key);
    return ReadAll(st);
  }

  Result<std::vector<OfferRecord>> OpenOffersPastDeadline(int32_t day, int limit) override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement st,
        db_.Prepare(fmt::format("SELECT {} FROM offers WHERE deadline_day < ? AND state IN "
                                "('proposed','sent','opened') ORDER BY deadline_day, id LIMIT ?",
                                kOfferColumns)));
    st.Bind(1, int64_t{day}).Bind(2, int64_t{limit});
    return ReadAll(st);
  }

  Result<std::vector<OfferTransition>> Transitions(int64_t offer_id) override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement st, db_.Prepare("SELECT from_state, to_state, version, day, cause, notify FROM "
                                  "offer_transitions WHERE offer_id = ? ORDER BY id"));
    st.Bind(1, offer_id);
    return ReadRows(st, [&](const Statement& row) -> Result<OfferTransition> {
      OfferTransition t;
      t.offer_id = offer_id;
      if (!row.ColumnIsNull(0)) {
        PROAKTIV_ASSIGN_OR_RETURN(t.from, ParseOfferState(row.ColumnText(0)));
      }
      PROAKTIV_ASSIGN_OR_RETURN(t.to, ParseOfferState(row.ColumnText(1)));
      t.version = static_cast<int>(row.ColumnInt(2));
      t.day = static_cast<int32_t>(row.ColumnInt(3));
      t.cause = std::string(row.ColumnText(4));
      t.notify = row.ColumnInt(5) != 0;
      return t;
    });
  }

  Result<std::vector<OfferCount>> CountOffers() override {
    // Month of the decision day: SQLite's date() over days since the epoch.
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement st,
        db_.Prepare("SELECT service, kommunenummer, strftime('%Y-%m', decided_day * 86400, "
                    "'unixepoch') AS month, kind, state, COUNT(*) FROM offers GROUP BY service, "
                    "kommunenummer, month, kind, state ORDER BY service, kommunenummer, month, "
                    "kind, state"));
    return ReadRows(st, [](const Statement& row) -> Result<OfferCount> {
      OfferCount c;
      c.service = std::string(row.ColumnText(0));
      c.kommunenummer = std::string(row.ColumnText(1));
      c.month = std::string(row.ColumnText(2));
      PROAKTIV_ASSIGN_OR_RETURN(c.kind, ParseOfferKind(row.ColumnText(3)));
      PROAKTIV_ASSIGN_OR_RETURN(c.state, ParseOfferState(row.ColumnText(4)));
      c.count = row.ColumnInt(5);
      return c;
    });
  }

  Status ForEachOffer(const std::function<bool(const OfferRecord&)>& visit) override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement st, db_.Prepare(fmt::format("SELECT {} FROM offers ORDER BY id", kOfferColumns)));
    return ForEachRow(st, [&](const Statement& row) -> Result<bool> {
      PROAKTIV_ASSIGN_OR_RETURN(OfferRecord o, ReadRow(row));
      return visit(o);
    });
  }

  Status AddDue(const DueEntry& e) override {
    return add_due_.Bind(1, int64_t{e.due_day})
        .Bind(2, e.person_key)
        .Bind(3, e.service)
        .Bind(4, int64_t{e.trigger_no})
        .Bind(5, e.occurrence)
        .Run();
  }

  Result<std::vector<DueEntry>> DueThrough(int32_t day, int limit) override {
    due_through_.Bind(1, int64_t{day}).Bind(2, int64_t{limit});
    return ReadRows(due_through_, [](const Statement& row) {
      return DueEntry{static_cast<int32_t>(row.ColumnInt(0)), row.ColumnInt(1),
                      std::string(row.ColumnText(2)), static_cast<int>(row.ColumnInt(3)),
                      std::string(row.ColumnText(4))};
    });
  }

  Status RemoveDue(const DueEntry& e) override {
    return remove_due_.Bind(1, int64_t{e.due_day})
        .Bind(2, e.person_key)
        .Bind(3, e.service)
        .Bind(4, int64_t{e.trigger_no})
        .Bind(5, e.occurrence)
        .Run();
  }

  Result<int64_t> CountDue() override {
    PROAKTIV_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT COUNT(*) FROM due_dates"));
    PROAKTIV_RETURN_IF_ERROR(st.Step());
    return st.ColumnInt(0);
  }

  Status SetOptOut(int64_t person_key, std::string_view service, bool opted_out,
                   int32_t day) override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement st,
        db_.Prepare(opted_out ? "INSERT OR IGNORE INTO opt_outs (person_key, service, day) "
                                "VALUES (?, ?, ?)"
                              : "DELETE FROM opt_outs WHERE person_key = ? AND service = ?"));
    st.Bind(1, person_key).Bind(2, service);
    if (opted_out) st.Bind(3, int64_t{day});
    return st.Run();
  }

  Result<bool> IsOptedOut(int64_t person_key, std::string_view service) override {
    is_opted_out_.Bind(1, person_key).Bind(2, service);
    auto row = is_opted_out_.Step();
    is_opted_out_.Reset();
    return row;
  }

  Result<bool> AddCaseworkerTask(const CaseworkerTask& t) override {
    PROAKTIV_RETURN_IF_ERROR(add_task_.Bind(1, t.service)
                                 .Bind(2, t.subject_key)
                                 .Bind(3, t.occurrence)
                                 .Bind(4, t.reason)
                                 .Bind(5, t.kommunenummer)
                                 .Bind(6, int64_t{t.day})
                                 .Run());
    return db_.Changes() > 0;
  }

  Result<std::vector<CaseworkerTask>> CaseworkerTasks() override {
    PROAKTIV_ASSIGN_OR_RETURN(Statement st,
                              db_.Prepare("SELECT service, subject_key, occurrence, reason, "
                                          "kommunenummer, day FROM caseworker_tasks ORDER BY id"));
    return ReadRows(st, [](const Statement& row) {
      return CaseworkerTask{std::string(row.ColumnText(0)), row.ColumnInt(1),
                            std::string(row.ColumnText(2)), std::string(row.ColumnText(3)),
                            std::string(row.ColumnText(4)), static_cast<int32_t>(row.ColumnInt(5))};
    });
  }

 private:
  Status WriteRecipients(int64_t offer_id, const std::vector<int64_t>& recipients) {
    for (int64_t r : recipients) {
      PROAKTIV_RETURN_IF_ERROR(insert_recipient_.Bind(1, offer_id).Bind(2, r).Run());
    }
    return {};
  }

  Status Record(const OfferTransition& t) {
    Statement& st = insert_transition_;
    st.Bind(1, t.offer_id);
    if (t.from) {
      st.Bind(2, Name(*t.from));
    } else {
      st.BindNull(2);
    }
    st.Bind(3, Name(t.to)).Bind(4, int64_t{t.version}).Bind(5, int64_t{t.day});
    st.Bind(6, t.cause).Bind(7, int64_t{t.notify ? 1 : 0});
    return st.Run();
  }

  // Reads the current row of `st` (columns kOfferColumns) without its recipients.
  static Result<OfferRecord> ReadRow(const Statement& st) {
    OfferRecord o;
    o.id = st.ColumnInt(0);
    o.service = std::string(st.ColumnText(1));
    o.subject_key = st.ColumnInt(2);
    o.occurrence = std::string(st.ColumnText(3));
    PROAKTIV_ASSIGN_OR_RETURN(o.kind, ParseOfferKind(st.ColumnText(4)));
    PROAKTIV_ASSIGN_OR_RETURN(o.state, ParseOfferState(st.ColumnText(5)));
    o.version = static_cast<int>(st.ColumnInt(6));
    o.kommunenummer = std::string(st.ColumnText(7));
    o.reason = std::string(st.ColumnText(8));
    o.decided_day = static_cast<int32_t>(st.ColumnInt(9));
    if (!st.ColumnIsNull(10)) o.deadline_day = static_cast<int32_t>(st.ColumnInt(10));
    o.updated_day = static_cast<int32_t>(st.ColumnInt(11));
    o.decision_json = std::string(st.ColumnText(12));
    return o;
  }

  Status FillRecipients(OfferRecord& offer) {
    recipients_.Bind(1, offer.id);
    return ForEachRow(recipients_, [&](const Statement& row) {
      offer.recipients.push_back(row.ColumnInt(0));
      return true;
    });
  }

  // Reads the first row of a bound statement with its recipients; `st` is reset before the
  // recipients are read (ReadFirstRow).
  Result<std::optional<OfferRecord>> ReadOne(Statement& st) {
    PROAKTIV_ASSIGN_OR_RETURN(auto offer, ReadFirstRow(st, ReadRow));
    if (offer) PROAKTIV_RETURN_IF_ERROR(FillRecipients(*offer));
    return offer;
  }

  // Reads every row of a bound statement with its recipients; `st` is reset before the
  // recipients are read (ReadRows).
  Result<std::vector<OfferRecord>> ReadAll(Statement& st) {
    PROAKTIV_ASSIGN_OR_RETURN(auto out, ReadRows(st, ReadRow));
    for (OfferRecord& o : out) PROAKTIV_RETURN_IF_ERROR(FillRecipients(o));
    return out;
  }

  Database& db_;
  Statement find_offer_, find_offer_by_id_, offers_about_, open_offers_about_, insert_offer_,
      update_offer_, insert_recipient_, delete_recipients_, recipients_, insert_transition_,
      add_due_, due_through_, remove_due_, is_opted_out_, add_task_;
};

}  // namespace

Result<std::unique_ptr<EngineStore>> MakeSqliteEngineStore(Database& db) {
  auto store = std::make_unique<SqliteEngineStore>(db);
  PROAKTIV_RETURN_IF_ERROR(store->Prepare());
  return std::unique_ptr<EngineStore>(std::move(store));
}

}  // namespace proaktiv::store::sqlite

#include "store/sqlite/sqlite_portal_store.h"

namespace proaktiv::store::sqlite {
namespace {

class SqlitePortalStore final : public PortalStore {
 public:
  explicit SqlitePortalStore(Database& db) : db_(db) {}

  Status Prepare() {
    PROAKTIV_ASSIGN_OR_RETURN(
        language_, db_.Prepare("SELECT language FROM citizen_preferences WHERE person_key = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        set_language_,
        db_.Prepare("INSERT INTO citizen_preferences (person_key, language, day) VALUES (?,?,?) "
                    "ON CONFLICT (person_key) DO UPDATE SET language = excluded.language, "
                    "day = excluded.day"));
    PROAKTIV_ASSIGN_OR_RETURN(
        put_feedback_,
        db_.Prepare("INSERT OR REPLACE INTO offer_feedback (offer_id, person_key, service, "
                    "kommunenummer, satisfaction, comment, day) VALUES (?,?,?,?,?,?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        feedback_, db_.Prepare("SELECT service, kommunenummer, satisfaction, comment, day FROM "
                               "offer_feedback WHERE offer_id = ? AND person_key = ?"));
    return {};
  }

  Result<std::optional<std::string>> Language(int64_t person_key) override {
    language_.Bind(1, person_key);
    return ReadFirstRow(language_,
                        [](const Statement& row) { return std::string(row.ColumnText(0)); });
  }

  Status SetLanguage(int64_t person_key, std::string_view language, int32_t day) override {
    set_language_.Bind(1, person_key).Bind(2, language).Bind(3, int64_t{day});
    return set_language_.Run();
  }

  Status PutFeedback(const OfferFeedback& f) override {
    put_feedback_.Bind(1, f.offer_id)
        .Bind(2, f.person_key)
        .Bind(3, f.service)
        .Bind(4, f.kommunenummer)
        .Bind(5, int64_t{f.satisfaction})
        .Bind(6, f.comment)
        .Bind(7, int64_t{f.day});
    return put_feedback_.Run();
  }

  Result<std::optional<OfferFeedback>> Feedback(int64_t offer_id, int64_t person_key) override {
    feedback_.Bind(1, offer_id).Bind(2, person_key);
    return ReadFirstRow(feedback_, [&](const Statement& row) {
      return OfferFeedback{offer_id,
                           person_key,
                           std::string(row.ColumnText(0)),
                           std::string(row.ColumnText(1)),
                           static_cast<int>(row.ColumnInt(2)),
                           std::string(row.ColumnText(3)),
                           static_cast<int32_t>(row.ColumnInt(4))};
    });
  }

 private:
  Database& db_;
  Statement language_;
  Statement set_language_;
  Statement put_feedback_;
  Statement feedback_;
};

}  // namespace

Result<std::unique_ptr<PortalStore>> MakeSqlitePortalStore(Database& db) {
  auto store = std::make_unique<SqlitePortalStore>(db);
  PROAKTIV_RETURN_IF_ERROR(store->Prepare());
  return store;
}

}  // namespace proaktiv::store::sqlite

#include "store/sqlite/sqlite_contact_store.h"

namespace proaktiv::store::sqlite {
namespace {

class SqliteContactStore final : public ContactStore {
 public:
  explicit SqliteContactStore(Database& db) : db_(db) {}

  Status Prepare() {
    PROAKTIV_ASSIGN_OR_RETURN(
        put_, db_.Prepare("INSERT OR REPLACE INTO contacts (person_key, reserved, status, "
                          "notification_status, email, email_updated, email_verified, mobile, "
                          "mobile_updated, mobile_verified, mailbox_address, mailbox_provider, "
                          "language, loaded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        find_, db_.Prepare("SELECT reserved, status, notification_status, email, email_updated, "
                           "email_verified, mobile, mobile_updated, mobile_verified, "
                           "mailbox_address, mailbox_provider, language, loaded_at FROM contacts "
                           "WHERE person_key = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(count_, db_.Prepare("SELECT COUNT(*) FROM contacts"));
    return {};
  }

  Status PutContact(const ContactRecord& r) override {
    put_.Bind(1, r.person_key)
        .Bind(2, int64_t{r.reserved})
        .Bind(3, r.status)
        .Bind(4, r.notification_status)
        .Bind(5, r.email)
        .BindOptional(6, r.email_updated)
        .BindOptional(7, r.email_verified)
        .Bind(8, r.mobile)
        .BindOptional(9, r.mobile_updated)
        .BindOptional(10, r.mobile_verified)
        .Bind(11, r.mailbox_address)
        .Bind(12, r.mailbox_provider)
        .Bind(13, r.language)
        .Bind(14, r.loaded_at);
    return put_.Run();
  }

  Result<std::optional<ContactRecord>> FindContact(int64_t person_key) override {
    find_.Bind(1, person_key);
    return ReadFirstRow(find_, [&](const Statement& row) {
      ContactRecord r;
      r.person_key = person_key;
      r.reserved = row.ColumnInt(0) != 0;
      r.status = row.ColumnText(1);
      r.notification_status = row.ColumnText(2);
      r.email = row.ColumnText(3);
      r.email_updated = row.ColumnOptionalInt(4);
      r.email_verified = row.ColumnOptionalInt(5);
      r.mobile = row.ColumnText(6);
      r.mobile_updated = row.ColumnOptionalInt(7);
      r.mobile_verified = row.ColumnOptionalInt(8);
      r.mailbox_address = row.ColumnText(9);
      r.mailbox_provider = row.ColumnText(10);
      r.language = row.ColumnText(11);
      r.loaded_at = row.ColumnInt(12);
      return r;
    });
  }

  Result<int64_t> CountContacts() override {
    PROAKTIV_RETURN_IF_ERROR(count_.Step());
    int64_t n = count_.ColumnInt(0);
    count_.Reset();
    return n;
  }

 private:
  Database& db_;
  Statement put_, find_, count_;
};

}  // namespace

Result<std::unique_ptr<ContactStore>> MakeSqliteContactStore(Database& db) {
  auto store = std::make_unique<SqliteContactStore>(db);
  PROAKTIV_RETURN_IF_ERROR(store->Prepare());
  return store;
}

}  // namespace proaktiv::store::sqlite

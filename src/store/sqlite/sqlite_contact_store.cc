#include "store/sqlite/sqlite_contact_store.h"

namespace proaktiv::store::sqlite {
namespace {

void BindOptional(Statement& st, int index, const std::optional<int64_t>& v) {
  if (v) {
    st.Bind(index, *v);
  } else {
    st.BindNull(index);
  }
}

std::optional<int64_t> OptionalColumn(const Statement& st, int index) {
  if (st.ColumnIsNull(index)) return std::nullopt;
  return st.ColumnInt(index);
}

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
        .Bind(5, r.email);
    BindOptional(put_, 6, r.email_updated);
    BindOptional(put_, 7, r.email_verified);
    put_.Bind(8, r.mobile);
    BindOptional(put_, 9, r.mobile_updated);
    BindOptional(put_, 10, r.mobile_verified);
    put_.Bind(11, r.mailbox_address)
        .Bind(12, r.mailbox_provider)
        .Bind(13, r.language)
        .Bind(14, r.loaded_at);
    return put_.Run();
  }

  Result<std::optional<ContactRecord>> FindContact(int64_t person_key) override {
    find_.Bind(1, person_key);
    PROAKTIV_ASSIGN_OR_RETURN(bool found, find_.Step());
    std::optional<ContactRecord> out;
    if (found) {
      ContactRecord r;
      r.person_key = person_key;
      r.reserved = find_.ColumnInt(0) != 0;
      r.status = find_.ColumnText(1);
      r.notification_status = find_.ColumnText(2);
      r.email = find_.ColumnText(3);
      r.email_updated = OptionalColumn(find_, 4);
      r.email_verified = OptionalColumn(find_, 5);
      r.mobile = find_.ColumnText(6);
      r.mobile_updated = OptionalColumn(find_, 7);
      r.mobile_verified = OptionalColumn(find_, 8);
      r.mailbox_address = find_.ColumnText(9);
      r.mailbox_provider = find_.ColumnText(10);
      r.language = find_.ColumnText(11);
      r.loaded_at = find_.ColumnInt(12);
      out = std::move(r);
    }
    find_.Reset();
    return out;
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

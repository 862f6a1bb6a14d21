#include "store/sqlite/sqlite_audit_store.h"

#include <fmt/format.h>

namespace proaktiv::store::sqlite {
namespace {

constexpr std::string_view kEntryColumns =
    "seq, subject_key, time_unix_ms, commitment, salt, entry";
constexpr std::string_view kCheckpointColumns =
    "id, tree_size, root_hash, time_unix_ms, origin, public_key, note";

AuditEntryRow EntryAt(const Statement& st) {
  AuditEntryRow row;
  row.seq = st.ColumnInt(0);
  row.subject_key = st.ColumnOptionalInt(1);
  row.time_unix_ms = st.ColumnInt(2);
  row.commitment = std::string(st.ColumnBlob(3));
  if (!st.ColumnIsNull(4)) row.salt = std::string(st.ColumnBlob(4));
  if (!st.ColumnIsNull(5)) row.entry = std::string(st.ColumnText(5));
  return row;
}

AuditCheckpointRow CheckpointAt(const Statement& st) {
  return AuditCheckpointRow{st.ColumnInt(0),
                            st.ColumnInt(1),
                            std::string(st.ColumnBlob(2)),
                            st.ColumnInt(3),
                            std::string(st.ColumnText(4)),
                            std::string(st.ColumnBlob(5)),
                            std::string(st.ColumnText(6))};
}

std::string FirstBlob(const Statement& st) { return std::string(st.ColumnBlob(0)); }

class SqliteAuditStore final : public AuditStore {
 public:
  explicit SqliteAuditStore(Database& db) : db_(db) {}

  Status Prepare() {
    PROAKTIV_ASSIGN_OR_RETURN(
        head_, db_.Prepare("SELECT seq, commitment FROM audit_entries ORDER BY seq DESC LIMIT 1"));
    PROAKTIV_ASSIGN_OR_RETURN(
        append_, db_.Prepare(fmt::format("INSERT INTO audit_entries ({}) VALUES (?,?,?,?,?,?)",
                                         kEntryColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        entry_,
        db_.Prepare(fmt::format("SELECT {} FROM audit_entries WHERE seq = ?", kEntryColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(commitment_,
                              db_.Prepare("SELECT commitment FROM audit_entries WHERE seq = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        entries_of_,
        db_.Prepare(fmt::format("SELECT {} FROM audit_entries WHERE subject_key = ? AND "
                                "seq < ? ORDER BY seq DESC LIMIT ?",
                                kEntryColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        count_of_, db_.Prepare("SELECT COUNT(*) FROM audit_entries WHERE subject_key = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        all_entries_,
        db_.Prepare(fmt::format("SELECT {} FROM audit_entries ORDER BY seq", kEntryColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        erase_, db_.Prepare("UPDATE audit_entries SET entry = NULL, salt = NULL, subject_key = "
                            "NULL WHERE time_unix_ms < ? AND entry IS NOT NULL"));
    PROAKTIV_ASSIGN_OR_RETURN(put_node_,
                              db_.Prepare("INSERT INTO audit_nodes (id, hash) VALUES (?, ?)"));
    PROAKTIV_ASSIGN_OR_RETURN(node_, db_.Prepare("SELECT hash FROM audit_nodes WHERE id = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(all_nodes_,
                              db_.Prepare("SELECT id, hash FROM audit_nodes ORDER BY id"));
    PROAKTIV_ASSIGN_OR_RETURN(add_checkpoint_,
                              db_.Prepare("INSERT INTO audit_checkpoints (tree_size, root_hash, "
                                          "time_unix_ms, origin, public_key, note) "
                                          "VALUES (?,?,?,?,?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        latest_checkpoint_,
        db_.Prepare(fmt::format("SELECT {} FROM audit_checkpoints ORDER BY id DESC LIMIT 1",
                                kCheckpointColumns)));
    PROAKTIV_ASSIGN_OR_RETURN(
        checkpoints_, db_.Prepare(fmt::format("SELECT {} FROM audit_checkpoints ORDER BY id",
                                              kCheckpointColumns)));
    return {};
  }

  Result<AuditHead> Head() override {
    AuditHead head;
    PROAKTIV_RETURN_IF_ERROR(ForEachRow(head_, [&](const Statement& st) {
      head.size = st.ColumnInt(0) + 1;
      head.last_commitment = std::string(st.ColumnBlob(1));
      return false;
    }));
    return head;
  }

  Status AppendEntry(const AuditEntryRow& e) override {
    append_.Bind(1, e.seq).BindOptional(2, e.subject_key).Bind(3, e.time_unix_ms);
    append_.BindBlob(4, e.commitment);
    if (e.salt) {
      append_.BindBlob(5, *e.salt);
    } else {
      append_.BindNull(5);
    }
    if (e.entry) {
      append_.Bind(6, *e.entry);
    } else {
      append_.BindNull(6);
    }
    return append_.Run();
  }

  Result<std::optional<AuditEntryRow>> Entry(int64_t seq) override {
    entry_.Bind(1, seq);
    return ReadFirstRow(entry_, EntryAt);
  }

  Result<std::optional<std::string>> Commitment(int64_t seq) override {
    commitment_.Bind(1, seq);
    return ReadFirstRow(commitment_, FirstBlob);
  }

  Result<std::vector<AuditEntryRow>> EntriesOf(int64_t subject_key, std::optional<int64_t> before,
                                               int limit) override {
    entries_of_.Bind(1, subject_key).Bind(2, before.value_or(INT64_MAX)).Bind(3, int64_t{limit});
    return ReadRows(entries_of_, EntryAt);
  }

  Result<int64_t> CountEntriesOf(int64_t subject_key) override {
    int64_t n = 0;
    count_of_.Bind(1, subject_key);
    PROAKTIV_RETURN_IF_ERROR(ForEachRow(count_of_, [&](const Statement& st) {
      n = st.ColumnInt(0);
      return false;
    }));
    return n;
  }

  Status ForEachEntry(const std::function<bool(const AuditEntryRow&)>& visit) override {
    return ForEachRow(all_entries_, [&](const Statement& st) { return visit(EntryAt(st)); });
  }

  Result<int64_t> EraseBefore(int64_t time_unix_ms) override {
    erase_.Bind(1, time_unix_ms);
    PROAKTIV_RETURN_IF_ERROR(erase_.Run());
    return int64_t{db_.Changes()};
  }

  Status PutNode(int64_t id, std::string_view hash) override {
    put_node_.Bind(1, id).BindBlob(2, hash);
    return put_node_.Run();
  }

  Result<std::optional<std::string>> Node(int64_t id) override {
    node_.Bind(1, id);
    return ReadFirstRow(node_, FirstBlob);
  }

  Status ForEachNode(const std::function<bool(int64_t, std::string_view)>& visit) override {
    return ForEachRow(
        all_nodes_, [&](const Statement& st) { return visit(st.ColumnInt(0), st.ColumnBlob(1)); });
  }

  Result<int64_t> AddCheckpoint(const AuditCheckpointRow& c) override {
    add_checkpoint_.Bind(1, c.tree_size)
        .BindBlob(2, c.root_hash)
        .Bind(3, c.time_unix_ms)
        .Bind(4, c.origin)
        .BindBlob(5, c.public_key)
        .Bind(6, c.note);
    PROAKTIV_RETURN_IF_ERROR(add_checkpoint_.Run());
    return db_.LastInsertRowId();
  }

  Result<std::optional<AuditCheckpointRow>> LatestCheckpoint() override {
    return ReadFirstRow(latest_checkpoint_, CheckpointAt);
  }

  Result<std::vector<AuditCheckpointRow>> Checkpoints() override {
    return ReadRows(checkpoints_, CheckpointAt);
  }

 private:
  Database& db_;
  Statement head_, append_, entry_, commitment_, entries_of_, count_of_, all_entries_, erase_,
      put_node_, node_, all_nodes_, add_checkpoint_, latest_checkpoint_, checkpoints_;
};

}  // namespace

Result<std::unique_ptr<AuditStore>> MakeSqliteAuditStore(Database& db) {
  auto store = std::make_unique<SqliteAuditStore>(db);
  PROAKTIV_RETURN_IF_ERROR(store->Prepare());
  return std::unique_ptr<AuditStore>(std::move(store));
}

}  // namespace proaktiv::store::sqlite

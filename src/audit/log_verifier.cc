#include "audit/log_verifier.h"

#include <fmt/format.h>

#include "audit/audit_log.h"
#include "audit/checkpoint.h"
#include "audit/entry.h"
#include "audit/merkle.h"

namespace proaktiv::audit {
namespace {

class Verifier {
 public:
  Verifier(store::AuditStore& store, const VerifyOptions& options)
      : store_(store), options_(options) {}

  Result<VerifyReport> Run() {
    PROAKTIV_ASSIGN_OR_RETURN(checkpoints_, store_.Checkpoints());
    for (size_t i = 1; i < checkpoints_.size() && report_.ok(); ++i) {
      if (checkpoints_[i].tree_size < checkpoints_[i - 1].tree_size) {
        CheckpointProblem(i, fmt::format("its size {} is smaller than the one before ({})",
                                         checkpoints_[i].tree_size, checkpoints_[i - 1].tree_size));
      }
    }
    // Checkpoints of size 0 are checked before any entry.
    if (report_.ok()) CheckCheckpointsAt(0);
    Status read = store_.ForEachEntry([&](const store::AuditEntryRow& row) {
      if (!report_.ok()) return false;
      ++report_.entries;
      if (!CheckEntry(row)) return false;
      return AddLeaf(row) && CheckCheckpointsAt(row.seq + 1);
    });
    if (!read) return tl::unexpected(read.error());
    if (!report_.ok()) return report_;
    const int64_t size = report_.entries;
    if (next_checkpoint_ < checkpoints_.size()) {
      CheckpointProblem(next_checkpoint_,
                        fmt::format("it covers {} entries, the log has {} (entries removed)",
                                    checkpoints_[next_checkpoint_].tree_size, size));
      return report_;
    }
    PROAKTIV_RETURN_IF_ERROR(CheckNoExtraNodes());
    if (!report_.ok()) return report_;
    PROAKTIV_RETURN_IF_ERROR(CheckConsistency());
    return report_;
  }

 private:
  void EntryProblem(int64_t seq, std::string what) {
    report_.problem = fmt::format("entry {}: {}", seq, what);
    report_.bad_entry = seq;
  }
  void CheckpointProblem(size_t index, std::string what) {
    report_.problem = fmt::format("checkpoint {}: {}", index + 1, what);
    report_.bad_checkpoint = int64_t(index + 1);
  }

  bool CheckEntry(const store::AuditEntryRow& row) {
    const int64_t expected = report_.entries - 1;
    if (row.seq != expected) {
      EntryProblem(expected, fmt::format("missing (the next stored entry is {})", row.seq));
      return false;
    }
    if (row.commitment.size() != 32) {
      EntryProblem(row.seq, "its commitment is not 32 bytes");
      return false;
    }
    if (!row.entry && !row.salt) {
      ++report_.erased;
      return true;
    }
    if (!row.entry || !row.salt) {
      EntryProblem(row.seq, "only one of its text and salt is erased");
      return false;
    }
    if (AsBytes(Commitment(*row.salt, *row.entry)) != row.commitment) {
      EntryProblem(row.seq, "its text or salt does not match its commitment (changed)");
      return false;
    }
    auto parsed = ParseEntryJson(*row.entry);
    if (!parsed) {
      EntryProblem(row.seq, parsed.error().message);
      return false;
    }
    if (parsed->seq != row.seq) {
      EntryProblem(row.seq, fmt::format("its text is entry {} (rows moved)", parsed->seq));
      return false;
    }
    if (row.subject_key != parsed->record.subject_key ||
        row.time_unix_ms != parsed->record.time_unix_ms) {
      EntryProblem(row.seq, "its subject or time column differs from its text");
      return false;
    }
    ++report_.present;
    return true;
  }

  // Adds the leaf to the frontier, checking every perfect subtree it completes.
  bool AddLeaf(const store::AuditEntryRow& row) {
    Hash node = LeafHash(row.commitment);
    int level = 0;
    for (int64_t n = row.seq; (n & 1) != 0; n >>= 1) {
      node = NodeHash(frontier_.back(), node);
      frontier_.pop_back();
      ++level;
      const int64_t id = StoredNodeId(level, row.seq >> level);
      auto stored = store_.Node(id);
      ++report_.nodes;
      ++expected_nodes_;
      if (!stored || !*stored || **stored != AsBytes(node)) {
        const int64_t first = (row.seq >> level) << level;
        report_.problem = fmt::format(
            "tree node (level {}, index {}) over entries {}–{} is {} (entries or nodes changed)",
            level, row.seq >> level, first, row.seq,
            stored && *stored ? "not the hash of its entries" : "missing");
        report_.bad_entry = first;
        return false;
      }
    }
    frontier_.push_back(node);
    return true;
  }

  // Checks every checkpoint of tree size `size`, the size just reached.
  bool CheckCheckpointsAt(int64_t size) {
    while (next_checkpoint_ < checkpoints_.size() &&
           checkpoints_[next_checkpoint_].tree_size == size) {
      if (!CheckCheckpoint(next_checkpoint_, RootOfFrontier(frontier_))) return false;
      ++next_checkpoint_;
      ++report_.checkpoints;
    }
    return true;
  }

  bool CheckCheckpoint(size_t index, const Hash& root) {
    const store::AuditCheckpointRow& row = checkpoints_[index];
    if (options_.trusted_public_key && row.public_key != *options_.trusted_public_key) {
      CheckpointProblem(index, "it is signed by a key other than the trusted one");
      return false;
    }
    auto opened = OpenCheckpoint(row.note, row.public_key);
    if (!opened) {
      CheckpointProblem(index, opened.error().message);
      return false;
    }
    if (opened->tree_size != row.tree_size || AsBytes(opened->root) != row.root_hash ||
        opened->time_unix_ms != row.time_unix_ms || opened->origin != row.origin) {
      CheckpointProblem(index, "its signed note says something else than its row");
      return false;
    }
    if (opened->root != root) {
      CheckpointProblem(
          index, fmt::format("its root is not the root of the first {} entries", row.tree_size));
      return false;
    }
    return true;
  }

  Status CheckNoExtraNodes() {
    int64_t stored = 0;
    PROAKTIV_RETURN_IF_ERROR(store_.ForEachNode([&](int64_t, std::string_view) {
      ++stored;
      return true;
    }));
    if (stored != expected_nodes_) {
      report_.problem = fmt::format("{} tree nodes are stored, the {} entries make {}", stored,
                                    report_.entries, expected_nodes_);
    }
    return {};
  }

  Status CheckConsistency() {
    AuditLog log(store_);
    for (size_t i = 1; i < checkpoints_.size(); ++i) {
      const auto& a = checkpoints_[i - 1];
      const auto& b = checkpoints_[i];
      PROAKTIV_ASSIGN_OR_RETURN(auto proof, log.Consistency(a.tree_size, b.tree_size));
      PROAKTIV_ASSIGN_OR_RETURN(Hash old_root, HashFromBytes(a.root_hash, "checkpoint root"));
      PROAKTIV_ASSIGN_OR_RETURN(Hash new_root, HashFromBytes(b.root_hash, "checkpoint root"));
      if (auto ok = VerifyConsistency(a.tree_size, b.tree_size, old_root, new_root, proof); !ok) {
        CheckpointProblem(i, "not consistent with the one before: " + ok.error().message);
        return {};
      }
      ++report_.consistency_proofs;
    }
    return {};
  }

  store::AuditStore& store_;
  const VerifyOptions& options_;
  VerifyReport report_;
  std::vector<store::AuditCheckpointRow> checkpoints_;
  size_t next_checkpoint_ = 0;
  std::vector<Hash> frontier_;
  int64_t expected_nodes_ = 0;
};

}  // namespace

Result<VerifyReport> VerifyLog(store::AuditStore& store, const VerifyOptions& options) {
  Verifier verifier(store, options);
  return verifier.Run();
}

}  // namespace proaktiv::audit

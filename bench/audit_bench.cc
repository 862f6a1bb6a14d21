// Transparency log speed (bench/audit_log.sh): appends per second into a real SQLite file
// (WAL, synchronous=FULL, as the registry opens it) in transactions of --batch records, with a
// signed checkpoint every --checkpoint-every appends and at the end; then inclusion proofs
// against the latest checkpoint generated and verified per second; then `audit verify` over the
// whole log. Prints one line per figure ("name value unit").

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "audit/checkpointer.h"
#include "audit/log_verifier.h"
#include "audit/store_access_recorder.h"
#include "store/store.h"

namespace proaktiv {
namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int Fail(const Error& e) {
  fmt::print(stderr, "error: {}\n", e.ToString());
  return 2;
}

int Run(const std::string& db, int64_t appends, int64_t every, int64_t batch, int64_t proofs,
        bool recorder_path) {
  std::filesystem::remove(db);
  std::filesystem::remove(db + "-wal");
  std::filesystem::remove(db + "-shm");
  auto opened = store::OpenSqliteStore(db);
  if (!opened) return Fail(opened.error());
  store::RegistryStore& store = **opened;
  auto key = audit::SigningKey::FromSeed(std::string(32, 'b'));
  SystemClock clock;
  audit::Checkpointer checkpointer(store.audit(), *key, std::string(audit::kDefaultOrigin), clock);
  audit::AuditLog log(store.audit());
  audit::StoreAccessRecorder recorder(store);  // the engine's way in (--recorder)

  audit::AccessRecord record;
  record.actor_kind = audit::ActorKind::kEngine;
  record.actor_id = "proaktiv-engine";
  record.actor_name = "proaktiv";
  record.items = {"person.birth_date", "person.residence.kommunenummer"};
  record.purpose = "kindergarten-offer";
  record.legal_basis = "barnehageloven § 16";
  int64_t checkpoints = 0;
  auto start = std::chrono::steady_clock::now();
  for (int64_t done = 0; done < appends;) {
    if (auto s = store.Begin(); !s) return Fail(s.error());
    const int64_t end = std::min(appends, done + batch);
    for (; done < end; ++done) {
      record.subject_key = 1 + done % 600'000;
      record.reference = fmt::format("offer:{}", done);
      record.time_unix_ms = 1'760'000'000'000 + done;
      if (recorder_path) {
        if (auto s = recorder.Record(record); !s) return Fail(s.error());
      } else if (auto seq = log.Append(record); !seq) {
        return Fail(seq.error());
      }
      if ((done + 1) % every == 0 || done + 1 == appends) {
        auto made = checkpointer.CheckpointIfGrown();
        if (!made) return Fail(made.error());
        checkpoints += *made ? 1 : 0;
      }
    }
    if (auto s = store.Commit(); !s) return Fail(s.error());
  }
  const double append_seconds = Since(start);
  fmt::print("appends {} count\n", appends);
  fmt::print("checkpoints {} count\n", checkpoints);
  fmt::print("append_seconds {:.3f} s\n", append_seconds);
  fmt::print("appends_per_second {:.0f} 1/s\n", double(appends) / append_seconds);
  std::error_code ec;
  fmt::print(
      "file_bytes_per_entry {:.0f} B\n",
      double(std::filesystem::file_size(db, ec) + std::filesystem::file_size(db + "-wal", ec)) /
          double(appends));

  auto latest = store.audit().LatestCheckpoint();
  if (!latest || !*latest) return Fail(Error{ErrorCode::kInternal, "no checkpoint"});
  const int64_t size = (*latest)->tree_size;
  auto root = audit::HashFromBytes((*latest)->root_hash, "root");
  std::mt19937_64 rng(7);
  std::vector<std::pair<int64_t, std::vector<audit::Hash>>> made;
  made.reserve(size_t(proofs));
  start = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < proofs; ++i) {
    const int64_t seq = int64_t(rng() % uint64_t(size));
    auto proof = log.Inclusion(seq, size);
    if (!proof) return Fail(proof.error());
    made.emplace_back(seq, std::move(*proof));
  }
  const double generate = Since(start);
  std::vector<audit::Hash> leaves;
  for (const auto& [seq, proof] : made) {
    auto commitment = store.audit().Commitment(seq);
    leaves.push_back(audit::LeafHash(**commitment));
  }
  start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < made.size(); ++i) {
    if (!audit::VerifyInclusion(made[i].first, size, leaves[i], made[i].second, *root)) {
      return Fail(Error{ErrorCode::kInternal, fmt::format("proof of {} failed", made[i].first)});
    }
  }
  const double verify = Since(start);
  fmt::print("proof_length {} hashes\n", made.empty() ? 0 : made.back().second.size());
  fmt::print("proofs_generated_per_second {:.0f} 1/s\n", double(proofs) / generate);
  fmt::print("proofs_verified_per_second {:.0f} 1/s\n", double(proofs) / verify);

  start = std::chrono::steady_clock::now();
  auto report = audit::VerifyLog(store.audit(), audit::VerifyOptions{key->public_key()});
  if (!report) return Fail(report.error());
  if (!report->ok()) return Fail(Error{ErrorCode::kDataLoss, *report->problem});
  const double whole = Since(start);
  fmt::print("verify_seconds {:.3f} s\n", whole);
  fmt::print("verify_entries_per_second {:.0f} 1/s\n", double(report->entries) / whole);
  return 0;
}

}  // namespace
}  // namespace proaktiv

int main(int argc, char** argv) {
  CLI::App app{"Transparency log appends, checkpoints, proofs and verification per second"};
  std::string db = "/tmp/proaktiv-audit-bench.db";
  int64_t appends = 1'000'000, every = 1000, batch = 1000, proofs = 100'000;
  app.add_option("--db", db, "The SQLite file (replaced)")->capture_default_str();
  app.add_option("--appends", appends)->capture_default_str()->check(CLI::Range(1, 100'000'000));
  app.add_option("--checkpoint-every", every)->capture_default_str()->check(CLI::Range(1, 1 << 30));
  app.add_option("--batch", batch, "Appends per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 30));
  app.add_option("--proofs", proofs)->capture_default_str()->check(CLI::Range(1, 10'000'000));
  bool recorder = false;
  app.add_flag("--recorder", recorder,
               "Append through StoreAccessRecorder (joining the open transaction), as the engine "
               "does, instead of AuditLog::Append");
  CLI11_PARSE(app, argc, argv);
  return proaktiv::Run(db, appends, every, batch, proofs, recorder);
}

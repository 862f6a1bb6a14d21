#include "cli/audit_command.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>

#include "audit/checkpointer.h"
#include "audit/hash.h"
#include "audit/log_verifier.h"
#include "common/civil_date.h"
#include "common/clock.h"

namespace proaktiv::cli {
namespace {

struct AuditArgs {
  std::string db;
  std::string key;  // "" = beside db
  std::string origin = std::string(audit::kDefaultOrigin);
  std::string public_key;  // base64
  std::string before;      // YYYY-MM-DD
};

std::string KeyPath(const AuditArgs& args) {
  return args.key.empty() ? audit::DefaultKeyPath(args.db) : args.key;
}

int Fail(const Error& e) {
  fmt::print(stderr, "error: {}\n", e.ToString());
  return 2;
}

int Verify(const AuditArgs& args) {
  auto store = store::OpenSqliteStore(args.db);
  if (!store) return Fail(store.error());
  audit::VerifyOptions options;
  if (!args.public_key.empty()) {
    auto key = audit::FromBase64(args.public_key, "--public-key");
    if (!key) return Fail(key.error());
    options.trusted_public_key = *key;
  } else if (auto key = audit::SigningKey::Load(KeyPath(args)); key) {
    options.trusted_public_key = key->public_key();
  } else {
    fmt::print(
        "no trusted key given and no key file: each checkpoint is checked against the "
        "public key stored beside it\n");
  }
  auto report = audit::VerifyLog((*store)->audit(), options);
  if (!report) return Fail(report.error());
  const audit::VerifyReport& r = *report;
  fmt::print("entries read: {} ({} with their text checked against their commitment, {} erased)\n",
             r.entries, r.present, r.erased);
  fmt::print("tree: {} stored nodes recomputed from the commitments\n", r.nodes);
  fmt::print("checkpoints: {} signatures and roots checked, {} consistency proofs verified\n",
             r.checkpoints, r.consistency_proofs);
  if (!r.ok()) {
    fmt::print("TAMPERED: {}\n", *r.problem);
    return 1;
  }
  fmt::print("intact\n");
  return 0;
}

int Checkpoint(const AuditArgs& args) {
  auto store = store::OpenSqliteStore(args.db);
  if (!store) return Fail(store.error());
  auto key = audit::SigningKey::LoadOrCreate(KeyPath(args));
  if (!key) return Fail(key.error());
  SystemClock clock;
  audit::Checkpointer checkpointer((*store)->audit(), *key, args.origin, clock);
  auto made = checkpointer.CheckpointNow();
  if (!made) return Fail(made.error());
  fmt::print("{}", made->note);
  return 0;
}

int Erase(const AuditArgs& args) {
  auto day = CivilDate::Parse(args.before);
  if (!day)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      fmt::format("--before '{}' is not a date (YYYY-MM-DD)", args.before)});
  auto store = store::OpenSqliteStore(args.db);
  if (!store) return Fail(store.error());
  auto erased = (*store)->audit().EraseBefore(int64_t{day->days()} * 86'400'000);
  if (!erased) return Fail(erased.error());
  fmt::print("erased {} entries older than {} (their commitments stay in the tree)\n", *erased,
             args.before);
  return 0;
}

int PublicKey(const AuditArgs& args) {
  auto key = audit::SigningKey::Load(KeyPath(args));
  if (!key) return Fail(key.error());
  fmt::print("{}\n", audit::Base64(key->public_key()));
  return 0;
}

}  // namespace

Status WriteAuditCheckpoint(store::RegistryStore& store, const std::string& db,
                            const std::string& key_path) {
  PROAKTIV_ASSIGN_OR_RETURN(auto size, store.audit().Head());
  PROAKTIV_ASSIGN_OR_RETURN(auto latest, store.audit().LatestCheckpoint());
  if (size.size == 0 || (latest && latest->tree_size >= size.size)) return {};
  PROAKTIV_ASSIGN_OR_RETURN(auto key, audit::SigningKey::LoadOrCreate(
                                          key_path.empty() ? audit::DefaultKeyPath(db) : key_path));
  SystemClock clock;
  audit::Checkpointer checkpointer(store.audit(), key, std::string(audit::kDefaultOrigin), clock);
  PROAKTIV_ASSIGN_OR_RETURN(auto made, checkpointer.CheckpointIfGrown());
  if (made) {
    fmt::print("transparency log: {} reads of personal data logged, checkpoint of size {} signed\n",
               made->tree_size, made->tree_size);
  }
  return {};
}

void RegisterAuditCommands(CLI::App& app) {
  CLI::App* audit = app.add_subcommand("audit", "The transparency log of reads of personal data");
  audit->require_subcommand(1);
  auto add = [&](const char* name, const char* help, int (*run)(const AuditArgs&)) {
    auto args = std::make_shared<AuditArgs>();
    CLI::App* sub = audit->add_subcommand(name, help);
    sub->add_option("--db", args->db, "The registry database (SQLite file)")->required();
    sub->callback([args, run] { std::exit(run(*args)); });
    return std::pair{sub, args};
  };
  auto [verify, verify_args] =
      add("verify", "Check the log, its tree and its signed checkpoints", Verify);
  verify->add_option("--public-key", verify_args->public_key,
                     "The trusted Ed25519 public key (base64); default: the key file's");
  verify->add_option("--key", verify_args->key, "The signing key file (default <db>.audit-key)");
  auto [checkpoint, checkpoint_args] =
      add("checkpoint", "Sign a checkpoint of the current tree head", Checkpoint);
  checkpoint->add_option("--key", checkpoint_args->key,
                         "The signing key file (default <db>.audit-key)");
  checkpoint->add_option("--origin", checkpoint_args->origin, "The log's name in checkpoints")
      ->capture_default_str();
  auto [erase, erase_args] =
      add("erase", "Erase entries older than a day, after their retention", Erase);
  erase->add_option("--before", erase_args->before, "The day (YYYY-MM-DD), 00:00 UTC")->required();
  auto [public_key, public_key_args] =
      add("public-key", "Print the log's Ed25519 public key (base64)", PublicKey);
  public_key->add_option("--key", public_key_args->key,
                         "The signing key file (default <db>.audit-key)");
}

}  // namespace proaktiv::cli

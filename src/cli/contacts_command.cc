#include "cli/contacts_command.h"

#include <chrono>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "common/progress.h"
#include "delivery/contact_register.h"
#include "store/store.h"

namespace proaktiv::cli {
namespace {

struct ContactsArgs {
  std::string db;
  std::string file;
};

int Load(const ContactsArgs& args) {
  auto store = store::OpenSqliteStore(args.db);
  if (!store) {
    fmt::print(stderr, "error: {}\n", store.error().message);
    return 2;
  }
  std::ifstream in(args.file);
  if (!in) {
    fmt::print(stderr, "error: cannot read '{}'\n", args.file);
    return 2;
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(args.file, ec);
  // KRR lines are about 400 bytes; the estimate only scales the progress bar.
  const int64_t estimate = ec ? 0 : static_cast<int64_t>(size / 400);
  Progress progress;
  const auto start = std::chrono::steady_clock::now();
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  auto report = delivery::LoadContacts(**store, in, now, [&](int64_t lines) {
    progress.Report("contacts", lines, std::max(estimate, lines));
  });
  progress.Finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!report) {
    fmt::print(stderr, "error: {}: {}\n", args.file, report.error().ToString());
    return 1;
  }
  fmt::print(
      "{}: {} lines, {} contact records stored, {} for persons not in the registry, in "
      "{:.2f} s\n",
      args.file, report->lines, report->loaded, report->unknown_persons, seconds);
  auto total = (*store)->contacts().CountContacts();
  if (total) fmt::print("contact register {}: {} records\n", args.db, *total);
  return 0;
}

}  // namespace

void RegisterContactsCommand(CLI::App& app) {
  CLI::App* contacts = app.add_subcommand("contacts", "The contact register (KRR)");
  contacts->require_subcommand(1);
  auto args = std::make_shared<ContactsArgs>();
  CLI::App* load =
      contacts->add_subcommand("load", "Store contact records (KRR JSON lines) by person key");
  load->add_option("--db", args->db, "SQLite database file with the registry")->required();
  load->add_option("file", args->file, "contacts.jsonl")->required()->check(CLI::ExistingFile);
  load->callback([args] {
    int status = Load(*args);
    if (status != 0) throw CLI::RuntimeError(status);
  });
}

}  // namespace proaktiv::cli

#pragma once

// `proaktiv audit …`: the transparency log of reads of personal data (src/audit).
//
//   audit verify --db FILE [--public-key BASE64]   checks every entry still present against its
//       commitment, the tree, every checkpoint's root and signature and the consistency between
//       consecutive checkpoints; prints what it checked; exit 0 when intact, 1 naming the first
//       bad entry or checkpoint otherwise, 2 when the database cannot be read. The trusted key is
//       --public-key, else the key file's public key when there is one.
//   audit checkpoint --db FILE [--key FILE] [--origin NAME]   signs the current tree head
//   audit erase --db FILE --before YYYY-MM-DD      erases the text, salt and subject of entries
//       older than the day (00:00 UTC); their commitments stay and the log still verifies
//   audit public-key --db FILE [--key FILE]         prints the Ed25519 public key (base64)
// The signing key is --key, by default "<db>.audit-key" (created, mode 0600, when first needed).

#include <string>

#include <CLI/CLI.hpp>

#include "common/result.h"
#include "store/store.h"

namespace proaktiv::cli {

void RegisterAuditCommands(CLI::App& app);

// Signs a checkpoint of `store`'s log when it grew, with the key at `key_path` ("" = beside
// `db`), and prints one line about it. For the end of an engine run.
Status WriteAuditCheckpoint(store::RegistryStore& store, const std::string& db,
                            const std::string& key_path = "");

}  // namespace proaktiv::cli

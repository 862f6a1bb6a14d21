#include "cli/api_key_command.h"

#include <memory>

#include <fmt/format.h>

#include "http/auth/api_keys.h"

namespace proaktiv::cli {
namespace {

struct ApiKeyArgs {
  std::string name;
  std::vector<std::string> scopes;
};

}  // namespace

void RegisterApiKeyCommand(CLI::App& app) {
  auto args = std::make_shared<ApiKeyArgs>();
  CLI::App* group = app.add_subcommand("api-key", "Staff and system API keys");
  group->require_subcommand(1);
  CLI::App* make = group->add_subcommand("new", "Make a new API key and its keys-file line");
  make->add_option("--name", args->name, "A unique name (letters, digits, - _ .)")->required();
  make->add_option("--scope", args->scopes,
                   "admin:<kommunenummer>, admin:*, intake or metrics (repeatable)")
      ->required();
  make->callback([args] {
    auto key = http::auth::MakeApiKey(args->name, args->scopes);
    if (!key) {
      fmt::print(stderr, "error: {}\n", key.error().ToString());
      throw CLI::RuntimeError(2);
    }
    fmt::print(
        "key (give it to its user now; it is not stored anywhere):\n  {}\n"
        "line for the keys file:\n  {}\n",
        key->key, key->line);
  });
}

}  // namespace proaktiv::cli

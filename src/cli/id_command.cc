#include "cli/id_command.h"

#include <fmt/format.h>

#include "common/national_id.h"

namespace proaktiv::cli {

void RegisterIdCommand(CLI::App& app) {
  CLI::App* id = app.add_subcommand("id", "National identity numbers");
  id->require_subcommand(1);
  CLI::App* check =
      id->add_subcommand("check", "Validate fødselsnummer, D-, H- and synthetic numbers");
  auto numbers = std::make_shared<std::vector<std::string>>();
  check->add_option("numbers", *numbers, "Identity numbers (11 digits)")->required();
  check->callback([numbers] {
    int invalid = 0;
    for (const std::string& text : *numbers) {
      auto id = NationalId::Parse(text);
      if (id) {
        fmt::print("{}  valid    {}\n", id->Masked(), id->facts().Describe());
      } else {
        ++invalid;
        fmt::print("{}  invalid  {}\n", MaskIdentity(text), id.error().message);
      }
    }
    if (invalid > 0) throw CLI::RuntimeError(1);
  });
}

}  // namespace proaktiv::cli

// proaktiv: the command-line entry point. Each sub-command lives in its own file.

#include <CLI/CLI.hpp>

#include "cli/api_key_command.h"
#include "cli/audit_command.h"
#include "cli/consumer_command.h"
#include "cli/contacts_command.h"
#include "cli/deliver_command.h"
#include "cli/dev_issuer_command.h"
#include "cli/dmn_command.h"
#include "cli/gen_command.h"
#include "cli/id_command.h"
#include "cli/ingest_command.h"
#include "cli/run_command.h"
#include "cli/serve_command.h"
#include "common/logging.h"

int main(int argc, char** argv) {
  CLI::App app{"proaktiv: proactive public services for Norwegian municipalities"};
  app.require_subcommand(1);
  std::string log_level = "warn";
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off");
  app.parse_complete_callback([&] { proaktiv::InitLogging(log_level); });
  proaktiv::cli::RegisterIdCommand(app);
  proaktiv::cli::RegisterIngestCommand(app);
  proaktiv::cli::RegisterGenCommand(app);
  proaktiv::cli::RegisterDmnCommands(app);
  proaktiv::cli::RegisterRunCommands(app);
  proaktiv::cli::RegisterServeCommand(app);
  proaktiv::cli::RegisterDevIssuerCommand(app);
  proaktiv::cli::RegisterApiKeyCommand(app);
  proaktiv::cli::RegisterContactsCommand(app);
  proaktiv::cli::RegisterDeliverCommand(app);
  proaktiv::cli::RegisterAuditCommands(app);
  proaktiv::cli::RegisterConsumerCommand(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}

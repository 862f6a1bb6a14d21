#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// `proaktiv serve --db FILE [--address 127.0.0.1] [--port 8080] [--static web/dist]
//  [--services services] [--catalog catalog/catalog.yaml] [--io-threads 2]
//  [--blocking-threads 2] [--access-log FILE|-|off] [--api-keys FILE] [--issuer URL
//  --client-id ID --redirect-uri URL]`: serves the HTTP API (docs/openapi.yaml), the citizen
// portal and the admin pages (the built web app in --static) over the registry in FILE.
// Prints "proaktiv serving http://ADDR:PORT/" once listening (--port 0 picks a free port);
// stops cleanly on SIGINT or SIGTERM (requests in progress finish).
void RegisterServeCommand(CLI::App& app);

}  // namespace proaktiv::cli

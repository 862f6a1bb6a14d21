#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// FOR DEVELOPMENT ONLY — not ID-porten.
// `proaktiv dev-issuer [--port 8081] [--address 127.0.0.1] [--db FILE] [--persons 12]
//  [--client-id proaktiv-portal] [--redirect-uri URL …] [--key-file dev-issuer-key.pem]
//  [--issuer URL]`: runs the development OpenID provider (http/auth/dev_issuer.h). Its login
// page lists test persons from the registry in FILE (adults with children under 6, those who
// are recipients of offers first) and accepts any typed identity number. The signing key is
// kept in --key-file (created at first start), so restarts keep the kid. Prints
// "proaktiv dev-issuer (FOR DEVELOPMENT ONLY) at http://ADDR:PORT" once listening; stops on
// SIGINT or SIGTERM.
void RegisterDevIssuerCommand(CLI::App& app);

}  // namespace proaktiv::cli

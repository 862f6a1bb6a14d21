#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// Data consumers (banks, agencies) of the consent API:
//   proaktiv consumer keygen --out PREFIX
//       writes PREFIX.key.pem (private, 0600) and PREFIX.pub.pem: an Ed25519 key pair for a
//       test or demo consumer (a real consumer makes its own and sends only the public key);
//   proaktiv consumer add --db FILE --org NNNNNNNNN --name NAME --purposes a,b --public-key FILE
//       registers (or replaces) a consumer: organisation number (mod-11 checked), name, catalog
//       purposes it may ask consent for, its public key (PEM or JWK);
//   proaktiv consumer list --db FILE
//       the registered consumers with their purposes and key ids;
//   proaktiv consumer assertion --key FILE --org NNNNNNNNN --url BASE_URL
//       prints a fresh client assertion (RFC 7523, 60 s) for POST BASE_URL/oauth/token, so that
//       scripts can use curl (docs/operations.md).
void RegisterConsumerCommand(CLI::App& app);

}  // namespace proaktiv::cli

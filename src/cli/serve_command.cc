#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/checkpoint.h"
#include "audit/store_access_recorder.h"
#include "catalog/catalog.h"
#include "common/clock.h"
#include "common/logging.h"
#include "consent/access_token.h"
#include "consent/key_file.h"
#include "delivery/delivery_config.h"
#include "delivery/outcomes.h"
#include "engine/service_bundle.h"
#include "http/api/admin_routes.h"
#include "http/api/api_context.h"
#include "http/api/citizen_routes.h"
#include "http/api/consent_api.h"
#include "http/api/delivery_receipt_routes.h"
#include "http/api/intake_routes.h"
#include "http/api/transparency_routes.h"
#include "http/auth/auth_routes.h"
#include "http/auth/auth_service.h"
#include "http/router.h"
#include "http/server/ops_routes.h"
#include "http/server/server.h"

namespace proaktiv::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string library = "services";
  std::string catalog = "catalog/catalog.yaml";
  std::string access_log = "-";
  int read_cache_mb = 64;  // 0: every citizen read goes to the database
  std::string today;       // YYYY-MM-DD: the engine's and the API's date (demo); "" = the real date
  std::string consent_key;  // proaktiv's token-signing key; "" = <db>.consent-key
  std::string public_url;   // "" = http://<address>:<port>
  std::string controller = "proaktiv";
  std::string delivery_config;      // "" = delivery::DeliveryConfig::Defaults()
  std::string receipt_secret_file;  // the gateways' shared secret for signed delivery receipts
  http::server::ServerOptions server;
  http::auth::AuthConfig auth;
};

// The transparency log's recorder for the calling thread's connection: data API reads are
// appended inside the data API's own transaction (the read and its record commit together).
Result<audit::AccessRecorder*> ThreadRecorder(store::RegistryStore& store) {
  thread_local std::map<store::RegistryStore*, std::unique_ptr<audit::StoreAccessRecorder>>
      recorders;
  auto& recorder = recorders[&store];
  if (recorder == nullptr) {
    recorder = std::make_unique<audit::StoreAccessRecorder>(
        store, audit::StoreAccessRecorder::kAlwaysInCallersTransaction);
  }
  return recorder.get();
}

int Fail(const Error& e) {
  fmt::print(stderr, "error: {}\n", e.ToString());
  return 2;
}

int Serve(ServeArgs args) {
  auto catalog_loaded = catalog::Catalog::LoadFile(args.catalog);
  if (!catalog_loaded) return Fail(catalog_loaded.error());
  auto catalog = std::make_shared<const catalog::Catalog>(std::move(*catalog_loaded));
  auto library_loaded = engine::LoadLibrary(args.library, *catalog);
  if (!library_loaded) return Fail(library_loaded.error());
  auto library = std::make_shared<const engine::ServiceLibrary>(std::move(*library_loaded));
  // Open the database once up front, so that a wrong --db fails here and not per request.
  if (auto store = store::OpenSqliteStore(args.db); !store) return Fail(store.error());

  if (!args.auth.issuer.empty() && args.auth.redirect_uri.empty()) {
    args.auth.redirect_uri =
        fmt::format("http://{}:{}/auth/callback", args.server.address, args.server.port);
  }
  // Logins, tokens and sessions always run on real time; offers and answers on `service_clock`,
  // which --today shifts by whole days.
  SystemClock clock;
  std::chrono::system_clock::duration shift{0};
  if (!args.today.empty()) {
    auto today = CivilDate::Parse(args.today);
    if (!today) return Fail(today.error());
    shift = std::chrono::days(today->days() - clock.TodayInNorway().days());
  }
  ShiftedClock service_clock(shift);
  std::unique_ptr<http::api::ReadCache> read_cache;
  if (args.read_cache_mb > 0) {
    auto opened =
        http::api::ReadCache::Open(args.db, static_cast<size_t>(args.read_cache_mb) << 20);
    if (!opened) return Fail(opened.error());
    read_cache = std::move(*opened);
  }
  http::api::ApiContext context(args.db, catalog, library, service_clock, read_cache.get());
  auto auth = http::auth::AuthService::Create(args.auth, clock);
  if (!auth) return Fail(auth.error());

  http::Router router;
  std::unique_ptr<http::server::Server> server;
  http::server::RegisterOpsRoutes(
      router, http::server::OpsContext{
                  .database_check =
                      [&context] {
                        auto store = context.Store();
                        return store.has_value() && (*store)->GetPointer("health").has_value();
                      },
                  .metrics_text = [&server] { return server->metrics().Render(); }});
  http::auth::RegisterAuthRoutes(router, **auth);
  http::api::RegisterCitizenRoutes(router, context);
  http::api::RegisterIntakeRoutes(router, context);
  http::api::RegisterAdminRoutes(router, context);
  // The transparency log signs checkpoints with the key beside the database (made if missing).
  std::shared_ptr<const audit::SigningKey> audit_key;
  if (auto key = audit::SigningKey::LoadOrCreate(audit::DefaultKeyPath(args.db)); key) {
    audit_key = std::make_shared<const audit::SigningKey>(std::move(*key));
  } else {
    fmt::print(stderr, "warning: no transparency log checkpoints from this server: {}\n",
               key.error().ToString());
  }
  http::api::RegisterTransparencyRoutes(
      router, context,
      http::api::TransparencyOptions{audit_key, std::string(audit::kDefaultOrigin)});
  // Consent and the data API: proaktiv's own token-signing key beside the database (0600).
  auto consent_key = consent::LoadOrCreateKeyFile(
      args.consent_key.empty() ? args.db + ".consent-key" : args.consent_key);
  if (!consent_key) return Fail(consent_key.error());
  consent::Issuer issuer(args.public_url.empty()
                             ? fmt::format("http://{}:{}", args.server.address, args.server.port)
                             : args.public_url);
  consent::TokenIssuer tokens(std::move(*consent_key), issuer);
  http::api::ConsentApiContext consent_context{context, tokens, ThreadRecorder, clock,
                                               args.controller};
  http::api::RegisterCitizenConsentRoutes(router, consent_context);
  http::api::RegisterConsumerRoutes(router, consent_context);
  http::api::RegisterDataApiRoutes(router, consent_context);
  // Delivery receipts: verified here, recorded on the outbox message the provider id names (a
  // failed formal message falls back to a letter, per the delivery configuration).
  Result<delivery::DeliveryConfig> loaded_delivery =
      args.delivery_config.empty() ? delivery::DeliveryConfig::Defaults()
                                   : delivery::DeliveryConfig::LoadFile(args.delivery_config);
  if (!loaded_delivery) return Fail(loaded_delivery.error());
  auto delivery_config =
      std::make_shared<const delivery::DeliveryConfig>(std::move(*loaded_delivery));
  http::api::DeliveryReceiptContext receipts;
  if (!args.receipt_secret_file.empty()) {
    auto secret = http::api::ReadReceiptSecretFile(args.receipt_secret_file);
    if (!secret) return Fail(secret.error());
    receipts.secrets = {{delivery::ChannelKind::kSms, *secret},
                        {delivery::ChannelKind::kDigitalMailbox, *secret}};
  }
  receipts.on_receipt = [&context, delivery_config, &clock](delivery::ChannelKind channel,
                                                            std::string provider_id, bool delivered,
                                                            std::string detail) -> Status {
    PROAKTIV_ASSIGN_OR_RETURN(store::RegistryStore * store, context.Store());
    delivery::DeliveryReceipt receipt;
    receipt.channel = std::string(delivery::Name(channel));
    receipt.provider_id = std::move(provider_id);
    receipt.delivered = delivered;
    receipt.error = std::move(detail);
    const int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(clock.Now().time_since_epoch()).count();
    auto applied = delivery::ApplyReceipt(*store, *delivery_config, receipt, now);
    if (!applied) return tl::unexpected(applied.error());
    return {};
  };
  http::api::RegisterDeliveryReceiptRoutes(router, receipts);

  args.server.access_log = args.access_log != "off";
  args.server.access_log_file = args.access_log;
  // SIGINT and SIGTERM are taken by this thread only: block them before the server's threads
  // start (they inherit the mask), then wait for one.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server = std::make_unique<http::server::Server>(args.server, router, **auth);
  auto port = server->Start();
  if (!port) return Fail(port.error());
  if (args.public_url.empty()) {
    issuer.set_base_url(fmt::format("http://{}:{}", args.server.address, *port));
  }
  fmt::print("proaktiv serving http://{}:{}/\n", args.server.address, *port);
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  fmt::print(stderr, "proaktiv: {} received, stopping\n",
             signal_number == SIGINT ? "SIGINT" : "SIGTERM");
  server->Stop();
  server->Wait();
  server.reset();
  return 0;
}

}  // namespace

void RegisterServeCommand(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* serve =
      app.add_subcommand("serve", "Serve the HTTP API, the citizen portal and the admin pages");
  serve->add_option("--db", args->db, "The registry database (SQLite file)")->required();
  serve->add_option("--address", args->server.address, "The IP address to listen on")
      ->capture_default_str();
  serve->add_option("--port", args->server.port, "The TCP port (0: any free port)")
      ->capture_default_str();
  serve->add_option("--static", args->server.static_dir,
                    "The built web app to serve (index.html, assets/)");
  serve->add_option("--services", args->library, "The service library directory")
      ->capture_default_str();
  serve->add_option("--catalog", args->catalog, "The data catalog")->capture_default_str();
  serve->add_option("--io-threads", args->server.io_threads, "Threads for network I/O")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  serve
      ->add_option("--blocking-threads", args->server.blocking_threads, "Threads for database work")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  serve
      ->add_option("--access-log", args->access_log,
                   "Access log: a file, - for standard error, off for none")
      ->capture_default_str();
  serve
      ->add_option("--read-cache-mb", args->read_cache_mb,
                   "Memory for citizens' read answers kept while the database is unchanged "
                   "(0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 4096));
  serve->add_option("--api-keys", args->auth.api_keys_file, "The staff API keys file");
  serve->add_option("--issuer", args->auth.issuer,
                    "The OpenID Connect issuer for citizen login (none: login disabled)");
  serve->add_option("--client-id", args->auth.client_id, "The OpenID Connect client id");
  serve->add_option("--redirect-uri", args->auth.redirect_uri,
                    "This server's /auth/callback URL as registered with the issuer");
  serve->add_option("--today", args->today,
                    "Serve as of this date (YYYY-MM-DD) for offers and answers, e.g. for a demo; "
                    "logins use the real time");
  serve->add_option("--consent-key", args->consent_key,
                    "proaktiv's Ed25519 token-signing key (created 0600 on first use; default "
                    "<db>.consent-key)");
  serve->add_option("--public-url", args->public_url,
                    "The URL consumers reach this server at: the access tokens' issuer and the "
                    "token endpoint's prefix (default http://<address>:<port>)");
  serve
      ->add_option("--controller", args->controller,
                   "The data controller named on consent receipts")
      ->capture_default_str();
  serve->add_option("--delivery-config", args->delivery_config,
                    "The delivery configuration (channels, retries, letters; default: built-in "
                    "defaults)");
  serve->add_option("--receipt-secret-file", args->receipt_secret_file,
                    "The message gateways' shared secret for signed delivery receipts");
  serve->callback([args] { std::exit(Serve(*args)); });
}

}  // namespace proaktiv::cli

#include "cli/dev_issuer_command.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_set>

#include <fmt/format.h>

#include "common/clock.h"
#include "http/auth/dev_issuer.h"
#include "http/router.h"
#include "http/server/server.h"
#include "store/store.h"

namespace proaktiv::cli {
namespace {

struct DevIssuerArgs {
  std::string address = "127.0.0.1";
  uint16_t port = 8081;
  std::string db;
  size_t persons = 12;
  std::string client_id = "proaktiv-portal";
  std::vector<std::string> redirect_uris;
  std::string key_file = "dev-issuer-key.pem";
  std::string issuer;
};

int Fail(const Error& e) {
  fmt::print(stderr, "error: {}\n", e.ToString());
  return 2;
}

std::string FullName(const registry::Person& p) {
  const registry::PersonName* name = p.name.current();
  if (name == nullptr) return {};
  std::string out = name->given;
  for (const std::string* part : {&name->middle, &name->family}) {
    if (!part->empty()) out += (out.empty() ? "" : " ") + *part;
  }
  return out;
}

// A person who may be shown: alive, resident, without address protection, with a number.
bool Presentable(const registry::Person& p) {
  return !p.is_dead() && p.current_status() == registry::PersonStatus::kBosatt &&
         p.current_protection() == registry::AddressProtection::kUgradert && !p.id().empty() &&
         p.birth_date().has_value();
}

// Adults who are parents of children under 6; recipients of offers first.
Result<std::vector<http::auth::TestPerson>> PickPersons(store::RegistryStore& store,
                                                        CivilDate today, size_t wanted) {
  std::unordered_set<std::string> parents;
  const CivilDate six_years_ago = today.AddYears(-6);
  PROAKTIV_RETURN_IF_ERROR(store.ForEachPerson([&](const store::StoredPerson& s) {
    const auto birth = s.person.birth_date();
    if (birth && *birth > six_years_ago && !s.person.is_dead()) {
      for (auto role : {registry::RelationRole::kMor, registry::RelationRole::kFar,
                        registry::RelationRole::kMedmor}) {
        for (std::string& id : s.person.RelatedIds(role)) parents.insert(std::move(id));
      }
    }
    return parents.size() < wanted * 20;
  }));
  struct Candidate {
    int64_t key;
    http::auth::TestPerson person;
  };
  std::vector<Candidate> candidates;
  const CivilDate adult = today.AddYears(-18);
  PROAKTIV_RETURN_IF_ERROR(store.ForEachPerson([&](const store::StoredPerson& s) {
    const bool is_parent = parents.empty() || parents.contains(s.person.id());
    if (is_parent && Presentable(s.person) && *s.person.birth_date() <= adult) {
      candidates.push_back(
          {s.key, {s.person.id(), FullName(s.person), s.person.birth_date()->ToString(), ""}});
    }
    return candidates.size() < wanted * 4;
  }));
  std::vector<std::pair<size_t, http::auth::TestPerson>> ranked;
  for (Candidate& c : candidates) {
    auto offers = store.engine().OffersFor(c.key);
    const size_t n = offers ? offers->size() : 0;
    if (n > 0) c.person.note = n == 1 ? "1 tilbud" : fmt::format("{} tilbud", n);
    ranked.emplace_back(n, std::move(c.person));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return (a.first > 0) > (b.first > 0); });
  std::vector<http::auth::TestPerson> out;
  for (auto& [n, person] : ranked) {
    if (out.size() == wanted) break;
    out.push_back(std::move(person));
  }
  return out;
}

struct AnonymousCaller final : http::Authenticator {
  Result<http::Principal> Authenticate(const http::Request&) const override {
    return http::Principal{};
  }
};

int Run(DevIssuerArgs args) {
  SystemClock clock;
  http::auth::DevIssuerOptions options;
  options.issuer =
      args.issuer.empty() ? fmt::format("http://{}:{}", args.address, args.port) : args.issuer;
  options.client_id = args.client_id;
  if (!args.redirect_uris.empty()) options.redirect_uris = args.redirect_uris;
  if (!args.db.empty()) {
    auto store = store::OpenSqliteStore(args.db);
    if (!store) return Fail(store.error());
    auto persons = PickPersons(**store, clock.TodayInNorway(), args.persons);
    if (!persons) return Fail(persons.error());
    options.persons = std::move(*persons);
  }
  auto key = http::auth::RsaKey::LoadOrCreate(args.key_file);
  if (!key) return Fail(key.error());
  const size_t person_count = options.persons.size();
  http::auth::DevIssuer issuer(std::move(options), *key, clock);
  http::Router router;
  issuer.Register(router);

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  AnonymousCaller anonymous;
  http::server::ServerOptions server_options;
  server_options.address = args.address;
  server_options.port = args.port;
  auto server = std::make_unique<http::server::Server>(server_options, router, anonymous);
  auto port = server->Start();
  if (!port) return Fail(port.error());
  if (args.issuer.empty() && args.port == 0) {
    issuer.SetIssuer(fmt::format("http://{}:{}", args.address, *port));
  }
  fmt::print("proaktiv dev-issuer ({}) at {}\n  kid {}, {} test persons, client {}\n",
             http::auth::kDevNotice, issuer.issuer(), key->kid(), person_count, args.client_id);
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  server->Stop();
  server->Wait();
  return 0;
}

}  // namespace

void RegisterDevIssuerCommand(CLI::App& app) {
  auto args = std::make_shared<DevIssuerArgs>();
  CLI::App* cmd = app.add_subcommand(
      "dev-issuer", "FOR DEVELOPMENT ONLY - not ID-porten: a local OpenID provider for the demo");
  cmd->add_option("--address", args->address, "The IP address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "The TCP port (0: any free port)")->capture_default_str();
  cmd->add_option("--db", args->db, "A registry database to take test persons from");
  cmd->add_option("--persons", args->persons, "How many test persons to list")
      ->capture_default_str()
      ->check(CLI::Range(0, 200));
  cmd->add_option("--client-id", args->client_id, "The one client id accepted")
      ->capture_default_str();
  cmd->add_option("--redirect-uri", args->redirect_uris,
                  "Accepted redirect URIs (default http://127.0.0.1:8080/auth/callback)");
  cmd->add_option("--key-file", args->key_file, "The signing key (PEM), created at first start")
      ->capture_default_str();
  cmd->add_option("--issuer", args->issuer,
                  "The issuer URL tokens carry (default http://ADDRESS:PORT)");
  cmd->callback([args] { std::exit(Run(*args)); });
}

}  // namespace proaktiv::cli

#include "cli/consumer_command.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "catalog/catalog.h"
#include "common/clock.h"
#include "consent/client_assertion.h"
#include "consent/consumer.h"
#include "consent/key_file.h"
#include "store/store.h"

namespace proaktiv::cli {
namespace {

struct ConsumerArgs {
  std::string db;
  std::string org;
  std::string name;
  std::vector<std::string> purposes;
  std::string public_key;
  std::string catalog = "catalog/catalog.yaml";
  std::string out;
  std::string key;
  std::string url;
};

[[noreturn]] void Fail(const Error& e) {
  fmt::print(stderr, "error: {}\n", e.ToString());
  throw CLI::RuntimeError(2);
}

template <typename T>
T OrFail(Result<T> r) {
  if (!r) Fail(r.error());
  return std::move(*r);
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             SystemClock().Now().time_since_epoch())
      .count();
}

void KeyGen(const ConsumerArgs& a) {
  const consent::KeyPair key = consent::KeyPair::Generate();
  const std::string private_path = a.out + ".key.pem";
  const std::string public_path = a.out + ".pub.pem";
  if (auto w = consent::WriteNewFile(private_path, consent::PrivateKeyPem(key), 0600); !w) {
    Fail(w.error());
  }
  if (auto w = consent::WriteNewFile(public_path, consent::PublicKeyPem(key.public_key()), 0644);
      !w) {
    Fail(w.error());
  }
  fmt::print("private key: {} (keep it secret)\npublic key:  {}\nkey id:      {}\n", private_path,
             public_path, consent::KeyId(key.public_key()));
}

void Add(const ConsumerArgs& a) {
  const catalog::Catalog catalog = OrFail(catalog::Catalog::LoadFile(a.catalog));
  const std::string text = OrFail(consent::ReadKeyFile(a.public_key));
  auto public_key = consent::ParsePublicKey(text);
  if (!public_key) Fail(public_key.error().WithContext(a.public_key));
  const store::ConsumerRecord consumer =
      OrFail(consent::MakeConsumer(a.org, a.name, a.purposes, *public_key, catalog, NowMs()));
  auto store = OrFail(store::OpenSqliteStore(a.db));
  if (auto put = store->consent().PutConsumer(consumer); !put) Fail(put.error());
  fmt::print("registered {} ({}) for {}; key id {}\n", consumer.org_number, consumer.name,
             fmt::join(consumer.purposes, ", "), consent::KeyId(consumer.public_key));
}

void List(const ConsumerArgs& a) {
  auto store = OrFail(store::OpenSqliteStore(a.db));
  const auto consumers = OrFail(store->consent().Consumers());
  if (consumers.empty()) fmt::print("no consumers registered\n");
  for (const store::ConsumerRecord& c : consumers) {
    fmt::print("{}  {}  purposes: {}  key id: {}\n", c.org_number, c.name,
               fmt::join(c.purposes, ","), consent::KeyId(c.public_key));
  }
}

void Assertion(const ConsumerArgs& a) {
  const std::string text = OrFail(consent::ReadKeyFile(a.key));
  auto key = consent::ParsePrivateKey(text);
  if (!key) Fail(key.error().WithContext(a.key));
  std::string url = a.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  fmt::print("{}\n",
             consent::MakeClientAssertion(*key, a.org, url + "/oauth/token", NowMs() / 1000));
}

}  // namespace

void RegisterConsumerCommand(CLI::App& app) {
  auto args = std::make_shared<ConsumerArgs>();
  CLI::App* group = app.add_subcommand("consumer", "Data consumers of the consent API");
  group->require_subcommand(1);

  CLI::App* keygen = group->add_subcommand("keygen", "Write an Ed25519 key pair (test, demo)");
  keygen->add_option("--out", args->out, "File prefix: PREFIX.key.pem and PREFIX.pub.pem")
      ->required();
  keygen->callback([args] { KeyGen(*args); });

  CLI::App* add = group->add_subcommand("add", "Register (or replace) a data consumer");
  add->add_option("--db", args->db, "The registry database (SQLite file)")->required();
  add->add_option("--org", args->org, "Organisation number (9 digits, mod 11)")->required();
  add->add_option("--name", args->name, "The organisation's name")->required();
  add->add_option("--purposes", args->purposes, "Catalog purposes it may ask consent for")
      ->required()
      ->delimiter(',');
  add->add_option("--public-key", args->public_key, "Its Ed25519 public key (PEM or JWK file)")
      ->required();
  add->add_option("--catalog", args->catalog, "The data catalog")->capture_default_str();
  add->callback([args] { Add(*args); });

  CLI::App* list = group->add_subcommand("list", "List the registered consumers");
  list->add_option("--db", args->db, "The registry database (SQLite file)")->required();
  list->callback([args] { List(*args); });

  CLI::App* assertion =
      group->add_subcommand("assertion", "Print a client assertion for POST /oauth/token");
  assertion->add_option("--key", args->key, "The consumer's private key (PEM or JWK)")->required();
  assertion->add_option("--org", args->org, "The consumer's organisation number")->required();
  assertion->add_option("--url", args->url, "proaktiv's base URL, e.g. http://127.0.0.1:8080")
      ->required();
  assertion->callback([args] { Assertion(*args); });
}

}  // namespace proaktiv::cli

// Consent token speed (bench/consent_tokens.sh): proaktiv's access tokens verified per second
// (EdDSA signature, issuer, audience, lifetime, claims), and full consent checks per second
// (verify + the consent's live state and the person looked up in SQLite, data_policy.h), on 1
// and 2 threads, each thread with its own connection to one database of 1 000 accepted
// consents.
//
//   consent_bench [Google Benchmark flags]
//   consent_bench --export DIR    writes DIR/tokens.txt (one token a line), DIR/jwks.json and
//                                 DIR/claims.json (issuer, audience) for the jose peer
//
// The token-signing key is derived from a fixed seed, so exported tokens and the benchmark's
// are signed by the same key. Every verification result is checked before timing.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "common/clock.h"
#include "common/national_id.h"
#include "consent/access_token.h"
#include "consent/consent_service.h"
#include "consent/data_access.h"
#include "store/store.h"

namespace proaktiv::consent {
namespace {

constexpr int kConsents = 1000;
constexpr char kBaseUrl[] = "http://127.0.0.1:8080";
constexpr char kBank[] = "937846231";

class NullRecorder final : public audit::AccessRecorder {
 public:
  Status Record(const audit::AccessRecord&) override { return {}; }
};

int64_t NowS() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// One database, one key, kConsents accepted consents with their tokens and persons.
struct World {
  std::filesystem::path dir;
  std::string db;
  Issuer issuer{kBaseUrl};
  std::unique_ptr<TokenIssuer> tokens;
  std::vector<std::string> token_texts;
  std::vector<std::string> persons;

  World() {
    dir = std::filesystem::temp_directory_path() /
          ("proaktiv-consent-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    db = (dir / "bench.db").string();
    tokens = std::make_unique<TokenIssuer>(*KeyPair::FromSeed(std::string(32, '\x07')), issuer);
    auto store = *store::OpenSqliteStore(db);
    const KeyPair bank_key = *KeyPair::FromSeed(std::string(32, '\x09'));
    (void)store->consent().PutConsumer(
        {kBank, "Bench Bank", {"credit-assessment"}, bank_key.public_key(), 0});
    SystemClock clock;
    ConsentService service(*store, clock);
    const CivilDate birth = *CivilDate::FromYmd(1980, 1, 1);
    std::vector<int64_t> keys;
    (void)store->Begin();
    for (int i = 0; persons.size() < kConsents; ++i) {
      auto id =
          NationalId::Make(birth.AddDays(i / 400), 500 + i % 400, IdKind::kFodselsnummer, true);
      if (!id) continue;
      registry::Person p;
      p.identity_numbers.push_back({"f", 0, {id->digits(), true}});
      p.name.facts.push_back({"f", 0, {"Bench", "", "Person"}});
      keys.push_back(*store->PutPerson(0, p));
      persons.push_back(id->digits());
    }
    (void)store->Commit();
    for (size_t i = 0; i < persons.size(); ++i) {
      ConsentRequest r;
      r.person_id = persons[i];
      r.items = {"person.name"};
      r.purpose = "credit-assessment";
      r.valid_to_ms = (NowS() + 86400) * 1000;
      r.message_nb = "bench";
      store::ConsentRecord c = *service.Create(r, {kBank, "Bench Bank", {}, "", 0}, keys[i]);
      (void)service.Act(keys[i], c.id, CitizenAction::kAccept);
      AccessClaims claims{kBank, c.id, c.items, "", NowS(), NowS() + 3600, RandomHex(8)};
      token_texts.push_back(tokens->Issue(claims));
    }
  }
  ~World() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

World& TheWorld() {
  static World world;
  return world;
}

void BM_VerifyToken(benchmark::State& state) {
  World& w = TheWorld();
  const int64_t now = NowS();
  if (!w.tokens->Verify(w.token_texts[0], now)) state.SkipWithError("token does not verify");
  size_t i = static_cast<size_t>(state.thread_index()) * 7;
  for (auto _ : state) {
    auto claims = w.tokens->Verify(w.token_texts[i++ % w.token_texts.size()], now);
    benchmark::DoNotOptimize(claims);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyToken)->Threads(1)->Threads(2)->UseRealTime();

void BM_ConsentCheck(benchmark::State& state) {
  World& w = TheWorld();
  auto store = *store::OpenSqliteStore(w.db);  // this thread's connection
  SystemClock clock;
  NullRecorder recorder;
  DataAccess access(*store, clock, recorder);
  const std::vector<std::string> items = {"person.name"};
  const int64_t now = NowS();
  {
    auto claims = w.tokens->Verify(w.token_texts[0], now);
    auto refused = access.Check(*claims, w.persons[0], items);
    if (!refused || *refused) state.SkipWithError("the consent check refuses");
  }
  size_t i = static_cast<size_t>(state.thread_index()) * 7;
  for (auto _ : state) {
    const size_t k = i++ % w.token_texts.size();
    auto claims = w.tokens->Verify(w.token_texts[k], now);
    auto refused = access.Check(*claims, w.persons[k], items);
    benchmark::DoNotOptimize(refused);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ConsentCheck)->Threads(1)->Threads(2)->UseRealTime();

int Export(const std::string& dir) {
  World& w = TheWorld();
  std::ofstream tokens(dir + "/tokens.txt");
  for (const std::string& t : w.token_texts) tokens << t << "\n";
  std::ofstream(dir + "/jwks.json") << boost::json::serialize(w.tokens->Jwks());
  std::ofstream(dir + "/claims.json")
      << boost::json::serialize(boost::json::object{{"issuer", kBaseUrl}, {"audience", kBaseUrl}});
  return 0;
}

}  // namespace
}  // namespace proaktiv::consent

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--export") {
    return proaktiv::consent::Export(argv[2]);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

// Micro-benchmarks of the intake path's CPU work: validating an identity number, parsing a feed
// line, applying it to a person, and the person document's JSON round trip.

#include <benchmark/benchmark.h>

#include "common/national_id.h"
#include "registry/apply.h"
#include "registry/testing/feed_builder.h"

namespace proaktiv::registry {
namespace {

using testing::Address;
using testing::Change;
using testing::Entry;
using testing::PersonDoc;

void BM_NationalIdParse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(NationalId::Parse("13097248022"));
}
BENCHMARK(BM_NationalIdParse);

const std::string kMove = Entry(
    2, "10915596784", "endringIBostedsadresse",
    {{"egenskapshendelse", boost::json::array{Change("bostedsadresse", "registrereNy", "a2", "",
                                                     Address("4601", "Bryggen", "2024-06-01"))}}});

void BM_ParseFeedEntry(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParseFeedEntry(kMove));
}
BENCHMARK(BM_ParseFeedEntry);

void BM_ApplyMove(benchmark::State& state) {
  Person person = *PersonFromJson(PersonDoc("10915596784", "1955-11-10", "0301"));
  FeedEntry entry = *ParseFeedEntry(kMove);
  for (auto _ : state) benchmark::DoNotOptimize(ApplyFeedEntry(person, entry));
}
BENCHMARK(BM_ApplyMove);

void BM_PersonJsonRoundTrip(benchmark::State& state) {
  Person person = *PersonFromJson(PersonDoc("10915596784", "1955-11-10", "0301"));
  for (auto _ : state) {
    std::string text = boost::json::serialize(PersonToJson(person));
    benchmark::DoNotOptimize(PersonFromJson(boost::json::parse(text).as_object()));
  }
}
BENCHMARK(BM_PersonJsonRoundTrip);

}  // namespace
}  // namespace proaktiv::registry

BENCHMARK_MAIN();

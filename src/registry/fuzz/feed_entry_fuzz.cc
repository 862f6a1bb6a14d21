// libFuzzer target for feed intake's outside input: one line of the population register's feed.
// Each input is parsed (registry/feed_entry.h); what parses is applied to nobody (as to a person
// the registry does not know) and, when that yields a person, applied again to that person (as a
// replay would), and the person is encoded, decoded and encoded again. Aborts when:
//   - an error message repeats an 11-digit run of the input (identity numbers never appear in
//     errors, and so never in logs);
//   - a person does not survive the codec's round trip unchanged.
//
// Build: CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DPROAKTIV_FUZZ=ON
//        -DPROAKTIV_BENCH=OFF && cmake --build build-fuzz --target feed_entry_fuzz
// Run:   build-fuzz/src/registry/feed_entry_fuzz -max_total_time=60 -max_len=8192 CORPUS SEEDS
// Seeds: tests/fuzz/feed_seeds (one generated line of each event type, a correction and an
//        annulment); scripts/fuzz.sh passes them.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "registry/apply.h"
#include "registry/feed_entry.h"
#include "registry/person_codec.h"

namespace {

// Aborts when `message` contains an 11-digit run that also stands in `input`.
void RequireNoIdentityNumber(std::string_view input, std::string_view message) {
  for (size_t i = 0; i + 11 <= message.size(); ++i) {
    size_t n = 0;
    while (n < 11 && message[i + n] >= '0' && message[i + n] <= '9') ++n;
    if (n < 11) {
      i += n;
      continue;
    }
    if (input.find(message.substr(i, 11)) != std::string_view::npos) std::abort();
  }
}

void RequireRoundTrip(const proaktiv::registry::Person& person) {
  const std::string once = proaktiv::registry::EncodePerson(person);
  auto back = proaktiv::registry::DecodePerson(once);
  if (!back || proaktiv::registry::EncodePerson(*back) != once) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace proaktiv::registry;
  if (size > 16384) return 0;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  auto entry = ParseFeedEntry(line);
  if (!entry) {
    RequireNoIdentityNumber(line, entry.error().message);
    return 0;
  }
  auto created = ApplyFeedEntry(nullptr, *entry);
  if (!created) {
    RequireNoIdentityNumber(line, created.error().message);
    return 0;
  }
  RequireRoundTrip(created->person);
  auto again = ApplyFeedEntry(&created->person, *entry);
  if (!again) {
    RequireNoIdentityNumber(line, again.error().message);
    return 0;
  }
  RequireRoundTrip(again->person);
  return 0;
}

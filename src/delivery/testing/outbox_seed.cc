// Fills a SQLite registry file with persons, contact records and one open offer each, its
// messages queued in the outbox as the engine queues them (delivery/testing/outbox_fixture.h),
// for bench/delivery_throughput.sh and manual runs of `proaktiv deliver`:
//
//   delivery_outbox_seed --db /tmp/outbox.db --people 5000 [--seed 1]
//
// prints one line per channel ("email 2250") and the total ("messages 6810"). The database
// must be new (or hold no persons). Exit status 2 for bad arguments, 1 when seeding fails.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "delivery/testing/outbox_fixture.h"

namespace {

int Usage() {
  std::fprintf(stderr, "usage: delivery_outbox_seed --db FILE --people N [--seed S]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  proaktiv::delivery::testing::OutboxFixtureOptions options;
  options.people = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const char* value = argv[++i];
    char* end = nullptr;
    if (arg == "--db") {
      db = value;
    } else if (arg == "--people") {
      const long n = std::strtol(value, &end, 10);
      if (*end != '\0' || n <= 0 || n > 10'000'000) {
        std::fprintf(stderr, "--people '%s': expected a number from 1 to 10000000\n", value);
        return 2;
      }
      options.people = static_cast<int>(n);
    } else if (arg == "--seed") {
      options.seed = std::strtoull(value, &end, 10);
      if (*end != '\0') {
        std::fprintf(stderr, "--seed '%s': expected a number\n", value);
        return 2;
      }
    } else {
      return Usage();
    }
  }
  if (db.empty() || options.people == 0) return Usage();
  auto fixture = proaktiv::delivery::testing::FillOutboxFile(
      db, proaktiv::delivery::DeliveryConfig::Defaults(), options);
  if (!fixture) {
    std::fprintf(stderr, "error: %s\n", fixture.error().message.c_str());
    return 1;
  }
  for (const auto& [channel, keys] : fixture->keys) {
    std::printf("%s %zu\n", channel.c_str(), keys.size());
  }
  std::printf("messages %lld\n", static_cast<long long>(fixture->messages()));
  return 0;
}

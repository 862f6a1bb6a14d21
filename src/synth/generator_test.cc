#include "synth/generator.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "registry/apply.h"
#include "registry/entities.h"
#include "registry/feed_entry.h"
#include "store/store.h"

namespace proaktiv::synth {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("synth_test_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir.string();
}

GenerateOptions Options(std::vector<std::string> kommuner, uint64_t seed, std::string out) {
  GenerateOptions o;
  o.kommuner = std::move(kommuner);
  o.from = *CivilDate::FromYmd(2024, 1, 1);
  o.to = *CivilDate::FromYmd(2025, 1, 1);
  o.seed = seed;
  o.out_dir = std::move(out);
  o.write_db = false;
  return o;
}

TEST(Generate, SameSeedSameBytes) {
  Progress quiet(false);
  std::string a = TempDir("a");
  std::string b = TempDir("b");
  std::string c = TempDir("c");
  ASSERT_TRUE(Generate(Options({"1151", "4629"}, 42, a), quiet));
  ASSERT_TRUE(Generate(Options({"1151", "4629"}, 42, b), quiet));
  ASSERT_TRUE(Generate(Options({"1151", "4629"}, 43, c), quiet));
  for (const char* f : {"population.jsonl", "feed.jsonl", "contacts.jsonl", "summary.json"}) {
    EXPECT_EQ(ReadFile(a + "/" + f), ReadFile(b + "/" + f)) << f;
  }
  EXPECT_NE(ReadFile(a + "/population.jsonl"), ReadFile(c + "/population.jsonl"));
  for (const auto& d : {a, b, c}) std::filesystem::remove_all(d);
}

TEST(Generate, UnknownKommuneIsAnError) {
  Progress quiet(false);
  auto r = Generate(Options({"0301", "1234"}, 1, TempDir("bad")), quiet);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("'1234'"), std::string::npos);
}

// Applies every line of population.jsonl and feed.jsonl in order, as the consumer would.
TEST(Generate, EveryLineParsesAndAppliesInOrder) {
  Progress quiet(false);
  std::string dir = TempDir("apply");
  GenerateOptions o = Options({"1127"}, 5, dir);
  o.write_db = true;
  auto result = Generate(o, quiet);
  ASSERT_TRUE(result) << result.error().message;
  std::map<std::string, registry::Person> registry;
  int64_t last = 0;
  int corrections = 0;
  int annulments = 0;
  int created = 0;
  std::map<std::string, int> types;
  for (const char* file : {"population.jsonl", "feed.jsonl"}) {
    std::ifstream in(dir + "/" + file);
    std::string line;
    while (std::getline(in, line)) {
      auto entry = registry::ParseFeedEntry(line);
      ASSERT_TRUE(entry) << entry.error().message;
      ASSERT_EQ(entry->sequence, last + 1);
      last = entry->sequence;
      auto it = registry.find(entry->person_id);
      std::optional<registry::Person> before;
      if (it != registry.end()) before = it->second;
      auto outcome = registry::ApplyFeedEntry(before, *entry);
      ASSERT_TRUE(outcome) << "entry " << entry->sequence << " (" << entry->event_type
                           << "): " << outcome.error().message;
      EXPECT_TRUE(outcome->known_event_type) << entry->event_type;
      EXPECT_TRUE(outcome->unknown_entities.empty());
      corrections += outcome->corrections;
      annulments += outcome->annulments;
      created += outcome->created;
      ++types[entry->event_type];
      registry[entry->person_id] = std::move(outcome->person);
    }
  }
  EXPECT_EQ(last, result->persons + result->feed_entries);
  EXPECT_GT(corrections, 0);
  EXPECT_GT(annulments, 0);
  EXPECT_GT(types["personErDoed"], 0);
  EXPECT_GT(types["endringISivilstand"], 0);
  int under_guardianship = 0;
  for (const auto& [id, person] : registry) under_guardianship += person.UnderGuardianship();
  EXPECT_GT(under_guardianship, 0);

  // population.db holds the same baseline as population.jsonl.
  auto store = store::OpenSqliteStore(dir + "/population.db");
  ASSERT_TRUE(store);
  EXPECT_EQ(*(*store)->GetPointer("freg"), result->persons);
  std::ifstream in(dir + "/population.jsonl");
  std::string line;
  int checked = 0;
  while (std::getline(in, line) && checked < 500) {
    auto entry = registry::ParseFeedEntry(line);
    auto from_file = registry::PersonFromJson(*entry->person_document);
    auto stored = (*store)->FindPerson(entry->person_id);
    ASSERT_TRUE(stored && *stored);
    EXPECT_EQ(boost::json::serialize(registry::PersonToJson((*stored)->person)),
              boost::json::serialize(registry::PersonToJson(*from_file)));
    ++checked;
  }
  auto counts = (*store)->Counts();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->persons, result->persons);
  std::filesystem::remove_all(dir);
}

TEST(Generate, EventRatesMatchSsbForAMidSizeKommune) {
  Progress quiet(false);
  std::string dir = TempDir("rates");
  auto result = Generate(Options({"1106"}, 9, dir), quiet);  // Haugesund, 38 292 inhabitants
  ASSERT_TRUE(result) << result.error().message;
  auto summary = boost::json::parse(result->summary_json).as_object();
  const auto& life = summary.at("life_events").as_object();
  auto count = [&](const char* key) {
    return life.contains(key) ? static_cast<double>(life.at(key).as_int64()) : 0.0;
  };
  const double share = 38292.0 / 5550203.0;
  EXPECT_NEAR(count("births"), 52000 * share, 52000 * share * 0.2);
  EXPECT_NEAR(count("deaths"), 44000 * share, 44000 * share * 0.2);
  EXPECT_NEAR(count("moves_between_persons"), 250000 * share, 250000 * share * 0.3);
  EXPECT_NEAR(count("moves_within_persons"), 500000 * share, 500000 * share * 0.3);
  EXPECT_NEAR(count("marriages"), 18000 * share, 18000 * share * 0.35);
  EXPECT_GT(count("moves_in_persons"), 0);
  double entries = static_cast<double>(result->feed_entries);
  double fixes = count("corrections_address") + count("corrections_name") +
                 count("annulments_address") + count("annulments_name");
  EXPECT_NEAR(fixes / entries, 0.005, 0.003);
  // The contact register: ~5 % reserved.
  std::ifstream in(dir + "/contacts.jsonl");
  std::string line;
  int total = 0;
  int reserved = 0;
  while (std::getline(in, line)) {
    auto o = boost::json::parse(line).as_object();
    ++total;
    reserved += o.at("reservasjon").as_string() == "JA";
  }
  EXPECT_GT(total, 30000);
  EXPECT_NEAR(static_cast<double>(reserved) / total, 0.05, 0.01);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace proaktiv::synth

// The eligibility scan gives exactly ServiceBundle::Decide(...).eligible: on constructed
// persons (engine/test_persons.h), for every service of the library, and on a generated
// kommune.

#include "engine/eligibility_scan.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <gtest/gtest.h>

#include "engine/test_persons.h"
#include "engine/testing/library_fixture.h"
#include "synth/baseline.h"
#include "synth/person_builder.h"

namespace proaktiv::engine {
namespace {

using registry::Person;
using registry::RelationRole;
using testing::D;
using testing::Family;
using testing::MakePerson;

class ScanTest : public testing::LibraryFixture {
 protected:
  // Decide and the scan agree for `p` under its own kommune's parameters and under
  // Trondheim's (an override); returns Decide's answer.
  static bool Agree(const ServiceBundle& b, EligibilityScan::Worker& w, const Person& p,
                    const PersonLookup& lookup, CivilDate today) {
    bool eligible = false;
    for (const std::string& k : {p.kommunenummer(), std::string("5001")}) {
      const KommuneParameters params = b.ParametersFor(k);
      auto d = b.Decide(p, lookup, params, today);
      auto s = w.Eligible(p, lookup, params, today);
      // Decide also fails on a bad Reason or Application, which the scan does not compute.
      if (!d) continue;
      EXPECT_TRUE(s) << b.id() << " " << today.ToString() << ": " << s.error().ToString();
      if (s) {
        EXPECT_EQ(d->eligible, *s)
            << b.id() << " " << today.ToString() << " reason " << d->reason << " kommune " << k;
      }
      if (k == p.kommunenummer() && d) eligible = d->eligible;
    }
    return eligible;
  }
};

TEST_F(ScanTest, KindergartenNeedsOnlyWhatEligibleReads) {
  auto scan = EligibilityScan::Create(*library_->Find("kindergarten-place"));
  ASSERT_TRUE(scan) << scan.error().ToString();
  EXPECT_TRUE(scan->pruned());
  std::vector<std::string> names;
  for (const auto& in : scan->inputs()) names.push_back(in.name);
  // Not: Child name, Kommune name, Address (only the Application reads them).
  EXPECT_EQ(names,
            (std::vector<std::string>{"Child birth date", "Child status", "Kommune",
                                      "Parents with responsibility", "Intake deadline", "Today"}));
  std::vector<InputUse> uses;
  for (const auto& in : scan->inputs()) uses.push_back(in.use);
  // Of the birth date only .year and .month are read, Kommune is only null-tested, the holders
  // only counted (engine/input_usage.h).
  EXPECT_EQ(uses,
            (std::vector<InputUse>{InputUse::kProperties, InputUse::kValue, InputUse::kNullTest,
                                   InputUse::kCount, InputUse::kValue, InputUse::kValue}));
  EXPECT_EQ(scan->inputs()[0].properties, (std::vector<std::string>{"month", "year"}));
  EXPECT_TRUE(scan->memoizable());
  // Kommune: null or a string; the holders: 0 or more (count tested against 0 only).
  EXPECT_EQ(scan->inputs()[2].representatives.size(), 2u);
  EXPECT_EQ(scan->inputs()[3].representatives.size(), 2u);
  EXPECT_TRUE(scan->inputs()[0].representatives.empty());
  EXPECT_EQ(scan->ParametersFor("5001").values.at("intake_deadline").text, "02-15");
  EXPECT_EQ(scan->ParametersFor("0301").values.at("intake_deadline").text, "03-01");
}

// Families with the edge cases of the kindergarten rule, decided by every service.
Family EdgeCases() {
  Family f;
  f.Add(MakePerson("01018012345", "1980-01-01", "0301", "Kari"));
  f.Add(MakePerson("02028012345", "1980-02-02", "0301", "Ola"));
  const char* children[][2] = {
      {"10102312345", "2023-05-10"}, {"11102312345", "2023-12-03"}, {"12102312345", "2023-09-20"},
      {"13101912345", "2019-03-01"}, {"14102412345", "2024-01-10"}, {"15102012345", "2020-12-31"},
      {"16102212345", "2022-02-14"}, {"17102212345", "2022-06-30"}, {"18102212345", "2021-11-30"},
  };
  for (const auto& [id, birth] : children) {
    f.Add(MakePerson(id, birth, "0301", "Barn"));
    f.ParentOf("01018012345", id, RelationRole::kMor);
    const bool father_has_responsibility = std::string_view(id) != "15102012345";
    f.ParentOf("02028012345", id, RelationRole::kFar, father_has_responsibility);
  }
  testing::Die(f["11102312345"], "2024-01-01");  // deceased
  f["12102312345"].status.facts.push_back(       // emigrated
      testing::F(registry::StatusFact{registry::PersonStatus::kUtflyttet}));
  testing::Move(f["16102212345"], "5001", "2023-06-01");             // Trondheim
  f["17102212345"].residence.facts.clear();                          // no address
  f["18102212345"].responsibility.clear();                           // nobody
  f.Add(MakePerson("19102212345", "2022-04-04", "4601", "Ukjent"));  // holder unknown
  f["19102212345"].responsibility.push_back(testing::F(registry::ParentalResponsibility{
      registry::Responsibility::kAndre, "99999999999", "19102212345"}));
  f.Add(MakePerson("20102212345", "2022-04-04", "4601", "Uten"));  // no birth date
  f["20102212345"].birth.facts.clear();
  f.ParentOf("01018012345", "20102212345", RelationRole::kMor);
  f.Add(MakePerson("21102212345", "2022-08-08", "0301", "Foreldreløs"));  // holder dead
  f.ParentOf("01018012345", "21102212345", RelationRole::kMor, /*responsibility=*/false);
  f.Add(MakePerson("03038012345", "1980-03-03", "0301", "Per"));
  f.ParentOf("03038012345", "21102212345", RelationRole::kFar);
  testing::Die(f["03038012345"], "2023-03-03");
  return f;
}

TEST_F(ScanTest, EveryServiceAgreesWithDecideOnEdgeCases) {
  Family f = EdgeCases();
  const PersonLookup lookup = f.Lookup();
  const char* ids[] = {"01018012345", "02028012345", "03038012345", "10102312345", "11102312345",
                       "12102312345", "13101912345", "14102412345", "15102012345", "16102212345",
                       "17102212345", "18102212345", "19102212345", "20102212345", "21102212345"};
  int kindergarten_eligible = 0;
  for (const auto& bundle : library_->bundles()) {
    auto scan = EligibilityScan::Create(*bundle);
    ASSERT_TRUE(scan) << bundle->id() << ": " << scan.error().ToString();
    EligibilityScan::Worker worker(*scan);
    std::vector<Person> all;
    for (const char* id : ids) all.push_back(f[id]);
    for (const char* today : {"2024-01-15", "2024-02-20", "2024-03-02", "2025-12-31"}) {
      auto scanned = scan->ScanAll(all, lookup, D(today), {.threads = 1, .memoize = true});
      bool all_decided = true;
      for (size_t i = 0; i < all.size(); ++i) {
        const bool e = Agree(*bundle, worker, all[i], lookup, D(today));
        kindergarten_eligible += bundle->id() == "kindergarten-place" && e;
        auto d =
            bundle->Decide(all[i], lookup, bundle->ParametersFor(all[i].kommunenummer()), D(today));
        all_decided = all_decided && d.has_value();
        if (d && scanned) {
          EXPECT_EQ(scanned->eligible[i] != 0, d->eligible) << bundle->id() << " " << i;
        }
      }
      // The scan stops at a person whose Eligible is not a boolean; Decide fails there too.
      if (!scanned) {
        EXPECT_FALSE(all_decided) << scanned.error().ToString();
      }
    }
  }
  EXPECT_GT(kindergarten_eligible, 8);  // the cases are not all negative
}

// The extractor hooks the scan keys with agree with the values they stand for.
TEST_F(ScanTest, ExtractorHooksAgreeWithTheirValues) {
  Family f = EdgeCases();
  const PersonLookup lookup = f.Lookup();
  const FieldExtractor* holders = FindFieldExtractor("person.parental_responsibility");
  const FieldExtractor* status = FindFieldExtractor("person.status");
  for (const char* id : {"01018012345", "03038012345", "10102312345", "11102312345", "12102312345",
                         "18102212345", "19102212345", "21102212345"}) {
    const ExtractionContext ctx{f[id], lookup, D("2024-02-20"), nullptr};
    EXPECT_EQ(holders->count(ctx), holders->extract(ctx).AsList().size()) << id;
    EXPECT_EQ(status->text(ctx), status->extract(ctx).AsString()) << id;
  }
}

// bench/eligibility_pg.cc's SQL mirrors this: without a birth date the DMN's years are null,
// the school-age rule does not match, and a resident child with a holder is eligible.
TEST_F(ScanTest, MissingBirthDateIsEligibleAsTheBenchSqlAssumes) {
  Family f = EdgeCases();
  const ServiceBundle& kg = *library_->Find("kindergarten-place");
  auto d = kg.Decide(f["20102212345"], f.Lookup(), kg.ParametersFor("4601"), D("2024-02-20"));
  ASSERT_TRUE(d) << d.error().ToString();
  EXPECT_TRUE(d->eligible);
}

TEST_F(ScanTest, NonBooleanEligibleIsAnErrorLikeDecide) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("proaktiv_scan_" + std::to_string(::getpid())) /
                       "kindergarten-place";
  fs::create_directories(dir);
  fs::copy(testing::RepoPath("services/kindergarten-place"), dir,
           fs::copy_options::overwrite_existing | fs::copy_options::recursive);
  std::stringstream text;
  text << std::ifstream(dir / "eligibility.dmn").rdbuf();
  std::string dmn = text.str();
  const std::string from = "<text>Assessment.eligible</text>";
  ASSERT_NE(dmn.find(from), std::string::npos);
  dmn.replace(dmn.find(from), from.size(), "<text>Assessment.reason</text>");
  std::ofstream(dir / "eligibility.dmn") << dmn;
  auto bundle = ServiceBundle::LoadDir(dir.string(), *catalog_);
  fs::remove_all(dir.parent_path());
  ASSERT_TRUE(bundle) << bundle.error().ToString();
  auto scan = EligibilityScan::Create(**bundle);
  ASSERT_TRUE(scan);
  Family f = EdgeCases();
  const Person& child = f["10102312345"];
  const auto params = (*bundle)->ParametersFor("0301");
  auto d = (*bundle)->Decide(child, f.Lookup(), params, D("2024-02-20"));
  EligibilityScan::Worker worker(*scan);
  auto s = worker.Eligible(child, f.Lookup(), params, D("2024-02-20"));
  ASSERT_FALSE(d);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("decision 'Eligible' returned"), std::string::npos)
      << s.error().ToString();
}

// A generated municipality (synth, as `proaktiv gen --kommune 1135` builds it): the scan on
// two threads, the worker and Decide agree on every person.
TEST_F(ScanTest, GeneratedKommuneAgreesWithDecide) {
  auto kommuner = synth::ResolveKommuner(false, {"1135"});
  ASSERT_TRUE(kommuner) << kommuner.error().ToString();
  auto base = synth::MakeBaseline(*kommuner, D("2024-01-01"), 7, 1, {});
  ASSERT_TRUE(base) << base.error().ToString();
  std::vector<Person> persons;
  std::unordered_map<std::string, const Person*> by_id;
  persons.reserve(base->pop.persons.size());
  for (size_t i = 0; i < base->pop.persons.size(); ++i) {
    persons.push_back(synth::BuildPerson(base->pop, static_cast<int32_t>(i), 0, 0));
  }
  for (const Person& p : persons) {
    for (const auto& n : p.identity_numbers) by_id.emplace(n.value.number, &p);
  }
  const PersonLookup lookup = [&](std::string_view id) -> const Person* {
    auto it = by_id.find(std::string(id));
    return it == by_id.end() ? nullptr : it->second;
  };
  ASSERT_GT(persons.size(), 3000u);

  const ServiceBundle& kg = *library_->Find("kindergarten-place");
  auto scan = EligibilityScan::Create(kg);
  ASSERT_TRUE(scan);
  EligibilityScan::Worker worker(*scan);
  const FieldExtractor* holders = FindFieldExtractor("person.parental_responsibility");
  const FieldExtractor* status = FindFieldExtractor("person.status");
  for (const char* day : {"2024-02-20", "2024-06-01"}) {
    const CivilDate today = D(day);
    auto memo = scan->ScanAll(persons, lookup, today, {.threads = 2, .memoize = true});
    auto each = scan->ScanAll(persons, lookup, today, {.threads = 2, .memoize = false});
    ASSERT_TRUE(memo) << memo.error().ToString();
    ASSERT_TRUE(each) << each.error().ToString();
    ASSERT_EQ(memo->eligible.size(), persons.size());
    EXPECT_EQ(each->evaluations, static_cast<int64_t>(persons.size()));
    // Every prefix costs one evaluation per combination of representatives: in a small kommune
    // that is about one per person; the memo pays off at scale (see RepeatedPersons…).
    EXPECT_LE(memo->evaluations, each->evaluations);
    int eligible = 0;
    for (size_t i = 0; i < persons.size(); ++i) {
      const bool decided = Agree(kg, worker, persons[i], lookup, today);
      ASSERT_EQ(memo->eligible[i] != 0, decided) << "person at position " << i << " on " << day;
      ASSERT_EQ(each->eligible[i] != 0, decided) << "person at position " << i << " on " << day;
      const ExtractionContext ctx{persons[i], lookup, today, nullptr};
      ASSERT_EQ(holders->count(ctx), holders->extract(ctx).AsList().size()) << i;
      ASSERT_EQ(status->text(ctx), status->extract(ctx).AsString()) << i;
      eligible += decided;
    }
    EXPECT_GT(eligible, 50) << day;  // a few cohorts of small children
  }
}

// The memo at scale: the same persons four times over cost no more evaluations than once.
TEST_F(ScanTest, RepeatedPersonsAreDecidedFromTheMemo) {
  auto kommuner = synth::ResolveKommuner(false, {"1135"});
  ASSERT_TRUE(kommuner);
  auto base = synth::MakeBaseline(*kommuner, D("2024-01-01"), 7, 1, {});
  ASSERT_TRUE(base);
  std::vector<Person> once, many;
  for (size_t i = 0; i < base->pop.persons.size(); ++i) {
    once.push_back(synth::BuildPerson(base->pop, static_cast<int32_t>(i), 0, 0));
  }
  for (int k = 0; k < 4; ++k) many.insert(many.end(), once.begin(), once.end());
  std::unordered_map<std::string, const Person*> by_id;
  for (const Person& p : once) {
    for (const auto& n : p.identity_numbers) by_id.emplace(n.value.number, &p);
  }
  const PersonLookup lookup = [&](std::string_view id) -> const Person* {
    auto it = by_id.find(std::string(id));
    return it == by_id.end() ? nullptr : it->second;
  };
  auto scan = EligibilityScan::Create(*library_->Find("kindergarten-place"));
  ASSERT_TRUE(scan);
  auto a = scan->ScanAll(once, lookup, D("2024-02-20"), {.threads = 1, .memoize = true});
  auto b = scan->ScanAll(many, lookup, D("2024-02-20"), {.threads = 1, .memoize = true});
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->evaluations, b->evaluations);
  for (size_t i = 0; i < many.size(); ++i) {
    ASSERT_EQ(b->eligible[i], a->eligible[i % once.size()]) << i;
  }
}

}  // namespace
}  // namespace proaktiv::engine

// The dry run of a candidate model: residents are read once with their relatives elsewhere,
// the comparison agrees with Decide on every resident, persons are shown masked, and a
// candidate is refused as a bundle would be.

#include "engine/dry_run.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "engine/test_persons.h"
#include "engine/testing/library_fixture.h"
#include "synth/baseline.h"
#include "synth/person_builder.h"

namespace proaktiv::engine {
namespace {

using testing::D;
using testing::MakePerson;

const char* kKommune = "1151";  // Utsira: ~200 persons

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replaces every occurrence of `from` (there must be one).
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  EXPECT_NE(text.find(from), std::string::npos) << from;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class DryRunTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(StoreFixture::SetUp());
    auto kommuner = synth::ResolveKommuner(false, {kKommune});
    ASSERT_TRUE(kommuner);
    auto base = synth::MakeBaseline(*kommuner, D("2024-01-01"), 7, 1, {});
    ASSERT_TRUE(base) << base.error().ToString();
    const auto count = static_cast<int64_t>(base->pop.persons.size());
    ASSERT_TRUE(store_->BulkLoad(
        count,
        [&](int64_t i) { return synth::BuildPerson(base->pop, static_cast<int32_t>(i), 0, 0); },
        {}));
  }

  static std::string SeniorDmn() {
    return ReadFile(testing::RepoPath("services/senior-home-visit/eligibility.dmn"));
  }
};

TEST_F(DryRunTest, ComparesBothModelsOnEveryResidentAsDecideWould) {
  auto residents = LoadResidents(*store_, kKommune);
  ASSERT_TRUE(residents) << residents.error().ToString();
  ASSERT_GT((*residents)->persons.size(), 100u);
  const ServiceBundle& current = *library_->Find("senior-home-visit");
  // Five years younger: persons of 70–74 gain the visit.
  auto candidate = current.WithDmn(
      Replace(SeniorDmn(), "&gt;= Senior visit age<", "&gt;= Senior visit age - 5<"), "upload");
  ASSERT_TRUE(candidate) << candidate.error().ToString();
  const CivilDate today = D("2024-06-01");
  auto result = CompareModels(current, **candidate, **residents, today, {.max_listed = 3});
  ASSERT_TRUE(result) << result.error().ToString();

  int64_t current_eligible = 0, candidate_eligible = 0, gained = 0;
  for (const registry::Person& p : (*residents)->persons) {
    auto a = current.Decide(p, (*residents)->lookup(), current.ParametersFor(kKommune), today);
    auto b =
        (*candidate)->Decide(p, (*residents)->lookup(), current.ParametersFor(kKommune), today);
    ASSERT_TRUE(a && b);
    current_eligible += a->eligible;
    candidate_eligible += b->eligible;
    gained += b->eligible && !a->eligible;
  }
  EXPECT_EQ(result->persons, static_cast<int64_t>((*residents)->persons.size()));
  EXPECT_EQ(result->current_eligible, current_eligible);
  EXPECT_EQ(result->candidate_eligible, candidate_eligible);
  EXPECT_EQ(result->gained_count, gained);
  EXPECT_GT(gained, 3);
  EXPECT_EQ(result->lost_count, 0);
  ASSERT_EQ(result->gained.size(), 3u);  // max_listed
  for (const DryRunPerson& p : result->gained) {
    EXPECT_EQ(p.reason, "reached-visit-age");
    EXPECT_EQ(p.masked_id.size(), 11u);
    EXPECT_TRUE(p.masked_id.ends_with("*****")) << p.masked_id;
    EXPECT_GE(p.birth_year, 1949);
    EXPECT_LE(p.birth_year, 1954);
  }

  // Five years older: persons of 75–79 lose it; the reason is the candidate's.
  auto stricter = current.WithDmn(
      Replace(SeniorDmn(), "&gt;= Senior visit age<", "&gt;= Senior visit age + 5<"), "upload");
  ASSERT_TRUE(stricter) << stricter.error().ToString();
  auto lost = CompareModels(current, **stricter, **residents, today);
  ASSERT_TRUE(lost) << lost.error().ToString();
  EXPECT_EQ(lost->gained_count, 0);
  EXPECT_GT(lost->lost_count, 0);
  EXPECT_EQ(lost->lost.size(), static_cast<size_t>(std::min<int64_t>(lost->lost_count, 100)));
  for (const DryRunPerson& p : lost->lost) EXPECT_EQ(p.reason, "too-young");
}

TEST_F(DryRunTest, RelativesLivingElsewhereAreFound) {
  registry::Person mother = MakePerson("01018512345", "1985-01-01", "3201", "Kari");
  registry::Person child = MakePerson("04052512345", "2023-05-04", kKommune, "Ola");
  testing::Relate(child, mother, registry::RelationRole::kMor);
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(store_->PutPerson(0, mother));
  ASSERT_TRUE(store_->PutPerson(0, child));
  ASSERT_TRUE(store_->Commit());
  auto residents = LoadResidents(*store_, kKommune);
  ASSERT_TRUE(residents) << residents.error().ToString();
  ASSERT_EQ((*residents)->relatives.size(), 1u);
  EXPECT_EQ((*residents)->relatives[0].id(), "01018512345");
  EXPECT_NE((*residents)->lookup()("01018512345"), nullptr);
  EXPECT_NE((*residents)->lookup()("04052512345"), nullptr);
  EXPECT_EQ((*residents)->lookup()("99999999999"), nullptr);
}

TEST_F(DryRunTest, ACandidateIsRefusedAsABundleWouldBe) {
  const ServiceBundle& current = *library_->Find("senior-home-visit");
  auto broken = current.WithDmn("<definitions><decision", "upload.dmn");
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("line 1"), std::string::npos) << broken.error().message;

  auto no_eligible =
      current.WithDmn(Replace(SeniorDmn(), "name=\"Eligible\"", "name=\"Entitled\""), "upload.dmn");
  ASSERT_FALSE(no_eligible);
  EXPECT_NE(no_eligible.error().message.find("missing decision 'Eligible'"), std::string::npos)
      << no_eligible.error().message;

  auto unknown_reason =
      current.WithDmn(Replace(SeniorDmn(), "\"too-young\"", "\"too-youthful\""), "upload.dmn");
  ASSERT_FALSE(unknown_reason);
  EXPECT_NE(unknown_reason.error().message.find("reason 'too-youthful' is not listed"),
            std::string::npos)
      << unknown_reason.error().message;

  auto bad_feel = current.WithDmn(
      Replace(SeniorDmn(), "&gt;= Senior visit age<", "&gt;= Senior visit age +<"), "upload.dmn");
  ASSERT_FALSE(bad_feel);
  EXPECT_NE(bad_feel.error().message.find("d_Assessment"), std::string::npos)
      << bad_feel.error().message;
}

}  // namespace
}  // namespace proaktiv::engine

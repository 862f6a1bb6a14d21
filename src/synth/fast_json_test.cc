#include "synth/fast_json.h"

#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

#include "registry/entities.h"
#include "synth/baseline.h"
#include "synth/entry_builder.h"
#include "synth/person_builder.h"

namespace proaktiv::synth {
namespace {

TEST(FastJson, MatchesTheReferenceEncoderByteForByte) {
  int under_guardianship = 0;
  auto k = ResolveKommuner(false, {"1151", "4629"});
  auto base = MakeBaseline(*k, *CivilDate::FromYmd(2024, 1, 1), 11, 2, {});
  ASSERT_TRUE(base);
  for (size_t i = 0; i < base->pop.persons.size(); ++i) {
    auto seq = static_cast<int64_t>(i + 1);
    registry::Person p = BuildPerson(base->pop, static_cast<int32_t>(i), seq, 0);
    // A stillborn relation, a death and an optional middle name exercise the other fields.
    if (i % 7 == 0) {
      registry::FamilyRelation r;
      r.related_role = registry::RelationRole::kDoedfoedtBarn;
      r.date = *CivilDate::FromYmd(2020, 2, 2);
      p.relations.push_back({"x", 5, r});
      p.death.facts.push_back({"y", 6, registry::Death{*CivilDate::FromYmd(2024, 3, 3)}});
      p.name.facts.back().value.middle = "Ø\"q\\";
      registry::Guardianship g{"midlertidigForVoksen",  "",   "10915596784", {"Å\"", "", "Berg"},
                               "oekonomiskeInteresser", false};
      p.guardianship.push_back({"z", 7, g});
      p.guardianship.push_back({"w", 8, registry::Guardianship{}});
    }
    under_guardianship += !p.guardianship.empty() && i % 7 != 0;
    std::string fast;
    AppendPersonJson(fast, p);
    ASSERT_EQ(fast, boost::json::serialize(registry::PersonToJson(p)));
    std::string line;
    AppendDocumentEntry(line, seq, p.id(), "personErOpprettet", "2023-12-31T00:00:00.000+01:00", p);
    EntryBuilder e(seq, p.id(), "personErOpprettet", "2023-12-31T00:00:00.000+01:00");
    e.SetDocument(registry::PersonToJson(p));
    ASSERT_EQ(line, e.Line());
  }
  EXPECT_GT(under_guardianship, 0);  // the baseline's own guardianship facts were compared too
}

}  // namespace
}  // namespace proaktiv::synth

#include "catalog/catalog.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace proaktiv::catalog {
namespace {

const std::string kCatalogPath = std::string(PROAKTIV_SOURCE_DIR) + "/catalog/catalog.yaml";

constexpr const char* kSmall = R"(datasets:
  - id: freg
    name: {nb: Folkeregisteret, nn: Folkeregisteret, en: Population register}
    source: Skatteetaten
    legal_basis: "folkeregisterloven § 10-2"
purposes:
  - id: kindergarten-offer
    description: {nb: a, nn: b, en: c}
    legal_basis: "barnehageloven § 16"
  - id: senior-home-visit-offer
    description: {nb: a, nn: b, en: c}
    legal_basis: "helse- og omsorgstjenesteloven § 3-3"
fields:
  - id: person.birth_date
    dataset: freg
    type: date
    description: {nb: a, nn: b, en: c}
    legal_basis: "folkeregisterloven § 10-2"
    purposes: [kindergarten-offer, senior-home-visit-offer]
    retention: P3Y
  - id: person.civil_status
    dataset: freg
    type: string
    description: {nb: a, nn: b, en: c}
    legal_basis: "folkeregisterloven § 10-2"
    purposes: [senior-home-visit-offer]
    retention: P1Y
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

TEST(Catalog, LoadsTheProjectCatalog) {
  auto c = Catalog::LoadFile(kCatalogPath);
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_NE(c->FindDataset("population-register"), nullptr);
  EXPECT_NE(c->FindDataset("contact-register"), nullptr);
  EXPECT_NE(c->FindDataset("municipality"), nullptr);
  for (const char* id : {"person.birth_date", "person.residence.kommunenummer", "person.children",
                         "person.parental_responsibility", "person.civil_status",
                         "person.address_protection", "person.death_date", "contact.language"}) {
    EXPECT_NE(c->FindField(id), nullptr) << id;
  }
  const Purpose* p = c->FindPurpose("kindergarten-offer");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->description.nn.empty());
  EXPECT_EQ(c->FindField("person.birth_date")->dataset, "population-register");
}

TEST(Catalog, LookupsOnSmallCatalog) {
  auto c = Catalog::LoadString(kSmall, "small.yaml");
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->fields().size(), 2u);
  EXPECT_EQ(c->FindField("person.civil_status")->line, 21);
  EXPECT_EQ(c->FindField("nope"), nullptr);
  EXPECT_EQ(c->FindPurpose("senior-home-visit-offer")->legal_basis,
            "helse- og omsorgstjenesteloven § 3-3");
}

TEST(Catalog, CheckPurposeAllowsAndRefusesNamingFieldAndPurpose) {
  auto c = Catalog::LoadString(kSmall, "small.yaml");
  ASSERT_TRUE(c);
  std::vector<std::string> ok = {"person.birth_date"};
  EXPECT_TRUE(c->CheckPurpose("kindergarten-offer", ok));
  std::vector<std::string> bad = {"person.birth_date", "person.civil_status"};
  auto s = c->CheckPurpose("kindergarten-offer", bad);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(s.error().message,
            "field 'person.civil_status' may not be used for purpose 'kindergarten-offer'");
  EXPECT_TRUE(c->CheckPurpose("senior-home-visit-offer", bad));

  std::vector<std::string> unknown = {"person.shoe_size"};
  auto u = c->CheckPurpose("kindergarten-offer", unknown);
  ASSERT_FALSE(u);
  EXPECT_EQ(u.error().message, "unknown field 'person.shoe_size'");
  auto up = c->CheckPurpose("marketing", ok);
  ASSERT_FALSE(up);
  EXPECT_EQ(up.error().message, "unknown purpose 'marketing'");
}

TEST(Catalog, UnknownPurposeNamesFileLineAndValue) {
  auto c = Catalog::LoadString(
      Replace(kSmall, "purposes: [senior-home-visit-offer]", "purposes: [senior-visit]"),
      "small.yaml");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message,
            "small.yaml:26: field 'person.civil_status': unknown purpose 'senior-visit'");
}

TEST(Catalog, UnknownDatasetNamesFileLineAndValue) {
  auto c = Catalog::LoadString(
      Replace(kSmall, "dataset: freg\n    type: string", "dataset: skatt\n    type: string"),
      "small.yaml");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message,
            "small.yaml:22: field 'person.civil_status': unknown dataset 'skatt'");
}

TEST(Catalog, MissingLanguageIsAnError) {
  auto c = Catalog::LoadString(
      Replace(kSmall, "description: {nb: a, nn: b, en: c}\n    legal_basis: \"barn",
              "description: {nb: a, en: c}\n    legal_basis: \"barn"),
      "small.yaml");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message,
            "small.yaml:8: purpose 'kindergarten-offer' description is missing language 'nn'");
}

TEST(Catalog, OtherErrors) {
  auto dup = Catalog::LoadString(
      Replace(kSmall, "id: person.civil_status", "id: person.birth_date"), "small.yaml");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().message, "small.yaml:21: duplicate field id 'person.birth_date'");

  auto retention =
      Catalog::LoadString(Replace(kSmall, "retention: P1Y", "retention: 1 year"), "small.yaml");
  ASSERT_FALSE(retention);
  EXPECT_NE(retention.error().message.find("small.yaml:27: field 'person.civil_status': retention"),
            std::string::npos)
      << retention.error().message;

  auto typo =
      Catalog::LoadString(Replace(kSmall, "retention: P1Y", "retension: P1Y"), "small.yaml");
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().message, "small.yaml:27: field: unknown key 'retension'");

  auto syntax = Catalog::LoadString("datasets: [\n  - id: x\n", "broken.yaml");
  ASSERT_FALSE(syntax);
  EXPECT_NE(syntax.error().message.find("broken.yaml:"), std::string::npos);

  auto missing = Catalog::LoadFile("/nonexistent/catalog.yaml");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(Catalog, RetentionPeriods) {
  EXPECT_TRUE(IsRetentionPeriod("P3Y"));
  EXPECT_TRUE(IsRetentionPeriod("P1Y6M"));
  EXPECT_TRUE(IsRetentionPeriod("P18M"));
  EXPECT_TRUE(IsRetentionPeriod("P30D"));
  EXPECT_FALSE(IsRetentionPeriod("P"));
  EXPECT_FALSE(IsRetentionPeriod("P3"));
  EXPECT_FALSE(IsRetentionPeriod("PY"));
  EXPECT_FALSE(IsRetentionPeriod("P6M1Y"));
  EXPECT_FALSE(IsRetentionPeriod("3Y"));
}

}  // namespace
}  // namespace proaktiv::catalog

// "My data" through the router: the citizen's own values as the engine sees them, with the
// catalog's purposes and the services using each field; protected addresses stay hidden.

#include "http/api/my_data.h"

#include <gtest/gtest.h>

#include "http/api/citizen_api_testing.h"

namespace proaktiv::http::api {
namespace {

class MyDataTest : public testing::CitizenApiTest {};

TEST_F(MyDataTest, ShowsTheCitizensOwnValuesAndPurposes) {
  Response r = Get("/api/v1/me/data?lang=en", Citizen(kari_));
  ASSERT_EQ(r.status, 200) << r.body;
  std::map<std::string, boost::json::object> by_field;
  const boost::json::value data = Json(r);
  for (const auto& f : data.at("fields").as_array()) {
    by_field[std::string(f.at("field").as_string())] = f.as_object();
  }
  ASSERT_TRUE(by_field.count("person.birth_date"));
  const boost::json::object& birth = by_field["person.birth_date"];
  EXPECT_EQ(birth.at("value").as_string(), "1990-03-01");
  EXPECT_EQ(birth.at("label").as_string(),
            catalog_->FindField("person.birth_date")->description.en);
  EXPECT_EQ(birth.at("dataset").as_string(), "population-register");
  EXPECT_FALSE(birth.at("source").as_string().empty());
  EXPECT_FALSE(birth.at("legal_basis").as_string().empty());
  EXPECT_FALSE(birth.at("retention").as_string().empty());
  bool kindergarten = false;
  for (const auto& p : birth.at("purposes").as_array()) {
    if (p.at("id") == "kindergarten-offer") {
      kindergarten = true;
      EXPECT_EQ(p.at("services"), (boost::json::array{"kindergarten-place"}));
      EXPECT_EQ(p.at("name").as_string(),
                catalog_->FindPurpose("kindergarten-offer")->description.en);
    }
  }
  EXPECT_TRUE(kindergarten);
  EXPECT_EQ(by_field["person.residence.address"].at("value").at("street").as_string(), "Storgata");
  // Only fields some service reads.
  for (const auto& [field, o] : by_field) {
    bool read = false;
    for (const auto& b : library_->bundles()) {
      const auto& fields = b->definition().fields;
      read = read || std::find(fields.begin(), fields.end(), field) != fields.end();
    }
    EXPECT_TRUE(read) << field;
  }
  EXPECT_EQ(r.body.find(kari_), std::string::npos);

  // Siv sees her own birth date, never Kari's.
  Response siv = Get("/api/v1/me/data", Citizen(siv_));
  ASSERT_EQ(siv.status, 200);
  EXPECT_NE(siv.body.find("1991-04-04"), std::string::npos);
  EXPECT_EQ(siv.body.find("1990-03-01"), std::string::npos);
}

class ProtectedCitizenTest : public testing::ApiTest {};

TEST_F(ProtectedCitizenTest, AProtectedAddressStaysHidden) {
  MakeFamilies(/*kari_protected=*/true);
  Response r = Get("/api/v1/me/data", Citizen(kari_));
  ASSERT_EQ(r.status, 200) << r.body;
  const boost::json::value data = Json(r);
  for (const auto& f : data.at("fields").as_array()) {
    if (f.at("field") == "person.residence.address") {
      EXPECT_TRUE(f.at("value").is_null());
    }
  }
  EXPECT_EQ(r.body.find("Storgata"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::http::api

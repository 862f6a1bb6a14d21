// Loading errors of service bundles: each names the file and line (or DMN element).

#include "engine/service_bundle.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "engine/testing/library_fixture.h"

namespace proaktiv::engine {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

// 1-based line of the first occurrence of `needle` in `text`.
int LineOf(const std::string& text, const std::string& needle) {
  const size_t pos = text.find(needle);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
}

class BundleErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = testing::LoadRepoCatalog();
    ASSERT_TRUE(c) << c.error().ToString();
    catalog_ = std::move(*c);
    dir_ = fs::temp_directory_path() /
           ("proaktiv_bundle_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name()) /
           "kindergarten-place";
    fs::create_directories(dir_);
    fs::copy(testing::RepoPath("services/kindergarten-place"), dir_,
             fs::copy_options::overwrite_existing | fs::copy_options::recursive);
    yaml_ = ReadFile(dir_ / "service.yaml");
    dmn_ = ReadFile(dir_ / "eligibility.dmn");
  }
  void TearDown() override { fs::remove_all(dir_.parent_path()); }

  Result<std::shared_ptr<const ServiceBundle>> Load() {
    return ServiceBundle::LoadDir(dir_.string(), catalog_);
  }
  std::string YamlPath() const { return (dir_ / "service.yaml").string(); }

  catalog::Catalog catalog_;
  fs::path dir_;
  std::string yaml_;
  std::string dmn_;
};

TEST_F(BundleErrors, TheCopyLoads) {
  auto b = Load();
  ASSERT_TRUE(b) << b.error().ToString();
  EXPECT_EQ((*b)->id(), "kindergarten-place");
}

TEST_F(BundleErrors, PurposeViolationNamesFieldAndPurpose) {
  const std::string y =
      Replace(yaml_, "  - kommune.name\n", "  - kommune.name\n  - person.civil_status\n");
  WriteFile(dir_ / "service.yaml", y);
  auto b = Load();
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(b.error().message,
            YamlPath() + ":" + std::to_string(LineOf(y, "  - person.civil_status")) +
                ": field 'person.civil_status' may not be used for purpose 'kindergarten-offer'");
}

TEST_F(BundleErrors, UnknownPlaceholder) {
  const std::string y = Replace(yaml_, "Barnehageplass til {child_name}", "Plass til {barn}");
  WriteFile(dir_ / "service.yaml", y);
  auto b = Load();
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message, YamlPath() + ":" + std::to_string(LineOf(y, "subject:") + 1) +
                                   ": message 'offer.subject' (nb): unknown placeholder '{barn}'");
}

TEST_F(BundleErrors, MissingLanguage) {
  const std::string y = Replace(yaml_, "      nn: \"Barnehageplass til {child_name}\"\n", "");
  WriteFile(dir_ / "service.yaml", y);
  auto b = Load();
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("message 'offer.subject' is missing language 'nn'"),
            std::string::npos)
      << b.error().message;
}

TEST_F(BundleErrors, UnmappedDmnInput) {
  const std::string y = Replace(yaml_, "  Intake deadline: {parameter: intake_deadline}\n", "");
  WriteFile(dir_ / "service.yaml", y);
  auto b = Load();
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message, (dir_ / "eligibility.dmn").string() +
                                   ": input data 'Intake deadline' (id i_Intake_deadline) is not "
                                   "mapped to a declared field in " +
                                   YamlPath());
}

TEST_F(BundleErrors, InputReadingAnUndeclaredField) {
  const std::string y = Replace(yaml_, "  - person.residence.address\n", "");
  WriteFile(dir_ / "service.yaml", y);
  auto b = Load();
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message,
            YamlPath() + ":" + std::to_string(LineOf(y, "  Address: person")) +
                ": input 'Address' reads field 'person.residence.address', which is not declared "
                "under 'fields'");
}

TEST_F(BundleErrors, UnknownReasonCodeInTable) {
  WriteFile(dir_ / "eligibility.dmn", Replace(dmn_, "\"school-age\"", "\"skolebarn\""));
  auto b = Load();
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("decision 'Assessment' rule d_Assessment_r4: reason "
                                   "'skolebarn' is not listed under 'reasons'"),
            std::string::npos)
      << b.error().message;
}

TEST_F(BundleErrors, DmnProblemsAreReported) {
  WriteFile(dir_ / "eligibility.dmn",
            Replace(dmn_, "max(First intake year, Next deadline year)", "max(First intake year,"));
  auto b = Load();
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("eligibility.dmn: 1 problem(s)"), std::string::npos)
      << b.error().message;
  EXPECT_NE(b.error().message.find("Intake year"), std::string::npos) << b.error().message;
}

TEST_F(BundleErrors, StructuralErrorsWithLines) {
  struct Case {
    std::string from, to, expected;
  };
  const std::vector<Case> cases = {
      {"purpose: kindergarten-offer", "purpose: marketing", "unknown purpose 'marketing'"},
      {"audience: parents-with-responsibility", "audience: everyone",
       "unknown audience 'everyone'"},
      {"\"5001\": {intake_deadline: \"02-15\"}", "\"9999\": {enabled: false}",
       "unknown kommunenummer '9999'"},
      {"\"5001\": {intake_deadline: \"02-15\"}", "\"5001\": {intake_deadline: \"02-30\"}",
       "parameter 'intake_deadline': '02-30' is not a month-day"},
      {"\"5001\": {intake_deadline: \"02-15\"}", "\"5001\": {senior_age: 80}",
       "kommune '5001': unknown parameter 'senior_age'"},
      {"types: [endringIBostedsadresse,", "types: [flytting,", "unknown event type 'flytting'"},
      {"on: {parameter: intake_deadline}", "on: {parameter: deadline}",
       "on: unknown parameter 'deadline'"},
      {"notice_on_negative: false", "notice_on_negative: true",
       "notice_on_negative is true but message 'notice' is missing"},
      {"id: kindergarten-place", "id: barnehage",
       "id 'barnehage' differs from the folder name 'kindergarten-place'"},
      {"placeholders: [", "placeholder: [", "service: unknown key 'placeholder'"},
  };
  for (const Case& c : cases) {
    WriteFile(dir_ / "service.yaml", Replace(yaml_, c.from, c.to));
    auto b = Load();
    ASSERT_FALSE(b) << c.to;
    EXPECT_NE(b.error().message.find(c.expected), std::string::npos) << b.error().message;
    EXPECT_EQ(b.error().message.rfind(YamlPath(), 0), 0u) << b.error().message;
  }
}

TEST(ServiceLibrary, MissingFolderIsAnError) {
  auto c = testing::LoadRepoCatalog();
  ASSERT_TRUE(c);
  auto lib = LoadLibrary("/nonexistent/services", *c);
  EXPECT_FALSE(lib);
}

}  // namespace
}  // namespace proaktiv::engine

// Tests of the `proaktiv dmn …` sub-commands (src/cli/dmn_command.cc).

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "cli/dmn_command.h"

namespace proaktiv::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kModel[] = R"(<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/"
    name="m" namespace="urn:m">
  <inputData id="i_born" name="Born"><variable name="Born" typeRef="date"/></inputData>
  <decision id="d_next" name="Next birthday"><variable name="Next birthday" typeRef="date"/>
    <informationRequirement><requiredInput href="#i_born"/></informationRequirement>
    <literalExpression><text>Born + duration("P1Y")</text></literalExpression></decision>
  <decision id="d_bad" name="Bad"><literalExpression><text>Nobody + 1</text></literalExpression>
  </decision>
</definitions>)";

class DmnCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    // Unique per test and process: CTest runs the cases in parallel processes.
    const testing::TestInfo* info = testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           fmt::format("dmn_command_test_{}_{}", info->name(), static_cast<long>(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "m.dmn") << kModel;
    std::ofstream(dir_ / "in.json") << R"({"Born": "2020-02-29"})";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `proaktiv <args>`; returns the exit code and captures stdout.
  int Run(std::vector<std::string> args, std::string* out) {
    CLI::App app{"test"};
    RegisterDmnCommands(app);
    std::vector<const char*> argv{"proaktiv"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    testing::internal::CaptureStdout();
    int code = 0;
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
      code = e.get_exit_code();
    }
    *out = testing::internal::GetCapturedStdout();
    return code;
  }

  std::string Path(const char* name) { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(DmnCommandTest, EvalPrintsJson) {
  std::string out;
  EXPECT_EQ(
      Run({"dmn", "eval", Path("m.dmn"), "--decision", "Next birthday", "--input", Path("in.json")},
          &out),
      0);
  EXPECT_EQ(out, "\"2021-02-28\"\n");
}

TEST_F(DmnCommandTest, EvalUnknownDecisionFails) {
  std::string out;
  EXPECT_EQ(Run({"dmn", "eval", Path("m.dmn"), "--decision", "Nope"}, &out), 1);
}

TEST_F(DmnCommandTest, CheckReportsProblemsWithIds) {
  std::string out;
  EXPECT_EQ(Run({"dmn", "check", Path("m.dmn")}, &out), 1);
  EXPECT_NE(out.find("decision 'Bad' (id d_bad): unknown name 'Nobody'"), std::string::npos) << out;
  EXPECT_NE(out.find("1 problem(s)"), std::string::npos) << out;
}

}  // namespace
}  // namespace proaktiv::cli

// Runs golden engine scenarios: each tests/golden/*.test file is a script (golden/scenario.h),
// a line "----", and the output the engine must produce.
//
//   golden_runner FILE…            compare; prints the differing lines, exits 1 on any mismatch
//   golden_runner --update FILE…   rewrite each file's expected part with the actual output

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/golden/scenario.h"

namespace {

constexpr std::string_view kSeparator = "----\n";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

void PrintDiff(const std::string& expected, const std::string& actual) {
  auto e = Lines(expected);
  auto a = Lines(actual);
  for (size_t i = 0; i < std::max(e.size(), a.size()); ++i) {
    std::string el = i < e.size() ? e[i] : "<none>";
    std::string al = i < a.size() ? a[i] : "<none>";
    if (el == al) continue;
    std::cerr << "  line " << i + 1 << "\n    expected: " << el << "\n    actual:   " << al << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool update = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--update") {
      update = true;
    } else {
      files.push_back(arg);
    }
  }
  const std::string source = PROAKTIV_SOURCE_DIR;
  const auto work =
      std::filesystem::temp_directory_path() / ("proaktiv-golden-" + std::to_string(::getpid()));
  std::filesystem::create_directories(work);
  int failures = 0;
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) {
      std::cerr << file << ": cannot be read\n";
      ++failures;
      continue;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const size_t sep = text.find(kSeparator);
    const std::string script = sep == std::string::npos ? text : text.substr(0, sep);
    const std::string expected =
        sep == std::string::npos ? "" : text.substr(sep + kSeparator.size());
    auto actual = proaktiv::golden::RunScenario(script, source + "/services",
                                                source + "/catalog/catalog.yaml", work.string());
    if (!actual) {
      std::cerr << file << ": " << actual.error().ToString() << "\n";
      ++failures;
      continue;
    }
    if (update) {
      std::ofstream(file) << script << kSeparator << *actual;
      std::cout << file << ": updated\n";
    } else if (*actual != expected) {
      std::cerr << file << ": output differs\n";
      PrintDiff(expected, *actual);
      ++failures;
    } else {
      std::cout << file << ": ok\n";
    }
  }
  std::filesystem::remove_all(work);
  return failures == 0 ? 0 : 1;
}

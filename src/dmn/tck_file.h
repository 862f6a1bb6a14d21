#pragma once

// The DMN TCK test-case file format (namespace http://www.omg.org/spec/DMN/20160719/testcase):
// a model name and test cases, each with typed input values and expected results. Values are
// kept as written (XML Schema type and text); tck_values.h turns them into FEEL values.
//
// Plain data; thread-safe to read.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace proaktiv::dmn {

// One TCK value: nil, a typed simple value, a structure of named components, or a list.
struct TckValue {
  enum class Kind { kNil, kSimple, kComponents, kList };
  Kind kind = Kind::kNil;
  std::string xsd_type;  // local part of xsi:type ("decimal", "dateTime"), empty when untyped
  std::string text;
  std::vector<std::pair<std::string, TckValue>> components;
  std::vector<TckValue> items;
};

struct TckInputNode {
  std::string name;
  std::string ns;
  TckValue value;
};

struct TckResultNode {
  std::string name;
  std::string ns;
  std::string type;           // "decision" (default), "bkm", "decisionService"
  bool error_result = false;  // the result must be an error (null)
  std::optional<TckValue> expected;
};

struct TckTestCase {
  std::string id;
  std::string name;
  std::string type = "decision";  // decision | bkm | decisionService
  std::string invocable_name;     // for decisionService cases
  std::string description;
  std::vector<TckInputNode> inputs;
  std::vector<TckResultNode> results;
};

struct TckTestFile {
  std::string path;
  std::string model_name;  // file name of the model under test, may be empty
  std::vector<TckTestCase> cases;
};

Result<TckTestFile> ParseTckTestFile(std::string_view xml, std::string path);
Result<TckTestFile> LoadTckTestFile(const std::string& path);

}  // namespace proaktiv::dmn

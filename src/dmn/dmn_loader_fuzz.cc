// libFuzzer target: any byte string given to the DMN loader and compiler must give a model or
// a clear error, never a crash. Built only with clang and -DPROAKTIV_FUZZ=ON.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dmn/dmn_model.h"
#include "dmn/xml_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  auto defs = proaktiv::dmn::LoadDefinitionsFromString(xml, "fuzz.dmn");
  if (!defs) return 0;
  auto model = proaktiv::dmn::DmnModel::Compile(std::move(*defs), {});
  if (!model) return 0;
  for (const std::string& name : (*model)->DecisionNames()) {
    (void)(*model)->EvaluateDecision(name, {});
  }
  return 0;
}

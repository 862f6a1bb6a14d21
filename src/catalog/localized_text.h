#pragma once

// A text in the three languages proaktiv speaks: bokmål (nb), nynorsk (nn) and English (en).
// Every user-facing text in the catalog and in service bundles has all three; the parser
// refuses a missing or empty language, naming the file, line and language. Plain data.

#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "common/result.h"

namespace proaktiv::catalog {

inline constexpr std::string_view kLanguages[] = {"nb", "nn", "en"};

struct LocalizedText {
  std::string nb;
  std::string nn;
  std::string en;
  int line = 0;  // where it was declared (1-based), 0 when built in code

  // The text in `language` ("nb", "nn", "en"); falls back to bokmål for anything else.
  const std::string& In(std::string_view language) const;
  std::string* Mutable(std::string_view language);
};

// Parses map[key] as {nb: …, nn: …, en: …}. `what` names the text in messages
// ("message 'offer.subject'").
Result<LocalizedText> ParseLocalizedText(const std::string& file, const YAML::Node& map,
                                         std::string_view key, std::string_view what);

}  // namespace proaktiv::catalog

#pragma once

// Message texts with {placeholders}: "Hei {recipient_name}! {child_name} har rett til
// barnehageplass fra {start_date}." A placeholder is a name of letters, digits, '_' and '.';
// "{{" and "}}" stand for literal braces. Stateless and thread-safe.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace proaktiv {

// The placeholder names of `text`, in order of appearance (duplicates kept). An unclosed or
// empty brace, or a name with other characters, is an error quoting the fragment.
Result<std::vector<std::string>> Placeholders(std::string_view text);

// Substitutes every placeholder from `values`; a placeholder without a value is an error
// naming it.
Result<std::string> RenderTemplate(std::string_view text,
                                   const std::map<std::string, std::string, std::less<>>& values);

}  // namespace proaktiv

#pragma once

// Detection of external functions (DMN `functionDefinition kind="Java"` / `"PMML"`, and FEEL
// literals `function(...) external {...}`), which this engine does not run: decisions using
// them are reported as unsupported and the TCK runner marks their cases IGNORED. Pure
// functions; thread-safe.

#include <string_view>

#include "dmn/model.h"

namespace proaktiv::dmn {

// True when FEEL `text` holds a function literal with an external body.
bool HasExternalFunctionLiteral(std::string_view text);

// True when `expr` (may be null) contains an external function definition, boxed or FEEL.
bool UsesExternal(const Expression* expr);

}  // namespace proaktiv::dmn

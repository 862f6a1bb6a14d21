#pragma once

// The FEEL compiler: tokens -> resolved node tree (Program). Internal; the public entry points
// are in feel.h.

#include <memory>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "feel/ast.h"
#include "feel/lexer.h"
#include "feel/type.h"

namespace proaktiv::feel {

Result<std::shared_ptr<const Program>> CompileProgram(std::string_view text, const Scope& scope,
                                                      bool unary_tests);

// Parses a type at toks[pos] (used by `instance of` and Type::Parse); advances pos.
Result<TypePtr> ParseTypeTokens(const std::vector<Token>& toks, size_t& pos);

}  // namespace proaktiv::feel

#include "engine/input_usage.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "feel/lexer.h"

namespace proaktiv::engine {

namespace {

using feel::Tok;
using feel::Token;
using Tokens = std::vector<Token>;

// One FEEL text of the closure; `table` is set for the input expression of column `column`.
struct Text {
  const std::string* text = nullptr;
  const dmn::DecisionTable* table = nullptr;
  size_t column = 0;
};

// What the closure defines itself under the name "count" (which would shadow the built-in).
struct Names {
  bool defines_count = false;
  void Define(const std::string& name) { defines_count = defines_count || name == "count"; }
};

void Collect(const dmn::Expression* e, std::vector<Text>& out, Names& names);

void CollectTable(const dmn::DecisionTable& t, std::vector<Text>& out) {
  for (size_t c = 0; c < t.inputs.size(); ++c) {
    out.push_back({&t.inputs[c].expression, &t, c});
    out.push_back({&t.inputs[c].input_values});
  }
  for (const dmn::DecisionTableOutput& o : t.outputs) {
    out.push_back({&o.output_values});
    out.push_back({&o.default_output_entry});
  }
  for (const dmn::DecisionRule& r : t.rules) {
    for (const std::string& s : r.input_entries) out.push_back({&s});
    for (const std::string& s : r.output_entries) out.push_back({&s});
  }
}

void Collect(const dmn::Expression* e, std::vector<Text>& out, Names& names) {
  if (e == nullptr) return;
  if (const auto* x = std::get_if<dmn::LiteralExpression>(&e->kind)) {
    out.push_back({&x->text});
  } else if (const auto* x = std::get_if<dmn::Context>(&e->kind)) {
    for (const dmn::ContextEntry& entry : x->entries) {
      if (entry.variable) names.Define(entry.variable->name);
      Collect(entry.value.get(), out, names);
    }
  } else if (const auto* x = std::get_if<dmn::List>(&e->kind)) {
    for (const auto& item : x->items) Collect(item.get(), out, names);
  } else if (const auto* x = std::get_if<dmn::Relation>(&e->kind)) {
    for (const auto& row : x->rows) {
      for (const auto& cell : row) Collect(cell.get(), out, names);
    }
  } else if (const auto* x = std::get_if<dmn::Invocation>(&e->kind)) {
    Collect(x->callee.get(), out, names);
    for (const dmn::Binding& b : x->bindings) Collect(b.value.get(), out, names);
  } else if (const auto* x = std::get_if<dmn::FunctionDefinition>(&e->kind)) {
    for (const dmn::InformationItem& p : x->parameters) names.Define(p.name);
    Collect(x->body.get(), out, names);
  } else if (const auto* x = std::get_if<dmn::DecisionTable>(&e->kind)) {
    CollectTable(*x, out);
  } else if (const auto* x = std::get_if<dmn::Conditional>(&e->kind)) {
    Collect(x->if_expr.get(), out, names);
    Collect(x->then_expr.get(), out, names);
    Collect(x->else_expr.get(), out, names);
  } else if (const auto* x = std::get_if<dmn::Filter>(&e->kind)) {
    Collect(x->in.get(), out, names);
    Collect(x->match.get(), out, names);
  } else if (const auto* x = std::get_if<dmn::Iterator>(&e->kind)) {
    names.Define(x->variable);
    Collect(x->in.get(), out, names);
    Collect(x->body.get(), out, names);
  }
}

std::optional<Tokens> TokensOf(std::string_view text) {
  auto t = feel::Tokenize(text);
  if (!t) return std::nullopt;
  while (!t->empty() && t->back().kind == Tok::kEnd) t->pop_back();
  return std::move(*t);
}

bool Is(const Token& t, Tok kind, std::string_view text = {}) {
  return t.kind == kind && (text.empty() || t.text == text);
}

// `-`, `null` or `not(null)`.
bool IsNullTest(const Tokens& t) {
  if (t.size() == 1) return Is(t[0], Tok::kMinus) || Is(t[0], Tok::kName, "null");
  return t.size() == 4 && Is(t[0], Tok::kName, "not") && Is(t[1], Tok::kLParen) &&
         Is(t[2], Tok::kName, "null") && Is(t[3], Tok::kRParen);
}

bool NamePart(const Token& t) {
  return t.kind == Tok::kName || t.kind == Tok::kNumber || t.kind == Tok::kDot;
}

// Empty, or a FEEL built-in type that no item definition of `defs` redefines.
bool BuiltInType(const std::string& type_ref, const dmn::Definitions& defs) {
  static constexpr std::string_view kBuiltIn[] = {"",
                                                  "Any",
                                                  "string",
                                                  "number",
                                                  "boolean",
                                                  "date",
                                                  "time",
                                                  "date and time",
                                                  "dateTime",
                                                  "context",
                                                  "dayTimeDuration",
                                                  "yearMonthDuration",
                                                  "days and time duration",
                                                  "years and months duration"};
  if (std::find(std::begin(kBuiltIn), std::end(kBuiltIn), type_ref) == std::end(kBuiltIn)) {
    return false;
  }
  for (const dmn::ItemDefinition& d : defs.item_definitions) {
    if (d.name == type_ref) return false;
  }
  return true;
}

bool ColumnIsNullTested(const dmn::DecisionTable& t, size_t c) {
  const auto values = TokensOf(t.inputs[c].input_values);
  if (!values || !values->empty()) return false;
  for (const dmn::DecisionRule& r : t.rules) {
    if (c >= r.input_entries.size()) return false;
    auto tokens = TokensOf(r.input_entries[c]);
    if (!tokens || !IsNullTest(*tokens)) return false;
  }
  return true;
}

// Adds to `literals` the integers column `c` is tested against; false unless every entry is
// `-` or a non-negative integer literal and the column has no input values.
bool ColumnTestsLiterals(const dmn::DecisionTable& t, size_t c, std::set<int64_t>& literals) {
  const auto values = TokensOf(t.inputs[c].input_values);
  if (!values || !values->empty()) return false;
  for (const dmn::DecisionRule& r : t.rules) {
    if (c >= r.input_entries.size()) return false;
    auto tokens = TokensOf(r.input_entries[c]);
    if (!tokens || tokens->size() != 1) return false;
    const Token& e = (*tokens)[0];
    if (e.kind == Tok::kMinus) continue;
    if (e.kind != Tok::kNumber || e.text.empty() || e.text.size() > 6 ||
        e.text.find_first_not_of("0123456789") != std::string::npos) {
      return false;
    }
    literals.insert(std::stoll(e.text));
  }
  return true;
}

InputUse UseOf(const dmn::InputData& in, const std::vector<Text>& texts,
               const std::vector<Tokens>& tokens, bool count_is_builtin,
               const dmn::Definitions& defs, std::set<std::string>& properties,
               std::optional<std::set<int64_t>>& count_literals) {
  count_literals.emplace();
  const auto name = TokensOf(in.name);
  if (!name || name->empty()) return InputUse::kValue;
  const size_t n = name->size();
  const std::string& type = in.variable.type_ref;
  bool any = false, all_count = true, all_column = true, all_properties = true;
  for (size_t k = 0; k < texts.size(); ++k) {
    const Tokens& t = tokens[k];
    for (size_t i = 0; i + n <= t.size(); ++i) {
      bool match = true;
      for (size_t j = 0; j < n && match; ++j) {
        match = t[i + j].kind == (*name)[j].kind && t[i + j].text == (*name)[j].text;
      }
      if (!match) continue;
      any = true;
      const bool count = count_is_builtin && i >= 2 && Is(t[i - 1], Tok::kLParen) &&
                         Is(t[i - 2], Tok::kName, "count") && (i < 3 || !NamePart(t[i - 3])) &&
                         i + n < t.size() && Is(t[i + n], Tok::kRParen);
      const dmn::DecisionTable* table = texts[k].table;
      const size_t c = texts[k].column;
      const std::string column_type = table != nullptr ? table->inputs[c].type_ref : "";
      const bool column = table != nullptr && i == 0 && n == t.size() &&
                          (column_type.empty() || column_type == "Any" || column_type == type) &&
                          ColumnIsNullTested(*table, c);
      // `N.p` where p is one word (no name part after it). A match inside a longer name is
      // no use of N at all, so taking it for one only adds to the key.
      const bool property = i + n + 1 < t.size() && Is(t[i + n], Tok::kDot) &&
                            Is(t[i + n + 1], Tok::kName) &&
                            (i + n + 2 == t.size() || !NamePart(t[i + n + 2]));
      if (property) properties.insert(t[i + n + 1].text);
      // `count(N)` as a whole column tested only against integer literals.
      const std::string& count_type = column_type;
      const bool count_column =
          count && table != nullptr && i == 2 && i + n + 1 == t.size() &&
          (count_type.empty() || count_type == "Any" || count_type == "number") && count_literals &&
          ColumnTestsLiterals(*table, c, *count_literals);
      if (!count_column) count_literals.reset();
      all_count = all_count && count;
      all_column = all_column && column;
      all_properties = all_properties && property;
    }
  }
  if (!any) return InputUse::kUnused;
  if (all_count && (type.empty() || type == "Any")) return InputUse::kCount;
  count_literals.reset();
  if (all_column && BuiltInType(type, defs)) return InputUse::kNullTest;
  if (all_properties && BuiltInType(type, defs)) return InputUse::kProperties;
  properties.clear();
  return InputUse::kValue;
}

}  // namespace

std::optional<ClosureAnalysis> AnalyzeClosure(const dmn::Definitions& defs,
                                              const dmn::Decision& root) {
  auto local = [&](const dmn::Href& h) { return h.ns.empty() || h.ns == defs.ns; };
  std::unordered_map<std::string_view, const dmn::Decision*> decisions;
  for (const dmn::Decision& d : defs.decisions) decisions.emplace(d.id, &d);
  std::unordered_map<std::string_view, const dmn::InputData*> inputs;
  for (const dmn::InputData& in : defs.input_data) inputs.emplace(in.id, &in);

  ClosureAnalysis out;
  std::vector<const dmn::Decision*> closure{&root};
  std::set<std::string_view> seen{root.id};
  for (size_t k = 0; k < closure.size(); ++k) {
    for (const dmn::Href& h : closure[k]->required_inputs) {
      if (!local(h) || !inputs.contains(h.id)) return std::nullopt;
      out.input_ids.insert(h.id);
    }
    for (const dmn::Href& h : closure[k]->required_decisions) {
      auto it = decisions.find(h.id);
      if (!local(h) || it == decisions.end()) return std::nullopt;
      if (seen.insert(it->second->id).second) closure.push_back(it->second);
    }
  }

  std::vector<Text> texts;
  Names names;
  for (const dmn::Decision* d : closure) Collect(d->expression.get(), texts, names);
  for (const dmn::Decision& d : defs.decisions) names.Define(d.name);
  for (const dmn::InputData& in : defs.input_data) names.Define(in.name);
  for (const dmn::BusinessKnowledgeModel& b : defs.bkms) names.Define(b.name);
  for (const dmn::DecisionService& s : defs.decision_services) names.Define(s.name);

  std::vector<Tokens> tokens;
  for (const Text& t : texts) {
    auto tok = TokensOf(*t.text);
    out.tokenized = out.tokenized && tok.has_value();
    tokens.push_back(tok.value_or(Tokens{}));
  }
  for (const Tokens& t : tokens) {
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      if ((Is(t[i], Tok::kName, "now") || Is(t[i], Tok::kName, "today")) &&
          Is(t[i + 1], Tok::kLParen)) {
        out.deterministic = false;
      }
    }
  }
  for (const std::string& id : out.input_ids) {
    std::set<std::string> properties;
    std::optional<std::set<int64_t>> literals;
    out.use[id] =
        UseOf(*inputs.at(id), texts, tokens, !names.defines_count, defs, properties, literals);
    if (out.use[id] == InputUse::kProperties) out.properties[id] = std::move(properties);
    if (out.use[id] == InputUse::kCount && literals) out.count_literals[id] = std::move(*literals);
  }
  return out;
}

}  // namespace proaktiv::engine

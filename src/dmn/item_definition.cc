#include "dmn/item_definition.h"

#include <fmt/format.h>

namespace proaktiv::dmn {
namespace {

constexpr int kMaxTypeDepth = 64;

bool IsListType(const DmnType& type) {
  return type.element != nullptr ||
         (type.feel_type && type.feel_type->kind() == feel::Type::Kind::kList);
}

}  // namespace

bool DmnType::Accepts(const feel::Value& value) const {
  if (value.is_null()) return true;
  if (element) {
    if (!value.is(feel::ValueKind::kList)) return false;
    for (const feel::Value& item : value.AsList()) {
      if (!element->Accepts(item)) return false;
    }
  } else if (!components.empty()) {
    if (!value.is(feel::ValueKind::kContext)) return false;
    const feel::Context& ctx = value.AsContext();
    for (const auto& [name, type] : components) {
      const feel::Value* field = ctx.Find(name);
      if (field != nullptr && type && !type->Accepts(*field)) return false;
    }
  } else if (feel_type && !feel::Conforms(value, *feel_type)) {
    return false;
  }
  if (allowed) {
    feel::Frame frame(size_t{0});
    if (!allowed->Evaluate(frame, value).IsTrue()) return false;
  }
  return true;
}

feel::Value DmnType::Coerce(const feel::Value& value, std::vector<std::string>* messages) const {
  if (value.is_null()) return value;
  feel::Value v = value;
  bool is_list = IsListType(*this);
  if (!is_list && v.is(feel::ValueKind::kList) && v.AsList().size() == 1) {
    v = v.AsList()[0];
  } else if (is_list && !v.is(feel::ValueKind::kList) && element && element->Accepts(v)) {
    v = feel::Value::FromList(feel::List{v});
  }
  if (feel_type && feel_type->kind() == feel::Type::Kind::kDateTime &&
      v.is(feel::ValueKind::kDate)) {
    feel::DateTime dt;
    dt.days = v.AsDate().days;
    dt.zone.kind = feel::Zone::Kind::kOffset;
    v = feel::Value::FromDateTime(dt);
  }
  if (Accepts(v)) return v;
  if (messages != nullptr) {
    messages->push_back(
        fmt::format("value {} does not conform to type '{}'", value.DebugString(), name));
  }
  return feel::Value();
}

Result<DmnTypePtr> TypeResolver::Resolve(const std::string& type_ref) {
  return ResolveAt(type_ref, 0);
}

Result<DmnTypePtr> TypeResolver::ResolveItemDefinition(const ItemDefinition& def) {
  if (auto it = cache_.find(def.name); it != cache_.end()) return it->second;
  PROAKTIV_ASSIGN_OR_RETURN(DmnTypePtr type, Build(def, 0));
  cache_[def.name] = type;
  return type;
}

Result<DmnTypePtr> TypeResolver::ResolveAt(const std::string& type_ref, int depth) {
  if (type_ref.empty()) return DmnTypePtr();
  if (depth > kMaxTypeDepth) {
    return InvalidArgument(fmt::format("type '{}' is defined in terms of itself", type_ref));
  }
  if (auto it = cache_.find(type_ref); it != cache_.end()) return it->second;
  // Item definitions of this model first: they may shadow built-in names.
  for (const ItemDefinition& def : defs_->item_definitions) {
    if (def.name == type_ref) {
      PROAKTIV_ASSIGN_OR_RETURN(DmnTypePtr type, Build(def, depth + 1));
      cache_[type_ref] = type;
      return type;
    }
  }
  // `import.name`: the longest import name that prefixes the reference.
  for (auto& [import_name, resolver] : imports_) {
    if (type_ref.size() > import_name.size() + 1 && type_ref.starts_with(import_name) &&
        type_ref[import_name.size()] == '.') {
      auto type = resolver->ResolveAt(type_ref.substr(import_name.size() + 1), depth + 1);
      if (type) cache_[type_ref] = *type;
      return type;
    }
  }
  auto feel_type = feel::Type::Parse(type_ref);
  if (!feel_type) return InvalidArgument(fmt::format("unknown type '{}'", type_ref));
  auto type = std::make_shared<DmnType>();
  type->name = type_ref;
  if ((*feel_type)->kind() != feel::Type::Kind::kAny) type->feel_type = *feel_type;
  DmnTypePtr out = type;
  if (!type->feel_type) out = nullptr;
  cache_[type_ref] = out;
  return out;
}

Result<DmnTypePtr> TypeResolver::Build(const ItemDefinition& def, int depth) {
  auto type = std::make_shared<DmnType>();
  type->name = def.name;
  auto context = [&](const std::string& what) {
    return fmt::format("item definition '{}'{}: {}", def.name,
                       def.id.empty() ? "" : fmt::format(" (id {})", def.id), what);
  };
  if (def.is_function) {
    std::vector<feel::TypePtr> params;
    for (const InformationItem& p : def.function_parameters) {
      auto param_type = ResolveAt(p.type_ref, depth + 1);
      if (!param_type) return InvalidArgument(context(param_type.error().message));
      params.push_back(*param_type ? (*param_type)->feel_type : nullptr);
      if (!params.back()) params.back() = feel::Type::Any();
    }
    auto result = ResolveAt(def.function_output_type_ref, depth + 1);
    if (!result) return InvalidArgument(context(result.error().message));
    feel::TypePtr result_type =
        *result && (*result)->feel_type ? (*result)->feel_type : feel::Type::Any();
    type->feel_type = feel::Type::FunctionOf(std::move(params), result_type);
  } else if (!def.components.empty()) {
    std::vector<std::pair<std::string, feel::TypePtr>> fields;
    for (const ItemDefinition& component : def.components) {
      auto component_type = Build(component, depth + 1);
      if (!component_type) return InvalidArgument(context(component_type.error().message));
      type->components.emplace_back(component.name, *component_type);
      feel::TypePtr field = *component_type && (*component_type)->feel_type
                                ? (*component_type)->feel_type
                                : feel::Type::Any();
      fields.emplace_back(component.name, field);
    }
    type->feel_type = feel::Type::ContextOf(std::move(fields));
  } else if (!def.type_ref.empty()) {
    auto base = ResolveAt(def.type_ref, depth + 1);
    if (!base) return InvalidArgument(context(base.error().message));
    if (*base) {
      type->feel_type = (*base)->feel_type;
      type->element = (*base)->element;
      type->components = (*base)->components;
      type->allowed = (*base)->allowed;
    }
  }
  if (!def.allowed_values.empty()) {
    auto tests = feel::CompileUnaryTests(def.allowed_values, feel::Scope());
    if (!tests) return InvalidArgument(context("allowed values: " + tests.error().message));
    type->allowed = std::move(*tests);
  }
  std::optional<feel::UnaryTests> constraint;
  if (!def.type_constraint.empty()) {
    auto tests = feel::CompileUnaryTests(def.type_constraint, feel::Scope());
    if (!tests) return InvalidArgument(context("type constraint: " + tests.error().message));
    constraint = std::move(*tests);
  }
  if (!def.is_collection) {
    if (constraint && !type->allowed) type->allowed = std::move(constraint);
    if (!type->feel_type && !type->allowed && type->components.empty() && !type->element) {
      return DmnTypePtr();  // an alias of Any
    }
    return DmnTypePtr(std::move(type));
  }
  auto list = std::make_shared<DmnType>();
  list->name = def.name;
  list->element = type;
  list->feel_type = feel::Type::ListOf(type->feel_type ? type->feel_type : feel::Type::Any());
  list->allowed = std::move(constraint);
  return DmnTypePtr(std::move(list));
}

}  // namespace proaktiv::dmn

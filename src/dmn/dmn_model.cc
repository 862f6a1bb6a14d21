#include "dmn/dmn_model.h"

#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dmn/drg_graph.h"
#include "dmn/external_functions.h"
#include "dmn/xml_loader.h"

namespace proaktiv::dmn {
namespace {

std::string Describe(const char* kind, const std::string& name, const std::string& id) {
  return id.empty() ? fmt::format("{} '{}'", kind, name)
                    : fmt::format("{} '{}' (id {})", kind, name, id);
}

// Builder state shared by the compile steps of one graph.
struct GraphBuilder {
  DmnModel::Impl& g;
  std::map<std::pair<int, std::string>, ElementRef> by_id;
  std::map<std::pair<int, std::string>, std::string> names;  // (model, name) -> id

  // Indexes an element by id; duplicate ids and names within one model are problems.
  void Register(int model, const std::string& id, const std::string& name, ElementRef ref) {
    const std::string& source = g.models[model].defs.source;
    if (!id.empty() && !by_id.emplace(std::make_pair(model, id), ref).second) {
      g.problems.push_back(fmt::format("{}: duplicate element id '{}'", source, id));
    }
    if (auto [it, fresh] = names.emplace(std::make_pair(model, name), id); !fresh) {
      g.problems.push_back(
          fmt::format("{}: two elements named '{}' (ids {} and {})", source, name, it->second, id));
    }
  }

  int ModelOfNamespace(int from, const std::string& ns) const {
    if (ns.empty()) return from;
    for (size_t m = 0; m < g.models.size(); ++m) {
      if (g.models[m].defs.ns == ns) return static_cast<int>(m);
    }
    return -1;
  }

  std::string NameOf(ElementRef ref) const {
    switch (ref.kind) {
      case ElementKind::kDecision:
        return g.decisions[ref.index].decision->name;
      case ElementKind::kInput:
        return g.inputs[ref.index].input->name;
      case ElementKind::kBkm:
        return g.bkms[ref.index].bkm->name;
      case ElementKind::kService:
        return g.services[ref.index].service->name;
    }
    return "";
  }
  int ModelOf(ElementRef ref) const {
    switch (ref.kind) {
      case ElementKind::kDecision:
        return g.decisions[ref.index].model;
      case ElementKind::kInput:
        return g.inputs[ref.index].model;
      case ElementKind::kBkm:
        return g.bkms[ref.index].model;
      case ElementKind::kService:
        return g.services[ref.index].model;
    }
    return 0;
  }
  feel::TypePtr TypeOf(ElementRef ref) const {
    DmnTypePtr t;
    if (ref.kind == ElementKind::kDecision) t = g.decisions[ref.index].type;
    if (ref.kind == ElementKind::kInput) t = g.inputs[ref.index].type;
    return t ? t->feel_type : nullptr;
  }

  // Resolves `href` seen in model `from`; records a problem and returns index -1 on failure.
  ElementRef Resolve(int from, const Href& href, const std::string& where) {
    int m = ModelOfNamespace(from, href.ns);
    if (m >= 0) {
      if (auto it = by_id.find({m, href.id}); it != by_id.end()) return it->second;
    }
    g.problems.push_back(fmt::format("{}: unresolved reference '{}#{}'", where, href.ns, href.id));
    return ElementRef{};
  }

  // Defines the scope names of `hrefs` in `env` and returns how to fill them.
  std::vector<Requirement> DefineRequirements(int from, const std::vector<Href>& hrefs,
                                              CompileEnv& env, std::vector<ElementRef>* refs) {
    std::vector<Requirement> out;
    std::map<std::string, std::vector<std::pair<std::string, feel::TypePtr>>> imported;
    std::vector<std::pair<Requirement, std::string>> keyed;  // requirement, import name
    for (const Href& href : hrefs) {
      ElementRef ref = Resolve(from, href, env.where);
      if (ref.index < 0) continue;
      if (refs) refs->push_back(ref);
      std::string name = NameOf(ref);
      int target = ModelOf(ref);
      if (target == from) {
        out.push_back({ref, env.Define(name, TypeOf(ref)), ""});
        continue;
      }
      std::string import_name;
      for (const auto& [iname, index] : g.models[from].imports) {
        if (index == target) import_name = iname;
      }
      if (import_name.empty()) {
        env.Problem(fmt::format("'{}' belongs to a model that is not imported", name));
        continue;
      }
      feel::TypePtr type = TypeOf(ref);
      imported[import_name].emplace_back(name, type ? type : feel::Type::Any());
      keyed.push_back({Requirement{ref, -1, name}, import_name});
    }
    for (auto& [import_name, fields] : imported) {
      feel::Slot slot = env.Define(import_name, feel::Type::ContextOf(fields));
      for (auto& [req, iname] : keyed) {
        if (iname == import_name) {
          req.slot = slot;
          out.push_back(req);
        }
      }
    }
    return out;
  }

  CompileEnv NewEnv(int model, std::string where) {
    CompileEnv env;
    env.types = g.models[model].types.get();
    env.problems = &g.problems;
    env.where = std::move(where);
    env.max_slots = std::make_shared<int32_t>(0);
    return env;
  }
};

}  // namespace

void DmnModel::Impl::Build() {
  GraphBuilder b{*this, {}, {}};
  // Types and imports.
  for (ModelInfo& model : models) {
    model.types = std::make_unique<TypeResolver>(&model.defs);
  }
  for (size_t m = 0; m < models.size(); ++m) {
    for (const Import& imp : models[m].defs.imports) {
      int target = b.ModelOfNamespace(static_cast<int>(m), imp.ns);
      if (target < 0 || imp.ns.empty()) {
        problems.push_back(fmt::format("{}: import '{}': no model with namespace '{}'",
                                       models[m].defs.source, imp.name, imp.ns));
        continue;
      }
      models[m].imports.emplace_back(imp.name, target);
      models[m].types->AddImport(imp.name, models[target].types.get());
    }
  }
  // Element tables.
  for (size_t mi = 0; mi < models.size(); ++mi) {
    int m = static_cast<int>(mi);
    const Definitions& defs = models[mi].defs;
    for (const ItemDefinition& def : defs.item_definitions) {
      auto type = models[mi].types->ResolveItemDefinition(def);
      if (!type) problems.push_back(type.error().message);
    }
    for (const InputData& in : defs.input_data) {
      b.Register(m, in.id, in.name, {ElementKind::kInput, static_cast<int>(inputs.size())});
      CompileEnv env = b.NewEnv(m, Describe("input data", in.name, in.id));
      inputs.push_back({m, &in, ResolveType(in.variable.type_ref, env)});
    }
    for (const Decision& d : defs.decisions) {
      b.Register(m, d.id, d.name, {ElementKind::kDecision, static_cast<int>(decisions.size())});
      DecisionInfo info;
      info.model = m;
      info.decision = &d;
      info.where = Describe("decision", d.name, d.id);
      CompileEnv env = b.NewEnv(m, info.where);
      info.type = ResolveType(d.variable.type_ref, env);
      info.unsupported = UsesExternal(d.expression.get());
      auto [named, inserted] =
          decision_by_name.try_emplace(d.name, static_cast<int>(decisions.size()));
      if (!inserted && m == 0 && decisions[named->second].model != 0) {
        named->second = static_cast<int>(decisions.size());
      }
      decisions.push_back(std::move(info));
    }
    for (const BusinessKnowledgeModel& k : defs.bkms) {
      b.Register(m, k.id, k.name, {ElementKind::kBkm, static_cast<int>(bkms.size())});
      BkmInfo info;
      info.model = m;
      info.bkm = &k;
      info.where = Describe("business knowledge model", k.name, k.id);
      if (k.logic) {
        info.unsupported =
            k.logic->kind != FunctionKind::kFeel || UsesExternal(k.logic->body.get());
      }
      bkms.push_back(std::move(info));
    }
    for (const DecisionService& s : defs.decision_services) {
      b.Register(m, s.id, s.name, {ElementKind::kService, static_cast<int>(services.size())});
      ServiceInfo info;
      info.model = m;
      info.service = &s;
      info.where = Describe("decision service", s.name, s.id);
      services.push_back(std::move(info));
    }
  }
  // Decisions.
  for (DecisionInfo& info : decisions) {
    const Decision& d = *info.decision;
    CompileEnv env = b.NewEnv(info.model, info.where);
    std::vector<Href> hrefs = d.required_decisions;
    hrefs.insert(hrefs.end(), d.required_inputs.begin(), d.required_inputs.end());
    hrefs.insert(hrefs.end(), d.required_knowledge.begin(), d.required_knowledge.end());
    info.requirements = b.DefineRequirements(info.model, hrefs, env, nullptr);
    if (!d.expression) {
      info.frame_size = env.max_slots;
      continue;
    }
    // Models without any inputData (Camunda style) read undeclared names from the inputs
    // given at evaluation: compile once to find them, then again with them defined.
    bool implicit_allowed = models[info.model].defs.input_data.empty();
    std::vector<std::string> first_problems, unresolved;
    CompileEnv probe = env;
    probe.problems = &first_problems;
    probe.unresolved = &unresolved;
    probe.max_slots = std::make_shared<int32_t>(*env.max_slots);
    NodePtr body = CompileBoxed(d.expression.get(), probe);
    if (!implicit_allowed || unresolved.empty()) {
      problems.insert(problems.end(), first_problems.begin(), first_problems.end());
      info.body = std::move(body);
      info.frame_size = probe.max_slots;
      continue;
    }
    for (const std::string& name : unresolved) {
      info.implicit_inputs.emplace_back(name, env.Define(name));
    }
    notes.push_back(
        fmt::format("{}: reads undeclared input(s) {}", info.where, fmt::join(unresolved, ", ")));
    info.body = CompileBoxed(d.expression.get(), env);
    info.frame_size = env.max_slots;
  }
  // Business knowledge models.
  for (BkmInfo& info : bkms) {
    const BusinessKnowledgeModel& k = *info.bkm;
    CompileEnv env = b.NewEnv(info.model, info.where);
    info.requirements = b.DefineRequirements(info.model, k.required_knowledge, env, nullptr);
    if (k.logic) {
      for (const InformationItem& p : k.logic->parameters) {
        info.params.push_back(p.name);
        DmnTypePtr type = ResolveType(p.type_ref, env);
        info.param_types.push_back(type);
        info.param_slots.push_back(env.Define(p.name, type ? type->feel_type : nullptr));
      }
      if (k.logic->kind != FunctionKind::kFeel) {
        env.Problem("unsupported: external function (Java / PMML)");
        info.body = ErrorNode(info.where + ": external functions are not supported");
      } else {
        info.body = CompileBoxed(k.logic->body.get(), env);
        if (k.logic->body) info.result_type = ResolveType(k.logic->body->type_ref, env);
      }
    } else {
      info.body = ErrorNode(info.where + ": no encapsulated logic");
    }
    info.frame_size = env.max_slots;
  }
  // Decision services.
  for (ServiceInfo& info : services) {
    const DecisionService& s = *info.service;
    CompileEnv env = b.NewEnv(info.model, info.where);
    info.type = ResolveType(s.variable.type_ref, env);
    auto decision_list = [&](const std::vector<Href>& hrefs, std::vector<int>* out) {
      for (const Href& h : hrefs) {
        ElementRef ref = b.Resolve(info.model, h, info.where);
        if (ref.index < 0) continue;
        if (ref.kind != ElementKind::kDecision) {
          env.Problem(fmt::format("'{}' is not a decision", h.id));
          continue;
        }
        out->push_back(ref.index);
      }
    };
    decision_list(s.output_decisions, &info.outputs);
    decision_list(s.input_decisions, &info.input_decisions);
    for (int d : info.input_decisions) info.params.push_back(decisions[d].decision->name);
    for (const Href& h : s.input_data) {
      ElementRef ref = b.Resolve(info.model, h, info.where);
      if (ref.index < 0) continue;
      if (ref.kind != ElementKind::kInput) {
        env.Problem(fmt::format("'{}' is not an input data", h.id));
        continue;
      }
      info.input_data.push_back(ref.index);
      info.params.push_back(inputs[ref.index].input->name);
    }
  }
}

Result<std::shared_ptr<const DmnModel>> DmnModel::Compile(Definitions main,
                                                          std::vector<Definitions> library) {
  auto impl = std::make_shared<Impl>();
  impl->models.push_back(ModelInfo{std::move(main), nullptr, {}});
  // Pull in the library models reachable through imports, transitively.
  std::vector<bool> used(library.size(), false);
  for (size_t m = 0; m < impl->models.size(); ++m) {
    std::vector<std::string> wanted;
    for (const Import& imp : impl->models[m].defs.imports) wanted.push_back(imp.ns);
    for (const std::string& ns : wanted) {
      bool present = false;
      for (const ModelInfo& info : impl->models) present = present || info.defs.ns == ns;
      for (size_t l = 0; l < library.size() && !present; ++l) {
        if (!used[l] && library[l].ns == ns) {
          used[l] = true;
          present = true;
          impl->models.push_back(ModelInfo{std::move(library[l]), nullptr, {}});
        }
      }
    }
  }
  impl->Build();
  impl->MakeFunctionValues();
  return std::make_shared<const DmnModel>(std::move(impl));
}

Result<std::shared_ptr<const DmnModel>> DmnModel::LoadFile(const std::string& path) {
  PROAKTIV_ASSIGN_OR_RETURN(Definitions main, LoadDefinitionsFromFile(path));
  std::vector<Definitions> library;
  if (!main.imports.empty()) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::path(path).parent_path();
    if (dir.empty()) dir = ".";
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".dmn" ||
          std::filesystem::equivalent(entry.path(), path, ec)) {
        continue;
      }
      auto defs = LoadDefinitionsFromFile(entry.path().string());
      if (defs) library.push_back(std::move(*defs));
    }
  }
  return Compile(std::move(main), std::move(library));
}

const Definitions& DmnModel::definitions() const { return impl_->models[0].defs; }
const std::vector<std::string>& DmnModel::problems() const { return impl_->problems; }
const std::vector<std::string>& DmnModel::notes() const { return impl_->notes; }

std::vector<std::string> DmnModel::DecisionNames() const {
  std::vector<std::string> out;
  for (const DecisionInfo& d : impl_->decisions) {
    if (d.model == 0) out.push_back(d.decision->name);
  }
  return out;
}

DmnTypePtr DmnModel::InputType(std::string_view name) const {
  int i = impl_->FindInput(name, "");
  return i < 0 ? nullptr : impl_->inputs[i].type;
}

bool DmnModel::UsesUnsupported(std::string_view name) const {
  if (int d = impl_->FindDecision(name); d >= 0) {
    return impl_->Unsupported({ElementKind::kDecision, d}, 0);
  }
  if (int k = impl_->FindBkm(name); k >= 0) return impl_->Unsupported({ElementKind::kBkm, k}, 0);
  if (int s = impl_->FindService(name); s >= 0) {
    return impl_->Unsupported({ElementKind::kService, s}, 0);
  }
  return false;
}

}  // namespace proaktiv::dmn

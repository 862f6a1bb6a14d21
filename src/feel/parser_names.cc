// FEEL compiler: multi-word names, scopes and captures, and name resolution to slots.

#include <algorithm>
#include <string>
#include <utility>

#include "feel/builtins.h"
#include "feel/compiler.h"

namespace proaktiv::feel {

std::optional<Binding> Compiler::Resolve(size_t level, const std::string& name) {
  Level& lv = levels_[level];
  for (auto it = lv.names.rbegin(); it != lv.names.rend(); ++it)
    if (it->first == name) return Binding{Binding::Kind::kLocal, it->second};
  if (!lv.self_name.empty() && lv.self_name == name) return Binding{Binding::Kind::kSelf, 0};
  for (size_t i = 0; i < lv.capture_names.size(); ++i)
    if (lv.capture_names[i] == name)
      return Binding{Binding::Kind::kCapture, static_cast<int32_t>(i)};
  if (level == 0) {
    Slot s = scope_.Find(name);
    if (s >= 0) return Binding{Binding::Kind::kGlobal, s};
    return std::nullopt;
  }
  auto outer = Resolve(level - 1, name);
  if (!outer) return std::nullopt;
  CaptureSource src{CaptureSource::Kind::kGlobal, outer->index};
  switch (outer->kind) {
    case Binding::Kind::kGlobal:
      src.kind = CaptureSource::Kind::kGlobal;
      break;
    case Binding::Kind::kLocal:
      src.kind = CaptureSource::Kind::kLocal;
      break;
    case Binding::Kind::kCapture:
      src.kind = CaptureSource::Kind::kCapture;
      break;
    case Binding::Kind::kSelf:
      src.kind = CaptureSource::Kind::kSelf;
      break;
  }
  lv.capture_names.push_back(name);
  lv.captures.push_back(src);
  return Binding{Binding::Kind::kCapture, static_cast<int32_t>(lv.captures.size() - 1)};
}

bool Compiler::IsKnown(const std::string& name) {
  for (const Level& lv : levels_) {
    for (const auto& n : lv.names)
      if (n.first == name) return true;
    if (lv.self_name == name) return true;
  }
  const auto& builtins = SortedBuiltinNames();
  return std::binary_search(candidates_.begin(), candidates_.end(), name) ||
         std::binary_search(builtins.begin(), builtins.end(), name);
}

// Number of tokens from pos_ that spell `cand`, or 0.
size_t Compiler::MatchTokens(const std::string& cand) const {
  size_t p = 0, k = pos_;
  while (p < cand.size()) {
    const Token& t = toks_[k];
    if (t.kind == Tok::kEnd || t.kind == Tok::kString) return 0;
    if (k > pos_ && t.space_before) {
      if (cand[p] != ' ') return 0;
      ++p;
    } else if (k > pos_ && cand[p] == ' ') {
      return 0;
    }
    if (cand.compare(p, t.text.size(), t.text) != 0) return 0;
    p += t.text.size();
    ++k;
  }
  return k - pos_;
}

// Reads a name at pos_: the longest known name, else a run of non-reserved words.
std::string Compiler::ReadName() {
  const std::string& first = Peek().text;
  size_t best = 0;
  std::string best_name;
  auto consider = [&](const std::string& cand) {
    if (cand.size() < first.size() || cand.compare(0, first.size(), first) != 0) return;
    size_t n = MatchTokens(cand);
    if (n > best) best = n, best_name = cand;
  };
  for (const Level& lv : levels_) {
    for (const auto& n : lv.names) consider(n.first);
    if (!lv.self_name.empty()) consider(lv.self_name);
  }
  const std::vector<std::string>* sorted_lists[] = {&candidates_, &SortedBuiltinNames()};
  for (const std::vector<std::string>* sorted : sorted_lists) {
    auto lo = std::lower_bound(sorted->begin(), sorted->end(), first);
    for (auto it = lo; it != sorted->end() && it->compare(0, first.size(), first) == 0; ++it)
      consider(*it);
  }
  if (best > 0) {
    pos_ += best;
    return best_name;
  }
  std::string name = Peek().text;
  ++pos_;
  while (Peek().kind == Tok::kName && !IsReserved(Peek().text)) {
    name += (Peek().space_before ? " " : "") + Peek().text;
    ++pos_;
  }
  return name;
}

// A name after '.': the longer of the known-name match and the run of words.
std::string Compiler::ReadPathName() {
  size_t start = pos_;
  std::string known = ReadName();
  size_t known_end = pos_;
  pos_ = start;
  std::string joined = Peek().text;
  ++pos_;
  while (Peek().kind == Tok::kName && !IsReserved(Peek().text)) {
    joined += (Peek().space_before ? " " : "") + Peek().text;
    ++pos_;
  }
  if (pos_ >= known_end) return joined;
  pos_ = known_end;
  return known;
}

// Plain name for declarations (parameters, iteration variables): words up to a delimiter.
std::string Compiler::ReadDeclName() {
  std::string name;
  while (Peek().kind == Tok::kName && (name.empty() || !IsReserved(Peek().text))) {
    if (!name.empty()) name += " ";
    name += Peek().text;
    ++pos_;
  }
  if (name.empty()) Error("expected a name");
  return name;
}

NodePtr Compiler::NameNode(const std::string& name) {
  NodePtr n = StaticNameNode(name);
  if (filter_depth_ > 0 && name != "?" && !dynamic_cast<DynamicNameNode*>(n.get())) {
    auto f = std::make_unique<FilterNameNode>();
    f->name = name;
    f->fallback = std::move(n);
    return f;
  }
  return n;
}

NodePtr Compiler::StaticNameNode(const std::string& name) {
  if (name == "?") used_input_ = true;
  if (auto b = Resolve(levels_.size() - 1, name)) {
    switch (b->kind) {
      case Binding::Kind::kLocal:
        return std::make_unique<LocalNode>(b->index);
      case Binding::Kind::kGlobal:
        return std::make_unique<GlobalNode>(b->index);
      case Binding::Kind::kCapture:
        return std::make_unique<CaptureNode>(b->index);
      case Binding::Kind::kSelf:
        return std::make_unique<SelfNode>();
    }
  }
  if (const BuiltinDef* def = FindBuiltin(name))
    return std::make_unique<LiteralNode>(BuiltinValue(*def));
  // Inside a filter the name may be an entry of the item, known only at run time.
  if (filter_depth_ == 0 &&
      std::find(unresolved_.begin(), unresolved_.end(), name) == unresolved_.end())
    unresolved_.push_back(name);
  return std::make_unique<DynamicNameNode>(name);
}

}  // namespace proaktiv::feel

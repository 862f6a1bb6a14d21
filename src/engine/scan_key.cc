#include "engine/scan_key.h"

#include "feel/ops.h"

namespace proaktiv::engine {

namespace {

// Null, or of the declared built-in type (none or Any: any kind).
bool OfDeclaredKind(const feel::Value& v, int declared_kind) {
  return v.is_null() || declared_kind == EligibilityScan::Input::kAnyKind ||
         static_cast<int>(v.kind()) == declared_kind;
}

// Appends the kind and the exact value of a scalar; false for other kinds.
bool AppendScalar(std::string& key, const feel::Value& v) {
  key += static_cast<char>(v.kind());
  switch (v.kind()) {
    case feel::ValueKind::kNull:
      return true;
    case feel::ValueKind::kBoolean:
      key += v.AsBoolean() ? '1' : '0';
      return true;
    case feel::ValueKind::kNumber:  // the decimal128 bits: the same bits, the same number
      ScanKeys::AppendBytes(key, v.AsNumber().lo());
      ScanKeys::AppendBytes(key, v.AsNumber().hi());
      return true;
    case feel::ValueKind::kString: {
      const std::string_view s = v.AsString();
      ScanKeys::AppendBytes(key, static_cast<uint32_t>(s.size()));
      key.append(s);
      return true;
    }
    case feel::ValueKind::kDate:
      ScanKeys::AppendBytes(key, v.AsDate().days);
      return true;
    default:
      return false;
  }
}

}  // namespace

ScanKeys::ScanKeys(std::span<const EligibilityScan::Input> inputs)
    : inputs_(inputs), dates_(inputs.size()), encodings_(inputs.size()) {
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].use == InputUse::kProperties) dates_[i].resize(kDates);
  }
}

bool ScanKeys::AppendProperties(size_t i, const feel::Value& v, std::string& key) {
  DateEntry* cached = nullptr;
  if (v.is(feel::ValueKind::kDate) && v.AsDate().days > INT32_MIN && v.AsDate().days <= INT32_MAX) {
    const auto days = static_cast<int32_t>(v.AsDate().days);
    cached = &dates_[i][static_cast<uint32_t>(days) % kDates];
    if (cached->days == days) {
      AppendBytes(key, cached->id);
      return true;
    }
  }
  scratch_.clear();
  for (const std::string& p : inputs_[i].properties) {
    const bool ok = AppendScalar(scratch_, feel::GetProperty(v, p, feel_context_));
    feel_context_.ClearMessages();
    if (!ok) return false;
  }
  auto& ids = encodings_[i];
  const uint32_t id = ids.emplace(scratch_, static_cast<uint32_t>(ids.size())).first->second;
  if (cached != nullptr) *cached = {static_cast<int32_t>(v.AsDate().days), id};
  AppendBytes(key, id);
  return true;
}

bool ScanKeys::Append(const registry::Person& person, const PersonLookup& lookup, CivilDate today,
                      bool finite, std::string& key) {
  const ExtractionContext ctx{person, lookup, today, nullptr};
  for (size_t i = 0; i < inputs_.size(); ++i) {
    const EligibilityScan::Input& in = inputs_[i];
    if (in.kind != InputSource::Kind::kField || in.use == InputUse::kUnused) continue;
    if (in.representatives.empty() == finite) continue;
    if (in.use == InputUse::kCount && in.extractor->count != nullptr) {
      key += 'L';
      AppendBytes(key, static_cast<uint32_t>(in.extractor->count(ctx)));
      continue;
    }
    if (in.use == InputUse::kValue && in.extractor->text != nullptr) {  // as AppendScalar does
      const std::optional<std::string_view> text = in.extractor->text(ctx);
      key += static_cast<char>(text ? feel::ValueKind::kString : feel::ValueKind::kNull);
      if (text) {
        AppendBytes(key, static_cast<uint32_t>(text->size()));
        key.append(*text);
      }
      continue;
    }
    const feel::Value v = in.extractor->extract(ctx);
    switch (in.use) {
      case InputUse::kUnused:
        break;
      case InputUse::kCount:
        key += static_cast<char>(v.kind());
        if (v.is(feel::ValueKind::kList)) {
          AppendBytes(key, static_cast<uint32_t>(v.AsList().size()));
        }
        break;
      case InputUse::kNullTest:
        if (!OfDeclaredKind(v, in.declared_kind)) return false;
        key += static_cast<char>(v.kind());
        break;
      case InputUse::kProperties:
        if (!OfDeclaredKind(v, in.declared_kind)) return false;
        key += static_cast<char>(v.kind());
        if (!v.is_null() && !AppendProperties(i, v, key)) return false;
        break;
      case InputUse::kValue:
        if (!AppendScalar(key, v)) return false;
        break;
    }
  }
  return true;
}

}  // namespace proaktiv::engine

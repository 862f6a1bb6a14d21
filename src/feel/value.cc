#include "feel/value.h"

#include <cctype>
#include <cstring>

#include "feel/feel.h"

namespace proaktiv::feel {

std::string_view KindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBoolean:
      return "boolean";
    case ValueKind::kNumber:
      return "number";
    case ValueKind::kString:
      return "string";
    case ValueKind::kDate:
      return "date";
    case ValueKind::kTime:
      return "time";
    case ValueKind::kDateTime:
      return "date and time";
    case ValueKind::kDayTimeDuration:
      return "days and time duration";
    case ValueKind::kYearMonthDuration:
      return "years and months duration";
    case ValueKind::kList:
      return "list";
    case ValueKind::kContext:
      return "context";
    case ValueKind::kRange:
      return "range";
    case ValueKind::kFunction:
      return "function";
  }
  return "?";
}

Value Value::Boolean(bool b) {
  Value v;
  v.kind_ = ValueKind::kBoolean;
  v.p_.b = b;
  return v;
}

Value Value::Num(const Number& n) {
  if (!n.IsFinite()) return Value();
  Value v;
  v.kind_ = ValueKind::kNumber;
  v.p_.num = n;
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.kind_ = ValueKind::kString;
  v.heap_ = std::make_shared<const std::string>(std::move(s));
  return v;
}

namespace {
void SetZone(const Zone& z, Zone::Kind& kind, int32_t& offset, std::shared_ptr<const void>& heap) {
  kind = z.kind;
  offset = z.offset_seconds;
  if (z.kind == Zone::Kind::kId) heap = std::make_shared<const std::string>(z.id);
}
Zone GetZone(Zone::Kind kind, int32_t offset, const std::shared_ptr<const void>& heap) {
  Zone z;
  z.kind = kind;
  if (kind == Zone::Kind::kOffset) z.offset_seconds = offset;
  if (kind == Zone::Kind::kId) z.id = *static_cast<const std::string*>(heap.get());
  return z;
}
}  // namespace

Value Value::FromDate(const Date& d) {
  Value v;
  v.kind_ = ValueKind::kDate;
  v.p_.i[0] = d.days;
  return v;
}

Value Value::FromTime(const Time& t) {
  Value v;
  v.kind_ = ValueKind::kTime;
  v.p_.i[0] = t.nanos;
  SetZone(t.zone, v.zone_kind_, v.offset_, v.heap_);
  return v;
}

Value Value::FromDateTime(const DateTime& dt) {
  Value v;
  v.kind_ = ValueKind::kDateTime;
  v.p_.i[0] = dt.days;
  v.p_.i[1] = dt.nanos;
  SetZone(dt.zone, v.zone_kind_, v.offset_, v.heap_);
  return v;
}

Value Value::FromDuration(const DayTimeDuration& d) {
  Value v;
  v.kind_ = ValueKind::kDayTimeDuration;
  std::memcpy(v.p_.i, &d.nanos, sizeof d.nanos);
  return v;
}

Value Value::FromDuration(const YearMonthDuration& d) {
  Value v;
  v.kind_ = ValueKind::kYearMonthDuration;
  v.p_.i[0] = d.months;
  return v;
}

Value Value::FromList(List items) {
  return FromList(std::make_shared<const List>(std::move(items)));
}

Value Value::FromList(std::shared_ptr<const List> items) {
  Value v;
  v.kind_ = ValueKind::kList;
  v.heap_ = std::move(items);
  return v;
}

Value Value::FromContext(Context ctx) {
  return FromContext(std::make_shared<const Context>(std::move(ctx)));
}

Value Value::FromContext(std::shared_ptr<const Context> ctx) {
  Value v;
  v.kind_ = ValueKind::kContext;
  v.heap_ = std::move(ctx);
  return v;
}

Value Value::FromRange(Range r) {
  Value v;
  v.kind_ = ValueKind::kRange;
  v.heap_ = std::make_shared<const Range>(std::move(r));
  return v;
}

Value Value::FromFunction(std::shared_ptr<const Function> f) {
  Value v;
  v.kind_ = ValueKind::kFunction;
  v.heap_ = std::move(f);
  return v;
}

namespace {
class NativeFn final : public Function {
 public:
  NativeFn(std::string name, std::vector<std::string> params,
           std::function<Value(std::span<const Value>, EvalContext&)> fn)
      : name_(std::move(name)), params_(std::move(params)), fn_(std::move(fn)) {}
  std::string name() const override { return name_; }
  const std::vector<std::string>& parameters() const override { return params_; }
  Value Invoke(const Arguments& args, EvalContext& ctx) const override {
    if (!args.is_named) return fn_(args.positional, ctx);
    std::vector<Value> bound(params_.size());
    for (const auto& [n, v] : args.named) {
      size_t k = 0;
      while (k < params_.size() && params_[k] != n) ++k;
      if (k == params_.size()) {
        ctx.AddMessage(name_ + ": no parameter named '" + n + "'");
        return Value();
      }
      bound[k] = v;
    }
    return fn_(bound, ctx);
  }

 private:
  std::string name_;
  std::vector<std::string> params_;
  std::function<Value(std::span<const Value>, EvalContext&)> fn_;
};
}  // namespace

Value Value::NativeFunction(std::string name, std::vector<std::string> params,
                            std::function<Value(std::span<const Value>, EvalContext&)> fn) {
  return FromFunction(
      std::make_shared<NativeFn>(std::move(name), std::move(params), std::move(fn)));
}

std::string_view Value::AsString() const { return *static_cast<const std::string*>(heap_.get()); }
Date Value::AsDate() const { return Date{p_.i[0]}; }
Time Value::AsTime() const { return Time{p_.i[0], GetZone(zone_kind_, offset_, heap_)}; }
DateTime Value::AsDateTime() const {
  return DateTime{p_.i[0], p_.i[1], GetZone(zone_kind_, offset_, heap_)};
}
DayTimeDuration Value::AsDayTimeDuration() const {
  DayTimeDuration d;
  std::memcpy(&d.nanos, p_.i, sizeof d.nanos);
  return d;
}
YearMonthDuration Value::AsYearMonthDuration() const { return YearMonthDuration{p_.i[0]}; }
const List& Value::AsList() const { return *static_cast<const List*>(heap_.get()); }
const Context& Value::AsContext() const { return *static_cast<const Context*>(heap_.get()); }
const Range& Value::AsRange() const { return *static_cast<const Range*>(heap_.get()); }
const Function& Value::AsFunction() const { return *static_cast<const Function*>(heap_.get()); }
std::shared_ptr<const Function> Value::FunctionPtr() const {
  return std::static_pointer_cast<const Function>(heap_);
}
std::shared_ptr<const List> Value::ListPtr() const {
  return std::static_pointer_cast<const List>(heap_);
}

void Context::Put(std::string key, Value v) {
  for (auto& e : entries_) {
    if (e.first == key) {
      e.second = std::move(v);
      return;
    }
  }
  entries_.emplace_back(std::move(key), std::move(v));
}

const Value* Context::Find(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.first == key) return &e.second;
  return nullptr;
}

namespace {

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

bool NeedsQuotes(std::string_view key) {
  if (key.empty()) return true;
  for (char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ' ' || c == '?' ||
          static_cast<unsigned char>(c) >= 0x80))
      return true;
  }
  return std::isdigit(static_cast<unsigned char>(key[0])) || key.front() == ' ' ||
         key.back() == ' ';
}

std::string Render(const Value& v, bool quote_strings) {
  switch (v.kind()) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBoolean:
      return v.AsBoolean() ? "true" : "false";
    case ValueKind::kNumber:
      return v.AsNumber().ToString();
    case ValueKind::kString:
      return quote_strings ? Quote(v.AsString()) : std::string(v.AsString());
    case ValueKind::kDate:
      return FormatDate(v.AsDate());
    case ValueKind::kTime:
      return FormatTime(v.AsTime());
    case ValueKind::kDateTime:
      return FormatDateTime(v.AsDateTime());
    case ValueKind::kDayTimeDuration:
      return FormatDayTimeDuration(v.AsDayTimeDuration());
    case ValueKind::kYearMonthDuration:
      return FormatYearMonthDuration(v.AsYearMonthDuration());
    case ValueKind::kList: {
      std::string out = "[";
      bool first = true;
      for (const Value& e : v.AsList()) {
        if (!first) out += ", ";
        first = false;
        out += Render(e, true);
      }
      return out + "]";
    }
    case ValueKind::kContext: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, e] : v.AsContext().entries()) {
        if (!first) out += ", ";
        first = false;
        out += (NeedsQuotes(k) ? Quote(k) : k) + ": " + Render(e, true);
      }
      return out + "}";
    }
    case ValueKind::kRange: {
      const Range& r = v.AsRange();
      if (r.op == Range::Op::kEqual) return "=" + Render(r.low, true);
      if (r.op == Range::Op::kNotEqual) return "!=" + Render(r.low, true);
      if (r.low_unbounded) return (r.high_closed ? "<=" : "<") + Render(r.high, true);
      if (r.high_unbounded) return (r.low_closed ? ">=" : ">") + Render(r.low, true);
      return (r.low_closed ? "[" : "(") + Render(r.low, true) + ".." + Render(r.high, true) +
             (r.high_closed ? "]" : ")");
    }
    case ValueKind::kFunction:
      return "function " + v.AsFunction().name();
  }
  return "?";
}

}  // namespace

std::string Value::ToString() const { return Render(*this, false); }
std::string Value::DebugString() const { return Render(*this, true); }

}  // namespace proaktiv::feel

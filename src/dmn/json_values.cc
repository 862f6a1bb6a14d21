#include "dmn/json_values.h"

#include <string>

#include "feel/temporal.h"
#include "feel/type.h"

namespace proaktiv::dmn {

namespace {

// True when `n` is represented exactly by a double and its shortest form.
bool FitsDouble(const feel::Number& n) {
  feel::Number back = feel::Number::FromDouble(n.ToDouble());
  return back == n && back.ToString() == n.ToString();
}

void AppendJson(const feel::Value& value, std::string* out) {
  using feel::ValueKind;
  switch (value.kind()) {
    case ValueKind::kNumber:
      if (FitsDouble(value.AsNumber())) {
        *out += value.AsNumber().ToString();
        return;
      }
      break;
    case ValueKind::kList: {
      *out += '[';
      bool first = true;
      for (const feel::Value& item : value.AsList()) {
        if (!first) *out += ',';
        first = false;
        AppendJson(item, out);
      }
      *out += ']';
      return;
    }
    case ValueKind::kContext: {
      *out += '{';
      bool first = true;
      for (const auto& [key, v] : value.AsContext().entries()) {
        if (!first) *out += ',';
        first = false;
        *out += boost::json::serialize(boost::json::string(key));
        *out += ':';
        AppendJson(v, out);
      }
      *out += '}';
      return;
    }
    default:
      break;
  }
  *out += boost::json::serialize(FeelToJson(value));
}

}  // namespace

std::string FeelToJsonText(const feel::Value& value) {
  std::string out;
  AppendJson(value, &out);
  return out;
}

boost::json::value FeelToJson(const feel::Value& value) {
  using feel::ValueKind;
  switch (value.kind()) {
    case ValueKind::kNull:
      return nullptr;
    case ValueKind::kBoolean:
      return value.AsBoolean();
    case ValueKind::kNumber: {
      const feel::Number& n = value.AsNumber();
      if (auto i = n.ToInt64()) return *i;
      if (FitsDouble(n)) return n.ToDouble();
      return boost::json::string(n.ToString());
    }
    case ValueKind::kString:
      return boost::json::string(value.AsString());
    case ValueKind::kList: {
      boost::json::array out;
      for (const feel::Value& item : value.AsList()) out.push_back(FeelToJson(item));
      return out;
    }
    case ValueKind::kContext: {
      boost::json::object out;
      for (const auto& [key, v] : value.AsContext().entries()) out[key] = FeelToJson(v);
      return out;
    }
    default:
      return boost::json::string(value.ToString());
  }
}

feel::Value JsonToFeel(const boost::json::value& json, const DmnType* type) {
  using Kind = feel::Type::Kind;
  Kind kind = type && type->feel_type ? type->feel_type->kind() : Kind::kAny;
  switch (json.kind()) {
    case boost::json::kind::null:
      return feel::Value();
    case boost::json::kind::bool_:
      return feel::Value::Boolean(json.get_bool());
    case boost::json::kind::int64:
      return feel::Value::Int(json.get_int64());
    case boost::json::kind::uint64: {
      auto n = feel::Number::Parse(std::to_string(json.get_uint64()));
      return n ? feel::Value::Num(*n) : feel::Value();
    }
    case boost::json::kind::double_:
      return feel::Value::Num(feel::Number::FromDouble(json.get_double()));
    case boost::json::kind::string: {
      std::string_view s = json.get_string();
      std::optional<feel::Value> parsed;
      if (kind == Kind::kNumber) {
        if (auto n = feel::Number::Parse(s)) parsed = feel::Value::Num(*n);
      } else if (kind == Kind::kDate) {
        if (auto d = feel::ParseDate(s)) parsed = feel::Value::FromDate(*d);
      } else if (kind == Kind::kTime) {
        if (auto t = feel::ParseTime(s)) parsed = feel::Value::FromTime(*t);
      } else if (kind == Kind::kDateTime) {
        if (auto dt = feel::ParseDateTime(s)) parsed = feel::Value::FromDateTime(*dt);
      } else if (kind == Kind::kDayTimeDuration) {
        if (auto d = feel::ParseDayTimeDuration(s)) parsed = feel::Value::FromDuration(*d);
      } else if (kind == Kind::kYearMonthDuration) {
        if (auto d = feel::ParseYearMonthDuration(s)) parsed = feel::Value::FromDuration(*d);
      }
      return parsed ? *parsed : feel::Value::String(std::string(s));
    }
    case boost::json::kind::array: {
      const DmnType* element = type ? type->element.get() : nullptr;
      feel::List items;
      for (const boost::json::value& item : json.get_array()) {
        items.push_back(JsonToFeel(item, element));
      }
      return feel::Value::FromList(std::move(items));
    }
    case boost::json::kind::object: {
      feel::Context ctx;
      for (const auto& entry : json.get_object()) {
        const DmnType* field = nullptr;
        if (type) {
          for (const auto& [name, component] : type->components) {
            if (name == entry.key()) field = component.get();
          }
        }
        ctx.Put(std::string(entry.key()), JsonToFeel(entry.value(), field));
      }
      return feel::Value::FromContext(std::move(ctx));
    }
  }
  return feel::Value();
}

}  // namespace proaktiv::dmn

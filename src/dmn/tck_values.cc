#include "dmn/tck_values.h"

#include <cmath>

#include <fmt/format.h>

#include "dmn/xml_util.h"
#include "feel/temporal.h"

namespace proaktiv::dmn {
namespace {

bool IsNumericType(const std::string& t) {
  return t == "decimal" || t == "double" || t == "float" || t == "integer" || t == "int" ||
         t == "long" || t == "short";
}

feel::Value SimpleToFeel(const TckValue& v) {
  const std::string& t = v.xsd_type;
  std::string text = Trim(v.text);
  if (IsNumericType(t)) {
    if (auto n = feel::Number::Parse(text)) return feel::Value::Num(*n);
  } else if (t == "boolean") {
    if (text == "true" || text == "1") return feel::Value::Boolean(true);
    if (text == "false" || text == "0") return feel::Value::Boolean(false);
  } else if (t == "date") {
    if (auto d = feel::ParseDate(text)) return feel::Value::FromDate(*d);
  } else if (t == "time") {
    if (auto d = feel::ParseTime(text)) return feel::Value::FromTime(*d);
  } else if (t == "dateTime") {
    if (auto d = feel::ParseDateTime(text)) return feel::Value::FromDateTime(*d);
  } else if (t == "duration" || t == "yearMonthDuration" || t == "dayTimeDuration") {
    if (auto d = feel::ParseYearMonthDuration(text)) return feel::Value::FromDuration(*d);
    if (auto d = feel::ParseDayTimeDuration(text)) return feel::Value::FromDuration(*d);
  }
  return feel::Value::String(v.text);
}

// Digits of a decimal text: fractional digits and significant digits ("0.0360" → 4, 3).
void CountDigits(std::string_view text, int* fractional, int* significant) {
  *fractional = 0;
  *significant = 0;
  bool after_point = false, leading = true;
  for (char c : text) {
    if (c == '.') {
      after_point = true;
    } else if (c >= '0' && c <= '9') {
      if (after_point) ++*fractional;
      if (c != '0') leading = false;
      if (!leading) ++*significant;
    } else if (c == 'e' || c == 'E') {
      *fractional = -1;  // exponent notation: no precision rule
      return;
    }
  }
}

// Numbers agree when equal, when within a relative 1e-12 (expectations computed in binary
// floating point), or, for an expectation written with at least 8 significant digits, when
// the actual value rounded to the expectation's decimals equals it (expectations written
// with fewer decimals than the exact result, such as exp(4) = 54.59815003).
bool NumbersAgree(const feel::Number& want, const std::string& want_text,
                  const feel::Number& actual) {
  if (want == actual) return true;
  double a = want.ToDouble(), b = actual.ToDouble();
  if (std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b))) return true;
  int fractional, significant;
  CountDigits(want_text, &fractional, &significant);
  return fractional >= 0 && significant >= 8 &&
         actual.Round(fractional, feel::RoundingMode::kHalfEven) == want;
}

std::string Show(const TckValue& v) { return feel::Value(TckToFeel(v)).DebugString(); }

}  // namespace

feel::Value TckToFeel(const TckValue& value) {
  switch (value.kind) {
    case TckValue::Kind::kNil:
      return feel::Value();
    case TckValue::Kind::kSimple:
      return SimpleToFeel(value);
    case TckValue::Kind::kComponents: {
      feel::Context ctx;
      for (const auto& [name, component] : value.components) ctx.Put(name, TckToFeel(component));
      return feel::Value::FromContext(std::move(ctx));
    }
    case TckValue::Kind::kList: {
      feel::List items;
      for (const TckValue& item : value.items) items.push_back(TckToFeel(item));
      return feel::Value::FromList(std::move(items));
    }
  }
  return feel::Value();
}

bool TckMatches(const TckValue& expected, const feel::Value& actual, std::string* why) {
  auto mismatch = [&]() {
    *why = fmt::format("expected {} but got {}", Show(expected), actual.DebugString());
    return false;
  };
  switch (expected.kind) {
    case TckValue::Kind::kNil:
      return actual.is_null() ? true : mismatch();
    case TckValue::Kind::kSimple: {
      feel::Value want = SimpleToFeel(expected);
      if (want.is(feel::ValueKind::kNumber) && actual.is(feel::ValueKind::kNumber)) {
        return NumbersAgree(want.AsNumber(), Trim(expected.text), actual.AsNumber()) ? true
                                                                                     : mismatch();
      }
      if (want.kind() != actual.kind()) return mismatch();
      if (want.is(feel::ValueKind::kString)) {
        return want.AsString() == actual.AsString() ? true : mismatch();
      }
      return feel::Equal(want, actual) ? true : mismatch();
    }
    case TckValue::Kind::kComponents: {
      if (!actual.is(feel::ValueKind::kContext)) return mismatch();
      const feel::Context& ctx = actual.AsContext();
      for (const auto& [name, component] : expected.components) {
        const feel::Value* field = ctx.Find(name);
        feel::Value missing;
        if (!TckMatches(component, field ? *field : missing, why)) {
          *why = fmt::format("component '{}': {}", name, *why);
          return false;
        }
      }
      if (ctx.size() != expected.components.size()) {
        *why = fmt::format("expected {} components but got {}", expected.components.size(),
                           actual.DebugString());
        return false;
      }
      return true;
    }
    case TckValue::Kind::kList: {
      if (!actual.is(feel::ValueKind::kList)) return mismatch();
      const feel::List& items = actual.AsList();
      if (items.size() != expected.items.size()) return mismatch();
      for (size_t i = 0; i < items.size(); ++i) {
        if (!TckMatches(expected.items[i], items[i], why)) {
          *why = fmt::format("item {}: {}", i + 1, *why);
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

}  // namespace proaktiv::dmn

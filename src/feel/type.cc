#include "feel/type.h"

#include "feel/lexer.h"
#include "feel/parser.h"

namespace proaktiv::feel {
namespace {

using TK = Type::Kind;

struct SimpleName {
  const char* text;
  TK kind;
};
const SimpleName kSimpleNames[] = {
    {"days and time duration", TK::kDayTimeDuration},
    {"years and months duration", TK::kYearMonthDuration},
    {"date and time", TK::kDateTime},
    {"dayTimeDuration", TK::kDayTimeDuration},
    {"yearMonthDuration", TK::kYearMonthDuration},
    {"dateTime", TK::kDateTime},
    {"number", TK::kNumber},
    {"string", TK::kString},
    {"boolean", TK::kBoolean},
    {"date", TK::kDate},
    {"time", TK::kTime},
    {"Any", TK::kAny},
    {"Null", TK::kNull},
    {"list", TK::kList},
    {"context", TK::kContext},
    {"range", TK::kRange},
    {"function", TK::kFunction},
};

TypePtr Make(TK k) { return std::make_shared<const Type>(k); }

}  // namespace

TypePtr Type::Any() {
  static const TypePtr t = Make(TK::kAny);
  return t;
}
TypePtr Type::Null() {
  static const TypePtr t = Make(TK::kNull);
  return t;
}
TypePtr Type::Simple(Kind kind) {
  if (kind == TK::kAny) return Any();
  return Make(kind);
}
TypePtr Type::ListOf(TypePtr element) {
  auto t = std::make_shared<Type>(TK::kList);
  t->element_ = element ? std::move(element) : Any();
  return t;
}
TypePtr Type::RangeOf(TypePtr element) {
  auto t = std::make_shared<Type>(TK::kRange);
  t->element_ = element ? std::move(element) : Any();
  return t;
}
TypePtr Type::ContextOf(std::vector<std::pair<std::string, TypePtr>> fields) {
  auto t = std::make_shared<Type>(TK::kContext);
  t->fields_ = std::move(fields);
  return t;
}
TypePtr Type::FunctionOf(std::vector<TypePtr> params, TypePtr result) {
  auto t = std::make_shared<Type>(TK::kFunction);
  t->params_ = std::move(params);
  t->element_ = result ? std::move(result) : Any();
  return t;
}

Result<TypePtr> ParseTypeTokens(const std::vector<Token>& toks, size_t& pos) {
  auto err = [&](const std::string& m) {
    return InvalidArgument("bad type at offset " + std::to_string(toks[pos].begin) + ": " + m);
  };
  auto peek = [&](size_t k) -> const Token& { return toks[std::min(pos + k, toks.size() - 1)]; };
  if (peek(0).kind != Tok::kName) return err("expected a type name");
  // Qualified DMN 1.1 names like feel:number.
  if (peek(1).kind == Tok::kColon && peek(2).kind == Tok::kName &&
      (peek(0).text == "feel" || peek(0).text == "FEEL"))
    pos += 2;
  for (const SimpleName& sn : kSimpleNames) {
    std::string_view text = sn.text;
    size_t k = pos;
    bool match = true;
    while (!text.empty()) {
      size_t sp = text.find(' ');
      std::string_view word = text.substr(0, sp);
      if (toks[k].kind != Tok::kName || toks[k].text != word) {
        match = false;
        break;
      }
      ++k;
      text = sp == std::string_view::npos ? "" : text.substr(sp + 1);
    }
    if (!match) continue;
    pos = k;
    TK kind = sn.kind;
    bool generic = toks[pos].kind == Tok::kLt;
    if (kind == TK::kList || kind == TK::kRange) {
      if (!generic) return kind == TK::kList ? Type::ListOf(nullptr) : Type::RangeOf(nullptr);
      ++pos;
      PROAKTIV_ASSIGN_OR_RETURN(TypePtr e, ParseTypeTokens(toks, pos));
      if (toks[pos].kind != Tok::kGt) return err("expected '>'");
      ++pos;
      return kind == TK::kList ? Type::ListOf(e) : Type::RangeOf(e);
    }
    if (kind == TK::kContext) {
      std::vector<std::pair<std::string, TypePtr>> fields;
      if (!generic) return Type::ContextOf({});
      ++pos;
      while (toks[pos].kind != Tok::kGt) {
        std::string name;
        while (toks[pos].kind == Tok::kName) {
          if (!name.empty()) name += " ";
          name += toks[pos++].text;
        }
        if (toks[pos].kind == Tok::kString) name = toks[pos++].text;
        if (name.empty() || toks[pos].kind != Tok::kColon) return err("expected 'name:'");
        ++pos;
        PROAKTIV_ASSIGN_OR_RETURN(TypePtr ft, ParseTypeTokens(toks, pos));
        fields.emplace_back(std::move(name), std::move(ft));
        if (toks[pos].kind == Tok::kComma)
          ++pos;
        else if (toks[pos].kind != Tok::kGt)
          return err("expected ',' or '>'");
      }
      ++pos;
      return Type::ContextOf(std::move(fields));
    }
    if (kind == TK::kFunction) {
      if (!generic) return Type::FunctionOf({}, nullptr);
      ++pos;
      std::vector<TypePtr> params;
      while (toks[pos].kind != Tok::kGt) {
        PROAKTIV_ASSIGN_OR_RETURN(TypePtr p, ParseTypeTokens(toks, pos));
        params.push_back(std::move(p));
        if (toks[pos].kind == Tok::kComma)
          ++pos;
        else if (toks[pos].kind != Tok::kGt)
          return err("expected ',' or '>'");
      }
      ++pos;
      if (toks[pos].kind != Tok::kArrow) return err("expected '->'");
      ++pos;
      PROAKTIV_ASSIGN_OR_RETURN(TypePtr r, ParseTypeTokens(toks, pos));
      return Type::FunctionOf(std::move(params), std::move(r));
    }
    return Type::Simple(kind);
  }
  return err("unknown type '" + toks[pos].text + "'");
}

Result<TypePtr> Type::Parse(std::string_view text) {
  PROAKTIV_ASSIGN_OR_RETURN(auto toks, Tokenize(text));
  size_t pos = 0;
  PROAKTIV_ASSIGN_OR_RETURN(TypePtr t, ParseTypeTokens(toks, pos));
  if (toks[pos].kind != Tok::kEnd)
    return InvalidArgument("unexpected text after type: " + std::string(text));
  return t;
}

TypePtr Type::Of(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull:
      return Null();
    case ValueKind::kBoolean:
      return Simple(TK::kBoolean);
    case ValueKind::kNumber:
      return Simple(TK::kNumber);
    case ValueKind::kString:
      return Simple(TK::kString);
    case ValueKind::kDate:
      return Simple(TK::kDate);
    case ValueKind::kTime:
      return Simple(TK::kTime);
    case ValueKind::kDateTime:
      return Simple(TK::kDateTime);
    case ValueKind::kDayTimeDuration:
      return Simple(TK::kDayTimeDuration);
    case ValueKind::kYearMonthDuration:
      return Simple(TK::kYearMonthDuration);
    case ValueKind::kList:
      return ListOf(Any());
    case ValueKind::kContext: {
      std::vector<std::pair<std::string, TypePtr>> f;
      for (const auto& [k, e] : v.AsContext().entries()) f.emplace_back(k, Of(e));
      return ContextOf(std::move(f));
    }
    case ValueKind::kRange:
      return RangeOf(Any());
    case ValueKind::kFunction:
      return FunctionOf({}, Any());
  }
  return Any();
}

std::string Type::ToString() const {
  switch (kind_) {
    case TK::kAny:
      return "Any";
    case TK::kNull:
      return "Null";
    case TK::kList:
      return "list<" + element_->ToString() + ">";
    case TK::kRange:
      return "range<" + element_->ToString() + ">";
    case TK::kContext: {
      std::string s = "context<";
      for (size_t i = 0; i < fields_.size(); ++i)
        s += (i ? ", " : "") + fields_[i].first + ": " + fields_[i].second->ToString();
      return s + ">";
    }
    case TK::kFunction: {
      std::string s = "function<";
      for (size_t i = 0; i < params_.size(); ++i) s += (i ? ", " : "") + params_[i]->ToString();
      return s + ">->" + element_->ToString();
    }
    default:
      for (const SimpleName& sn : kSimpleNames)
        if (sn.kind == kind_)
          return sn.text == std::string("dayTimeDuration") ? "days and time duration" : sn.text;
      return "?";
  }
}

bool Conforms(const Value& v, const Type& t) {
  if (t.kind() == TK::kAny) return true;
  if (v.is_null()) return t.kind() == TK::kNull;
  switch (t.kind()) {
    case TK::kNull:
      return false;
    case TK::kBoolean:
      return v.is(ValueKind::kBoolean);
    case TK::kNumber:
      return v.is(ValueKind::kNumber);
    case TK::kString:
      return v.is(ValueKind::kString);
    case TK::kDate:
      return v.is(ValueKind::kDate);
    case TK::kTime:
      return v.is(ValueKind::kTime);
    case TK::kDateTime:
      return v.is(ValueKind::kDateTime);
    case TK::kDayTimeDuration:
      return v.is(ValueKind::kDayTimeDuration);
    case TK::kYearMonthDuration:
      return v.is(ValueKind::kYearMonthDuration);
    case TK::kList:
      if (!v.is(ValueKind::kList)) return false;
      for (const Value& e : v.AsList())
        if (!e.is_null() && !Conforms(e, *t.element())) return false;
      return true;
    case TK::kRange: {
      if (!v.is(ValueKind::kRange)) return false;
      const Range& r = v.AsRange();
      return (r.low.is_null() || Conforms(r.low, *t.element())) &&
             (r.high.is_null() || Conforms(r.high, *t.element()));
    }
    case TK::kContext: {
      if (!v.is(ValueKind::kContext)) return false;
      for (const auto& [k, ft] : t.fields()) {
        const Value* e = v.AsContext().Find(k);
        if (!e || !Conforms(*e, *ft)) return false;
      }
      return true;
    }
    case TK::kFunction: {
      if (!v.is(ValueKind::kFunction)) return false;
      if (t.params().empty()) return true;
      return v.AsFunction().parameters().size() == t.params().size() ||
             v.AsFunction().parameters().empty();
    }
    default:
      return false;
  }
}

bool Equivalent(const Type& a, const Type& b) { return TypeConforms(a, b) && TypeConforms(b, a); }

bool TypeConforms(const Type& t, const Type& s) {
  if (s.kind() == TK::kAny) return true;
  if (t.kind() == TK::kNull) return true;
  if (t.kind() != s.kind()) return false;
  switch (t.kind()) {
    case TK::kList:
    case TK::kRange:
      return TypeConforms(*t.element(), *s.element());
    case TK::kContext:
      for (const auto& [k, st] : s.fields()) {
        bool found = false;
        for (const auto& [k2, tt] : t.fields())
          if (k2 == k) found = TypeConforms(*tt, *st);
        if (!found) return false;
      }
      return true;
    case TK::kFunction:
      if (t.params().size() != s.params().size()) return false;
      for (size_t i = 0; i < t.params().size(); ++i)
        if (!TypeConforms(*s.params()[i], *t.params()[i])) return false;
      return TypeConforms(*t.result(), *s.result());
    default:
      return true;
  }
}

}  // namespace proaktiv::feel

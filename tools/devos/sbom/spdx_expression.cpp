// Recursive descent over tokens (an id, "(", ")", AND, OR, WITH):
//   or   := and ("OR" and)*        and := with ("AND" with)*
//   with := primary ["WITH" id]    primary := "(" or ")" | id
#include "sbom/spdx_expression.hpp"

namespace devos::sbom {
namespace {

struct Token {
    std::string text;
    std::size_t at = 0; // byte offset in the expression
};

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (c == '(' || c == ')') {
            tokens.push_back({std::string(1, c), i++});
        } else {
            std::size_t start = i;
            while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' &&
                   text[i] != '\r' && text[i] != '(' && text[i] != ')')
                ++i;
            tokens.push_back({std::string(text.substr(start, i - start)), start});
        }
    }
    return tokens;
}

class Parser {
public:
    Parser(std::string_view text) : text_(text), tokens_(tokenize(text)) {}

    foundation::Expected<SpdxExpression> parse() {
        auto expression = orExpression();
        if (!expression)
            return expression;
        if (next_ < tokens_.size())
            return error("unexpected '" + tokens_[next_].text + "'");
        return expression;
    }

private:
    bool isOperator(const Token& token, std::string_view upper) const {
        std::string lowerCase(upper);
        for (char& c : lowerCase)
            c = static_cast<char>(c - 'A' + 'a');
        return token.text == upper || token.text == lowerCase;
    }
    bool accept(std::string_view upper) {
        if (next_ < tokens_.size() && isOperator(tokens_[next_], upper)) {
            ++next_;
            return true;
        }
        return false;
    }
    bool isKeyword(const Token& token) const {
        return isOperator(token, "AND") || isOperator(token, "OR") || isOperator(token, "WITH");
    }

    std::unexpected<foundation::Error> error(const std::string& what) const {
        std::size_t at = next_ < tokens_.size() ? tokens_[next_].at : text_.size();
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "not a valid SPDX license expression: " + what + " at byte " +
                                    std::to_string(at + 1) + " of '" + std::string(text_) + "'");
    }

    // The operands of `op` joined into one node (a single operand is itself).
    foundation::Expected<SpdxExpression> chain(SpdxExpression::Kind kind, std::string_view op,
                                               foundation::Expected<SpdxExpression> (Parser::*operand)()) {
        auto first = (this->*operand)();
        if (!first)
            return first;
        SpdxExpression node{kind, {}, {std::move(*first)}};
        while (accept(op)) {
            auto more = (this->*operand)();
            if (!more)
                return more;
            node.operands.push_back(std::move(*more));
        }
        return node.operands.size() == 1 ? std::move(node.operands.front()) : std::move(node);
    }

    foundation::Expected<SpdxExpression> orExpression() {
        return chain(SpdxExpression::Kind::Or, "OR", &Parser::andExpression);
    }
    foundation::Expected<SpdxExpression> andExpression() {
        return chain(SpdxExpression::Kind::And, "AND", &Parser::withExpression);
    }

    foundation::Expected<SpdxExpression> withExpression() {
        auto primary = primaryExpression();
        if (!primary || !accept("WITH"))
            return primary;
        if (primary->kind != SpdxExpression::Kind::License)
            return error("WITH after a parenthesis (it takes a license id)");
        if (next_ >= tokens_.size() || isKeyword(tokens_[next_]) || tokens_[next_].text == "(" ||
            tokens_[next_].text == ")")
            return error("an exception id is missing after WITH");
        primary->license += " WITH " + tokens_[next_++].text;
        return primary;
    }

    foundation::Expected<SpdxExpression> primaryExpression() {
        if (next_ >= tokens_.size())
            return error("a license id is missing");
        const Token& token = tokens_[next_];
        if (token.text == "(") {
            ++next_;
            auto inner = orExpression();
            if (!inner)
                return inner;
            if (next_ >= tokens_.size() || tokens_[next_].text != ")")
                return error("')' is missing");
            ++next_;
            return inner;
        }
        if (token.text == ")" || isKeyword(token))
            return error("a license id is missing before '" + token.text + "'");
        ++next_;
        return SpdxExpression{SpdxExpression::Kind::License, token.text, {}};
    }

    std::string_view text_;
    std::vector<Token> tokens_;
    std::size_t next_ = 0;
};

} // namespace

foundation::Expected<SpdxExpression> parseSpdxExpression(std::string_view text) {
    return Parser(text).parse();
}

} // namespace devos::sbom

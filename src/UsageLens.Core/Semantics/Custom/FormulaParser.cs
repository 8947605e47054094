using System.Globalization;

namespace UsageLens.Core.Semantics.Custom;

/// <summary>
/// Parses a custom metric's formula by recursive descent:
/// <code>
/// expression := product (("+" | "-") product)*
/// product    := unary (("*" | "/") unary)*
/// unary      := "-" unary | primary
/// primary    := number | "(" expression ")" | name | aggregation "(" event ")"
/// </code>
/// A name is another custom metric when <c>customMetrics</c> holds it, else an event summed;
/// the aggregations are <c>sum</c>, <c>count</c>, <c>users</c> and <c>accounts</c>.
/// Errors give the 1-based position of the offending character.
/// </summary>
public sealed class FormulaParser
{
    private readonly string _text;
    private readonly IReadOnlySet<string> _customMetrics;
    private int _position;

    private FormulaParser(string text, IReadOnlySet<string> customMetrics)
    {
        _text = text;
        _customMetrics = customMetrics;
    }

    /// <exception cref="UsageLensException">The formula is malformed; the message starts with "position N:".</exception>
    public static FormulaNode Parse(string text, IReadOnlySet<string> customMetrics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(customMetrics);
        var parser = new FormulaParser(text, customMetrics);
        var node = parser.Expression();
        parser.SkipSpaces();
        return parser._position < text.Length ? throw parser.Error($"unexpected '{text[parser._position]}' after a complete formula") : node;
    }

    private FormulaNode Expression()
    {
        var node = Product();
        while (Accept('+') || Accept('-'))
        {
            var op = _text[_position - 1];
            node = new FormulaBinary(op, node, Product());
        }
        return node;
    }

    private FormulaNode Product()
    {
        var node = Unary();
        while (Accept('*') || Accept('/'))
        {
            var op = _text[_position - 1];
            node = new FormulaBinary(op, node, Unary());
        }
        return node;
    }

    private FormulaNode Unary() => Accept('-') ? new FormulaNegation(Unary()) : Primary();

    private FormulaNode Primary()
    {
        SkipSpaces();
        if (_position >= _text.Length)
        {
            throw Error("the formula ends where a number, a metric or '(' should be");
        }
        var c = _text[_position];
        if (Accept('('))
        {
            var inner = Expression();
            return Accept(')') ? inner : throw Error("expected ')'");
        }
        if (char.IsAsciiDigit(c) || c == '.')
        {
            return Number();
        }
        if (IsNameStart(c))
        {
            return Metric();
        }
        throw Error($"expected a number, a metric or '(' but found '{c}'");
    }

    private FormulaNumber Number()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
        {
            _position++;
        }
        var digits = _text[start.._position];
        return double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new FormulaNumber(value)
            : throw Error($"'{digits}' is not a number", start);
    }

    private FormulaNode Metric()
    {
        var start = _position;
        var name = Name();
        if (!Accept('('))
        {
            return _customMetrics.Contains(name) ? new FormulaReference(name) : new FormulaTerm(new UsageMetric(name, Aggregation.Sum));
        }
        SkipSpaces();
        if (_position >= _text.Length || !IsNameStart(_text[_position]))
        {
            throw Error($"expected an event name inside {name}(...)");
        }
        var eventName = Name();
        if (!Accept(')'))
        {
            throw Error($"expected ')' after {name}({eventName}");
        }
        var text = $"{name}({eventName})";
        return UsageMetric.TryParse(text, out var metric, out _)
            ? new FormulaTerm(metric)
            : throw Error($"'{name}' is not an aggregation: use sum, count, users or accounts", start);
    }

    private string Name()
    {
        var start = _position;
        while (_position < _text.Length && (IsNameStart(_text[_position]) || char.IsDigit(_text[_position])))
        {
            _position++;
        }
        return _text[start.._position];
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private bool Accept(char expected)
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == expected)
        {
            _position++;
            return true;
        }
        return false;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private UsageLensException Error(string reason, int? at = null) => new($"position {(at ?? _position) + 1}: {reason}");
}

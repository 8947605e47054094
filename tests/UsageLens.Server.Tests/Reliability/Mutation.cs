using System.Text;
using CsCheck;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>
/// Random damage to a valid body, as CsCheck generators: a flipped byte, a truncation, an inserted hostile token
/// (deep nesting, NaN, a lone surrogate escape, a huge number) or a value swapped for one of another type.
/// </summary>
internal static class Mutation
{
    private static readonly string[] s_tokens =
    [
        "{", "}", "[", "]", "\"", ",", ":", "null", "NaN", "-Infinity", "1e999", "-0", "99999999999999999999999",
        "\"\\ud800\"", "\"\\u0000\"", "\"x\\\"", new string('[', 200), "{\"a\":" + new string('[', 70), "\u00e9", "\uFEFF",
    ];

    private static readonly string[] s_values = ["1", "\"1\"", "true", "null", "[]", "{}", "\"\"", "1.5e308", "-1", "\"2026-13-45T99:99:99Z\"", "\"=cmd|' /C calc'!A0\""];

    /// <summary>One to three mutations of <paramref name="valid"/>.</summary>
    public static Gen<byte[]> Of(byte[] valid) =>
        Gen.Int[1, 3].SelectMany(count => Step(valid.Length).Array[count]).Select(steps => steps.Aggregate(valid, (body, step) => step(body)));

    private static Gen<Func<byte[], byte[]>> Step(int length) => Gen.OneOf(
        Gen.Select(Gen.Int[0, Math.Max(0, length - 1)], Gen.Byte, (at, value) => (Func<byte[], byte[]>)(b => Flip(b, at, value))),
        Gen.Int[0, length].Select(at => (Func<byte[], byte[]>)(b => b[..Math.Min(at, b.Length)])),
        Gen.Select(Gen.Int[0, length], Gen.Int[0, s_tokens.Length - 1], (at, token) => (Func<byte[], byte[]>)(b => Insert(b, at, s_tokens[token]))),
        Gen.Select(Gen.Int[0, 50], Gen.Int[0, s_values.Length - 1], (nth, value) => (Func<byte[], byte[]>)(b => SwapValue(b, nth, s_values[value]))));

    private static byte[] Flip(byte[] body, int at, byte value)
    {
        if (body.Length == 0)
        {
            return body;
        }
        var copy = (byte[])body.Clone();
        copy[at % copy.Length] = value;
        return copy;
    }

    private static byte[] Insert(byte[] body, int at, string token)
    {
        at = Math.Min(at, body.Length);
        return [.. body[..at], .. Encoding.UTF8.GetBytes(token), .. body[at..]];
    }

    // The nth value after a colon (wrapping around) is replaced by one of another type.
    private static byte[] SwapValue(byte[] body, int nth, string value)
    {
        var text = Encoding.UTF8.GetString(body);
        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToList();
        if (colons.Count == 0)
        {
            return body;
        }
        var start = colons[nth % colons.Count] + 1;
        var end = start;
        var depth = 0;
        var quoted = false;
        for (; end < text.Length; end++)
        {
            var c = text[end];
            if (quoted)
            {
                quoted = c != '"' || text[end - 1] == '\\';
                continue;
            }
            if (c == '"')
            {
                quoted = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                if (depth == 0)
                {
                    break;
                }
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                break;
            }
        }
        return Encoding.UTF8.GetBytes(text[..start] + value + text[end..]);
    }
}

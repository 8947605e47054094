using System.Globalization;
using System.Text;
using CsCheck;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Literals;

/// <summary>
/// Every value ClickHouseLiteral renders must reach the real server unchanged: the bytes of a
/// string (compared as hex of the UTF-8 computed here), the exact bits of a double, the exact
/// integer, the second of a time.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseLiteralRoundTripTests(ClickHouseServers servers)
{
    // Pieces that break naive escaping: quotes, backslash escapes, comments, statement ends,
    // control characters (NUL included), DEL, format-looking text and placeholders.
    private static readonly string[] s_tricky =
    [
        "'", "\\", "\\'", "'\\\\'", "''", "--", "/*", "*/", ";", "\0", "\n", "\r", "\t", "\u007f", "\u001b", "\b", "\f",
        "\\x41", "\\0", "\\N", "?", "{x}", "$1", "%s", "`", "\"", "FORMAT JSON", "\u0085", "\u2028", "\ufeff",
    ];

    private static readonly Gen<string> s_scalar = Gen.Frequency(
        (3, Gen.Char[' ', '~'].Select(c => c.ToString())),
        (2, Gen.OneOf(s_tricky)),
        (2, Gen.Char['\0', '\u001f'].Select(c => c.ToString())),
        (2, Gen.Int[0x80, 0xD7FF].Select(char.ConvertFromUtf32)),
        (1, Gen.Int[0xE000, 0xFFFF].Select(char.ConvertFromUtf32)),
        (2, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    private static readonly Gen<string> s_text = s_scalar.Array[0, 12].Select(string.Concat);

    [SkippableFact]
    public async Task Strings_of_any_unicode_reach_the_server_byte_for_byte()
    {
        ClickHouseRequirement.Check();
        using var probe = new ServerProbe(servers.Single!);
        await s_text.Array[40].SampleAsync(async texts =>
        {
            var values = await probe.ValuesAsync([.. texts.Select(t => $"hex({ClickHouseLiteral.Render(t)})")]);
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(Convert.ToHexString(Encoding.UTF8.GetBytes(texts[i])), values[i]);
            }
        }, iter: 40, threads: 1);
    }

    [SkippableFact]
    public async Task Strings_are_one_operand_whatever_follows_them()
    {
        ClickHouseRequirement.Check();
        using var probe = new ServerProbe(servers.Single!);
        // length() of the literal counts bytes: the literal must stay one String wherever it ends.
        await s_text.Array[40].SampleAsync(async texts =>
        {
            var values = await probe.ValuesAsync([.. texts.Select(t => $"length({ClickHouseLiteral.Render(t)}) + 0")]);
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal((long)Encoding.UTF8.GetByteCount(texts[i]), values[i]);
            }
        }, iter: 10, threads: 1);
    }

    [SkippableFact]
    public async Task Integers_of_every_size_reach_the_server_exactly()
    {
        ClickHouseRequirement.Check();
        using var probe = new ServerProbe(servers.Single!);
        var edges = new[] { long.MinValue, long.MinValue + 1, -1L, 0L, 1L, long.MaxValue, int.MinValue, int.MaxValue };
        await Gen.Long.Array[60].SampleAsync(async numbers =>
        {
            long[] all = [.. edges, .. numbers];
            // "0 - x" would misparse a literal that does not bind as one operand.
            var values = await probe.ValuesAsync([.. all.Select(n => $"toString(0 - {ClickHouseLiteral.Render(n)})")]);
            for (var i = 0; i < all.Length; i++)
            {
                var expected = all[i] == long.MinValue ? long.MinValue : -all[i];
                Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), values[i]);
            }
        }, iter: 20, threads: 1);
    }

    [SkippableFact]
    public async Task Doubles_reach_the_server_bit_for_bit()
    {
        ClickHouseRequirement.Check();
        using var probe = new ServerProbe(servers.Single!);
        // Random bit patterns cover every exponent, subnormals included; the edges are named.
        var edges = new[] { 0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 2.2250738585072014E-308, 0.1, 1e15, 1e16, -1.5 };
        var finite = Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite);
        await Gen.Frequency((3, finite), (1, Gen.Double[-1e6, 1e6])).Array[60].SampleAsync(async numbers =>
        {
            double[] all = [.. edges, .. numbers];
            // The server's shortest round-trip text, read back here, must have the very same bits;
            // "0 - x" checks that a negative literal binds as one operand.
            var values = await probe.ValuesAsync([.. all.SelectMany(n => new[] { $"toString({ClickHouseLiteral.Render(n)})", $"toString(0 - {ClickHouseLiteral.Render(n)})" })]);
            for (var i = 0; i < all.Length; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(all[i]) == BitConverter.DoubleToInt64Bits(double.Parse((string)values[2 * i]!, CultureInfo.InvariantCulture)),
                    $"{all[i]:R} came back as {values[2 * i]}");
                Assert.Equal(-all[i], double.Parse((string)values[2 * i + 1]!, CultureInfo.InvariantCulture));
            }
        }, iter: 30, threads: 1);
    }

    [SkippableFact]
    public async Task Booleans_and_null_reach_the_server_as_one_zero_and_null()
    {
        ClickHouseRequirement.Check();
        using var probe = new ServerProbe(servers.Single!);
        var values = await probe.ValuesAsync(
            [$"toString({ClickHouseLiteral.Render(true)})", $"toString({ClickHouseLiteral.Render(false)})", $"isNull({ClickHouseLiteral.Render(null)})"]);
        Assert.Equal(["1", "0", 1L], values);
    }

    [SkippableFact]
    public async Task Whole_second_times_reach_the_server_as_the_same_instant_in_utc()
    {
        ClickHouseRequirement.Check();
        using var probe = new ServerProbe(servers.Single!);
        var epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var seconds = Gen.Long[0, (long)(new DateTime(2105, 12, 31, 23, 59, 59, DateTimeKind.Utc) - epoch).TotalSeconds];
        var kinds = Gen.OneOf(DateTimeKind.Utc, DateTimeKind.Unspecified);
        await Gen.Select(seconds, kinds).Array[60].SampleAsync(async times =>
        {
            // The test servers run in Asia/Kolkata, so a literal read in the server's zone would be 19800 s off.
            var values = await probe.ValuesAsync([.. times.Select(t =>
                $"toUnixTimestamp({ClickHouseLiteral.Render(DateTime.SpecifyKind(epoch.AddSeconds(t.Item1), t.Item2))})")]);
            for (var i = 0; i < times.Length; i++)
            {
                Assert.Equal(times[i].Item1, values[i]);
            }
        }, iter: 20, threads: 1);
    }

    [SkippableFact]
    public async Task Dates_reach_the_server_as_the_same_day()
    {
        ClickHouseRequirement.Check();
        using var probe = new ServerProbe(servers.Single!);
        var epoch = new DateOnly(1970, 1, 1).DayNumber;
        await Gen.Int[epoch, new DateOnly(2105, 12, 31).DayNumber].Array[60].SampleAsync(async days =>
        {
            // A Date is stored as days since 1970-01-01 (toString shows that day itself as 0000-00-00).
            var values = await probe.ValuesAsync([.. days.Select(d => $"toUInt16({ClickHouseLiteral.Render(DateOnly.FromDayNumber(d))})")]);
            for (var i = 0; i < days.Length; i++)
            {
                Assert.Equal((long)(days[i] - epoch), values[i]);
            }
        }, iter: 10, threads: 1);
    }
}

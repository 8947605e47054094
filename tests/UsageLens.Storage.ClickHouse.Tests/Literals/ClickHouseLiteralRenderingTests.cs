namespace UsageLens.Storage.ClickHouse.Tests.Literals;

/// <summary>The exact text of tricky literals, written out by hand, and the values that have no literal.</summary>
public sealed class ClickHouseLiteralRenderingTests
{
    [Theory]
    [InlineData("", "''")]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData(@"\'", @"'\\\''")]
    [InlineData(@"'\\'", @"'\'\\\\\''")]
    [InlineData("x') OR 1=1 --", @"'x\') OR 1=1 --'")]
    [InlineData("a;/*b*/--c", "'a;/*b*/--c'")]
    [InlineData("nul\0end", @"'nul\x00end'")]
    [InlineData("line\nfeed\ttab\rreturn", @"'line\x0afeed\x09tab\x0dreturn'")]
    [InlineData("del\u007f", @"'del\x7f'")]
    [InlineData("esc\u001b\u001f", @"'esc\x1b\x1f'")]
    [InlineData("é€😀", "'é€😀'")]
    [InlineData("`\"", "'`\"'")]
    public void Strings_are_quoted_with_quotes_backslashes_and_control_characters_escaped(string text, string expected) =>
        Assert.Equal(expected, ClickHouseLiteral.Render(text));

    [Fact]
    public void Numbers_booleans_and_null_have_fixed_spellings()
    {
        Assert.Equal("NULL", ClickHouseLiteral.Render(null));
        Assert.Equal("1", ClickHouseLiteral.Render(true));
        Assert.Equal("0", ClickHouseLiteral.Render(false));
        Assert.Equal("42", ClickHouseLiteral.Render(42));
        Assert.Equal("(-42)", ClickHouseLiteral.Render(-42L));
        Assert.Equal("(-9223372036854775808)", ClickHouseLiteral.Render(long.MinValue));
        Assert.Equal("18446744073709551615", ClickHouseLiteral.Render(ulong.MaxValue));
        Assert.Equal("(-7)", ClickHouseLiteral.Render((short)-7));
    }

    [Fact]
    public void Doubles_are_exact_number_literals_and_subnormals_an_exact_product()
    {
        Assert.Equal("toFloat64(0.1)", ClickHouseLiteral.Render(0.1));
        Assert.Equal("toFloat64(-1.5)", ClickHouseLiteral.Render(-1.5));
        Assert.Equal("toFloat64(3.0)", ClickHouseLiteral.Render(3.0));
        Assert.Equal("toFloat64(-0.0)", ClickHouseLiteral.Render(-0.0));
        Assert.Equal("toFloat64(10000000000000000.0)", ClickHouseLiteral.Render(1e16));
        Assert.Equal("toFloat64(1E+300)", ClickHouseLiteral.Render(1e300));
        Assert.Equal("toFloat64(1.7976931348623157E+308)", ClickHouseLiteral.Render(double.MaxValue));
        Assert.Equal("toFloat64(0.25)", ClickHouseLiteral.Render(0.25f));
        Assert.Equal("toFloat64(2.5)", ClickHouseLiteral.Render(2.5m));
        // 5E-324 is 1 step of 2^-1074; -3 steps is -1.5E-323.
        Assert.Equal("(toFloat64(1) * 2.2250738585072014E-308 * 2.220446049250313E-16)", ClickHouseLiteral.Render(double.Epsilon));
        Assert.Equal("(toFloat64(-3) * 2.2250738585072014E-308 * 2.220446049250313E-16)", ClickHouseLiteral.Render(-3 * double.Epsilon));
    }

    [Fact]
    public void Times_are_utc_seconds_and_dates_are_days()
    {
        Assert.Equal("toDateTime('2026-11-15 13:05:09', 'UTC')", ClickHouseLiteral.Render(new DateTime(2026, 11, 15, 13, 5, 9, DateTimeKind.Utc)));
        Assert.Equal("toDateTime('2026-11-15 13:05:09', 'UTC')", ClickHouseLiteral.Render(new DateTime(2026, 11, 15, 13, 5, 9, DateTimeKind.Unspecified)));
        Assert.Equal("toDateTime('2026-11-15 08:05:09', 'UTC')",
            ClickHouseLiteral.Render(new DateTimeOffset(2026, 11, 15, 13, 5, 9, TimeSpan.FromHours(5))));
        Assert.Equal("toDate('2026-02-28')", ClickHouseLiteral.Render(new DateOnly(2026, 2, 28)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_refused(double value)
    {
        Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render(value));
        Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render((float)value));
    }

    [Fact]
    public void A_time_with_a_fraction_of_a_second_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(1)));
        Assert.Contains("fraction", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1)));
    }

    // 18.16 stores DateTime as UInt32 seconds and its date table ends with 2105: out of range, the
    // text of a literal wraps silently (1969-12-31 23:59:59 reads as 1970-01-01 23:59:59).
    [Theory]
    [InlineData("1969-12-31T23:59:59")]
    [InlineData("2106-01-01T00:00:00")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("9999-12-31T23:59:59")]
    public void A_time_clickhouse_cannot_hold_is_refused(string time)
    {
        var value = DateTime.SpecifyKind(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var error = Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render(value));
        Assert.Contains("1970-01-01", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render(DateOnly.FromDateTime(value)));
    }

    [Fact]
    public void The_first_and_last_second_clickhouse_holds_are_rendered()
    {
        Assert.Equal("toDateTime('1970-01-01 00:00:00', 'UTC')", ClickHouseLiteral.Render(DateTime.UnixEpoch));
        Assert.Equal("toDateTime('2105-12-31 23:59:59', 'UTC')", ClickHouseLiteral.Render(new DateTime(2105, 12, 31, 23, 59, 59, DateTimeKind.Utc)));
        Assert.Equal("toDate('1970-01-01')", ClickHouseLiteral.Render(new DateOnly(1970, 1, 1)));
        Assert.Equal("toDate('2105-12-31')", ClickHouseLiteral.Render(new DateOnly(2105, 12, 31)));
    }

    [Fact]
    public void Values_of_other_types_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render(Guid.Empty));
        Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render('x'));
        Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render(new[] { "a" }));
        Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render(TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentException>(() => ClickHouseLiteral.Render(new object()));
    }
}

using System.Globalization;
using CsCheck;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import.Tests;

/// <summary>
/// Parquet columns that already have the stored type are checked and stored as they are, without going through
/// their text; what lands must be exactly the value written, and a bad value must still be refused with its row.
/// </summary>
public sealed class TypedParquetImportTests
{
    private static readonly long s_earliest = Micros(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly long s_latest = Micros(new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Instants_doubles_and_integers_are_stored_exactly_as_written()
    {
        var row = Gen.Select(Gen.Long[s_earliest, s_latest], Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite), Gen.Long);
        row.Array[1, 30].Sample(rows =>
        {
            using var fixture = new ImportFixture();
            var file = fixture.PathOf("typed.parquet");
            WriteParquet(fixture, file, "DOUBLE", rows.Select(r => (r.Item1, (object)r.Item2)));
            var integers = fixture.PathOf("integers.parquet");
            WriteParquet(fixture, integers, "BIGINT", rows.Select(r => (r.Item1, (object)r.Item3)));

            fixture.Import(ImportKind.Events, file).GetAwaiter().GetResult();
            fixture.Import(ImportKind.Events, integers).GetAwaiter().GetResult();

            var expected = rows.SelectMany((r, i) => new object?[][]
            {
                [$"BIGINT-{i}", DateTime.UnixEpoch.AddTicks(r.Item1 * 10), (double)r.Item3],
                [$"DOUBLE-{i}", DateTime.UnixEpoch.AddTicks(r.Item1 * 10), r.Item2],
            }).OrderBy(r => (string)r[0]!, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, fixture.Rows("SELECT id, timestamp, quantity FROM events ORDER BY id COLLATE \"binary\""));
        }, iter: 40);
    }

    [Fact]
    public async Task A_float_column_stores_the_number_it_prints_as_a_csv_cell_would()
    {
        using var fixture = new ImportFixture();
        var file = fixture.PathOf("float.parquet");
        fixture.Execute("""
            COPY (SELECT 'f1' AS id, TIMESTAMPTZ '2026-10-01 00:00:00+00' AS timestamp, 'acct-1' AS account_id, 'e' AS event,
                         CAST(0.1 AS FLOAT) AS quantity)
            TO $1 (FORMAT parquet)
            """, file);

        await fixture.Import(ImportKind.Events, file);

        Assert.Equal(0.1d, fixture.Scalar("SELECT quantity FROM events"));
    }

    [Theory]
    [InlineData("'NaN'::DOUBLE", "row 2: quantity 'nan' is not a finite number")]
    [InlineData("'-Infinity'::DOUBLE", "row 2: quantity '-inf' is not a finite number")]
    public async Task A_typed_value_that_breaks_a_rule_is_refused_with_its_row_and_nothing_is_stored(string quantity, string reason)
    {
        using var fixture = new ImportFixture();
        var file = fixture.PathOf("bad.parquet");
        fixture.Execute($"""
            COPY (SELECT 'b' || i AS id, TIMESTAMPTZ '2026-10-01 00:00:00+00' AS timestamp, 'acct-1' AS account_id, 'e' AS event,
                         CASE WHEN i = 2 THEN {quantity} ELSE 1.0 END AS quantity
                  FROM range(1, 4) r(i))
            TO $1 (FORMAT parquet)
            """, file);

        var error = await fixture.Refused(ImportKind.Events, file);

        Assert.Equal($"{file} {reason}", error);
        Assert.All(fixture.Counts(), count => Assert.Equal(0L, count));
    }

    private static void WriteParquet(ImportFixture fixture, string file, string quantityType, IEnumerable<(long Micros, object Quantity)> rows)
    {
        using var connection = fixture.Workspace.OpenConnection();
        DuckDbCommands.Execute(connection, $"CREATE TEMP TABLE given (id VARCHAR, timestamp TIMESTAMPTZ, account_id VARCHAR, event VARCHAR, quantity {quantityType})");
        var i = 0;
        foreach (var (micros, quantity) in rows)
        {
            DuckDbCommands.Execute(connection, $"INSERT INTO given VALUES ($1, make_timestamp($2) AT TIME ZONE 'UTC', 'acct-1', 'e', $3)",
                string.Create(CultureInfo.InvariantCulture, $"{quantityType}-{i++}"), micros, quantity);
        }
        DuckDbCommands.Execute(connection, "COPY given TO $1 (FORMAT parquet)", file);
    }

    private static long Micros(DateTime instant) => (instant - DateTime.UnixEpoch).Ticks / 10;
}

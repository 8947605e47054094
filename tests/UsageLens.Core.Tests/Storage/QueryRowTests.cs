using UsageLens.Core.Sql;
using UsageLens.Core.Storage;

namespace UsageLens.Core.Tests.Storage;

public sealed class QueryRowTests
{
    private static readonly SqlSelect s_query = new(
        [new(new SqlColumn("a", "account_id"), "account_id"), new(new SqlColumn("a", "mrr"), "value"), new(new SqlColumn("a", "created_at"), "created_at")],
        new SqlTable(WorkspaceTable.Accounts, "a"));

    [Fact]
    public void Values_are_read_by_the_planners_output_names()
    {
        var row = QueryColumns.Rows(s_query, [["a1", 12L, new DateTime(2026, 3, 4, 5, 6, 7)]]).Single();

        Assert.Equal("a1", row.GetString("account_id"));
        Assert.Equal(12d, row.GetDouble("value"));
        Assert.Equal(DateTimeKind.Utc, row.GetInstant("created_at").Kind);
        Assert.Equal(new DateOnly(2026, 3, 4), row.GetDate("created_at"));
        Assert.Equal("2026-03-04", row.GetText("created_at"));
    }

    [Fact]
    public void Sql_null_reads_as_null_or_as_an_empty_sum()
    {
        var row = QueryColumns.Rows(s_query, [["a1", null, null]]).Single();

        Assert.Null(row.GetNullableDouble("value"));
        Assert.Equal(0d, row.GetDouble("value"));
        Assert.Null(row.GetNullableInstant("created_at"));
        Assert.Throws<InvalidCastException>(() => row.GetDateTime("created_at"));
    }

    [Fact]
    public void A_name_the_statement_does_not_output_is_refused_with_the_names_it_has()
    {
        var row = QueryColumns.Rows(s_query, [["a1", 1d, null]]).Single();

        var error = Assert.Throws<KeyNotFoundException>(() => row.GetString("value_"));

        Assert.Contains("account_id, value, created_at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_more_values_than_output_names_is_refused()
    {
        Assert.Throws<ArgumentException>(() => QueryColumns.Rows(s_query, [["a1", 1d, null, "extra"]]));
    }
}

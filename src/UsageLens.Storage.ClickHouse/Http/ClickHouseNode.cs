using System.Net.Http.Headers;
using System.Text;

namespace UsageLens.Storage.ClickHouse.Http;

/// <summary>
/// One ClickHouse server, spoken to over its HTTP interface (which every release since 1.1 keeps
/// stable, unlike the native drivers). Each statement travels as a POST body; inserted rows travel
/// as JSONEachRow data after a constant INSERT statement, so values never enter SQL text.
/// </summary>
internal sealed class ClickHouseNode(HttpClient http, Uri endpoint, string? database)
{
    // join_use_nulls: an unmatched LEFT JOIN row reads NULL, not '' or 0, as in SQL.
    // distributed_product_mode=global: a subquery over a Distributed table inside a distributed
    // query is run once and shipped to the shards instead of being refused.
    // insert_distributed_sync: an insert into a Distributed table returns once every shard has it,
    // so acknowledging a batch means it is stored.
    private const string Settings =
        "join_use_nulls=1&distributed_product_mode=global&insert_distributed_sync=1"
        + "&output_format_json_quote_64bit_integers=0&max_query_size=16777216";

    public Uri Endpoint => endpoint;

    public Task ExecuteAsync(string sql, CancellationToken cancellationToken) =>
        SendAsync(Url(null), sql, cancellationToken);

    /// <summary>
    /// Runs a statement under <paramref name="queryId"/> (the server refuses a second statement with the same id while
    /// the first runs, and lists it in <c>system.processes</c> until it ends) with extra <paramref name="settings"/>
    /// (constant <c>name=value</c> pairs joined by <c>&amp;</c>).
    /// </summary>
    public Task ExecuteAsync(string sql, string queryId, string settings, CancellationToken cancellationToken) =>
        SendAsync(new Uri(Url(null) + "&query_id=" + Uri.EscapeDataString(queryId) + "&" + settings), sql, cancellationToken);

    public async Task<ClickHouseRows> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        var body = await SendAsync(Url(null), sql + " FORMAT JSONCompact", cancellationToken).ConfigureAwait(false);
        return ClickHouseRows.Parse(body);
    }

    /// <summary>
    /// Runs a query that reads <paramref name="table"/>, a temporary table sent along as data (ClickHouse's
    /// "external data"). A long list of values travels as rows rather than as SQL, which ClickHouse parses
    /// far faster and without the statement size limits; a Distributed query ships it to every shard.
    /// </summary>
    public async Task<ClickHouseRows> QueryAsync(string sql, ExternalTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var url = new Uri(Url(sql + " FORMAT JSONCompact") + $"&{table.Name}_structure={Uri.EscapeDataString(table.Structure)}&{table.Name}_format=JSONEachRow");
        using var form = new MultipartFormDataContent();
        using var rows = new StringContent(table.Rows, Encoding.UTF8);
        form.Add(rows, table.Name, table.Name);
        var body = await PostAsync(url, form, sql, cancellationToken).ConfigureAwait(false);
        return ClickHouseRows.Parse(body);
    }

    /// <summary>Inserts JSONEachRow lines into <paramref name="table"/> (a constant name) in one block.</summary>
    public Task InsertAsync(string table, IReadOnlyList<string> columns, string rows, CancellationToken cancellationToken) =>
        SendAsync(Url($"INSERT INTO {table} ({string.Join(", ", columns)}) FORMAT JSONEachRow"), rows, cancellationToken);

    private Uri Url(string? statement)
    {
        var url = new StringBuilder(endpoint.ToString()).Append('?').Append(Settings);
        if (database is not null)
        {
            url.Append("&database=").Append(Uri.EscapeDataString(database));
        }
        if (statement is not null)
        {
            url.Append("&query=").Append(Uri.EscapeDataString(statement));
        }
        return new Uri(url.ToString());
    }

    private async Task<string> SendAsync(Uri url, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        var statement = url.Query.Contains("&query=", StringComparison.Ordinal) ? Uri.UnescapeDataString(url.Query) : body;
        return await PostAsync(url, content, statement, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> PostAsync(Uri url, HttpContent content, string statement, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ClickHouseUnavailableException($"cannot reach ClickHouse at {endpoint.Authority}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClickHouseUnavailableException($"ClickHouse at {endpoint.Authority} did not answer in time", ex);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ClickHouseException($"ClickHouse at {endpoint.Authority}: {FirstLine(text)}", statement);
            }
            return text;
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().Trim();
        var end = line.IndexOfAny('\n', '\r');
        return (end >= 0 ? line[..end] : line).ToString();
    }
}

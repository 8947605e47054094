using System.Net;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>
/// Sends every malformed request of <c>Corpus/bad-requests.jsonl</c> to a real server: the expected status (never
/// 500), an error naming the field, no rows written by a refusal, and a server that still answers afterwards.
/// </summary>
public sealed class BadRequestCorpusTests(CorpusServer corpus) : IClassFixture<CorpusServer>
{
    public static TheoryData<string> Cases => [.. BadRequest.All.Select(c => c.Name)];

    [Fact]
    public void The_corpus_holds_at_least_300_cases_with_unique_names()
    {
        Assert.True(BadRequest.All.Count >= 300, $"{BadRequest.All.Count} cases");
        Assert.Equal(BadRequest.All.Count, BadRequest.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_request_is_refused_by_name_and_writes_nothing(string name)
    {
        var bad = BadRequest.Named(name);
        var before = corpus.Counts();

        using var response = await corpus.Client(bad.Key).SendAsync(bad.ToRequest());
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(bad.Status == (int)response.StatusCode, $"{name}: expected {bad.Status}, got {(int)response.StatusCode}: {body}");
        var text = CorpusServer.TextOf(body);
        foreach (var expected in bad.Names)
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{name}: the error does not name '{expected}': {body}");
        }
        var after = corpus.Counts();
        foreach (var (table, count) in before)
        {
            var written = after[table] - count;
            var expected = bad.Writes.GetValueOrDefault(table);
            // Accepted cases may register a meter the first time an event name is seen; refusals write nothing at all.
            Assert.True(written == expected || (table == "meters" && bad.Writes.Count > 0 && written <= 1),
                $"{name}: {written} rows written to {table}, expected {expected}");
        }
        await corpus.AssertStillAnswersAsync();
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}

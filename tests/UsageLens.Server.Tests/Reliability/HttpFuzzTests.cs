using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using UsageLens.Server.Tests.Support;
using Xunit.Abstractions;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>
/// Bounded fuzzing of the HTTP endpoints with CsCheck: valid ingestion batches, questions and KPI query strings,
/// randomly damaged. No answer is a 500, a refused request writes nothing, and the server keeps answering.
/// Runs 30 s by default; USAGELENS_FUZZ_SECONDS=600 runs longer (see docs/reliability.md).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class HttpFuzzTests(CorpusServer corpus, ITestOutputHelper output) : IClassFixture<CorpusServer>
{
    private static readonly (string Path, string MediaType, string Body)[] s_writes =
    [
        ("/v1/batch", "application/json", """{"sentAt": "2026-10-02T00:00:00Z", "batch": [{"type": "group", "messageId": "fz-g", "userId": "fz-u", "groupId": "fz-acct", "traits": {"name": "Fuzz Ltd", "revenue": 10, "plan": "pro"}}, {"type": "track", "messageId": "fz-t", "event": "fuzz_call", "userId": "fz-u", "context": {"groupId": "fz-acct"}, "originalTimestamp": "2026-10-01T10:00:00Z", "properties": {"quantity": 2, "unit": "count", "product": "api", "colour": "blue"}}, {"type": "identify", "messageId": "fz-i", "userId": "fz-u", "traits": {"email": "f@fuzz.example"}}]}"""),
        ("/v1/track", "application/json", """{"messageId": "fz-1", "event": "fuzz_call", "userId": "fz-u", "context": {"groupId": "fz-acct"}, "timestamp": "2026-10-01T10:00:00Z", "properties": {"quantity": 3}}"""),
        ("/v1/group", "application/json", """{"userId": "fz-u", "groupId": "fz-acct", "traits": {"name": "Fuzz Ltd", "revenue": 10, "partner_id": "p-fuzz"}}"""),
        ("/batch", "application/json", """{"api_key": "", "batch": [{"event": "fuzz_call", "distinct_id": "fz-u", "uuid": "0b9b0b2e-0000-4000-8000-00000000f000", "timestamp": "2026-10-01T10:00:00Z", "properties": {"$groups": {"company": "fz-acct"}, "quantity": 1}}]}"""),
        ("/api/v1/events", "application/cloudevents-batch+json", """[{"specversion": "1.0", "id": "fz-ce", "source": "fuzz", "type": "fuzz_call", "subject": "fz-acct", "time": "2026-10-01T10:00:00Z", "data": {"quantity": 4, "unit": "count"}}]"""),
        ("/api/v1/ask", "application/json", """{"question": "api calls last month by segment", "as_of": "2026-11-15"}"""),
    ];

    private static readonly string[] s_queries =
    [
        "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&group-by=segment&where=revenue%3E%3D10",
        "/api/v1/kpi/top-customer-share?metric=api_call&period=last-month&as-of=2026-11-15&top=20%25&rank-by=revenue",
        "/api/v1/insights/trend?kpi=usage&metric=api_call&grain=week&as-of=2026-11-15",
    ];

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("USAGELENS_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 30;

    [Fact]
    public async Task Damaged_bodies_never_get_a_500_and_refused_ones_write_nothing()
    {
        var iterations = 0;
        var gen = Gen.Int[0, s_writes.Length - 1].SelectMany(i => Mutation.Of(Encoding.UTF8.GetBytes(s_writes[i].Body)).Select(body => (Seed: i, Body: body)));

        await gen.SampleAsync(async sample =>
        {
            var (path, media, _) = s_writes[sample.Seed];
            var before = corpus.Counts();
            using var content = new ByteArrayContent(sample.Body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(media);
            using var response = await corpus.Client(path == "/api/v1/ask" ? "analyst" : "writer").PostAsync(new Uri(path, UriKind.Relative), content);
            var after = corpus.Counts();
            Interlocked.Increment(ref iterations);
            Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.True(response.StatusCode == HttpStatusCode.OK || before.All(b => after[b.Key] == b.Value), $"{path} refused with {(int)response.StatusCode} but wrote rows");
        }, time: Seconds, threads: 1, print: s => $"{s_writes[s.Seed].Path} {Convert.ToBase64String(s.Body)}");

        await corpus.AssertStillAnswersAsync();
        output.WriteLine($"{iterations} damaged bodies");
    }

    [Fact]
    public async Task Damaged_query_strings_never_get_a_500()
    {
        var iterations = 0;
        var gen = Gen.Int[0, s_queries.Length - 1].SelectMany(i => Mutation.Of(Encoding.UTF8.GetBytes(s_queries[i])).Select(uri => (Seed: i, Uri: uri)));

        await gen.SampleAsync(async sample =>
        {
            // Whatever the bytes, they travel percent-encoded after the path, as a client would send them.
            var text = Encoding.UTF8.GetString(sample.Uri);
            var query = text.Contains('?', StringComparison.Ordinal) ? text[(text.IndexOf('?', StringComparison.Ordinal) + 1)..] : text;
            var path = s_queries[sample.Seed].Split('?')[0];
            var encoded = string.Join("&", query.Split('&').Select(pair => string.Join("=", pair.Split('=', 2).Select(Uri.EscapeDataString))));
            using var response = await corpus.Client("analyst").GetAsync(new Uri(path + "?" + encoded, UriKind.Relative));
            Interlocked.Increment(ref iterations);
            Assert.True((int)response.StatusCode < 500, $"{path}?{encoded} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }, time: Seconds / 2, threads: 1, print: s => Encoding.UTF8.GetString(s.Uri));

        await corpus.AssertStillAnswersAsync();
        output.WriteLine($"{iterations} damaged query strings");
    }
}

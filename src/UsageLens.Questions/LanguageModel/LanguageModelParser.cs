using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;

namespace UsageLens.Questions.LanguageModel;

/// <summary>
/// The optional language-model adapter: asks an OpenAI-compatible <c>/chat/completions</c> endpoint
/// for the same structured query the offline parser produces (never SQL), reads it with
/// <see cref="QueryAskJson"/> (unknown keys refused) and has <see cref="AskValidator"/> check it.
/// </summary>
public sealed class LanguageModelParser(HttpClient http, LanguageModelOptions options, AskValidator validator, DateOnly today)
{
    public async Task<StructuredQuery> ParseAsync(string question, IEnumerable<string> meters, CancellationToken cancellationToken)
    {
        var text = QuestionText.Check(question);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Url + "/chat/completions"))
        {
            Content = new StringContent(RequestBody(text, meters), Encoding.UTF8, "application/json"),
        };
        if (options.Key is { } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new UsageLensException($"the language model at {options.Url} answered HTTP {(int)response.StatusCode}");
        }
        var asks = ReadAsks(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        validator.Check(asks);
        return new StructuredQuery(text, asks, Interpretation.Of(asks)) { ReadBy = "language model" };
    }

    internal static IReadOnlyList<QueryAsk> ReadAsks(string responseBody)
    {
        try
        {
            using var response = JsonDocument.Parse(responseBody);
            var content = response.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()
                ?? throw new UsageLensException("the language model's answer has no content");
            using var query = JsonDocument.Parse(content);
            if (query.RootElement.ValueKind != JsonValueKind.Object || !query.RootElement.TryGetProperty("asks", out var asks) || asks.ValueKind != JsonValueKind.Array
                || query.RootElement.EnumerateObject().Any(p => p.Name != "asks"))
            {
                throw new UsageLensException("the language model's answer must be exactly {\"asks\": [...]}");
            }
            return [.. asks.EnumerateArray().Select((a, i) => QueryAskJson.Read(a, $"language model asks[{i}]"))];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new UsageLensException($"the language model's answer is not the structured query JSON: {ex.Message}", ex);
        }
    }

    private string RequestBody(string question, IEnumerable<string> meters)
    {
        var system = $"""
            Translate the user's analytics question into JSON {"{"}"asks": [ask, ...]{"}"} and nothing else. Never write SQL.
            An ask has: kpi (one of {string.Join(", ", KpiCatalog.All.Select(k => k.Definition.Name))}) or insight ({string.Join(", ", InsightCatalog.All.Select(i => i.Name))});
            metric (one of {string.Join(", ", meters)}); from and to (YYYY-MM-DD, to excluded); grain (day, week, month, quarter); group_by (dimension names);
            where (dimension=value or dimension!=value); top ("20%" or "10"); bottom ("5"); rank_by (revenue, contract_value, cltv, mrr or a metric); top_where; options (name=value); variant; compare_from, compare_to.
            Today is {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; "last month" is the last complete calendar month.
            """;
        var request = new ChatRequestJson(options.Model, new ChatResponseFormatJson("json_object"), [new ChatMessageJson("system", system), new ChatMessageJson("user", question)]);
        return JsonSerializer.Serialize(request, LanguageModelJsonContext.Default.ChatRequestJson);
    }
}

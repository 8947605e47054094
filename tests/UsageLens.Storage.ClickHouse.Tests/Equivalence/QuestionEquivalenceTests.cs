using System.Text.Json.Nodes;
using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Core.Semantics;
using UsageLens.Questions;
using UsageLens.Questions.Answers;
using UsageLens.Questions.Evaluation;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Equivalence;

/// <summary>
/// Every question of the evaluation set (samples/questions/eval.jsonl) is answered alike on DuckDB,
/// one ClickHouse server and the two-shard cluster: the same interpretation, numbers and chart, or
/// the same refusal. Only the SQL text differs, being each engine's dialect.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class QuestionEquivalenceTests(ClickHouseServers servers)
{
    [SkippableFact]
    public async Task Every_evaluation_question_gives_the_same_answer_on_duckdb_one_clickhouse_server_and_a_two_shard_cluster()
    {
        ClickHouseRequirement.Check();
        var trio = await EngineTrio.SharedAsync(servers);
        var cases = EvalSet.Load(Path.Combine(AppContext.BaseDirectory, "eval.jsonl"));
        var failures = new List<string>();
        var answered = 0;
        foreach (var question in cases)
        {
            var answers = new JsonNode?[trio.Stores.Count];
            for (var engine = 0; engine < answers.Length; engine++)
            {
                answers[engine] = await AnswerAsync(question.Question, trio.Stores[engine]);
            }
            for (var engine = 1; engine < answers.Length; engine++)
            {
                if (JsonDifference.Find(answers[0], answers[engine], "$") is { } difference)
                {
                    failures.Add($"line {question.Line} '{question.Question}' on {EngineTrio.Engines[engine]}: {difference}");
                }
            }
            answered += answers[0] is JsonObject ? 1 : 0;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} differences:\n" + string.Join("\n", failures.Take(30)));
        Assert.True(cases.Count >= 200, $"only {cases.Count} questions");
        Assert.True(answered >= cases.Count * 0.8, $"only {answered} of {cases.Count} questions were answered");
    }

    private static async Task<JsonNode?> AnswerAsync(string question, Core.Storage.IQueryStore store)
    {
        try
        {
            var answer = await QuestionService.AnswerAsync(question, store, WorkspaceConfiguration.Empty, AccountScope.All, EngineTrio.Today, default, environment: _ => null);
            var json = JsonNode.Parse(AskJson.Serialize(answer))!.AsObject();
            json.Remove("sql");
            foreach (var item in json["answers"]?.AsArray() ?? [])
            {
                item?.AsObject().Remove("sql");
            }
            return json;
        }
        catch (QuestionNotUnderstoodException ex)
        {
            return JsonValue.Create("refused: " + ex.Message);
        }
        catch (UsageLensException ex)
        {
            return JsonValue.Create("error: " + ex.Message);
        }
    }
}

using System.CommandLine;
using UsageLens.Cli.Output;
using UsageLens.Core;
using UsageLens.Core.Semantics;
using UsageLens.Questions;
using UsageLens.Questions.Answers;
using UsageLens.Questions.Evaluation;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens ask "QUESTION"</c>: answers a free-text question with its interpretation, numbers and SQL;
/// <c>--eval FILE</c> scores an evaluation set per category and fails below the thresholds.
/// </summary>
internal static class AskCommand
{
    /// <summary>The day the evaluation set's relative dates were written for, unless --as-of says otherwise.</summary>
    public static readonly DateOnly EvalAsOf = new(2026, 11, 15);

    public static Command Create(CliEnvironment environment)
    {
        var question = new Argument<string?>("question") { Description = "The question, for example \"api calls last month by segment\"", Arity = ArgumentArity.ZeroOrOne };
        var eval = new Option<string?>("--eval") { Description = "Score an evaluation set (JSON Lines) per category instead; its dates are relative to 2026-11-15 unless --as-of is given" };
        var partner = new Option<string?>("--partner") { Description = "Scope to one channel partner's accounts" };
        var command = new Command("ask", "Answer a free-text question") { question, eval, partner };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CommonOptions.Format);
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
            var store = workspace.Queries;
            var configuration = CommonOptions.Configuration(parse);
            if (parse.GetValue(eval) is { } file)
            {
                var asOf = parse.GetValue(CommonOptions.AsOf) is null ? EvalAsOf : CommonOptions.Today(parse, environment.Clock);
                var parser = await QuestionService.ParserAsync(store, configuration, asOf, cancellationToken).ConfigureAwait(false);
                var report = EvalReport.Run(EvalSet.Load(file), parser);
                AskOutput.WriteEvaluation(environment, report);
                return report.MeetsThresholds ? CliApplication.Success : CliApplication.BadInput;
            }
            if (parse.GetValue(question) is not { } text)
            {
                await environment.Error.WriteLineAsync("error: ask a question, for example usagelens ask \"api calls last month\", or give --eval FILE").ConfigureAwait(false);
                return CliApplication.BadUsage;
            }
            var scope = parse.GetValue(partner) is { } partnerId ? AccountScope.Partner(partnerId) : AccountScope.All;
            try
            {
                var answer = await QuestionService.AnswerAsync(text, store, configuration, scope, CommonOptions.Today(parse, environment.Clock), cancellationToken).ConfigureAwait(false);
                AskOutput.Write(environment, format, answer);
                return CliApplication.Success;
            }
            catch (QuestionNotUnderstoodException refusal)
            {
                AskOutput.WriteRefusal(environment, format, refusal);
                return CliApplication.BadInput;
            }
            catch (UsageLensException ex) when (format == OutputFormat.Json)
            {
                environment.Out.WriteLine(AskJson.Error(ex.Message, [], []));
                return CliApplication.BadInput;
            }
        });
        return command;
    }
}

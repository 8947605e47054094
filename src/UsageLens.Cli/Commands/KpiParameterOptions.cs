using System.CommandLine;
using UsageLens.Core.Kpis;

namespace UsageLens.Cli.Commands;

/// <summary>
/// The options of <c>usagelens kpi</c> made from <see cref="KpiParameters.All"/>, one per parameter:
/// <c>--group-by</c> for a repeatable text, <c>--no-previous</c> for a switch that is on by default;
/// and the arguments read back through the same mapping the HTTP API uses.
/// </summary>
internal sealed class KpiParameterOptions
{
    private readonly IReadOnlyList<(KpiParameter Parameter, Option Option)> _options = [.. KpiParameters.All.Select(p => (p, Create(p)))];

    public IEnumerable<Option> Options => _options.Select(o => o.Option);

    /// <summary>The CLI spelling of a parameter: <c>--metric</c>, or <c>--no-previous</c> for a switch that is on by default.</summary>
    public static string OptionName(KpiParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Kind == KpiParameterKind.Switch && parameter.Default ? $"--no-{parameter.Name}" : $"--{parameter.Name}";
    }

    public KpiArguments Read(ParseResult parse, IReadOnlyList<string> options) =>
        KpiParameters.Read(p => Values(parse, p, _options.First(o => o.Parameter == p).Option), options);

    private static Option Create(KpiParameter parameter) => parameter switch
    {
        { Kind: KpiParameterKind.Switch } => new Option<bool>(OptionName(parameter))
        {
            Description = parameter.Default ? $"Turn off {char.ToLowerInvariant(parameter.Description[0])}{parameter.Description[1..]}" : parameter.Description,
        },
        { Repeatable: true } => new Option<string[]>(OptionName(parameter)) { Description = parameter.Description, AllowMultipleArgumentsPerToken = false },
        _ => new Option<string?>(OptionName(parameter)) { Description = parameter.Description },
    };

    // A switch given on the command line flips its default; an absent option gives no value.
    private static IReadOnlyList<string> Values(ParseResult parse, KpiParameter parameter, Option option) => option switch
    {
        Option<bool> flag => parse.GetValue(flag) ? [parameter.Default ? "false" : "true"] : [],
        Option<string[]> many => parse.GetValue(many) ?? [],
        Option<string?> one => parse.GetValue(one) is { } value ? [value] : [],
        _ => throw new InvalidOperationException($"{option.Name} is not an option made from a KPI parameter"),
    };
}

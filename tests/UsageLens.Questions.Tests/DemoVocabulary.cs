using UsageLens.Core.Semantics;

namespace UsageLens.Questions.Tests;

/// <summary>
/// The vocabulary of a demo workspace, written out by hand from what src/UsageLens.Core/Demo
/// generates: its meters, the CRM columns' values and the five channel partners.
/// </summary>
internal static class DemoVocabulary
{
    public static readonly DateOnly AsOf = new(2026, 11, 15);

    public static WorkspaceCatalog Catalog { get; } = new(
        new Dictionary<string, string>
        {
            ["api_call"] = "count", ["report_generated"] = "count", ["export"] = "count", ["dashboard_view"] = "count",
            ["login"] = "count", ["data_processed"] = "GB", ["storage_used"] = "GB", ["compute_minutes"] = "minutes",
        },
        new HashSet<string> { "domain", "industry" },
        new HashSet<string>(),
        new HashSet<string> { "template", "format", "method" });

    public static WorkspaceValues Values { get; } = new(
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["segment"] = ["enterprise", "mid-market", "smb"],
            ["region"] = ["APAC", "EMEA", "LATAM", "NA"],
            ["plan"] = ["enterprise", "growth", "pro", "starter", "trial"],
        },
        [("p-adatum", "Adatum Systems"), ("p-contoso", "Contoso Consulting"), ("p-fabrikam", "Fabrikam Solutions"), ("p-northwind", "Northwind Partners"), ("p-tailspin", "Tailspin Advisory")]);

    public static Vocabulary Vocabulary { get; } = Vocabulary.Build(Catalog, Values);

    public static QuestionParser Parser { get; } = new(Vocabulary, AsOf);

    public static StructuredQuery Parse(string question) => Parser.Parse(question);

    /// <summary>
    /// The same workspace with a few CRM accounts by name, as the demo names them ("Acme Robotics GmbH"),
    /// including two that share a first word ("Summit"), for the independent evaluation set.
    /// </summary>
    public static WorkspaceValues ValuesWithAccounts { get; } = Values with
    {
        Accounts =
        [
            ("acct-0001", "Acme Robotics GmbH"), ("acct-0002", "Bluefin Analytics"), ("acct-0042", "Customer 00042 Ltd"),
            ("acct-0107", "Harbor Media Inc."), ("acct-0300", "Summit Health"), ("acct-0301", "Summit Logistics"),
        ],
    };

    public static QuestionParser ParserWithAccounts { get; } = new(Vocabulary.Build(Catalog, ValuesWithAccounts), AsOf);
}

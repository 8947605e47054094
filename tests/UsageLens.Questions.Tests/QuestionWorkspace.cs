using System.Globalization;
using UsageLens.Core.Accounts;
using UsageLens.Core.Configuration;
using UsageLens.Core.Events;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Questions.Answers;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Questions.Tests;

/// <summary>A small in-memory DuckDB workspace built line by line, to answer questions against real SQL.</summary>
internal sealed class QuestionWorkspace : IDisposable
{
    private readonly List<UsageEvent> _events = [];
    private readonly List<AccountUpsert> _accounts = [];
    private readonly List<UserUpsert> _users = [];
    private int _nextEvent;

    public DuckDbWorkspace Workspace { get; } = DuckDbWorkspace.Open(":memory:");

    public IQueryStore Store => new DuckDbQueryStore(Workspace);

    public QuestionWorkspace Account(string id, double revenue, string segment, string? partner = null, string? region = null, string? plan = null, string? traitsJson = null, string? name = null)
    {
        _accounts.Add(new AccountUpsert(id, new Dictionary<AccountField, object?>
        {
            [AccountField.Revenue] = revenue,
            [AccountField.Segment] = segment,
            [AccountField.PartnerId] = partner,
            [AccountField.Region] = region,
            [AccountField.Plan] = plan,
            [AccountField.Name] = name,
        }, traitsJson));
        return this;
    }

    public QuestionWorkspace Partner(string id, string name)
    {
        using var connection = Workspace.OpenConnection();
        DuckDbCommands.Execute(connection, "INSERT INTO partners (partner_id, name) VALUES ($1, $2)", id, name);
        return this;
    }

    public QuestionWorkspace User(string id, string account, string email, string traitsJson)
    {
        _users.Add(new UserUpsert(id, account, email, null, traitsJson));
        return this;
    }

    public QuestionWorkspace Usage(string account, string day, double quantity, string @event = "api_call", string? user = null)
    {
        var timestamp = DateTime.SpecifyKind(DateTime.Parse(day, CultureInfo.InvariantCulture), DateTimeKind.Utc).AddHours(12);
        _events.Add(new UsageEvent($"e{_nextEvent++}", "", timestamp, account, user, @event, quantity, "count", null, null, null, null));
        return this;
    }

    public async Task<QuestionWorkspace> FlushAsync()
    {
        using var store = new DuckDbIngestionStore(Workspace);
        await store.WriteAsync(new IngestBatch([.. _events], [.. _accounts], [.. _users]), default);
        _events.Clear();
        _accounts.Clear();
        _users.Clear();
        return this;
    }

    public long Count(string table)
    {
        using var connection = Workspace.OpenConnection();
        return Convert.ToInt64(DuckDbCommands.Scalar(connection, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
    }

    public Task<AskAnswer> AskAsync(string question, AccountScope? scope = null, WorkspaceConfiguration? configuration = null) =>
        QuestionService.AnswerAsync(question, Store, configuration ?? WorkspaceConfiguration.Empty, scope ?? AccountScope.All, DemoVocabulary.AsOf, default);

    public void Dispose() => Workspace.Dispose();
}

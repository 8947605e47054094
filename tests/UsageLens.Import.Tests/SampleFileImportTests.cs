using UsageLens.Ingest.Files;

namespace UsageLens.Import.Tests;

/// <summary>The README's sample files must stay importable.</summary>
public sealed class SampleFileImportTests : IDisposable
{
    private readonly ImportFixture _fixture = new();

    [Fact]
    public async Task The_sample_files_import_cleanly()
    {
        var samples = SamplesDirectory();

        var accounts = await _fixture.Import(ImportKind.Accounts, Path.Combine(samples, "accounts.csv"));
        var subscriptions = await _fixture.Import(ImportKind.Subscriptions, Path.Combine(samples, "subscriptions.csv"));
        var events = await _fixture.Import(ImportKind.Events, Path.Combine(samples, "events.csv"));

        Assert.Equal((12L, 12L, 12L), (accounts.RowsStored, subscriptions.RowsStored, events.RowsStored));
        // Every event and subscription belongs to an account in accounts.csv.
        Assert.Equal(0L, _fixture.Long("SELECT count(*) FROM events WHERE account_id NOT IN (SELECT account_id FROM accounts)"));
        Assert.Equal(0L, _fixture.Long("SELECT count(*) FROM subscriptions WHERE account_id NOT IN (SELECT account_id FROM accounts)"));
        Assert.Equal(new DateTime(2026, 10, 1, 6, 12, 0), _fixture.Scalar("SELECT timestamp FROM events WHERE id = 'evt-0001'"));
    }

    private static string SamplesDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var samples = Path.Combine(directory.FullName, "samples");
            if (File.Exists(Path.Combine(samples, "events.csv")))
            {
                return samples;
            }
        }
        throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }

    public void Dispose() => _fixture.Dispose();
}

using System.Globalization;
using UsageLens.Core;

namespace UsageLens.Import.Tests;

/// <summary>
/// Imports every malformed file of <c>Corpus/bad-files.jsonl</c> after a valid one in the same command: the import is
/// refused with a message naming the file, the line or row and the column, and nothing of either file is stored.
/// </summary>
public sealed class BadFileCorpusTests : IDisposable
{
    private readonly ImportFixture _fixture = new();

    public static TheoryData<string> Cases => [.. BadFileCase.All.Select(c => c.Name)];

    [Fact]
    public void The_corpus_holds_cases_of_every_kind_and_format()
    {
        Assert.Equal(BadFileCase.All.Count, BadFileCase.All.Select(c => c.Name).Distinct().Count());
        Assert.Equal(5, BadFileCase.All.Select(c => c.Kind).Distinct().Count());
        Assert.Equal([".csv", ".jsonl", ".parquet"], BadFileCase.All.Select(c => Path.GetExtension(c.File)).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_file_is_refused_by_file_line_and_column_and_nothing_is_stored(string name)
    {
        var bad = BadFileCase.Named(name);
        var valid = _fixture.Write("valid.csv", bad.Valid);
        var path = Write(bad);
        var before = _fixture.Counts();

        var error = await Assert.ThrowsAsync<UsageLensException>(() => _fixture.Import(bad.Kind, valid, path));

        foreach (var expected in bad.Message)
        {
            Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{name}: the error does not name '{expected}': {error.Message}");
        }
        Assert.Equal(before, _fixture.Counts());
        // The importer still works: the valid file alone is stored.
        await _fixture.Import(bad.Kind, valid);
        Assert.NotEqual(before, _fixture.Counts());
    }

    private string Write(BadFileCase bad)
    {
        var path = _fixture.PathOf(bad.File);
        if (bad.Content is not null)
        {
            File.WriteAllBytes(path, bad.Content);
            return path;
        }
        var rows = _fixture.Write("rows.csv", bad.ParquetFrom!);
        _fixture.Execute("COPY (SELECT * FROM read_csv($1, header = true, all_varchar = true)) TO $2 (FORMAT parquet)", rows, path);
        if (bad.Truncate is { } cut)
        {
            var bytes = File.ReadAllBytes(path);
            var keep = cut == "half" ? bytes.Length / 2 : bytes.Length - int.Parse(cut, CultureInfo.InvariantCulture);
            File.WriteAllBytes(path, bytes[..keep]);
        }
        return path;
    }

    public void Dispose() => _fixture.Dispose();
}

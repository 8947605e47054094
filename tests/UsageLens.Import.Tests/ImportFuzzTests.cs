using System.Globalization;
using System.Text;
using CsCheck;
using UsageLens.Core;
using UsageLens.Ingest.Files;
using Xunit.Abstractions;

namespace UsageLens.Import.Tests;

/// <summary>
/// Bounded fuzzing of the importer with CsCheck: valid CSV and JSON Lines files, randomly damaged (flipped bytes,
/// truncation, inserted quotes, separators and hostile values). Every import either stores the whole file or is
/// refused with a <see cref="UsageLensException"/> and stores nothing; no other exception escapes.
/// Runs 20 s by default; USAGELENS_FUZZ_SECONDS=600 runs longer (see docs/reliability.md).
/// </summary>
public sealed class ImportFuzzTests(ITestOutputHelper output)
{
    private const string Csv = "id,timestamp,account_id,event,quantity,unit,properties\n" +
        "f1,2026-10-01T10:00:00Z,acct-1,api_call,1,count,\"{\"\"a\"\": 1}\"\n" +
        "f2,2026-10-02T10:00:00+02:00,acct-2,api_call,2.5,count,\n" +
        "f3,2026-10-03T10:00Z,acct-1,storage,10,GB,\n";

    private const string Jsonl = """
        {"id": "j1", "timestamp": "2026-10-01T10:00:00Z", "account_id": "acct-1", "event": "api_call", "quantity": 1}
        {"id": "j2", "timestamp": "2026-10-02T10:00:00Z", "account_id": "acct-2", "event": "api_call", "properties": {"plan": "pro"}}
        {"id": "j3", "timestamp": "2026-10-03T10:00:00Z", "account_id": "acct-1", "event": "storage", "quantity": 10, "unit": "GB"}

        """;

    private static readonly string[] s_tokens = ["\"", ",", "\n", "\r\n", "\"\"", "NaN", "1e999", "-1", "=cmd|' /C calc'!A0", "\u00e9", "\uFEFF", "{", "[", "\\", "\0", "2026-13-45T99:99Z", new string('[', 300)];

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("USAGELENS_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 20;

    private static Gen<byte[]> Damaged(string valid)
    {
        var bytes = Encoding.UTF8.GetBytes(valid);
        var step = Gen.OneOf(
            Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte, (at, value) => (Func<byte[], byte[]>)(b => b.Length == 0 ? b : [.. b[..(at % b.Length)], value, .. b[((at % b.Length) + 1)..]])),
            Gen.Int[0, bytes.Length].Select(at => (Func<byte[], byte[]>)(b => b[..Math.Min(at, b.Length)])),
            Gen.Select(Gen.Int[0, bytes.Length], Gen.Int[0, s_tokens.Length - 1], (at, t) => (Func<byte[], byte[]>)(b => [.. b[..Math.Min(at, b.Length)], .. Encoding.UTF8.GetBytes(s_tokens[t]), .. b[Math.Min(at, b.Length)..]])));
        return Gen.Int[1, 3].SelectMany(n => step.Array[n]).Select(steps => steps.Aggregate(bytes, (b, s) => s(b)));
    }

    [Fact]
    public void Damaged_files_are_stored_whole_or_refused_with_nothing_stored()
    {
        var iterations = 0;
        var gen = Gen.Bool.SelectMany(csv => Damaged(csv ? Csv : Jsonl).Select(bytes => (Csv: csv, Bytes: bytes)));

        gen.Sample(sample =>
        {
            using var fixture = new ImportFixture();
            var path = fixture.PathOf(sample.Csv ? "fuzz.csv" : "fuzz.jsonl");
            File.WriteAllBytes(path, sample.Bytes);
            iterations++;
            try
            {
                fixture.Import(ImportKind.Events, path).GetAwaiter().GetResult();
                var stored = fixture.Long("SELECT count(*) FROM events");
                Assert.InRange(stored, 1, 4);
            }
            catch (UsageLensException)
            {
                Assert.Equal(0L, fixture.Long("SELECT count(*) FROM events"));
                Assert.Equal(0L, fixture.Long("SELECT count(*) FROM meters"));
            }
        }, time: Seconds, threads: 1, print: s => (s.Csv ? "csv " : "jsonl ") + Convert.ToBase64String(s.Bytes));

        output.WriteLine($"{iterations} damaged files");
        Assert.True(iterations > 0);
    }
}

using System.Text;
using System.Text.Json;
using UsageLens.Core;

namespace UsageLens.Alerts;

/// <summary>
/// The alerts' durable memory, a JSON Lines file beside the workspace: each subject's last state per
/// rule (to see a change) and every delivery. Lines are only ever appended, each run's with one write and
/// a flush to disk, so a crash leaves at most a torn last line, which reading skips and the next append
/// cuts off. Writers take the file exclusively (an advisory lock on Unix), so <c>serve</c> and
/// <c>alerts run</c> may share it.
/// </summary>
public sealed class AlertLog(string path)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The file's path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Each subject's last recorded state under <paramref name="rule"/>; empty before its first evaluation.</summary>
    public async Task<IReadOnlyDictionary<string, AlertSubjectState>> StatesAsync(string rule, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, AlertSubjectState>(StringComparer.Ordinal);
        foreach (var line in await ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (line.Type == AlertLogLine.StateType && line.Rule == rule)
            {
                var changes = states.TryGetValue(line.Subject, out var before) ? before.Changes : 0;
                states[line.Subject] = new AlertSubjectState(line.Value ?? "", changes + 1);
            }
        }
        return states;
    }

    /// <summary>Every delivery, oldest first.</summary>
    public async Task<IReadOnlyList<AlertDelivery>> DeliveriesAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken).ConfigureAwait(false)).Where(l => l.Type == AlertLogLine.DeliveryType).Select(l => l.ToDelivery()).ToList();

    internal async Task AppendAsync(IReadOnlyCollection<AlertLogLine> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(JsonSerializer.Serialize(line, s_json)).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await WithFileAsync(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, async stream =>
        {
            await DropTornEndAsync(stream, cancellationToken).ConfigureAwait(false);
            stream.Seek(0, SeekOrigin.End);
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    // An append cut short by a crash leaves a line without its newline; it is cut off before the next
    // append, so it cannot run into the next line and make the file unreadable.
    private static async Task DropTornEndAsync(FileStream stream, CancellationToken cancellationToken)
    {
        if (stream.Length == 0)
        {
            return;
        }
        var tail = (int)Math.Min(stream.Length, 1 << 20);
        var buffer = new byte[tail];
        stream.Seek(-tail, SeekOrigin.End);
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer[^1] == (byte)'\n')
        {
            return;
        }
        var lastNewline = Array.LastIndexOf(buffer, (byte)'\n');
        stream.SetLength(lastNewline < 0 ? stream.Length - tail : stream.Length - tail + lastNewline + 1);
    }

    private async Task<List<AlertLogLine>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }
        var text = await WithFileAsync(FileMode.Open, FileAccess.Read, FileShare.ReadWrite, async stream =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        var lines = text.Split('\n');
        var read = new List<AlertLogLine>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && Parse(lines[i], i + 1, last: i == lines.Length - 1) is { } line)
            {
                read.Add(line);
            }
        }
        return read;
    }

    // A line without its newline is the torn end of an append cut short: skipped, since its write never
    // completed. Any other unreadable line means the file was edited, which is worth stopping for.
    private AlertLogLine? Parse(string text, int number, bool last)
    {
        try
        {
            return JsonSerializer.Deserialize<AlertLogLine>(text, s_json);
        }
        catch (JsonException ex) when (last)
        {
            _ = ex;
            return null;
        }
        catch (JsonException ex)
        {
            throw new UsageLensException($"{Path} line {number}: not an alert log line: {ex.Message}", ex);
        }
    }

    // A writer holds the file exclusively (FileShare.None is an exclusive lock, also between two streams of
    // one process); whoever finds it held waits and tries again, for up to 10 s.
    private async Task<T> WithFileAsync<T>(FileMode mode, FileAccess access, FileShare share, Func<FileStream, Task<T>> use, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(Path, mode, access, share);
            }
            catch (IOException ex) when (ex is not FileNotFoundException && attempt < 100 && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
                continue;
            }
            await using (stream.ConfigureAwait(false))
            {
                return await use(stream).ConfigureAwait(false);
            }
        }
    }
}

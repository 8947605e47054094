using System.Buffers.Binary;
using System.IO.Hashing;
using UsageLens.Core;
using UsageLens.Core.Storage;

namespace UsageLens.Server.GroupCommit;

/// <summary>
/// The append-only log that an acknowledgement waits for: each group is one framed record (length, CRC-32,
/// payload), written and fsynced before its requests are answered. Two files take turns, so a file is only ever
/// appended to or emptied whole: once every record of a file is merged into the workspace it is truncated, and
/// appends move to the other file when the current one is large. What the files hold after a crash is replayed,
/// in sequence order, before the server takes requests.
/// </summary>
/// <remarks>
/// The files are created once, when the log is opened, and never renamed or removed while serving, so an append
/// needs no directory fsync. Files are emptied in sequence order (the older first), so what a crash leaves is
/// always the newest stretch of history, and replaying it over the workspace restores the same state: events are
/// deduplicated by (source, id), and account and user updates reapplied in order end where they ended.
/// </remarks>
internal sealed class IngestLog : IDisposable
{
    /// <summary>Size after which appends move to the other file, once that one is empty.</summary>
    internal const long TurnBytes = 64L * 1024 * 1024;

    private const int HeaderBytes = 8;
    private static readonly string[] s_fileNames = ["ingest-1.log", "ingest-2.log"];

    private readonly FileStream[] _files;
    private readonly long _turnBytes;
    private readonly long[] _lastSequence = [-1, -1];
    private readonly Lock _lock = new();
    private int _current;
    private long _nextSequence;
    private bool _broken;

    private IngestLog(FileStream[] files, long turnBytes) => (_files, _turnBytes) = (files, turnBytes);

    /// <summary>The directory's log, and the records it holds that may not be in the workspace yet, in order.</summary>
    /// <exception cref="UsageLensException">The log cannot be opened (another server holds it) or holds a record this version cannot read.</exception>
    public static (IngestLog Log, IReadOnlyList<IngestLogRecord> Records) Open(string directory, long turnBytes = TurnBytes)
    {
        var files = OpenFiles(directory);
        var log = new IngestLog(files, turnBytes);
        try
        {
            var records = new List<IngestLogRecord>();
            for (var i = 0; i < files.Length; i++)
            {
                var read = ReadRecords(files[i]);
                records.AddRange(read);
                log._lastSequence[i] = read.Count > 0 ? read[^1].Sequence : -1;
            }
            records.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            log._nextSequence = records.Count > 0 ? records[^1].Sequence + 1 : 0;
            log._current = log._lastSequence[1] > log._lastSequence[0] ? 1 : 0;
            return (log, records);
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    /// <summary>Appends a group and fsyncs it; returns its sequence. A failed append leaves the log as it was.</summary>
    public long Append(IngestBatch batch)
    {
        lock (_lock)
        {
            if (_broken)
            {
                throw new IOException("the ingest log could not be restored after a failed write; restart the server");
            }
            var sequence = _nextSequence;
            var frame = Frame(IngestLogCodec.Encode(new IngestLogRecord(sequence, batch)));
            TakeTurn();
            var file = _files[_current];
            var end = file.Length;
            try
            {
                file.Position = end;
                file.Write(frame);
                file.Flush(flushToDisk: true);
            }
            catch
            {
                Restore(file, end);
                throw;
            }
            _lastSequence[_current] = sequence;
            _nextSequence = sequence + 1;
            return sequence;
        }
    }

    /// <summary>Empties, older first, each file whose records are all at or before <paramref name="mergedThrough"/>.</summary>
    public void Trim(long mergedThrough)
    {
        lock (_lock)
        {
            var older = _lastSequence[0] <= _lastSequence[1] ? 0 : 1;
            foreach (var i in (int[])[older, 1 - older])
            {
                if (_lastSequence[i] >= 0 && _lastSequence[i] <= mergedThrough)
                {
                    _files[i].SetLength(0);
                    _files[i].Flush(flushToDisk: true);
                    _lastSequence[i] = -1;
                }
            }
        }
    }

    /// <summary>Bytes the log holds now.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _files.Sum(f => f.Length);
            }
        }
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file?.Dispose();
        }
    }

    private void TakeTurn()
    {
        var other = 1 - _current;
        if (_files[_current].Length >= _turnBytes && _lastSequence[other] < 0)
        {
            _current = other;
        }
    }

    private void Restore(FileStream file, long length)
    {
        try
        {
            file.SetLength(length);
            file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // A torn record would hide every record after it at replay: refuse further appends instead.
            _broken = true;
        }
    }

    private static byte[] Frame(byte[] payload)
    {
        var frame = new byte[HeaderBytes + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(payload));
        payload.CopyTo(frame, HeaderBytes);
        return frame;
    }

    private static FileStream[] OpenFiles(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new FileStream[s_fileNames.Length];
        try
        {
            for (var i = 0; i < files.Length; i++)
            {
                // FileShare.None takes an exclusive lock: a second server on the same log is refused here.
                files[i] = new FileStream(Path.Combine(directory, s_fileNames[i]), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            return files;
        }
        catch (IOException ex)
        {
            foreach (var file in files)
            {
                file?.Dispose();
            }
            throw new UsageLensException($"the ingest log in '{directory}' cannot be opened: {ex.Message} (is another server using this workspace?)", ex);
        }
    }

    // Records up to the first incomplete or damaged frame, which can only be an append a crash cut short: it was
    // never acknowledged, so it is cut off the file.
    private static List<IngestLogRecord> ReadRecords(FileStream file)
    {
        var bytes = new byte[file.Length];
        file.Position = 0;
        file.ReadExactly(bytes);
        var records = new List<IngestLogRecord>();
        var position = 0;
        while (Frame(bytes, position) is { } payload)
        {
            records.Add(Decode(file.Name, position, payload));
            position += HeaderBytes + payload.Length;
        }
        if (position < bytes.Length)
        {
            file.SetLength(position);
            file.Flush(flushToDisk: true);
        }
        return records;
    }

    private static ReadOnlyMemory<byte>? Frame(byte[] bytes, int position)
    {
        if (bytes.Length - position < HeaderBytes)
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position));
        if (length <= 0 || length > bytes.Length - position - HeaderBytes)
        {
            return null;
        }
        var payload = bytes.AsMemory(position + HeaderBytes, length);
        if (Crc32.HashToUInt32(payload.Span) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 4)))
        {
            // Not a ternary: its null would convert to an empty ReadOnlyMemory through the array conversion.
            return null;
        }
        return payload;
    }

    private static IngestLogRecord Decode(string file, int position, ReadOnlyMemory<byte> payload)
    {
        try
        {
            return IngestLogCodec.Decode(payload.Span);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new UsageLensException($"the ingest log '{file}' holds a record at byte {position} that cannot be read ({ex.Message}); " +
                "it holds acknowledged events, so the server does not start without it: run the version that wrote it", ex);
        }
    }
}

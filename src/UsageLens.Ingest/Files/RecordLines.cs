namespace UsageLens.Ingest.Files;

/// <summary>
/// Finds the physical line a record starts on. Engines number records, not lines: CSV readers skip
/// blank lines and quoted values may span lines, and JSON Lines readers skip blank lines. Only the
/// one row an error names is located, so this single pass over the file happens on the error path.
/// </summary>
public static class RecordLines
{
    /// <summary>
    /// The 1-based line of data record <paramref name="dataRecord"/> (0-based, header excluded for CSV),
    /// or <see langword="null"/> when the file has fewer records.
    /// </summary>
    public static long? LineOf(string path, FileFormat format, long dataRecord)
    {
        if (format == FileFormat.Parquet)
        {
            throw new ArgumentException("Parquet has rows, not lines.", nameof(format));
        }
        var csv = format == FileFormat.Csv;
        var target = csv ? dataRecord + 1 : dataRecord;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        var scan = new LineScan(csv);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (scan.Step(buffer[i], target) is { } line)
                {
                    return line;
                }
            }
        }
        return scan.Finish(target);
    }

    private sealed class LineScan(bool csv)
    {
        private long _line = 1;
        private long _records;
        private long _recordStart = 1;
        private bool _inQuotes;
        private bool _hasContent;

        public long? Step(byte b, long target)
        {
            if (b == (byte)'\n' && !_inQuotes)
            {
                var completed = Finish(target);
                _hasContent = false;
                _line++;
                return completed;
            }
            if (b == (byte)'\n')
            {
                _line++;
                return null;
            }
            if (!_hasContent && !IsBlank(b))
            {
                _hasContent = true;
                _recordStart = _line;
            }
            if (csv && b == (byte)'"')
            {
                _inQuotes = !_inQuotes;
            }
            return null;
        }

        public long? Finish(long target)
        {
            if (!_hasContent)
            {
                return null;
            }
            if (_records == target)
            {
                return _recordStart;
            }
            _records++;
            _hasContent = false;
            return null;
        }

        // A CSV line holding only spaces is a record (of empty values); a JSON line of spaces is not.
        private bool IsBlank(byte b) => b == (byte)'\r' || (!csv && (b == (byte)' ' || b == (byte)'\t'));
    }
}

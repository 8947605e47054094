using UsageLens.Core;

namespace UsageLens.Ingest.Files;

/// <summary>Detects a file's <see cref="FileFormat"/> from its extension; content is never sniffed.</summary>
public static class FileFormats
{
    /// <summary>The format of <paramref name="file"/>, or a <see cref="UsageLensException"/> naming the file when the extension is unknown.</summary>
    public static FileFormat Detect(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var extension = Path.GetExtension(file).ToLowerInvariant();
        return extension switch
        {
            ".csv" => FileFormat.Csv,
            ".jsonl" or ".ndjson" or ".json" => FileFormat.JsonLines,
            ".parquet" => FileFormat.Parquet,
            _ => throw new UsageLensException(ImportMessages.UnknownExtension(file, extension)),
        };
    }
}

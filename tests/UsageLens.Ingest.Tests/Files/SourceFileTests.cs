using UsageLens.Ingest.Files;

namespace UsageLens.Ingest.Tests.Files;

public sealed class SourceFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-ingest-").FullName;

    private string Write(string content)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void The_csv_header_keeps_quoted_names_with_commas_quotes_and_a_byte_order_mark()
    {
        var path = Write("\uFEFFid,\"a,b\",\"say \"\"hi\"\"\",last\r\n1,2,3,4\r\n");

        Assert.Equal(["id", "a,b", "say \"hi\"", "last"], CsvHeader.Read(path));
    }

    [Fact]
    public void A_file_of_blank_lines_has_no_header()
    {
        Assert.Null(CsvHeader.Read(Write("\n\r\n")));
    }

    [Fact]
    public void Csv_records_skip_blank_lines_and_quoted_values_may_span_lines()
    {
        var path = Write("id,note\n1,\"two\nlines\"\n\n2,x\n3,y");

        Assert.Equal([2L, 5L, 6L], new long?[] { RecordLines.LineOf(path, FileFormat.Csv, 0), RecordLines.LineOf(path, FileFormat.Csv, 1), RecordLines.LineOf(path, FileFormat.Csv, 2) });
        Assert.Null(RecordLines.LineOf(path, FileFormat.Csv, 3));
    }

    [Fact]
    public void Json_lines_skip_lines_of_white_space()
    {
        var path = Write("{\"a\":1}\n   \n\r\n{\"a\":2}\r\n{\"a\":\"\\\"\"}\n");

        Assert.Equal([1L, 4L, 5L], new long?[] { RecordLines.LineOf(path, FileFormat.JsonLines, 0), RecordLines.LineOf(path, FileFormat.JsonLines, 1), RecordLines.LineOf(path, FileFormat.JsonLines, 2) });
    }

    [Fact]
    public void Long_values_are_shortened_in_messages()
    {
        var value = new string('x', 100);

        Assert.Equal($"properties '{new string('x', 57)}...' is not a JSON object", RowFaults.Describe(RowFault.NotAJsonObject, "properties", value));
    }

    [Fact]
    public void Parquet_rows_are_named_rows_and_text_rows_lines()
    {
        Assert.Equal("e.parquet row 7", new RowLocation("e.parquet", FileFormat.Parquet, 7).ToString());
        Assert.Equal("e.csv line 7", new RowLocation("e.csv", FileFormat.Csv, 7).ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

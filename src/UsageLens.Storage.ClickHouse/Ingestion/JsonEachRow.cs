using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace UsageLens.Storage.ClickHouse.Ingestion;

/// <summary>
/// Rows as JSONEachRow text, the format inserted rows travel in. JSON escaping (not SQL quoting)
/// carries the values, so no value ever becomes part of a statement.
/// </summary>
internal sealed class JsonEachRow(IReadOnlyList<string> columns)
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new();

    public IReadOnlyList<string> Columns => columns;

    public int Count { get; private set; }

    public void Add(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using (var writer = new Utf8JsonWriter(_buffer, s_options))
        {
            writer.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                writer.WritePropertyName(columns[i]);
                Write(writer, values[i]);
            }
            writer.WriteEndObject();
        }
        _buffer.Write("\n"u8);
        Count++;
    }

    public override string ToString() => Encoding.UTF8.GetString(_buffer.WrittenSpan);

    /// <summary>A DateTime as ClickHouse's DateTime('UTC') text; the column holds whole seconds.</summary>
    public static string Time(DateTime time) =>
        (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteNumberValue(flag ? 1 : 0);
                break;
            case long or int or short or byte or ulong or uint:
                writer.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case float number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue((double)number);
                break;
            case DateTime time:
                writer.WriteStringValue(Time(time));
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(Time(time.UtcDateTime));
                break;
            default:
                throw new ArgumentException($"no JSONEachRow value for type {value.GetType()}", nameof(value));
        }
    }
}

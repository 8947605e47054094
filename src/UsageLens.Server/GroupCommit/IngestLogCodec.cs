using System.Text;
using UsageLens.Core.Accounts;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;

namespace UsageLens.Server.GroupCommit;

/// <summary>
/// The binary form of a logged group. Every field of the records is written, so a replayed group is the
/// acknowledged one value for value (an account field keeps its .NET type through a tag).
/// </summary>
internal static class IngestLogCodec
{
    private const byte Version = 1;

    private enum Tag : byte
    {
        Null,
        Text,
        Double,
        Decimal,
        Flag,
        Int32,
        Int64,
        DateTime,
    }

    public static byte[] Encode(IngestLogRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(record.Sequence);
            WriteList(writer, record.Batch.Events, WriteEvent);
            WriteList(writer, record.Batch.Accounts, WriteAccount);
            WriteList(writer, record.Batch.Users, WriteUser);
        }
        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The payload is not a group this version wrote.</exception>
    public static IngestLogRecord Decode(ReadOnlySpan<byte> payload)
    {
        using var buffer = new MemoryStream(payload.ToArray(), writable: false);
        using var reader = new BinaryReader(buffer, Encoding.UTF8);
        var version = reader.ReadByte();
        if (version != Version)
        {
            throw new InvalidDataException($"a group written in format {version}, which this version does not read");
        }
        var sequence = reader.ReadInt64();
        var events = ReadList(reader, ReadEvent);
        var accounts = ReadList(reader, ReadAccount);
        var users = ReadList(reader, ReadUser);
        if (buffer.Position != buffer.Length)
        {
            throw new InvalidDataException($"{buffer.Length - buffer.Position} bytes after the group's last record");
        }
        return new IngestLogRecord(sequence, new IngestBatch(events, accounts, users));
    }

    private static void WriteList<T>(BinaryWriter writer, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items)
        {
            write(writer, item);
        }
    }

    private static List<T> ReadList<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"a negative count ({count})");
        }
        var items = new List<T>(Math.Min(count, 65_536));
        for (var i = 0; i < count; i++)
        {
            items.Add(read(reader));
        }
        return items;
    }

    private static void WriteEvent(BinaryWriter writer, UsageEvent e)
    {
        writer.Write(e.Id);
        writer.Write(e.Source);
        writer.Write(e.Timestamp.ToBinary());
        writer.Write(e.AccountId);
        WriteOptional(writer, e.UserId);
        writer.Write(e.Event);
        writer.Write(e.Quantity);
        writer.Write(e.Unit);
        WriteOptional(writer, e.Product);
        WriteOptional(writer, e.Classification);
        WriteOptional(writer, e.PropertiesJson);
        WriteOptional(writer, e.OriginalEvent);
    }

    private static UsageEvent ReadEvent(BinaryReader reader) => new(
        reader.ReadString(),
        reader.ReadString(),
        DateTime.FromBinary(reader.ReadInt64()),
        reader.ReadString(),
        ReadOptional(reader),
        reader.ReadString(),
        reader.ReadDouble(),
        reader.ReadString(),
        ReadOptional(reader),
        ReadOptional(reader),
        ReadOptional(reader),
        ReadOptional(reader));

    private static void WriteAccount(BinaryWriter writer, AccountUpsert account)
    {
        writer.Write(account.AccountId);
        writer.Write(account.Fields.Count);
        foreach (var (field, value) in account.Fields)
        {
            writer.Write((byte)field);
            WriteValue(writer, value);
        }
        WriteOptional(writer, account.TraitsJson);
    }

    private static AccountUpsert ReadAccount(BinaryReader reader)
    {
        var id = reader.ReadString();
        var count = reader.ReadInt32();
        var fields = new Dictionary<AccountField, object?>(count);
        for (var i = 0; i < count; i++)
        {
            var field = (AccountField)reader.ReadByte();
            if (!Enum.IsDefined(field))
            {
                throw new InvalidDataException($"an unknown account field ({(byte)field})");
            }
            fields[field] = ReadValue(reader);
        }
        return new AccountUpsert(id, fields, ReadOptional(reader));
    }

    private static void WriteUser(BinaryWriter writer, UserUpsert user)
    {
        writer.Write(user.UserId);
        WriteOptional(writer, user.AccountId);
        WriteOptional(writer, user.Email);
        writer.Write(user.CreatedAt.HasValue);
        if (user.CreatedAt is { } created)
        {
            writer.Write(created.ToBinary());
        }
        WriteOptional(writer, user.TraitsJson);
    }

    private static UserUpsert ReadUser(BinaryReader reader) => new(
        reader.ReadString(),
        ReadOptional(reader),
        ReadOptional(reader),
        reader.ReadBoolean() ? DateTime.FromBinary(reader.ReadInt64()) : null,
        ReadOptional(reader));

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteValue(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.Write((byte)Tag.Null); break;
            case string text: writer.Write((byte)Tag.Text); writer.Write(text); break;
            case double number: writer.Write((byte)Tag.Double); writer.Write(number); break;
            case decimal number: writer.Write((byte)Tag.Decimal); writer.Write(number); break;
            case bool flag: writer.Write((byte)Tag.Flag); writer.Write(flag); break;
            case int number: writer.Write((byte)Tag.Int32); writer.Write(number); break;
            case long number: writer.Write((byte)Tag.Int64); writer.Write(number); break;
            case DateTime time: writer.Write((byte)Tag.DateTime); writer.Write(time.ToBinary()); break;
            default: throw new NotSupportedException($"an account field of type {value.GetType().Name} cannot be logged");
        }
    }

    private static object? ReadValue(BinaryReader reader) => (Tag)reader.ReadByte() switch
    {
        Tag.Null => null,
        Tag.Text => reader.ReadString(),
        Tag.Double => reader.ReadDouble(),
        Tag.Decimal => reader.ReadDecimal(),
        Tag.Flag => reader.ReadBoolean(),
        Tag.Int32 => reader.ReadInt32(),
        Tag.Int64 => reader.ReadInt64(),
        Tag.DateTime => DateTime.FromBinary(reader.ReadInt64()),
        var tag => throw new InvalidDataException($"an unknown value tag ({(byte)tag})"),
    };
}

using UsageLens.Core;
using UsageLens.Core.Accounts;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Server.GroupCommit;

namespace UsageLens.Server.Tests.GroupCommit;

public sealed class IngestLogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-ingest-log-").FullName;

    private static UsageEvent Event(string id, string? properties = null) =>
        new(id, "", new DateTime(2026, 10, 1, 12, 30, 15, 250, DateTimeKind.Utc), "acme", null, "api_call", 1.5, "count", null, null, properties, null);

    private static IngestBatch Events(params string[] ids) => IngestBatch.OfEvents([.. ids.Select(id => Event(id))]);

    [Fact]
    public void A_group_reads_back_field_for_field_after_reopening()
    {
        var e = new UsageEvent("m-1", "https://src.example", new DateTime(2026, 10, 1, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(7),
            "acme", "u-1", "export", 0.1 + 0.2, "GB", "reports", "premium", """{"region":"eu","ünïcode":"日本"}""", "Export Run");
        var account = new AccountUpsert("acme", new Dictionary<AccountField, object?>
        {
            [AccountField.Name] = "Acme Ltd",
            [AccountField.Revenue] = 1234.5,
            [AccountField.ContractValue] = 99.99m,
            [AccountField.Strategic] = true,
            [AccountField.LicensedSeats] = 250L,
            [AccountField.CreatedAt] = new DateTime(2024, 2, 29, 0, 0, 0, DateTimeKind.Utc),
            [AccountField.Plan] = null,
        }, """{"tier":"gold"}""");
        var user = new UserUpsert("u-1", "acme", "ada@example.com", new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc), null);
        using (var log = Open().Log)
        {
            log.Append(new IngestBatch([e], [account], [user]));
        }

        var (reopened, records) = Open();
        using (reopened)
        {
            var batch = Assert.Single(records).Batch;
            Assert.Equal(e, Assert.Single(batch.Events));
            Assert.Equal(DateTimeKind.Utc, batch.Events[0].Timestamp.Kind);
            var read = Assert.Single(batch.Accounts);
            Assert.Equal(("acme", """{"tier":"gold"}"""), (read.AccountId, read.TraitsJson));
            Assert.Equal(account.Fields.OrderBy(f => f.Key), read.Fields.OrderBy(f => f.Key));
            Assert.IsType<decimal>(read.Fields[AccountField.ContractValue]);
            Assert.IsType<long>(read.Fields[AccountField.LicensedSeats]);
            Assert.Equal(user, Assert.Single(batch.Users));
        }
    }

    [Fact]
    public void Groups_come_back_in_the_order_they_were_acknowledged()
    {
        using (var log = Open().Log)
        {
            Assert.Equal([0L, 1L, 2L], [log.Append(Events("a")), log.Append(Events("b", "c")), log.Append(Events("d"))]);
        }

        var (reopened, records) = Open();
        using (reopened)
        {
            Assert.Equal([0L, 1L, 2L], records.Select(r => r.Sequence));
            Assert.Equal(["a", "b", "c", "d"], records.SelectMany(r => r.Batch.Events).Select(e => e.Id));
            Assert.Equal(3L, reopened.Append(Events("e")));
        }
    }

    [Fact]
    public void An_append_cut_short_by_a_crash_is_dropped_and_the_groups_before_it_are_kept()
    {
        using (var log = Open().Log)
        {
            log.Append(Events("a"));
            log.Append(Events("b"));
        }
        var file = LogFiles().Single(f => new FileInfo(f).Length > 0);
        var whole = new FileInfo(file).Length;
        // A third frame whose header promises more bytes than reached the disk.
        File.AppendAllBytes(file, [200, 0, 0, 0, 1, 2, 3, 4, 5, 6]);

        var (reopened, records) = Open();
        using (reopened)
        {
            Assert.Equal(["a", "b"], records.SelectMany(r => r.Batch.Events).Select(e => e.Id));
            Assert.Equal(whole, reopened.Bytes);
        }
    }

    [Fact]
    public void A_frame_whose_checksum_does_not_match_ends_the_replay()
    {
        using (var log = Open().Log)
        {
            log.Append(Events("a"));
            log.Append(Events("b"));
        }
        var file = LogFiles().Single(f => new FileInfo(f).Length > 0);
        var bytes = File.ReadAllBytes(file);
        bytes[^3] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        var (reopened, records) = Open();
        using (reopened)
        {
            Assert.Equal(["a"], records.SelectMany(r => r.Batch.Events).Select(e => e.Id));
        }
    }

    [Fact]
    public void Trimming_empties_the_log_once_every_group_is_merged_and_not_before()
    {
        var (log, _) = Open();
        using (log)
        {
            log.Append(Events("a"));
            log.Append(Events("b"));
            log.Trim(0);
            Assert.True(log.Bytes > 0);
            log.Trim(1);
            Assert.Equal(0, log.Bytes);
        }
    }

    [Fact]
    public void Appends_move_to_the_other_file_when_one_is_full_and_that_file_is_emptied_once_merged()
    {
        var (log, _) = Open(turnBytes: 1);
        using (log)
        {
            log.Append(Events("a"));
            log.Append(Events("b"));
            // Both files hold a group now, so the third joins the second: the first is not emptied yet.
            Assert.All(LogFiles(), f => Assert.True(new FileInfo(f).Length > 0));
            log.Append(Events("c"));
            log.Trim(0);
            Assert.Single(LogFiles(), f => new FileInfo(f).Length > 0);
        }

        var (reopened, records) = Open();
        using (reopened)
        {
            Assert.Equal(["b", "c"], records.SelectMany(r => r.Batch.Events).Select(e => e.Id));
        }
    }

    [Fact]
    public void A_second_server_on_the_same_log_is_refused()
    {
        var (log, _) = Open();
        using (log)
        {
            var refused = Assert.Throws<UsageLensException>(() => Open());
            Assert.Contains(_directory, refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_checksummed_record_this_version_cannot_read_stops_the_start_with_its_file_named()
    {
        using (var log = Open().Log)
        {
            log.Append(Events("a"));
        }
        var file = LogFiles().Single(f => new FileInfo(f).Length > 0);
        var bytes = File.ReadAllBytes(file);
        // Version byte 9, with the checksum made to match.
        bytes[8] = 9;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(8)));
        File.WriteAllBytes(file, bytes);

        var refused = Assert.Throws<UsageLensException>(() => Open());
        Assert.Contains(file, refused.Message, StringComparison.Ordinal);
        Assert.Contains("format 9", refused.Message, StringComparison.Ordinal);
    }

    private (IngestLog Log, IReadOnlyList<IngestLogRecord> Records) Open(long turnBytes = IngestLog.TurnBytes) => IngestLog.Open(_directory, turnBytes);

    private string[] LogFiles() => Directory.GetFiles(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

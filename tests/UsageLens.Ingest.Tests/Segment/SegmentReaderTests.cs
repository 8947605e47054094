using System.Text.Json;
using UsageLens.Core.Accounts;
using UsageLens.Ingest.Segment;
using UsageLens.Ingest.Wire;

namespace UsageLens.Ingest.Tests.Segment;

public sealed class SegmentReaderTests
{
    private static readonly DateTimeOffset s_received = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static ParsedRequest Read(string json, SegmentCall call = SegmentCall.Batch) =>
        SegmentReader.Read(JsonDocument.Parse(json).RootElement, call, s_received, 32 * 1024);

    [Fact]
    public void A_track_keeps_the_original_name_and_the_remaining_properties()
    {
        var request = Read("""
            {"messageId": "m-1", "event": "Report Generated", "userId": "u-1", "timestamp": "2026-10-01T09:00:00-02:00",
             "properties": {"account_id": "acme", "quantity": 2, "unit": "reports", "product": "bi", "format": "pdf"}}
            """, SegmentCall.Track);

        var usage = Assert.Single(request.Events).Event;
        Assert.Equal(("report_generated", "Report Generated"), (usage.Event, usage.OriginalEvent));
        Assert.Equal(("m-1", "", "acme", "u-1"), (usage.Id, usage.Source, usage.AccountId, usage.UserId));
        Assert.Equal((2d, "reports", "bi"), (usage.Quantity, usage.Unit, usage.Product));
        Assert.Equal(new DateTime(2026, 10, 1, 11, 0, 0, DateTimeKind.Utc), usage.Timestamp);
        Assert.Equal("""{"format":"pdf"}""", usage.PropertiesJson);
    }

    [Fact]
    public void A_track_without_quantity_or_unit_counts_one()
    {
        var usage = Assert.Single(Read("""{"messageId": "m-1", "event": "api_call", "context": {"groupId": "acme"}}""", SegmentCall.Track).Events).Event;

        Assert.Equal((1d, "count", null, null), (usage.Quantity, usage.Unit, usage.OriginalEvent, usage.PropertiesJson));
    }

    [Fact]
    public void The_original_timestamp_is_corrected_by_the_clock_skew_between_sent_at_and_receipt()
    {
        // The device clock is 5 minutes fast: it sent at 12:05 by its clock, we received at 12:00.
        var usage = Assert.Single(Read("""
            {"sentAt": "2026-10-01T12:05:00Z", "batch": [
              {"type": "track", "messageId": "m-1", "event": "api_call", "context": {"groupId": "acme"}, "originalTimestamp": "2026-10-01T11:35:00Z"}]}
            """).Events).Event;

        Assert.Equal(new DateTime(2026, 10, 1, 11, 30, 0, DateTimeKind.Utc), usage.Timestamp);
    }

    [Fact]
    public void A_message_without_any_time_happened_when_it_was_received()
    {
        var usage = Assert.Single(Read("""{"messageId": "m-1", "event": "api_call", "context": {"groupId": "acme"}}""", SegmentCall.Track).Events).Event;

        Assert.Equal(s_received.UtcDateTime, usage.Timestamp);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_index_and_field()
    {
        var request = Read("""
            {"batch": [
              {"type": "track", "event": "api_call", "context": {"groupId": "acme"}},
              {"type": "alias", "messageId": "m-2"},
              {"type": "track", "messageId": "m-3", "event": "api_call", "context": {"groupId": "acme"}, "properties": {"quantity": 1e400}},
              {"type": "track", "messageId": "m-4", "event": "!!!", "context": {"groupId": "acme"}},
              {"type": "track", "messageId": "m-5", "event": "api_call"}
            ]}
            """);

        Assert.Equal<IngestProblem>(
            [
                new(0, "messageId", "required: the message id that makes re-sending safe"),
                new(1, "type", "'alias' is not a supported call (track, identify, group, page, screen)"),
                new(2, "properties.quantity", "1e400 is not a finite number"),
                new(3, "event", "'!!!' has no letters or digits"),
                new(4, "context.groupId", "no account: send context.groupId or properties.account_id, or a userId that was grouped with an account"),
            ],
            request.Problems);
    }

    [Fact]
    public void A_track_takes_the_account_of_a_user_grouped_earlier_in_the_batch_and_asks_the_store_for_others()
    {
        var request = Read("""
            {"batch": [
              {"type": "track", "messageId": "m-1", "event": "api_call", "userId": "u-1"},
              {"type": "group", "messageId": "g-1", "userId": "u-1", "groupId": "globex"},
              {"type": "track", "messageId": "m-2", "event": "api_call", "userId": "u-1"}
            ]}
            """);

        // m-1 came before the group call, so it takes what the store knows about u-1.
        Assert.Equal(["u-1"], request.UsersNeedingAccount);
        var resolved = request.ResolveAccounts(new Dictionary<string, string> { ["u-1"] = "initech" });
        Assert.Equal(["initech", "globex"], resolved.Events.Select(e => e.Event.AccountId));
        Assert.Equal(new UserUpsert("u-1", "globex", null, null, null), Assert.Single(resolved.Users));
    }

    [Fact]
    public void An_unresolved_user_becomes_a_problem_on_its_message()
    {
        var request = Read("""{"messageId": "m-1", "event": "api_call", "userId": "u-9"}""", SegmentCall.Track)
            .ResolveAccounts(new Dictionary<string, string>());

        var problem = Assert.Single(request.Problems);
        Assert.Equal((0, "context.groupId"), (problem.Index, problem.Field));
        Assert.Empty(request.Events);
    }

    [Fact]
    public void Group_traits_fill_the_typed_account_fields_and_keep_the_rest()
    {
        var request = Read("""
            {"messageId": "g-1", "groupId": "acme", "traits": {"name": "Acme", "plan": "pro", "revenue": "1200.5", "strategic": true,
             "licensed_seats": 25, "partner_id": "p-1", "createdAt": "2025-03-01T00:00:00+01:00", "industry": "retail"}}
            """, SegmentCall.Group);

        var account = Assert.Single(request.Accounts);
        Assert.Equal("Acme", account.Fields[AccountField.Name]);
        Assert.Equal("pro", account.Fields[AccountField.Plan]);
        Assert.Equal(1200.5, account.Fields[AccountField.Revenue]);
        Assert.Equal(true, account.Fields[AccountField.Strategic]);
        Assert.Equal(25, account.Fields[AccountField.LicensedSeats]);
        Assert.Equal("p-1", account.Fields[AccountField.PartnerId]);
        Assert.Equal(new DateTime(2025, 2, 28, 23, 0, 0, DateTimeKind.Utc), account.Fields[AccountField.CreatedAt]);
        Assert.Equal("""{"industry":"retail"}""", account.TraitsJson);
        Assert.Empty(request.Users);
    }

    [Fact]
    public void Seats_that_are_not_whole_are_refused()
    {
        var problem = Assert.Single(Read("""{"groupId": "acme", "traits": {"seats": 2.5}}""", SegmentCall.Group).Problems);

        Assert.Equal(new IngestProblem(0, "traits.seats", "2.5 is not a whole number"), problem);
    }

    [Fact]
    public void A_message_in_a_batch_over_the_per_call_limit_is_refused()
    {
        var big = new string('x', 33 * 1024);
        var problem = Assert.Single(Read("{\"batch\": [{\"type\": \"track\", \"messageId\": \"m-1\", \"event\": \"e\", \"properties\": {\"note\": \"" + big + "\"}}]}").Problems);

        Assert.Equal((0, ""), (problem.Index, problem.Field));
        Assert.StartsWith("the message is 33", problem.Reason, StringComparison.Ordinal);
    }
}

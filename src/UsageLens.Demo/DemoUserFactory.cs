namespace UsageLens.Demo;

/// <summary>Invents each account's people. A user exists (is created) before the first day it can appear in usage.</summary>
internal static class DemoUserFactory
{
    public static List<DemoUser> Create(IReadOnlyList<DemoStory> stories, DemoOptions options, DemoRandom random)
    {
        var users = new List<DemoUser>();
        foreach (var story in stories)
        {
            AddUsers(users, story, options, random.Fork((ulong)story.Index));
        }
        return users;
    }

    public static string UserId(DemoStory story, int ordinal) => $"usr-{story.Index + 1:D4}-{ordinal + 1:D3}";

    private static void AddUsers(List<DemoUser> users, DemoStory story, DemoOptions options, DemoRandom random)
    {
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var count = Math.Max(story.UsersBefore, story.UsersAfter);
        var firstDay = story.ActiveFrom;
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            while (ordinal >= story.UsersBefore && firstDay < options.Days && story.UserPool(firstDay) <= ordinal)
            {
                firstDay++;
            }
            var email = Email(story, random, emails);
            var createdDay = firstDay - random.Between(0, Math.Min(60, firstDay - story.SignupDay));
            var createdAt = options.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(createdDay);
            users.Add(new DemoUser(UserId(story, ordinal), story.AccountId, ordinal, email, TruncateToSecond(createdAt)));
        }
    }

    private static string Email(DemoStory story, DemoRandom random, HashSet<string> taken)
    {
        var first = random.Pick(DemoNames.FirstNames).ToLowerInvariant();
        var last = random.Pick(DemoNames.LastNames).ToLowerInvariant().Replace("ü", "ue", StringComparison.Ordinal);
        var local = $"{first}.{last}";
        for (var n = 2; !taken.Add(local); n++)
        {
            local = $"{first}.{last}{n}";
        }
        return $"{local}@{story.Domain}";
    }

    private static DateTime TruncateToSecond(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}

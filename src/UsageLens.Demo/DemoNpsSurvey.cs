using UsageLens.Core.Surveys;

namespace UsageLens.Demo;

/// <summary>A few survey answers per account whose scores follow its health: churners detract, expanders promote.</summary>
internal static class DemoNpsSurvey
{
    public static List<NpsAnswer> Answer(IReadOnlyList<DemoStory> stories, IReadOnlyList<DemoUser> users, DemoOptions options, DemoRandom random)
    {
        var usersByAccount = users.ToLookup(u => u.AccountId, StringComparer.Ordinal);
        var answers = new List<NpsAnswer>();
        foreach (var story in stories)
        {
            var accountRandom = random.Fork((ulong)story.Index);
            var accountUsers = usersByAccount[story.AccountId].ToList();
            var from = story.ActiveFrom + 7;
            var until = story.Trajectory == DemoTrajectory.Churner ? story.ActiveUntil : Math.Min(story.ActiveUntil, options.Days);
            if (until <= from || accountUsers.Count == 0)
            {
                continue;
            }
            var count = Math.Min(6, 1 + accountRandom.Poisson(story.Segment == "enterprise" ? 2.5 : story.Segment == "mid-market" ? 1.5 : 0.8));
            var seen = new HashSet<(string, DateTime)>();
            for (var i = 0; i < count; i++)
            {
                var answer = AnswerOnce(story, accountUsers, options, from, until, accountRandom);
                if (seen.Add((answer.UserId!, answer.RespondedAt)))
                {
                    answers.Add(answer);
                }
            }
        }
        return answers;
    }

    private static NpsAnswer AnswerOnce(DemoStory story, List<DemoUser> users, DemoOptions options, int from, int until, DemoRandom random)
    {
        var day = random.Next(from, until);
        var user = users[random.Next(Math.Max(1, Math.Min(users.Count, story.UserPool(day))))];
        var at = options.StartDate.ToDateTime(new TimeOnly(random.Next(8, 20), random.Next(60), random.Next(60)), DateTimeKind.Utc).AddDays(day);
        var score = Score(story, day, random);
        return new NpsAnswer(story.AccountId, user.UserId, at, score, Comment(score, random));
    }

    private static int Score(DemoStory story, int day, DemoRandom random) => story.Trajectory switch
    {
        DemoTrajectory.Churner => day >= story.FadeFrom ? random.Next(0, 7) : random.Next(4, 8),
        DemoTrajectory.Expander => random.Chance(0.8) ? random.Next(9, 11) : random.Next(7, 9),
        DemoTrajectory.Contractor => random.Next(4, 8),
        DemoTrajectory.TrialLapsed => random.Next(2, 7),
        DemoTrajectory.Reactivated => random.Next(6, 10),
        DemoTrajectory.NewCustomer or DemoTrajectory.TrialConverted => random.Next(7, 11),
        _ => Math.Clamp((int)Math.Round(8.2 + (1.4 * random.Normal())), 0, 10),
    };

    private static string? Comment(int score, DemoRandom random)
    {
        if (!random.Chance(0.6))
        {
            return null;
        }
        return random.Pick(score >= 9 ? DemoNames.PromoterComments : score >= 7 ? DemoNames.PassiveComments : DemoNames.DetractorComments);
    }
}

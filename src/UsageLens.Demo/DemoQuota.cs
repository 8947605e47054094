namespace UsageLens.Demo;

/// <summary>
/// Deals categories out in fixed proportions, shuffled, so even a 60-account demo has its
/// churners and enterprise customers instead of whatever a coin toss happened to give.
/// </summary>
internal static class DemoQuota
{
    public static T[] Deal<T>(DemoRandom random, int count, IReadOnlyList<(T Value, double Share)> shares)
    {
        var counts = shares.Select(s => Math.Max(1, (int)Math.Floor(s.Share * count))).ToArray();
        var largest = Array.IndexOf(counts, counts.Max());
        counts[largest] += count - counts.Sum();
        var dealt = shares.SelectMany((s, i) => Enumerable.Repeat(s.Value, counts[i])).ToArray();
        for (var i = dealt.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (dealt[i], dealt[j]) = (dealt[j], dealt[i]);
        }
        return dealt;
    }
}

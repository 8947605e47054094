namespace UsageLens.Reliability;

/// <summary>One user's month of one event: the bitmap of active days (bit d-1 for day d) and the first event's Unix second.</summary>
internal readonly record struct MonthActivity(long Days, long FirstSecond);

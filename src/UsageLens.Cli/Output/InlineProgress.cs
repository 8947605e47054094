namespace UsageLens.Cli.Output;

/// <summary>Reports on the calling thread; <see cref="Progress{T}"/> would post to a thread pool and race the bar.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

namespace UsageLens.Core;

/// <summary>
/// An expected failure caused by the caller's input (a bad file, an unknown metric, a conflicting unit).
/// Its message is written for the user: it names the file, line, field and reason.
/// </summary>
public sealed class UsageLensException : Exception
{
    public UsageLensException(string message) : base(message) { }

    public UsageLensException(UsageLensErrorKind kind, string message) : base(message) => Kind = kind;

    public UsageLensException(string message, Exception innerException) : base(message, innerException) { }

    public UsageLensException() { }

    /// <summary>Bad input unless the thrower says the request named something unknown or forbidden.</summary>
    public UsageLensErrorKind Kind { get; } = UsageLensErrorKind.BadInput;
}

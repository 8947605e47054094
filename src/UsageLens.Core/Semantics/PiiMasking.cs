namespace UsageLens.Core.Semantics;

/// <summary>How a dimension's values reach a caller whose scope masks personal data.</summary>
public enum PiiMasking
{
    /// <summary>As stored.</summary>
    None,

    /// <summary>Every value becomes a stable pseudonym (<c>user-</c> and 8 hex digits of its MD5).</summary>
    Always,

    /// <summary>Values that are e-mail addresses become pseudonyms; other ids stay as they are.</summary>
    EmailsOnly,
}

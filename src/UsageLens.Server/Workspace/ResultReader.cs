namespace UsageLens.Server.Workspace;

/// <summary>Who asks the <see cref="ResultCache"/> for a result; a request and a warm-up make it hot, a refresh does not.</summary>
internal enum ResultReader
{
    /// <summary>A visitor's request.</summary>
    Request,

    /// <summary>The dashboard's landing reads, computed as the server starts.</summary>
    WarmUp,

    /// <summary>A hot result read again after a commit or before it expires.</summary>
    Refresh,
}

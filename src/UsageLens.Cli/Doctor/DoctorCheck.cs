namespace UsageLens.Cli.Doctor;

/// <summary>One line of <c>usagelens doctor</c>: what was checked, whether it passed, what was found, and for a failure how to fix it.</summary>
internal sealed record DoctorCheck(string Name, bool Passed, string Detail, string? Fix = null)
{
    public static DoctorCheck Pass(string name, string detail) => new(name, true, detail);

    public static DoctorCheck Fail(string name, string detail, string fix) => new(name, false, detail, fix);
}

namespace UsageLens.Cli;

internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}

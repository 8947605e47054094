using DuckDB.NET.Data;
using UsageLens.Core;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Import;

/// <summary>
/// One import command on one connection: each file is loaded, put in canonical form and validated
/// in turn in connection-private temporary tables, then everything is stored in one transaction.
/// The first problem, in file order, aborts the run and nothing is stored. Event files are first
/// tried in one pass (<see cref="CheckedEventStaging"/>); any bad row sends the import down the
/// exact path, which keeps every row as text so that the problem can be quoted.
/// </summary>
/// <remarks>
/// Loading and validation run outside the transaction on purpose: rows a transaction inserts carry
/// transaction-local row ids, and the record numbers that locate errors come from <c>rowid</c>.
/// Only the temporary tables are written before the transaction, so atomicity is unaffected.
/// </remarks>
internal sealed class ImportRun(DuckDBConnection connection, CanonicalSchema schema, IReadOnlyDictionary<string, string> columnMap,
    IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
{
    private readonly List<ImportedFile> _imported = [];
    private readonly List<long> _firstSeqs = [];
    private long _nextSeq;

    public ImportReport Run(IReadOnlyList<ImportFile> files)
    {
        // Cancelling a command interrupts whatever the connection is running, such as a long read.
        using var interrupter = connection.CreateCommand();
        using var registration = cancellationToken.Register(interrupter.Cancel);
        try
        {
            return Import(files);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            throw new OperationCanceledException("The import was cancelled; nothing was stored.", ex, cancellationToken);
        }
    }

    private ImportReport Import(IReadOnlyList<ImportFile> files)
    {
        if (schema.Kind == ImportKind.Events)
        {
            EventStaging.Create(connection);
        }
        try
        {
            if (!(schema.Kind == ImportKind.Events && StageInOnePass(files)))
            {
                foreach (var file in files)
                {
                    Prepare(file, files.Count);
                }
            }
            Report(files, ImportPhase.Storing);
            using var transaction = connection.BeginTransaction();
            var (stored, duplicates) = Store(files);
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            Report(files, ImportPhase.Done);
            return new ImportReport(schema.Kind, _imported, stored, duplicates);
        }
        finally
        {
            EventStaging.Drop(connection);
            ImportRows.Drop(connection, files.Count);
        }
    }

    // Valid event files, the common case, are staged without their text rows; the first file with a bad row sends
    // the whole import down the exact path (Prepare), which reports the first problem in file order.
    private bool StageInOnePass(IReadOnlyList<ImportFile> files)
    {
        foreach (var file in files)
        {
            var (resolved, rows) = Read(file, files.Count, (raw, r) => CheckedEventStaging.TryStage(connection, raw, r, _nextSeq, cancellationToken));
            if (rows is not { } staged)
            {
                _imported.Clear();
                _firstSeqs.Clear();
                _nextSeq = 0;
                EventStaging.Create(connection);
                return false;
            }
            Accept(file, files.Count, resolved, staged);
            _nextSeq += staged;
            RefuseUnitConflict([file]);
        }
        return true;
    }

    private void Prepare(ImportFile file, int fileCount)
    {
        var (resolved, rows) = Read(file, fileCount, (raw, r) => CanonicalProjection.Create(connection, raw, r));
        Accept(file, fileCount, resolved, rows!.Value);
        Validate(file, resolved, rows.Value);
        _nextSeq += rows.Value;
    }

    // Loads the file, resolves its columns and puts its rows somewhere with `put`, which returns how many (or null).
    private (ResolvedColumns Resolved, long? Rows) Read(ImportFile file, int fileCount, Func<RawFile, ResolvedColumns, long?> put)
    {
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new ImportProgress(file.Name, file.Index, fileCount, ImportPhase.Reading, 0));
        var raw = RawFileLoader.Load(connection, file);
        try
        {
            var resolved = Resolve(raw);
            return (resolved, put(raw, resolved));
        }
        finally
        {
            RawFileLoader.Drop(connection, raw);
        }
    }

    // Records a file whose rows are in place, numbered from the next sequence number.
    private void Accept(ImportFile file, int fileCount, ResolvedColumns resolved, long rows)
    {
        if (rows == 0)
        {
            throw NoRows(file);
        }
        _firstSeqs.Add(_nextSeq);
        _imported.Add(new ImportedFile(file.Name, file.Format, rows, resolved.GeneratesIds, resolved.Ignored));
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new ImportProgress(file.Name, file.Index, fileCount, ImportPhase.Validating, rows));
    }

    private static UsageLensException NoRows(ImportFile file) =>
        new(file.Format == FileFormat.JsonLines ? ImportMessages.Empty(file.Name) : ImportMessages.NoRows(file.Name, file.Format));

    private ResolvedColumns Resolve(RawFile raw)
    {
        try
        {
            return ColumnResolver.Resolve(raw.File.Name, raw.Header, columnMap, schema);
        }
        catch (UsageLensException) when (raw.File.Format == FileFormat.JsonLines && RawFileLoader.FirstMalformedLine(connection, raw) is { } malformed)
        {
            // A file that is not JSON Lines at all (a pretty-printed array, say) has no usable keys;
            // its first bad line explains that better than a list of missing columns.
            throw new UsageLensException(RowFaults.Message(raw.File.Locate(malformed.Record), malformed.Fault, null, null));
        }
    }

    private void Validate(ImportFile file, ResolvedColumns resolved, long rows)
    {
        var fault = RowValidator.FindFirst(connection, resolved, file.Index);
        if (schema.Kind == ImportKind.Events)
        {
            // Stage only the rows before the first bad one: a unit conflict among them comes
            // earlier in the file, so it is the first problem to report.
            EventImportStore.Stage(connection, file.Index, _firstSeqs[file.Index], fault?.Record ?? rows);
            RefuseUnitConflict([file]);
        }
        if (fault is not null)
        {
            throw new UsageLensException(RowFaults.Message(file.Locate(fault.Record), fault.Fault, fault.Column, fault.Value));
        }
    }

    private void RefuseUnitConflict(IReadOnlyList<ImportFile> files)
    {
        if (EventMerge.FindUnitConflict(connection) is not { } conflict)
        {
            return;
        }
        var file = files.Last(f => _firstSeqs[f.Index] <= conflict.Seq);
        var location = file.Locate(conflict.Seq - _firstSeqs[file.Index]);
        throw new UsageLensException(ImportMessages.UnitConflict(location, conflict.Unit, conflict.ExistingUnit, conflict.Event));
    }

    private (long Stored, long Duplicates) Store(IReadOnlyList<ImportFile> files)
    {
        if (schema.Kind == ImportKind.Events)
        {
            // Checked again inside the transaction: a concurrent writer may have registered a meter since.
            RefuseUnitConflict(files);
        }
        return StoreRows();
    }

    private (long Stored, long Duplicates) StoreRows() => schema.Kind switch
    {
        ImportKind.Events => EventImportStore.Merge(connection),
        ImportKind.Accounts => ProfileImportStore.Upsert(connection, _firstSeqs, _nextSeq, schema, "accounts", "account_id"),
        ImportKind.Users => ProfileImportStore.Upsert(connection, _firstSeqs, _nextSeq, schema, "users", "user_id"),
        ImportKind.Subscriptions => KeyedRowImportStore.Upsert(connection, _firstSeqs, _nextSeq, schema, "subscriptions", ["account_id", "effective_at"]),
        ImportKind.Nps => KeyedRowImportStore.Upsert(connection, _firstSeqs, _nextSeq, schema, "nps", ["account_id", "user_id", "responded_at"]),
        _ => throw new ArgumentOutOfRangeException(nameof(schema), schema.Kind, null),
    };

    private void Report(IReadOnlyList<ImportFile> files, ImportPhase phase)
    {
        foreach (var file in files)
        {
            progress?.Report(new ImportProgress(file.Name, file.Index, files.Count, phase, _imported[file.Index].RowsRead));
        }
    }
}

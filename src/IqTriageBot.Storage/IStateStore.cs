namespace IqTriageBot.Storage;

/// <summary>A stored state document and the ETag that a later write must present.</summary>
public sealed record StateEntry(string Json, string ETag);

/// <summary>Thrown when a write presents an ETag that no longer matches: another turn saved first.</summary>
public sealed class StateConflictException(string key) : Exception($"State '{key}' was changed by another writer.")
{
    public string Key { get; } = key;
}

/// <summary>Conversation state documents with optimistic concurrency.</summary>
public interface IStateStore
{
    Task<StateEntry?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the document. <paramref name="expectedETag"/> null means "must not exist yet".
    /// Returns the new ETag; throws <see cref="StateConflictException"/> on a mismatch.
    /// </summary>
    Task<string> WriteAsync(string key, string json, string? expectedETag, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the documents last written before <paramref name="before"/> (retention); returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

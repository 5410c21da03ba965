using Microsoft.Data.Sqlite;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iqtriagebot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        // Pooled SQLite connections keep the database file open; they must go before the folder can.
        SqliteConnection.ClearAllPools();
        try
        {
            if (!Directory.Exists(Path))
            {
                return;
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a connection of a parallel test; the temp folder is cleaned by the OS.
        }
    }
}

using IqTriageBot.Storage;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Storage;

/// <summary>A real SQLite file in a temp folder, migrated the way the host does at start-up.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly TempDirectory _folder = new();

    public async Task<SqliteDatabase> CreateAsync()
    {
        var database = new SqliteDatabase($"Data Source={Path.Combine(_folder.Path, "test.db")}");
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }

    public void Dispose() => _folder.Dispose();
}

public sealed class SqliteDirectLineStoreTests : DirectLineStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override async Task<IDirectLineStore> CreateStoreAsync() => new SqliteDirectLineStore(await _database.CreateAsync());

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Migration_runs_again_on_an_existing_database()
    {
        var store = await CreateStoreAsync();
        await store.CreateConversationAsync(new DirectLineConversation("c1", null, null, Now, false, 0), CancellationToken.None);

        var again = new SqliteDirectLineStore(await _database.CreateAsync());

        Assert.NotNull(await again.GetConversationAsync("c1", CancellationToken.None));
    }
}

public sealed class SqliteStateStoreTests : StateStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override async Task<IStateStore> CreateStoreAsync() => new SqliteStateStore(await _database.CreateAsync());

    public void Dispose() => _database.Dispose();
}

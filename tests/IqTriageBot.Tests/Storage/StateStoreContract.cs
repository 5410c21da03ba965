using IqTriageBot.Storage;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Storage;

/// <summary>What every <see cref="IStateStore"/> must do; subclassed once per provider.</summary>
public abstract class StateStoreContract
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    protected abstract Task<IStateStore> CreateStoreAsync();

    [Fact]
    public async Task Insert_then_read_returns_the_document_and_its_etag()
    {
        var store = await CreateStoreAsync();

        var etag = await store.WriteAsync("k", """{"node":"language"}""", null, Now, CancellationToken.None);

        var entry = await store.ReadAsync("k", CancellationToken.None);
        Assert.Equal(new StateEntry("""{"node":"language"}""", etag), entry);
        Assert.Null(await store.ReadAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task Update_with_the_current_etag_succeeds_and_changes_the_etag()
    {
        var store = await CreateStoreAsync();
        var first = await store.WriteAsync("k", "1", null, Now, CancellationToken.None);

        var second = await store.WriteAsync("k", "2", first, Now, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(new StateEntry("2", second), await store.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Stale_etag_conflicts_and_keeps_the_newer_document()
    {
        var store = await CreateStoreAsync();
        var first = await store.WriteAsync("k", "1", null, Now, CancellationToken.None);
        var second = await store.WriteAsync("k", "2", first, Now, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<StateConflictException>(() => store.WriteAsync("k", "3", first, Now, CancellationToken.None));

        Assert.Equal("k", conflict.Key);
        Assert.Equal(new StateEntry("2", second), await store.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Insert_only_write_conflicts_when_the_document_exists()
    {
        var store = await CreateStoreAsync();
        var etag = await store.WriteAsync("k", "1", null, Now, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => store.WriteAsync("k", "2", null, Now, CancellationToken.None));

        Assert.Equal(new StateEntry("1", etag), await store.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Update_of_a_missing_document_conflicts()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<StateConflictException>(() => store.WriteAsync("k", "1", "made-up-etag", Now, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_removes_the_document_once()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync("k", "1", null, Now, CancellationToken.None);

        Assert.True(await store.DeleteAsync("k", CancellationToken.None));
        Assert.Null(await store.ReadAsync("k", CancellationToken.None));
        Assert.False(await store.DeleteAsync("k", CancellationToken.None));

        // After a delete the key is new again: an insert-only write succeeds.
        await store.WriteAsync("k", "2", null, Now, CancellationToken.None);
        Assert.Equal("2", (await store.ReadAsync("k", CancellationToken.None))!.Json);
    }

    [Fact]
    public async Task Concurrent_writers_with_the_same_etag_let_exactly_one_win()
    {
        var store = await CreateStoreAsync();
        var etag = await store.WriteAsync("k", "0", null, Now, CancellationToken.None);

        var attempts = Enumerable.Range(1, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.WriteAsync("k", i.ToString(System.Globalization.CultureInfo.InvariantCulture), etag, Now, CancellationToken.None);
                return true;
            }
            catch (StateConflictException)
            {
                return false;
            }
        }));

        Assert.Single(await Task.WhenAll(attempts), won => won);
    }
}

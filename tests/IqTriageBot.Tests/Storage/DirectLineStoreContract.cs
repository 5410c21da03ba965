using IqTriageBot.Storage;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Storage;

/// <summary>What every <see cref="IDirectLineStore"/> must do; subclassed once per provider.</summary>
public abstract class DirectLineStoreContract
{
    protected static readonly DateTimeOffset Now = TestClock.Start;

    protected abstract Task<IDirectLineStore> CreateStoreAsync();

    [Fact]
    public async Task Sequence_starts_at_1_and_increases()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, "c1");

        var first = await AppendAsync(store, "c1", Now);
        var second = await AppendAsync(store, "c1", Now.AddSeconds(1));

        Assert.Equal(1, first.Sequence);
        Assert.Equal(2, second.Sequence);
        Assert.Equal(2, (await store.GetConversationAsync("c1", CancellationToken.None))!.LastSequence);
    }

    [Fact]
    public async Task Conversations_have_their_own_sequences()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, "c1");
        await CreateAsync(store, "c2");

        await AppendAsync(store, "c1", Now);
        await AppendAsync(store, "c1", Now);

        Assert.Equal(1, (await AppendAsync(store, "c2", Now)).Sequence);
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_consecutive_sequences()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, "c1");

        var appends = Enumerable.Range(0, 50).Select(i => Task.Run(() => AppendAsync(store, "c1", Now, $"activity {i}")));
        var stored = await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), stored.Select(s => s.Sequence).Order());
        var history = await store.ReadAfterAsync("c1", 0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), history.Select(h => h.Sequence));
        Assert.Equal(50, history.Select(h => h.Json).Distinct().Count());
    }

    [Fact]
    public async Task Timestamps_strictly_increase_even_when_the_clock_stands_still()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, "c1");
        var stamps = new List<ActivityStamp>();

        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync("c1", Now, stamp => { stamps.Add(stamp); return "{}"; }, CancellationToken.None);
        }

        await store.AppendAsync("c1", Now.AddSeconds(-10), stamp => { stamps.Add(stamp); return "{}"; }, CancellationToken.None);

        Assert.Equal(Now, stamps[0].Timestamp);
        Assert.All(stamps.Zip(stamps.Skip(1)), pair => Assert.True(pair.Second.Timestamp > pair.First.Timestamp, $"{pair.Second.Timestamp:O} is not after {pair.First.Timestamp:O}"));
        Assert.All(stamps, s => Assert.Equal(TimeSpan.Zero, s.Timestamp.Offset));
    }

    [Fact]
    public async Task Timestamp_follows_the_clock_when_it_moves_on()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, "c1");
        ActivityStamp later = default;

        await AppendAsync(store, "c1", Now);
        await store.AppendAsync("c1", Now.AddMinutes(5), stamp => { later = stamp; return "{}"; }, CancellationToken.None);

        Assert.Equal(Now.AddMinutes(5), later.Timestamp);
    }

    [Fact]
    public async Task ReadAfter_pages_through_the_history()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, "c1");
        for (var i = 1; i <= 5; i++)
        {
            await AppendAsync(store, "c1", Now, $$"""{"n":{{i}}}""");
        }

        var pages = new List<long[]>();
        long after = 0;
        while (await store.ReadAfterAsync("c1", after, 2, CancellationToken.None) is { Count: > 0 } page)
        {
            pages.Add(page.Select(p => p.Sequence).ToArray());
            after = page[^1].Sequence;
        }

        Assert.Equal([[1, 2], [3, 4], [5]], pages);
        Assert.Equal("""{"n":3}""", (await store.ReadAfterAsync("c1", 2, 1, CancellationToken.None))[0].Json);
        Assert.Empty(await store.ReadAfterAsync("c1", 5, 10, CancellationToken.None));
        Assert.Empty(await store.ReadAfterAsync("unknown", 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Append_to_an_unknown_conversation_fails()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => AppendAsync(store, "nobody", Now));
    }

    [Fact]
    public async Task Create_is_idempotent_and_start_happens_once()
    {
        var store = await CreateStoreAsync();

        Assert.True(await CreateAsync(store, "c1"));
        Assert.False(await CreateAsync(store, "c1"));
        Assert.True(await store.StartConversationAsync("c1", "u1", "ar-SY", CancellationToken.None));
        Assert.False(await store.StartConversationAsync("c1", "u2", null, CancellationToken.None));

        var conversation = (await store.GetConversationAsync("c1", CancellationToken.None))!;
        Assert.True(conversation.Started);
        Assert.Equal("u1", conversation.UserId);
        Assert.Equal("ar-SY", conversation.Locale);
        Assert.Null(await store.GetConversationAsync("c2", CancellationToken.None));
    }

    [Fact]
    public async Task Files_are_kept_byte_for_byte()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, "c1");
        byte[] data = [0, 1, 2, 255, 254, 10, 13];

        await store.SaveFileAsync(new StoredFile("f1", "c1", "image/png", "x.png", data), Now, CancellationToken.None);

        var file = (await store.GetFileAsync("f1", CancellationToken.None))!;
        Assert.Equal(data, file.Data);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal("x.png", file.Name);
        Assert.Null(await store.GetFileAsync("f2", CancellationToken.None));
    }

    [Fact]
    public async Task Erasing_history_removes_activities_and_files_of_that_conversation_only()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, "c1");
        await CreateAsync(store, "c2");
        await AppendAsync(store, "c1", Now, """{"text":"my e-mail is a@b.de"}""");
        await AppendAsync(store, "c1", Now);
        await AppendAsync(store, "c2", Now);
        await store.SaveFileAsync(new StoredFile("f1", "c1", "text/plain", "cv.txt", [1]), Now, CancellationToken.None);

        await store.EraseHistoryAsync("c1", CancellationToken.None);

        Assert.Empty(await store.ReadAfterAsync("c1", 0, 10, CancellationToken.None));
        Assert.Null(await store.GetFileAsync("f1", CancellationToken.None));
        Assert.Single(await store.ReadAfterAsync("c2", 0, 10, CancellationToken.None));
        Assert.Equal(3, (await AppendAsync(store, "c1", Now)).Sequence);
    }

    private static Task<bool> CreateAsync(IDirectLineStore store, string id) =>
        store.CreateConversationAsync(new DirectLineConversation(id, null, null, Now, false, 0), CancellationToken.None);

    private static Task<StoredActivity> AppendAsync(IDirectLineStore store, string id, DateTimeOffset now, string json = "{}") =>
        store.AppendAsync(id, now, _ => json, CancellationToken.None);
}

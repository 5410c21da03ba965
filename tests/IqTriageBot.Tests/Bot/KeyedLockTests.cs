using IqTriageBot.Host.Bot;

namespace IqTriageBot.Tests.Bot;

public class KeyedLockTests
{
    /// <summary>A guard against a hung test, not a timing assertion.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly KeyedLock _locks = new();

    [Fact]
    public async Task Same_key_runs_one_holder_at_a_time()
    {
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = HoldAsync("conversation", firstEntered, releaseFirst.Task);
        await firstEntered.Task.WaitAsync(Guard);
        var second = HoldAsync("conversation", secondEntered, Task.CompletedTask);

        Assert.False(secondEntered.Task.IsCompleted, "The second holder entered while the first held the key.");

        releaseFirst.SetResult();
        await secondEntered.Task.WaitAsync(Guard);
        await Task.WhenAll(first, second).WaitAsync(Guard);
    }

    [Fact]
    public async Task Different_keys_are_held_at_the_same_time()
    {
        var aEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each holder keeps its key until the other one is inside too: serialised holders would never get there.
        var a = HoldAsync("conversation-a", aEntered, bEntered.Task);
        var b = HoldAsync("conversation-b", bEntered, aEntered.Task);

        await Task.WhenAll(a, b).WaitAsync(Guard);
    }

    [Fact]
    public async Task Key_is_free_again_after_release()
    {
        using (await _locks.AcquireAsync("k", CancellationToken.None))
        {
        }

        var again = _locks.AcquireAsync("k", CancellationToken.None);

        Assert.True(again.IsCompletedSuccessfully, "The key stayed held after its holder released it.");
        (await again).Dispose();
    }

    [Fact]
    public async Task Cancelled_waiter_does_not_block_later_holders()
    {
        var held = await _locks.AcquireAsync("k", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = _locks.AcquireAsync("k", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        using var next = await _locks.AcquireAsync("k", CancellationToken.None).WaitAsync(Guard);
    }

    [Fact]
    public async Task Double_dispose_releases_once()
    {
        var first = await _locks.AcquireAsync("k", CancellationToken.None);
        var secondEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Dispose();
        var second = HoldAsync("k", secondEntered, releaseSecond.Task);
        await secondEntered.Task.WaitAsync(Guard);

        first.Dispose();
        var third = _locks.AcquireAsync("k", CancellationToken.None);

        Assert.False(third.IsCompleted, "A second Dispose of an old holder released someone else's hold.");
        releaseSecond.SetResult();
        (await third.WaitAsync(Guard)).Dispose();
        await second.WaitAsync(Guard);
    }

    private async Task HoldAsync(string key, TaskCompletionSource entered, Task release)
    {
        using var held = await _locks.AcquireAsync(key, CancellationToken.None);
        entered.SetResult();
        await release.WaitAsync(Guard);
    }
}

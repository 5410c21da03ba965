using Microsoft.Extensions.Time.Testing;

namespace IqTriageBot.Tests.Infrastructure;

public static class TestClock
{
    /// <summary>A fixed start, so every factory (also the one after a simulated restart) begins at the same instant.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 2, 10, 15, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}

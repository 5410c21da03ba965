using IqTriageBot.Domain.Bookings;
using IqTriageBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>A booking desk over a real SQLite database in a temporary folder, with a clock the test controls.</summary>
public sealed class TestDesk : IDisposable
{
    private readonly TempDirectory _folder = new();

    public TestDesk(DateTimeOffset? now = null)
    {
        Clock = new FakeTimeProvider(now ?? TestClock.Start);
        Database = new SqliteDatabase($"Data Source={Path.Combine(_folder.Path, "bookings.db")}");
        Database.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        Store = new SqliteBookingStore(Database);
        Desk = new BookingDesk(TestEngine.Content.Data.Centres, Store, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public SqliteDatabase Database { get; }

    public SqliteBookingStore Store { get; }

    public BookingDesk Desk { get; }

    public void Dispose()
    {
        Database.Dispose();
        _folder.Dispose();
    }
}

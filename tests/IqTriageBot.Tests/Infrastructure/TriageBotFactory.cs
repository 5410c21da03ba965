using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>
/// The real host over a real SQLite file in a temp folder, with a fake clock and a fixed Direct Line secret.
/// A second factory given the same data directory sees the same database: that is a restart.
/// </summary>
public sealed class TriageBotFactory : WebApplicationFactory<Program>
{
    public const string Secret = "test-directline-secret-0123456789";

    /// <summary>An address from TEST-NET-3 (RFC 5737): never loopback, never routed.</summary>
    public static readonly IPAddress RemoteAddress = IPAddress.Parse("203.0.113.7");

    private readonly TempDirectory? _ownedDirectory;
    private readonly Dictionary<string, string?> _settings;

    public TriageBotFactory(IReadOnlyDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        if (dataDirectory is null)
        {
            _ownedDirectory = new TempDirectory();
            dataDirectory = _ownedDirectory.Path;
        }

        DataDirectory = dataDirectory;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["DirectLine:Secret"] = Secret,
            ["Dialogs:Path"] = RepoPaths.Dialogs,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    /// <summary>What the host logged (at the levels its configuration lets through).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>When true, requests appear to come from <see cref="RemoteAddress"/> instead of loopback.</summary>
    public bool SimulateRemoteCaller { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: no user secrets of the machine running the tests leak into the app.
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(this));
        });
    }

    /// <summary>Both Dispose and DisposeAsync of the base class end here once the host has stopped.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            _ownedDirectory?.Dispose();
        }
    }

    /// <summary>TestServer leaves the remote address empty; the host decides on it who may call /api/messages.</summary>
    private sealed class RemoteAddressFilter(TriageBotFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = factory.SimulateRemoteCaller ? RemoteAddress : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

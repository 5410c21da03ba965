using System.ComponentModel.DataAnnotations;
using IqTriageBot.Storage;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Hosting;

/// <summary>Where data lives (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite file and the generated Direct Line secret; relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite connection string; empty means a file iqtriagebot.db in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataDirectory, "iqtriagebot.db")}"
            : ConnectionString;
}

public static class StorageSetup
{
    public static IServiceCollection AddTriageStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.EffectiveConnectionString));
        services.AddSingleton<IDirectLineStore, SqliteDirectLineStore>();
        services.AddSingleton<IStateStore, SqliteStateStore>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>Creates or upgrades the schema before the server accepts requests.</summary>
    private sealed class DatabaseMigrator(SqliteDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

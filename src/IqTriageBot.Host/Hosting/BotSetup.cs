using IqTriageBot.Dialogs;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Channels.BotService;
using IqTriageBot.Host.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Hosting;

/// <summary>Where the editable content lives (configuration section "Dialogs").</summary>
public sealed class DialogsOptions
{
    public const string Section = "Dialogs";

    /// <summary>The dialogs folder; empty: ./dialogs when it exists (a checkout), else the copy beside the app.</summary>
    public string? Path { get; set; }

    public string EffectivePath =>
        !string.IsNullOrWhiteSpace(Path) ? Path
        : Directory.Exists("dialogs") ? "dialogs"
        : System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs");
}

/// <summary>How the triage conversation behaves (configuration section "Triage").</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>Days after the session when intake data is deleted; the consent text names it.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>Misunderstood answers in a row before the bot offers to skip or a person's contact.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 5)]
    public int MaxRetries { get; set; } = 2;
}

public static class BotSetup
{
    public static IServiceCollection AddTriageBot(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DialogsOptions>().BindConfiguration(DialogsOptions.Section);
        services.AddOptions<TriageOptions>().BindConfiguration(TriageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveContent>();

        // Resolved per request, so a reload reaches every new turn and page.
        services.AddTransient(sp => sp.GetRequiredService<LiveContent>().Content);
        services.AddTransient(sp => sp.GetRequiredService<LiveContent>().Engine);
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<KeyedLock>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddHostedService<StartupChecks>();
        return services;
    }

    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => DirectLineSecret.FromConfigurationOrFile(
            sp.GetRequiredService<IOptions<DirectLineOptions>>().Value.Secret,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory));
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineAuth>();
        services.AddSingleton<ConversationHub>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<IProactiveChannel, DirectLineProactive>();
        services.AddCors();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>, DirectLineCors>();
        return services;
    }

    public static IServiceCollection AddBotService(this IServiceCollection services) => services.AddBotServiceChannel();

    private static void TryAddSingleton<T>(this IServiceCollection services, T instance)
        where T : class
    {
        if (!services.Any(d => d.ServiceType == typeof(T)))
        {
            services.AddSingleton(instance);
        }
    }
}

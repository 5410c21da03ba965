using IqTriageBot.Domain.Translation;
using IqTriageBot.Storage;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Translation;

public static class TranslationSetup
{
    /// <summary>The translator chosen by Translation:Provider (none: machine translation is off), its cache and the turn wrapper.</summary>
    public static IServiceCollection AddTranslation(this IServiceCollection services)
    {
        services.AddOptions<TranslationOptions>().BindConfiguration(TranslationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(nameof(HttpTranslator), client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ITranslator>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TranslationOptions>>().Value;
            if (options.IsOff)
            {
                return new NoTranslator();
            }

            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HttpTranslator));
            HttpTranslator translator = options.Provider.ToLowerInvariant() switch
            {
                "azure" => new AzureTranslator(http, options, sp.GetRequiredService<ILogger<AzureTranslator>>()),
                "deepl" => new DeepLTranslator(http, options, sp.GetRequiredService<ILogger<DeepLTranslator>>()),
                _ => new LibreTranslator(http, options, sp.GetRequiredService<ILogger<LibreTranslator>>()),
            };
            TranslationLog.Enabled(sp.GetRequiredService<ILogger<ConversationTranslation>>(), translator.Provider);
            return translator;
        });
        services.AddSingleton<ITranslationCache, SqliteTranslationStore>();
        services.AddSingleton<MachineCatalogs>();
        services.AddSingleton<ConversationTranslation>();
        return services;
    }
}

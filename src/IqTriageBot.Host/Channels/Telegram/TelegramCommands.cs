using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.Telegram;

/// <summary>
/// Command line for the Telegram webhook, run instead of the server:
/// <c>telegram set-webhook [url]</c> registers the webhook (url defaults to Telegram:WebhookUrl) with the secret
/// token and the update types the bot reads; <c>telegram webhook-info</c> prints Telegram's view of it
/// (pending updates, last error); <c>telegram delete-webhook</c> removes it.
/// </summary>
public static class TelegramCommands
{
    private static readonly string[] AllowedUpdates = ["message", "callback_query"];

    public static bool Handles(string[] args) => args is ["telegram", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["telegram", "set-webhook" or "webhook-info" or "delete-webhook", ..])
        {
            await Console.Error.WriteLineAsync("usage: telegram set-webhook [https-url] | telegram webhook-info | telegram delete-webhook");
            return 2;
        }

        var command = args[1];
        var explicitUrl = command == "set-webhook" && args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : null;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args[(explicitUrl is null ? 2 : 3)..]);
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section);
        builder.Services.AddHttpClient<TelegramApi>(client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        using var host = builder.Build();
        var settings = host.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!settings.Enabled)
        {
            await Console.Error.WriteLineAsync("Telegram:BotToken is not set (environment variable Telegram__BotToken)");
            return 2;
        }

        string method;
        string payload;
        switch (command)
        {
            case "set-webhook":
                var url = explicitUrl ?? settings.WebhookUrl;
                if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                {
                    await Console.Error.WriteLineAsync("give the public https URL of /telegram/webhook, or set Telegram:WebhookUrl");
                    return 2;
                }

                if (string.IsNullOrWhiteSpace(settings.SecretToken))
                {
                    await Console.Error.WriteLineAsync("Telegram:SecretToken is not set (environment variable Telegram__SecretToken)");
                    return 2;
                }

                method = "setWebhook";
                payload = JsonSerializer.Serialize(new { url, secret_token = settings.SecretToken, allowed_updates = AllowedUpdates });
                break;
            case "webhook-info":
                method = "getWebhookInfo";
                payload = "{}";
                break;
            default:
                method = "deleteWebhook";
                payload = "{}";
                break;
        }

        var answer = await host.Services.GetRequiredService<TelegramApi>().CallAsync(method, payload, CancellationToken.None);
        if (answer is null)
        {
            await Console.Error.WriteLineAsync("the Bot API could not be reached at " + settings.ApiBaseUrl);
            return 1;
        }

        var (status, body) = answer.Value;
        Console.WriteLine(body?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return body?["ok"]?.GetValue<bool>() == true ? 0 : 1;
    }
}

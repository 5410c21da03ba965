using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace IqTriageBot.Host.Channels.WhatsApp;

/// <summary>One inbound message of a Cloud API notification.</summary>
/// <param name="ButtonId">The id of a pressed reply button or list row (interactive replies).</param>
/// <param name="ButtonTitle">Its title, used when the id is not known.</param>
public sealed record WhatsAppMessage(string Id, string? WaId, string? UserId, string? PhoneNumberId, long Timestamp, string? Text, string? ButtonId, string? ButtonTitle);

/// <summary>Reading and checking Cloud API notifications.</summary>
public static class WhatsAppWebhook
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    /// <summary>Whether the header is "sha256=" and the hex HMAC-SHA256 of the raw body with the app secret (compared in constant time).</summary>
    public static bool SignatureValid(string? header, byte[] body, string? appSecret)
    {
        if (string.IsNullOrEmpty(appSecret) || header is null || !header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(7));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(appSecret), body);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>
    /// The messages of a notification, oldest first (one POST may batch several entries and changes; statuses are
    /// skipped). Null when the body is JSON but not a notification; throws JsonException when it is not JSON.
    /// </summary>
    public static IReadOnlyList<WhatsAppMessage>? Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var messages = new List<WhatsAppMessage>();
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var change in changes.EnumerateArray())
            {
                if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var phone = value.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? Str(metadata, "phone_number_id") : null;
                var contacts = value.TryGetProperty("contacts", out var c) && c.ValueKind == JsonValueKind.Array ? c.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).ToList() : [];
                if (!value.TryGetProperty("messages", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var message in items.EnumerateArray())
                {
                    if (message.ValueKind != JsonValueKind.Object || Str(message, "id") is not { Length: > 0 } id)
                    {
                        return null;
                    }

                    var from = Str(message, "from");
                    var contact = contacts.FirstOrDefault(x => from is not null && Str(x, "wa_id") == from);
                    if (contact.ValueKind == JsonValueKind.Undefined && contacts.Count == 1)
                    {
                        contact = contacts[0];
                    }

                    var waId = from ?? (contact.ValueKind == JsonValueKind.Object ? Str(contact, "wa_id") : null);
                    var userId = (contact.ValueKind == JsonValueKind.Object ? Str(contact, "user_id") : null) ?? Str(message, "from_user_id");
                    long.TryParse(Str(message, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp);
                    var (text, buttonId, buttonTitle) = Content(message);
                    messages.Add(new WhatsAppMessage(id, waId, userId, phone, timestamp, text, buttonId, buttonTitle));
                }
            }
        }

        return messages.OrderBy(m => m.Timestamp).ToList();
    }

    private static (string? Text, string? ButtonId, string? ButtonTitle) Content(JsonElement message)
    {
        switch (Str(message, "type"))
        {
            case "text" when message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object:
                return (Str(text, "body") ?? string.Empty, null, null);
            case "interactive" when message.TryGetProperty("interactive", out var interactive) && interactive.ValueKind == JsonValueKind.Object:
                foreach (var kind in new[] { "button_reply", "list_reply" })
                {
                    if (interactive.TryGetProperty(kind, out var reply) && reply.ValueKind == JsonValueKind.Object)
                    {
                        return (null, Str(reply, "id"), Str(reply, "title"));
                    }
                }

                return (string.Empty, null, null);
            case "button" when message.TryGetProperty("button", out var button) && button.ValueKind == JsonValueKind.Object:
                return (null, Str(button, "payload"), Str(button, "text"));
            default:
                // Pictures, voice, stickers…: the engine answers an empty message by asking again.
                return (string.Empty, null, null);
        }
    }

    private static string? Str(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

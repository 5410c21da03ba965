using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Channels.WhatsApp;
using IqTriageBot.Storage;
using IqTriageBot.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IqTriageBot.Tests.Messengers;

/// <summary>GET/POST /whatsapp/webhook against a fake Graph API (PROTOCOLS.md section 5).</summary>
public class WhatsAppTests : MessengerTest
{
    private const string WaId = "16505551234";
    private const string UserId = "US.13491208655302741918";
    private int _messageId;

    [Fact]
    public async Task Verification_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        using var ok = await Http.GetAsync($"/whatsapp/webhook?hub.mode=subscribe&hub.verify_token={VerifyToken}&hub.challenge=1158201444");
        using var wrongToken = await Http.GetAsync("/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444");
        using var wrongMode = await Http.GetAsync($"/whatsapp/webhook?hub.mode=unsubscribe&hub.verify_token={VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongMode.StatusCode);
    }

    [Fact]
    public async Task Missing_or_wrong_signature_is_401_and_nothing_is_processed()
    {
        var body = Notification(TextMessage("Hallo")).ToJsonString();

        using var none = await PostRawAsync(body, signature: null);
        using var wrong = await PostRawAsync(body, signature: "sha256=" + new string('0', 64));
        // Signed over other bytes: the same JSON re-serialised with escaped non-ASCII does not match.
        using var reencoded = await PostRawAsync(body.Replace("Hallo", "Hall\\u006f", StringComparison.Ordinal), signature: Sign(body));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reencoded.StatusCode);
        await DrainAsync();
        Assert.Empty(Platform.Calls);
        Assert.Null(await Store.FindConversationAsync("whatsapp", UserId, CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[")]
    [InlineData("{\"object\":\"whatsapp_business_account\"}")]
    [InlineData("{\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"type\":\"text\"}]}}]}]}")]
    public async Task Malformed_notification_is_400_and_nothing_is_stored(string body)
    {
        using var response = await PostRawAsync(body, Sign(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await DrainAsync();
        Assert.Empty(Platform.Calls);
        Assert.Null(await Store.FindConversationAsync("whatsapp", UserId, CancellationToken.None));
    }

    [Fact]
    public async Task Status_callbacks_are_accepted_and_ignored()
    {
        var statuses = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "WABA",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = PhoneNumberId },
                        ["statuses"] = new JsonArray(new JsonObject
                        {
                            ["id"] = "wamid.out1", ["status"] = "failed", ["timestamp"] = "1749416400", ["recipient_id"] = WaId,
                            ["errors"] = new JsonArray(new JsonObject { ["code"] = 131047, ["title"] = "Re-engagement message" }),
                        }),
                    },
                }),
            }),
        };

        using var response = await PostAsync(statuses);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DrainAsync();
        Assert.Empty(Platform.Calls);
    }

    [Fact]
    public async Task Redelivered_message_is_answered_once_and_keyed_on_the_business_scoped_id()
    {
        var notification = Notification(TextMessage("Hallo"));
        var first = await SendAsync(notification);
        var again = await SendAsync(notification);

        Assert.NotEmpty(first);
        Assert.Empty(again);
        var conversation = await Store.FindConversationAsync("whatsapp", UserId, CancellationToken.None);
        Assert.NotNull(conversation);
        Assert.Equal(WaId, conversation.UserId);
        Assert.All(first, m => Assert.Equal(WaId, m["to"]!.GetValue<string>()));
        Assert.All(Platform.Calls, c => Assert.Equal("/v23.0/" + PhoneNumberId + "/messages", c.Path));
        Assert.All(Platform.Calls, c => Assert.Equal("Bearer " + AccessToken, c.Authorization));
    }

    [Fact]
    public async Task Without_a_phone_number_the_user_is_reached_by_the_business_scoped_id()
    {
        var message = TextMessage("Hallo");
        message.Remove("from");
        var notification = Notification(message);
        notification["entry"]![0]!["changes"]![0]!["value"]!["contacts"]![0]!.AsObject().Remove("wa_id");

        var sent = await SendAsync(notification);

        Assert.NotEmpty(sent);
        Assert.All(sent, m => Assert.Equal(UserId, m["recipient"]!.GetValue<string>()));
        Assert.All(sent, m => Assert.Null(m["to"]));
    }

    [Fact]
    public async Task Many_choices_are_a_numbered_list_few_short_ones_buttons_and_up_to_ten_a_list()
    {
        // Twelve languages: a numbered text list, answered with the number.
        var greeting = await SendAsync(Notification(TextMessage("Hello")));
        var languages = greeting[^1];
        Assert.Equal("text", languages["type"]!.GetValue<string>());
        Assert.Contains("\n1. ", languages["text"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\n12. ", languages["text"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);

        var english = languages["text"]!["body"]!.GetValue<string>().Split('\n').First(l => l.EndsWith(". English", StringComparison.Ordinal)).Split('.')[0];
        var consent = await SendAsync(Notification(TextMessage(english)));

        // Consent: two short choices, reply buttons within the limits.
        var buttons = consent[^1];
        Assert.Equal("interactive", buttons["type"]!.GetValue<string>());
        Assert.Equal("button", buttons["interactive"]!["type"]!.GetValue<string>());
        var replyButtons = buttons["interactive"]!["action"]!["buttons"]!.AsArray();
        Assert.InRange(replyButtons.Count, 1, 3);
        Assert.All(replyButtons, b => Assert.InRange(b!["reply"]!["title"]!.GetValue<string>().Length, 1, 20));
        Assert.InRange(buttons["interactive"]!["body"]!["text"]!.GetValue<string>().Length, 1, 1024);

        // Further on, questions with four to ten choices come as a list of at most ten rows within the limits.
        var last = consent;
        JsonNode? list = null;
        foreach (var answer in PortalSeed.Nurse("04109", "Amira").Skip(1))
        {
            last = await SayAsync(last, answer);
            list = last.Select(m => m["interactive"]).LastOrDefault(i => i?["type"]?.GetValue<string>() == "list");
            if (list is not null)
            {
                break;
            }
        }

        Assert.NotNull(list);
        var rows = list["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.InRange(rows.Count, 4, 10);
        Assert.All(rows, r => Assert.InRange(r!["title"]!.GetValue<string>().Length, 1, 24));
        Assert.All(rows, r => Assert.InRange(r!["description"]?.GetValue<string>().Length ?? 0, 0, 72));
        Assert.InRange(list["action"]!["button"]!.GetValue<string>().Length, 1, 20);
        Assert.InRange(list["body"]!["text"]!.GetValue<string>().Length, 1, 1024);
    }

    [Fact]
    public async Task Api_down_the_webhook_still_answers_200_and_the_replies_go_out_later()
    {
        Platform.Down = true;

        using var response = await PostAsync(Notification(TextMessage("Hello")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DrainAsync();
        Assert.Empty(Platform.Calls);
        Assert.True(Platform.FailedAttempts >= 1);

        Platform.Down = false;
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await DrainAsync();

        Assert.Equal(2, Platform.BodiesOf("/messages").Count);
        Assert.Empty(await Store.PendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Whole_triage_booking_reminder_within_the_window_skip_outside_it_and_cancel()
    {
        var last = await SendAsync(Notification(TextMessage("Hello")));
        foreach (var answer in PortalSeed.Nurse("04109", "Amira"))
        {
            last = await SayAsync(last, answer);
        }

        var confirmation = await SendAsync(Notification(SecondLastTime(last[^1])));
        var reference = confirmation.Select(m => BookingReference.Find(BodyOf(m))).First(r => r is not null)!;
        var booking = (await Bookings.FindAsync(reference, CancellationToken.None))!;
        Assert.Equal("whatsapp", booking.Address.ChannelId);
        Assert.Equal(UserId, booking.Address.ConversationId);
        var reminders = Factory.Services.GetServices<IHostedService>().OfType<ReminderService>().Single();

        // The day before, within 24 hours of the person's last message: the reminder goes out on WhatsApp.
        Platform.Clear();
        var lastInbound = Factory.Clock.GetUtcNow();
        Factory.Clock.SetUtcNow(booking.Start!.Value.AddHours(-20));
        Assert.True(booking.Start.Value.AddHours(-20) - lastInbound < TimeSpan.FromHours(24));
        await reminders.SendDueAsync(CancellationToken.None);
        await DrainAsync();
        Assert.Contains(Platform.BodiesOf("/messages"), m => BodyOf(m).Contains(reference, StringComparison.Ordinal));

        // More than 24 hours after the last message a free-form message would be refused: skipped, not failed.
        Platform.Clear();
        Factory.Clock.SetUtcNow(lastInbound.AddHours(25));
        var proactive = Factory.Services.GetRequiredService<ProactiveMessages>();
        var engine = Factory.Services.GetRequiredService<IqTriageBot.Host.Hosting.LiveContent>().Engine;
        Assert.False(await proactive.SendAsync(booking.Address, engine.Reminder(booking), CancellationToken.None));
        await DrainAsync();
        Assert.Empty(Platform.Calls);

        var cancelled = await SendAsync(Notification(TextMessage($"cancel {reference}")));
        Assert.NotEmpty(cancelled);
        Assert.Equal(BookingStatus.Cancelled, (await Bookings.FindAsync(reference, CancellationToken.None))!.Status);
    }

    private IMessengerStore Store => Factory.Services.GetRequiredService<IMessengerStore>();

    private IBookingStore Bookings => Factory.Services.GetRequiredService<IBookingStore>();

    private static string BodyOf(JsonObject message) =>
        message["text"]?["body"]?.GetValue<string>() ?? message["interactive"]?["body"]?["text"]?.GetValue<string>() ?? string.Empty;

    /// <summary>The second-last offered time, pressed as the bot offered it (button, list row or number).</summary>
    private JsonObject SecondLastTime(JsonObject slots)
    {
        var interactive = slots["interactive"];
        if (interactive?["type"]?.GetValue<string>() == "button")
        {
            var button = interactive["action"]!["buttons"]!.AsArray()[^2]!["reply"]!;
            return Interactive("button_reply", button["id"]!.GetValue<string>(), button["title"]!.GetValue<string>());
        }

        if (interactive?["type"]?.GetValue<string>() == "list")
        {
            var row = interactive["action"]!["sections"]![0]!["rows"]!.AsArray()[^2]!;
            return Interactive("list_reply", row["id"]!.GetValue<string>(), row["title"]!.GetValue<string>());
        }

        var numbers = BodyOf(slots).Split('\n').Where(l => l.Length > 2 && char.IsAsciiDigit(l[0]) && l.Contains(". ", StringComparison.Ordinal)).ToList();
        return TextMessage(numbers[^2].Split('.')[0]);
    }

    /// <summary>Presses the reply button or list row with that label when the bot offered one, else types the answer.</summary>
    private async Task<IReadOnlyList<JsonObject>> SayAsync(IReadOnlyList<JsonObject> previous, string answer)
    {
        var interactive = previous.LastOrDefault(m => m["type"]?.GetValue<string>() == "interactive")?["interactive"];
        JsonObject message = TextMessage(answer);
        if (interactive?["type"]?.GetValue<string>() == "button"
            && interactive["action"]!["buttons"]!.AsArray().FirstOrDefault(b => b!["reply"]!["title"]!.GetValue<string>() == answer) is { } button)
        {
            message = Interactive("button_reply", button["reply"]!["id"]!.GetValue<string>(), answer);
        }
        else if (interactive?["type"]?.GetValue<string>() == "list"
            && interactive["action"]!["sections"]![0]!["rows"]!.AsArray()
                .FirstOrDefault(r => r!["title"]!.GetValue<string>() == answer || r["description"]?.GetValue<string>() == answer) is { } row)
        {
            message = Interactive("list_reply", row["id"]!.GetValue<string>(), row["title"]!.GetValue<string>());
        }

        var replies = await SendAsync(Notification(message));
        Assert.NotEmpty(replies);
        return replies;
    }

    private async Task<IReadOnlyList<JsonObject>> SendAsync(JsonObject notification)
    {
        var before = Platform.BodiesOf("/messages").Count;
        using var response = await PostAsync(notification);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DrainAsync();
        return Platform.BodiesOf("/messages").Skip(before).ToList();
    }

    private JsonObject TextMessage(string text) => new()
    {
        ["from"] = WaId,
        ["id"] = $"wamid.HBgL{++_messageId}",
        ["timestamp"] = (1740910531 + _messageId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = text },
    };

    private JsonObject Interactive(string kind, string id, string title) => new()
    {
        ["context"] = new JsonObject { ["from"] = "15550783881", ["id"] = "wamid.buttons" },
        ["from"] = WaId,
        ["id"] = $"wamid.HBgL{++_messageId}",
        ["timestamp"] = (1740910531 + _messageId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["type"] = "interactive",
        ["interactive"] = new JsonObject { ["type"] = kind, [kind] = new JsonObject { ["id"] = id, ["title"] = title } },
    };

    private static JsonObject Notification(JsonObject message) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "102290129340398",
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "messages",
                ["value"] = new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = PhoneNumberId },
                    ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Amira" }, ["wa_id"] = WaId, ["user_id"] = UserId }),
                    ["messages"] = new JsonArray(message),
                },
            }),
        }),
    };

    private static string Sign(string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(body)));

    private Task<HttpResponseMessage> PostAsync(JsonObject notification)
    {
        var body = notification.ToJsonString();
        return PostRawAsync(body, Sign(body));
    }

    private async Task<HttpResponseMessage> PostRawAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add(WhatsAppWebhook.SignatureHeader, signature);
        }

        return await Http.SendAsync(request);
    }
}

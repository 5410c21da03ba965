using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Channels.Telegram;
using IqTriageBot.Storage;
using IqTriageBot.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IqTriageBot.Tests.Messengers;

/// <summary>POST /telegram/webhook against a fake Bot API (PROTOCOLS.md section 4).</summary>
public class TelegramTests : MessengerTest
{
    private const long Chat = 7312299911;
    private long _updateId = 904512345;

    [Fact]
    public async Task Missing_or_wrong_secret_is_401_and_nothing_is_processed()
    {
        using var none = await PostAsync(Text(_updateId, "/start"), secret: null);
        using var wrong = await PostAsync(Text(_updateId, "/start"), secret: TelegramSecret + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        await DrainAsync();
        Assert.Empty(Platform.Calls);
        // The update id was not consumed: the real delivery still works.
        using var right = await PostAsync(Text(_updateId, "/start"));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        await DrainAsync();
        Assert.NotEmpty(Platform.BodiesOf("/sendMessage"));
    }

    [Theory]
    [InlineData("{\"update_id\": 1, \"message\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"message\": {\"text\": \"hi\"}}")]
    public async Task Malformed_update_is_400_and_nothing_is_stored(string body)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await DrainAsync();
        Assert.Empty(Platform.Calls);
        Assert.Null(await Store.FindConversationAsync("telegram", Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
    }

    [Fact]
    public async Task Redelivered_update_is_answered_once_even_after_a_restart()
    {
        var update = Text(_updateId, "/start");
        using (var first = await PostAsync(update))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await DrainAsync();
        var sent = Platform.BodiesOf("/sendMessage").Count;
        Assert.True(sent > 0);

        using (var again = await PostAsync(update))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        await DrainAsync();
        Assert.Equal(sent, Platform.BodiesOf("/sendMessage").Count);

        // A second host on the same database: the id is still known.
        await using var restarted = new Infrastructure.TriageBotFactory(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = BotToken,
            ["Telegram:SecretToken"] = TelegramSecret,
            ["Telegram:ApiBaseUrl"] = Platform.BaseUrl,
        }, Factory.DataDirectory);
        using var http = restarted.CreateClient();
        using var request = Request(update.ToJsonString(), TelegramSecret);
        using var third = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        await restarted.Services.GetRequiredService<IqTriageBot.Host.Channels.Messengers.MessengerOutbox>().DrainAsync(CancellationToken.None);
        Assert.Equal(sent, Platform.BodiesOf("/sendMessage").Count);
    }

    [Fact]
    public async Task Language_code_is_a_hint_and_buttons_are_short_callback_data_answered_with_answerCallbackQuery()
    {
        var replies = await SendAsync(Text(NextId(), "/start", language: "uk"));

        var keyboard = replies[^1]["reply_markup"]!["inline_keyboard"]!.AsArray();
        Assert.True(keyboard.Count > 3);
        var buttons = keyboard.SelectMany(row => row!.AsArray()).ToList();
        Assert.All(buttons, b => Assert.InRange(Encoding.UTF8.GetByteCount(b!["callback_data"]!.GetValue<string>()), 1, 64));
        Assert.All(replies, r => Assert.Equal(Chat, r["chat_id"]!.GetValue<long>()));
        Assert.All(replies, r => Assert.Null(r["parse_mode"]));
        // The greeting comes in Ukrainian, the language Telegram reported.
        Assert.Contains(replies, r => r["text"]!.GetValue<string>().Any(c => c is >= 'А' and <= 'я'));

        var arabic = buttons.Single(b => b!["text"]!.GetValue<string>() == "العربية")!;
        Platform.Clear();
        var afterPress = await SendAsync(Callback(NextId(), "cbq-1", arabic["callback_data"]!.GetValue<string>()));

        var answered = Assert.Single(Platform.BodiesOf("/answerCallbackQuery"));
        Assert.Equal("cbq-1", answered["callback_query_id"]!.GetValue<string>());
        Assert.Equal("/bot" + BotToken + "/answerCallbackQuery", Platform.Calls.First().Path);
        // Right-to-left text arrives as written, without added marks.
        var text = afterPress[0]["text"]!.GetValue<string>();
        Assert.Contains(text, t => t is >= '\u0600' and <= '\u06FF');
        Assert.DoesNotContain(text, t => t is '\u200F' or '\u200E' or '\u202B' or '\u202E');
    }

    [Fact]
    public async Task Unknown_callback_data_is_still_answered()
    {
        await SendAsync(Text(NextId(), "/start"));
        Platform.Clear();

        await SendAsync(Callback(NextId(), "cbq-9", "bnot-a-token"));

        Assert.Equal("cbq-9", Assert.Single(Platform.BodiesOf("/answerCallbackQuery"))["callback_query_id"]!.GetValue<string>());
        Assert.Empty(Platform.BodiesOf("/sendMessage"));
    }

    [Fact]
    public async Task Api_down_the_webhook_still_answers_200_and_the_replies_go_out_later_in_order()
    {
        Platform.Down = true;

        using var response = await PostAsync(Text(NextId(), "/start"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DrainAsync();
        Assert.Empty(Platform.Calls);
        Assert.True(Platform.FailedAttempts >= 1);
        Assert.NotEmpty(await Store.PendingAsync(10, CancellationToken.None));

        Platform.Down = false;
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await DrainAsync();

        var sent = Platform.BodiesOf("/sendMessage");
        Assert.Equal(2, sent.Count);
        Assert.Null(sent[0]["reply_markup"]);
        Assert.NotNull(sent[1]["reply_markup"]);
        Assert.Empty(await Store.PendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Too_many_requests_waits_exactly_the_retry_after_seconds()
    {
        Platform.RateLimitOnceSeconds = 35;

        using var response = await PostAsync(Text(NextId(), "/start"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DrainAsync();
        Assert.Equal(1, Platform.FailedAttempts);
        Assert.Empty(Platform.Calls);

        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await DrainAsync();
        Assert.Empty(Platform.Calls);

        Factory.Clock.Advance(TimeSpan.FromSeconds(6));
        await DrainAsync();
        Assert.Equal(2, Platform.BodiesOf("/sendMessage").Count);
    }

    [Fact]
    public async Task Whole_triage_booking_reminder_and_cancel_by_reference()
    {
        var last = await SendAsync(Text(NextId(), "/start"));
        foreach (var answer in PortalSeed.Nurse("04109", "Amira"))
        {
            last = await SayAsync(last, answer);
        }

        // The times are offered as buttons; the second-last is far enough ahead for a reminder.
        var times = Buttons(last);
        Assert.True(times.Count >= 2);
        var confirmation = await SendAsync(Callback(NextId(), "cbq-slot", times[^2]["callback_data"]!.GetValue<string>()));
        var reference = confirmation.Select(r => BookingReference.Find(r["text"]!.GetValue<string>())).First(r => r is not null)!;
        var booking = (await Bookings.FindAsync(reference, CancellationToken.None))!;
        Assert.Equal("telegram", booking.Address.ChannelId);
        Assert.Equal(Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), booking.Address.ConversationId);

        Platform.Clear();
        Factory.Clock.SetUtcNow(booking.Start!.Value.AddHours(-20));
        var reminders = Factory.Services.GetServices<IHostedService>().OfType<ReminderService>().Single();
        await reminders.SendDueAsync(CancellationToken.None);
        await DrainAsync();
        Assert.Contains(Platform.BodiesOf("/sendMessage"), m => m["text"]!.GetValue<string>().Contains(reference, StringComparison.Ordinal));

        var cancelled = await SendAsync(Text(NextId(), $"cancel {reference}"));
        Assert.NotEmpty(cancelled);
        Assert.Equal(BookingStatus.Cancelled, (await Bookings.FindAsync(reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Set_webhook_command_registers_url_secret_and_update_types()
    {
        var code = await TelegramCommands.RunAsync(
        [
            "telegram", "set-webhook", "https://bot.example.org/telegram/webhook",
            "--Telegram:BotToken=" + BotToken, "--Telegram:SecretToken=" + TelegramSecret, "--Telegram:ApiBaseUrl=" + Platform.BaseUrl,
        ]);
        var info = await TelegramCommands.RunAsync(["telegram", "webhook-info", "--Telegram:BotToken=" + BotToken, "--Telegram:ApiBaseUrl=" + Platform.BaseUrl]);
        var refused = await TelegramCommands.RunAsync(["telegram", "set-webhook", "http://insecure.example.org/telegram/webhook", "--Telegram:BotToken=" + BotToken, "--Telegram:SecretToken=" + TelegramSecret]);

        Assert.Equal(0, code);
        Assert.Equal(0, info);
        Assert.Equal(2, refused);
        var registered = Assert.Single(Platform.BodiesOf("/setWebhook"));
        Assert.Equal("https://bot.example.org/telegram/webhook", registered["url"]!.GetValue<string>());
        Assert.Equal(TelegramSecret, registered["secret_token"]!.GetValue<string>());
        Assert.Equal(["message", "callback_query"], registered["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Single(Platform.BodiesOf("/getWebhookInfo"));
    }

    [Fact]
    public async Task Delete_my_data_removes_what_the_channel_keeps()
    {
        var chat = Chat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var languages = await SendAsync(Text(NextId(), "/start"));
        var oldToken = Buttons(languages)[0]["callback_data"]!.GetValue<string>();
        await SendAsync(Text(NextId(), "English"));
        Assert.NotNull(await Store.FindConversationAsync("telegram", chat, CancellationToken.None));

        var confirm = await SendAsync(Text(NextId(), "delete my data"));
        var yes = Buttons(confirm).First(b => b["text"]!.GetValue<string>() == "Yes");
        var done = await SendAsync(Callback(NextId(), "cbq-del", yes["callback_data"]!.GetValue<string>()));

        Assert.NotEmpty(done);
        Assert.Null(await Store.FindConversationAsync("telegram", chat, CancellationToken.None));
        Assert.Null(await Store.FindButtonAsync("telegram", chat, oldToken, CancellationToken.None));
    }

    [Fact]
    public void Long_texts_split_at_4096_on_line_breaks_without_breaking_characters()
    {
        var line = new string('ب', 90) + " 👩🏽‍⚕️ " + new string('x', 9);
        var text = string.Join('\n', Enumerable.Repeat(line, 100));

        var parts = IqTriageBot.Host.Channels.Messengers.MessengerText.Split(text, TelegramRenderer.MaxText);

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramRenderer.MaxText));
        Assert.All(parts, p => Assert.EndsWith("xxxxxxxxx", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace("\n", string.Empty, StringComparison.Ordinal), string.Concat(parts).Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    private IMessengerStore Store => Factory.Services.GetRequiredService<IMessengerStore>();

    private IBookingStore Bookings => Factory.Services.GetRequiredService<IBookingStore>();

    private long NextId() => ++_updateId;

    private static List<JsonObject> Buttons(IReadOnlyList<JsonObject> replies) =>
        replies.LastOrDefault(r => r["reply_markup"] is not null)?["reply_markup"]!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray()).Select(b => b!.AsObject()).ToList() ?? [];

    /// <summary>Presses the button with that label when the bot offered one, else types the answer.</summary>
    private async Task<IReadOnlyList<JsonObject>> SayAsync(IReadOnlyList<JsonObject> previous, string answer)
    {
        var button = Buttons(previous).FirstOrDefault(b => b["text"]!.GetValue<string>() == answer);
        var replies = button is null
            ? await SendAsync(Text(NextId(), answer))
            : await SendAsync(Callback(NextId(), "cbq-" + _updateId, button["callback_data"]!.GetValue<string>()));
        Assert.NotEmpty(replies);
        return replies;
    }

    private async Task<IReadOnlyList<JsonObject>> SendAsync(JsonObject update)
    {
        var before = Platform.BodiesOf("/sendMessage").Count;
        using var response = await PostAsync(update);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DrainAsync();
        return Platform.BodiesOf("/sendMessage").Skip(before).ToList();
    }

    private static JsonObject Text(long updateId, string text, string? language = "en") => new()
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = updateId - 904512000,
            ["date"] = 1740910531,
            ["from"] = new JsonObject { ["id"] = Chat, ["is_bot"] = false, ["first_name"] = "Olena", ["language_code"] = language },
            ["chat"] = new JsonObject { ["id"] = Chat, ["type"] = "private", ["first_name"] = "Olena" },
            ["text"] = text,
        },
    };

    private static JsonObject Callback(long updateId, string queryId, string data) => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = queryId,
            ["chat_instance"] = "-8754230981234567",
            ["from"] = new JsonObject { ["id"] = Chat, ["is_bot"] = false, ["first_name"] = "Olena", ["language_code"] = "en" },
            ["message"] = new JsonObject
            {
                ["message_id"] = 312,
                ["date"] = 1740910540,
                ["chat"] = new JsonObject { ["id"] = Chat, ["type"] = "private" },
                ["text"] = "…",
            },
            ["data"] = data,
        },
    };

    private Task<HttpResponseMessage> PostAsync(JsonObject update, string? secret = TelegramSecret) => PostRawAsync(update.ToJsonString(), secret);

    private async Task<HttpResponseMessage> PostRawAsync(string body, string? secret = TelegramSecret)
    {
        using var request = Request(body, secret);
        return await Http.SendAsync(request);
    }

    private static HttpRequestMessage Request(string body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(TelegramEndpoints.SecretHeader, secret);
        }

        return request;
    }
}

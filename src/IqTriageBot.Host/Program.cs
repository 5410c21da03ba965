using IqTriageBot.Host.Advisors;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Channels.BotService;
using IqTriageBot.Host.Channels.DirectLine;
using IqTriageBot.Host.Channels.Messengers;
using IqTriageBot.Host.Channels.Telegram;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Host.Mail;
using IqTriageBot.Host.Protocol;
using IqTriageBot.Host.Translation;

if (PortalCommands.Handles(args))
{
    return await PortalCommands.RunAsync(args);
}

if (TelegramCommands.Handles(args))
{
    return await TelegramCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTriageStorage();
builder.Services.AddTriageBot();
builder.Services.AddTranslation();
builder.Services.AddBooking();
builder.Services.AddMail();
builder.Services.AddPortal();
builder.Services.AddDirectLine();
builder.Services.AddBotService();
builder.Services.AddMessengers();
builder.Services.AddWebChat();
builder.Services.AddProblemDetails();
builder.Services.AddResponseCompression(compression => compression.EnableForHttps = true);
builder.Services.ConfigureHttpJsonOptions(json => ProtocolJson.Configure(json.SerializerOptions));

var app = builder.Build();

app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseWebChatBundle();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDirectLine();
app.MapBotService();
app.MapMessengers();
app.MapWebChat();
app.MapOccupations();
app.MapBookings();
app.MapPortal();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that integration tests can host the app.</summary>
public partial class Program;

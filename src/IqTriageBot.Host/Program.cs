using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Channels.BotService;
using IqTriageBot.Host.Channels.DirectLine;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Host.Protocol;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTriageStorage();
builder.Services.AddTriageBot();
builder.Services.AddBooking();
builder.Services.AddDirectLine();
builder.Services.AddBotService();
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

app.MapDirectLine();
app.MapBotService();
app.MapWebChat();
app.MapOccupations();
app.MapBookings();

app.Run();

/// <summary>Entry point; public so that integration tests can host the app.</summary>
public partial class Program;

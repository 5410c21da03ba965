namespace IqTriageBot.Host.Protocol;

/// <summary>Direct Line's page of activities. <see cref="Activities"/> is never null: clients iterate it unconditionally.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);

/// <summary>The body of a successful send: the id the channel gave the activity.</summary>
public sealed record ResourceResponse(string Id);

/// <summary>The 200 body for deliveryMode "expectReplies".</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>Bot Framework error body: {"error":{"code","message"}}.</summary>
public sealed record ErrorResponse(ErrorBody Error);

public sealed record ErrorBody(string Code, string Message);

using IqTriageBot.Host.Protocol;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>Direct Line's own error shape, {"error":{"code","message"}}, with the status codes clients branch on.</summary>
public static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new ErrorBody(code, message)), ProtocolJson.Options, statusCode: status);

    public static IResult MissingCredentials() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "An Authorization header with 'Bearer <secret or token>' is required.");

    public static IResult BadCredentials() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The secret or token is not valid.");

    public static IResult TokenExpired() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; request a new one.");

    public static IResult WrongConversation() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");

    public static IResult UnknownConversation() =>
        Error(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist.");

    public static IResult BadArgument(string message) =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult TooLarge(string message) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", message);
}
